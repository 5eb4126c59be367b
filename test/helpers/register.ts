// Test helper: builds a Register from a compact table (header row first), as a reader would have made it.
import type { DivisionIndex } from '../../src/core/divisions.js';
import { HouseholdIndex } from '../../src/core/household.js';
import { pairings, type PairingRows } from '../../src/core/ledger/visitors.js';
import type { CountedRegister } from '../../src/core/rollup.js';
import { render } from '../../src/formatters/catalogue/index.js';
import type { Msg } from '../../src/core/model.js';
import type {
  AreaGuess,
  ColumnKey,
  ColumnMatch,
  Field,
  Problem,
  RawCell,
  Register,
  RegisterRow,
  SourceFormat,
} from '../../src/core/model.js';
import { cellRef, columnLetter, compact, normText, numberText } from '../../src/core/normalize.js';
import type { RuleModule } from '../../src/core/rules/rule.js';
import { validateRegister } from '../../src/core/validate.js';

/** A cell: text, a number (becomes a numeric cell), null/undefined (no cell), or a cell spelt out. */
export type CellInput = string | number | null | undefined | CellSpec;

export interface CellSpec {
  text: string;
  kind?: RawCell['kind'];
  raw?: number | boolean;
  numFmt?: string;
}

export interface MakeRegisterOptions {
  /** 1-based row of the header (default 1); data rows follow it. */
  headerRow?: number;
  /** 0-based column of the table's first column (default 0 = A). */
  firstColumn?: number;
  file?: string;
  sheet?: string;
  format?: SourceFormat;
  area?: AreaGuess;
  titleLines?: string[];
}

/** Header texts by canonical column; the first is the 附2 form's own wording (DOMAIN §3). */
const HEADERS: Record<ColumnKey, string[]> = {
  seq: ['序号', '编号', 'No'],
  org: ['扶贫单位或者机构名称', '扶贫单位', '帮扶单位', '机构名称', '单位名称', '组织名称'],
  name: ['扶贫户主姓名', '户主姓名', '户主', '姓名'],
  address: ['扶贫家庭住址', '家庭住址', '住址', '地址'],
  phone: ['联系方式', '联系电话', '电话', '手机', '手机号码'],
  idNumber: ['身份证号码', '身份证号'],
  familySize: ['家庭人口', '人口'],
  income: ['家庭年收入', '年收入'],
  povertyCause: ['贫困原因'],
  measures: ['帮扶措施'],
  remark: ['备注'],
  orgType: ['类型', '机构类型'],
};

const ALL_KEYS = Object.keys(HEADERS) as ColumnKey[];

/** A numeric cell, optionally with its number format (e.g. `0.00E+00`). */
export function num(n: number, numFmt?: string): CellSpec {
  return { text: numberText(n), kind: 'number', raw: n, numFmt };
}

function toCell(input: CellInput): RawCell | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') return { text: numberText(input), kind: 'number', raw: input };
  if (typeof input === 'string') return { text: input, kind: input === '' ? 'empty' : 'string' };
  return { kind: 'string', ...input };
}

function matchHeader(text: string): { key: ColumnKey; how: ColumnMatch['how'] } | undefined {
  const h = compact(text);
  for (const key of ALL_KEYS) {
    const names = HEADERS[key];
    if (h === names[0]) return { key, how: 'exact' };
    if (names.includes(h)) return { key, how: 'alias' };
  }
  return undefined;
}

const isBlankCell = (c: RawCell | undefined): boolean => c === undefined || normText(c.text) === '';

/**
 * Builds a Register: `table[0]` is the header row (at `headerRow`), the rest are data rows below it.
 * Blank rows and template rows (only 序号 filled) are skipped and counted; a row starting with
 * 备注 is the footer and ends the register.
 */
