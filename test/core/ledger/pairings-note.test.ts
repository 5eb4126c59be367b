// The pairings visitor's usual row goes straight into its table (PairingTable.note, no PairingRow made): the same rows as
// the rows kept with their addresses (PairingTable.add of a PairingRow), field for field, on seeded random rows.
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../../src/core/household.js';
import { pairingRows, pairings } from '../../../src/core/ledger/visitors.js';
import type { ColumnKey, Field, Register, RegisterRow } from '../../../src/core/model.js';
import { mulberry32 } from '../../../scripts/lib/deterministic.mjs';

const KEYS: ColumnKey[] = ['seq', 'org', 'orgType', 'name', 'address', 'phone'];
const field = (text: string, cell: string): Field => ({ text, norm: text.trim(), cell, kind: text ? 'string' : 'empty' });

describe('pairings: a row noted without a PairingRow', () => {
  it('gives the rows the address-keeping way gives, but for the addresses', () => {
    const rand = mulberry32(2811);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const register = {
      columns: KEYS.map((key, i) => ({ key, col: i, letter: String.fromCharCode(65 + i), header: key, how: 'exact' })),
      area: { level: 'county', city: '怀化市', county: '溆浦县' },
      expectedRows: 0,
    } as unknown as Register;
    const rows: RegisterRow[] = [];
    for (let r = 0; r < 600; r++) {
      const texts = [String(r), pick(['', '溆浦县慈善会', ' 湖南省溆浦县慈善会 ', '怀化市慈善总会', '同上']), pick(['', '', '慈善会', '基金会', '社会组织']), pick(['', '张三', '李 四', '王五']), pick(['', '卢峰镇大湾村3组', '大湾村4组']), pick(['', '13874512345', '0745-1234567', '13874512345 13974512345'])];
      const fields: RegisterRow['fields'] = {};
      KEYS.forEach((k, i) => (fields[k] = field(texts[i]!, `${String.fromCharCode(65 + i)}${r + 4}`)));
      rows.push({ row: r + 4, fields, extra: {} });
    }
    const read = (keep: boolean) => {
      const v = pairings(new HouseholdIndex(), () => keep).create(register, {} as never)!;
      for (const r of rows) v.row(r);
      return pairingRows({ pairings: v.end() });
    };
    const plain = [...read(false)];
    const kept = [...read(true)].map(({ name: _n, address: _a, addressCell: _c, ...p }) => p);
    expect(plain.length).toBe(600);
    expect(plain).toEqual(kept);
    // every case met: with and without a household, an organisation, a type
    for (const k of ['household', 'org', 'typeText'] as const) {
      expect(plain.some((p) => p[k] === undefined)).toBe(true);
      expect(plain.some((p) => p[k] !== undefined)).toBe(true);
    }
  });
});
