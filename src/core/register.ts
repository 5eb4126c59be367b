// Finds the registers in a sheet: the header row(s), the column mapping, and the pairing rows (pure; no I/O).
import { COLUMNS, headerKey, matchHeader, REQUIRED_KEYS } from './columns.js';
import type { AreaGuess, ColumnKey, ColumnMatch, Detected, Field, LeanRowView, RawCell, RawSheet, Register, RegisterRow, SourceFormat } from './model.js';
import { detach } from './household.js';
import { allDigits, columnLetter, compact, isDittoMark, normText } from './normalize.js';

/** How far below the top (or below the previous register) a header is looked for. */
export const HEADER_SEARCH_ROWS = 40;
/** A header needs at least this many of the three required columns … */
const MIN_REQUIRED = 2;
/** … and at least this many recognised columns in all. */
const MIN_COLUMNS = 3;

/** The first non-empty cell of a footer row starts like this: the form's closing note, signatures. */
const FOOTER = /^(?:备注|备考|注[:：]|说明[:：]|填表人|填报人|填表|审核人|审核|制表人|制表|负责人|单位负责人|分管领导|主管领导|签字|盖章|联系人[:：])/u;
/** A ditto mark: 同上, 〃, " … (normalize.ts; kept exported here for the readers of this module). */
export { isDittoMark };

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
  /** No merged cells (none expanded: makeGrid skips a merge too big): master(r, c) is (r, c) and merged is own. */
  plain?: boolean;
  /**
   * A grid of plain text rows (textGrid): row r's cell texts, '' for an empty cell (own(r, c) is line(r)[c] ?? '', cell
   * is a text cell when that is not '', width is its length); undefined past the rows held.
   */
  line?(r: number): readonly string[] | undefined;
  /**
   * Row r's cells without an object each (LeanRows.view), when the sheet is held lean and no merge covers a cell of the
   * row but its own top-left one (master(r, c) is (r, c) and merged is own on it); else undefined.
   */
  view?(r: number): LeanRowView | undefined;
  /**
   * A row of a text grid whose cells are all usual text (USUAL_BREAK finds nothing in them: each is its own norm and
   * names no required column), when the reader knows one; -1 or unset: none.
   */
  usualRow?: number;
}

function makeGrid(sheet: RawSheet): Grid {
  const masterOf = new Map<number, { r: number; c: number }>();
  const key = (r: number, c: number) => r * 20000 + c;
  /** The rows where some cell is a merge's slave (its master elsewhere). */
  const slaveRows = new Set<number>();
  for (const m of sheet.merges) {
    // a merge over a whole sheet is a crafted file, not a register: cap what we expand
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 200_000) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) {
          masterOf.set(key(r, c), { r: m.top, c: m.left });
          slaveRows.add(r);
        }
      }
    }
  }
  const lean = sheet.lean;
  const leanView = lean?.view ? (r: number) => (slaveRows.has(r) ? undefined : lean.view!(r)) : undefined;
  const rows = lean ? undefined : sheet.rows;
  const cell = lean ? (r: number, c: number) => lean.row(r)?.[c] : (r: number, c: number) => rows![r]?.[c];
  const own = (r: number, c: number) => cell(r, c)?.text ?? '';
  // no cell is a merge's slave (none, or only merges too big to expand): every cell is its own master
  const plain = masterOf.size === 0;
  return {
    own,
    cell,
    master: (r, c) => masterOf.get(key(r, c)) ?? { r, c },
    merged: plain
      ? own
      : (r, c) => {
          const m = masterOf.get(key(r, c));
          return m ? own(m.r, m.c) : own(r, c);
        },
    rowCount: lean ? lean.rowCount : rows!.length,
    width: lean ? (r) => lean.row(r)?.length ?? 0 : (r) => rows![r]?.length ?? 0,
    mergesDown: (r) => sheet.merges.some((m) => m.top === r && m.bottom > r),
    plain,
    ...(leanView ? { view: leanView } : {}),
  };
}

/** The kind a CSV cell has: text, or empty (no cell). Shared, since only its kind is read. */
const TEXT_CELL: RawCell = { text: '', kind: 'string' };

/**
 * A grid over rows of plain text (CSV records; no merges), the first of them being row `offset` of the sheet.
 * A text of '' is an empty cell, as csvToSheet makes it. `rows` and `offset` may be changed afterwards (a
 * one-row window moved down a streamed sheet).
 */
function textGrid(rows: (readonly string[])[], offset: number): Grid & { rows: (readonly string[])[]; offset: number; usualRow: number } {
  const g = {
    rows,
    offset,
    usualRow: -1,
    own: (r: number, c: number) => g.rows[r - g.offset]?.[c] ?? '',
    cell: (r: number, c: number) => (g.own(r, c) === '' ? undefined : TEXT_CELL),
    master: (r: number, c: number) => ({ r, c }),
    merged: (r: number, c: number) => g.own(r, c),
    get rowCount() {
      return g.offset + g.rows.length;
    },
    width: (r: number) => g.rows[r - g.offset]?.length ?? 0,
    mergesDown: () => false,
    plain: true,
    line: (r: number) => g.rows[r - g.offset],
  };
  return g;
}

interface Candidate {
  row: number; // 0-based first header row
  rows: number; // 1 or 2
  columns: ColumnMatch[];
  unknown: { col: number; header: string }[];
  score: number;
}

const HOW_RANK = { exact: 0, alias: 1, contains: 2 } as const;

/**
 * mapHeader's answers by what they were made from — the rows' cell texts (merges filled in) and which cells one merge
 * spans: a folder of registers from one form asks the same headers again for every file. Started again when full.
 */
let headerMemo = new Map<string, Candidate>();
const HEADER_MEMO_SIZE = 2000;
/** Headers wider than this many characters in all are not remembered (a crafted row, or not a header). */
const HEADER_MEMO_CHARS = 4000;

