// The compact tables cross-row rules keep: NumberMap against a Map on many keys, through its growth.
import { describe, expect, it } from 'vitest';
import { FloatColumn, IntColumn, NumberMap, TextKeys, TextTable } from '../../src/core/int-tables.js';

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

describe('TextKeys', () => {
  it('numbers texts in the order added and finds them again, through growth of its table and its characters', () => {
    const k = new TextKeys();
    const texts = Array.from({ length: 20_000 }, (_, i) => `户主${i}|卢峰镇大湾村${i % 97}`);
    texts.forEach((t, i) => expect(k.add(t)).toBe(i));
    expect(k.size).toBe(20_000);
    expect(k.add(texts[123]!)).toBe(123); // again: the same number
    expect(k.find(texts[19_999]!)).toBe(19_999);
    expect(k.find('没有这个|村')).toBe(-1);
    expect(k.find('')).toBe(-1);
    expect(k.text(4567)).toBe(texts[4567]);
  });

  it('keeps the empty text, lone surrogates and a text longer than a stack of arguments as they are', () => {
    const k = new TextKeys();
    const long = '张'.repeat(70_000);
    const odd = 'a\ud800b';
    expect([k.add(''), k.add(odd), k.add(long)]).toEqual([0, 1, 2]);
    expect([k.text(0), k.text(1), k.text(2)]).toEqual(['', odd, long]);
    expect(k.find(long)).toBe(2);
  });
});

describe('TextKeys.addUnits', () => {
  const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));
  it('numbers code units as add numbers the same text', () => {
    const k = new TextKeys();
    const a = units('大湾村');
    expect(k.addUnits(a, a.length, TextKeys.hashUnits(a, a.length))).toBe(0);
    expect(k.add('大湾村')).toBe(0);
    expect(k.find('大湾村')).toBe(0);
    const b = units('大湾村3组');
    expect(k.addUnits(b, 3, TextKeys.hashUnits(b, 3))).toBe(0); // only the first `length` units count
    expect(k.addUnits(b, 5, TextKeys.hashUnits(b, 5))).toBe(1);
    expect(k.text(1)).toBe('大湾村3组');
  });
  it('tells apart texts whose hashes collide (every key given one hash, below the size where the table grows)', () => {
    const k = new TextKeys();
    const texts = Array.from({ length: 500 }, (_, i) => `户${i}`);
    texts.forEach((t, i) => {
      const u = units(t);
      expect(k.addUnits(u, u.length, 7)).toBe(i);
    });
    texts.forEach((t, i) => {
      const u = units(t);
      expect(k.addUnits(u, u.length, 7)).toBe(i);
      expect(k.text(i)).toBe(t);
    });
    expect(k.size).toBe(500);
  });
});

describe('TextKeys.addFound', () => {
  it('adds what find just missed, numbered as add numbers it, through growth of its table and its characters', () => {
    const k = new TextKeys();
    const ref = new TextKeys();
    const texts = Array.from({ length: 30_000 }, (_, i) => `户主${i % 20_011}|卢峰镇大湾村${i % 97}组`);
    for (const t of texts) {
      const found = k.find(t);
      const no = found >= 0 ? found : k.addFound();
      expect(no).toBe(ref.add(t));
    }
    expect(k.size).toBe(ref.size);
    for (let i = 0; i < k.size; i += 997) expect(k.text(i)).toBe(ref.text(i));
    expect(k.find(texts[29_999]!)).toBe(ref.find(texts[29_999]!));
  });

  it('keeps texts of one hash apart (FNV-1a collisions are rare: probed slots compare hashes, then characters)', () => {
    // every pair of texts with equal hashes still gets two numbers: hashes are compared before the characters, never instead
    const k = new TextKeys();
    const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));
    const a = units('甲');
    const b = units('乙');
    expect(k.addUnits(a, 1, 42)).toBe(0);
    expect(k.addUnits(b, 1, 42)).toBe(1);
    expect(k.addUnits(a, 1, 42)).toBe(0);
    expect(k.addUnits(b, 1, 43)).toBe(2); // another hash: not found, so added (callers give hashUnits, one hash a text)
  });

  it('refuses to add when the last find found its text, or something else was asked in between', () => {
    const k = new TextKeys();
    expect(() => k.addFound()).toThrow();
    k.add('甲');
    expect(k.find('甲')).toBe(0);
    expect(() => k.addFound()).toThrow();
    expect(k.find('乙')).toBe(-1);
    k.add('丙');
    expect(() => k.addFound()).toThrow();
    expect(k.find('乙')).toBe(-1);
    expect(k.addFound()).toBe(2);
    expect(() => k.addFound()).toThrow();
    expect(k.find('丁')).toBe(-1);
    expect(k.find('甲')).toBe(0); // a find that found: nothing to add
    expect(() => k.addFound()).toThrow();
    expect(k.text(2)).toBe('乙');
  });
});

