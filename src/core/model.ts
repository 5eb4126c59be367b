// The ledger model: plain data that flows from the readers (src/io) through the core to the formatters.

/** What a reader found in one cell, with enough to show the clerk what they typed. */
export interface RawCell {
  /** The value as text: exact digits for whole numbers, ISO date for dates, rich text joined, a formula's cached result. */
  text: string;
  kind: 'string' | 'number' | 'date' | 'boolean' | 'error' | 'empty';
  /** The original value when it was not a string (a number stays a number here). */
  raw?: number | boolean;
  /** The cell held a formula; `text` is its cached result. */
  formula?: boolean;
  /** The number format when the reader knows it (e.g. `0.00E+00`, `@`). */
  numFmt?: string;
}

/** A 0-based inclusive rectangle of merged cells. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet (or a whole CSV file) as a grid. rows[i] is spreadsheet row i+1, rows[i][j] column j+1. */
export interface RawSheet {
  name: string;
  /** For a sheet with `lean` rows, the whole grid is built when this is first read: prefer rowAt / rowCountOf / sheetHasText. */
  rows: (RawCell | undefined)[][];
  merges: MergeRange[];
  /** Hidden or very hidden sheets are still read; the report says so. */
  hidden?: boolean;
  /** A big sheet held compactly, its rows built one at a time when asked for (merges already applied, as in `rows`). */
  lean?: LeanRows;
}

/** The rows of a sheet held compactly: row(r) is what rows[r] would be (a fresh or recently built array; do not change it). */
export interface LeanRows {
  readonly rowCount: number;
  /** How many cells are stored (a row the sheet declares but holds nothing in costs none). */
  readonly cellCount: number;
  row(r: number): readonly (RawCell | undefined)[] | undefined;
  /** Some cell has text. */
  hasText(): boolean;
  /**
   * Row r's cells without a RawCell object each (the register reader's hand-over): a view shared by every call, good
   * until the next one; undefined past the rows. Its texts, kinds, raw values and formats are what row(r) would hold.
   */
  view?(r: number): LeanRowView | undefined;
  /**
   * False when each cell of row r is known, without making its text, to be empty or to start with a UTF-16 unit
   * `passed` takes; true otherwise (the row must be read to know). A pre-filter: false only when it is sure.
   */
  mayHold?(r: number, passed: (unit: number) => boolean): boolean;
}

/** The cells a row holds, in column order (LeanRows.view): cell k is in column cols[k], its text texts[k]. */
export interface LeanRowView {
  /** How many cells the row holds. */
  readonly n: number;
  readonly cols: ArrayLike<number>;
  readonly texts: readonly string[];
  /** Where column c's cell is in the row (k), or -1 when the row holds none there. */
  at(c: number): number;
  /** RawCell's kind, raw and numFmt of cell k, as row(r)[cols[k]] has them. */
  kind(k: number): RawCell['kind'];
  raw(k: number): RawCell['raw'];
  numFmt(k: number): string | undefined;
}

export type SourceFormat = 'xlsx' | 'csv';

/** What a reader made of one file. */
export interface RawWorkbook {
  /** Path as the user should see it (relative to the input they gave). */
  file: string;
  format: SourceFormat;
  sheets: RawSheet[];
  /** Guesses the reader made (encoding, delimiter …), shown by --explain and in JSON. */
  detected: Detected;
}

/** A guess made while reading: what was chosen and why. Shown to the user, never silent. */
export interface Detected {
  encoding?: { value: string; reason: string };
  delimiter?: { value: string; reason: string };
  [key: string]: DetectedEntry | undefined;
}

export interface DetectedEntry {
  value: string;
  reason: string;
  /** The reader dropped a value here (a string it could not find, a sheet it does not read): the register gets this file-partly-read warning. */
  warning?: { messageId: string; data: Record<string, string | number> };
}

export type Severity = 'error' | 'warning' | 'info';

export type Lang = 'zh' | 'en';

/**
 * Something to say to a person, before it is put into words: a catalogue id and the values of its placeholders.
 * A value may itself be a message (a type's name, a requirement's label) or a list of values (joined as the
 * language joins lists). The core and io produce messages; only formatters and the CLI entry render them
 * (src/formatters/catalogue).
 */
export interface Msg {
  id: string;
  data?: Record<string, MsgArg | undefined>;
}

