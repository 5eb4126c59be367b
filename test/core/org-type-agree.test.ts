// An organisation's type is decided once, from all its rows, the same way for the 统计表 and the public listing: when
// its 类型 cells disagree down a register (blank first, 基金会 below) or its spellings differ, both put it in one column.
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../src/core/household.js';
import type { Ledger } from '../../src/core/ledger/model.js';
import { OrgTypeVotes } from '../../src/core/orgs.js';
import { planPublish, publicRows } from '../../src/core/publish/listing.js';
import { rollupCity } from '../../src/core/rollup.js';
import { HUNAN } from '../helpers/profile.js';
import { counted, FORM_HEADER, makeRegister } from '../helpers/register.js';

const area = { level: 'county' as const, city: '怀化市', county: '溆浦县', source: 'path' as const };

describe('OrgTypeVotes', () => {
  it('takes the first 类型 text it can read on any row, else the name written most often', () => {
    const v = new OrgTypeVotes();
    v.add('a', '溆浦县爱心家园', '');
    v.add('a', '溆浦县爱心家园', '不详');
    v.add('a', '溆浦县爱心家园', '基金会');
    v.add('a', '溆浦县爱心家园', '慈善会');
    v.add('b', '溆浦县扶贫协会', undefined);
    v.add('b', '溆浦县慈善会', undefined);
    v.add('b', '溆浦县慈善会', undefined);
    const d = v.decide();
    expect([...d.keys()]).toEqual(['a', 'b']);
    expect(d.get('a')).toMatchObject({ type: 'foundation', source: 'column' });
    expect(v.spellings('b')).toEqual(['溆浦县慈善会', '溆浦县扶贫协会']);
    expect(d.get('b')).toMatchObject({ type: 'charity', source: 'name' });
  });
});

describe('the 统计表 and the public listing agree on each organisation’s type', () => {
  // 溆浦县爱心家园: its first row's 类型 is blank, the second says 基金会 (the name alone would make it 社会服务机构)
  const register = makeRegister(
    [
      [...FORM_HEADER, '类型'],
      [1, '溆浦县爱心家园', '张三', '溆浦县卢峰镇大坪村3组', '', ''],
      [2, '溆浦县爱心家园', '李四', '溆浦县卢峰镇大坪村4组', '', '基金会'],
    ],
    { file: '怀化市/溆浦县.xlsx', area },
  );

  it('both count it as a foundation', () => {
    const { table } = rollupCity(counted([register]), { city: '怀化市' });
    const xupu = table.rows.find((r) => r.unit === '溆浦县')!;
    expect(xupu.foundation).toEqual({ units: 1, households: 2 });
    const v = publicRows(new HouseholdIndex(HUNAN.divisions), 'village').create(register, undefined as never)!;
    for (const row of register.rows) v.row(row);
    const ledger = { profile: HUNAN, files: [{ registers: [{ register, results: { publish: v.end() } }] }], passedOver: [], registryProblems: [] } as unknown as Ledger;
    const listing = planPublish(ledger, 'village');
    expect(listing.entries.map((e) => e.orgType)).toEqual(['foundation', 'foundation']);
    expect(listing.byOrg.map((o) => o.orgType)).toEqual(['foundation']);
  });
});

describe('rows the public listing leaves out are named by file and row', () => {
  it('a row without a 户主姓名 and a row without an organisation', () => {
    const register = makeRegister(
      [FORM_HEADER, [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', ''], [2, '溆浦县慈善会', '', '溆浦县卢峰镇', ''], [3, '', '李四', '溆浦县卢峰镇大坪村4组', '']],
      { file: '怀化市/溆浦县.xlsx', area },
    );
    const v = publicRows(new HouseholdIndex(HUNAN.divisions), 'village').create(register, undefined as never)!;
    for (const row of register.rows) v.row(row);
    const ledger = { profile: HUNAN, files: [{ registers: [{ register, results: { publish: v.end() } }] }], passedOver: [], registryProblems: [] } as unknown as Ledger;
    const listing = planPublish(ledger, 'village');
    expect(listing.noName).toBe(2);
    expect(listing.leftOut).toEqual([
      { file: '怀化市/溆浦县.xlsx', sheet: 'Sheet1', reason: 'no-name', rows: [3] },
      { file: '怀化市/溆浦县.xlsx', sheet: 'Sheet1', reason: 'no-org', rows: [4] },
    ]);
  });
});
