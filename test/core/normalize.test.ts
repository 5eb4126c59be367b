// numberText and parseAmount: numbers shown as the clerk typed them, or as Excel shows them when Excel lost digits.
import { describe, expect, it } from 'vitest';
import { isBlank, isDittoMark, normText, numberText, parseAmount } from '../../src/core/normalize.js';

describe('numberText', () => {
  it('writes phones and counts as exact digits', () => {
    expect(numberText(13907451234)).toBe('13907451234');
    expect(numberText(7451234567)).toBe('7451234567');
    expect(numberText(1200.5)).toBe('1200.5');
    expect(numberText(0)).toBe('0');
  });

  it('writes an 18-digit ID stored as a number the way Excel shows it: 15 digits, then zeros', () => {
    expect(numberText(431224199001011234)).toBe('431224199001011000');
    expect(numberText(-431224199001011234)).toBe('-431224199001011000');
    expect(numberText(999999999999999)).toBe('999999999999999');
    expect(numberText(1e21)).toBe('1000000000000000000000');
  });

  it('keeps every digit of a tiny number (issue 16: -3.14e-300 was "-0")', () => {
    expect(numberText(-3.14e-300)).toBe('-3.14E-300');
    expect(numberText(5e-324)).toBe('5E-324');
    expect(numberText(1.2345678901234e-10)).toBe('0.00000000012345678901234');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(-2.5e-20)).toBe('-0.000000000000000000025');
  });
});

describe('parseAmount', () => {
  it('reads money as clerks write it', () => {
    expect(parseAmount('1,200')).toBe(1200);
    expect(parseAmount('1200元')).toBe(1200);
    expect(parseAmount('１２００')).toBe(1200);
    expect(parseAmount('0.5万元')).toBe(5000);
    expect(parseAmount('abc')).toBeUndefined();
  });

  it('answers a text of ASCII digits (the fast path) as the passes for any text do', () => {
    // the passes of parseAmount, as they were before the fast path
    const passes = (s: string): number | undefined => {
      let t = s.normalize('NFKC').replace(/[\s\u00a0\u3000\ufeff]+/gu, '').replace(/[,，]/g, '');
      t = t.replace(/^(?:人民币|RMB|¥|￥)/i, '').replace(/(?:万元|元|人|口|户|块)$/u, '');
      if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    };
    const texts = ['0', '3', '03', '007', '12', '999999999', '123456789012345', '1234567890123456', '9'.repeat(15), '9'.repeat(400), '', '3人', '1.5', '-2', '+2', '٣', '３'];
    for (const t of texts) expect(parseAmount(t), JSON.stringify(t)).toBe(passes(t));
  });
});

describe('isDittoMark without a new string for long cells', () => {
  it('agrees with the plain test (whitespace taken out, then DITTO) for marks, spaced marks and every \\s character', () => {
    const plain = (s: string) => /^(?:同上|同前|同左|同上单位|同上地址|〃|"|”|＂|''|ditto|do\.?)$/iu.test(s.replace(/\s+/g, ''));
    const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const texts = ['同上', '同上单位', 'ditto', 'DITTO', 'do.', 'do', '〃', "''", '溆浦县慈善会', '溆浦县桥江镇孙家坪村22组38号', 'dittos', '同上同上', '\u200b同上'];
    for (const sp of spaces) texts.push(`同${sp}上`, `${sp}同上单位${sp}`, `d${sp}i${sp}t${sp}t${sp}o`, `同上单位${sp}x`, `${sp}${sp}${sp}同上`);
    for (const t of texts) expect(isDittoMark(t), JSON.stringify(t)).toBe(plain(t));
    // every \s character is seen as whitespace (a long mark spaced out with it is still a mark)
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) expect(isDittoMark(`同${ch}${ch}${ch}${ch}上`), c.toString(16)).toBe(true);
    }
  });

  it('agrees with the plain test whatever the first character (the first-character pre-filter is strict)', () => {
    const plain = (s: string) => /^(?:同上|同前|同左|同上单位|同上地址|〃|"|”|＂|''|ditto|do\.?)$/iu.test(s.replace(/\s+/g, ''));
    const tails = ['', '上', '前', '上单位', '上地址', "'", 'itto', 'ITTO', 'o', 'O.', ' 上', '\u3000同上', '同上', 'x'];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of tails) expect(isDittoMark(ch + t), `${c.toString(16)} ${t}`).toBe(plain(ch + t));
    }
    expect(isDittoMark('')).toBe(false);
  });
});

describe('isBlank answers from the first character when it can', () => {
  it('agrees with normText(s) === \'\' whatever the first character and what follows it', () => {
    const tails = ['', ' ', '\u3000', '\u0301', '\u0308 ', 'a', '同'];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of tails) expect(isBlank(ch + t), `${c.toString(16)} ${JSON.stringify(t)}`).toBe(normText(ch + t) === '');
    }
    expect([isBlank(undefined), isBlank(''), isBlank(' \u3000 ')]).toEqual([true, true, true]);
  });
});
