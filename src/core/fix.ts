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
import type { ColumnKey, Field, Problem, Register, RegisterRow } from './model.js';
import type { OrgRegistry } from './orgs.js';
import { compact, normText } from './normalize.js';
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

/** A rule's own repair, reported with its finding (Problem.fix): the reason each rule's edits are listed under. */
const REASON_OF_RULE: Partial<Record<string, FixReason>> = {
  'name-spacing': 'name-spaces',
  'serial-number': 'renumber',
  'ditto-mark': 'ditto',
  'org-name-variant': 'org-spelling',
};

/** The order a cell's repairs are made in (each works on the previous one's result). */
const ORDER: readonly FixReason[] = ['ditto', 'org-registry', 'org-spelling', 'name-spaces', 'renumber', 'trim', 'half-width', 'phone-as-text'];

/**
 * The repairs of one register, planned as its rows go by (they are not kept): each row's mechanical repairs (trim,
 * half-width, 序号 renumbered, phone as text) are decided at once; the org registry's spellings at the end, when every
 * spelling has been counted; and what the rules asked for comes with their findings (Problem.fix, ESLint-style). One Fix
 * per changed cell, in row then column order.
 */
export class FixPlanner {
  private readonly local = new Map<
    string,
    { row: number; position: number; col: number; column: string; columnKey: ColumnKey; before: string; isText: boolean; kind: Field['kind']; numFmt?: string; text: string }
  >();
  /** Organisation cells (for the registry's spellings): cell → text, and the spellings' counts by org key. */
  private readonly orgCells: { cell: string; text: string }[] = [];
  private readonly orgSpellings = new Map<string, Map<string, number>>();
  private position = 0;
  private readonly hasSeq: boolean;

  constructor(
    private readonly register: Register,
    private readonly opts: FixOptions = {},
  ) {
    this.hasSeq = register.columns.some((c) => c.key === 'seq');
  }

  row(row: RegisterRow): void {
    this.position++;
    for (const col of this.register.columns) {
      const f = row.fields[col.key];
      if (!f) continue;
      const before = f.ditto ?? f.text;
      const isText = f.kind === 'string';
      const seqWrong = col.key === 'seq' && this.hasSeq && seqNumber(f) !== this.position;
      const untrimmed = isText && f.text.trim() !== f.text;
      const wide = isText && HALF_WIDTH_COLUMNS.has(col.key) && halfWidth(f.text) !== f.text;
      const phoneNumber = col.key === 'phone' && f.kind === 'number';
      if (col.key === 'org' && this.opts.registry && isText && f.text.trim() !== '') {
        this.orgCells.push({ cell: f.cell, text: f.text });
        const key = this.opts.registry.keyOf(f.text);
        const m = this.orgSpellings.get(key) ?? new Map<string, number>();
        m.set(f.text.trim(), (m.get(f.text.trim()) ?? 0) + 1);
        this.orgSpellings.set(key, m);
      }
      // a cell a mechanical repair touches (the rules' own repairs come with their findings, cell and text included;
      // organisation cells are kept only when the registry may respell them)
      const registryMay = col.key === 'org' && this.opts.registry !== undefined && isText;
      if (seqWrong || untrimmed || wide || phoneNumber || registryMay) {
        this.local.set(f.cell, {
          row: row.row,
          position: this.position,
          col: col.col,
          column: col.header,
          columnKey: col.key,
          before,
          isText,
          kind: f.kind,
          ...(f.numFmt ? { numFmt: f.numFmt } : {}),
          text: f.text,
        });
      }
    }
  }

