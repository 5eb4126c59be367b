// Unit tests for src/core/phone.ts: what counts as a phone number in a 联系方式 cell.
import { describe, expect, it } from 'vitest';
import { isNoPhoneText, parsePhones } from '../../src/core/phone.js';

const one = (text: string, kind?: 'number' | 'string', numFmt?: string) => {
  const p = parsePhones(text, kind, numFmt);
  expect(p.numbers).toHaveLength(1);
  return p.numbers[0];
};

describe('parsePhones: valid numbers', () => {
  it.each([
    ['13912345678', '13912345678', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    [' 13912345678 ', '13912345678', 'mobile'],
    ['１３９１２３４５６７８', '13912345678', 'mobile'],
    ['139 1234 5678', '13912345678', 'mobile'],
    ['139-1234-5678', '13912345678', 'mobile'],
    ['+86 13912345678', '13912345678', 'mobile'],
    ['手机：13912345678（本人）', '13912345678', 'mobile'],
    ['0745-1234567', '0745-1234567', 'landline'],
    ['07451234567', '0745-1234567', 'landline'],
    ['0745 1234567', '0745-1234567', 'landline'],
    ['（0745）1234567', '0745-1234567', 'landline'],
    ['(0745)1234567', '0745-1234567', 'landline'],
    ['010-12345678', '010-12345678', 'landline'],
    ['01012345678', '010-12345678', 'landline'],
    ['0745-1234567转123', '0745-1234567转123', 'landline'],
    ['0745-1234567-123', '0745-1234567转123', 'landline'],
    ['0745-1234567 ext 12', '0745-1234567转12', 'landline'],
    ['0745-1234567 转 8', '0745-1234567转8', 'landline'],
  ])('%s → %s', (text, formatted, type) => {
    const n = one(text);
    expect(n).toMatchObject({ valid: true, formatted, type });
    expect(n.reason).toBeUndefined();
  });

  it('reads several numbers separated by / 、 , ， ； ; and spaces', () => {
    const cases: [string, string[]][] = [
      ['13912345678/13812345678', ['13912345678', '13812345678']],
      ['13912345678、0745-1234567', ['13912345678', '0745-1234567']],
      ['13912345678，13812345678', ['13912345678', '13812345678']],
      ['13912345678；13812345678', ['13912345678', '13812345678']],
      ['13912345678;13812345678', ['13912345678', '13812345678']],
      ['13912345678 13812345678', ['13912345678', '13812345678']],
      ['0745 1234567 13912345678', ['0745-1234567', '13912345678']],
      ['13912345678或13812345678', ['13912345678', '13812345678']],
    ];
    for (const [text, expected] of cases) {
      const p = parsePhones(text);
      expect(p.valid, text).toBe(true);
      expect(p.numbers.map((n) => n.formatted), text).toEqual(expected);
    }
  });

  it('accepts a numeric cell holding an 11-digit mobile', () => {
    expect(one('13912345678', 'number')).toMatchObject({ valid: true, type: 'mobile', formatted: '13912345678' });
  });

  it('treats an empty cell as no numbers, valid', () => {
    expect(parsePhones('')).toEqual({ numbers: [], valid: true, none: false });
    expect(parsePhones('  　')).toEqual({ numbers: [], valid: true, none: false });
  });

  it('recognises cells saying there is no phone', () => {
    for (const t of ['无', '暂无', '不详', '/', '-', ' — ']) {
      expect(parsePhones(t), t).toEqual({ numbers: [], valid: true, none: true });
      expect(isNoPhoneText(t), t).toBe(true);
    }
    expect(isNoPhoneText('13912345678')).toBe(false);
    expect(isNoPhoneText('')).toBe(false);
  });
});

describe('parsePhones: invalid numbers', () => {
  it('scientific notation text loses the digits', () => {
    expect(one('1.39123E+10')).toMatchObject({ valid: false, reason: 'scientific', digits: '' });
    expect(one('1.39E+10')).toMatchObject({ valid: false, reason: 'scientific', digits: '' });
    expect(one('1.39123e+10')).toMatchObject({ valid: false, reason: 'scientific' });
  });

  it('a numeric cell shown in scientific format whose digits end in zeros is scientific', () => {
    expect(one('13912300000', 'number', '0.00E+00')).toMatchObject({ valid: false, reason: 'scientific' });
    // the same value in General format may be a real number
    expect(one('13912300000', 'number')).toMatchObject({ valid: true });
    // an exact value in a scientific format is only displayed that way: the digits are intact
    expect(one('13912345678', 'number', '0.00E+00')).toMatchObject({ valid: true });
  });

  it('letters', () => {
    expect(one('139l2345678')).toMatchObject({ valid: false, reason: 'letters', letters: 'l' });
    expect(one('O745-1234567')).toMatchObject({ valid: false, reason: 'letters', letters: 'O' });
    expect(one('abc')).toMatchObject({ valid: false, reason: 'letters', letters: 'abc' });
  });

  it('wrong length, with the digits found', () => {
    expect(one('1391234567')).toMatchObject({ valid: false, reason: 'length', digits: '1391234567' });
    expect(one('139123456789')).toMatchObject({ valid: false, reason: 'length', digits: '139123456789' });
    expect(one('0745-123456')).toMatchObject({ valid: false, reason: 'length' });
    expect(one('013912345678')).toMatchObject({ valid: false, reason: 'length' });
    expect(one('123')).toMatchObject({ valid: false, reason: 'length', digits: '123' });
  });

  it('a numeric cell with 12+ digits or a fractional part is wrong', () => {
    expect(one('139123456789', 'number')).toMatchObject({ valid: false, reason: 'length' });
    expect(one('13912345678.5', 'number')).toMatchObject({ valid: false, reason: 'fraction' });
  });

  it('a numeric landline that lost the 0 of its area code', () => {
    expect(one('7451234567', 'number')).toMatchObject({ valid: false, reason: 'leading-zero', formatted: '0745-1234567' });
  });

  it('mobile prefix 10-12 is not a mobile', () => {
    expect(one('12345678901')).toMatchObject({ valid: false, reason: 'mobile-prefix' });
    expect(one('10012345678')).toMatchObject({ valid: false, reason: 'mobile-prefix' });
  });

  it('an area code that cannot be one', () => {
    expect(one('07-1234567')).toMatchObject({ valid: false, reason: 'area-code', areaCode: '07' });
    expect(one('074567-1234567')).toMatchObject({ valid: false, reason: 'area-code' });
  });

  it('a local number without area code is its own (warning) reason', () => {
    expect(one('4321234')).toMatchObject({ valid: false, reason: 'no-area-code', type: 'local' });
    expect(one('43212345')).toMatchObject({ valid: false, reason: 'no-area-code', type: 'local' });
  });

  it('text without digits that is not a "no phone" word', () => {
    expect(one('同上')).toMatchObject({ valid: false, reason: 'characters' });
  });

  it('judges each number of a cell separately', () => {
    const p = parsePhones('13912345678/1391234567');
    expect(p.valid).toBe(false);
    expect(p.numbers.map((n) => [n.valid, n.reason])).toEqual([
      [true, undefined],
      [false, 'length'],
    ]);
  });
});
