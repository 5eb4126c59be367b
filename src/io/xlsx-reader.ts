// Reads an .xlsx/.xlsm into plain grids without exceljs: only the parts needed, every size bounded, nothing expanded.
import type { LeanRowView, LeanRows, MergeRange, RawCell, RawSheet } from '../core/model.js';
import { numberText } from '../core/normalize.js';
import { BytesMemo } from './bytes-memo.js';
import { DEFAULT_LIMITS, LimitExceeded, ProgressGuard, type ReadLimits } from './limits.js';
import { BUILTIN_FORMATS, dateText, isDateFormat, isoCell, type NumberFormat, numberCell, numberFormat, serialDateText } from './number-format.js';
import { CLOSE, END, NEEDS_WHOLE, OPEN, TEXT, XmlError, XmlScanner } from './xml.js';
import type { ReadNotes, SkippedSheetKind } from './read-notes.js';
import { ZipArchive, type ZipEntry, type ZipStream, zipKey } from './zip.js';

export { dateText, isDateFormat, serialDateText };

/** Why a workbook's structure cannot be read (the zip itself was fine). */
export type XlsxErrorCode = 'no-workbook' | 'xml';

/**
 * The text of one string item — an <si> of sharedStrings.xml or a cell's inline <is> — as it is read: its <t> runs
 * joined, phonetic guides (<rPh>, furigana/pinyin) left out, and whether it was rich text (<r> runs).
 */
class StringItem {
  /** Undefined until a <t> run has text. */
  text: string | undefined;
  rich = false;
  private inT = false;
  private phonetic = 0;

  begin(): void {
    this.text = undefined;
    this.rich = false;
    this.inT = false;
    this.phonetic = 0;
  }

  /**
   * An element opened inside the item (<t>, <r>, <rPh>; others are ignored). `whole`: a <t>'s text would come to this
   * item (not to an enclosing <v>), so a <t>text</t> can be read in one step.
   */
  open(x: XmlScanner, maxChars: number, whole = true): void {
    switch (x.name) {
      case 't':
        if (this.phonetic === 0 && !x.selfClosing) {
          if (!whole || !x.elementTextSpan(true)) this.inT = true;
          else {
            // what its text and its end tag would do: the text kept, and no <t> open any more (also an enclosing one)
            if (x.spanEnd > x.spanStart) this.append(x.textAt(x.spanStart, x.spanEnd), maxChars);
            this.inT = false;
          }
        }
        break;
      case 'r':
        if (this.phonetic === 0) this.rich = true;
        break;
      case 'rPh':
        if (!x.selfClosing) this.phonetic++;
        break;
    }
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh' && this.phonetic > 0) this.phonetic--;
  }

  /** Text met while inside the item: kept when it is in a <t> run outside phonetic guides. */
  add(x: XmlScanner, maxChars: number): void {
    if (this.inT) this.append(x.text(), maxChars);
  }

  private append(text: string, maxChars: number): void {
    this.text = this.text === undefined ? text : this.text + text;
    if (this.text.length > maxChars) throw new LimitExceeded('maxCellChars', this.text.length, maxChars);
  }
}

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly detail: string,
  ) {
    super(`xlsx ${code}: ${detail}`);
    this.name = 'XlsxError';
  }
}

export interface DefinedName {
  name: string;
  /** The formula text as written (`Sheet1!$A$1:$E$100000`); never expanded. */
  ref: string;
  /** 0-based index of the sheet it is local to. */
  sheet?: number;
}

export interface XlsxWorkbook {
  sheets: RawSheet[];
  date1904: boolean;
  definedNames: DefinedName[];
  /** Merges left out because one alone covers more than maxMergedCells (A1:XFD1048576): `Sheet1!A1:XFD1048576`. */
  droppedMerges: string[];
  /** docProps/core.xml cp:keywords, when set (fupin marks its outputs there). */
  keywords?: string;
  /** What could not be placed: missing shared strings, parts stored twice, sheets that are not worksheets. */
  notes: ReadNotes;
}

export interface XlsxReadOptions {
  limits?: Partial<ReadLimits>;
  /** Clock for the time limit's progress guard (tests). */
  now?: () => number;
  /**
   * Hold worksheets compactly (RawSheet.lean: ~15 bytes a cell instead of an object each), their rows built when asked
   * for; `rows` still builds the whole grid when read. A sheet whose cells are not in order is read as a grid.
   */
  lean?: boolean;
  /**
   * Parts read in pieces as they are inflated (worksheets and shared strings of at least `from` bytes, through a window of
   * `window` bytes in which every token starts with `margin` bytes ahead): the defaults, or smaller ones for tests.
   */
  stream?: Partial<StreamSizes>;
}

export interface StreamSizes {
  from: number;
  window: number;
  margin: number;
}

/**
 * Big parts are scanned as they are inflated: a 14 MB worksheet passes through a 1 MiB window instead of being held, and
 * no fresh memory is faulted in for it. 256 KiB ahead of every token holds any cell (32,767 characters, entities and all).
 */
const STREAM: StreamSizes = { from: 1 << 20, window: 1 << 20, margin: 1 << 18 };

/** The window of the default size, kept for the next big part (one reader at a time uses it). */
let spareWindow: Buffer | undefined;

/** Excel's own bounds: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** cellXfs entries: Excel allows 64,000; more is not a workbook. */
const MAX_STYLES = 1_000_000;

interface CellStyle {
  numFmt?: string;
  /** The format, when some section of it shows a date, time or duration. */
  temporal?: NumberFormat;
}

const NO_STYLE: CellStyle = {};

/** How a plain shared string and a cell's plain value are mostly written (XmlScanner.exactly). */
const SI_PLAIN = ['<t>', '<t xml:space="preserve">'];
const V_PLAIN = ['<v>'];

// ── shared strings ───────────────────────────────────────────────────────────────────────────

/**
 * A compact sheet's string table of at most this many bytes (the part's XML) keeps every item once decoded, as a grid's
 * does: a small register's rows are read more than once (its top rows by the card-form test, each row by the scan, some
 * as cells), and each read decoded its strings again (the province's 137 registers: ~57,000 decodings of ~35,000
 * items). Only a big table's once-used items are decoded anew each time: kept, they would live through the sheet's
 * scan and be copied by every young-generation collection.
 */
const KEEP_SMALL_STRINGS = 64 * 1024;

/** Items' bytes copied by a loop below this length (a native copy costs more for a short name). */
const SHORT_COPY = 64;

/** SharedStrings as plain data a parse worker posts (its wire / fromWire). */
export interface SharedStringsWire {
  maxCellChars: number;
  keepAll: boolean;
  count: number;
  bytes: Uint8Array;
  offs: Uint32Array;
  texts: Map<number, string>;
  uses: Uint8Array | undefined;
}

/**
 * A workbook's shared strings, held as their UTF-8 bytes (one buffer, an offset per item) and decoded when a cell asks
 * for one: 188,000 strings made while the sheet is read all outlive it, and the young-generation collections that copy
 * them cost more than making them (a 50,000-row register: ~7 MB of strings copied and promoted before its first row is
 * built). A string is the decoding of exactly the bytes the item held, as reading it gave it before. Items that are not
 * plain bytes (an entity, a CR, `_x000D_`, rich text read run by run) are kept as the text they read as. A string used
 * by more than one cell (note) is kept once decoded, so cells that share it share it.
 */
export class SharedStrings {
  /** How many items. */
  count = 0;
  private buf: Buffer;
  private used = 0;
  /** Item i's bytes are buf[offs[i], offs[i + 1]); a text item has none. */
  private offs: Uint32Array;
  /** Items kept as text, by index. */
  private readonly texts = new Map<number, string>();
  /** Cells that use each item, up to 2 (LeanStore: note). */
  private uses: Uint8Array | undefined;
  /** Decoded items kept (those used twice or more, or every one when `keepAll`): item i's is keptList[keptAt[i] - 1]. */
  private keptAt: Int32Array | undefined;
  private readonly keptList: string[] = [];

  constructor(
    private readonly maxCellChars: number,
    sizeHint: number,
    /** Keep every item once decoded (a grid holds its cells anyway). */
    private readonly keepAll = true,
  ) {
    // room for the whole part at once: its texts are fewer bytes, and pages never written cost nothing, where growing
    // by doubling faulted in the copy's pages too (each new page costs ~15-30 µs on the 2-core machine)
    const bytes = Math.max(256, Math.min(sizeHint, 1 << 26));
    this.buf = bytes < 4096 ? Buffer.allocUnsafe(bytes) : Buffer.allocUnsafeSlow(bytes);
    this.offs = new Uint32Array(Math.max(64, Math.min(sizeHint >> 5, 1 << 20)));
  }

  /** An item whose text is the bytes [a, e) of b as they are (ItemSink). */
  bytes(b: Buffer, a: number, e: number): void {
    const n = e - a;
    if (this.used + n > this.buf.length) this.growBytes(n);
    const dst = this.buf;
    let o = this.used;
    let underscore = false;
    if (n < SHORT_COPY) {
      for (let k = a; k < e; k++) {
        const c = b[k]!;
        if (c === 0x5f) underscore = true;
        dst[o++] = c;
      }
    } else {
      b.copy(dst, o, a, e);
      o += n;
      underscore = dst.subarray(this.used, o).includes(0x5f);
    }
    this.copied(o, underscore);
  }

  /** Room for n more bytes of an item (ItemSink.room): the buffer they go into, from `at`. */
  room(n: number): Buffer {
    if (this.used + n > this.buf.length) this.growBytes(n);
    return this.buf;
  }

  /** Where an item's bytes go (ItemSink.at). */
  get at(): number {
    return this.used;
  }