export function makeRegister(table: CellInput[][], options: MakeRegisterOptions = {}): Register {
  const headerRow = options.headerRow ?? 1;
  const first = options.firstColumn ?? 0;
  const [header = [], ...data] = table;

  const columns: ColumnMatch[] = [];
  const unknownColumns: { letter: string; header: string }[] = [];
  header.forEach((h, i) => {
    const text = h === null || h === undefined ? '' : typeof h === 'object' ? h.text : String(h);
    if (normText(text) === '') return;
    const letter = columnLetter(first + i);
    const m = matchHeader(text);
    if (m && !columns.some((c) => c.key === m.key)) {
      columns.push({ key: m.key, col: first + i, letter, header: text, how: m.how });
    } else {
      unknownColumns.push({ letter, header: text });
    }
  });
  const present = new Set(columns.map((c) => c.key));
  const missingColumns = ALL_KEYS.filter((k) => !present.has(k));

  const rows: RegisterRow[] = [];
  const skipped = { blank: 0, template: 0, total: 0 };
  let footerRow: number | undefined;
  data.forEach((cells, i) => {
    if (footerRow !== undefined) {
      skipped.total++;
      return;
    }
    const rowNumber = headerRow + 1 + i;
    const raw = header.map((_, j) => toCell(cells[j]));
    const firstFilled = raw.find((c) => !isBlankCell(c));
    if (firstFilled === undefined) {
      skipped.blank++;
      skipped.total++;
      return;
    }
    if (/^备注/u.test(compact(firstFilled.text))) {
      footerRow = rowNumber;
      skipped.total++;
      return;
    }
    const filled = columns.filter((c) => !isBlankCell(raw[c.col - first]));
    if (filled.length === 1 && filled[0].key === 'seq' && raw.filter((c) => !isBlankCell(c)).length === 1) {
      skipped.template++;
      skipped.total++;
      return;
    }
    const fields: Partial<Record<ColumnKey, Field>> = {};
    for (const c of columns) {
      const cell = raw[c.col - first];
      if (!cell) continue;
      const field: Field = { text: cell.text, norm: normText(cell.text), cell: cellRef(c.col, rowNumber), kind: cell.kind };
      if (cell.raw !== undefined) field.raw = cell.raw;
      if (cell.numFmt !== undefined) field.numFmt = cell.numFmt;
      fields[c.key] = field;
    }
    const extra: Record<string, string> = {};
    for (const u of unknownColumns) {
      const j = header.findIndex((_, k) => columnLetter(first + k) === u.letter);
      const cell = raw[j];
      if (cell && cell.text !== '') extra[u.header] = cell.text;
    }
    rows.push({ row: rowNumber, fields, extra });
  });

  return {
    file: options.file ?? '怀化市/溆浦县.xlsx',
    format: options.format ?? 'xlsx',
    sheet: options.sheet ?? 'Sheet1',
    area: options.area ?? { level: 'unknown', source: 'none' },
    headerRows: [headerRow],
    columns,
    unknownColumns,
    missingColumns,
    rows,
    rowCount: rows.length,
    skipped,
    footerRow,
    titleLines: options.titleLines ?? [],
    detected: {},
  };
}

/** The standard 附2 header (five columns, A-E). */
export const FORM_HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];

/** A problem reduced to what tests compare. */
export interface Brief {
  rule: string;
  severity: Problem['severity'];
  cell: string | undefined;
  messageId: string;
}

export function brief(p: Problem): Brief {
  return { rule: p.rule, severity: p.severity, cell: p.cell, messageId: p.messageId };
}

/** Runs one rule (not strict) and returns its problems, briefed. */
export function check(rule: RuleModule, register: Register): Brief[] {
  return validateRegister(register, [rule], { strict: false }).map(brief);
}

/** Runs one rule (not strict) and returns the full problems. */
export function problemsOf(rule: RuleModule, register: Register): Problem[] {
  return validateRegister(register, [rule], { strict: false });
}

/** Registers with the pairing rows the rollup counts (the `pairings` visitor over their rows, one household index for all). */
export function counted(registers: readonly Register[], divisions?: DivisionIndex): CountedRegister[] {
  const index = new HouseholdIndex(divisions);
  const spec = pairings(index);
  return registers.map((register) => {
    const v = spec.create(register, undefined as never)!;
    for (const row of register.rows) v.row(row);
    return { register, rows: v.end() as PairingRows };
  });
}

/** Notes (or any messages) in words. */
export function words(msgs: readonly Msg[], lang: 'zh' | 'en' = 'zh'): string[] {
  return msgs.map((m) => render(m, lang));
}
