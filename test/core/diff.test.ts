// What changed between two versions of a register (core/diff/diff.ts): matched by household and organisation.
import { describe, expect, it } from 'vitest';
import { diffRows, hasChanges, planDiff, type DiffRow } from '../../src/core/diff/diff.js';
import { HouseholdIndex } from '../../src/core/household.js';
import type { ColumnKey } from '../../src/core/model.js';
import { HUNAN } from '../helpers/profile.js';
import { FORM_HEADER, makeRegister, type CellInput } from '../helpers/register.js';

const AREA = { level: 'county' as const, province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' as const };

type Row = [string, string, string, string];

function version(index: HouseholdIndex, rows: Row[], header: string[] = FORM_HEADER, extra: CellInput[][] = []): { rows: DiffRow[]; columns: Set<ColumnKey> } {
  const table: CellInput[][] = [header, ...rows.map((r, i) => [i + 1, ...r, ...(extra[i] ?? [])])];
  const register = makeRegister(table, { area: AREA });
  const v = diffRows(index).create(register, undefined as never);
  for (const r of register.rows) v.row(r);
  const res = v.end() as { rows: DiffRow[]; columns: ColumnKey[] };
  return { rows: res.rows, columns: new Set(res.columns) };
}

function diff(oldRows: Row[], newRows: Row[]) {
  const index = new HouseholdIndex(HUNAN.divisions);
  return planDiff(version(index, oldRows), version(index, newRows));
}

const BASE: Row[] = [
  ['溆浦县慈善会', '张三', '卢峰镇大湾村3组', '13900000001'],
  ['溆浦县慈善会', '李四', '低庄镇响水村5组', '13900000002'],
  ['怀化市慈善总会', '王五', '观音阁镇杨柳村1组', '13900000003'],
  ['怀化市慈善总会', '赵六', '大江口镇荷花村2组', '13900000004'],
];

describe('planDiff', () => {
  it('the same register is no change', () => {
    const d = diff(BASE, BASE);
    expect(hasChanges(d)).toBe(false);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 0, same: 4 });
  });

  it('moved rows and a renumbered 序号 are not changes', () => {
    const d = diff(BASE, [BASE[3]!, BASE[1]!, BASE[0]!, BASE[2]!]);
    expect(hasChanges(d)).toBe(false);
  });

  it('an address respelt (county in front, 村委会, 组 in Chinese) is the same household: its address changed', () => {
    const next = BASE.map((r) => [...r] as Row);
    next[0]![2] = '溆浦县卢峰镇大湾村委会三组';
    const d = diff(BASE, next);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toMatchObject([{ field: 'address', before: '卢峰镇大湾村3组', after: '溆浦县卢峰镇大湾村委会三组', old: { cell: 'D2' }, new: { cell: 'D2' } }]);
  });

  it('a phone changed is a change of the pairing, not one removed and one added', () => {
    const next = BASE.map((r) => [...r] as Row);
    next[1]![3] = '15800000009';
    const d = diff(BASE, next);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 1, fields: 1 });
    expect(d.changed[0]).toMatchObject({ field: 'phone', column: '联系方式', before: '13900000002', after: '15800000009', household: { name: '李四' } });
  });

  it('an address corrected beyond spelling, the phone kept: the same household', () => {
    const next = BASE.map((r) => [...r] as Row);
    next[2]![2] = '观音阁镇烟园村1组';
    const d = diff(BASE, next);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
  });

  it('the 组 and the phone both changed, same village: still the same household', () => {
    const next = BASE.map((r) => [...r] as Row);
    next[3]![2] = '大江口镇荷花村4组';
    next[3]![3] = '15800000004';
    const d = diff(BASE, next);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 1, fields: 2 });
  });

  it("the head's name corrected, same village and phone: the same household, its name changed", () => {
    const next = BASE.map((r) => [...r] as Row);
    next[1]![1] = '李泗';
    const d = diff(BASE, next);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(d.changed[0]).toMatchObject({ field: 'name', before: '李四', after: '李泗' });
  });

  it('two different households in one village: not matched by name alone', () => {
    const next = BASE.map((r) => [...r] as Row);
    next[1] = ['溆浦县慈善会', '李泗', '低庄镇响水村5组', '13900000099'];
    const d = diff(BASE, next);
    expect(d.summary).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it('a second organisation for a household is an added pairing; a pairing dropped is removed', () => {
    const next: Row[] = [...BASE.slice(1), ['怀化市教育基金会', '张三', '卢峰镇大湾村3组', '13900000001']];
    const d = diff(BASE, next);
    expect(d.added.map((a) => [a.household.name, a.org])).toEqual([['张三', '怀化市教育基金会']]);
    expect(d.removed.map((a) => [a.household.name, a.org, a.at.cell])).toEqual([['张三', '溆浦县慈善会', 'C2']]);
  });

  it('another spelling of the same organisation matches, and shows as a change of the 扶贫单位 cell', () => {
    const next = BASE.map((r) => [...r] as Row);
    next[0]![0] = '溆浦县 慈善会';
    const d = diff(BASE, next);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(d.changed[0]!.field).toBe('org');
  });

  it('a pairing written twice in the old version and once in the new: one removed', () => {
    const d = diff([...BASE, BASE[0]!], BASE);
    expect(d.summary).toMatchObject({ added: 0, removed: 1, changed: 0 });
  });

  it('a column only one version has is not compared, and said', () => {
    const index = new HouseholdIndex(HUNAN.divisions);
    const old = version(index, BASE);
    const next = version(index, BASE, [...FORM_HEADER, '身份证号码'], BASE.map(() => ['43122419800101123X']));
    const d = planDiff(old, next);
    expect(hasChanges(d)).toBe(false);
    expect(d.onlyNew).toEqual(['idNumber']);
  });
});

