// Is a 户主姓名 a person's name? Pure checks shared by the person-name and name-spacing rules (DOMAIN §8).
import { compact, normText } from './normalize.js';

/**
 * Words that make a "name" an organisation's. Only words of two or more characters, none of which is
 * a plausible given name (学会, 中学, 银行 are real given names, so they are not here).
 */
export const ORG_WORDS: readonly string[] = [
  '公司', '集团', '委员会', '村委会', '居委会', '村委', '居委', '合作社', '慈善', '基金会', '中心', '协会',
  '联合会', '促进会', '研究会', '学校', '医院', '卫生院', '政府', '办公室', '敬老院', '福利院', '社区',
  '党支部', '支部', '党委', '服务社', '服务站', '村民小组', '工作队', '扶贫办', '民政局', '门市部', '超市',
].slice().sort((a, b) => b.length - a.length);

/** Whether a text holds one of ORG_WORDS (one regular expression instead of a search per word). */
export const HAS_ORG_WORD = new RegExp(ORG_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');

/** Middle dots used in minority names (阿依古丽·买买提), after NFKC. */
export const MIDDLE_DOT = /[·•・‧]/u;
const MIDDLE_DOTS = /[·•・‧]/gu;
const HAN_G = /\p{Script=Han}/gu;

/** Han characters allowed in a name without a middle dot (2-4 is the norm, 5-6 still valid). */
export const MAX_HAN_PLAIN = 6;
/** Han characters allowed in a name with middle dots (not counting the dots). */
export const MAX_HAN_DOTTED = 10;

export type NameReason =
  | 'digits'
  | 'letters'
  | 'org-word'
  | 'several' // two names in one cell: 张三、李四
  | 'characters' // other non-Han characters (*, ?, a stray dot)
  | 'single'
  | 'too-long';

export interface NameCheck {
  /** The name with whitespace and a trailing bracketed note removed. */
  name: string;
  /** A bracketed note after the name: 张三(已故) → 已故. */
  note?: string;
  valid: boolean;
  reason?: NameReason;
  /** The organisation word found (reason `org-word`). */
  word?: string;
  /** Han characters in `name`. */
  hanCount: number;
}

/** Splits "张三(已故)" / "张三（户主已故）" into the name and its note. Whitespace is removed first. */
export function splitNameNote(text: string): { name: string; note?: string } {
  const s = compact(text);
  const m = /^(.+?)[([【]([^)\]】]*)[)\]】]$/u.exec(s);
  if (!m) return { name: s };
  return { name: m[1], note: m[2] };
}

/** Judges a 户主姓名 (spaces ignored: aligning spaces are name-spacing's business). An empty name is valid here. */
export function checkPersonName(text: string): NameCheck {
  const { name, note } = splitNameNote(text);
  const hanCount = (name.match(HAN_G) ?? []).length;
  const result = (reason?: NameReason, word?: string): NameCheck => ({
    name,
    note,
    valid: reason === undefined,
    reason,
    word,
    hanCount,
  });
  if (name === '') return result();
  if (/\d/.test(name)) return result('digits');
  if (/[a-z]/i.test(name)) return result('letters');
  const word = ORG_WORDS.find((w) => name.includes(w));
  if (word) return result('org-word', word);
  if (/[、,;/&+]/u.test(name)) return result('several');
  if (MIDDLE_DOT.test(name)) {
    const parts = name.split(MIDDLE_DOTS);
    if (parts.some((p) => p === '' || !/^\p{Script=Han}+$/u.test(p))) return result('characters');
    return hanCount > MAX_HAN_DOTTED ? result('too-long') : result();
  }
  if (!/^\p{Script=Han}+$/u.test(name)) return result('characters');
  if (hanCount === 1) return result('single');
  if (hanCount > MAX_HAN_PLAIN) return result('too-long');
  return result();
}

/** True when the text is Han characters, middle dots and whitespace only (a name someone spaced out). */
export function isPlainHanName(text: string): boolean {
  const t = text.normalize('NFKC');
  return /^[\p{Script=Han}·•・‧\s\u3000]+$/u.test(t) && /\p{Script=Han}/u.test(t);
}

/**
 * A long name typed with spaces between multi-character parts and no middle dot ("阿依古丽 买买提")
 * is most likely a minority name missing its "·": returns it with dots ("阿依古丽·买买提"), else undefined.
 */
export function spacedMinorityName(text: string): string | undefined {
  const norm = normText(text);
  if (!isPlainHanName(norm) || MIDDLE_DOT.test(norm) || !norm.includes(' ')) return undefined;
  const parts = norm.split(' ');
  if (parts.join('').length <= 4 || parts.some((p) => p.length < 2)) return undefined;
  return parts.join('·');
}
