// The row rules' and keys' fast paths give the answers of the general code they stand before: isBlankText against
// normalize.isBlank, TextKeys.findJoined against find of the joined text, and HouseholdIndex.noFor given a key's parts
// against the same key joined (serial-number's PositionRuns is held to a plain array in csv-row-tables.test.ts).
import { describe, expect, it } from 'vitest';
import { HouseholdIndex, type HouseholdWho } from '../../src/core/household.js';
import { TextKeys } from '../../src/core/int-tables.js';
import { isBlank } from '../../src/core/normalize.js';
import { isBlankText } from '../../src/core/row-facts.js';
import { mulberry32 as random } from '../../scripts/lib/deterministic.mjs';

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

describe('isBlankText', () => {
  // the edges of the first-character ranges, whitespace of every kind, controls, full-width and compatibility forms
  const units = [
    ' ', '\t', '\n', '\r', '\u000b', '\u0000', '\u001f', '\u0020', '\u0021', '\u007e', '\u007f', '\u0080', '\u00a0', '\u1680', '\u2000',
    '\u200a', '\u200b', '\u2028', '\u202f', '\u3000', '\ufeff', '\u4dff', '\u4e00', '\u9fa5', '\u9fa6', '\u9fff', '\ua000', 'Ａ', '１',
    '\u2460', '\uff5e', 'a', '0', '同', '〇', '\ud840', '\udc00', '\u3400',
  ];

  it('agrees with isBlank on 30,000 random texts and on every single unit of the BMP', () => {
    const next = random(26);
    for (let n = 0; n < 30_000; n++) {
      let t = '';
      const len = Math.floor(next() * 5);
      for (let k = 0; k < len; k++) t += pick(next, units);
      expect(isBlankText(t), JSON.stringify(t)).toBe(isBlank(t));
    }
    for (let c = 0; c < 0x10000; c++) {
      const t = String.fromCharCode(c);
      if (isBlankText(t) !== isBlank(t)) expect(isBlankText(t), c.toString(16)).toBe(isBlank(t));
    }
    expect(isBlankText(undefined)).toBe(true);
    expect(isBlankText('')).toBe(true);
  });
});

describe('TextKeys.findJoined', () => {
  it('finds what find of the joined text finds, and addFound adds that text', () => {
    const next = random(42);
    const parts = ['', '张三', '李', '|', '卢峰镇大湾村', 'a|b', '\u0001', '村'.repeat(300), '王小二', '𠀋'];
    const joined = new TextKeys();
    const plain = new TextKeys();
    for (let n = 0; n < 5000; n++) {
      const a = pick(next, parts) + (next() < 0.5 ? String(Math.floor(next() * 50)) : '');
      const b = pick(next, parts) + (next() < 0.5 ? String(Math.floor(next() * 50)) : '');
      const sep = next() < 0.9 ? 0x7c : 0x2f;
      const text = a + String.fromCharCode(sep) + b;
      const found = joined.findJoined(a, sep, b);
      expect(found, text).toBe(plain.find(text));
      expect(joined.find(text), text).toBe(found);
      if (found < 0) {
        // added after findJoined (the text it looked up), and after find (the reference)
        joined.findJoined(a, sep, b);
        const i = joined.addFound(n % 3 === 0 ? '3组' : '');
        expect(plain.addFound(n % 3 === 0 ? '3组' : '')).toBe(i);
        expect(joined.text(i)).toBe(text);
      }
    }
    expect(joined.size).toBe(plain.size);
    expect(joined.size).toBeGreaterThan(1000);
  });
});

describe('HouseholdIndex.noFor given the key in parts', () => {
  it('numbers households as it does given the key joined', () => {
    const next = random(7);
    const names = ['张三', '李四', '王五', 'a|b', ''];
    const villages = ['卢峰镇大湾村', '桥江镇红星村', '大湾村', '', '|'];
    const details = ['3组', '4组', '', '3组12号'];
    const counties = ['', '431224', '431202'];
    const phones = [[], ['13907451234'], ['13907451235'], ['13907451234', '07451234567'], ['1234567890123456789']];
    const parted = new HouseholdIndex();
    const whole = new HouseholdIndex();
    for (let n = 0; n < 20_000; n++) {
      const name = pick(next, names);
      const village = pick(next, villages);
      const who = { name, village, detail: pick(next, details), county: pick(next, counties), get key() { return `${name}|${village}`; } } as HouseholdWho;
      const ph = pick(next, phones);
      const a = parted.noFor(who, ph);
      const b = whole.noFor({ key: who.key, detail: who.detail, county: who.county }, ph);
      expect(a, `${n}`).toBe(b);
    }
    expect(parted.size).toBe(whole.size);
    for (let i = 0; i < parted.size; i++) expect(parted.idText(i)).toBe(whole.idText(i));
  });
});
