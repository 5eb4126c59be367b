// Issue 16: the xlsx reader's faults found against a reference reader, each on a minimal workbook — cell formats from
// <numFmts> only, dates/times/durations as their format shows them, Strict t="d" rounded, and no value dropped unsaid.
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/io/xlsx-reader.js';
import { buildXlsx, buildZip } from './zip-build.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Styles with the given custom formats (ids from 164) and one cellXfs entry per format id given, in order. */
function styles(custom: string[], xfIds: number[], extra = ''): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(c)}"/>`).join('')}</numFmts>` : '';
  return `${numFmts}<cellXfs count="${xfIds.length}">${xfIds.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs>${extra}`;
}

/** One row of cells `[style, value]` (style index into cellXfs), read back as [text, kind]. */
function row(st: string, cells: [number, string][], workbookExtra = ''): [string, string][] {
  const xml = `<sheetData><row r="1">${cells.map(([s, v], i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>${v}</v></c>`).join('')}</row></sheetData>`;
  const sheet = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml }], styles: st, workbookExtra })).sheets[0]!;
  return (sheet.rows[0] ?? []).map((c) => [c?.text ?? '', c?.kind ?? '']);
}

// 26:31:45 as a serial: 95,505 seconds
const D = String(95_505 / 86_400);

describe('issue 16: number formats', () => {
  it('takes cell formats from <numFmts> only: a <dxfs> format reusing id 14 does not turn a date column into numbers', () => {
    const st = styles([], [0, 14], '<dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0.00"/></dxf></dxfs>');
    expect(row(st, [[1, '42062']])).toEqual([['2015-02-27', 'date']]);
  });

  it('shows durations ([h]:mm, [HH], [mm]:ss, [S]) as elapsed time, not as 1900 dates', () => {
    const st = styles(['[h]:mm:ss', '[h]:mm', '[HH]:mm', '[mm]:ss', '[S]'], [164, 165, 166, 167, 168, 46]);
    expect(row(st, [[0, D], [1, D], [2, D], [3, D], [4, D], [5, D]])).toEqual([
      ['26:31:45', 'date'],
      ['26:31:45', 'date'],
      ['26:31:45', 'date'],
      ['1591:45', 'date'],
      ['95505', 'date'],
      ['26:31:45', 'date'],
    ]);
  });

  it('shows times of day as times (built-in h:mm, h:mm AM/PM, Chinese h"时"mm"分") and dates as dates', () => {
    const st = styles(['yyyy-mm-dd hh:mm', 'yyyy/m/d'], [20, 18, 32, 164, 165, 14]);
    expect(row(st, [[0, '0.6875'], [1, '0.6875'], [2, '42625.6875'], [3, '42625'], [4, '42625.75'], [5, '42625.75']])).toEqual([
      ['16:30:00', 'date'],
      ['16:30:00', 'date'],
      ['16:30:00', 'date'],
      ['2016-09-12 00:00:00', 'date'],
      ['2016-09-12', 'date'],
      ['2016-09-12', 'date'],
    ]);
  });

  it('shows zero and negative serials as Excel does: 1900-01-00, 00:00:00; ##### (the number kept) in the 1900 system; signed in 1904', () => {
    const st = styles(['[h]:mm:ss'], [14, 20, 164]);
    expect(row(st, [[0, '0'], [1, '0'], [2, '0'], [0, '-1'], [2, '-1.5'], [0, '60'], [0, '3000000']])).toEqual([
      ['1900-01-00', 'date'],
      ['00:00:00', 'date'],
      ['0:00:00', 'date'],
      ['-1', 'number'],
      ['-1.5', 'number'],
      ['1900-02-29', 'date'],
      ['3000000', 'number'],
    ]);
    expect(row(st, [[0, '0'], [0, '-1'], [2, '-1.5']], '<workbookPr date1904="1"/>')).toEqual([
      ['1904-01-01', 'date'],
      ['-1904-01-02', 'date'],
      ['-36:00:00', 'date'],
    ]);
  });

  it('applies a time format only to the values of its own section', () => {
    const st = styles(['0.00;-0.00;h:mm', 'General;General;[h]:mm', '[<1]h:mm;0.00', '0;[h]:mm'], [164, 165, 166, 167]);
    expect(row(st, [[0, '1.5'], [0, '0'], [1, '2'], [1, '0'], [2, '0.5'], [2, '5'], [3, '1.5']])).toEqual([
      ['1.5', 'number'],
      ['00:00:00', 'date'],
      ['2', 'number'],
      ['0:00:00', 'date'],
      ['12:00:00', 'date'],
      ['5', 'number'],
      ['1.5', 'number'],
    ]);
  });
});

describe('issue 16: Strict t="d" values and tiny numbers', () => {
  const cells = (xml: string) =>
    readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1">${xml}</row></sheetData>` }] })).sheets[0]!.rows[0]!.map((c) => [c?.text, c?.kind]);

  it('rounds ISO dates to the second instead of cutting them, and reads a time alone (or on day 0, 1899-12-30) as a time', () => {
    expect(
      cells(
        '<c r="A1" t="d"><v>2020-01-01T15:59:59.9999998</v></c><c r="B1" t="d"><v>2020-01-01T23:59:59.9</v></c>' +
          '<c r="C1" t="d"><v>10:10:10</v></c><c r="D1" t="d"><v>1899-12-30T10:10:10Z</v></c><c r="E1" t="d"><v>not a date</v></c>',
      ),
    ).toEqual([
      ['2020-01-01 16:00:00', 'date'],
      ['2020-01-02', 'date'],
      ['10:10:10', 'date'],
      ['10:10:10', 'date'],
      ['not a date', 'string'],
    ]);
  });

  it('keeps the digits of numbers JavaScript writes with an exponent', () => {
    expect(cells('<c r="A1"><v>-3.14E-300</v></c><c r="B1"><v>1.2345678901234E-10</v></c>')).toEqual([
      ['-3.14E-300', 'number'],
      ['0.00000000012345678901234', 'number'],
    ]);
  });
});

