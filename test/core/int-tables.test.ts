// The compact tables cross-row rules keep: NumberMap against a Map on many keys, through its growth.
import { describe, expect, it } from 'vitest';
import { FloatColumn, IntColumn, NumberMap, TextTable } from '../../src/core/int-tables.js';

describe('NumberMap', () => {
  it('answers as a Map does for 50,000 phone-like keys, through growth, overwrites and misses', () => {
    const m = new NumberMap();
    const ref = new Map<number, number>();
    let x = 12345;
    for (let i = 0; i < 50_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const key = 113900000000 + (x % 100_000_000) * 7; // '1' + an 11-digit phone, as shared-phone keys them
      m.set(key, i);
      ref.set(key, i);
    }
    expect(m.size).toBe(ref.size);
    for (const [k, v] of ref) expect(m.get(k)).toBe(v);
    expect(m.get(1)).toBeUndefined();
    expect(m.get(2 ** 52)).toBeUndefined();
  });

  it('refuses keys it cannot keep (0, fractions, beyond 2^53)', () => {
    const m = new NumberMap();
    expect(() => m.set(0, 1)).toThrow(RangeError);
    expect(() => m.set(1.5, 1)).toThrow(RangeError);
    expect(() => m.set(2 ** 54, 1)).toThrow(RangeError);
    m.set(2 ** 53 - 1, 7);
    expect(m.get(2 ** 53 - 1)).toBe(7);
  });
});

describe('columns and texts', () => {
  it('grow to any index and read 0 where nothing was set', () => {
    const a = new IntColumn();
    const f = new FloatColumn();
    a.set(100_000, -5);
    f.set(70_000, 107451234567);
    expect([a.get(100_000), a.get(99_999), a.get(10 ** 7)]).toEqual([-5, 0, 0]);
    expect([f.get(70_000), f.get(1)]).toEqual([107451234567, 0]);
  });

  it('keeps each text once, numbered in the order first met', () => {
    const t = new TextTable();
    expect([t.no('甲'), t.no('乙'), t.no('甲')]).toEqual([0, 1, 0]);
    expect(t.text(1)).toBe('乙');
  });
});