export type MsgArg = string | number | Msg | readonly MsgArg[];

/** A message with its data, for short literals: msg('rollup/joint', { unit }). */
export function msg(id: string, data?: Msg['data']): Msg {
  return data ? { id, data } : { id };
}

/**
 * Canonical register columns. The first five are the 附2 form's own; the rest are optional
 * columns clerks add.
 */
export type ColumnKey =
  | 'seq'
  | 'org'
  | 'name'
  | 'address'
  | 'phone'
  | 'idNumber'
  | 'familySize'
  | 'income'
  | 'povertyCause'
  | 'measures'
  | 'remark'
  | 'orgType';

/** How a register column was matched to a header cell. */
export interface ColumnMatch {
  key: ColumnKey;
  /** 0-based column index. */
  col: number;
  /** A1 column letter(s). */
  letter: string;
  /** The header text as written (header rows joined). */
  header: string;
  how: 'exact' | 'alias' | 'contains';
}

/** One value of a register row, with its source. */
export interface Field {
  /** As read (RawCell.text). */
  text: string;
  /** Normalised for comparison (NFKC, trimmed, inner whitespace collapsed). */
  norm: string;
  /** A1 reference, e.g. `E7`. */
  cell: string;
  kind: RawCell['kind'];
  raw?: number | boolean;
  numFmt?: string;
  /**
   * The cell said "同上" (or 〃, 同前 …) and the value was taken from the row above: the mark as written.
   * `text` and `norm` are then the row above's; rule ditto-mark tells the clerk.
   */
  ditto?: string;
}

export interface RegisterRow {
  /** Spreadsheet row number, 1-based as Excel shows it (CSV: record number, header included). */
  row: number;
  fields: Partial<Record<ColumnKey, Field>>;
  /** Cells under headers fupin does not know, by header text. Kept, not checked. */
  extra: Record<string, string>;
}

export type AreaLevel = 'province' | 'city' | 'county' | 'unknown';

/** Where a register belongs. `level` says which 统计表 row its pairings count in. */
export interface Area {
  level: AreaLevel;
  province?: string;
  /** Full official city name, e.g. 湘西土家族苗族自治州. */
  city?: string;
  /** Full official county name, e.g. 溆浦县. */
  county?: string;
  /** A township, for a city laid out by township (东莞市/虎门镇.xlsx): its registers count in that township's row. */
  town?: string;
  /** GB/T 2260 code of the most specific known place. */
  code?: string;
}

export interface AreaGuess extends Area {
  source: 'flag' | 'path' | 'sheet-name' | 'sheet' | 'config' | 'none';
  /** The text the area was read from (a path segment, the 填报单位 line …). */
  evidence?: string;
  /** Other sources naming other places: the decided one was used, these are shown (--explain) and never silent. */
  conflicts?: AreaConflict[];
  /** The text said 市本级 but no city could be told from it or anything else. */
  cityUnknown?: boolean;
}

/** A source naming another place than the one decided. */
export interface AreaConflict {
  source: 'flag' | 'path' | 'sheet-name' | 'sheet';
  /** The text that disagrees. */
  text: string;
  /** What it names (怀化市辰溪县, 长沙市, 市本级). */
  names: string;
}

/** One register found in a sheet: where its header is and which rows are pairings. */
export interface Register {
  file: string;
  format: SourceFormat;
  sheet: string;
  area: AreaGuess;
  /** 1-based row numbers of the header row(s). */
  headerRows: number[];
  columns: ColumnMatch[];
  /** Header cells fupin did not recognise: kept and shown, never checked. */
  unknownColumns: { letter: string; header: string }[];
  /** Canonical columns not found (the required ones missing makes the register unreadable). */
  missingColumns: ColumnKey[];
  /**
   * The pairings: data rows, including rows with problems; not blank, template or footer rows. Empty when the rows
   * went to visitors as they were read (core/ledger: every command reads that way) — `rowCount` says how many there were.
   */
  rows: RegisterRow[];
  /** How many pairing rows the register has (DOMAIN §10 `rows`). */
  rowCount: number;
  /**
   * How many rows are expected, known before they come (a workbook sheet's rows that hold cells, a big CSV's size / 100
   * bytes), at most ROWS_HINT_CAP (ledger/builder.ts): a hint for sizing the cross-row tables at once, never a count
   * (rowCount is). Absent when unknown.
   */
  expectedRows?: number;
  /** How many rows were passed over and why. */
  skipped: { blank: number; template: number; total: number };
  /** 1-based row where the closing 备注 line (or another footer) was found. */
  footerRow?: number;
  /** Title and 填报单位 lines above the header, as written. */
  titleLines: string[];
  detected: Detected;
}