  /** The fixes, given the register's findings (the rules' own repairs ride on them). */
  end(problems: readonly Problem[]): Fix[] {
    const ruleEdits = new Map<string, Map<FixReason, string>>();
    /** Spelling → the spelling org-name-variant asks for. */
    const orgFixByText = new Map<string, string>();
    const columnAt = new Map(this.register.columns.map((c) => [c.col, c]));
    for (const p of problems) {
      const reason = REASON_OF_RULE[p.rule];
      if (!reason || !p.fix) continue;
      for (const e of p.fix) {
        if (reason === 'org-spelling') orgFixByText.set(e.before, e.after);
        const m = ruleEdits.get(e.cell) ?? new Map<FixReason, string>();
        m.set(reason, e.after);
        ruleEdits.set(e.cell, m);
        const col = columnAt.get(e.col);
        if (!this.local.has(e.cell) && col) {
          this.local.set(e.cell, { row: e.row, position: -1, col: e.col, column: col.header, columnKey: col.key, before: e.before, isText: true, kind: 'string', text: e.textBefore ?? e.before });
        }
      }
    }
    const registryTarget = this.opts.registry ? registrySpellings(this.orgSpellings, this.opts.registry) : new Map<string, string>();
    const fixes: Fix[] = [];
    for (const [cell, c] of this.local) {
      let v = c.before;
      let as: Fix['as'] = 'text';
      const reasons: FixReason[] = [];
      const change = (next: string, reason: FixReason): void => {
        if (next === v) return;
        v = next;
        if (!reasons.includes(reason)) reasons.push(reason);
      };
      const edits = ruleEdits.get(cell);
      if (edits?.has('ditto')) change(edits.get('ditto')!, 'ditto');
      if (c.columnKey === 'org' && c.isText && c.text.trim() !== '') {
        const target = this.opts.registry ? registryTarget.get(this.opts.registry.keyOf(c.text)) : undefined;
        if (target !== undefined) change(target, 'org-registry');
        else if (edits?.has('org-spelling')) change(edits.get('org-spelling')!, 'org-spelling');
        // a ditto mark written out as a spelling org-name-variant asks to change gets the change too
        else if (edits?.has('ditto') && orgFixByText.has(v)) change(orgFixByText.get(v)!, 'org-spelling');
      }
      if (c.columnKey === 'name' && c.isText && edits?.has('name-spaces')) change(edits.get('name-spaces')!, 'name-spaces');
      if (c.columnKey === 'seq' && this.hasSeq) {
        // the row's position among the pairings (known for the rows seen); else what the rule asked for
        const position = c.position > 0 ? String(c.position) : edits?.get('renumber');
        if (position !== undefined && v !== position) {
          change(position, 'renumber');
          as = 'number';
        }
      }
      if (c.isText) {
        change(v.trim(), 'trim');
        if (HALF_WIDTH_COLUMNS.has(c.columnKey)) change(halfWidth(v), 'half-width');
      }
      if (c.columnKey === 'phone' && c.kind === 'number') {
        const parsed = parsePhones(c.text, c.kind, c.numFmt);
        const n = parsed.numbers[0];
        if (parsed.numbers.length === 1 && n?.valid && n.formatted) {
          v = n.formatted;
          reasons.push('phone-as-text');
        }
      }
      if (reasons.length === 0) continue;
      reasons.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
      const [reason, ...also] = reasons as [FixReason, ...FixReason[]];
      let rule = reasons.map((r) => RULE_OF[r]).find((r) => r !== undefined);
      if (!rule && reason === 'org-registry' && edits?.has('org-spelling')) rule = 'org-name-variant';
      fixes.push({
        sheet: this.register.sheet,
        cell,
        row: c.row,
        col: c.col,
        column: c.column,
        columnKey: c.columnKey,
        before: c.before,
        after: v,
        ...(rule ? { rule } : {}),
        reason,
        ...(also.length ? { also } : {}),
        as,
      });
    }
    return fixes.sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

/** The repairs of a register whose rows are at hand (tests, small registers): FixPlanner over its rows. */
export function computeFixes(register: Register, problems: readonly Problem[], opts: FixOptions = {}): Fix[] {
  const planner = new FixPlanner(register, opts);
  for (const row of register.rows) planner.row(row);
  return planner.end(problems);
}

/**
 * The spelling to use for each organisation (by the registry's key) the registry knows. The registry's names are normalised when
 * read (NFKC: half-width brackets), so a register spelling that equals the registry's name after normalisation is the
 * registry's name as the clerk writes it (full-width brackets kept): the most used such spelling wins; when the register
 * has none, the registry's name as read.
 */
function registrySpellings(counts: ReadonlyMap<string, ReadonlyMap<string, number>>, registry: OrgRegistry): Map<string, string> {
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
