// Unit tests for src/core/id-number.ts: GB 11643 check digits, birth dates, legacy and Excel-mangled numbers.
import { describe, expect, it } from 'vitest';
import { idCheckDigit, isValidIdNumber, parseIdNumber, upgradeLegacyId } from '../../src/core/id-number.js';

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
