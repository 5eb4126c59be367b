// Reads a 联系方式 cell into phone numbers, each judged valid or not with a reason (pure; reused by validate and fix).
import type { RawCell } from './model.js';

/** Why a number is not a usable phone number. `no-area-code` is a lesser problem (a local number). */
export type PhoneReason =
  | 'scientific' // Excel turned it into 1.39123E+10: digits lost
  | 'letters' // Latin letters (often l/O typed for 1/0)
  | 'characters' // other characters, or no digits at all ("同上")
  | 'length' // wrong number of digits
  | 'mobile-prefix' // 11 digits starting with 10, 11 or 12
  | 'area-code' // an area code that cannot be one
  | 'fraction' // a numeric cell with a fractional part
  | 'leading-zero' // a numeric cell that lost the 0 of its area code
  | 'no-area-code'; // a 7-8 digit local number without its area code

export type PhoneType = 'mobile' | 'landline' | 'local';

export interface PhoneNumber {
  /** The part of the cell this number was read from (NFKC, trimmed). */
  source: string;
  /** The digits, extension excluded; '' when they are lost (scientific) or absent. */
  digits: string;
  type?: PhoneType;
  /** Landline area code with its leading 0, e.g. 0745. */
  areaCode?: string;
  /** Extension digits (转123, -123, ext 123). */
  extension?: string;
  valid: boolean;
  reason?: PhoneReason;
  /** The number as it should be typed: 13912345678, 0745-1234567, 0745-1234567转123. Set when known. */
  formatted?: string;
  /** Latin letters found (reason `letters`). */
  letters?: string;
}

export interface PhoneParse {
  /** The numbers found, in order. Empty for an empty cell or one saying there is no phone ("无"). */
  numbers: PhoneNumber[];
  /** True when every number found is valid (an empty cell is valid here; phone-missing handles it). */
  valid: boolean;
  /** The cell says there is no phone: 无, 暂无, 不详, "/", "-". */
  none: boolean;
}

/** Reasons that are warnings rather than errors: the number may well be right, just incomplete. */
export const PHONE_WARNING_REASONS: ReadonlySet<PhoneReason> = new Set<PhoneReason>(['no-area-code']);

const NONE = /^(?:无|暂无|没有|无电话|无手机|无联系方式|不详|空|\/+|\\+|-+|—+|_+)$/u;
const SCIENTIFIC = /^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i;
const SEPARATORS = /[/、,;|]+|或/u;
const EXT_MARKER = /\s*(?:转|分机|ext\.?|x)\s*(?=\d)/giu;

/** A cell of ASCII digits and hyphens starting with a digit ("13912345678", "0745-1234567"): NFKC, spacing, labels and separators change nothing in it. */
const PLAIN = /^\d[\d-]*$/;

/**
 * Whether a text is a plain 11-digit mobile number (11 ASCII digits starting 13-19: /^1[3-9]\d{9}$/), valid as it
 * stands: the usual 联系方式 cell, tested without a regular expression (every row asks).
 */