/** A finding, before it is put into words. */
export interface Problem {
  /** Stable kebab-case rule id. */
  rule: string;
  /** Key into the rule's messages. */
  messageId: string;
  severity: Severity;
  /** Spreadsheet row (1-based); absent for file-level problems. */
  row?: number;
  /** Canonical column key, when the problem is about one cell. */
  columnKey?: ColumnKey;
  /** The header as the register writes it. */
  column?: string;
  cell?: string;
  value?: string;
  /** Placeholders for the message template (a value may be a message: a type's name, a row's label). */
  data?: Record<string, MsgArg>;
  /** The repair the rule proposes (a fixable rule's findings carry one when a mechanical repair exists). */
  fix?: FixEdit[];
}

/** A rule's repair of one cell, reported with its finding (ESLint's producer side); `fupin fix` applies it. */
export interface FixEdit {
  cell: string;
  /** 1-based spreadsheet row and 0-based column of the cell. */
  row: number;
  col: number;
  /** The cell as written (a ditto mark: the mark itself). */
  before: string;
  /** The field's text as read, when it differs from `before` (a ditto mark: the value taken from above). */
  textBefore?: string;
  after: string;
}

/** The validation of one register (or one unreadable file). */
export interface FileReport {
  file: string;
  sheet?: string;
  /** Human label of the area, e.g. 怀化市溆浦县; absent when unknown. */
  area?: string;
  rows: number;
  problems: Problem[];
  /** Everything guessed while reading this file, by name. */
  detected: Detected;
  /** The register itself, for commands that go on to count (rollup, quota). Not serialised. */
  register?: Register;
  /** With rosters or focus lists: per row, the roster entry matched and the focus places (core/roster/notes.ts). */
  households?: readonly object[];
}

// ── Counting (附3 统计表) ─────────────────────────────────────────────────────────────

/** The three organisation types 附3 and 附4 count (DOMAIN §4). */
export type OrgType = 'charity' | 'foundation' | 'social';

/** How an organisation's type was decided: a 类型 column, the org registry, a name rule, or nothing fitted (→ social, warned). */
export type OrgTypeSource = 'column' | 'registry' | 'name' | 'default';

/** One organisation as found in the registers of one area level. */
export interface OrgSummary {
  /** orgKey() of the name: spelling variants share it. */
  key: string;
  /** The spelling shown (the registry's, else the most frequent). */
  name: string;
  /** Every spelling seen, most frequent first. */
  spellings: string[];
  type: OrgType;
  typeSource: OrgTypeSource;
  /** What decided the type (the 类型 text, the orgs.csv row, the name keyword), as a message. */
  typeDetail?: Msg;
  /** The level its rows count for (from the file: 省本级, 市本级 or a county). */
  level: AreaLevel;
  city?: string;
  county?: string;
  /** Distinct households it helps. */
  households: number;
}

/** 参与单位数量 / 扶贫脱贫户数 of one type in one row of 附3. */
export interface CountPair {
  units: number;
  households: number;
}

/** One row of 附3: one area at one level (市本级, a county; or 省本级, a city). */
export interface RollupRow {
  /** The row label as the form writes it: 市本级, 溆浦县, 省本级, 怀化市 … */
  unit: string;
  level: AreaLevel;
  city?: string;
  county?: string;
  charity: CountPair;
  foundation: CountPair;
  social: CountPair;
  /** units = sum of the three units; households = distinct households in the row. */
  subtotal: CountPair;
}

/** A whole 附3 统计表 (city level) or the provincial table (DOMAIN §10 rollup JSON). */
export interface RollupTable {
  level: 'city' | 'province';
  /** 怀化市, or the province's name. */
  area: string;
  rows: RollupRow[];
  /** Column sums of the rows (合计). */
  total: { charity: CountPair; foundation: CountPair; social: CountPair; subtotal: CountPair };
  /** What a reader of the table should know (rows left out, households counted once …), put into words by the formatters. */
  notes: Msg[];
}
