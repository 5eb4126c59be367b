// Resident ID numbers (居民身份证号码, GB 11643): check digit, birth date, legacy 15-digit numbers (pure).
import type { RawCell } from './model.js';

/** Weights of the 17 body digits (GB 11643-1999). */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character by (weighted sum mod 11). */
export const ID_CHECK_CHARS = '10X98765432';

/** First two digits of a valid number: provinces, Hong Kong, Macao, Taiwan, foreigners' permanent residence. */
const REGION_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83', '91',
]);

export type IdReason =
  | 'numeric' // stored as a number by Excel: 15 significant digits kept, the rest lost
  | 'scientific' // text like 4.31224E+17: digits lost
  | 'length' // not 18 (nor 15) characters
  | 'characters' // something other than digits and a final X
  | 'region' // the first two digits name no province
  | 'birth-date' // digits 7-14 are not a real date
  | 'check-digit' // the last character does not match the first 17 digits
  | 'legacy15'; // an old 15-digit number (a warning: should be replaced by the 18-digit one)

export interface IdParse {
  /** NFKC, whitespace removed, x upper-cased. */
  normalized: string;
  valid: boolean;
  reason?: IdReason;
  /** Number of characters in `normalized`. */
  length: number;
  /** YYYY-MM-DD when the date digits could be read. */
  birthDate?: string;
  /** The check character the first 17 digits call for (reason `check-digit`). */
  expectedCheck?: string;
  /** For a valid legacy 15-digit number: the 18-digit number it converts to. */
  upgraded?: string;
}