export function isPlainMobile(text: string): boolean {
  if (text.length !== 11 || text.charCodeAt(0) !== 0x31) return false;
  const second = text.charCodeAt(1);
  if (second < 0x33 || second > 0x39) return false;
  for (let i = 2; i < 11; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The cell says there is no phone number (无, 暂无, "/", "-" …). */
export function isNoPhoneText(text: string): boolean {
  // none of the words starts with a digit, and NFKC leaves an ASCII digit as it is
  if (text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57) return false;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return NONE.test(t);
}

/**
 * Reads the phone numbers of a 联系方式 cell. `kind` is the cell kind ('number' when Excel stored a
 * number: text is then its exact digits); `numFmt` the cell's number format when known.
 */
export function parsePhones(text: string, kind?: RawCell['kind'], numFmt?: string): PhoneParse {
  // the common cell, a bare number: what parseText would make of it, without its clean-up passes
  // (0086… is left to parseText, which strips the country code)
  if (kind !== 'number' && typeof text === 'string') {
    if (isPlainMobile(text)) {
      return { numbers: [{ source: text, digits: text, extension: undefined, valid: true, type: 'mobile', formatted: text }], valid: true, none: false };
    }
    if (PLAIN.test(text) && !text.startsWith('0086')) {
      const n = parseOne(text);
      return { numbers: [n], valid: n.valid, none: false };
    }
  }
  const t = (text ?? '').normalize('NFKC').replace(/[\s\u3000]+/gu, ' ').trim();
  if (t === '') return { numbers: [], valid: true, none: false };
  if (NONE.test(t.replace(/ /g, ''))) return { numbers: [], valid: true, none: true };
  const numbers = kind === 'number' ? [parseNumeric(t, numFmt)] : parseText(t);
  return { numbers, valid: numbers.every((n) => n.valid), none: false };
}

function parseNumeric(t: string, numFmt?: string): PhoneNumber {
  if (SCIENTIFIC.test(t)) return invalid(t, 'scientific', '');
  if (/[.]/.test(t)) return invalid(t, 'fraction', t.replace(/\D/g, ''));
  if (!/^\d+$/.test(t)) return invalid(t, 'characters', t.replace(/\D/g, ''));
  // A scientific display format over a number ending in zeros: the digits were lost when it was typed.
  if (numFmt && /E\+/i.test(numFmt) && /000$/.test(t) && t.length >= 10) return invalid(t, 'scientific', t);
  if (t[0] !== '1' && t.length >= 9 && t.length <= 11) {
    const withZero = classify('0' + t, ['0' + t]);
    return { ...invalid(t, 'leading-zero', t), formatted: withZero.formatted ?? '0' + t };
  }
  return classify(t, [t]);
}

function parseText(t: string): PhoneNumber[] {
  if (SCIENTIFIC.test(t.replace(/ /g, ''))) return [invalid(t, 'scientific', '')];
  if (!/\d/.test(t)) {
    if (/[a-z]/i.test(t)) return [{ ...invalid(t, 'letters', ''), letters: lettersOf(t) }];
    return [invalid(t, 'characters', '')];
  }
  let s = t
    .replace(EXT_MARKER, '转')
    // notes in brackets: (本人) (儿子) 【村委】
    .replace(/[([【][^)\]】]*\p{Script=Han}[^)\]】]*[)\]】]/gu, ' ')
    // labels and notes: 手机：, 电话, 本人 … (转 and 或 are kept: extension and separator)
    .replace(/\p{Script=Han}+/gu, (m) => m.replace(/[^转或]/gu, ' '))
    .replace(/[:：]/g, ' ')
    .replace(/[—–~]/g, '-');
  s = s.replace(/ +/g, ' ');
  const out: PhoneNumber[] = [];
  for (const chunk0 of s.split(SEPARATORS)) {
    const chunk = chunk0.trim().replace(/^(?:\+86|0086|\+ 86)[\s-]*(?=1[3-9]\d)/, '');
    if (chunk === '' || chunk === '转') continue;
    for (const part of mergeTokens(chunk.split(' '))) out.push(parseOne(part));
  }
  if (out.length === 0) return [invalid(t, 'characters', '')];
  return out;
}

/** Join space-separated pieces of one number ("139 1234 5678", "0745 1234567") and attach extensions. */
function mergeTokens(tokens: string[]): string[] {
  const parts: string[] = [];
  for (const tok of tokens) {
    if (tok === '') continue;
    const last = parts.length - 1;
    if (last >= 0 && /^转\d*$/.test(tok)) {
      parts[last] += tok;
      continue;
    }
    if (last >= 0 && /^转/.test(tok) === false && mergeable(parts[last]) && mergeable(tok)) {
      const a = parts[last].replace(/\D/g, '');
      const joined = a + tok.replace(/\D/g, '');
      if (a !== '' && incomplete(a) && joined.length <= maxLength(a)) {
        parts[last] += ' ' + tok;
        continue;
      }
    }
    parts.push(tok);
  }
  return parts;
}

