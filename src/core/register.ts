// Finds the registers in a sheet: the header row(s), the column mapping, and the pairing rows (pure; no I/O).
import { COLUMNS, matchHeader, REQUIRED_KEYS } from './columns.js';
import type { AreaGuess, ColumnKey, ColumnMatch, Detected, Field, RawCell, RawSheet, Register, RegisterRow, SourceFormat } from './model.js';
import { cellRef, columnLetter, compact, normText } from './normalize.js';

/** How far below the top (or below the previous register) a header is looked for. */
export const HEADER_SEARCH_ROWS = 40;
/** A header needs at least this many of the three required columns … */
const MIN_REQUIRED = 2;
/** … and at least this many recognised columns in all. */
const MIN_COLUMNS = 3;

/** The first non-empty cell of a footer row starts like this: the form's closing note, signatures. */
const FOOTER = /^(?:备注|备考|注[:：]|说明[:：]|填表人|填报人|填表|审核人|审核|制表人|制表|负责人|单位负责人|分管领导|主管领导|签字|盖章|联系人[:：])/u;
/** Total rows are not pairings. */
const TOTAL = /^(?:合计|小计|总计|共计|累计)/u;

export interface SheetScan {
  registers: Register[];
  /** When no register was found: the closest header candidate, to explain what was missing. */
  bestCandidate?: { row: number; found: ColumnMatch[] };
}

interface Grid {
  /** Text of a cell as written (merged slaves empty). */
  own(r: number, c: number): string;
  cell(r: number, c: number): RawCell | undefined;
  /** Text with merged ranges filled in from their top-left cell. */
  merged(r: number, c: number): string;
  /** The cell that holds the value of (r, c): itself, or its merge's top-left. */
  master(r: number, c: number): { r: number; c: number };
  rowCount: number;
  width(r: number): number;
  /** Some merged range starts on row r and goes down into row r+1. */
  mergesDown(r: number): boolean;
}

function makeGrid(sheet: RawSheet): Grid {
  const masterOf = new Map<number, { r: number; c: number }>();
  const key = (r: number, c: number) => r * 20000 + c;
  for (const m of sheet.merges) {
    // a merge over a whole sheet is a crafted file, not a register: cap what we expand
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 200_000) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) masterOf.set(key(r, c), { r: m.top, c: m.left });
      }
    }
  }
  const cell = (r: number, c: number) => sheet.rows[r]?.[c];
  const own = (r: number, c: number) => cell(r, c)?.text ?? '';
  return {
    own,
    cell,
    master: (r, c) => masterOf.get(key(r, c)) ?? { r, c },
    merged(r, c) {
      const m = masterOf.get(key(r, c));
      return m ? own(m.r, m.c) : own(r, c);
    },
    rowCount: sheet.rows.length,
    width: (r) => sheet.rows[r]?.length ?? 0,
    mergesDown: (r) => sheet.merges.some((m) => m.top === r && m.bottom > r),
  };
}

interface Candidate {
  row: number; // 0-based first header row
  rows: number; // 1 or 2
  columns: ColumnMatch[];
  unknown: { col: number; header: string }[];
  score: number;
}

const HOW_RANK = { exact: 0, alias: 1, contains: 2 } as const;

/** Map the header cells of rows [r, r+rows) to columns; the lower row is more specific than a group cell above it. */
function mapHeader(g: Grid, r: number, rows: 1 | 2): Candidate {
  const width = Math.max(g.width(r), rows === 2 ? g.width(r + 1) : 0);
  const best = new Map<ColumnKey, ColumnMatch>();
  const texts: { col: number; header: string; matched: boolean }[] = [];
  for (let c = 0; c < width; c++) {
    const upper = g.merged(r, c);
    const lower = rows === 2 ? g.merged(r + 1, c) : '';
    const sameCell = rows === 2 && g.master(r + 1, c).r === g.master(r, c).r && g.master(r + 1, c).c === g.master(r, c).c;
    const header = sameCell || !lower ? upper : upper && upper !== lower ? `${upper}/${lower}` : lower;
    let m = rows === 2 && !sameCell && lower ? matchHeader(lower) : undefined;
    m ??= matchHeader(upper);
    if (!m && rows === 2 && !sameCell && upper && lower) m = matchHeader(upper + lower);
    // a header wrapped inside its cell ("扶贫家庭\n住址") reads as one word
    const display = normText(header.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '').replace(/\s+/g, ' '));
    if (m) {
      const prev = best.get(m.key);
      // one register column per key: the better match wins, the first on a tie; merged group cells repeat, keep the first
      if (!prev || HOW_RANK[m.how] < HOW_RANK[prev.how]) {
        if (prev) texts.push({ col: prev.col, header: prev.header, matched: false });
        best.set(m.key, { key: m.key, col: c, letter: columnLetter(c), header: display, how: m.how });
        texts.push({ col: c, header: display, matched: true });
        continue;
      }
    }
    if (display) texts.push({ col: c, header: display, matched: false });
  }
  const columns = [...best.values()].sort((a, b) => a.col - b.col);
  const used = new Set(columns.map((c) => c.col));
  const unknown = texts.filter((t) => !t.matched && !used.has(t.col)).map(({ col, header }) => ({ col, header }));
  const required = columns.filter((c) => REQUIRED_KEYS.includes(c.key)).length;
  const score = required * 100 + columns.length * 10 - columns.filter((c) => c.how === 'contains').length;
  return { row: r, rows, columns, unknown, score };
}

