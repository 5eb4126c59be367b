// Reconciling a city 统计表 with the table its registers give: one problem per differing cell, missing and extra rows.
import { describe, expect, it } from 'vitest';
import type { CountPair, MergeRange, RawCell, RawSheet, RollupRow, RollupTable } from '../../src/core/model.js';
import { reconcileCityTable } from '../../src/core/reconcile.js';
import { renderProblem } from '../../src/formatters/catalogue/index.js';
import { readStatsTable, type StatsTableRead } from '../../src/core/stats-table.js';

function sheet(rows: (string | number | null)[][], merges: MergeRange[]): RawSheet {
  return {
    name: 'Sheet1',
    merges,
    rows: rows.map((r) =>
      r.map((v): RawCell | undefined =>
        v === null ? undefined : typeof v === 'number' ? { text: String(v), kind: 'number', raw: v } : { text: v, kind: 'string' },
      ),
    ),
  };
}

const m = (top: number, left: number, bottom: number, right: number): MergeRange => ({ top, left, bottom, right });

/** A city 统计表: title row 1, header rows 2-3, data from row 4, then 合计. */
function stated(rows: (string | number)[][]): StatsTableRead {
  const s = sheet(
    [
      ['怀化市慈善组织精准扶贫结对帮扶统计表'],
      ['单位', '慈善系统', null, '基金会', null, '社会服务机构（民非）', null, '小计', null],
      [null, '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'],
      ...rows,
    ],
    [m(1, 0, 2, 0), m(1, 1, 1, 2), m(1, 3, 1, 4), m(1, 5, 1, 6), m(1, 7, 1, 8)],
  );
  const r = readStatsTable(s, { units: ['鹤城区', '中方县', '溆浦县', '辰溪县'] });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const pair = (units: number, households: number): CountPair => ({ units, households });
function row(unit: string, level: RollupRow['level'], ...n: number[]): RollupRow {
  return { unit, level, charity: pair(n[0]!, n[1]!), foundation: pair(n[2]!, n[3]!), social: pair(n[4]!, n[5]!), subtotal: pair(n[6]!, n[7]!) };
}

// What the registers give (written by hand): 溆浦县 has 3 social households (4 in all), 中方县 a register without pairings.
const computed: RollupTable = {
  level: 'city',
  area: '怀化市',
  rows: [
    row('市本级', 'city', 1, 2, 1, 1, 1, 2, 3, 4),
    row('鹤城区', 'county', 0, 0, 1, 2, 0, 0, 1, 2),
    row('溆浦县', 'county', 1, 2, 0, 0, 2, 3, 3, 4),
    row('中方县', 'county', 0, 0, 0, 0, 0, 0, 0, 0),
  ],
  total: { charity: pair(2, 4), foundation: pair(2, 3), social: pair(3, 5), subtotal: pair(7, 10) },
  notes: [],
};

const brief = (ps: ReturnType<typeof reconcileCityTable>) => ps.map((p) => [p.messageId, p.severity, p.cell ?? p.data?.unit]);

describe('reconcileCityTable', () => {
  it('names each differing cell, with the stated and computed figures', () => {
    const read = stated([
      ['市本级', 1, 2, 1, 1, 1, 2, 3, 4],
      ['鹤城区', 0, 0, 1, 2, 0, 0, 1, 2],
      ['溆浦', 1, 2, 0, 0, 2, 2, 3, 3],
      ['合计', 2, 4, 2, 3, 3, 4, 7, 9],
    ]);
    expect(read.problems).toEqual([]);
    const problems = reconcileCityTable(read, computed);
    expect(brief(problems)).toEqual([
      ['cell', 'error', 'G6'],
      ['cell', 'error', 'I6'],
      ['cell', 'error', 'G7'],
      ['cell', 'error', 'I7'],
      ['missing-row', 'warning', '中方县'],
    ]);
    expect(problems.every((p) => p.rule === 'stats-reconcile')).toBe(true);
    expect(problems[0]!.data).toEqual({ unit: '溆浦县', column: '社会服务机构 扶贫脱贫户数', stated: '2', computed: 3 });
    expect(problems[3]!.data).toEqual({ unit: { id: 'term/total-row' }, column: '扶贫脱贫农户总数', stated: '9', computed: 10 });
    expect(renderProblem(problems[0]!, 'zh')).toBe('G6（溆浦县 社会服务机构 扶贫脱贫户数）表中 2，按登记表应为 3');
    expect(renderProblem(problems[4]!, 'en')).toMatch(/^The table has no row for 中方县; the registers give 慈善系统 参与单位数量 0/);
  });

  it('is silent when the table agrees', () => {
    const read = stated([
      ['市本级', 1, 2, 1, 1, 1, 2, 3, 4],
      ['鹤城区', 0, 0, 1, 2, 0, 0, 1, 2],
      ['溆浦县', 1, 2, 0, 0, 2, 3, 3, 4],
      ['中方县', 0, 0, 0, 0, 0, 0, 0, 0],
      ['合计', 2, 4, 2, 3, 3, 5, 7, 10],
    ]);
    expect(reconcileCityTable(read, computed)).toEqual([]);
  });

  it('reports a row with figures the table lacks (error) and a table row without registers (warning, 合计 not compared)', () => {
    const read = stated([
      ['市本级', 1, 2, 1, 1, 1, 2, 3, 4],
      ['溆浦县', 1, 2, 0, 0, 2, 3, 3, 4],
      ['辰溪县', 2, 6, 0, 0, 0, 0, 2, 6],
      ['合计', 4, 10, 1, 1, 3, 5, 8, 14],
    ]);
    expect(brief(reconcileCityTable(read, computed))).toEqual([
      ['no-register', 'warning', 'A6'],
      ['missing-row', 'error', '鹤城区'],
      ['missing-row', 'warning', '中方县'],
    ]);
  });
});
