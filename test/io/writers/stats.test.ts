// The 附3 writer: the template filled cell by cell, print setup kept, and read back by fupin's own 统计表 reader.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CountPair, RollupRow, RollupTable } from '../../../src/core/model.js';
import { readStatsTable } from '../../../src/core/stats-table.js';
import { writeStatsTable } from '../../../src/io/writers/stats.js';
import { readXlsxBuffer } from '../../../src/io/xlsx.js';
import { HUNAN } from '../../helpers/profile.js';

const p = (units: number, households: number): CountPair => ({ units, households });

function row(unit: string, c: [number, number], f: [number, number], s: [number, number], homes: number): RollupRow {
  return {
    unit,
    level: unit === '市本级' ? 'city' : 'county',
    city: '怀化市',
    ...(unit === '市本级' ? {} : { county: unit }),
    charity: p(...c),
    foundation: p(...f),
    social: p(...s),
    subtotal: p(c[0] + f[0] + s[0], homes),
  };
}

// 13 rows: more than the template's 10, so rows are inserted and 合计/备注 move down.
const TITLE = '湖南省慈善组织精准扶贫结对帮扶统计表';
const COUNTIES = ['鹤城区', '中方县', '沅陵县', '辰溪县', '溆浦县', '会同县', '麻阳苗族自治县', '新晃侗族自治县', '芷江侗族自治县', '靖州苗族侗族自治县', '通道侗族自治县', '洪江市'];
const ROWS: RollupRow[] = [
  row('市本级', [3, 12], [1, 4], [1, 2], 17),
  ...COUNTIES.map((c, i) => row(c, [1, 5 + i], [i % 2, i % 2 ? 2 : 0], [1, 1], 6 + i + (i % 2 ? 2 : 0))),
];
const TABLE: RollupTable = {
  level: 'city',
  area: '怀化市',
  rows: ROWS,
  total: { charity: p(0, 0), foundation: p(0, 0), social: p(0, 0), subtotal: p(0, 0) },
  notes: [],
};

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('writeStatsTable', () => {
  it('fills the form: title, 填报单位 and date, rows, 合计 with cached sums, 备注 below', async () => {
    const buf = await writeStatsTable(TABLE, { title: TITLE, unitLine: '怀化市慈善总会', date: '2016年12月20日' });
    const ws = (await load(buf)).worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('湖南省慈善组织精准扶贫结对帮扶统计表');
    expect(ws.getCell('A3').value).toBe('填报单位：怀化市慈善总会（盖章）');
    expect(ws.getCell('F3').value).toBe('填报日期：2016年12月20日');
    expect(ws.getCell('A6').value).toBe('市本级');
    expect(ws.getCell('B6').value).toBe(3);
    expect(ws.getCell('I6').value).toBe(17);
    expect(ws.getCell('A18').value).toBe('洪江市');
    // 合计 at row 19 (6 + 13), a formula whose cached result is the column sum
    expect(String(ws.getCell('A19').value).replace(/\s/g, '')).toBe('合计');
    expect(ws.getCell('B19').value).toEqual({ formula: 'SUM(B6:B18)', result: 15 });
    expect(ws.getCell('C19').value).toEqual({ formula: 'SUM(C6:C18)', result: 12 + 12 * 5 + 66 });
    expect(ws.getCell('A20').value).toBe('备注：此统计表由市州填写，存档一份，上报省一份。');
    // merged header and the moved 备注 line
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A2:I2', 'A4:A5', 'B4:C4', 'D4:E4', 'F4:G4', 'H4:I4', 'A20:I20']));
    expect(merges).not.toContain('A17:I17');
    // inserted rows keep the data-row style: borders and the whole-number format
    expect(ws.getCell('E17').border?.left?.style).toBe('thin');
    expect(ws.getCell('E17').numFmt).toBe('0');
    expect(ws.getCell('B19').font?.bold).toBe(true);
  });

  it('keeps the print setup: A4 landscape, one page wide, header rows repeated, print area following the rows', async () => {
    const ws = (await load(await writeStatsTable(TABLE, { title: TITLE }))).worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(1); // 13 rows: one page tall too
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.pageSetup.printArea).toBe('A1:I20');
    expect(ws.getColumn(1).width).toBe(16);
  });

  it('a long table (30 counties) runs over pages with the header repeated: one page wide only', async () => {
    const long: RollupTable = { ...TABLE, rows: Array.from({ length: 30 }, (_, i) => ({ ...ROWS[1]!, unit: `县${i + 1}` })) };
    const ws = (await load(await writeStatsTable(long, { title: TITLE }))).worksheets[0]!;
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.getCell('B36').value).toEqual({ formula: 'SUM(B6:B35)', result: 30 });
  });

  it('removes the template rows it does not need (2 rows → 合计 on row 8)', async () => {
    const small: RollupTable = { ...TABLE, rows: ROWS.slice(0, 2) };
    const ws = (await load(await writeStatsTable(small, { title: TITLE }))).worksheets[0]!;
    expect(ws.getCell('A7').value).toBe('鹤城区');
    expect(ws.getCell('B8').value).toEqual({ formula: 'SUM(B6:B7)', result: 4 });
    expect(ws.getCell('A9').value).toBe('备注：此统计表由市州填写，存档一份，上报省一份。');
    expect(ws.rowCount).toBe(9); // no bordered leftovers of the template's rows below the 备注 line
    expect(ws.pageSetup.printArea).toBe('A1:I9');
    // defined names moved with their rows
    const wb = await load(await writeStatsTable(small, { title: TITLE }));
    expect(wb.definedNames.getRanges('total_row').ranges).toEqual(["'统计表'!$A$8"]);
    expect(wb.definedNames.getRanges('note_row').ranges).toEqual(["'统计表'!$A$9"]);
  });

  it('reads back through fupin’s own 统计表 reader to the same figures, without problems', async () => {
    const buf = await writeStatsTable(TABLE, { title: TITLE, unitLine: '怀化市慈善总会' });
    const { sheets } = await readXlsxBuffer(buf);
    const read = readStatsTable(sheets[0]!, { units: COUNTIES, province: HUNAN });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.problems).toEqual([]);
    expect(read.table.level).toBe('city');
    expect(read.areaHint).toBe('怀化市');
    expect(read.reporter).toBe('怀化市慈善总会');
    expect(read.table.rows.map((r) => [r.unit, r.charity, r.foundation, r.social, r.subtotal])).toEqual(
      ROWS.map((r) => [r.unit, r.charity, r.foundation, r.social, r.subtotal]),
    );
    expect(read.stated?.sheetRow).toBe(19);
    expect(read.stated?.total.charity).toEqual(p(15, 138));
    expect(read.remark).toBe('备注：此统计表由市州填写，存档一份，上报省一份。');
  });

  it('writes the provincial table with cities as rows and reads it back as the province', async () => {
    const cities: RollupTable = {
      level: 'province',
      area: '湖南省',
      rows: [
        { ...row('省本级', [2, 30], [5, 18], [5, 7], 50), level: 'province', city: undefined as never },
        { ...row('怀化市', [12, 70], [3, 10], [2, 4], 80), level: 'city', city: '怀化市' },
        { ...row('湘西土家族苗族自治州', [8, 50], [2, 5], [2, 2], 55), level: 'city', city: '湘西土家族苗族自治州' },
      ],
      total: { charity: p(0, 0), foundation: p(0, 0), social: p(0, 0), subtotal: p(0, 0) },
      notes: [],
    };
    const buf = await writeStatsTable(cities, { title: TITLE, unitLine: '湖南省慈善总会' });
    const read = readStatsTable((await readXlsxBuffer(buf)).sheets[0]!, { province: HUNAN });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.problems).toEqual([]);
    expect(read.table.level).toBe('province');
    expect(read.table.rows.map((r) => r.unit)).toEqual(['省本级', '怀化市', '湘西土家族苗族自治州']);
    expect(read.table.total.subtotal).toEqual(p(12 + 17 + 12, 185));
  });

  it('writes a row label that starts with = as an inert string, never a formula', async () => {
    const evil: RollupTable = { ...TABLE, rows: [{ ...ROWS[0]!, unit: '=HYPERLINK("http://x","y")' }] };
    const ws = (await load(await writeStatsTable(evil, { title: TITLE, unitLine: '@SUM(A1)' }))).worksheets[0]!;
    expect(ws.getCell('A6').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A6').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('A6').formula).toBeUndefined();
    expect(ws.getCell('A3').value).toBe('填报单位：@SUM(A1)（盖章）');
  });
});