function isHeader(c: Candidate): boolean {
  const required = c.columns.filter((m) => REQUIRED_KEYS.includes(m.key)).length;
  return required >= MIN_REQUIRED && c.columns.length >= MIN_COLUMNS;
}

function rowIsEmpty(g: Grid, r: number): boolean {
  for (let c = 0; c < g.width(r); c++) if (normText(g.own(r, c))) return false;
  return true;
}

function findHeader(g: Grid, from: number, limit: number): { found?: Candidate; best?: Candidate } {
  let best: Candidate | undefined;
  const end = Math.min(g.rowCount, from + limit);
  for (let r = from; r < end; r++) {
    if (rowIsEmpty(g, r)) continue;
    const one = mapHeader(g, r, 1);
    let pick = one;
    if (r + 1 < g.rowCount && !rowIsEmpty(g, r + 1)) {
      const two = mapHeader(g, r, 2);
      // the second row belongs to the header only when this row names columns itself (a title or 填报单位
      // line above the header does not), the pair names more than either row alone, and it is not a pairing
      if (one.columns.length > 0 && two.score > one.score && !looksLikeData(g, r + 1, two)) {
        const below = mapHeader(g, r + 1, 1);
        // cells merged down from this row into the next one make the pair one header even when the lower row,
        // with the merged cells filled in, would name the same columns by itself
        if (two.score > below.score || (two.score === below.score && g.mergesDown(r))) pick = two;
      }
    }
    if (!best || pick.score > best.score) best = pick;
    if (isHeader(pick)) return { found: pick, best: pick };
  }
  return { best };
}

/** A row is data, not a header continuation, when its name cell is filled and differs from the row above. */
function looksLikeData(g: Grid, r: number, cand: Candidate): boolean {
  let headerish = 0;
  let filled = 0;
  for (let c = 0; c < g.width(r); c++) {
    const t = g.own(r, c);
    if (!normText(t)) continue;
    filled++;
    if (matchHeader(t)) headerish++;
  }
  const seq = cand.columns.find((m) => m.key === 'seq');
  if (seq && /^\d+$/.test(compact(g.own(r, seq.col)))) return true;
  return filled > 0 && headerish === 0;
}

/** Turns one cell into a Field, keeping its reference and what kind of value it was. */
function toField(cell: RawCell | undefined, text: string, col: number, row1: number): Field {
  return {
    text,
    norm: normText(text),
    cell: cellRef(col, row1),
    kind: cell?.kind ?? 'empty',
    ...(cell?.raw !== undefined ? { raw: cell.raw } : {}),
    ...(cell?.numFmt !== undefined ? { numFmt: cell.numFmt } : {}),
  };
}

const CORE: readonly ColumnKey[] = ['org', 'name', 'address', 'phone'];

export interface ScanContext {
  file: string;
  format: SourceFormat;
  area: AreaGuess;
  detected: Detected;
}

/**
 * Every register in a sheet. Several registers may follow one another (each after the previous one's 备注);
 * a sheet with none gives an empty list and the closest header candidate.
 */
export function scanSheet(sheet: RawSheet, ctx: ScanContext): SheetScan {
  const g = makeGrid(sheet);
  const registers: Register[] = [];
  let from = 0;
  let bestCandidate: SheetScan['bestCandidate'];
  while (from < g.rowCount) {
    const { found, best } = findHeader(g, from, registers.length === 0 ? HEADER_SEARCH_ROWS : g.rowCount);
    if (!found) {
      if (registers.length === 0 && best && best.columns.length > 0) bestCandidate = { row: best.row + 1, found: best.columns };
      break;
    }
    const titleLines: string[] = [];
    for (let r = from; r < found.row; r++) {
      const parts: string[] = [];
      for (let c = 0; c < g.width(r); c++) {
        const t = g.own(r, c).replace(/\s+/g, ' ').trim();
        if (t) parts.push(t);
      }
      if (parts.length) titleLines.push(parts.join(' '));
    }
    const { register, next } = readBlock(g, sheet, found, titleLines, ctx);
    registers.push(register);
    if (next === undefined) break;
    from = next;
  }
  return { registers, bestCandidate };
}