  /** The bytes written from `at` up to `o` are an item's text, as bytes() of them (ItemSink.copied; `underscore`: they hold a `_`). */
  copied(o: number, underscore: boolean): void {
    const dst = this.buf;
    if (underscore || o - this.used > this.maxCellChars) {
      // the text's length (at most its bytes) against the limit, and `_x000D_` turned into what it stands for
      const text = dst.toString('utf8', this.used, o);
      if (text.length > this.maxCellChars) throw new LimitExceeded('maxCellChars', text.length, this.maxCellChars);
      if (text.indexOf('_x') >= 0) {
        const decoded = decodeXString(text);
        if (decoded !== text) {
          this.push(this.used);
          this.texts.set(this.count - 1, decoded);
          return;
        }
      }
    }
    this.used = o;
    this.push(this.used);
  }

  /** An item read as text (ItemSink: one with an entity or a CR), its `_x000D_` not yet decoded. */
  text(s: string): void {
    if (s.length > this.maxCellChars) throw new LimitExceeded('maxCellChars', s.length, this.maxCellChars);
    this.add(s.indexOf('_x') >= 0 ? decodeXString(s) : s);
  }

  /** An item as the text it reads as. */
  add(s: string): void {
    this.push(this.used);
    if (s !== '') this.texts.set(this.count - 1, s);
  }

  private push(end: number): void {
    if (this.count + 2 > this.offs.length) this.offs = grow(this.offs, this.count + 2);
    this.offs[++this.count] = end;
  }

  private growBytes(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.used + n) size *= 2;
    const b = Buffer.allocUnsafe(size);
    this.buf.copy(b, 0, 0, this.used);
    this.buf = b;
  }

  /** There is an item i (a whole number). */
  has(i: number): boolean {
    return i >= 0 && i < this.count;
  }

  /** Item i (which exists) reads as ''. */
  isEmpty(i: number): boolean {
    return this.offs[i] === this.offs[i + 1] && !this.texts.has(i);
  }

  /** One more cell uses item i (which exists). */
  note(i: number): void {
    const uses = (this.uses ??= new Uint8Array(this.count));
    if (uses[i]! < 2) uses[i]!++;
  }

  /** Item i's text; undefined when there is no such item (i a whole number). */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    if (!this.keepAll && (this.uses === undefined || this.uses[i]! < 2)) return this.decode(i);
    let at = this.keptAt;
    if (at === undefined) at = this.keptAt = new Int32Array(Math.max(64, this.count));
    else if (at.length < this.count) at = this.keptAt = grow(at, this.count);
    const slot = at[i]!;
    if (slot > 0) return this.keptList[slot - 1]!;
    const text = this.decode(i);
    at[i] = this.keptList.push(text);
    return text;
  }

  /** As plain data, for a parse worker to post (LeanStore.wire): the bytes and offsets cut to what is used. */
  wire(): SharedStringsWire {
    return {
      maxCellChars: this.maxCellChars,
      keepAll: this.keepAll,
      count: this.count,
      // a copy of the bytes used: a posted view would carry its whole buffer (sized to the part, up to 64 MiB)
      bytes: Uint8Array.prototype.slice.call(this.buf, 0, this.used),
      offs: this.offs.slice(0, this.count + 1),
      texts: this.texts,
      uses: this.uses?.slice(),
    };
  }

  /** The table `wire` was made from (its decoded items decoded anew when asked for). */
  static fromWire(w: SharedStringsWire): SharedStrings {
    const st = new SharedStrings(w.maxCellChars, 0, w.keepAll);
    // a posted Buffer arrives as a plain Uint8Array: the same bytes seen as a Buffer again, not copied
    st.buf = Buffer.from(w.bytes.buffer, w.bytes.byteOffset, w.bytes.byteLength);
    st.used = w.bytes.byteLength;
    st.offs = w.offs;
    st.count = w.count;
    for (const [i, text] of w.texts) st.texts.set(i, text);
    st.uses = w.uses;
    return st;
  }

  /**
   * The first UTF-16 unit of item i's text (which exists) when its bytes start with printable ASCII or a well-formed
   * 3-byte character (U+0800-U+FFFF but the surrogates), read without decoding the item; -2 for an empty item; -1 when
   * neither is known so (kept as text, or starting otherwise): decode it then. What decode's toString gives first.
   */
  firstUnit(i: number): number {
    const a = this.offs[i]!;
    const e = this.offs[i + 1]!;
    if (a === e) return this.texts.has(i) ? -1 : -2;
    const b = this.buf;
    const b0 = b[a]!;
    if (b0 >= 0x20 && b0 < 0x7f) return b0;
    if (b0 >= 0xe0 && b0 <= 0xef && a + 2 < e) {
      const b1 = b[a + 1]!;
      const b2 = b[a + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return -1;
      const u = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      return u < 0x800 || (u >= 0xd800 && u <= 0xdfff) || u === 0xfeff ? -1 : u;
    }
    return -1;
  }

  private decode(i: number): string {
    const a = this.offs[i]!;
    const e = this.offs[i + 1]!;
    return a === e ? (this.texts.get(i) ?? '') : this.buf.toString('utf8', a, e);
  }
}

/**
 * A workbook without shared strings: no item exists, so nothing ever writes to it (note and get are asked only of items
 * that exist) and one table serves every such reader (a WorkbookReader made one per workbook before it read its own).
 */
const NO_STRINGS = new SharedStrings(0, 0);

// ── parts ────────────────────────────────────────────────────────────────────────────────────

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` → `xl/`. */
function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** Resolve a relationship target against the folder of the part that names it. */
export function resolvePart(baseDir: string, target: string): string {
  return plainPart(baseDir, target) ?? resolvePartInFull(baseDir, target);
}

/** resolvePart read in full: `\\` as `/`, a query or fragment cut off, empty and `.` segments dropped, `..` going up. */
export function resolvePartInFull(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const path = t.startsWith('/') ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * resolvePart's answer for the usual target (`worksheets/sheet1.xml` under `xl/`, `/xl/workbook.xml`), without its
 * regular expressions, split and join: when the target holds no `\\`, `?` or `#` and the path it names has no empty
 * segment (no `//`, no `/` at either end) and no segment starting with a dot (so none is `.` or `..`), that path is
 * the answer as it is. Undefined for anything else (resolvePart then reads it in full).
 */
function plainPart(baseDir: string, target: string): string | undefined {
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c === 0x5c || c === 0x3f || c === 0x23) return undefined;
  }
  const path = target.charCodeAt(0) === 0x2f ? target.slice(1) : baseDir + target;
  if (path === '' || path.charCodeAt(0) === 0x2f || path.charCodeAt(0) === 0x2e || path.charCodeAt(path.length - 1) === 0x2f) return undefined;
  if (path.indexOf('//') >= 0 || path.indexOf('/.') >= 0) return undefined;
  return path;
}

const KEYWORDS = 'keywords';

/** An ASCII letter, digit or `_` (\\w of a regular expression with the u flag and no i). */
function isWordByte(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * Where the text of core.xml's keywords starts — the capture of `/<(?:\w+:)?keywords[^>]*>([^<]*)</u` over the bytes
 * decoded — found in the bytes (-1: no match); it runs up to the next `<`. Every byte the expression looks at is ASCII
 * and a UTF-8 byte past ASCII is never one of them, so it matches where it matches in the text; the text between two
 * ASCII bytes decodes alone as it decodes within the whole. (Not a string of the whole part per workbook.)
 */
export function keywordsAt(b: Buffer): number {
  const n = b.length;
  const rest = (j: number): number => {
    if (j + KEYWORDS.length > n) return -1;
    for (let k = 0; k < KEYWORDS.length; k++) if (b[j + k] !== KEYWORDS.charCodeAt(k)) return -1;
    const gt = b.indexOf(0x3e, j + KEYWORDS.length);
    return gt >= 0 && b.indexOf(0x3c, gt + 1) >= 0 ? gt + 1 : -1;
  };
  for (let i = b.indexOf(0x3c); i >= 0; i = b.indexOf(0x3c, i + 1)) {
    // (?:\w+:)? as the expression tries it: the longest run of word bytes followed by ':' first, then nothing
    let k = i + 1;
    while (k < n && isWordByte(b[k]!)) k++;
    if (k > i + 1 && b[k] === 0x3a) {
      const at = rest(k + 1);
      if (at >= 0) return at;
    }
    const at = rest(i + 1);
    if (at >= 0) return at;
  }
  return -1;
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** `_x000D_` → CR: how OOXML writes characters XML cannot hold. `_x005F_` escapes a literal `_`. */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Parse `B7` (1-based A1 reference) into 0-based row/col; undefined unless it is a real cell of Excel's grid. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const at = cellRefOfText(ref);
  return at < 0 ? undefined : { row: Math.floor(at / MAX_COLS), col: at % MAX_COLS };
}

/** The bytes of a reference cellRefOfText reads: one buffer for every call. */
const REF_BYTES = new Uint8Array(16);

/**
 * cellRefAt over a text (parseCellRef made a Buffer of each reference before): a unit past ASCII is no letter nor digit,
 * as none of its UTF-8 bytes is, and cellRefAt answers only after reading every byte, so such a text is -1; so is one
 * longer than REF_BYTES (the longest real reference, $XFD$1048576, has 12 characters). Otherwise its units are its bytes.
 */
function cellRefOfText(s: string): number {
  const n = s.length;
  if (n > REF_BYTES.length) return -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return -1;
    REF_BYTES[i] = c;
  }
  return cellRefAt(REF_BYTES, 0, n);
}

