// Unit tests for src/core/id-number.ts: GB 11643 check digits, birth dates, legacy and Excel-mangled numbers.
import { describe, expect, it } from 'vitest';
import { idCheckDigit, isPlainValidId, isValidIdNumber, parseIdNumber, upgradeLegacyId } from '../../src/core/id-number.js';

/** The check character computed here, independently of the module under test. */
function withCheck(body: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const ASOF = new Date(Date.UTC(2024, 0, 1));

describe('idCheckDigit', () => {
  it('computes the well-known 11010519491231002X', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });
  it('agrees with the independent computation', () => {
    for (const body of ['43122419800101123', '43010219751231456', '43122420000229001', '43122419991010987']) {
      expect(body + idCheckDigit(body)).toBe(withCheck(body));
    }
  });
  it('refuses bodies that are not 17 digits', () => {
    expect(idCheckDigit('1234')).toBeUndefined();
    expect(idCheckDigit('4312241980010112X')).toBeUndefined();
  });
});

describe('parseIdNumber', () => {
  it('accepts valid numbers, lower-case x and full-width digits', () => {
    expect(parseIdNumber('11010519491231002X', 'string', ASOF)).toMatchObject({ valid: true, birthDate: '1949-12-31' });
    expect(parseIdNumber('11010519491231002x')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    const hunan = withCheck('43122419800101123');
    expect(parseIdNumber(hunan, 'string', ASOF)).toMatchObject({ valid: true, birthDate: '1980-01-01' });
    const wide = hunan.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(parseIdNumber(wide).valid).toBe(true);
    expect(parseIdNumber(` ${hunan.slice(0, 6)} ${hunan.slice(6)} `).valid).toBe(true);
    expect(isValidIdNumber(withCheck('43122420000229001'), ASOF)).toBe(true);
  });

  it('a wrong check digit names the expected one', () => {
    const good = withCheck('43122419800101123');
    const last = good[17] === '0' ? '1' : '0';
    expect(parseIdNumber(good.slice(0, 17) + last, 'string', ASOF)).toMatchObject({
      valid: false,
      reason: 'check-digit',
      expectedCheck: good[17],
    });
    expect(parseIdNumber('110105194912310021')).toMatchObject({ reason: 'check-digit', expectedCheck: 'X' });
  });

  it('birth dates that do not exist or lie in the future', () => {
    expect(parseIdNumber(withCheck('43122419491331002'), 'string', ASOF)).toMatchObject({ reason: 'birth-date', birthDate: '1949-13-31' });
    expect(parseIdNumber(withCheck('43122419990229002'), 'string', ASOF)).toMatchObject({ reason: 'birth-date' });
    expect(parseIdNumber(withCheck('43122418991231002'), 'string', ASOF)).toMatchObject({ reason: 'birth-date' });
    expect(parseIdNumber(withCheck('43122420300101002'), 'string', ASOF)).toMatchObject({ reason: 'birth-date' });
    // without asOf the future is not checked
    expect(parseIdNumber(withCheck('43122420300101002')).valid).toBe(true);
  });

  it('a region prefix that is no province', () => {
    expect(parseIdNumber(withCheck('99122419800101123'), 'string', ASOF)).toMatchObject({ reason: 'region' });
    expect(parseIdNumber(withCheck('00122419800101123'), 'string', ASOF)).toMatchObject({ reason: 'region' });
  });

  it('wrong length and stray characters', () => {
    expect(parseIdNumber('4312241980010112')).toMatchObject({ reason: 'length', length: 16 });
    expect(parseIdNumber('4312241980010112345')).toMatchObject({ reason: 'length', length: 19 });
    expect(parseIdNumber('43122419800101123A')).toMatchObject({ reason: 'characters' });
    expect(parseIdNumber('4312241980X101123')).toMatchObject({ reason: 'characters' });
    expect(parseIdNumber('X31224198001011231')).toMatchObject({ reason: 'characters' });
  });

  it('numbers Excel stored as numbers or in scientific notation', () => {
    expect(parseIdNumber('431224198001011000', 'number')).toMatchObject({ valid: false, reason: 'numeric' });
    expect(parseIdNumber('4.31224E+17')).toMatchObject({ valid: false, reason: 'scientific' });
    expect(parseIdNumber('4.31224198001011E+17')).toMatchObject({ valid: false, reason: 'scientific' });
  });

  it('legacy 15-digit numbers are their own reason, with the 18-digit upgrade', () => {
    expect(parseIdNumber('110105491231002')).toMatchObject({
      valid: false,
      reason: 'legacy15',
      birthDate: '1949-12-31',
      upgraded: '11010519491231002X',
    });
    // a numeric 15-digit cell kept every digit
    expect(parseIdNumber('431224800101123', 'number')).toMatchObject({ reason: 'legacy15', upgraded: withCheck('43122419800101123') });
    expect(parseIdNumber('431224801301123')).toMatchObject({ reason: 'birth-date' });
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
    expect(upgradeLegacyId('1101054912310')).toBeUndefined();
  });
});

describe('isPlainValidId (the fast path of the id-number rule)', () => {
  /** A deterministic generator (no Math.random: a failure must repeat). */
  function lcg(seed: number): () => number {
    let s = seed >>> 0;
    return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  }
  it('agrees with parseIdNumber(...).valid on every shape of number', () => {
    const rnd = lcg(18);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
    const cases: string[] = [
      '11010519491231002X', '11010519491231002x', '43122420000229001', '', '1234', '４３１２２４１９８００１０１１２３Ｘ',
      ' 431224198001011234', '4312241980010112 4',
    ];
    const dates = ['19000101', '18991231', '20000229', '19000229', '20240229', '20230229', '19801301', '19801200', '19800431', '20231231', '20240101', '20240102', '99991231'];
    for (const region of ['43', '11', '91', '00', '10', '99', '71', '82']) {
      for (const date of dates) {
        const body = region + digits(4) + date + digits(3);
        const good = withCheck(body);
        cases.push(good, good.toLowerCase(), body + String((Number(good[17] === 'X' ? 10 : good[17]) + 1) % 10), body + 'X', body + 'x', body + 'A');
      }
    }
    for (let i = 0; i < 2000; i++) {
      const body = '43' + digits(4) + String(1900 + Math.floor(rnd() * 130)) + digits(2) + digits(2) + digits(3);
      cases.push(withCheck(body), body + digits(1));
    }
    let valid = 0;
    for (const c of cases) {
      for (const asOf of [ASOF, undefined]) {
        const expected = parseIdNumber(c, 'string', asOf).valid;
        expect(isPlainValidId(c, asOf?.getTime()), `${c} as of ${asOf?.toISOString()}`).toBe(expected);
        if (expected) valid++;
      }
    }
    expect(valid).toBeGreaterThan(200); // the generator made valid numbers, not only refused ones
  });
  it('a birth date is on or before asOf by asOf\'s UTC day (as Date.UTC of the date <= asOf), at every day boundary', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const ymd = (t: number) => {
      const d = new Date(t);
      return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
    };
    let checked = 0;
    let valid = 0;
    for (const day of ['2024-02-28', '2024-02-29', '2024-03-01', '2023-12-31', '2024-01-01', '2000-02-29', '1900-01-01', '2026-11-27']) {
      const midnight = Date.parse(day + 'T00:00:00Z');
      for (const asOfMs of [midnight - 1, midnight, midnight + 1, midnight + 12 * 3600_000, midnight + 86_400_000 - 1, NaN]) {
        for (let k = -3; k <= 3; k++) {
          const [y, m, d] = ymd(midnight + k * 86_400_000);
          const id = withCheck('431224' + pad(y, 4) + pad(m, 2) + pad(d, 2) + '123');
          const expected = y >= 1900 && Date.UTC(y, m - 1, d) <= asOfMs;
          expect(isPlainValidId(id, asOfMs), `${id} as of ${asOfMs}`).toBe(expected);
          expect(parseIdNumber(id, 'string', new Date(asOfMs)).valid, `${id} as of ${asOfMs}`).toBe(expected);
          checked++;
          if (expected) valid++;
        }
      }
    }
    expect(checked).toBe(8 * 6 * 7);
    expect(valid).toBeGreaterThan(100);
  });
  it('is false for a number stored as a number only in the caller: it reads text', () => {
    expect(isPlainValidId('11010519491231002X')).toBe(true);
    expect(isPlainValidId('110105194912310021')).toBe(false);
  });
});
