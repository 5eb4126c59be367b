// numberText and parseAmount: numbers shown as the clerk typed them, or as Excel shows them when Excel lost digits.
import { describe, expect, it } from 'vitest';
import { numberText, parseAmount } from '../../src/core/normalize.js';

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
});