/** parseCellRef over the bytes [i, n) of a part: row × MAX_COLS + col, or -1 unless it is a real cell of Excel's grid. */
export function cellRefAt(b: Uint8Array, i: number, n: number): number {
  let col = 0;
  if (i < n && b[i] === 0x24) i++;
  const colStart = i;
  while (i < n) {
    let c = b[i]!;
    if (c >= 0x61 && c <= 0x7a) c -= 32;
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 64);
    i++;
    if (i - colStart > 3) return -1;
  }
  if (i === colStart || col > MAX_COLS) return -1;
  if (i < n && b[i] === 0x24) i++;
  const rowStart = i;
  let row = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x30 || c > 0x39) return -1;
    row = row * 10 + (c - 0x30);
    i++;
    if (i - rowStart > 7) return -1;
  }
  if (i === rowStart || row < 1 || row > MAX_ROWS) return -1;
  return (row - 1) * MAX_COLS + (col - 1);
}

/** Parse a merge reference `A1:E2` (or one cell) into a 0-based rectangle; undefined when malformed. */
export function parseMergeRef(ref: string): MergeRange | undefined {
  const parts = ref.trim().split(':');
  if (parts.length > 2) return undefined;
  const a = parseCellRef(parts[0]!);
  const b = parts.length === 2 ? parseCellRef(parts[1]!) : a;
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function colText(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A 0-based rectangle as A1 text. */
export function rangeText(m: MergeRange): string {
  return `${colText(m.left)}${m.top + 1}:${colText(m.right)}${m.bottom + 1}`;
}

/** parseCellRef's answer as cellRefAt gives it. */
function cellRefOf(ref: string): number {
  const at = parseCellRef(ref);
  return at ? at.row * MAX_COLS + at.col : -1;
}

/** A <row>'s r attribute (the scanner's span), as parseRowNumber reads it. */
function rowNumberAt(x: XmlScanner): number | undefined {
  const n = x.indexAt(x.spanStart, x.spanEnd);
  if (n < 0) return parseRowNumber(x.textAt(x.spanStart, x.spanEnd));
  return x.spanEnd - x.spanStart <= 7 && n >= 1 && n <= MAX_ROWS ? n - 1 : undefined;
}

function parseRowNumber(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*\d{1,7}\s*$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= MAX_ROWS ? n - 1 : undefined;
}

// ── workbook-level parts read before ─────────────────────────────────────────────────────────

/** A sheet as workbook.xml lists it. */
interface ListedSheet {
  name: string;
  rid?: string;
  sheetId?: string;
  hidden: boolean;
}

interface ParsedWorkbook {
  listed: ListedSheet[];
  definedNames: DefinedName[];
  date1904: boolean;
}

interface PartKinds {
  rels: ReadonlyMap<string, Relationship>;
  workbook: ParsedWorkbook;
  styles: CellStyle[];
}

/** Parts larger than this are parsed each time (a workbook's own styles, not a template's): the memo holds small ones. */
const PART_MEMO_BYTES = 64 * 1024;
/** Parts kept in all; the memo starts again when full. */
const PART_MEMO_ENTRIES = 256;

/**
 * Workbook-level parts parsed before, by their exact bytes: a folder of registers made from one template has the same
 * relationships, workbook.xml and styles in every file (a province's 137 files: one of each), each parsed once per
 * process instead of once per file. A part is found only when its inflated bytes are byte for byte the same as those
 * parsed (compared whole, never by a checksum alone), and read under the same limits (`limits`): the parse it gives is
 * the one the part would give. Only parses that succeeded are kept; what they give is shared, never changed by readers.
 * (wt-13, folders: small files' workbook-level parts; the sheet and shared-strings scan are read every time.)
 */
export class PartMemo {
  private readonly memo: BytesMemo<unknown>;

  constructor(
    private readonly maxBytes = PART_MEMO_BYTES,
    maxEntries = PART_MEMO_ENTRIES,
  ) {
    this.memo = new BytesMemo(maxEntries);
  }

  get size(): number {
    return this.memo.size;
  }

  get<K extends keyof PartKinds>(kind: K, limits: string, bytes: Buffer, parse: () => PartKinds[K]): PartKinds[K] {
    if (bytes.length > this.maxBytes) return parse();
    return this.memo.get(`${kind}\u0000${limits}\u0000${bytes.length}`, bytes, parse) as PartKinds[K];
  }
}

const PARTS = new PartMemo();

// ── the reader ───────────────────────────────────────────────────────────────────────────────

class WorkbookReader {
  readonly limits: ReadLimits;
  private readonly zip: ZipArchive;
  /** The time limit: no progress (a part inflated, a batch of cells or strings read) for maxMillis. */
  private readonly guard: ProgressGuard;
  /** Grid cells so far in the workbook: each row counts 1 plus its width up to its last cell. */
  private grid = 0;
  private readonly merges: MergeBudget = { mergedCells: 0, dropped: [] };
  /** Parts read (zip keys): a part stored twice matters only when it is one of them. */
  private readonly partsRead = new Set<string>();
  private readonly missingStrings = { cells: 0, first: [] as string[] };
  private readonly skippedSheets: NonNullable<ReadNotes['skippedSheets']> = [];
  /** The workbook's shared strings; none (NO_STRINGS) until they are read. */
  private sst = NO_STRINGS;
  private sstRich: Uint8Array = new Uint8Array(0);
  private styles: CellStyle[] = [];
  private date1904 = false;

  private readonly lean: boolean;
  private readonly streamSizes: StreamSizes;

  constructor(buf: Buffer, opts: XlsxReadOptions) {
    this.lean = opts.lean ?? false;
    this.streamSizes = { ...STREAM, ...opts.stream };
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.guard = new ProgressGuard(this.limits.maxMillis, opts.now);
    this.zip = ZipArchive.open(buf, this.limits);
  }

  private checkTime(): void {
    this.guard.progress();
  }

  /**
   * A part's bytes; `shared`: a workbook-level part many workbooks may store alike (ZipArchive.readShared: never written
   * to); `scratch`: a part scanned at once, of which nothing is kept but copies (ZipArchive.read's scratch: the bytes are
   * good until the next such read).
   */
  private part(name: string, shared = false, scratch = false): Buffer | undefined {
    const entry: ZipEntry | undefined = this.zip.find(name);
    if (!entry) return undefined;
    this.partsRead.add(zipKey(entry.name));
    const bytes = shared ? this.zip.readShared(entry) : this.zip.read(entry, scratch);
    this.checkTime();
    return bytes;
  }

  /** Run a part's parser, turning XML damage into an XlsxError that names the part. */
  private parse<T>(name: string, buf: Buffer, fn: (x: XmlScanner) => T): T {
    try {
      return fn(new XmlScanner(buf));
    } catch (e) {
      if (e instanceof XmlError) throw new XlsxError('xml', `${name}: ${e.detail}`);
      throw e;
    }
  }

  private rels(part: string): ReadonlyMap<string, Relationship> {
    const path = relsPathOf(part);
    const buf = this.part(path, true);
    if (!buf) return new Map();
    return PARTS.get('rels', '', buf, () => this.parseRels(path, buf));
  }

  private parseRels(path: string, buf: Buffer): Map<string, Relationship> {
    const out = new Map<string, Relationship>();
    this.parse(path, buf, (x) => {
      for (let ev = x.next(); ev !== END; ev = x.next()) {
        if (ev !== OPEN || x.name !== 'Relationship') continue;
        const id = x.attr('Id');
        const target = x.attr('Target');
        if (id === undefined || target === undefined || out.has(id)) continue;
        out.set(id, { type: x.attr('Type') ?? '', target, external: x.attr('TargetMode') === 'External' });
      }
    });
    return out;
  }

  /** The workbook part: from the package relationships, else [Content_Types].xml, else the usual place. */
  private workbookPart(): string {
    for (const rel of this.rels('').values()) {
      if (!rel.external && /\/officeDocument$/.test(rel.type)) {
        const p = resolvePart('', rel.target);
        if (this.zip.find(p)) return p;
      }
    }
    const ct = this.part('[Content_Types].xml');
    if (ct) {
      let found: string | undefined;
      this.parse('[Content_Types].xml', ct, (x) => {
        for (let ev = x.next(); ev !== END && !found; ev = x.next()) {
          if (ev !== OPEN || x.name !== 'Override') continue;
          const type = x.attr('ContentType') ?? '';
          if (/\.(?:sheet|template)\.main\+xml$|sheet\.macroEnabled\.main\+xml$|template\.macroEnabled\.main\+xml$/i.test(type)) {
            const p = resolvePart('', x.attr('PartName') ?? '');
            if (this.zip.find(p)) found = p;
          }
        }
      });
      if (found) return found;
    }
    if (this.zip.find('xl/workbook.xml')) return 'xl/workbook.xml';
    throw new XlsxError('no-workbook', 'no workbook part');
  }

  read(): XlsxWorkbook {
    const wbPart = this.workbookPart();
    const wbDir = dirOf(wbPart);
    const wbBuf = this.part(wbPart, true)!;
    const { maxDefinedNames, maxCellChars } = this.limits;
    const wb = PARTS.get('workbook', `${maxDefinedNames}:${maxCellChars}`, wbBuf, () => this.parseWorkbook(wbPart, wbBuf));
    this.date1904 = wb.date1904;
    const listed = wb.listed;
    // the caller's own copies: a workbook read again from the memo hands out the same parse
    const definedNames = wb.definedNames.map((d) => ({ ...d }));
    return this.readParts(wbPart, wbDir, listed, definedNames);
  }

  /** workbook.xml: its sheets as listed, its defined names, whether it counts dates from 1904. */
  private parseWorkbook(wbPart: string, wbBuf: Buffer): ParsedWorkbook {
    const listed: ListedSheet[] = [];
    const definedNames: DefinedName[] = [];
    let date1904 = false;
    this.parse(wbPart, wbBuf, (x) => {
      let inSheets = false;
      let dn: DefinedName | undefined;
      for (let ev = x.next(); ev !== END; ev = x.next()) {
        if (ev === OPEN) {
          switch (x.name) {
            case 'extLst': // extensions (x15:workbookPr …) reuse the main elements' names
              x.skip();
              break;
            case 'workbookPr': {
              const v = x.attr('date1904');
              date1904 = v === '1' || v === 'true';
              break;
            }
            case 'sheets':
              inSheets = !x.selfClosing;
              break;
            case 'sheet':
              if (inSheets) {
                const state = x.attr('state');
                listed.push({
                  name: x.attr('name') ?? `Sheet${listed.length + 1}`,
                  rid: x.attr('id'),
                  sheetId: x.attr('sheetId'),
                  hidden: state === 'hidden' || state === 'veryHidden',
                });
              }
              break;
            case 'definedName': {
              if (definedNames.length >= this.limits.maxDefinedNames) {
                throw new LimitExceeded('maxDefinedNames', definedNames.length + 1, this.limits.maxDefinedNames);
              }
              const local = x.attr('localSheetId');
              dn = { name: x.attr('name') ?? '', ref: '', ...(local && /^\d+$/.test(local) ? { sheet: Number(local) } : {}) };
              definedNames.push(dn);
              if (x.selfClosing) dn = undefined;
              break;
            }
          }
        } else if (ev === TEXT && dn) {
          dn.ref += x.text();
          if (dn.ref.length > this.limits.maxCellChars) throw new LimitExceeded('maxCellChars', dn.ref.length, this.limits.maxCellChars);
        } else if (ev === CLOSE) {
          if (x.name === 'sheets') inSheets = false;
          else if (x.name === 'definedName') dn = undefined;
        }
      }
    });
    return { listed, definedNames, date1904 };
  }

  private readParts(wbPart: string, wbDir: string, listed: readonly ListedSheet[], definedNames: DefinedName[]): XlsxWorkbook {
    const rels = this.rels(wbPart);
    let sstPart: string | undefined;
    let stylesPart: string | undefined;
    for (const rel of rels.values()) {
      if (rel.external) continue;
      if (!sstPart && /\/sharedStrings$/.test(rel.type)) sstPart = resolvePart(wbDir, rel.target);
      else if (!stylesPart && /\/styles$/.test(rel.type)) stylesPart = resolvePart(wbDir, rel.target);
    }
    if (rels.size === 0) {
      sstPart = `${wbDir}sharedStrings.xml`;
      stylesPart = `${wbDir}styles.xml`;
    }
    if (stylesPart) this.readStyles(stylesPart);
    if (sstPart) this.readSharedStrings(sstPart);

    const sheets: RawSheet[] = [];
    for (const s of listed) {
      const rel = s.rid !== undefined ? rels.get(s.rid) : undefined;
      let part: string | undefined;
      if (rel && !rel.external) {
        part = resolvePart(wbDir, rel.target);
        if (!/\/worksheet$/.test(rel.type)) {
          // chart, macro and dialog sheets hold no register; a macro sheet's values are counted so that they are not lost unsaid
          this.skipSheet(s.name, rel.type, part);
          continue;
        }
      } else if (rels.size === 0 && s.sheetId) {
        part = `${wbDir}worksheets/sheet${s.sheetId}.xml`;
      }
      const sheet = part ? this.readWorksheet(part, s.name, s.hidden) : undefined;
      if (!sheet) {
        this.skippedSheets.push({ name: s.name, kind: 'missing', cells: 0 });
        continue;
      }
      sheets.push(sheet);
    }
    if (listed.length > 0 && sheets.length === 0 && rels.size > 0) {
      // every sheet named in the workbook is missing: say so rather than return nothing
      if (!listed.some((s) => s.rid !== undefined && rels.get(s.rid)?.type.endsWith('/chartsheet'))) {
        throw new XlsxError('no-workbook', 'the worksheets the workbook names are missing');
      }
    }
    const keywords = this.keywords();
    return { sheets, date1904: this.date1904, definedNames, droppedMerges: this.merges.dropped, notes: this.notes(), ...(keywords ? { keywords } : {}) };
  }

  /** The workbook's keywords (docProps/core.xml cp:keywords): where fupin marks its own outputs. */
  private keywords(): string | undefined {
    // into the scratch buffer: the sheets are read (nothing of theirs is in it any more) and only a string is kept
    const buf = this.part('docProps/core.xml', false, true);
    if (!buf || buf.length > 65536) return undefined;
    const at = keywordsAt(buf);
    if (at < 0) return undefined;
    return buf.toString('utf8', at, buf.indexOf(0x3c, at)).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim() || undefined;
  }

  private skipSheet(name: string, relType: string, part: string): void {
    const kind: SkippedSheetKind = /chartsheet$/i.test(relType) ? 'chart' : /macrosheet$/i.test(relType) ? 'macro' : /dialogsheet$/i.test(relType) ? 'dialog' : 'other';
    let cells = 0;
    const buf = kind === 'chart' ? undefined : this.part(part);
    if (buf) {
      for (const row of this.readSheet(part, buf, name).rows) for (const c of row) if (c && c.text !== '') cells++;
    }
    this.skippedSheets.push({ name, kind, cells });
  }

  private notes(): ReadNotes {
    const notes: ReadNotes = {};
    if (this.missingStrings.cells) notes.missingStrings = { ...this.missingStrings, strings: this.sst.count };
    const dup = this.zip.duplicates().map((d) => ({ ...d, read: this.partsRead.has(zipKey(d.name)) }));
    if (dup.length) notes.duplicateParts = dup;
    if (this.skippedSheets.length) notes.skippedSheets = this.skippedSheets;
    return notes;
  }

  /**
   * Cell formats: <cellXfs> entries and the codes of <numFmts>. Only <numFmts> defines the codes cells use: the
   * <numFmt> inside <dxfs> (conditional and table formats) may reuse an id such as 14 and must not replace it.
   */
  private readStyles(name: string): void {
    const buf = this.part(name, true);
    if (!buf) return;
    this.styles = PARTS.get('styles', '', buf, () => this.parseStyles(name, buf));
  }

  private parseStyles(name: string, buf: Buffer): CellStyle[] {
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    this.parse(name, buf, (x) => {
      let inCellXfs = false;
      let inNumFmts = false;
      for (let ev = x.next(); ev !== END; ev = x.next()) {
        if (ev === OPEN) {
          if (x.name === 'extLst') x.skip();
          else if (x.name === 'numFmts') inNumFmts = !x.selfClosing;
          else if (x.name === 'numFmt' && inNumFmts) {
            const id = Number(x.attr('numFmtId'));
            const code = x.attr('formatCode');
            if (Number.isInteger(id) && code !== undefined && !custom.has(id)) custom.set(id, code);
          } else if (x.name === 'cellXfs') inCellXfs = !x.selfClosing;
          else if (x.name === 'xf' && inCellXfs) {
            if (xfIds.length >= MAX_STYLES) throw new XlsxError('xml', `${name}: more than ${MAX_STYLES} cell formats`);
            const id = Number(x.attr('numFmtId') ?? 0);
            xfIds.push(Number.isInteger(id) ? id : 0);
          }
        } else if (ev === CLOSE) {
          if (x.name === 'cellXfs') inCellXfs = false;
          else if (x.name === 'numFmts') inNumFmts = false;
        }
      }
    });
    const byFmt = new Map<number, CellStyle>();
    return xfIds.map((id) => {
      let st = byFmt.get(id);
      if (!st) {
        const code = custom.get(id) ?? BUILTIN_FORMATS.get(id);
        const fmt = code === undefined ? undefined : numberFormat(code);
        st = { ...(id === 0 || code === undefined ? {} : { numFmt: code }), ...(fmt?.temporal ? { temporal: fmt } : {}) };
        byFmt.set(id, st);
      }
      return st;
    });
  }

  private readSharedStrings(name: string): void {
    const size = this.zip.find(name)?.uncompressedSize ?? 0;
    let read = this.streamPart(name, (x) => this.scanSharedStrings(x, size));
    if (!read) {
      // scanned at once: SharedStrings keeps copies of the items' bytes, and texts
      const buf = this.part(name, false, true);
      if (!buf) return;
      read = this.parse(name, buf, (x) => this.scanSharedStrings(x, buf.length));
    }
    const { out, rich } = read;
    this.sst = out;
    this.sstRich = new Uint8Array(out.count);
    for (const i of rich) this.sstRich[i] = 1;
    this.checkTime();
  }

  /** The shared strings' texts, and which of them are rich text. */
  private scanSharedStrings(x: XmlScanner, size: number): { out: SharedStrings; rich: number[] } {
    const { maxCells, maxCellChars } = this.limits;
    // a grid keeps every string it reads (as it keeps its cells); a compact sheet only those cells share, unless the
    // table is small (KEEP_SMALL_STRINGS)
    const out = new SharedStrings(maxCellChars, size, !this.lean || size <= KEEP_SMALL_STRINGS);
    const rich: number[] = [];
    const plainItems = (x: XmlScanner): boolean => {
      const from = out.count;
      const n = x.plainItems('si', SI_PLAIN, '</t></si>', out, maxCells - from);
      // the time checked every 8192 items, as when they are read one by one
      if (n > 1 && ((from + 1) & ~8191) !== (out.count & ~8191)) this.checkTime();
      return n > 0;
    };
    {
      let inSi = false;
      const item = new StringItem();
      for (let ev = x.next(); ev !== END; ev = x.next()) {
        if (ev === TEXT) {
          item.add(x, maxCellChars);
        } else if (ev === OPEN) {
          switch (x.name) {
            case 'extLst':
              x.skip();
              break;
            case 'si':
            case 'sstItem': // Office 2007 beta's name for <si>
              if (out.count >= maxCells) throw new LimitExceeded('maxCells', out.count + 1, maxCells);
              if ((out.count & 8191) === 8191) this.checkTime();
              if (x.selfClosing) out.add('');
              else if (x.name === 'si' && plainItems(x)) {
                // <si><t>text</t></si> and the plain items after it, as they read one by one
              } else {
                inSi = true;
                item.begin();
              }
              break;
            default:
              if (inSi) item.open(x, maxCellChars);
          }
        } else if (ev === CLOSE) {
          if (x.name === 'si' || x.name === 'sstItem') {
            if (inSi) {
              if (item.rich) rich.push(out.count);
              out.add(decodeXString(item.text ?? ''));
              inSi = false;
              item.begin();
            }
          } else item.close(x.name);
        }
      }
    }
    return { out, rich };
  }

  /**
   * Runs `scan` over a big part read in pieces as it is inflated (STREAM): its answer, or undefined when the part is
   * small, missing, or could not be read so (damage, a token longer than the margin, …): the caller then reads it whole,
   * which gives the same answer or the refusal reading it whole gives. Only running out of time stops here. What `scan`
   * changed in the reader is the caller's to undo when this answers undefined.
   */
  private streamPart<T>(name: string, scan: (x: XmlScanner) => T): T | undefined {
    const entry = this.zip.find(name);
    if (!entry || entry.uncompressedSize < this.streamSizes.from) return undefined;
    const { window: size, margin } = this.streamSizes;
    const own = size === STREAM.window && spareWindow ? spareWindow : Buffer.allocUnsafeSlow(size);
    if (own === spareWindow) spareWindow = undefined;
    let source: ZipStream | undefined;
    let done = false;
    try {
      source = this.zip.stream(entry);
      if (!source) return undefined;
      let ended = false;
      const ending: ZipStream = {
        read: (dst, from) => {
          const room = dst.length - from;
          const n = source!.read(dst, from);
          if (n < room) ended = true;
          this.checkTime();
          return n;
        },
        close: () => source!.close(),
      };
      const out = scan(new XmlScanner(own, ending, margin));
      if (!ended) return undefined;
      this.partsRead.add(zipKey(entry.name));
      done = true;
      return out;
    } catch (e) {
      if (e instanceof LimitExceeded && e.limit === 'maxMillis') throw e;
      if (e !== NEEDS_WHOLE && !(e instanceof Error)) throw e;
      return undefined;
    } finally {
      if (!done) source?.close();
      if (size === STREAM.window) spareWindow = own;
    }
  }

  /** A worksheet by part name (undefined when there is no such part): read in pieces when it is big, else whole. */
  private readWorksheet(part: string, name: string, hidden: boolean): RawSheet | undefined {
    const before = { grid: this.grid, missing: this.missingStrings.cells, first: this.missingStrings.first.length, merged: this.merges.mergedCells, dropped: this.merges.dropped.length };
    const streamed = this.streamPart(part, (x) => {
      const size = this.zip.find(part)!.uncompressedSize;
      if (!this.lean) return this.gridSheet(part, x, name, hidden);
      const { lean, merges } = this.readSheet(part, x, name, new LeanStore(this.sst, this.sstRich, this.styles, this.date1904, size));
      return new LeanSheet(name, lean!, merges, hidden);
    });
    if (streamed) return streamed;
    this.grid = before.grid;
    this.missingStrings.cells = before.missing;
    this.missingStrings.first.length = before.first;
    this.merges.mergedCells = before.merged;
    this.merges.dropped.length = before.dropped;
    // scanned at once (again as a grid when a compact sheet's cells are not in order): cells keep numbers and texts
    const buf = this.part(part, false, true);
    if (!buf) return undefined;
    return this.lean ? this.readLeanSheet(part, buf, name, hidden) : this.gridSheet(part, buf, name, hidden);
  }

  /** leanCells stopped at a cell written plainly that it did not store: its spans are the scanner's, for the caller to read. */
  private pendingCell = false;
  /** Cells stored by leanCells since the time was last checked. */
  private leanSinceCheck = 0;

  /**
   * A compact sheet's cells written plainly (XmlScanner.plainCell) read and stored in one step each, as finishLean
   * stores them, while they are a shared string that exists and is not empty, or a plain decimal (XmlScanner.decimalAt),
   * at a cell of Excel's grid after the cells before it: how many. A strict pre-filter: at the first plain cell that is
   * anything else (a missing string, a number written otherwise, a cell out of order, …) it stops with `pendingCell`
   * set and that cell consumed, for the general code to read from the scanner's spans as it reads every cell.
   */
  private leanCells(x: XmlScanner, st: LeanStore): number {
    const sst = this.sst;
    const styles = this.styles;
    const { maxCells, maxCellChars } = this.limits;
    let grid = this.grid;
    let added = 0;
    this.pendingCell = false;
    while (x.plainCell()) {
      const at = x.cellAt;
      const a = x.spanStart;
      const e = x.spanEnd;
      let code = 0;
      let num = 0;
      if (at >= 0 && e > a && e - a <= maxCellChars) {
        if (x.cellShared) {
          const i = x.indexAt(a, e);
          if (i >= 0 && sst.has(i) && !sst.isEmpty(i)) {
            code = SST;
            num = i;
          }
        } else {
          const n = x.decimalAt(a, e);
          if (n === n) {
            code = NUM;
            num = n;
          }
        }
      }
      const row = Math.floor(at / MAX_COLS);
      const col = at - row * MAX_COLS;
      const lastRow = st.lastRow;
      if (code === 0 || row < lastRow || (row === lastRow && col <= st.lastCol)) {
        this.grid = grid;
        this.pendingCell = true;
        return added;
      }
      // as finishLean: a row adds 1 plus its width up to its last cell
      grid += row > lastRow ? row - lastRow + col + 1 : col - st.lastCol;
      if (grid > maxCells) {
        this.grid = grid;
        throw new LimitExceeded('maxCells', grid, maxCells);
      }
      if (code === SST) sst.note(num);
      const si = x.cellStyle;
      st.add(row, col, code, styles[si] === undefined ? -1 : si, num, undefined);
      added++;
      if (++this.leanSinceCheck >= 8192) {
        this.leanSinceCheck = 0;
        this.checkTime();
      }
    }
    this.grid = grid;
    return added;
  }

  /** A cell names a shared string that does not exist: it is read as empty, and the report says where. */
  private missingString(sheetName: string, row: number, col: number): void {
    if (++this.missingStrings.cells <= 5) this.missingStrings.first.push(`${sheetName}!${colText(col)}${row + 1}`);
  }

  private gridSheet(part: string, buf: Buffer | XmlScanner, name: string, hidden: boolean): RawSheet {
    const { rows, merges } = this.readSheet(part, buf, name);
    return { name, rows, merges, ...(hidden ? { hidden: true } : {}) };
  }

  /** A worksheet held compactly; read again as a grid when its cells turn out not to be in order (a crafted or odd writer's file). */
  private readLeanSheet(part: string, buf: Buffer, name: string, hidden: boolean): RawSheet {
    const grid = this.grid;
    const missing = { cells: this.missingStrings.cells, first: this.missingStrings.first.length };
    try {
      const { lean, merges } = this.readSheet(part, buf, name, new LeanStore(this.sst, this.sstRich, this.styles, this.date1904, buf.length));
      return new LeanSheet(name, lean!, merges, hidden);
    } catch (e) {
      if (e !== NOT_IN_ORDER) throw e;
      this.grid = grid;
      this.missingStrings.cells = missing.cells;
      this.missingStrings.first.length = missing.first;
      return this.gridSheet(part, buf, name, hidden);
    }
  }

  private readSheet(name: string, buf: Buffer | XmlScanner, sheetName: string, store?: LeanStore): { rows: (RawCell | undefined)[][]; merges: MergeRange[]; lean?: LeanStore } {
    const rows: (RawCell | undefined)[][] = [];
    const written: MergeRange[] = [];
    const { maxCells, maxMerges, maxCellChars } = this.limits;
    const styles = this.styles;
    const sst = this.sst;
    const sstRich = this.sstRich;
    const date1904 = this.date1904;
    let sinceCheck = 0;

    const run = (fn: (x: XmlScanner) => void): void => (buf instanceof XmlScanner ? fn(buf) : this.parse(name, buf, fn));
    run((x) => {
      let rowIdx = -1;
      let nextCol = 0;
      let inCell = false;
      let cellRow = 0;
      let cellCol = 0;
      let t: string | undefined;
      let style: CellStyle = NO_STYLE;
      let styleIndex = 0;
      let formula = false;
      /** The value: text, or the bytes [vStart, vEnd) of the part while it is one plain <v>…</v> (vStart -1: none). */
      let v: string | undefined;
      let vStart = -1;
      let vEnd = -1;
      let inV = false;
      let inIs = false;
      const inline = new StringItem();

      /** The value as text (a value still held as bytes is decoded). */
      const vText = (): string | undefined => {
        if (vStart >= 0) {
          v = x.textAt(vStart, vEnd);
          vStart = -1;
        }
        return v;
      };

      /** More value text: a <v>'s bytes [a, e) or text already decoded. */
      const addV = (a: number, e: number, text: string | undefined): void => {
        if (text === undefined && v === undefined && vStart < 0 && e - a <= maxCellChars) {
          // held as bytes: a value's UTF-16 length is at most its byte length
          vStart = a;
          vEnd = e;
          return;
        }
        const more = text ?? x.textAt(a, e);
        const before = vText();
        v = before === undefined ? more : before + more;
        if (v.length > maxCellChars) throw new LimitExceeded('maxCellChars', v.length, maxCellChars);
      };

      const finish = (): void => {
        inCell = false;
        nextCol = cellCol + 1;
        if (store) {
          finishLean(store);
          return;
        }
        const cell = buildCell();
        if (!cell) return;
        let arr = rows[cellRow];
        if (!arr) {
          if (cellRow >= rows.length) this.grid += cellRow + 1 - rows.length;
          arr = rows[cellRow] = [];
        }
        if (cellCol >= arr.length) this.grid += cellCol + 1 - arr.length;
        if (this.grid > maxCells) throw new LimitExceeded('maxCells', this.grid, maxCells);
        arr[cellCol] = cell;
        if (++sinceCheck >= 8192) {
          sinceCheck = 0;
          this.checkTime();
        }
      };

      /**
       * finish() for a compact sheet: a shared string or a plain number is kept as its index or value (built into a cell
       * only when its row is asked for, exactly as buildCell would), any other cell as the cell buildCell makes. The
       * cells counted, the limits and the missing strings are as for a grid; a cell out of order gives up (NOT_IN_ORDER).
       */
      const finishLean = (st: LeanStore): void => {
        let code = 0;
        let num = 0;
        if (!formula && vStart >= 0) {
          // the value's bytes: a shared string's index or a plain decimal needs no text
          if (t === 's') {
            const i = x.indexAt(vStart, vEnd);
            if (i >= 0) {
              if (!sst.has(i)) {
                this.missingString(sheetName, cellRow, cellCol);
                return;
              }
              if (sst.isEmpty(i)) return;
              code = SST;
              num = i;
            }
          } else if (t === undefined || t === 'n') {
            const n = x.decimalAt(vStart, vEnd);
            if (n === n) {
              code = NUM;
              num = n;
            }
          }
        }
        if (code === 0 && !formula && vText() !== undefined) {
          const v = vText()!;
          if (t === 's') {
            const i = Number(v);
            if (!Number.isInteger(i) || !sst.has(i)) {
              if (v.trim() !== '') this.missingString(sheetName, cellRow, cellCol);
              return;
            }
            if (sst.isEmpty(i)) return;
            code = SST;
            num = i;
          } else if (t === undefined || t === 'n') {
            const n = Number(v);
            if (!Number.isNaN(n) && (n !== 0 || v.trim() !== '')) {
              code = NUM;
              num = n;
            }
          }
        }
        let obj: RawCell | undefined;
        if (code === 0) {
          obj = buildCell();
          if (!obj) return;
          code = OBJ;
        }
        const lastRow = st.lastRow;
        if (cellRow < lastRow || (cellRow === lastRow && cellCol <= st.lastCol)) throw NOT_IN_ORDER;
        // as for a grid: a row adds 1 plus its width up to its last cell
        this.grid += cellRow > lastRow ? cellRow - lastRow + cellCol + 1 : cellCol - st.lastCol;
        if (this.grid > maxCells) throw new LimitExceeded('maxCells', this.grid, maxCells);
        if (code === SST) sst.note(num);
        st.add(cellRow, cellCol, code, style === NO_STYLE ? -1 : styleIndex, num, obj);
        if (++sinceCheck >= 8192) {
          sinceCheck = 0;
          this.checkTime();
        }
      };

      /** A <c>'s start: where it goes (its r as cellRefAt reads it, -1: none), its t and its style index. */
      const openCell = (at: number, type: string | undefined, si: number): void => {
        if (at >= 0) {
          cellRow = Math.floor(at / MAX_COLS);
          cellCol = at - cellRow * MAX_COLS;
        } else {
          cellRow = rowIdx < 0 ? 0 : rowIdx;
          cellCol = nextCol;
          if (cellCol >= MAX_COLS) throw new XlsxError('xml', `${name}: a row has more than ${MAX_COLS} cells`);
        }
        t = type;
        styleIndex = si;
        style = styles[si] ?? NO_STYLE;
        formula = false;
        v = undefined;
        vStart = -1;
        inline.begin();
        inV = inIs = false;
        inCell = true;
      };

      const withFmt = (c: RawCell, fmt: string | undefined): RawCell => (fmt ? { ...c, numFmt: fmt } : c);

      const valueCell = (type: string | undefined, val: string): RawCell | undefined => {
        switch (type) {
          case 's': {
            const i = Number(val);
            const s = Number.isInteger(i) ? sst.get(i) : undefined;
            if (s === undefined) {
              if (val.trim() !== '') this.missingString(sheetName, cellRow, cellCol);
              return undefined;
            }
            if (s === '') return undefined;
            return sstRich[i] ? { text: s, kind: 'string' } : withFmt({ text: s, kind: 'string' }, style.numFmt);
          }
          case 'str':
          case 'inlineStr': {
            const s = decodeXString(val);
            return s === '' ? undefined : withFmt({ text: s, kind: 'string' }, style.numFmt);
          }
          case 'b': {
            const b = !/^\s*(?:0|false)\s*$/i.test(val);
            return { text: b ? 'TRUE' : 'FALSE', kind: 'boolean', raw: b };
          }
          case 'e':
            return { text: val, kind: 'error' };
          case 'd':
            return isoCell(val, style.numFmt, style.temporal, date1904);
          default: {
            let n = Number(val);
            if (Number.isNaN(n) || val.trim() === '') n = parseFloat(val);
            if (Number.isNaN(n)) return val.trim() === '' ? undefined : withFmt({ text: val, kind: 'string' }, style.numFmt);
            return numberCell(n, style.numFmt, style.temporal, date1904);
          }
        }
      };

      const buildCell = (): RawCell | undefined => {
        vText();
        if (formula) {
          const inner = v === undefined || v === '' ? undefined : valueCell(t, v);
          return inner ? { ...inner, formula: true } : { text: '', kind: 'empty', formula: true };
        }
        if (t === 'inlineStr') {
          if (inline.text === undefined) return undefined;
          const cell = valueCell('inlineStr', inline.text);
          return cell && inline.rich ? { text: cell.text, kind: 'string' } : cell;
        }
        if (v === undefined) return undefined;
        return valueCell(t, v);
      };

      /**
       * The cells written plainly (XmlScanner.plainCell) from here on, each in one step, as their tags would be read; a
       * compact sheet's shared strings and plain numbers are stored at once (leanCells), any other cell as finish() does.
       */
      const plainCells = (): void => {
        for (;;) {
          if (store) {
            if (this.leanCells(x, store) > 0) nextCol = store.lastCol + 1;
            if (!this.pendingCell) return;
          } else if (!x.plainCell()) return;
          openCell(cellRefAt(x.bytes, x.cellRefStart, x.cellRefEnd), x.cellShared ? 's' : undefined, x.cellStyleStart < 0 ? 0 : x.indexAt(x.cellStyleStart, x.cellStyleEnd));
          if (x.spanEnd > x.spanStart) addV(x.spanStart, x.spanEnd, undefined);
          finish();
        }
      };

      for (let ev = x.next(); ev !== END; ev = x.next()) {
        if (ev === TEXT) {
          if (inV) addV(0, 0, x.text());
          else inline.add(x, maxCellChars);
          continue;
        }
        if (ev === OPEN) {
          switch (x.name) {
            case 'extLst': // x14 extensions (data validations, sparklines) hold <xm:f> and <xm:sqref>, not cells
              x.skip();
              break;
            case 'c': {
              if (inCell) finish(); // an unclosed <c>: keep what it had
              // r, t and s read from the tag's bytes; decoded as text only when they hold an entity or a line end
              const at = !x.attrSpan('r') ? -1 : x.spanPlain() ? cellRefAt(x.bytes, x.spanStart, x.spanEnd) : cellRefOf(x.textAt(x.spanStart, x.spanEnd));
              const type = !x.attrSpan('t') ? undefined : x.spanEnd - x.spanStart === 1 && x.bytes[x.spanStart] === 0x73 ? 's' : x.textAt(x.spanStart, x.spanEnd);
              let si = 0;
              if (x.attrSpan('s')) {
                si = x.indexAt(x.spanStart, x.spanEnd);
                if (si < 0) si = Number(x.textAt(x.spanStart, x.spanEnd));
              }
              openCell(at, type, si);
              if (x.selfClosing) finish();
              else if (x.exactly(V_PLAIN, '</v></c>')) {
                // <c …><v>value</v></c>: the value kept and the cell finished, as those tags would
                if (x.spanEnd > x.spanStart) addV(x.spanStart, x.spanEnd, undefined);
                finish();
                // and the cells after it written as plainly (XmlScanner.plainCell), each in one step, as the tags would
                plainCells();
              }
              break;
            }
            case 'v':
              if (inCell && !x.selfClosing) {
                if (!x.elementTextSpan()) inV = true;
                // as text at once: a part read in pieces may move on before the cell ends
                else if (x.spanEnd > x.spanStart) addV(0, 0, x.textAt(x.spanStart, x.spanEnd));
              }
              break;
            case 'f':
              if (inCell) formula = true;
              break;
            case 'is':
              if (inCell && !x.selfClosing) inIs = true;
              break;
            case 't':
            case 'r':
            case 'rPh':
              if (inIs) inline.open(x, maxCellChars, !inV);
              break;
            case 'row': {
              if (inCell) finish();
              const r = !x.attrSpan('r') ? undefined : rowNumberAt(x);
              rowIdx = r ?? rowIdx + 1;
              nextCol = 0;
              // a compact sheet's cells written plainly right after the row's start tag, as they would be read one by one
              if (store && !x.selfClosing) plainCells();
              break;
            }
            case 'mergeCell': {
              const m = parseMergeRef(x.attr('ref') ?? '');
              if (!m) break;
              if (written.length >= maxMerges) throw new LimitExceeded('maxMerges', written.length + 1, maxMerges);
              written.push(m);
              break;
            }
          }
          continue;
        }
        // CLOSE
        switch (x.name) {
          case 'v':
            inV = false;
            break;
          case 't':
          case 'rPh':
            inline.close(x.name);
            break;
          case 'is':
            inIs = false;
            break;
          case 'c':
            if (inCell) finish();
            break;
        }
      }
      if (inCell) finish();
    });

    if (store) {
      store.end();
      const merges = clipMerges(written, store.lastRow, store.maxCol, sheetName, this.limits.maxMergedCells, this.merges, (c) => store.clear(c));
      this.checkTime();
      return { rows, merges, lean: store };
    }
    const merges = applyMerges(rows, written, sheetName, this.limits.maxMergedCells, this.merges);
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    this.checkTime();
    return { rows, merges };
  }

}

/** Merged cells counted so far in a workbook, and the merges left out (`Sheet1!A1:XFD1048576`). */
export interface MergeBudget {
  mergedCells: number;
  dropped: string[];
}

/**
 * Merges are never expanded. One merge covering more than maxMergedCells by itself (A1:XFD1048576) is crafted,
 * not a form: it is dropped and reported, so the cells under it keep their values. The others are clipped to
 * the sheet's used area (the cells beyond hold nothing; merges wholly outside it are left out), and the cells
 * they cover together must stay within maxMergedCells. As in Excel, only a merge's top-left cell keeps its value.
 */
export function applyMerges(
  rows: (RawCell | undefined)[][],
  written: MergeRange[],
  sheetName: string,
  maxMergedCells: number,
  budget: MergeBudget,
): MergeRange[] {
  if (written.length === 0) return [];
  let lastCol = -1;
  for (const r of rows) if (r && r.length - 1 > lastCol) lastCol = r.length - 1;
  return clipMerges(written, rows.length - 1, lastCol, sheetName, maxMergedCells, budget, (c) => {
    for (let r = c.top; r <= c.bottom; r++) {
      const arr = rows[r];
      if (!arr) continue;
      const right = Math.min(c.right, arr.length - 1);
      let touched = false;
      for (let col = c.left; col <= right; col++) {
        if ((r !== c.top || col !== c.left) && arr[col] !== undefined) {
          arr[col] = undefined;
          touched = true;
        }
      }
      if (touched) while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.length--;
    }
  });
}

/** applyMerges' choice of merges and its budget, for a sheet whose last row and column are known; `clear` empties the cells each one covers. */
function clipMerges(
  written: MergeRange[],
  lastRow: number,
  lastCol: number,
  sheetName: string,
  maxMergedCells: number,
  budget: MergeBudget,
  clear: (m: MergeRange) => void,
): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of written) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > maxMergedCells) {
      budget.dropped.push(`${sheetName}!${rangeText(m)}`);
      continue;
    }
    if (m.top > lastRow || m.left > lastCol) continue;
    const c: MergeRange = { top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) };
    budget.mergedCells += (c.bottom - c.top + 1) * (c.right - c.left + 1);
    if (budget.mergedCells > maxMergedCells) throw new LimitExceeded('maxMergedCells', budget.mergedCells, maxMergedCells);
    out.push(c);
    clear(c);
  }
  return out;
}

