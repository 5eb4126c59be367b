// Property tests (fast-check) for the pieces that take arbitrary text: normalisation, phone numbers, person names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, digitsOf, nameKey, normText, orgKey } from '../../src/core/normalize.js';
import { parsePhones } from '../../src/core/phone.js';
import { checkPersonName } from '../../src/core/person-name.js';

const RUNS = { numRuns: 500 };
/** Han characters of the basic block, as in names and addresses. */
const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
/** Text a clerk's cell may hold: Han, ASCII, full-width forms, odd spaces. */
const cellText = fc.string({
  unit: fc.oneof(
    han,
    fc.constantFrom(...'0123456789abcXYZ -/()（）［］，、：:'),
    fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCodePoint(c)),
    fc.constantFrom('\u3000', '\u00a0', '\t', '\n', '\u200b', '\ufeff'),
  ),
  maxLength: 30,
});
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

describe('normalisation', () => {
  it('normText, compact, orgKey and nameKey are idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string()), (s) => {
        for (const f of [normText, compact, orgKey, nameKey]) expect(f(f(s))).toBe(f(s));
      }),
      RUNS,
    );
  });

  it('normText leaves no leading, trailing or doubled whitespace', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const n = normText(s);
        expect(n).toBe(n.trim());
        expect(n).not.toMatch(/\s\s|[\u3000\u00a0\t\n]/);
      }),
      RUNS,
    );
  });

  it('full-width digits normalise to the same digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,20}$/), (d) => {
        expect(normText(toFullWidth(d))).toBe(d);
        expect(digitsOf(toFullWidth(d))).toBe(d);
      }),
      RUNS,
    );
  });
});

/** A valid mobile number: 1[3-9] and 9 more digits. */
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^[0-9]{9}$/)).map(([b, rest]) => `1${b}${rest}`);

describe('phone numbers', () => {
  it('a mobile written with spaces, dashes or full-width digits reads as itself', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom('plain', 'spaces', 'dashes', 'full', 'full-spaces', 'ideographic-space'), (m, style) => {
        const written = {
          plain: m,
          spaces: `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
          dashes: `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
          full: toFullWidth(m),
          'full-spaces': toFullWidth(`${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`),
          'ideographic-space': `${m.slice(0, 3)}\u3000${m.slice(3)}`,
        }[style];
        const p = parsePhones(written);
        expect(p.valid).toBe(true);
        expect(p.numbers.map((n) => [n.digits, n.type])).toEqual([[m, 'mobile']]);
      }),
      RUNS,
    );
  });

  it('a mobile stored as a number reads as itself', () => {
    fc.assert(
      fc.property(mobile, (m) => {
        expect(parsePhones(m, 'number').numbers.map((n) => n.digits)).toEqual([m]);
      }),
      RUNS,
    );
  });

  it('two mobiles separated by / or 、 read as two', () => {
    fc.assert(
      fc.property(mobile, mobile, fc.constantFrom('/', '、', '，', ';'), (a, b, sep) => {
        expect(parsePhones(`${a}${sep}${b}`).numbers.map((n) => n.digits)).toEqual([a, b]);
      }),
      RUNS,
    );
  });

  it('never throws, whatever the cell holds, and says valid only with digits found', () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 })), fc.constantFrom(undefined, 'string', 'number'), (s, kind) => {
        const p = parsePhones(s, kind as 'string' | 'number' | undefined);
        for (const n of p.numbers) if (n.valid) expect(n.digits).toMatch(/^\d{7,12}$/);
      }),
      RUNS,
    );
  });
});

describe('person names', () => {
  it('2 to 4 Han characters are a valid name, with or without aligning spaces', () => {
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 4 }), fc.boolean(), (chars, spaced) => {
        const written = spaced ? chars.join(' ') : chars.join('');
        const c = checkPersonName(written);
        expect([c.valid, c.name]).toEqual([true, chars.join('')]);
      }),
      RUNS,
    );
  });

  it('a name with a digit is never valid', () => {
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 9 }), fc.nat(4), (chars, d, at) => {
        const s = [...chars.slice(0, at), String(d), ...chars.slice(at)].join('');
        expect(checkPersonName(s)).toMatchObject({ valid: false, reason: 'digits' });
        expect(checkPersonName(toFullWidth(s))).toMatchObject({ valid: false, reason: 'digits' });
      }),
      RUNS,
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => {
        const c = checkPersonName(s);
        expect(typeof c.valid).toBe('boolean');
      }),
      RUNS,
    );
  });
});