/** The check character for 17 body digits; undefined when `body` is not 17 digits. */
export function idCheckDigit(body: string): string | undefined {
  if (!/^\d{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11];
}

/** True for a valid 18-character ID number (format, region, birth date, check digit). */
export function isValidIdNumber(text: string, asOf?: Date): boolean {
  return parseIdNumber(text, 'string', asOf).valid;
}

/** The 18-digit number a legacy 15-digit number becomes (century 19 inserted, check digit added). */
export function upgradeLegacyId(id15: string): string | undefined {
  if (!/^\d{15}$/.test(id15)) return undefined;
  const body = id15.slice(0, 6) + '19' + id15.slice(6);
  return body + idCheckDigit(body);
}

/**
 * Judges an ID number cell. `kind` 'number' means Excel stored it as a number (the text is then its
 * digits). `asOf` rejects birth dates after it (omit to skip that check).
 */
export function parseIdNumber(text: string, kind?: RawCell['kind'], asOf?: Date): IdParse {
  // the usual cell, 18 plain ASCII characters (17 digits and a digit or X): no normalisation, and none of the tests
  // below for other shapes can apply to it
  const plain = PLAIN_ID.test(text ?? '');
  if (plain && kind !== 'number') return judge18(text.charCodeAt(17) === 0x78 /* x */ ? text.toUpperCase() : text, asOf);
  const normalized = plain ? text.toUpperCase() : (text ?? '').normalize('NFKC').replace(/[\s\u3000]+/gu, '').toUpperCase();
  const base = { normalized, length: normalized.length };
  if (kind === 'number') {
    // 15 digits fit in Excel's precision exactly; anything longer lost its last digits.
    if (/^\d{15}$/.test(normalized)) return legacy(normalized, asOf);
    return { ...base, valid: false, reason: 'numeric' };
  }
  if (/^\d+(?:\.\d+)?E\+?\d+$/.test(normalized)) return { ...base, valid: false, reason: 'scientific' };
  if (/^\d{15}$/.test(normalized)) return legacy(normalized, asOf);
  if (normalized.length !== 18) {
    const oddChars = /[^\dX]/.test(normalized) || /X./.test(normalized);
    return { ...base, valid: false, reason: oddChars ? 'characters' : 'length' };
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ...base, valid: false, reason: 'characters' };
  return judge18(normalized, asOf);
}

/** An 18-character number of 17 digits and a digit or X: its region, birth date and check digit. */
function judge18(normalized: string, asOf: Date | undefined): IdParse {
  const base = { normalized, length: 18 };
  if (!REGION_PREFIXES.has(normalized.slice(0, 2))) return { ...base, valid: false, reason: 'region' };
  const birth = birthDateOf(normalized.slice(6, 14), asOf);
  if (!birth.valid) return { ...base, valid: false, reason: 'birth-date', birthDate: birth.date };
  const expected = idCheckDigit(normalized.slice(0, 17));
  if (expected !== normalized[17]) {
    return { ...base, valid: false, reason: 'check-digit', birthDate: birth.date, expectedCheck: expected };
  }
  return { ...base, valid: true, birthDate: birth.date };
}

function legacy(id15: string, asOf?: Date): IdParse {
  const base = { normalized: id15, length: 15 };
  if (!REGION_PREFIXES.has(id15.slice(0, 2))) return { ...base, valid: false, reason: 'region' };
  const birth = birthDateOf('19' + id15.slice(6, 12), asOf);
  if (!birth.valid) return { ...base, valid: false, reason: 'birth-date', birthDate: birth.date };
  return { ...base, valid: false, reason: 'legacy15', birthDate: birth.date, upgraded: upgradeLegacyId(id15) };
}

/** 18 plain ASCII characters: 17 digits and a digit or X. */
const PLAIN_ID = /^\d{17}[\dXx]$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date from 1900 on and not after `asOfMs` (when given): the birth date's rule, in one place. */
function validYmd(y: number, m: number, d: number, asOfMs: number | undefined): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return false;
  if (asOfMs === undefined) return true;
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return Date.UTC(y, m - 1, d) <= asOfMs;
  // Date.UTC(y, m - 1, d) <= asOfMs: the day's UTC midnight is not after asOf, that is the day is not after asOf's UTC
  // day; a real date from 1900 on compared as yyyymmdd (no Date.UTC for every row's id)
  if (asOfMs !== asOfKeyMs) {
    const a = new Date(asOfMs);
    asOfYmd = a.getUTCFullYear() * 10000 + (a.getUTCMonth() + 1) * 100 + a.getUTCDate();
    asOfKeyMs = asOfMs;
  }
  return y * 10000 + m * 100 + d <= asOfYmd;
}
/** validYmd's last asOf (a run has one) and its UTC day as yyyymmdd (NaN for an invalid date: nothing is on or before it). */
let asOfKeyMs = NaN;
let asOfYmd = NaN;

/** REGION_PREFIXES as a table by the two digits' value. */
const REGION_OK = new Uint8Array(100);
for (const p of REGION_PREFIXES) REGION_OK[Number(p)] = 1;

/**
 * parseIdNumber(text, kind, asOf).valid for a cell not stored as a number, answered without building anything: the
 * usual cell, a valid 18-character number, costs one pass over its characters (the register's every row has one).
 * `asOfMs`: asOf.getTime(). False means only "not this fast way": parseIdNumber then says what is wrong.
 */
export function isPlainValidId(text: string, asOfMs?: number): boolean {
  if (text.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * ID_WEIGHTS[i]!;
  }
  const last = text.charCodeAt(17);
  const check = ID_CHECK_CHARS.charCodeAt(sum % 11);
  if (last !== check && !(check === 0x58 /* X */ && last === 0x78) /* x */) return false;
  const digit = (i: number): number => text.charCodeAt(i) - 48;
  if (REGION_OK[digit(0) * 10 + digit(1)] !== 1) return false;
  const y = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9);
  const m = digit(10) * 10 + digit(11);
  const d = digit(12) * 10 + digit(13);
  return validYmd(y, m, d, asOfMs);
}

/** Reads YYYYMMDD; valid when it is a real calendar date from 1900 on and not after `asOf`. */
function birthDateOf(yyyymmdd: string, asOf?: Date): { valid: boolean; date?: string } {
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return { valid: validYmd(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)), asOf?.getTime()), date };
}