// ── compact sheets ───────────────────────────────────────────────────────────────────────────

/** A compact cell's kind: a shared string (its index), a plain number (its value), or a cell built as for a grid (its index in objs). */
const SST = 1;
const NUM = 2;
const OBJ = 3;
/** Set on a cell a merge covers (only a merge's top-left cell keeps its value). */
const CLEARED = 0x80;

/** Thrown when a cell comes before one already read: the sheet is then read as a grid. */
const NOT_IN_ORDER = new Error('cells not in order');

/**
 * Whether a number cell's text is String(num): a whole number below 1e15 in a style that is no date or time (numberText's
 * toFixed(0) writes the same, and String is ~5x faster). cell() and view() make such a text without numberCell, and
 * mayHold knows its first unit (a minus sign or the first digit) without making it: all three ask here.
 */
function shownAsString(num: number, style: CellStyle): boolean {
  return !style.temporal && Number.isInteger(num) && num > -1e15 && num < 1e15;
}

/** Whole numbers below this have their text made once (smallIntText). */
const SMALL_INTS = 4096;
const smallIntText: string[] = [];

/** How many rows LeanStore.row keeps built (the row read, a header's rows, the rows merged values come from). */
const ROW_CACHE = 8;

/** LeanStore's smallest start: room for this many cells and rows (folders: LeanStore's initial sizes, wt-13). */
const LEAN_MIN_CELLS = 256;
const LEAN_MIN_ROWS = 64;

