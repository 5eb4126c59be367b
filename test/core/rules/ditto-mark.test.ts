// ditto-mark: "同上" / 〃 in the organisation or address column counts as the row above, and is reported where it stands.
import { describe, expect, it } from 'vitest';
import type { RawCell, RawSheet } from '../../../src/core/model.js';
import { scanSheet } from '../../../src/core/register.js';
import rule from '../../../src/core/rules/ditto-mark.js';
import { validateRegister } from '../../../src/core/validate.js';

function sheet(rows: (string | number | null)[][]): RawSheet {
  return {
    name: 'Sheet1',
    merges: [],
    rows: rows.map((r) => r.map((v): RawCell | undefined => (v === null ? undefined : { text: String(v), kind: typeof v === 'number' ? 'number' : 'string' }))),
  };
}
const ctx = { file: 'x.csv', format: 'csv' as const, area: { level: 'unknown' as const, source: 'none' as const }, detected: {} };

describe('ditto-mark', () => {
  const reg = scanSheet(
    sheet([
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'],
      [1, '同上', '赵一', '溆浦县卢峰镇', '13907451230'],
      [2, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村', '13907451234'],
      [3, '同上', '李四', '〃', '13907451235'],
      [4, ' 〃 ', '王五', '溆浦县龙潭镇', '13907451236'],
    ]),
    ctx,
  ).registers[0]!;

  it('counts the mark as the row above’s value, keeping the cell and the mark', () => {
    expect(reg.rows.map((r) => r.fields.org?.text)).toEqual(['同上', '溆浦县慈善会', '溆浦县慈善会', '溆浦县慈善会']);
    expect(reg.rows[2]!.fields.org).toMatchObject({ cell: 'B4', ditto: '同上' });
    expect(reg.rows[2]!.fields.address).toMatchObject({ text: '溆浦县卢峰镇大坪村', cell: 'D4', ditto: '〃' });
  });

  it('reports each mark at its cell; one with no row above is unresolved', () => {
    const problems = validateRegister(reg, [rule], { strict: false });
    expect(problems.map((p) => [p.cell, p.messageId, p.severity, p.value])).toEqual([
      ['B2', 'unresolved', 'warning', '同上'],
      ['B4', 'resolved', 'warning', '同上'],
      ['D4', 'resolved', 'warning', '〃'],
      ['B5', 'resolved', 'warning', ' 〃 '],
    ]);
  });
});