function mergeable(s: string): boolean {
  return /^[\d()\-. ]+$/.test(s);
}

function incomplete(d: string): boolean {
  if (d[0] === '1') return d.length < 11;
  if (d[0] === '0') return d.length < 10;
  return d.length < 7;
}

function maxLength(d: string): number {
  if (d[0] === '1') return 11;
  if (d[0] === '0') return 12;
  return 8;
}

function parseOne(source: string): PhoneNumber {
  let s = source.trim();
  if (SCIENTIFIC.test(s.replace(/ /g, ''))) return invalid(s, 'scientific', '');
  let extension: string | undefined;
  const ext = /转(\d*)$/.exec(s);
  if (ext) {
    extension = ext[1] || undefined;
    s = s.slice(0, ext.index).trim();
  }
  if (/[a-z]/i.test(s)) return { ...invalid(source, 'letters', s.replace(/\D/g, '')), letters: lettersOf(s) };
  if (/[^\d()\-. +]/.test(s) || /\+/.test(s)) return invalid(source, 'characters', s.replace(/\D/g, ''));
  const groups = s
    .replace(/[()]/g, '-')
    .split(/[-. ]+/)
    .filter((g) => g !== '');
  const r = classify(groups.join(''), groups, extension);
  return { ...r, source };
}

/** Judge the digits of one number; `groups` are its pieces as separated by the clerk (for landlines). */
function classify(digits: string, groups: string[], extension?: string): PhoneNumber {
  const base = { source: digits, digits, extension };
  if (digits === '') return { ...base, valid: false, reason: 'characters' };
  if (digits[0] === '1') {
    if (digits.length !== 11) return { ...base, valid: false, reason: 'length', type: 'mobile' };
    if (!/^1[3-9]/.test(digits)) return { ...base, valid: false, reason: 'mobile-prefix', type: 'mobile' };
    return { ...base, valid: true, type: 'mobile', formatted: digits + (extension ? `转${extension}` : '') };
  }
  if (digits[0] === '0') return landline(digits, groups, extension);
  if (digits.length === 7 || digits.length === 8) {
    return { ...base, valid: false, reason: 'no-area-code', type: 'local' };
  }
  return { ...base, valid: false, reason: 'length' };
}

function landline(digits: string, groups: string[], extension?: string): PhoneNumber {
  const base = { source: digits, digits, type: 'landline' as const };
  let area: string;
  let local: string;
  let ext = extension;
  if (groups.length >= 2) {
    area = groups[0];
    const rest = groups.slice(1);
    if (rest.length >= 2 && /^\d{7,8}$/.test(rest.join(''))) {
      local = rest.join('');
    } else {
      local = rest[0];
      if (rest.length > 1) ext = rest.slice(1).join('') + (ext ?? '');
    }
  } else {
    const areaLength = /^0[12]/.test(digits) ? 3 : 4;
    area = digits.slice(0, areaLength);
    local = digits.slice(areaLength);
  }
  const full = area + local;
  if (!/^0\d{2,3}$/.test(area) || /^01[1-9]/.test(area)) {
    // 013912345678: more likely a mobile with a stray 0 than a landline
    if (groups.length === 1) return { ...base, digits: full, valid: false, reason: 'length', extension: ext };
    return { ...base, digits: full, valid: false, reason: 'area-code', areaCode: area, extension: ext };
  }
  if (!/^\d{7,8}$/.test(local) || (ext !== undefined && ext.length > 6)) {
    return { ...base, digits: full, valid: false, reason: 'length', areaCode: area, extension: ext };
  }
  return {
    ...base,
    digits: full,
    valid: true,
    areaCode: area,
    extension: ext,
    formatted: `${area}-${local}` + (ext ? `转${ext}` : ''),
  };
}

function invalid(source: string, reason: PhoneReason, digits: string): PhoneNumber {
  return { source, digits, valid: false, reason };
}

function lettersOf(s: string): string {
  return Array.from(new Set(s.match(/[a-z]/gi) ?? [])).join('');
}
