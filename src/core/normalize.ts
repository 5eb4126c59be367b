// Text normalisation shared by every comparison: NFKC, trimming, whitespace, keys for names and places.

const WS = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;

/**
 * Printable ASCII and CJK Unified Ideographs only: text NFKC leaves as it is, with no whitespace. Most cells are such
 * text, and testing for it is several times cheaper than normalising (the keys run on every row of 200k-row registers).
 */
const NFKC_STABLE = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/** NFKC (full-width digits, letters, brackets → half-width), trim, collapse inner whitespace. */
export function normText(s: string): string {
  if (!s) return '';
  if (NFKC_STABLE.test(s)) return s;
  return s.normalize('NFKC').replace(WS, ' ').trim();
}

/** Like normText but with every whitespace removed (names, headers, keys). */
export function compact(s: string): string {
  if (!s) return '';
  if (NFKC_STABLE.test(s)) return s;
  return s.normalize('NFKC').replace(WS, '');
}

const PUNCT = /[()[\]{}<>【】〔〕《》「」『』"'`‘’“”.,，。、;；:：!！?？·•\-_—–~～/\\|*＊#＃]/gu;

/** A key for matching organisation names: no whitespace, no punctuation, brackets unified. */
export function orgKey(s: string): string {
  return compact(s).replace(PUNCT, '');
}

/** A person's name for comparison: NFKC, no whitespace (clerks type "张  三" to align). */
export function nameKey(s: string): string {
  return compact(s);
}

/** An address for comparison: no whitespace or punctuation. */
export function addressKey(s: string): string {
  return compact(s).replace(PUNCT, '');
}

/** The digits of a text, in order (full-width digits count). */
export function digitsOf(s: string): string {
  return s.normalize('NFKC').replace(/\D+/g, '');
}

/** Han characters (CJK Unified Ideographs, including extensions A+). */
export const HAN = /\p{Script=Han}/u;

const DITTO = /^(?:同上|同前|同左|同上单位|同上地址|〃|"|”|＂|''|ditto|do\.?)$/iu;

/** The longest text DITTO matches (ditto). */
const DITTO_MAX = 5;

/** A ditto mark: 同上, 〃, " … (the cell holds nothing else; `norm` is normText of the cell). */
export function isDittoMark(norm: string): boolean {
  // a text starting with a character no mark starts with (and not with whitespace, which is taken out first) is none:
  // the usual cell, answered from its first character
  const c = norm.charCodeAt(0);
  if (c !== c || (DITTO_FIRST[c] === 0 && !isWhitespace(c))) return false;
  // the usual cell, longer than any mark and without whitespace to take out, is none (answered without a new string)
  if (norm.length > DITTO_MAX && !hasWhitespace(norm)) return false;
  return DITTO.test(norm.replace(/\s+/g, ''));
}

/** 1 for the UTF-16 units a ditto mark (DITTO, either case) may start with: 同 〃 " ” ＂ ' d D. */
const DITTO_FIRST = new Uint8Array(65536);
for (const ch of '同〃"”＂\'dD') DITTO_FIRST[ch.charCodeAt(0)] = 1;

/** Whether a text holds a character \s matches. */
function hasWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isWhitespace(s.charCodeAt(i))) return true;
  return false;
}

/** Whether a UTF-16 unit is one \s matches. */
function isWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

export function isBlank(s: string | undefined): boolean {
  if (s === undefined || s === '') return true;
  // a text starting with printable ASCII or a CJK ideograph keeps that character through NFKC and trimming
  if (isUsualUnit(s.charCodeAt(0))) return false;
  return normText(s) === '';
}

/**
 * Printable ASCII (U+0021–U+007E) or a common Han character (U+4E00–U+9FFF): what most cells are made of. NFKC and
 * compact leave such a character as it is, and in its place when it comes first; it is never blank. The fast paths of
 * the blank test, the address identity (household.plainAddress) and the label-form test (own-output) start from it.
 */
export function isUsualUnit(c: number): boolean {
  return (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff);
}

/** 0-based column index → A1 letters (0 → A, 26 → AA). */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column and 1-based row → A1 reference. */
export function cellRef(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * Text of a number that a clerk typed: whole numbers as exact digits (no exponent),
 * others as the shortest round-trip decimal.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) {
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number shows as 431224199001011000, and so do we
    // (the double itself would print 431224199001011264, digits nobody typed)
    if (Math.abs(n) >= 1e15) return fifteenDigits(n);
    return n.toFixed(0);
  }
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // tiny non-integers (|n| < 1e-6; huge ones are integers): every digit of the shortest round-trip form, written
  // out while that stays short (0.00000000012345678901234), else as Excel's General shows it (-3.14E-300)
  const [mantissa, e] = s.split('e') as [string, string];
  const exp = Number(e);
  const neg = mantissa.startsWith('-');
  if (exp >= -20) return `${neg ? '-' : ''}0.${'0'.repeat(-exp - 1)}${mantissa.replace('-', '').replace('.', '')}`;
  return `${mantissa}E-${String(-exp).padStart(2, '0')}`;
}

/** A whole number of 16+ digits as Excel shows it: 15 significant digits, then zeros. */
function fifteenDigits(n: number): string {
  const [mantissa, exp] = Math.abs(n).toExponential(14).split('e');
  const digits = mantissa!.replace('.', '');
  const zeros = Number(exp) + 1 - digits.length;
  return (n < 0 ? '-' : '') + (zeros >= 0 ? digits + '0'.repeat(zeros) : digits);
}

/** Parse money or a count as a clerk writes it: "1,200", "1200元", "１２００", " 3 人". Undefined when not a number. */
export function parseAmount(s: string): number | undefined {
  // the usual cell, ASCII digits only, is its number (what the passes below give it, without their strings)
  if (s.length > 0 && s.length <= 15 && allDigits(s)) return Number(s);
  let t = compact(s).replace(/[,，]/g, '');
  t = t.replace(/^(?:人民币|RMB|¥|￥)/i, '').replace(/(?:万元|元|人|口|户|块)$/u, '');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) return undefined;
  return compact(s).endsWith('万元') ? n * 10000 : n;
}

/** Whether every character of a text is an ASCII digit ('' too). */
export function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Orders rule and file-problem ids (kebab-case ASCII: a-z, 0-9, -) as `localeCompare` does, without it: its first call sets up
 * ICU's collator, ~10-15 ms of every run's start-up. test/core/compare-ids.test.ts holds the two together on every known id.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
