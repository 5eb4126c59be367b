// A lean sheet posted by a parse worker (src/io/parse-worker.ts → parse-pool.ts): as plain data through structured clone
// and made a sheet again, it gives every row, its merges, name, hidden flag and text exactly as the sheet read in place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../helpers/sheets.js';
import type { RawSheet } from '../../src/core/model.js';
import { rowCountOf, sheetHasText } from '../../src/core/sheet-rows.js';
import { leanSheetFromWire, leanSheetWire, readXlsx } from '../../src/io/xlsx-reader.js';
import { buildXlsx } from './zip-build.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

function view(s: RawSheet) {
  return { name: s.name, hidden: s.hidden === true, merges: s.merges, rows: rowsOf(s), text: sheetHasText(s), count: rowCountOf(s) };
}

/** Every lean sheet of a workbook read in place, and posted and made again; how many were lean. */
function roundTrip(buf: Buffer): number {
  let book;
  try {
    book = readXlsx(buf, { lean: true });
  } catch {
    return 0; // refused: nothing is posted
  }
  let lean = 0;
  for (const sheet of book.sheets) {
    const wire = leanSheetWire(sheet);
    if (!wire) {
      expect(sheet.lean).toBeUndefined(); // a grid sheet is posted as it is
      continue;
    }
    lean++;
    const again = leanSheetFromWire(structuredClone(wire));
    expect(again.lean).toBeDefined();
    expect(view(again)).toEqual(view(sheet));
    // the whole grid, built once when `rows` is read, too (after rows were read one by one above)
    expect(again.rows).toEqual(sheet.rows);
  }
  return lean;
}

describe('lean sheets posted by a parse worker', () => {
  it('every cell kind, styles, dates, merges, a hidden sheet and a shared string table across two sheets', () => {
    const sheetXml =
      '<sheetData><row r="1"><c r="A1"><v>13874512345</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><v>a &amp; b</v></c>' +
      '<c r="D1" t="inlineStr"><is><t>内联</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" s="1"><v>44197</v></c>' +
      '<c r="H1" s="2"><v>-3.5</v></c><c r="I1" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3"><v>7</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>';
    const buf = buildXlsx({
      sheets: [
        { name: '登记表', xml: sheetXml },
        { name: '隐藏', xml: sheetXml, state: 'hidden' },
      ],
      sharedStrings: ['户主姓名', '溆浦县慈善会'],
      styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>',
    });
    expect(roundTrip(buf)).toBe(2);
    // the 1904 date system
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    expect(roundTrip(buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData>' }], styles, workbookExtra: '<workbookPr date1904="1"/>' }))).toBe(1);
  });

  it('every workbook of the fixtures', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const n of readdirSync(d)) {
        const p = path.join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.xls[xm]$/i.test(n)) files.push(p);
      }
    };
    walk(FIXTURES);
    let lean = 0;
    for (const f of files) lean += roundTrip(readFileSync(f));
    expect(lean).toBeGreaterThan(100);
  });
});
