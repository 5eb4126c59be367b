// Mechanical repairs of a register (pure): register + problems → cell changes as data, and the one order they are applied in.
//
// What is repaired (DOMAIN §8, issue 5), and what is not:
// - stray spaces at the start or end of any recognised cell (trim);
// - full-width digits, letters and signs (U+FF01–U+FF5E, and the ideographic space) made half-width — the NFKC mapping of
//   that block — in 序号, 联系方式, 身份证号码, 家庭人口, 家庭年收入 only. Names, addresses and organisation names keep
//   their full-width brackets: that is a matter of style, and 溆浦县（卢峰镇） is how the official names are written;
// - the spaces typed to align a two- or three-character name ("张  三" → "张三"; name-spacing `spaces`). A long spaced name
//   that may be a minority name missing its "·" (`spaces-long`) needs a person: not touched;
// - 序号 renumbered 1..n in sheet order (an empty or non-numeric 序号 gets its number: the number is the row's position);
// - a phone stored as a number that is a valid mobile written as text (cell format 文本 "@");
// - "同上" / 〃 in the organisation or address column written out as the row above's value (ditto-mark);
// - spellings of one organisation unified: to the registry's name when orgs.csv has the organisation, else to the
//   spelling the org-name-variant rule asks for (spaces / width / punctuation). Two names one character apart
//   (`similar`) may be two organisations: not touched.
// Not repaired, ever: a phone or ID number destroyed by Excel (scientific notation, a lost leading 0, digits turned to
// 0), an empty required cell, a name that is not a person's — they need someone who knows the household.
import type { ColumnKey, Field, Lang, Problem, Register } from './model.js';
import type { OrgRegistry } from './orgs.js';
import { compact, normText, orgKey } from './normalize.js';
import { parsePhones } from './phone.js';

/** Why a cell was changed. Stable ids (JSON output); messages in FIX_MESSAGES. */
export type FixReason =
  | 'trim'
  | 'half-width'
  | 'name-spaces'
  | 'renumber'
  | 'ditto'
  | 'phone-as-text'
  | 'org-spelling'
  | 'org-registry'
  | 'formula-guard';

/** One change to one cell. */
export interface Fix {
  /** The sheet the register is on. */
  sheet: string;
  /** A1 reference. */
  cell: string;
  /** 1-based spreadsheet row (CSV: record number, header included). */
  row: number;
  /** 0-based column. */
  col: number;
  /** The header as the register writes it ('' for cells outside the register's columns). */
  column: string;
  columnKey?: ColumnKey;
  before: string;
  after: string;
  /** The validation rule whose problem this change removes, when there is one. */
  rule?: string;
  /** The main reason; `also` lists further repairs made to the same cell, in the order applied. */
  reason: FixReason;
  also?: FixReason[];
  /** How the new value is written: text (number format "@" for phones) or a number (序号). */
  as: 'text' | 'number';
}

export const FIX_MESSAGES: Record<FixReason, Record<Lang, string>> = {
  trim: { zh: '去掉首尾多余的空格', en: 'removed stray spaces at the start or end' },
  'half-width': { zh: '全角数字、字母改为半角', en: 'made full-width digits and letters half-width' },
  'name-spaces': { zh: '去掉姓名中间用来对齐的空格', en: 'removed the spaces typed inside the name to align it' },
  renumber: { zh: '序号按 1、2、3…… 重新连续编号', en: 'renumbered 1, 2, 3 … in row order' },
  ditto: { zh: '“同上”改为上一行的完整内容', en: 'a ditto mark written out as the row above' },
  'phone-as-text': {
    zh: '以数字存储的电话号码改为文本（单元格格式设为“文本”）',
    en: 'phone stored as a number written as text (cell format Text)',
  },
  'org-spelling': {
    zh: '单位名称统一为本表最常用的写法',
    en: 'organisation name unified to the spelling used most in this register',
  },
  'org-registry': {
    zh: '单位名称统一为单位名录（orgs.csv）中的写法',
    en: "organisation name unified to the org registry's (orgs.csv) spelling",
  },
  'formula-guard': {
    zh: '以 = + - @ 开头的内容前加了英文单引号，防止 Excel 把它当作公式执行',
    en: "an apostrophe put before text starting with = + - @ so that Excel does not run it as a formula",
  },
};

/** Columns where full-width digits and letters are a typing accident, not style. */
export const HALF_WIDTH_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['seq', 'phone', 'idNumber', 'familySize', 'income']);

/** The rule each reason repairs, when the change removes one of its problems. */
const RULE_OF: Partial<Record<FixReason, string>> = {
  'name-spaces': 'name-spacing',
  renumber: 'serial-number',
  ditto: 'ditto-mark',
  'org-spelling': 'org-name-variant',
};

/** Full-width ASCII block and the ideographic space → half-width (what NFKC does to them, and nothing else). */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/gu, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

export interface FixOptions {
  /** The org registry: its spelling wins over the register's most frequent one. */
  registry?: OrgRegistry;
}

/** A positive whole number as a 序号 is written ("7", "007", "７", a numeric 7); undefined otherwise. */
function seqNumber(f: Field | undefined): number | undefined {
  if (!f) return undefined;
  if (f.kind === 'number' && typeof f.raw === 'number') return Number.isInteger(f.raw) && f.raw >= 0 ? f.raw : undefined;
  const t = compact(f.text);
  return /^\d{1,9}$/.test(t) ? Number(t) : undefined;
}

/**
 * The changes that repair `register` mechanically. `problems` are its validation problems (validateRegister): the
 * name and organisation repairs follow what the rules asked for. One Fix per changed cell, in row then column order.
 */
