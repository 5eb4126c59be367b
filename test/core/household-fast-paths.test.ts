// Fast paths of the household key, each held to the general way. phoneNumbers answers a plain mobile number (11 ASCII digits, 13-19) without parsing it: held equal to the parse
// (parsePhones' digits of 7 or more) on seeded random cells near that shape and on every one-unit change of a mobile.
import { describe, expect, it } from 'vitest';
import { addressIdentity, compactedAddressIdentity, generalAddressIdentity, phoneNumbers, plainAddress } from '../../src/core/household.js';
import { compact } from '../../src/core/normalize.js';
import { divisions } from '../helpers/divisions.js';
import { isPlainMobile, parsePhones } from '../../src/core/phone.js';
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
      // (the regular expression parsePhones read a plain mobile by)
      expect(isPlainMobile(text), text).toBe(/^1[3-9]\d{9}$/.test(text));
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
    for (const text of cells) {
      expect(isPlainMobile(text), text).toBe(/^1[3-9]\d{9}$/.test(text));
      expect(phoneNumbers(text)).toEqual(parsed(text));
    }
    expect(isPlainMobile(base)).toBe(true);
    expect(isPlainMobile('12907451234')).toBe(false);
  });
});

// addressIdentity reads the usual address (plainAddress: printable ASCII and common Han, no punctuation) without compact
// and the punctuation test: held equal to compactedAddressIdentity of its compact form.
describe('addressIdentity of a plain address', () => {
  const idx = divisions();
  it('equals the general way on random addresses, with and without the division list', () => {
    const next = random(318);
    const pieces = ['湖南省', '怀化市', '溆浦县', '卢峰镇', '大湾村', '村委会', '居委会', '社区', '三组', '第3组', '03组', '12号', '组织', '同上',
      'a', 'B', '1', '-', '(', ')', '（', '）', '#', '·', ' ', '\u3000', '，', '、', '１', '*', ':', '〃', '"', '/', '城东', '东街', '镇', '乡'];
    let plain = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const k = Math.floor(next() * 7);
      for (let j = 0; j < k; j++) text += pieces[Math.floor(next() * pieces.length)]!;
      if (plainAddress(text) === 1) plain++;
      const d = next() < 0.5 ? idx : undefined;
      // both fast paths (the plain address read as it is, the compacted one without the punctuation test) against the general way
      const general = generalAddressIdentity(compact(text), d);
      expect(addressIdentity(text, d)).toEqual(general);
      expect(compactedAddressIdentity(compact(text), d)).toEqual(general);
    }
    expect(plain).toBeGreaterThan(2000);
  });

  it('finds punctuation exactly where PUNCT does, in printable ASCII and common Han', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (!((c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff))) {
        expect(plainAddress(`大湾村${String.fromCharCode(c)}`)).toBe(0);
        continue;
      }
      const ch = String.fromCharCode(c);
      expect(plainAddress(`大湾村${ch}3组`)).toBe(/[()[\]{}<>【】〔〕《》「」『』"'`‘’“”.,，。、;；:：!！?？·•\-_—–~～/\\|*＊#＃]/u.test(ch) ? 0 : 1);
    }
  });
});
