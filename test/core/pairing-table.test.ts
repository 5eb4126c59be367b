// The pairing rows kept as integer columns read back exactly as noted (the rollup, quota and roster sections read them).
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../src/core/household.js';
import { PairingTable, type PairingRow } from '../../src/core/ledger/pairing-table.js';

describe('PairingTable', () => {
  it('gives back every field of every row, in order, with households by number and their id text', () => {
    const index = new HouseholdIndex();
    const a = index.noFor({ key: '张三|大湾村', detail: '3组', county: '' }, []);
    const b = index.noFor({ key: '李四|大湾村', detail: '', county: '' }, []);
    const t = new PairingTable(index);
    t.add({ row: 5, household: a, org: '溆浦县慈善会', spelling: '溆浦县慈善会 ', sig: 0xfffffffe, typeText: '社会组织' });
    t.add({ row: 6, spelling: '', sig: 0 }); // no household, no organisation
    t.add({ row: 9, household: b, org: '溆浦县慈善会', spelling: '湖南省溆浦县慈善会', sig: 7, name: '李四', address: '大湾村', addressCell: 'D9' });
    const rows: PairingRow[] = [...t];
    expect(t.length).toBe(3);
    expect(rows).toEqual([
      { row: 5, household: a, org: '溆浦县慈善会', spelling: '溆浦县慈善会 ', sig: 0xfffffffe, typeText: '社会组织' },
      { row: 6, spelling: '', sig: 0 },
      { row: 9, household: b, org: '溆浦县慈善会', spelling: '湖南省溆浦县慈善会', sig: 7, name: '李四', address: '大湾村', addressCell: 'D9' },
    ]);
    expect(t.at(1)).toEqual(rows[1]);
    expect([t.householdText(a), t.householdText(b)]).toEqual(['张三|大湾村3组', '李四|大湾村']);
    expect([...t]).toEqual(rows); // read again: the same
    // what counting reads, without a row object: the same fields of the same rows
    const counted: unknown[] = [];
    t.eachCount((household, org, spelling, typeText, row) => counted.push({ household, org, spelling, typeText, row }));
    expect(counted).toEqual(rows.map((r) => ({ household: r.household, org: r.org, spelling: r.spelling, typeText: r.typeText, row: r.row })));
  });

  it('holds thousands of rows (its columns grow)', () => {
    const t = new PairingTable(new HouseholdIndex());
    for (let i = 0; i < 5000; i++) t.add({ row: i + 4, spelling: `org${i % 7}`, sig: i });
    expect(t.length).toBe(5000);
    expect(t.at(4321)).toEqual({ row: 4325, spelling: 'org2', sig: 4321 });
  });
});