describe('issue 16: nothing dropped unsaid', () => {
  it('reports cells naming shared strings that do not exist, and reads Office 2007 beta <sstItem> strings', () => {
    const wb = readXlsx(
      buildXlsx({
        sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c><c r="C1" t="s"><v>x</v></c></row></sheetData>' }],
        sharedStrings: ['一'],
      }),
    );
    expect(wb.sheets[0]!.rows[0]!.map((c) => c?.text)).toEqual(['一']);
    expect(wb.notes.missingStrings).toEqual({ cells: 2, first: ['S!B1', 'S!C1'], strings: 1 });
    const beta = readXlsx(
      buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }], sharedStrings: '<sstItem><t>Lorem</t></sstItem>' }),
    );
    expect(beta.sheets[0]!.rows[0]![0]?.text).toBe('Lorem');
    expect(beta.notes.missingStrings).toBeUndefined();
  });

  it('reports parts stored twice, and whether the copies differ', () => {
    const sheet = (v: string) => `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData></worksheet>`;
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: sheet('1'), raw: true }], extraEntries: [{ name: 'xl/worksheets/Sheet1.xml', data: sheet('2') }] });
    const wb = readXlsx(buf);
    expect(wb.sheets[0]!.rows[0]![0]?.text).toBe('1');
    expect(wb.notes.duplicateParts).toEqual([{ name: 'xl/worksheets/sheet1.xml', copies: 2, differ: true, read: true }]);
    const same = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: sheet('1'), raw: true }], extraEntries: [{ name: 'xl/worksheets/sheet1.xml', data: sheet('1') }] }));
    expect(same.notes.duplicateParts).toEqual([{ name: 'xl/worksheets/sheet1.xml', copies: 2, differ: false, read: true }]);
  });

  it('reports macro, dialog and chart sheets it does not read, with the values a macro sheet holds', () => {
    const rels =
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/dialogsheet" Target="dialogsheets/sheet1.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`;
    const buf = buildZip([
      { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
      {
        name: 'xl/workbook.xml',
        data: `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="Macro1" sheetId="2" r:id="rId2"/><sheet name="Dialog1" sheetId="3" r:id="rId3"/><sheet name="Chart1" sheetId="4" r:id="rId4"/><sheet name="Gone" sheetId="5" r:id="rId9"/></sheets></workbook>`,
      },
      { name: 'xl/_rels/workbook.xml.rels', data: rels },
      { name: 'xl/worksheets/sheet1.xml', data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>` },
      { name: 'xl/macrosheets/sheet1.xml', data: `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" ${NS}><sheetData><row r="1"><c r="A1" t="str"><f>ECHO()</f><v>x</v></c><c r="B1"><v>2</v></c></row></sheetData></xm:macrosheet>` },
      { name: 'xl/dialogsheets/sheet1.xml', data: `<dialogsheet ${NS}><sheetData/></dialogsheet>` },
      { name: 'xl/chartsheets/sheet1.xml', data: `<chartsheet ${NS}/>` },
    ]);
    const wb = readXlsx(buf);
    expect(wb.sheets.map((s) => s.name)).toEqual(['S']);
    expect(wb.notes.skippedSheets).toEqual([
      { name: 'Macro1', kind: 'macro', cells: 2 },
      { name: 'Dialog1', kind: 'dialog', cells: 0 },
      { name: 'Chart1', kind: 'chart', cells: 0 },
      { name: 'Gone', kind: 'missing', cells: 0 },
    ]);
  });
});
