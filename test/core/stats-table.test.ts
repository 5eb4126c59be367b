// Reading and checking 附3 统计表 grids: merged two-row header, wrapped/spaced text, formulas' cached values, bad sums.
import { describe, expect, it } from 'vitest';
import type { MergeRange, RawCell, RawSheet } from '../../src/core/model.js';
import { HUNAN } from '../helpers/profile.js';
import { renderProblem } from '../../src/formatters/catalogue/index.js';
import { looksLikeStatsTable, readStatsTable, type StatsTableRead } from '../../src/core/stats-table.js';

type In = string | number | null | RawCell;

function sheet(rows: In[][], merges: MergeRange[] = []): RawSheet {
  return {
    name: 'Sheet1',
    merges,
    rows: rows.map((r) =>
      r.map((v): RawCell | undefined => {
        if (v === null || v === '') return undefined;
        if (typeof v === 'number') return { text: String(v), kind: 'number', raw: v };
        if (typeof v === 'string') return { text: v, kind: 'string' };
        return v;
      }),
    ),
  };
}

/** A formula cell with its cached result. */
const f = (n: number): RawCell => ({ text: String(n), kind: 'number', raw: n, formula: true });

const m = (top: number, left: number, bottom: number, right: number): MergeRange => ({ top, left, bottom, right });

// The official layout (rows 1-based): title row 2, 填报单位 row 3, header rows 4-5, data 6-8, blank 9, 合计 10, 备注 11.
const HEADER: In[][] = [
  ['附3：'],
  ['湖南省慈善组织精准扶贫结对帮扶统计表'],
  ['填报单位：怀化市慈善总会', null, null, null, null, null, '填报日期：2016年12月20日'],
  ['单  位', '慈善系统', null, '基金会', null, '社会服务机构（民非）', null, '小  计', null],
  [null, '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单\n位数量', '扶贫脱\n贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'],
];
const MERGES = [m(1, 0, 1, 8), m(3, 0, 4, 0), m(3, 1, 3, 2), m(3, 3, 3, 4), m(3, 5, 3, 6), m(3, 7, 3, 8)];
const REMARK = ['备注：此统计表由市州填写，存档一份，上报省一份。'];

function cityTable(total: In[]): RawSheet {
  return sheet(
    [
      ...HEADER,
      ['市本级', 1, 2, 1, 1, 1, 2, 3, 4],
      ['鹤城区', 0, 0, 1, 2, 0, 0, 1, 2],
      ['溆浦县', 1, 2, 0, 0, 2, 2, 3, 3],
      [],
      total,
      REMARK,
    ],
    MERGES,
  );
}

