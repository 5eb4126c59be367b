// `fupin cat`: a register (or 统计表) as canonical CSV — canonical headers, one line per pairing, text values — for git diff.
//
// The form (stable, comment-free, diffable; git's textconv reads it):
// - UTF-8 without BOM, LF line endings, comma-separated, quoted only where CSV needs it.
// - A register: the header 序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式 (always these five, empty when the
//   register lacks one, so two versions line up), then the register's other columns in sheet order: known optional
//   columns under their canonical label (身份证号码, 家庭人口 …), unknown ones under their header as written. Then one line
//   per pairing in sheet order: title, header, blank and template rows and the closing 备注 are left out.
// - Values as the cell holds them, as text: phones and ID numbers with their exact digits, numbers without thousands
//   separators or exponents, dates as 2016-09-01. A line break inside a cell is written as the two characters \n so
//   that one pairing stays one line. Text starting with = + - @ gets an apostrophe (neutralizeCell).
// - A 统计表: 单位 and the eight figures under canonical headers, one line per row as written, then 合计 as stated.
// - Several blocks in one file (registers on several sheets, a register and a 统计表): each starts with a line
//   `# sheet: NAME`. A file with a single block has no such line, so it is plain CSV.
// - A readable file holding neither (a 说明 workbook, a 附4 table): every non-empty sheet's grid as it is, each under its
//   `# sheet:` line, trailing empty cells and rows dropped.
import { stringify } from 'csv-stringify/sync';
import { COLUMN_BY_KEY } from '../core/columns.js';
import type { VisitorSpec } from '../core/ledger/builder.js';
import type { LedgerFile } from '../core/ledger/model.js';
import type { Problem, RawSheet, Register, RegisterRow } from '../core/model.js';
import { neutralizeCell } from '../core/neutralize.js';
import { COLUMN_LABEL, GROUPS, type StatsTableRead } from '../core/stats-table.js';
import type { EncodingName } from './csv.js';
import { loadFile } from './load.js';

/** The five columns of the 附2 form, always first. */
export const CANONICAL_CORE = ['seq', 'org', 'name', 'address', 'phone'] as const;

function text(s: string): string {
  return neutralizeCell(s.replace(/\r\n|\r|\n/g, '\\n'));
}

function toCsv(rows: string[][]): string {
  return rows.length ? stringify(rows, { delimiter: ',', record_delimiter: '\n' }) : '';
}

/** A register's canonical columns: the form's five first, then the others in sheet order. */
function canonicalColumns(reg: Register) {
  const others = [
    ...reg.columns.filter((c) => !(CANONICAL_CORE as readonly string[]).includes(c.key)).map((c) => ({ col: c.col, label: COLUMN_BY_KEY.get(c.key)!.label, key: c.key as string, extra: undefined as string | undefined })),
    ...reg.unknownColumns.map((u) => ({ col: letterIndex(u.letter), label: u.header, key: undefined as string | undefined, extra: u.header })),
  ].sort((a, b) => a.col - b.col);
  const header = [...CANONICAL_CORE.map((k) => COLUMN_BY_KEY.get(k)!.label), ...others.map((o) => o.label)];
  const cells = (row: RegisterRow): string[] => [
    ...CANONICAL_CORE.map((k) => row.fields[k]?.text ?? ''),
    ...others.map((o) => (o.key ? (row.fields[o.key as keyof typeof row.fields]?.text ?? '') : (row.extra[o.extra!] ?? ''))),
  ];
  return { header, cells };
}

/** A register whose rows are at hand as canonical CSV rows (header first). */
export function canonicalRegister(reg: Register, rows: readonly RegisterRow[] = reg.rows): string[][] {
  const { header, cells } = canonicalColumns(reg);
  return [header, ...rows.map(cells)].map((r) => r.map(text));
}

/** `canonical`: each register's canonical CSV rows as its rows go by (what `fupin cat` prints). */
export const canonicalRows: VisitorSpec = {
  name: 'canonical',
  create(register) {
    const { header, cells } = canonicalColumns(register);
    const rows: string[][] = [header.map(text)];
    return { row: (r) => void rows.push(cells(r).map(text)), end: () => rows };
  },
};

function letterIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A 统计表 as canonical CSV rows (header first; 合计 as stated last when the sheet has one). */
export function canonicalStatsTable(read: StatsTableRead): string[][] {
  const header = ['单位', ...GROUPS.flatMap((g) => [COLUMN_LABEL[g].units, COLUMN_LABEL[g].households])];
  const figures = (t: Record<(typeof GROUPS)[number], { units: number; households: number }>) =>
    GROUPS.flatMap((g) => [String(t[g].units), String(t[g].households)]);
  const rows = read.rows.map((r) => [r.label, ...figures(r.row)]);
  if (read.stated) rows.push(['合计', ...figures(read.stated.total)]);
  return [header, ...rows].map((r) => r.map(text));
}

/** A raw grid without trailing empty cells and rows. */
export function canonicalGrid(sheet: RawSheet): string[][] {
  const rows = sheet.rows.map((r) => {
    const cells = Array.from(r, (c) => c?.text ?? '');
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows.map((r) => r.map(text));
}

export type CatResult = { ok: true; text: string } | { ok: false; file: string; problem: Problem };

/** The canonical CSV of one file of a ledger read with the `canonical` visitor. */
export async function catLedgerFile(f: LedgerFile, opts: { encoding?: EncodingName } = {}): Promise<CatResult> {
  const blocks: { sheet: string; rows: string[][] }[] = [
    ...f.registers.map((e) => ({ sheet: e.register.sheet, rows: (e.results.canonical as string[][] | undefined) ?? [] })),
    ...f.tables.map((t) => ({ sheet: t.sheet, rows: canonicalStatsTable(t.read) })),
  ];
  if (blocks.length === 0) {
    if (f.failure && f.failure.rule !== 'file-not-register' && f.failure.rule !== 'file-own-output') return { ok: false, file: f.file, problem: f.failure };
    // readable, but no register: the grids as they are
    const loaded = await loadFile({ abs: f.abs, display: f.file, explicit: true }, opts.encoding ? { encoding: opts.encoding } : {});
    if (loaded.failure) return { ok: false, file: f.file, problem: f.failure ?? { rule: loaded.failure.rule, messageId: loaded.failure.messageId, severity: 'error' } };
    for (const s of loaded.sheets) {
      const rows = canonicalGrid(s);
      if (rows.length) blocks.push({ sheet: s.name, rows });
    }
  }
  if (blocks.length === 1) return { ok: true, text: toCsv(blocks[0]!.rows) };
  return { ok: true, text: blocks.map((b) => `# sheet: ${b.sheet.replace(/[\r\n]+/g, ' ')}\n${toCsv(b.rows)}`).join('') };
}