export function computeFixes(register: Register, problems: readonly Problem[], opts: FixOptions = {}): Fix[] {
  const nameFix = new Map<string, string>();
  const orgFix = new Map<string, string>();
  const orgProblem = new Set<string>();
  /** Spelling → the spelling to use: a ditto mark written out as a spelling org-name-variant asked to change gets the change too. */
  const orgFixByText = new Map<string, string>();
  for (const p of problems) {
    if (!p.cell) continue;
    if (p.rule === 'name-spacing' && p.messageId === 'spaces' && typeof p.data?.fixed === 'string') nameFix.set(p.cell, p.data.fixed);
    if (p.rule === 'org-name-variant' && p.messageId !== 'similar') {
      orgProblem.add(p.cell);
      if (typeof p.data?.expected === 'string') {
        orgFix.set(p.cell, p.data.expected);
        if (p.value !== undefined) orgFixByText.set(p.value, p.data.expected);
      }
    }
  }
  const registryTarget = opts.registry ? registrySpellings(register, opts.registry) : new Map<string, string>();
  const hasSeq = register.columns.some((c) => c.key === 'seq');
  const fixes: Fix[] = [];
  register.rows.forEach((row, i) => {
    for (const col of register.columns) {
      const f = row.fields[col.key];
      if (!f) continue;
      // a ditto mark's field carries the row above's text; the cell itself holds the mark
      let v = f.ditto ?? f.text;
      let as: Fix['as'] = 'text';
      const reasons: FixReason[] = [];
      const change = (next: string, reason: FixReason): void => {
        if (next === v) return;
        v = next;
        if (!reasons.includes(reason)) reasons.push(reason);
      };
      const isText = f.kind === 'string';
      if (f.ditto !== undefined) change(f.text, 'ditto');

      if (col.key === 'org' && isText && f.text.trim() !== '') {
        const target = registryTarget.get(orgKey(f.text));
        if (target !== undefined) change(target, 'org-registry');
        else if (orgFix.has(f.cell)) change(orgFix.get(f.cell)!, 'org-spelling');
        else if (f.ditto !== undefined && orgFixByText.has(f.text)) change(orgFixByText.get(f.text)!, 'org-spelling');
      }
      if (col.key === 'name' && isText && nameFix.has(f.cell)) change(nameFix.get(f.cell)!, 'name-spaces');
      if (col.key === 'seq' && hasSeq) {
        const position = i + 1;
        if (seqNumber(f) !== position) {
          change(String(position), 'renumber');
          as = 'number';
        }
      }
      if (isText) {
        change(v.trim(), 'trim');
        if (HALF_WIDTH_COLUMNS.has(col.key)) change(halfWidth(v), 'half-width');
      }
      if (col.key === 'phone' && f.kind === 'number') {
        const parsed = parsePhones(f.text, f.kind, f.numFmt);
        const n = parsed.numbers[0];
        if (parsed.numbers.length === 1 && n?.valid && n.formatted) {
          v = n.formatted;
          reasons.push('phone-as-text');
        }
      }
      if (reasons.length === 0) continue;
      const [reason, ...also] = reasons as [FixReason, ...FixReason[]];
      let rule = reasons.map((r) => RULE_OF[r]).find((r) => r !== undefined);
      if (!rule && reason === 'org-registry' && orgProblem.has(f.cell)) rule = 'org-name-variant';
      fixes.push({
        sheet: register.sheet,
        cell: f.cell,
        row: row.row,
        col: col.col,
        column: col.header,
        columnKey: col.key,
        before: f.ditto ?? f.text,
        after: v,
        ...(rule ? { rule } : {}),
        reason,
        ...(also.length ? { also } : {}),
        as,
      });
    }
  });
  return fixes;
}

/**
 * The spelling to use for each organisation (by orgKey) the registry knows. The registry's names are normalised when
 * read (NFKC: half-width brackets), so a register spelling that equals the registry's name after normalisation is the
 * registry's name as the clerk writes it (full-width brackets kept): the most used such spelling wins; when the register
 * has none, the registry's name as read.
 */
function registrySpellings(register: Register, registry: OrgRegistry): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const row of register.rows) {
    const text = row.fields.org?.text?.trim();
    if (!text) continue;
    const key = orgKey(text);
    const m = counts.get(key) ?? new Map<string, number>();
    m.set(text, (m.get(text) ?? 0) + 1);
    counts.set(key, m);
  }
  const out = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const entry = registry.lookup(key);
    if (!entry) continue;
    let best: string | undefined;
    let bestCount = 0;
    for (const [text, n] of spellings) {
      if (normText(text) === normText(entry.name) && n > bestCount) {
        best = text;
        bestCount = n;
      }
    }
    out.set(key, best ?? entry.name);
  }
  return out;
}

/**
 * The one applier's plan: fixes sorted by sheet, row and column, at most one per cell (a second change to a cell
 * already changed is skipped, as ESLint skips overlapping fixes). `set` writes one change; the caller owns the grid.
 */
export function applyFixes(fixes: readonly Fix[], set: (fix: Fix) => boolean | void): { applied: Fix[]; skipped: Fix[] } {
  const sorted = [...fixes].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.row - b.row || a.col - b.col);
  const done = new Set<string>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const f of sorted) {
    const key = `${f.sheet}\u0000${f.cell}`;
    if (done.has(key) || set(f) === false) {
      skipped.push(f);
      continue;
    }
    done.add(key);
    applied.push(f);
  }
  return { applied, skipped };
}

/** What was done to a cell, in words: every reason, joined. */
export function describeFix(fix: Fix, lang: Lang): string {
  return [fix.reason, ...(fix.also ?? [])].map((r) => FIX_MESSAGES[r][lang]).join(lang === 'zh' ? '；' : '; ');
}