function read(s: RawSheet, opts = {}): StatsTableRead {
  const r = readStatsTable(s, { province: HUNAN, ...opts });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const brief = (r: StatsTableRead) => r.problems.map((p) => [p.rule, p.messageId, p.severity, p.cell]);

describe('readStatsTable', () => {
  it('reads the official form: merged header, rows, 合计, 备注, title and 填报单位', () => {
    const r = read(cityTable(['合   计', 2, 4, 2, 3, 3, 4, 7, 9]));
    expect(r.problems).toEqual([]);
    expect(r.headerRows).toEqual([4, 5]);
    expect(r.title).toBe('湖南省慈善组织精准扶贫结对帮扶统计表');
    expect(r.reporter).toBe('怀化市慈善总会');
    expect(r.areaHint).toBe('怀化市');
    expect(r.remark).toBe('备注：此统计表由市州填写，存档一份，上报省一份。');
    expect(r.table.level).toBe('city');
    expect(r.table.area).toBe('怀化市');
    expect(r.table.rows.map((x) => [x.unit, x.level, x.charity.units, x.charity.households, x.foundation.households, x.subtotal.households])).toEqual([
      ['市本级', 'city', 1, 2, 1, 4],
      ['鹤城区', 'county', 0, 0, 2, 2],
      ['溆浦县', 'county', 1, 2, 0, 3],
    ]);
    expect(r.rows[2]!.refs.social).toEqual({ units: 'F8', households: 'G8' });
    expect(r.rows[2]!.labelCell).toBe('A8');
    expect(r.stated?.sheetRow).toBe(10);
    expect(r.stated?.refs.subtotal.households).toBe('I10');
    expect(r.table.total.subtotal).toEqual({ units: 7, households: 9 });
  });

  it('reports a 合计 that does not add up, at each wrong cell', () => {
    const r = read(cityTable(['合计', 2, 5, 2, 3, 3, 4, 7, 10]));
    expect(brief(r)).toEqual([
      ['stats-total', 'sum', 'error', 'C10'],
      ['stats-total', 'sum', 'error', 'I10'],
    ]);
    expect(r.problems[0]!.data).toMatchObject({ value: '5', expected: 4, column: '慈善系统 扶贫脱贫户数' });
    // The table's total is the sum of the rows, not the stated one.
    expect(r.table.total.charity.households).toBe(4);
    expect(r.stated?.total.charity.households).toBe(5);
  });

  it('reads formulas by their cached values (小计 and 合计 as SUM formulas), short names matched to counties', () => {
    const s = sheet(
      [
        ...HEADER,
        ['州本级', 2, 9, 1, 3, 0, 0, f(3), f(11)],
        ['吉首', 3, 10, 0, 0, 1, 1, f(4), f(11)],
        ['泸溪县', '2', '5', null, null, null, null, f(2), f(5)],
        ['县'],
        ['合  计', f(7), f(24), f(1), f(3), f(1), f(1), f(9), f(27)],
        REMARK,
      ],
      MERGES,
    );
    const r = read(s, { area: '湘西土家族苗族自治州', units: ['吉首市', '泸溪县', '凤凰县'] });
    expect(r.problems).toEqual([]);
    expect(r.table.rows.map((x) => [x.unit, x.county ?? '', x.subtotal.units, x.subtotal.households])).toEqual([
      ['市本级', '', 3, 11],
      ['吉首市', '吉首市', 4, 11],
      ['泸溪县', '泸溪县', 2, 5],
    ]);
  });

  it('checks every figure and each row’s 小计; a row or column with an unreadable figure is not summed against', () => {
    const s = sheet(
      [
        ...HEADER,
        ['市本级', 1, 2, '1.5', 1, -1, 2, 3, 4],
        ['鹤城区', '两', 0, 1, 2, 0, 0, 1, 2],
        ['溆浦县', 1, 2, 1, 3, 2, 2, 4, 8],
        ['中方县', 1, 5, 1, 1, 0, 0, 2, 4],
        ['沅陵县', 1, 1, 0, 0, 0, 0, 2, 1],
        // B, D and F hold unreadable figures above: their 合计 is not checked; I should be 4+2+8+4+1 = 19.
        ['合计', 99, 10, 99, 7, 99, 4, 12, 20],
        REMARK,
      ],
      MERGES,
    );
    const r = read(s);
    expect(brief(r)).toEqual([
      ['stats-number', 'fraction', 'error', 'D6'],
      ['stats-number', 'negative', 'error', 'F6'],
      ['stats-number', 'not-number', 'error', 'B7'],
      ['stats-subtotal-households', 'too-many', 'error', 'I8'],
      ['stats-subtotal-households', 'too-few', 'error', 'I9'],
      ['stats-subtotal-units', 'sum', 'error', 'H10'],
      ['stats-total', 'sum', 'error', 'I11'],
    ]);
    expect(r.problems[2]!.data).toMatchObject({ unit: '鹤城区', column: '慈善系统 参与单位数量', value: '两' });
    expect(r.problems[3]!.data).toMatchObject({ value: '8', sum: 7 });
    expect(r.problems[4]!.data).toMatchObject({ value: '4', max: 5, type: { id: 'term/type-charity' } });
    expect(r.problems[5]!.data).toMatchObject({ value: '2', expected: 1 });
    expect(r.problems[6]!.data).toMatchObject({ value: '20', expected: 19 });
    const zh = r.problems.map((p) => renderProblem(p, 'zh'));
    expect(zh[2]).toBe('B7（鹤城区 慈善系统 参与单位数量）“两”不是数字：请填写整数，没有请填 0');
    expect(zh[6]).toBe('I11（合计 扶贫脱贫农户总数）为 20，各行相加为 19：请改为 19');
    for (const lang of ['zh', 'en'] as const) {
      for (const p of r.problems) expect(renderProblem(p, lang)).not.toMatch(/\{\w+\}/);
    }
  });

  it('flags a row that is no county of the city, and a repeated row', () => {
    const s = sheet(
      [...HEADER, ['市本级', 0, 0, 0, 0, 0, 0, 0, 0], ['怀化县', 1, 1, 0, 0, 0, 0, 1, 1], ['溆浦', 1, 1, 0, 0, 0, 0, 1, 1], ['溆浦县', 1, 1, 0, 0, 0, 0, 1, 1]],
      MERGES,
    );
    const r = read(s, { units: ['鹤城区', '中方县', '溆浦县', '洪江市', '洪江区'] });
    expect(brief(r)).toEqual([
      ['stats-unknown-unit', 'unknown', 'warning', 'A7'],
      ['stats-unknown-unit', 'duplicate', 'warning', 'A9'],
    ]);
    expect(r.problems[1]!.data).toEqual({ firstRow: 8 });
    expect(renderProblem(r.problems[0]!, 'zh')).toBe(
      'A7 “怀化县”不是怀化市的县市区：请写县市区（市州）的全称，或删去这一行',
    );
    expect(renderProblem(r.problems[1]!, 'en')).toBe('A9: "溆浦县" repeats row 8; one row per unit');
  });

  it('reads a provincial table with short city names', () => {
    const s = sheet(
      [
        ['湖南省慈善组织精准扶贫结对帮扶统计表'],
        ['单位', '慈善系统', null, '基金会', null, '社会服务机构', null, '小计', null],
        [null, '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'],
        ['省本级', 5, 20, 1, 4, 1, 1, 7, 24],
        ['长沙市', 10, 90, 2, 10, 3, 5, 15, 100],
        ['张家界', 4, 30, 1, 2, 0, 0, 5, 31],
        ['湘西州', 5, 19, 1, 3, 1, 1, 7, 22],
        ['香港', 1, 1, 0, 0, 0, 0, 1, 1],
        ['合计', 25, 160, 5, 19, 5, 7, 35, 178],
      ],
      [m(0, 0, 0, 8), m(1, 0, 2, 0), m(1, 1, 1, 2), m(1, 3, 1, 4), m(1, 5, 1, 6), m(1, 7, 1, 8)],
    );
    const r = read(s);
    expect(r.table.level).toBe('province');
    expect(r.table.rows.map((x) => [x.unit, x.level])).toEqual([
      ['省本级', 'province'],
      ['长沙市', 'city'],
      ['张家界市', 'city'],
      ['湘西土家族苗族自治州', 'city'],
      ['香港', 'city'],
    ]);
    expect(brief(r)).toEqual([['stats-unknown-unit', 'unknown', 'warning', 'A8']]);
  });

  it('reads an unmerged hand-made header with group labels over the first column only', () => {
    const s = sheet([
      ['单位', '慈善系统', '', '基金会', '', '社会服务机构（民非）', '', '小计', ''],
      ['', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'],
      ['市本级', 1, 2, 0, 0, 0, 0, 1, 2],
      ['合计', 1, 2, 0, 0, 0, 0, 1, 2],
    ]);
    const r = read(s);
    expect(r.problems).toEqual([]);
    expect(r.rows[0]!.refs.subtotal).toEqual({ units: 'H3', households: 'I3' });
  });

  describe('a 单位 column spanning two sheet columns', () => {
    const UNITS = ['鹤城区', '中方县', '溆浦县', '辰溪县'];
    // 单位 merged over A4:B5; 市本级 and 合计 merged across A:B; the level label 县 merged down A7:A9, the counties in B
    const twoColumns = (rows: In[][], merges: MergeRange[]): RawSheet =>
      sheet(
        [
          ['湖南省慈善组织精准扶贫结对帮扶统计表'],
          ['填报单位：怀化市慈善总会'],
          [],
          ['单位', null, '慈善系统', null, '基金会', null, '社会服务机构（民非）', null, '小计', null],
          [null, null, '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'],
          ...rows,
          ['备注：此统计表由市州填写，存档一份，上报省一份。'],
        ],
        [m(0, 0, 0, 9), m(3, 0, 4, 1), m(3, 2, 3, 3), m(3, 4, 3, 5), m(3, 6, 3, 7), m(3, 8, 3, 9), ...merges],
      );

    it('reads the county names beside the merged level label, and 市本级 / 合计 merged across, without warnings', () => {
      const s = twoColumns(
        [
          ['市本级', null, 1, 2, 1, 1, 1, 2, 3, 4],
          ['县', '鹤城区', 0, 0, 1, 2, 0, 0, 1, 2],
          [null, '溆浦县', 1, 2, 0, 0, 2, 2, 3, 3],
          [null, '辰溪县', 1, 3, 0, 0, 0, 0, 1, 3],
          ['合计', null, 3, 7, 2, 3, 3, 4, 8, 12],
        ],
        [m(5, 0, 5, 1), m(6, 0, 8, 0), m(9, 0, 9, 1)],
      );
      const r = read(s, { units: UNITS });
      expect(r.problems).toEqual([]);
      expect(r.rows.map((x) => [x.label, x.labelCell, x.row.unit, x.row.level, x.row.subtotal.households])).toEqual([
        ['市本级', 'A6', '市本级', 'city', 4],
        ['鹤城区', 'B7', '鹤城区', 'county', 2],
        ['溆浦县', 'B8', '溆浦县', 'county', 3],
        ['辰溪县', 'B9', '辰溪县', 'county', 3],
      ]);
      expect(r.rows[1]!.refs.charity).toEqual({ units: 'C7', households: 'D7' });
      expect(r.stated?.sheetRow).toBe(10);
    });

    it('the same without merges: 县市区 written once in A, 市本级 in A only, an empty level row passed over', () => {
      const s = twoColumns(
        [
          ['市本级', null, 1, 2, 1, 1, 1, 2, 3, 4],
          ['县市区', null, null, null, null, null, null, null, null, null],
          [null, '鹤城区', 0, 0, 1, 2, 0, 0, 1, 2],
          ['县', '溆浦县', 1, 2, 0, 0, 2, 2, 3, 3],
          ['合计', null, 2, 4, 2, 3, 3, 4, 7, 9],
        ],
        [],
      );
      const r = read(s, { units: UNITS });
      expect(r.problems).toEqual([]);
      expect(r.rows.map((x) => [x.label, x.labelCell])).toEqual([
        ['市本级', 'A6'],
        ['鹤城区', 'B8'],
        ['溆浦县', 'B9'],
      ]);
    });

    it('still flags what is wrong: an unknown county, a figure row with only the level label', () => {
      const s = twoColumns(
        [
          ['县', '怀化县', 0, 0, 1, 2, 0, 0, 1, 2],
          [null, null, 1, 2, 0, 0, 2, 2, 3, 3],
        ],
        [m(5, 0, 6, 0)],
      );
      expect(brief(read(s, { units: UNITS }))).toEqual([
        ['stats-unknown-unit', 'unknown', 'warning', 'B6'],
        ['stats-unknown-unit', 'unknown', 'warning', 'A7'],
      ]);
    });
  });

  it('refuses a sheet that is not a 统计表, with a reason', () => {
    const register = sheet([
      ['县市区慈善组织精准扶贫结对帮扶登记表'],
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'],
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇', '13907451234'],
      ['备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。'],
    ]);
    const r = readStatsTable(register);
    expect(r.ok).toBe(false);
    expect(looksLikeStatsTable(register)).toBe(false);
    expect(looksLikeStatsTable(cityTable(['合计']))).toBe(true);
  });
});