describe('planDiff across counties', () => {
  const OTHER = { ...AREA, county: '辰溪县' };
  function rowsOf(index: HouseholdIndex, area: typeof AREA, rows: Row[]): DiffRow[] {
    const register = makeRegister([FORM_HEADER, ...rows.map((r, i) => [i + 1, ...r])], { area });
    const v = diffRows(index).create(register, undefined as never);
    for (const r of register.rows) v.row(r);
    return (v.end() as { rows: DiffRow[] }).rows;
  }
  const columns = new Set<ColumnKey>(['seq', 'org', 'name', 'address', 'phone']);

  it('张三 of 大湾村 in one county is not 张三 of a 大湾村 in another: one removed, one added', () => {
    // the old version has him in 溆浦县, the new one in 辰溪县 (another household): the phone changed too, so only the
    // name-and-village round could pair them
    const index = new HouseholdIndex(HUNAN.divisions);
    const old = rowsOf(index, AREA, [['怀化市慈善总会', '张三', '大湾村3组', '13900000001']]);
    const next = rowsOf(index, OTHER, [['怀化市慈善总会', '张三', '大湾村5组', '13900000077']]);
    const d = planDiff({ rows: old, columns }, { rows: next, columns });
    expect(d.summary).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it('within one county the same rows are one household whose 组 and phone changed', () => {
    const index = new HouseholdIndex(HUNAN.divisions);
    const old = rowsOf(index, AREA, [['怀化市慈善总会', '张三', '大湾村3组', '13900000001']]);
    const next = rowsOf(index, AREA, [['怀化市慈善总会', '张三', '大湾村5组', '13900000077']]);
    expect(planDiff({ rows: old, columns }, { rows: next, columns }).summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
  });
});

describe('planDiff on a big register', () => {
  it('matches 150,000 pairings whose households all moved (no push of a whole round as arguments)', () => {
    const row = (i: number, who: string): DiffRow => ({
      file: 'a.csv', sheet: 'a', row: i + 4, area: '怀化市溆浦县', household: `${who}${i}`, whoKey: `户${i}|大湾村`, detail: '', phones: [], org: '溆浦县慈善会', cells: {},
    });
    const n = 150_000;
    // the household ids differ between the versions, so every pairing is matched by a later round (name and village)
    const old = { rows: Array.from({ length: n }, (_, i) => row(i, 'old')), columns: new Set<ColumnKey>() };
    const next = { rows: Array.from({ length: n }, (_, i) => row(i, 'new')), columns: new Set<ColumnKey>() };
    const plan = planDiff(old, next);
    expect([plan.added.length, plan.removed.length, plan.changed.length]).toEqual([0, 0, 0]);
  });
});