/**
 * A worksheet's cells in row order, ~15 bytes each: column, kind, style and a number (a shared string's index or the
 * value). Rows are built as the grid reader builds them, when asked for.
 */
class LeanStore implements LeanRows {
  /** Last row and column stored (-1: none); the widest column of the sheet. */
  lastRow = -1;
  lastCol = -1;
  maxCol = -1;
  rowCount = 0;
  private n = 0;
  private cols: Uint16Array;
  private codes: Uint8Array;
  /** Each cell's style index + 1 (0: none): 2 bytes a cell while the styles number fewer than 65,535 (Excel allows 64,000), else 4. */
  private styleIx: Uint16Array | Int32Array;
  private nums: Float64Array;
  /** rowStart[r]: the first cell of row r; rowStart[rowCount] = n. */
  private rowStart: Uint32Array;
  private readonly objs: RawCell[] = [];
  /** The rows kept built (ROW_CACHE): their numbers (-1: none) and cells. */
  private readonly cacheR = new Int32Array(ROW_CACHE).fill(-1);
  private readonly cacheRows: (RawCell | undefined)[][] = [];
  private cacheNext = 0;
  /** The row last asked for (most calls ask for the same row again). */
  private lastAsked = -1;
  private lastBuilt: (RawCell | undefined)[] | undefined;

