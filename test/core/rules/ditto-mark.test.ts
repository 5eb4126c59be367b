// ditto-mark: "同上" / 〃 in the organisation or address column counts as the row above, and is reported where it stands.
import { describe, expect, it } from 'vitest';
import type { RawCell, RawSheet } from '../../../src/core/model.js';
import { scanSheet } from '../../../src/core/register.js';
import rule from '../../../src/core/rules/ditto-mark.js';
import { allRules } from '../../../src/core/rules/index.js';
import { divisions } from '../../helpers/divisions.js';
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

describe('ditto-mark: one finding per mark, whatever the other rules read', () => {
  const area = { level: 'county' as const, province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' as const };
  const reg = scanSheet(
    sheet([
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'],
      [1, '同上', '赵一', '同上', '13907451230'],
      [2, '溆浦县 慈善会', '张三', '辰溪县辰阳镇大路村', '13907451234'],
      [3, '同上', '李四', '〃', '13907451235'],
      [4, '溆浦县慈善会', '王五', '溆浦县卢峰镇大坪村', '13907451236'],
      [5, '溆浦县慈善会', '钱七', '溆浦县卢峰镇大坪村1组', '13907451237'],
      [6, '〃', '孙八', '同上', '13907451238'],
    ]),
    { ...ctx, area },
  ).registers[0]!;
  const problems = validateRegister(reg, allRules, { strict: false, divisions: divisions() });
  const at = (cell: string) => problems.filter((p) => p.cell === cell).map((p) => `${p.rule}/${p.messageId}`);

  it('the row above has its own findings (a minority spelling, an address in another county)', () => {
    expect(at('B3')).toEqual(['org-name-variant/spaces']);
    expect(at('D3')).toEqual(['address-county/elsewhere']);
  });

  it.each([
    ['B2', 'ditto-mark/unresolved'],
    ['D2', 'ditto-mark/unresolved'],
    ['B4', 'ditto-mark/resolved'],
    ['D4', 'ditto-mark/resolved'],
    ['B7', 'ditto-mark/resolved'],
    ['D7', 'ditto-mark/resolved'],
  ])('%s: only %s', (cell, finding) => {
    expect(at(cell)).toEqual([finding]);
  });

  it('an unresolved mark names no organisation: no type guessed for 同上', () => {
    expect(problems.filter((p) => p.rule === 'org-type-guess')).toEqual([]);
  });
});