describe('NumberMap hashing', () => {
  it('tells apart keys that differ only above bit 32 or only below it', () => {
    const m = new NumberMap();
    const keys: number[] = [];
    for (let hi = 0; hi < 40; hi++) for (let lo = 1; lo < 60; lo++) keys.push(hi * 2 ** 32 + lo);
    keys.forEach((key, i) => m.set(key, i));
    expect(m.size).toBe(keys.length);
    keys.forEach((key, i) => expect(m.get(key)).toBe(i));
    expect(m.get(2 ** 32 * 41 + 1)).toBeUndefined();
  });
});

describe('NumberMap.getOrSet', () => {
  it('answers as get-then-set does, through growth (one probe instead of two)', () => {
    const a = new NumberMap();
    const b = new NumberMap();
    let x = 777;
    for (let i = 0; i < 30_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const key = 113900000000 + (x % 20_000) * 13; // repeats: some keys met again
      const had = b.get(key);
      if (had === undefined) b.set(key, i);
      expect(a.getOrSet(key, i)).toBe(had);
    }
    expect(a.size).toBe(b.size);
    expect(() => a.getOrSet(0.5, 1)).toThrow(RangeError);
  });
});

describe('NumberMap: slots of entry numbers, keys and values by entry', () => {
  it('answers as a Map for keys that all start at one slot (equal low bits mixed with their high bits), through growth and reserve', () => {
    // start = (imul(lo, 0x9e3779b1) ^ hi) & mask: keys with hi = imul(lo, 0x9e3779b1) & 0xfffff start at slot 0 of any table up to 2^20 slots
    const crowded: number[] = [];
    for (let lo = 1; crowded.length < 3_000; lo += 977) {
      const hi = Math.imul(lo, 0x9e3779b1) & 0xfffff;
      crowded.push(hi * 2 ** 32 + lo);
    }
    for (const reserved of [0, 5_000]) {
      const m = new NumberMap(1);
      if (reserved) m.reserve(reserved);
      const ref = new Map<number, number>();
      crowded.forEach((key, i) => {
        expect(m.getOrSet(key, i)).toBe(ref.get(key));
        ref.set(key, i);
        if (i % 500 === 0) expect(m.getOrSet(key, -1)).toBe(i); // found again, not added twice
      });
      expect(m.size).toBe(crowded.length);
      crowded.forEach((key, i) => expect(m.get(key)).toBe(i));
      // a key sharing the low 32 bits of one held, and one sharing its start: not found
      expect(m.get(crowded[7]! + 2 ** 32)).toBeUndefined();
      m.set(crowded[7]!, -42); // overwritten in place
      expect([m.get(crowded[7]!), m.size]).toEqual([-42, crowded.length]);
    }
  });
});

describe('TextKeys tails', () => {
  it('keeps a text after each key, read back exactly, through growth of characters and slots', () => {
    const k = new TextKeys(1, 1);
    const ref: [string, string][] = [];
    for (let i = 0; i < 5_000; i++) {
      const key = `户${i % 3_001}|大湾村${i % 17}`;
      const tail = i % 4 === 0 ? '' : `${i % 9}组${i}号`;
      if (k.find(key) >= 0) continue;
      expect(k.addFound(tail)).toBe(ref.length);
      ref.push([key, tail]);
    }
    expect(k.size).toBe(ref.length);
    ref.forEach(([key, tail], i) => {
      expect(k.text(i)).toBe(key);
      expect(k.tail(i)).toBe(tail);
      expect(k.tailIs(i, tail)).toBe(true);
      expect(k.tailIs(i, tail + '1')).toBe(false);
      expect(k.tailIs(i, tail.slice(1))).toBe(tail === '');
      // the tail is not part of the key
      expect(k.find(key)).toBe(i);
      if (tail) expect(k.find(key + tail)).toBe(-1);
    });
    // the last entry's tail ends where the characters used end; a key added without one has none
    const last = k.add('户甲|新村');
    expect([k.tail(last), k.tail(last - 1)]).toEqual(['', ref.at(-1)![1]]);
    // a tail longer than the characters held (they grow for it) and than one fromCharCode call takes
    k.find('户乙|新村');
    const long = k.addFound('张'.repeat(70_000));
    expect([k.tail(long) === '张'.repeat(70_000), k.tailIs(long, '张'.repeat(69_999)), k.tail(last)]).toEqual([true, false, '']);
  });
});