function readBlock(
  g: Grid,
  sheet: RawSheet,
  header: Candidate,
  titleLines: string[],
  ctx: ScanContext,
): { register: Register; next?: number } {
  const cols = header.columns;
  const unknown = header.unknown;
  const rows: RegisterRow[] = [];
  const skipped = { blank: 0, template: 0, total: 0 };
  let footerRow: number | undefined;
  let next: number | undefined;
  const firstData = header.row + header.rows;

  for (let r = firstData; r < g.rowCount; r++) {
    // the first non-empty cell, as written (before merges are filled in): footers and totals are recognised by it
    let first = '';
    let firstCol = -1;
    for (let c = 0; c < g.width(r); c++) {
      const t = compact(g.own(r, c));
      if (t) {
        first = t;
        firstCol = c;
        break;
      }
    }
    if (firstCol === -1) {
      skipped.blank++;
      continue;
    }
    const leftmost = Math.min(...cols.map((m) => m.col));
    if (FOOTER.test(first) && firstCol <= leftmost + 1) {
      footerRow = r + 1;
      next = r + 1;
      break;
    }
    if (/登记表$/u.test(first) || /登记表/u.test(first) && firstCol <= leftmost + 1 && first.length > 8) {
      // a new register's title without a 备注 line before it
      next = r;
      break;
    }
    if (TOTAL.test(first) && firstCol <= leftmost + 1) {
      skipped.total++;
      continue;
    }
    const again = mapHeader(g, r, 1);
    if (isHeader(again) && again.columns.every((m) => m.how !== 'contains' || cols.some((c) => c.key === m.key))) {
      // the header repeated (printed on every page): not a pairing
      skipped.total++;
      continue;
    }

    const fields: Partial<Record<ColumnKey, Field>> = {};
    for (const m of cols) {
      const { r: mr, c: mc } = g.master(r, m.col);
      // a value merged down over several rows (one org for its households) belongs to each of them;
      // a value merged in from above the data (a header) does not
      const text = mr >= firstData ? g.own(mr, mc) : mr === r ? g.own(r, m.col) : '';
      const src = mr >= firstData ? g.cell(mr, mc) : g.cell(r, m.col);
      fields[m.key] = toField(src, text, m.col, r + 1);
    }
    const extra: Record<string, string> = {};
    for (const u of unknown) {
      const t = g.own(r, u.col);
      if (normText(t)) extra[u.header] = t;
    }
    const filledCore = CORE.some((k) => fields[k] && fields[k]!.norm !== '');
    const filledOther = cols.some((m) => m.key !== 'seq' && !CORE.includes(m.key) && fields[m.key]!.norm !== '');
    if (!filledCore && !filledOther) {
      if (fields.seq && fields.seq.norm !== '') skipped.template++;
      else if (Object.keys(extra).length === 0) skipped.blank++;
      else skipped.template++;
      continue;
    }
    // keep only the fields that exist in the register (present columns), empty ones included
    rows.push({ row: r + 1, fields, extra });
  }

  const present = new Set(cols.map((m) => m.key));
  const register: Register = {
    file: ctx.file,
    format: ctx.format,
    sheet: sheet.name,
    area: ctx.area,
    headerRows: header.rows === 2 ? [header.row + 1, header.row + 2] : [header.row + 1],
    columns: cols,
    unknownColumns: unknown.map((u) => ({ letter: columnLetter(u.col), header: u.header })),
    missingColumns: COLUMNS.filter((c) => (c.required || c.expected) && !present.has(c.key)).map((c) => c.key),
    rows,
    skipped,
    ...(footerRow !== undefined ? { footerRow } : {}),
    titleLines,
    detected: {
      ...ctx.detected,
      sheet: { value: sheet.name, reason: 'header' },
      header: {
        value: header.rows === 2 ? `${header.row + 1}-${header.row + 2}` : `${header.row + 1}`,
        reason: header.rows === 2 ? 'two-row' : 'one-row',
      },
      columns: {
        value: cols.map((m) => `${m.letter}=${m.key}`).join(' '),
        reason: cols.map((m) => `${m.letter}“${m.header}”→${m.key}(${m.how})`).join('; '),
      },
    },
  };
  return { register, next };
}
