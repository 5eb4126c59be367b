// Tables sized at once for a register's expected rows (reserve) answer exactly as tables that grew as rows came, also
// for keys whose hashes collide and when the room reserved is too little or far too much.
import { describe, expect, it } from 'vitest';
import { FloatColumn, IntColumn, NumberMap, TextKeys } from '../../src/core/int-tables.js';
import { HouseholdIndex } from '../../src/core/household.js';

const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('reserve', () => {
  it('TextKeys: reserved before, between and after texts, numbers and finds as one that grew (hashes colliding too)', () => {
    const grew = new TextKeys(1, 1);
    const reserved = new TextKeys(1, 1);
    reserved.reserve(5_000, 40_000);
    const texts = Array.from({ length: 12_000 }, (_, i) => `户主${i % 7_001}|卢峰镇大湾村${i % 89}`);
    texts.forEach((t, i) => {
      if (i === 3_000) reserved.reserve(100, 1); // too little: it still grows
      if (i === 6_000) reserved.reserve(50_000, 1 << 20); // far more than comes
      // every third text under one hash: probing past colliding slots, before and after reserve rehashes
      const h = i % 3 === 0 ? 12345 : TextKeys.hashUnits(units(t), t.length);
      const u = units(t);
      expect(reserved.addUnits(u, u.length, h)).toBe(grew.addUnits(u, u.length, h));
    });
    expect(reserved.size).toBe(grew.size);
    for (let i = 0; i < grew.size; i += 37) expect(reserved.text(i)).toBe(grew.text(i));
    expect(reserved.find(texts[11_999]!)).toBe(grew.find(texts[11_999]!));
    expect(reserved.find('没有|村')).toBe(-1);
  });

  it('NumberMap: reserved answers as a Map, keys crowded into one run of slots included', () => {
    const m = new NumberMap();
    const ref = new Map<number, number>();
    m.reserve(10);
    for (let i = 0; i < 40_000; i++) {
      if (i === 1_000) m.reserve(100_000);
      // keys 2^32 apart: equal low bits (one start for many keys, the high bits mixed in) and phone-like keys
      const key = i % 2 === 0 ? (i + 1) * 4294967296 + 1 : 113900000000 + i * 7919;
      expect(m.getOrSet(key, i)).toBe(ref.get(key));
      if (!ref.has(key)) ref.set(key, i);
    }
    expect(m.size).toBe(ref.size);
    for (const [k, v] of ref) expect(m.get(k)).toBe(v);
    expect(m.get(3)).toBeUndefined();
  });

  it('columns: reserve keeps values and reads 0 past them', () => {
    const a = new IntColumn(2);
    const f = new FloatColumn(2);
    a.set(1, 9);
    f.set(1, 107451234567);
    a.reserve(100_000);
    f.reserve(100_000);
    a.reserve(10); // less than held: nothing changes
    expect([a.get(1), a.get(99_999), a.get(100_000)]).toEqual([9, 0, 0]);
    expect([f.get(1), f.get(5)]).toEqual([107451234567, 0]);
  });

  it('HouseholdIndex: reserved or not, the same numbers and ids', () => {
    const plain = new HouseholdIndex();
    const sized = new HouseholdIndex();
    sized.reserve(3_000);
    for (let i = 0; i < 6_000; i++) {
      if (i === 2_000) sized.reserve(50);
      const who = { key: `户${i % 1_500}|村${i % 7}`, detail: `${i % 5}组`, county: i % 11 === 0 ? '431224' : '' };
      const phones = i % 4 === 0 ? [] : i % 13 === 0 ? [`139${i}`, `139${i}`] : [`1390000${i % 2_000}`];
      expect(sized.noFor(who, phones)).toBe(plain.noFor(who, phones));
    }
    expect(sized.size).toBe(plain.size);
    for (let no = 0; no < plain.size; no++) expect(sized.idText(no)).toBe(plain.idText(no));
  });
});
