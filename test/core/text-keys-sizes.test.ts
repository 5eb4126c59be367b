// TextKeys starts small (a table is made per register) and grows: numbering and finding are the same whatever room
// it was given at first, also for texts whose hashes collide, across every growth of its slots and characters.
import { describe, expect, it } from 'vitest';
import { TextKeys } from '../../src/core/int-tables.js';

const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('TextKeys sizes', () => {
  it('a table given little room and one given much number and find 30,000 texts alike', () => {
    const small = new TextKeys(1, 1);
    const big = new TextKeys(1 << 15, 1 << 20);
    const byDefault = new TextKeys();
    const texts = Array.from({ length: 30_000 }, (_, i) => `户主${i % 20_011}|卢峰镇大湾村${i % 97}组${'号'.repeat(i % 7)}`);
    for (const t of texts) {
      const n = big.add(t);
      expect(small.add(t)).toBe(n);
      const f = byDefault.find(t);
      expect(f >= 0 ? f : byDefault.addFound()).toBe(n);
    }
    expect(small.size).toBe(big.size);
    for (let i = 0; i < big.size; i += 101) {
      expect(small.text(i)).toBe(big.text(i));
      expect(byDefault.text(i)).toBe(big.text(i));
    }
    expect(small.find('没有')).toBe(-1);
  });

  it('texts of one hash stay apart below the size where the table grows and through its growth', () => {
    for (const k of [new TextKeys(1024), new TextKeys()]) {
      const texts = Array.from({ length: 500 }, (_, i) => `户${i}`);
      texts.forEach((t, i) => expect(k.addUnits(units(t), t.length, 7)).toBe(i));
      texts.forEach((t, i) => {
        expect(k.addUnits(units(t), t.length, 7)).toBe(i);
        expect(k.text(i)).toBe(t);
      });
      expect(k.size).toBe(500);
    }
  });
});
