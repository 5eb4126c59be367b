// readView's fields (ViewField: a lean row's cells, the reference made when asked for) read as the grid path's plain
// objects: every fixture workbook read lean and as a grid gives, field by field, the same text, norm, reference, kind,
// raw value, number format and ditto mark, the same keys in the same order, the same JSON, and cellIs the same answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureWorkbooks } from '../helpers/fixture-workbooks.js';
import type { Field, RawSheet, RegisterRow } from '../../src/core/model.js';
import { cellIs, scanSheet, ViewField } from '../../src/core/register.js';
import { readXlsx } from '../../src/io/xlsx-reader.js';
import { buildXlsx } from '../io/zip-build.js';

const ctx = { file: 'f.xlsx', format: 'xlsx' as const, area: {}, detected: {} } as Parameters<typeof scanSheet>[1];

const parts = (f: Field) => [f.text, f.norm, f.cell, f.kind, f.raw, f.numFmt, f.ditto];
const rowsOf = (sheets: RawSheet[]): RegisterRow[] => sheets.flatMap((s) => scanSheet(s, ctx).registers.flatMap((r) => r.rows));

describe('ViewField: readView\'s fields read as the grid path\'s', () => {
  const files = fixtureWorkbooks();

  it('every fixture workbook: field by field, keys in order, JSON and cellIs', () => {
    const seen = { view: 0, ditto: 0, raw: 0, numFmt: 0, empty: 0 };
    for (const file of files) {
      const buf = readFileSync(file);
      let grid: RegisterRow[], lean: RegisterRow[];
      try {
        grid = rowsOf(readXlsx(buf).sheets);
        lean = rowsOf(readXlsx(buf, { lean: true }).sheets);
      } catch {
        continue;
      }
      expect(lean.length, file).toBe(grid.length);
      for (let i = 0; i < grid.length; i++) {
        const g = grid[i]!;
        const l = lean[i]!;
        expect(Object.keys(l.fields), file).toEqual(Object.keys(g.fields));
        for (const [key, gf] of Object.entries(g.fields) as [keyof RegisterRow['fields'], Field][]) {
          const lf = l.fields[key]!;
          if (lf instanceof ViewField) seen.view++;
          if (lf.ditto !== undefined) seen.ditto++;
          if (lf.raw !== undefined) seen.raw++;
          if (lf.numFmt !== undefined) seen.numFmt++;
          if (lf.kind === 'empty') seen.empty++;
          expect(parts(lf), `${file} ${l.row} ${key}`).toEqual(parts(gf));
          expect(JSON.stringify(lf)).toBe(JSON.stringify(gf));
          const letter = gf.cell.replace(/\d+$/, '');
          for (const [a, r] of [[letter, l.row], [letter, l.row + 1], [`${letter}A`, l.row]] as const) expect(cellIs(lf, a, r)).toBe(cellIs(gf, a, r));
        }
      }
    }
    // the fixtures hold every case: lean rows, dittos taken from above, numbers, number formats, empty cells
    expect(seen.view).toBeGreaterThan(1000);
    for (const k of ['ditto', 'raw', 'numFmt', 'empty'] as const) expect(seen[k], k).toBeGreaterThan(0);
  });

  it('a register of every kind of cell: dittos in styled cells (a number format kept), numbers, dates, empty cells', () => {
    // styles as xlsx-lean.test.ts's: 1 a date, 3 a number format, 4 text (@)
    const styles =
      '<numFmts count="1"><numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>';
    const strings = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '家庭人口', '溆浦县慈善会', '同上', '张三', '卢峰镇大湾村3组', '〃', '李 四', '13874512345'];
    const s = (v: string) => strings.indexOf(v);
    const cell = (ref: string, v: string | number, style?: number) =>
      `<c r="${ref}"${style ? ` s="${style}"` : ''}${typeof v === 'string' ? ' t="s"' : ''}><v>${typeof v === 'string' ? s(v) : v}</v></c>`;
    const rows: string[] = [['A', '序号'], ['B', '扶贫单位或者机构名称'], ['C', '扶贫户主姓名'], ['D', '扶贫家庭住址'], ['E', '联系方式'], ['F', '家庭人口']].map(([c, v]) => cell(`${c}1`, v!));
    let xml = `<sheetData><row r="1">${rows.join('')}</row>`;
    for (let r = 2; r < 40; r++) {
      if (r % 10 === 0) {
        // the header printed again (a new page), once with a cell of another column naming a required one
        xml += `<row r="${r}">${rows.join('').replaceAll('1"', `${r}"`)}${r === 20 ? cell(`G${r}`, '扶贫户主姓名') : ''}</row>`;
        continue;
      }
      if (r === 35) {
        // the header again, its words only in columns the register does not read (G, H, I)
        xml += `<row r="${r}">${cell(`G${r}`, '扶贫单位或者机构名称')}${cell(`H${r}`, '扶贫户主姓名')}${cell(`I${r}`, '扶贫家庭住址')}</row>`;
        continue;
      }
      const org = r === 2 ? '溆浦县慈善会' : r % 3 === 0 ? '同上' : r % 3 === 1 ? '〃' : '溆浦县慈善会';
      const address = r % 4 === 0 ? '同上' : '卢峰镇大湾村3组';
      xml += `<row r="${r}">${cell(`A${r}`, r - 1, r % 5 === 0 ? 3 : undefined)}${cell(`B${r}`, org, r % 2 ? 4 : undefined)}${r % 7 === 0 ? '' : cell(`C${r}`, r % 2 ? '张三' : '李 四')}`;
      xml += `${cell(`D${r}`, address, r % 3 ? 4 : undefined)}${r % 6 === 0 ? '' : cell(`E${r}`, r % 2 ? '13874512345' : 13874512345, r % 5 === 1 ? 4 : undefined)}${cell(`F${r}`, r % 8 === 0 ? 42636 : r % 4, r % 8 === 0 ? 1 : r % 3 === 0 ? 3 : undefined)}`;
      // column G (no header): now and then a cell that names a required column, never two in a row
      xml += `${r % 9 === 0 ? cell(`G${r}`, r % 2 ? '扶贫户主姓名' : '联系方式') : ''}</row>`;
    }
    xml += '</sheetData>';
    const buf = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: strings.map((t) => `<si><t>${t}</t></si>`).join(''), styles });
    const lean = readXlsx(buf, { lean: true }).sheets;
    expect(lean[0]!.lean).toBeDefined();
    const l = rowsOf(lean);
    const g = rowsOf(readXlsx(buf).sheets);
    expect(l.length).toBe(34);
    expect(JSON.stringify(l)).toBe(JSON.stringify(g));
    // the same registers: the repeated headers skipped as totals, the same counts
    const scans = [lean, readXlsx(buf).sheets].map((sheets) => JSON.stringify(sheets.map((sh) => scanSheet(sh, ctx))));
    expect(scans[0]).toBe(scans[1]);
    expect(scanSheet(lean[0]!, ctx).registers[0]!.skipped.total).toBe(4);
    let dittoFormatted = 0;
    for (let i = 0; i < g.length; i++) {
      expect(Object.keys(l[i]!.fields)).toEqual(Object.keys(g[i]!.fields));
      for (const [key, gf] of Object.entries(g[i]!.fields) as [keyof RegisterRow['fields'], Field][]) {
        const lf = l[i]!.fields[key]!;
        expect(parts(lf), `${l[i]!.row} ${key}`).toEqual(parts(gf));
        expect(Object.keys(lf.ditto !== undefined ? lf : ((lf as { toJSON?: () => Field }).toJSON?.() ?? lf))).toEqual(Object.keys(gf));
        if (gf.ditto !== undefined && gf.numFmt !== undefined) dittoFormatted++;
      }
    }
    expect(dittoFormatted).toBeGreaterThan(5);
  });

  it('its reference is made from the column letters and the row when asked for; JSON as fieldOf writes it', () => {
    const f = new ViewField('12', '12', 'number', 12, '0.00', 'AB', 70001);
    expect([f.cell, JSON.stringify(f)]).toEqual(['AB70001', '{"text":"12","norm":"12","cell":"AB70001","kind":"number","raw":12,"numFmt":"0.00"}']);
    expect(JSON.stringify(new ViewField('', '', 'empty', undefined, undefined, 'C', 4))).toBe('{"text":"","norm":"","cell":"C4","kind":"empty"}');
    expect([cellIs(f, 'AB', 70001), cellIs(f, 'A', 70001), cellIs(f, 'AB', 7000)]).toEqual([true, false, false]);
  });
});