/** Map the header cells of rows [r, r+rows) to columns; the lower row is more specific than a group cell above it. */
function mapHeader(g: Grid, r: number, rows: 1 | 2): Candidate {
  const width = Math.max(g.width(r), rows === 2 ? g.width(r + 1) : 0);
  const uppers: string[] = [];
  const lowers: string[] = [];
  const same: boolean[] = [];
  // undefined once the row is too wide to remember: the key stops growing (a crafted row of 16,384 cells of 32,767
  // characters each must not become one string)
  let key: string | undefined = rows === 2 ? '2' : '1';
  for (let c = 0; c < width; c++) {
    const upper = g.merged(r, c);
    uppers.push(upper);
    // each text after its length: no two different rows make one key, whatever their cells hold
    if (key !== undefined) key += `|${upper.length}:${upper}`;
    if (rows === 2) {
      const lower = g.merged(r + 1, c);
      const sameCell = g.master(r + 1, c).r === g.master(r, c).r && g.master(r + 1, c).c === g.master(r, c).c;
      lowers.push(lower);
      same.push(sameCell);
      if (key !== undefined) key += `${sameCell ? '=' : '/'}${lower.length}:${lower}`;
    }
    if (key !== undefined && key.length > HEADER_MEMO_CHARS) key = undefined;
  }
  const known = key === undefined ? undefined : headerMemo.get(key);
  if (known) return copyCandidate(known, r);
  const made = mapHeaderCells(uppers, lowers, same, rows, r);
  if (key !== undefined) {
    if (headerMemo.size >= HEADER_MEMO_SIZE) headerMemo = new Map();
    // kept apart from the cells' strings (a CSV cell may be a slice of its whole chunk of text)
    headerMemo.set(detach(key), copyCandidate(made, r, detach));
  }
  return made;
}

/** A candidate of its own (its columns and unknown cells too: a register keeps them) at row `row`, its texts through `text`. */
function copyCandidate(c: Candidate, row: number, text: (s: string) => string = (s) => s): Candidate {
  return {
    row,
    rows: c.rows,
    columns: c.columns.map((m) => ({ ...m, header: text(m.header) })),
    unknown: c.unknown.map((u) => ({ col: u.col, header: text(u.header) })),
    score: c.score,
  };
}