  constructor(
    private readonly sst: SharedStrings,
    private readonly sstRich: Uint8Array,
    private readonly styles: CellStyle[],
    private readonly date1904: boolean,
    /** The worksheet XML's size: room for its cells is made at once (a register's cell takes ~40 bytes, a row ~300), not doubled up to it. */
    xmlBytes: number,
  ) {
    // a small sheet starts small (a 60-row register's ~500 cells; 4,096 cells were ~60 KB a sheet, most of a folder's
    // garbage): the arrays grow by doubling when a sheet holds more than its XML size suggests
    const cells = Math.min(Math.max(LEAN_MIN_CELLS, Math.floor(xmlBytes / 40)), 1 << 22);
    this.cols = new Uint16Array(cells);
    this.codes = new Uint8Array(cells);
    this.styleIx = styles.length < 0xffff ? new Uint16Array(cells) : new Int32Array(cells);
    this.nums = new Float64Array(cells);
    this.rowStart = new Uint32Array(Math.min(Math.max(LEAN_MIN_ROWS, Math.floor(xmlBytes / 256)), MAX_ROWS + 2));
  }

  add(row: number, col: number, code: number, style: number, num: number, obj: RawCell | undefined): void {
    if (row > this.lastRow) {
      if (row + 2 > this.rowStart.length) this.rowStart = grow(this.rowStart, row + 2);
      this.rowStart.fill(this.n, this.lastRow + 1, row + 1);
      this.lastRow = row;
    }
    this.lastCol = col;
    if (col > this.maxCol) this.maxCol = col;
    const i = this.n++;
    if (i >= this.cols.length) {
      this.cols = grow(this.cols, i + 1);
      this.codes = grow(this.codes, i + 1);
      this.styleIx = grow(this.styleIx, i + 1);
      this.nums = grow(this.nums, i + 1);
    }
    this.cols[i] = col;
    this.codes[i] = code;
    this.styleIx[i] = style + 1;
    if (obj) {
      this.nums[i] = this.objs.length;
      this.objs.push(obj);
    } else this.nums[i] = num;
  }

