// Fast paths of the household key, each held to the general way. phoneNumbers answers a plain mobile number (11 ASCII digits, 13-19) without parsing it: held equal to the parse
// (parsePhones' digits of 7 or more) on seeded random cells near that shape and on every one-unit change of a mobile.
import { describe, expect, it } from 'vitest';
import { isPlainMobile, phoneNumbers } from '../../src/core/household.js';
import { parsePhones } from '../../src/core/phone.js';
import { mulberry32 as random } from '../../scripts/lib/deterministic.mjs';

const parsed = (text: string): string[] => parsePhones(text).numbers.map((n) => n.digits).filter((d) => d.length >= 7);

describe('phoneNumbers of a plain mobile', () => {
  it('equals the parse on random cells near the shape', () => {
    const next = random(20261127);
    const units = ['0', '1', '2', '3', '5', '9', '９', '１', '-', ' ', '/', 'a', '零', '\u3000', '+', '8'];
    let fast = 0;
    for (let n = 0; n < 20_000; n++) {
      const length = 9 + Math.floor(next() * 5);
      let text = next() < 0.5 ? '1' : '';
      while (text.length < length) text += next() < 0.8 ? String(Math.floor(next() * 10)) : units[Math.floor(next() * units.length)]!;
      if (isPlainMobile(text)) fast++;
      expect(phoneNumbers(text)).toEqual(parsed(text));
    }
    expect(fast).toBeGreaterThan(250);
  });

  it('equals the parse on every one-unit change of a mobile number, and at its edges', () => {
    const base = '13907451234';
    const cells = ['', '1', '1390745123', '139074512345', '12907451234', '10907451234', '19907451234', '23907451234', ` ${base}`, `${base} `, '1390745123x'];
    for (let i = 0; i < base.length; i++) {
      for (let c = 0; c < 0x80; c++) cells.push(base.slice(0, i) + String.fromCharCode(c) + base.slice(i + 1));
      for (const c of ['０', '９', '一', '\uff0d']) cells.push(base.slice(0, i) + c + base.slice(i + 1));
    }
    for (const text of cells) expect(phoneNumbers(text)).toEqual(parsed(text));
    expect(isPlainMobile(base)).toBe(true);
    expect(isPlainMobile('12907451234')).toBe(false);
  });
});