/** mapHeader's work on the header cells' texts (`lowers`, `same`: the second row's, and whether a merge spans both). */
function mapHeaderCells(uppers: readonly string[], lowers: readonly string[], same: readonly boolean[], rows: 1 | 2, r: number): Candidate {
  const best = new Map<ColumnKey, ColumnMatch>();
  const texts: { col: number; header: string; matched: boolean }[] = [];
  for (let c = 0; c < uppers.length; c++) {
    const upper = uppers[c]!;
    const lower = rows === 2 ? lowers[c]! : '';
    const sameCell = rows === 2 && same[c]!;
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

/** findHeader's test of the row under a header before the pair is mapped; tests turn it off to compare with the pair always mapped. */
export const headerPairFilter = { on: true };

function findHeader(g: Grid, from: number, limit: number): { found?: Candidate; best?: Candidate } {
  let best: Candidate | undefined;
  const end = Math.min(g.rowCount, from + limit);
  for (let r = from; r < end; r++) {
    if (rowIsEmpty(g, r)) continue;
    const one = mapHeader(g, r, 1);
    let pick = one;
    // the second row belongs to the header only when this row names columns itself (a title or 填报单位 line above the
    // header does not: the pair is not even read then), the pair names more than either row alone, and it is not a pairing
    // (a next row of data — cells filled, none naming a column — is what looksLikeData turns down whatever the pair
    // maps to: the pair is not mapped then; the usual header, with the first data row under it)
    if (one.columns.length > 0 && r + 1 < g.rowCount && !rowIsEmpty(g, r + 1) && !(headerPairFilter.on && namesNoColumn(g, r + 1))) {
      const two = mapHeader(g, r, 2);
      if (two.score > one.score && !looksLikeData(g, r + 1, two)) {
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
  const seq = cand.columns.find((m) => m.key === 'seq');
  if (seq && /^\d+$/.test(compact(g.own(r, seq.col)))) return true;
  return namesNoColumn(g, r);
}

/** Some cell of row r is filled and none names a column (matchHeader): looksLikeData's answer whatever the candidate. */
function namesNoColumn(g: Grid, r: number): boolean {
  let filled = false;
  for (let c = 0; c < g.width(r); c++) {
    const t = g.own(r, c);
    if (!normText(t)) continue;
    filled = true;
    if (matchHeader(t)) return false;
  }
  return filled;
}

/**
 * A cell can name a required column only if it holds a character of one of their header words (all Han), or a
 * character that NFKC turns into Han (radicals, compatibility and enclosed ideographs: matchHeader reads the
 * text after NFKC). Any other cell is known not to name one without reading it as a header.
 */
const REQUIRED_WORDS = COLUMNS.filter((c) => c.required).flatMap((c) => [c.label, ...c.aliases].map(headerKey));
const NFKC_TO_HAN = '\\u2e80-\\u2fdf\\u3038-\\u303a\\u3190-\\u319f\\u3200-\\u33ff\\uf900-\\ufaff\\u{1f200}-\\u{1f2ff}\\u{2f800}-\\u{2fa1f}';
/** Every required column's header word is Han: MAY_NAME_REQUIRED then matches Han and what NFKC makes Han, never ASCII. */
const HAN_WORDS = REQUIRED_WORDS.every((w) => /^\p{Script=Han}+$/u.test(w));
const MAY_NAME_REQUIRED = HAN_WORDS
  ? new RegExp(`[${[...new Set(REQUIRED_WORDS.join(''))].join('')}${NFKC_TO_HAN}]`, 'u')
  : /[^]/u;
/**
 * Whether a cell might name a required column (false: it surely does not), answered from its characters for the usual
 * cell: text NFKC and compact leave as it is (printable ASCII, common Han) with no * or : (the only characters headerKey
 * takes out of such text, which could join two halves of a word), whose header key is then a prefix of the text itself
 * (lower-cased): it names a required column only if it holds one of their words. Any other cell: MAY_NAME_REQUIRED.
 */
export function mayNameRequired(text: string): boolean {
  if (WORDS_BY_FIRST === undefined) return MAY_NAME_REQUIRED.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      // no word starts here unless its first two characters do (every word has two or more)
      if (FIRST_OF_WORD[c] === 0 || i + 1 >= text.length || SECOND_OF_WORD[text.charCodeAt(i + 1)] === 0) continue;
      const words = WORDS_BY_FIRST.get(c);
      if (words !== undefined) for (const w of words) if (text.startsWith(w, i)) return true;
    } else if (c < 0x21 || c > 0x7e || c === 0x2a /* * */ || c === 0x3a /* : */) return MAY_NAME_REQUIRED.test(text);
  }
  return false;
}
/** The required columns' header words by their first character (all are common Han characters), else undefined. */
const WORDS_BY_FIRST: Map<number, string[]> | undefined = REQUIRED_WORDS.every((w) => /^[\u4e00-\u9fff]{2,}$/u.test(w))
  ? REQUIRED_WORDS.reduce((m, w) => m.set(w.charCodeAt(0), [...(m.get(w.charCodeAt(0)) ?? []), w]), new Map<number, string[]>())
  : undefined;

/** 1 for the first character of a required column's header word (WORDS_BY_FIRST's keys). */
const FIRST_OF_WORD = new Uint8Array(65536);
for (const c of WORDS_BY_FIRST?.keys() ?? []) FIRST_OF_WORD[c] = 1;
/** 1 for the second character of a required column's header word (read only when WORDS_BY_FIRST is: all have two). */
const SECOND_OF_WORD = new Uint8Array(65536);
for (const w of REQUIRED_WORDS) if (w.length > 1) SECOND_OF_WORD[w.charCodeAt(1)] = 1;

/** Cell texts already judged (org and name cells repeat down a register); started again when full. */
let namesRequiredSeen = new Map<string, boolean>();

/** Whether a cell, read as a header, names one of the required columns. */
function namesRequiredColumn(text: string): boolean {
  let v = namesRequiredSeen.get(text);
  if (v === undefined) {
    const m = matchHeader(text);
    v = m !== undefined && REQUIRED_KEYS.includes(m.key);
    if (namesRequiredSeen.size >= 10_000) namesRequiredSeen = new Map();
    namesRequiredSeen.set(detach(text), v);
  }
  return v;
}

const unjudged: string[] = [];

/**
 * A cheap test before mapHeader on a data row: a repeated header names at least two required columns
 * (isHeader), each in a cell of its own, so a row with fewer such cells cannot be one. Cells already judged
 * and those without a character of a required header word are counted first; the others are judged, shortest first, only while two can still be reached.
 */
function mayBeHeader(g: Grid, r: number): boolean {
  const width = g.width(r);
  const texts = rowTexts;
  for (let c = 0; c < width; c++) texts[c] = g.merged(r, c);
  const may = textsMayBeHeader(texts, width);
  texts.length = 0;
  return may;
}

/** mayBeHeader's texts of the row (emptied after: no cell's text kept between rows). */
const rowTexts: string[] = [];

/** Cells of the row being read (readLine, readView) that may name a required column (emptied after each row). */
const mayCells: string[] = [];

/** mayBeHeader of a row whose cells passing mayNameRequired are `texts` (in any order: only how many name one counts). */
function anyTwoNameRequired(texts: readonly string[]): boolean {
  let n = 0;
  unjudged.length = 0;
  for (const text of texts) {
    const v = namesRequiredSeen.get(text);
    if (v === undefined) unjudged.push(text);
    else if (v && ++n >= 2) return true;
  }
  return judgeRest(n);
}

/** mayBeHeader over the first `n` of `texts` (a row's cells, merges filled in; cells it does not hold may be left out). */
function textsMayBeHeader(texts: readonly string[], n: number): boolean {
  let count = 0;
  unjudged.length = 0;
  for (let k = 0; k < n; k++) {
    const text = texts[k]!;
    if (text === '' || !mayNameRequired(text)) continue;
    const v = namesRequiredSeen.get(text);
    if (v === undefined) unjudged.push(text);
    else if (v && ++count >= 2) return true;
  }
  return judgeRest(count);
}

/** mayBeHeader's end: `n` cells known to name a required column, the cells in `unjudged` judged while two can still be reached. */
function judgeRest(n: number): boolean {
  if (n + unjudged.length < 2) return false;
  unjudged.sort((a, b) => a.length - b.length);
  for (let i = 0; i < unjudged.length; i++) {
    if (n + unjudged.length - i < 2) return false;
    if (namesRequiredColumn(unjudged[i]!) && ++n >= 2) return true;
  }
  return false;
}

/** normText, without its passes for printable ASCII with no spaces (digits, ids), which it leaves as they are. */
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
function normField(text: string): string {
  return PLAIN_ASCII.test(text) ? text : normText(text);
}

/**
 * Matches (global: from lastIndex) the first character or text that keeps cells from being usual text, i.e. text lineCell
 * reads as its own norm that names no required column: any character but printable ASCII other than * and :, common Han
 * (U+4E00-U+9FFF) and line ends; or a required column's header word. A row of cells in which it finds nothing (a CSV line,
 * cells being cut from it at a delimiter that is not Han) is known lineCell's usual case without looking at its cells one by
 * one (streamCsvRows looks at many lines at once); any other row is read as before. Without WORDS_BY_FIRST (a header word
 * that is not common Han), nothing is known usual: it matches any character.
 */
export const USUAL_BREAK: RegExp =
  WORDS_BY_FIRST !== undefined
    ? new RegExp(`[^\\x21-\\x29\\x2b-\\x39\\x3b-\\x7e\\u4e00-\\u9fff\\n\\r]|${[...new Set(REQUIRED_WORDS)].sort((a, b) => b.length - a.length).join('|')}`, 'g')
    : /[^]/g;

/** lineCell's second answer: whether the cell it was last given may name a required column (readLine's header pre-filter). */
let lineCellMay = false;

/**
 * readLine's look at a non-empty cell: its norm (normField), and in lineCellMay whether the repeated-header pre-filter keeps
 * it (printable ASCII does not when every required header word is Han, HAN_WORDS; other text when mayNameRequired). The
 * usual cell, printable ASCII and common Han without * or :, is read once: NFKC and whitespace leave it as it is (its
 * norm is itself, as NFKC_STABLE finds) and it may name a required column only if it holds one of their words
 * (mayNameRequired's own answer for such text). Any other cell takes the two tests as they are. A test holds the two
 * ways equal over every UTF-16 unit in every place of a text.
 */
export function lineCell(text: string): string {
  if (WORDS_BY_FIRST !== undefined) {
    const n = text.length;
    let may = false;
    let i = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x21 && c <= 0x7e) {
        if (c === 0x2a /* * */ || c === 0x3a /* : */) break;
        continue;
      }
      if (c < 0x4e00 || c > 0x9fff) break;
      if (!may && FIRST_OF_WORD[c] === 1 && i + 1 < n && SECOND_OF_WORD[text.charCodeAt(i + 1)] === 1) {
        const words = WORDS_BY_FIRST.get(c);
        if (words !== undefined) for (const w of words) if (text.startsWith(w, i)) may = true;
      }
    }
    if (i === n) {
      lineCellMay = may;
      return text;
    }
  }
  const plain = PLAIN_ASCII.test(text);
  lineCellMay = (!plain || !HAN_WORDS) && mayNameRequired(text);
  return plain ? text : normText(text);
}

/** lineCell's two answers at once (tests). */
export function lineCellBoth(text: string): [norm: string, may: boolean] {
  const norm = lineCell(text);
  return [norm, lineCellMay];
}

/**
 * fields[key] = field, each key's store written with its own name: a row's fields object always has its register's
 * shape, so each store here sees one shape (or a few), where `fields[key]` with the key varying was one store site for
 * every column, megamorphic (a look-up in V8's stub cache per cell: 42 against 23 ms for 200,000 rows of 7 columns,
 * measured apart). The fields object's keys and their order are the shape's either way. (Exported for its test.)
 */
export function setField(fields: Partial<Record<ColumnKey, Field>>, key: ColumnKey, field: Field): void {
  switch (key) {
    case 'seq':
      fields.seq = field;
      break;
    case 'org':
      fields.org = field;
      break;
    case 'name':
      fields.name = field;
      break;
    case 'address':
      fields.address = field;
      break;
    case 'phone':
      fields.phone = field;
      break;
    case 'idNumber':
      fields.idNumber = field;
      break;
    case 'familySize':
      fields.familySize = field;
      break;
    case 'income':
      fields.income = field;
      break;
    case 'povertyCause':
      fields.povertyCause = field;
      break;
    case 'measures':
      fields.measures = field;
      break;
    case 'remark':
      fields.remark = field;
      break;
    case 'orgType':
      fields.orgType = field;
      break;
    default: {
      // every ColumnKey has its case (a key added to ColumnKey without one does not compile here)
      const unknown: never = key;
      fields[unknown as ColumnKey] = field;
    }
  }
}

/** Turns one cell into a Field, keeping its reference and what kind of value it was. */
function toField(cell: RawCell | undefined, text: string, col: number, row1: number | string, letter = columnLetter(col)): Field {
  // cellRef(col, row1), the column's letters given when the caller has them (and the row's number as text, made once a row)
  return fieldOf(text, normField(text), letter + row1, cell?.kind ?? 'empty', cell?.raw, cell?.numFmt);
}

/** The Field of a cell given by its parts (toField's, and ViewField's JSON): raw and numFmt only when set. */
function fieldOf(text: string, norm: string, ref: string, kind: Field['kind'], raw: RawCell['raw'], numFmt: string | undefined): Field {
  const f: Field = { text, norm, cell: ref, kind };
  // raw, then numFmt, when the cell has them (no objects made to spread them in)
  if (raw !== undefined) f.raw = raw;
  if (numFmt !== undefined) f.numFmt = numFmt;
  return f;
}

/**
 * The Field of a text cell (a CSV's: '' is no cell) as toField makes it, its A1 reference and kind made from the column's
 * letters and the row when asked for (a reference string per cell of every row was most of a streamed row's garbage).
 * JSON (toJSON) and the fields' keys read as toField's plain object; spread it and the reference is lost (resolveDitto).
 */
export class TextField implements Field {
  constructor(
    readonly text: string,
    readonly norm: string,
    private readonly letter: string,
    private readonly row: number,
  ) {}

  get cell(): string {
    return this.letter + this.row;
  }

  get kind(): Field['kind'] {
    return this.text === '' ? 'empty' : 'string';
  }

  toJSON(): Field {
    return { text: this.text, norm: this.norm, cell: this.cell, kind: this.kind };
  }

  /** Whether its reference is `letter` + `row` (cellIs). */
  isAt(letter: string, row: number): boolean {
    return this.row === row && this.letter === letter;
  }
}

/**
 * The Field of a cell of a lean row (readView) as fieldOf makes it, its A1 reference made from the column's letters and
 * the row when asked for (the rollup never asks: a reference string per cell was a third of a row's garbage), and of one
 * shape whatever the cell holds (fieldOf's objects took raw and numFmt on as they came: four shapes for the rules and the
 * visitors to read). raw and numFmt are read as fieldOf's (undefined when the cell has none); JSON (toJSON) and the keys
 * of the ditto object made from it (dittoOf) are fieldOf's, but raw and numFmt are own properties even when undefined
 * (`'raw' in f` is true where fieldOf left the key out). Spread it, structured-clone it or post it to a worker and the
 * reference, a getter, is lost (as a TextField's): rows never cross to a worker (the parse pool sends sheets).
 */
export class ViewField implements Field {
  constructor(
    readonly text: string,
    readonly norm: string,
    readonly kind: Field['kind'],
    readonly raw: RawCell['raw'],
    readonly numFmt: string | undefined,
    private readonly letter: string,
    private readonly row: number,
  ) {}

  get cell(): string {
    return this.letter + this.row;
  }

  toJSON(): Field {
    return fieldOf(this.text, this.norm, this.cell, this.kind, this.raw, this.numFmt);
  }

  /** Whether its reference is `letter` + `row` (cellIs). */
  isAt(letter: string, row: number): boolean {
    return this.row === row && this.letter === letter;
  }
}

/** Whether a field's cell is `letter` + `row` (a TextField or ViewField answers without making its reference). */
export function cellIs(f: Field, letter: string, row: number): boolean {
  return f instanceof TextField || f instanceof ViewField ? f.isAt(letter, row) : f.cell === letter + row;
}

/** A ditto cell `f` taking the value of `prev`, the cell above written out in full (its mark kept in `ditto`). */
function dittoOf(f: Field, prev: Field): Field {
  if (f instanceof TextField) return { text: prev.text, norm: prev.norm, cell: f.cell, kind: f.kind, ditto: f.text };
  // (a ViewField: the keys of the spread below, its reference made)
  const d = f instanceof ViewField ? fieldOf(prev.text, prev.norm, f.cell, f.kind, f.raw, f.numFmt) : { ...f, text: prev.text, norm: prev.norm };
  d.ditto = f.text;
  return d;
}

/** A row's `extra` when it has no cell under an unknown header (shared: nothing writes to a row's extra). */
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;

const CORE: readonly ColumnKey[] = ['org', 'name', 'address', 'phone'];

/** byFirstCell: the row may be a pairing (read on). */
const PAIRING = -1;

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
export function scanSheet(sheet: RawSheet, ctx: ScanContext, sink?: RowSink): SheetScan {
  return scanRows(makeGrid(sheet), sheet.name, ctx, 0, 0, sink);
}

/**
 * scanSheet from row `from` on, `above` registers having been found above it in the same sheet. With a sink, each
 * register's rows go to it as they are read (the register is announced, area unset, before its first row) and are not kept.
 */
function scanRows(g: Grid, sheetName: string, ctx: ScanContext, from: number, above: number, sink?: RowSink): SheetScan {
  const registers: Register[] = [];
  let bestCandidate: SheetScan['bestCandidate'];
  while (from < g.rowCount) {
    const { found, best } = findHeader(g, from, registers.length + above === 0 ? HEADER_SEARCH_ROWS : g.rowCount);
    if (!found) {
      if (registers.length + above === 0 && best && best.columns.length > 0) bestCandidate = { row: best.row + 1, found: best.columns };
      break;
    }
    const titleLines = titleLinesOf(g, from, found.row);
    const { register, next } = readBlock(g, sheetName, found, titleLines, ctx, sink);
    registers.push(register);
    if (next === undefined) break;
    from = next;
  }
  return { registers, bestCandidate };
}

/** The text of the rows above a header, one line per row that has any. */
function titleLinesOf(g: Grid, from: number, to: number): string[] {
  const titleLines: string[] = [];
  for (let r = from; r < to; r++) {
    const parts: string[] = [];
    for (let c = 0; c < g.width(r); c++) {
      const t = g.own(r, c).replace(/\s+/g, ' ').trim();
      if (t) parts.push(t);
    }
    if (parts.length) titleLines.push(parts.join(' '));
  }
  return titleLines;
}

function readBlock(g: Grid, sheetName: string, header: Candidate, titleLines: string[], ctx: ScanContext, sink?: RowSink): { register: Register; next?: number } {
  const block = new BlockReader(header, titleLines, ctx, sheetName);
  if (sink) block.emit = sink(block.shell());
  for (let r = block.firstData; r < g.rowCount; r++) {
    const next = block.read(g, r);
    if (next !== undefined) return { register: block.finish(), next };
  }
  return { register: block.finish() };
}

/** The rows of one register, read one at a time below its header until a footer or another register's title. */
class BlockReader {
  readonly firstData: number;
  /** Pairing rows read (none are kept when they go to `emit`). */
  count = 0;
  /** Where pairing rows go instead of the register's `rows` (streaming). */
  emit: ((row: RegisterRow) => void) | undefined;
  private made: Register | undefined;
  private readonly cols: ColumnMatch[];
  private readonly unknown: { col: number; header: string }[];
  private readonly leftmost: number;
  private readonly rows: RegisterRow[] = [];
  private readonly skipped = { blank: 0, template: 0, total: 0 };
  private footerRow: number | undefined;
  /** The last value written out in full in the columns where clerks write "同上". */
  private readonly above: Partial<Record<ColumnKey, Field>> = {};
  /** The register's columns' keys in column order, each undefined: a row's fields start as a copy of it (readLine). */
  private readonly shape: Partial<Record<ColumnKey, Field>>;
  /** 1 at the register's columns' indexes (readLine: the cells read into fields). */
  private readonly mapped: Uint8Array;

  constructor(
    private readonly header: Candidate,
    private readonly titleLines: string[],
    private readonly ctx: ScanContext,
    private readonly sheetName: string,
  ) {
    this.cols = header.columns;
    this.unknown = header.unknown;
    this.firstData = header.row + header.rows;
    this.leftmost = Math.min(...this.cols.map((m) => m.col));
    const shape: Partial<Record<ColumnKey, Field>> = {};
    for (const m of this.cols) shape[m.key] = undefined;
    this.shape = shape;
    this.mapped = new Uint8Array(Math.max(...this.cols.map((m) => m.col)) + 1);
    for (const m of this.cols) this.mapped[m.col] = 1;
  }

  /** Reads row r (0-based); when the register ends there, the row where the rest of the sheet starts. */
  read(g: Grid, r: number): number | undefined {
    const line = g.line?.(r);
    if (line !== undefined) return this.readLine(g, line, r);
    const view = g.view?.(r);
    if (view !== undefined) return this.readView(g, view, r);
    const { cols, unknown, firstData } = this;
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
    const said = this.byFirstCell(first, firstCol, r);
    if (said !== PAIRING) return said;
    if (this.headerAgain(g, r, mayBeHeader(g, r))) return undefined;

    const fields: Partial<Record<ColumnKey, Field>> = {};
    const row1 = String(r + 1);
    for (const m of cols) {
      if (g.plain) {
        // no merges: every cell is its own master
        setField(fields, m.key, toField(g.cell(r, m.col), g.own(r, m.col), m.col, row1, m.letter));
        continue;
      }
      const { r: mr, c: mc } = g.master(r, m.col);
      // a value merged down over several rows (one org for its households) belongs to each of them;
      // a value merged in from above the data (a header) does not
      const text = mr >= firstData ? g.own(mr, mc) : mr === r ? g.own(r, m.col) : '';
      const src = mr >= firstData ? g.cell(mr, mc) : g.cell(r, m.col);
      setField(fields, m.key, toField(src, text, m.col, row1, m.letter));
    }
    const extra: Record<string, string> = {};
    for (const u of unknown) {
      const t = g.own(r, u.col);
      if (normText(t)) extra[u.header] = t;
    }
    const filledCore = CORE.some((k) => fields[k] && fields[k]!.norm !== '');
    const filledOther = cols.some((m) => m.key !== 'seq' && !CORE.includes(m.key) && fields[m.key]!.norm !== '');
    // keep only the fields that exist in the register (present columns), empty ones included
    this.keep(fields, extra, filledCore || filledOther, r);
    return undefined;
  }

  /** A row read: a pairing when some column but 序号 is `filled` (given on, 同上 resolved), else counted as skipped. */
  private keep(fields: Partial<Record<ColumnKey, Field>>, extra: Record<string, string>, filled: boolean, r: number): void {
    const skipped = this.skipped;
    if (!filled) {
      if (fields.seq && fields.seq.norm !== '') skipped.template++;
      else if (Object.keys(extra).length === 0) skipped.blank++;
      else skipped.template++;
      return;
    }
    this.resolveDitto(fields);
    const row: RegisterRow = { row: r + 1, fields, extra };
    this.count++;
    if (this.emit) this.emit(row);
    else this.rows.push(row);
  }

  /**
   * What a row's first non-empty cell (`first`, compacted, in column firstCol; -1: none) says: PAIRING when the row may be
   * one; else read's answer (undefined: skip the row, counted; a number: the register ends, the rest starts there).
   */
  private byFirstCell(first: string, firstCol: number, r: number): number | undefined {
    if (firstCol === -1) {
      this.skipped.blank++;
      return undefined;
    }
    const leftmost = this.leftmost;
    if (FOOTER.test(first) && firstCol <= leftmost + 1) {
      this.footerRow = r + 1;
      return r + 1;
    }
    if (first.includes('登记表') && (/登记表$/u.test(first) || (firstCol <= leftmost + 1 && first.length > 8))) {
      // a new register's title without a 备注 line before it
      return r;
    }
    if (TOTAL.test(first) && firstCol <= leftmost + 1) {
      this.skipped.total++;
      return undefined;
    }
    return PAIRING;
  }

  /** Row r is the header repeated (printed on every page), counted as skipped; `may`: mayBeHeader of it (false: surely not). */
  /**
   * headerAgain of a row whose cells that may name a required column are gathered in `may` (mayCells), emptied after: no
   * cell's text is kept past its row (readLine, readView).
   */
  private headerAgainOf(g: Grid, r: number, may: string[]): boolean {
    const again = may.length >= 2 && this.headerAgain(g, r, anyTwoNameRequired(may));
    if (may.length !== 0) may.length = 0;
    return again;
  }

  private headerAgain(g: Grid, r: number, may: boolean): boolean {
    const again = may ? mapHeader(g, r, 1) : undefined;
    if (!again || !isHeader(again) || !again.columns.every((m) => m.how !== 'contains' || this.cols.some((c) => c.key === m.key))) return false;
    this.skipped.total++;
    return true;
  }

  /**
   * read for a row of a text grid (g.line(r) is `cells`): the same decisions on the cells themselves, without the grid's
   * accessors per cell, and the fields made in one object of the register's shape (test/core/register.test.ts compares
   * the two ways on every kind of row).
   */
  private readLine(g: Grid, cells: readonly string[], r: number): number | undefined {
    const { cols, unknown } = this;
    // a first cell of ASCII digits (a 序号) is its own compact text, and no footer, total or title: a pairing may follow
    const c0 = cells.length > 0 ? cells[0]! : '';
    if (c0 === '' || !allDigits(c0)) {
      let c = 0;
      let first = '';
      while (c < cells.length && (first = compact(cells[c] ?? '')) === '') c++;
      const said = this.byFirstCell(first, c < cells.length ? c : -1, r);
      if (said !== PAIRING) return said;
    }

    // every column's key, in column order, as read() adds them: the object starts with the register's shape; the cells
    // that may name a required column (mayBeHeader's pre-filter) are gathered on the way
    const fields: Partial<Record<ColumnKey, Field>> = { ...this.shape };
    const may = mayCells;
    if (may.length !== 0) may.length = 0;
    // every cell usual text (USUAL_BREAK): each its own norm, none may name a required column
    const usual = g.usualRow === r;
    let filled = false;
    for (let i = 0; i < cols.length; i++) {
      const m = cols[i]!;
      const text = cells[m.col] ?? '';
      let norm = '';
      if (usual) norm = text;
      else if (text !== '') {
        // normField; printable ASCII (a phone, an id, a number) names no required column when all their words are Han
        norm = lineCell(text);
        if (lineCellMay) may.push(text);
      }
      // toField of a text cell ('' is no cell: empty), its reference made only when asked for
      setField(fields, m.key, new TextField(text, norm, m.letter, r + 1));
      // filledCore || filledOther of read(): any column but seq
      if (norm !== '' && m.key !== 'seq') filled = true;
    }
    const mapped = this.mapped;
    for (let k = 0; !usual && k < cells.length; k++) {
      if (mapped[k] === 1) continue;
      const text = cells[k] ?? '';
      if (text !== '' && mayNameRequired(text)) may.push(text);
    }
    if (this.headerAgainOf(g, r, may)) return undefined;

    let extra: Record<string, string> = NO_EXTRA;
    for (const u of unknown) {
      const t = cells[u.col] ?? '';
      if (normText(t)) {
        if (extra === NO_EXTRA) extra = {};
        extra[u.header] = t;
      }
    }
    this.keep(fields, extra, filled, r);
    return undefined;
  }

  /**
   * read for a row held lean with no merged cell in it (g.view(r) is `v`): the same decisions and fields, from the row's
   * texts, without a RawCell per cell or a master per column (the lean/grid agreement tests compare the two ways).
   */
  private readView(g: Grid, v: LeanRowView, r: number): number | undefined {
    const { cols, unknown } = this;
    const texts = v.texts;
    // the first non-empty cell, as in read: cells the row does not hold are empty
    let first = '';
    let firstCol = -1;
    for (let k = 0; k < v.n; k++) {
      const t = compact(texts[k]!);
      if (t) {
        first = t;
        firstCol = v.cols[k]!;
        break;
      }
    }
    const said = this.byFirstCell(first, firstCol, r);
    if (said !== PAIRING) return said;

    // every column's key, in column order, as read() adds them: the object starts with the register's shape; as in
    // readLine, a cell's norm and whether it may name a required column (mayBeHeader's pre-filter) are read in one pass
    // (lineCell), and the cells that may are gathered on the way
    const fields: Partial<Record<ColumnKey, Field>> = { ...this.shape };
    const may = mayCells;
    if (may.length !== 0) may.length = 0;
    const row1 = r + 1;
    let filled = false;
    for (let i = 0; i < cols.length; i++) {
      const m = cols[i]!;
      const k = v.at(m.col);
      // toField of the cell row(r) would hold (none: an empty cell)
      let f: ViewField;
      if (k < 0) f = new ViewField('', '', 'empty', undefined, undefined, m.letter, row1);
      else {
        const text = texts[k]!;
        let norm = '';
        if (text !== '') {
          // normField, and mayNameRequired in lineCellMay
          norm = lineCell(text);
          if (lineCellMay) may.push(text);
        }
        f = new ViewField(text, norm, v.kind(k), v.raw(k), v.numFmt(k), m.letter, row1);
      }
      setField(fields, m.key, f);
      // filledCore || filledOther of read(): any column but seq
      if (f.norm !== '' && m.key !== 'seq') filled = true;
    }
    // the row's other cells, and then mayBeHeader (textsMayBeHeader over the row's cells: none is judged twice)
    const mapped = this.mapped;
    const at = v.cols;
    for (let k = 0; k < v.n; k++) {
      if (mapped[at[k]!] === 1) continue;
      const text = texts[k]!;
      if (text !== '' && mayNameRequired(text)) may.push(text);
    }
    if (this.headerAgainOf(g, r, may)) return undefined;
    let extra: Record<string, string> = NO_EXTRA;
    for (const u of unknown) {
      const k = v.at(u.col);
      const t = k < 0 ? '' : texts[k]!;
      if (normText(t)) {
        if (extra === NO_EXTRA) extra = {};
        extra[u.header] = t;
      }
    }
    this.keep(fields, extra, filled, r);
    return undefined;
  }

  /** "同上" in the organisation or address column means the row above's value: take it, and keep the mark. */
  private resolveDitto(fields: Partial<Record<ColumnKey, Field>>): void {
    // the two columns by name (a loop over their keys read and wrote fields[key] by a key known only at run time)
    const above = this.above;
    const org = fields.org;
    if (org !== undefined && org.norm !== '') {
      if (!isDittoMark(org.norm)) above.org = org;
      else if (above.org) fields.org = dittoOf(org, above.org);
    }
    const address = fields.address;
    if (address !== undefined && address.norm !== '') {
      if (!isDittoMark(address.norm)) above.address = address;
      else if (above.address) fields.address = dittoOf(address, above.address);
    }
  }

  /** The register as read so far, without rows (its `skipped` counts go on growing); `finish` completes this same object. */
  shell(): Register {
    this.made ??= this.build();
    return this.made;
  }

  finish(): Register {
    const reg = this.made ?? this.build();
    if (this.footerRow !== undefined) reg.footerRow = this.footerRow;
    reg.rowCount = this.count;
    return reg;
  }

  private build(): Register {
    const { header, cols, unknown, ctx, sheetName, footerRow, titleLines } = this;
    const present = new Set(cols.map((m) => m.key));
    return {
      file: ctx.file,
      format: ctx.format,
      sheet: sheetName,
      area: ctx.area,
      headerRows: header.rows === 2 ? [header.row + 1, header.row + 2] : [header.row + 1],
      columns: cols,
      unknownColumns: unknown.map((u) => ({ letter: columnLetter(u.col), header: u.header })),
      missingColumns: COLUMNS.filter((c) => (c.required || c.expected) && !present.has(c.key)).map((c) => c.key),
      rows: this.rows,
      rowCount: this.count,
      skipped: this.skipped,
      ...(footerRow !== undefined ? { footerRow } : {}),
      titleLines,
      detected: {
        ...ctx.detected,
        sheet: { value: sheetName, reason: 'header' },
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
  }
}

/** Rows held before the header is looked for: the header search window, a two-row header and the row below it. */
export const HEAD_ROWS = HEADER_SEARCH_ROWS + 2;

/** Where the rows of a streamed register go: asked when its header is found (the register has no rows then). */
export type RowSink = (register: Register) => (row: RegisterRow) => void;

export interface StreamedScan {
  /** The registers found, in order, their rows not kept; how many pairing rows each had. */
  registers: { register: Register; rowCount: number }[];
  /** When no register was found: the closest header candidate (as scanSheet gives it). */
  bestCandidate?: SheetScan['bestCandidate'];
  /** Some cell has text (an empty file and a file without a header are told apart by it). */
  anyCells: boolean;
}

/**
 * scanSheet for a sheet of plain text rows (a CSV: no merges) fed one row at a time: the same registers, rows,
 * row numbers and counts, but each pairing row goes to the sink as it is read and is then dropped. Held in
 * memory: the first HEAD_ROWS rows (the header is found among them exactly as in the whole sheet), and what
 * follows the end of a register (a footer, signatures, maybe another register), scanned as the rest of the sheet.
 */
export class TextSheetScanner {
  private head: string[][] | undefined = [];
  private block: BlockReader | undefined;
  private tail: string[][] | undefined;
  private tailStart = 0;
  private next = 0;
  private readonly done: { register: Register; rowCount: number }[] = [];
  private bestCandidate: SheetScan['bestCandidate'];
  private anyCells = false;
  private readonly window = textGrid([], 0);

  constructor(
    private readonly sheetName: string,
    private readonly ctx: ScanContext,
    private readonly sink: RowSink,
  ) {}

  /**
   * The next row's cells (an array that may be given again, refilled, for a later row: copied when held). `usual`: every
   * cell is usual text (USUAL_BREAK finds nothing in them); false when not known.
   */
  push(cells: readonly string[], usual = false): void {
    const r = this.next++;
    if (!this.anyCells && cells.some((c) => c !== '')) this.anyCells = true;
    if (this.tail) this.tail.push(cells.slice());
    else if (this.block) {
      const window = this.window;
      window.rows[0] = cells;
      window.offset = r;
      window.usualRow = usual ? r : -1;
      const stop = this.block.read(window, r);
      if (stop !== undefined) this.closeBlock(stop, stop === r ? [cells.slice()] : []);
    } else if (this.head) {
      this.head.push(cells.slice());
      if (this.head.length >= HEAD_ROWS) this.startFromHead();
    }
    // else: no header in the first rows, so no register in the sheet: the rest only counts for anyCells
  }

  end(): StreamedScan {
    if (this.head) {
      // a short sheet: all of it is the head
      const scan = scanRows(textGrid(this.head, 0), this.sheetName, this.ctx, 0, 0);
      this.head = undefined;
      this.bestCandidate = scan.bestCandidate;
      for (const reg of scan.registers) this.feedWhole(reg);
    } else if (this.block) {
      this.done.push({ register: this.block.finish(), rowCount: this.block.count });
      this.block = undefined;
    }
    if (this.tail) {
      const scan = scanRows(textGrid(this.tail, this.tailStart), this.sheetName, this.ctx, this.tailStart, this.done.length);
      this.tail = undefined;
      for (const reg of scan.registers) this.feedWhole(reg);
    }
    return { registers: this.done, ...(this.bestCandidate ? { bestCandidate: this.bestCandidate } : {}), anyCells: this.anyCells };
  }

  private startFromHead(): void {
    const head = this.head!;
    this.head = undefined;
    const g = textGrid(head, 0);
    const { found, best } = findHeader(g, 0, HEADER_SEARCH_ROWS);
    if (!found) {
      if (best && best.columns.length > 0) this.bestCandidate = { row: best.row + 1, found: best.columns };
      return;
    }
    const block = new BlockReader(found, titleLinesOf(g, 0, found.row), this.ctx, this.sheetName);
    block.emit = this.sink(block.shell());
    this.block = block;
    for (let r = block.firstData; r < head.length; r++) {
      const stop = block.read(g, r);
      if (stop !== undefined) {
        this.closeBlock(stop, head.slice(stop));
        return;
      }
    }
  }

  /** The open register ended; rows from `stop` on are the rest of the sheet (`rest`: those already at hand). */
  private closeBlock(stop: number, rest: string[][]): void {
    const block = this.block!;
    this.done.push({ register: block.finish(), rowCount: block.count });
    this.block = undefined;
    this.tail = rest;
    this.tailStart = stop;
  }

  /** A register found in held rows: its rows go to its sink now. */
  private feedWhole(reg: Register): void {
    const rows = reg.rows;
    reg.rows = [];
    const emit = this.sink(reg);
    for (const row of rows) emit(row);
    this.done.push({ register: reg, rowCount: rows.length });
  }
}