  end(): void {
    this.rowCount = this.lastRow + 1;
    this.rowStart[this.rowCount] = this.n;
  }

  /** A merge (clipped to the sheet) empties the cells it covers but its top-left one. */
  clear(m: MergeRange): void {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let i = this.rowStart[r]!; i < this.rowStart[r + 1]!; i++) {
        const c = this.cols[i]!;
        if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) this.codes[i]! |= CLEARED;
      }
    }
    this.cacheR.fill(-1);
    this.cacheRows.length = 0;
    this.lastAsked = -1;
  }

  private cell(i: number): RawCell {
    const code = this.codes[i]!;
    const num = this.nums[i]!;
    if (code === OBJ) return this.objs[num]!;
    const style = this.styleOf(i);
    if (code === NUM) {
      // whole numbers (a row's number, a household's size) as numberCell makes them (shownAsString), small ones' text made once
      if (!shownAsString(num, style)) return numberCell(num, style.numFmt, style.temporal, this.date1904);
      const text = num >= 0 && num < SMALL_INTS ? (smallIntText[num] ??= numberText(num)) : String(num);
      return style.numFmt ? { text, kind: 'number', raw: num, numFmt: style.numFmt } : { text, kind: 'number', raw: num };
    }
    const text = this.sst.get(num)!;
    return this.sstRich[num] || !style.numFmt ? { text, kind: 'string' } : { text, kind: 'string', numFmt: style.numFmt };
  }

  /** The view view() fills (made on first use). */
  private shown: LeanView | undefined;

  view(r: number): LeanRowView | undefined {
    if (r < 0 || r >= this.rowCount) return undefined;
    const v = (this.shown ??= new LeanView(this, this.maxCol + 1));
    v.clear();
    const { codes, cols, nums } = this;
    for (let i = this.rowStart[r]!, end = this.rowStart[r + 1]!; i < end; i++) {
      const code = codes[i]!;
      if (code >= CLEARED) continue;
      const num = nums[i]!;
      let text: string;
      let made: RawCell | undefined;
      if (code === SST) text = this.sst.get(num)!;
      else if (code === OBJ) text = (made = this.objs[num]!).text;
      else {
        // cell()'s number: its whole-number fast path gives the text, anything else the cell numberCell makes
        const style = this.styleOf(i);
        if (!shownAsString(num, style)) text = (made = numberCell(num, style.numFmt, style.temporal, this.date1904)).text;
        else text = num >= 0 && num < SMALL_INTS ? (smallIntText[num] ??= numberText(num)) : String(num);
      }
      v.push(cols[i]!, text, i, made);
    }
    return v;
  }

  /**
   * Whether row r may hold a cell whose text does not start with a unit `passed` takes (an empty text passes): false
   * when every cell's first unit is known without making its text — a shared string's from its bytes, a whole number's
   * digit or minus sign — and passes. True for a cell of another kind (a date, a fraction, a rich or decoded text).
   */
  mayHold(r: number, passed: (unit: number) => boolean): boolean {
    if (r < 0 || r >= this.rowCount) return false;
    const { codes, nums } = this;
    for (let i = this.rowStart[r]!, end = this.rowStart[r + 1]!; i < end; i++) {
      const code = codes[i]!;
      if (code >= CLEARED) continue;
      let num = nums[i]!;
      let u: number;
      if (code === SST) {
        u = this.sst.firstUnit(num);
        if (u === -2) continue;
        if (u < 0) return true;
      } else if (code === OBJ) {
        const text = this.objs[num]!.text;
        if (text === '') continue;
        u = text.charCodeAt(0);
      } else {
        // view's whole number: String's (or toFixed's) text, a minus sign or its first digit
        const style = this.styleOf(i);
        if (!shownAsString(num, style)) return true;
        if (num < 0) u = 0x2d;
        else {
          while (num >= 10) num = Math.floor(num / 10);
          u = 0x30 + num;
        }
      }
      if (!passed(u)) return true;
    }
    return false;
  }

  /** LeanView's kind, raw and numFmt of store cell i (made: the cell built for it, if any), as cell(i) has them. */
  kindOf(i: number, made: RawCell | undefined): RawCell['kind'] {
    if (made) return made.kind;
    return this.codes[i] === SST ? 'string' : 'number';
  }

  rawOf(i: number, made: RawCell | undefined): RawCell['raw'] {
    if (made) return made.raw;
    return this.codes[i] === SST ? undefined : this.nums[i];
  }

  /** Cell i's style (styleIx holds its index + 1; 0, or an index past the table: none). */
  private styleOf(i: number): CellStyle {
    const si = this.styleIx[i]! - 1;
    return si < 0 ? NO_STYLE : (this.styles[si] ?? NO_STYLE);
  }

  numFmtOf(i: number, made: RawCell | undefined): string | undefined {
    if (made) return made.numFmt;
    const style = this.styleOf(i);
    if (this.codes[i] === SST && this.sstRich[this.nums[i]!]) return undefined;
    return style.numFmt || undefined;
  }

  row(r: number): (RawCell | undefined)[] | undefined {
    if (r === this.lastAsked) return this.lastBuilt;
    if (r < 0 || r >= this.rowCount) return undefined;
    this.lastAsked = r;
    const at = this.cacheR.indexOf(r);
    if (at >= 0) return (this.lastBuilt = this.cacheRows[at]!);
    const row: (RawCell | undefined)[] = [];
    for (let i = this.rowStart[r]!, end = this.rowStart[r + 1]!; i < end; i++) if (this.codes[i]! < CLEARED) row[this.cols[i]!] = this.cell(i);
    this.cacheR[this.cacheNext] = r;
    this.cacheRows[this.cacheNext] = row;
    this.cacheNext = (this.cacheNext + 1) % ROW_CACHE;
    return (this.lastBuilt = row);
  }

  get cellCount(): number {
    return this.n;
  }

  hasText(): boolean {
    for (let i = 0; i < this.n; i++) if (this.codes[i]! < CLEARED && this.cell(i).text !== '') return true;
    return false;
  }

  /** As plain data, for a parse worker to post (leanSheetWire); the arrays cut to what is used. */
  wire(): LeanSheetWire['store'] {
    const { n, rowCount } = this;
    return {
      sst: this.sst.wire(),
      sstRich: this.sstRich,
      styles: this.styles,
      date1904: this.date1904,
      lastRow: this.lastRow,
      lastCol: this.lastCol,
      maxCol: this.maxCol,
      rowCount,
      n,
      cols: this.cols.slice(0, n),
      codes: this.codes.slice(0, n),
      styleIx: this.styleIx.slice(0, n) as Uint16Array | Int32Array,
      nums: this.nums.slice(0, n),
      rowStart: this.rowStart.slice(0, rowCount + 1),
      objs: this.objs,
    };
  }

  /** The store `wire` was made from (its rows built anew). */
  static fromWire(w: LeanSheetWire['store']): LeanStore {
    const st = new LeanStore(SharedStrings.fromWire(w.sst), w.sstRich, w.styles, w.date1904, 0);
    st.lastRow = w.lastRow;
    st.lastCol = w.lastCol;
    st.maxCol = w.maxCol;
    st.rowCount = w.rowCount;
    st.n = w.n;
    st.cols = w.cols;
    st.codes = w.codes;
    st.styleIx = w.styleIx;
    st.nums = w.nums;
    st.rowStart = w.rowStart;
    for (const o of w.objs) st.objs.push(o);
    return st;
  }

  /** The whole grid, as the grid reader makes it. */
  grid(): (RawCell | undefined)[][] {
    const rows: (RawCell | undefined)[][] = new Array(this.rowCount);
    for (let r = 0; r < this.rowCount; r++) {
      const row: (RawCell | undefined)[] = [];
      for (let i = this.rowStart[r]!, end = this.rowStart[r + 1]!; i < end; i++) if (this.codes[i]! < CLEARED) row[this.cols[i]!] = this.cell(i);
      rows[r] = row;
    }
    return rows;
  }
}

/** A LeanStore row's cells (LeanStore.view), filled again for each row asked for. */
class LeanView implements LeanRowView {
  n = 0;
  /** Room for a row as wide as the sheet (a row holds at most one cell a column). */
  readonly cols: Int32Array;
  readonly texts: string[];
  /** The store's index of each cell, and the cell built for it when the store holds one or a number needs one. */
  private readonly ix: Int32Array;
  private readonly made: (RawCell | undefined)[];
  /** slot[c]: 1 + where column c's cell is in the row; 0: none. */
  private readonly slot: Int32Array;

  constructor(
    private readonly store: LeanStore,
    width: number,
  ) {
    const n = Math.max(width, 1);
    this.slot = new Int32Array(n);
    this.cols = new Int32Array(n);
    this.ix = new Int32Array(n);
    this.texts = new Array<string>(n).fill('');
    this.made = new Array<RawCell | undefined>(n).fill(undefined);
  }

  clear(): void {
    for (let k = 0; k < this.n; k++) this.slot[this.cols[k]!] = 0;
    this.n = 0;
  }

  push(col: number, text: string, i: number, made: RawCell | undefined): void {
    const k = this.n++;
    this.cols[k] = col;
    this.texts[k] = text;
    this.ix[k] = i;
    this.made[k] = made;
    this.slot[col] = k + 1;
  }

  at(c: number): number {
    return c < this.slot.length ? this.slot[c]! - 1 : -1;
  }

  kind(k: number): RawCell['kind'] {
    return this.store.kindOf(this.ix[k]!, this.made[k]);
  }

  raw(k: number): RawCell['raw'] {
    return this.store.rawOf(this.ix[k]!, this.made[k]);
  }

  numFmt(k: number): string | undefined {
    return this.store.numFmtOf(this.ix[k]!, this.made[k]);
  }
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T, atLeast: number): T {
  let size = a.length * 2;
  while (size < atLeast) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * A lean sheet as plain data a parse worker posts to the main thread (src/io/parse-pool.ts): the cells' typed arrays
 * cut to their length, the shared strings as bytes and offsets (SharedStringsWire), styles and odd cells as they are.
 * Posted in one message, the sheets of a workbook share the string table's bytes. leanSheetFromWire makes the very
 * sheet again: rows are built from the same data.
 */
export interface LeanSheetWire {
  leanWire: true;
  name: string;
  merges: MergeRange[];
  hidden: boolean;
  store: {
    sst: SharedStringsWire;
    sstRich: Uint8Array;
    styles: CellStyle[];
    date1904: boolean;
    lastRow: number;
    lastCol: number;
    maxCol: number;
    rowCount: number;
    n: number;
    cols: Uint16Array;
    codes: Uint8Array;
    styleIx: Uint16Array | Int32Array;
    nums: Float64Array;
    rowStart: Uint32Array;
    objs: RawCell[];
  };
}

/** A lean sheet as plain data (LeanSheetWire), or undefined when the sheet is a grid (posted as it is). */
export function leanSheetWire(sheet: RawSheet): LeanSheetWire | undefined {
  return sheet instanceof LeanSheet ? { leanWire: true, name: sheet.name, merges: sheet.merges, hidden: sheet.hidden === true, store: sheet.lean.wire() } : undefined;
}

/** The sheet a LeanSheetWire was made from. */
export function leanSheetFromWire(w: LeanSheetWire): RawSheet {
  return new LeanSheet(w.name, LeanStore.fromWire(w.store), w.merges, w.hidden);
}

/** A RawSheet over a LeanStore: `lean` gives rows one at a time; `rows` builds the whole grid once, when first read. */
class LeanSheet implements RawSheet {
  private built: (RawCell | undefined)[][] | undefined;
  /** Set only when hidden, as on a grid sheet. */
  declare readonly hidden?: boolean;

  constructor(
    readonly name: string,
    readonly lean: LeanStore,
    readonly merges: MergeRange[],
    hidden: boolean,
  ) {
    if (hidden) (this as { hidden?: boolean }).hidden = true;
  }

  get rows(): (RawCell | undefined)[][] {
    this.built ??= this.lean.grid();
    return this.built;
  }
}

/** Read a workbook from bytes. Throws ZipError, XlsxError or LimitExceeded; never anything from the file's own text. */
export function readXlsx(buf: Buffer, opts: XlsxReadOptions = {}): XlsxWorkbook {
  return new WorkbookReader(buf, opts).read();
}
