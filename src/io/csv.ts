// Reads a CSV (or tab-separated text) register: detects its encoding and delimiter, and returns it as a grid.
import { parse } from 'csv-parse/sync';
import type { Detected, RawCell, RawSheet } from '../core/model.js';
import { LimitExceeded, ProgressGuard } from './limits.js';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Names a user may give to --encoding, and what we decode with. GBK and GB2312 are subsets of GB18030. */
const ENCODING_ALIASES: Record<string, EncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  ansi: 'gb18030',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  big5: 'big5',
};

export function parseEncodingName(name: string): EncodingName | undefined {
  return ENCODING_ALIASES[name.trim().toLowerCase()];
}

export interface DecodedText {
  text: string;
  encoding: EncodingName;
  reason: string;
}

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 — what Excel on Chinese Windows writes as "CSV".
 * A forced encoding (--encoding) wins.
 */
export function decodeText(buf: Buffer, forced?: EncodingName): DecodedText {
  const bom8 = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const bomLE = buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe;
  const bomBE = buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff;
  if (forced) {
    const skip = forced === 'utf-8' && bom8 ? 3 : (forced === 'utf-16le' && bomLE) || (forced === 'utf-16be' && bomBE) ? 2 : 0;
    return { text: new TextDecoder(forced).decode(buf.subarray(skip)), encoding: forced, reason: 'flag' };
  }
  if (bom8) return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', reason: 'bom' };
  if (bomLE) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', reason: 'bom' };
  if (bomBE) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', reason: 'bom' };
  if (looksUtf16LE(buf)) return { text: new TextDecoder('utf-16le').decode(buf), encoding: 'utf-16le', reason: 'nul-pattern' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text, encoding: 'utf-8', reason: /[^\x00-\x7f]/.test(text) ? 'valid-utf8' : 'ascii' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030', reason: 'not-utf8' };
  }
}

/** UTF-16LE without a BOM: ASCII characters leave a NUL in every odd byte. */
function looksUtf16LE(buf: Buffer): boolean {
  const n = Math.min(buf.length, 2000) & ~1;
  if (n < 8) return false;
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i + 1] === 0) oddNul++;
    if (buf[i] === 0) evenNul++;
  }
  return oddNul > n / 2 / 3 && evenNul < n / 2 / 20;
}

/** The delimiter used most on the first lines (outside quotes): comma, tab or semicolon. */
export function sniffDelimiter(text: string): { value: string; reason: string } {
  const sample = text.slice(0, 16384).split(/\r\n|\n|\r/).slice(0, 30);
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  for (const line of sample) {
    let inQuotes = false;
    for (const ch of line) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch in counts) counts[ch]!++;
    }
  }
  const best = (Object.entries(counts) as [string, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) return { value: ',', reason: 'default' };
  return { value: best[0], reason: 'most-frequent' };
}

export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

/** Limits on what one CSV may make fupin do (see src/io/limits.ts for the workbook ones). */
export interface CsvLimits {
  /** Bytes of the file. */
  maxFileBytes: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Characters on one physical line: a register's line is well under 1 KB; a 50 MB line is not a register. */
  maxLineChars: number;
  /** Cells in one record (Excel's last column is XFD = 16,384). */
  maxColumns: number;
  /** How long parsing may make no progress (ProgressGuard), in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxCellChars: 32_767,
  maxLineChars: 1024 * 1024,
  maxColumns: 16_384,
  maxMillis: 60_000,
};

/** The CSV could not be read (or a limit was hit): the line near which it happened, and which limit. */
export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    /** Set when a limit was hit rather than the text being malformed. */
    readonly limit?: keyof CsvLimits,
    readonly actual?: number,
    readonly allowed?: number,
  ) {
    super(message);
  }
}

/** Something repaired while reading, at a line: a quote never closed (read as a plain character), NUL characters dropped. */
export interface CsvRepair {
  kind: 'quote-not-closed' | 'nul';
  /** 1-based physical line. */
  line: number;
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** 1-based line number and start offset of every line start up to `offset`. */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  LINE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE_BREAK.exec(text)) && m.index < offset) line++;
  return line;
}

/** Offset where 1-based physical line `line` starts (text.length when past the end). */
function offsetOfLine(text: string, line: number): number {
  if (line <= 1) return 0;
  LINE_BREAK.lastIndex = 0;
  let n = 1;
  let m: RegExpExecArray | null;
  while ((m = LINE_BREAK.exec(text))) {
    n++;
    if (n === line) return m.index + m[0].length;
  }
  return text.length;
}

/** The longest physical line, when it is over the limit: refuse before parsing builds millions of cells. */
function checkLineLengths(text: string, limits: CsvLimits, lineOffset: number): void {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > limits.maxLineChars) {
      // a lone-CR file has one "line" by this count: measure it by CR too before refusing
      const cr = text.slice(start, end);
      const longest = cr.split('\r').reduce((mx, l) => Math.max(mx, l.length), 0);
      if (longest > limits.maxLineChars) {
        const at = line + lineOfOffset(cr, cr.length) - 1;
        throw new CsvReadError(
          `line of ${longest} characters > maxLineChars ${limits.maxLineChars}`,
          lineOffset + at,
          'maxLineChars',
          longest,
          limits.maxLineChars,
        );
      }
    }
    start = end + 1;
    line++;
  }
}

interface CsvErrorLike {
  code?: string;
  message?: string;
  lines?: number;
}

/**
 * Parse CSV text into records, mending what a clerk's file gets wrong: line endings mixed within one file
 * (\r\n, \n and \r are all record ends), a quote opened and never closed (that line is read again with the
 * quote as a plain character, and parsing goes on on the next line), NUL characters (dropped). Refuses, with
 * the line, a cell, a line or a record over the limits, and parsing that makes no progress for maxMillis (a
 * batch of records, one repair: ProgressGuard, clock `now`).
 */
export function parseCsvRecords(
  text: string,
  delimiter: string,
  limitsIn: Partial<CsvLimits> = {},
  repairs: CsvRepair[] = [],
  now: () => number = Date.now,
): string[][] {
  const limits = { ...DEFAULT_CSV_LIMITS, ...limitsIn };
  const guard = new ProgressGuard(limits.maxMillis, now);
  const progress = (line: number): void => {
    try {
      guard.progress();
    } catch (e) {
      if (!(e instanceof LimitExceeded)) throw e;
      throw new CsvReadError(`no progress for ${e.actual} ms`, line, 'maxMillis', e.actual, limits.maxMillis);
    }
  };
  if (text.includes('\0')) {
    const lines = text.split(LINE_BREAK);
    for (let i = 0; i < lines.length && repairs.length < 1000; i++) if (lines[i]!.includes('\0')) repairs.push({ kind: 'nul', line: i + 1 });
    text = text.replace(/\0/g, '');
  }
  checkLineLengths(text, limits, 0);
  const out: string[][] = [];
  let lineOffset = 0; // physical lines consumed before `rest`
  let rest = text;
  let first = true;
  for (let attempt = 0; ; attempt++) {
    progress(lineOffset + 1);
    let lastLine = 0;
    let count = 0;
    const part: string[][] = [];
    try {
      parse(rest, {
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        bom: first,
        // csv-parse's bound is on the whole record: a memory guard only; each cell is checked below
        max_record_size: Math.max(limits.maxCellChars, limits.maxLineChars),
        on_record: (rec: string[], ctx: { lines: number }) => {
          lastLine = ctx.lines;
          for (const cell of rec) {
            if (cell.length > limits.maxCellChars) {
              throw new CsvReadError(`cell over ${limits.maxCellChars} characters`, lineOffset + ctx.lines, 'maxCellChars', cell.length, limits.maxCellChars);
            }
          }
          if (rec.length > limits.maxColumns) {
            throw new CsvReadError(`${rec.length} cells > maxColumns ${limits.maxColumns}`, lineOffset + ctx.lines, 'maxColumns', rec.length, limits.maxColumns);
          }
          if ((++count & 4095) === 0) progress(lineOffset + ctx.lines);
          part.push(rec);
          return null;
        },
      });
      for (const r of part) out.push(r);
      return out;
    } catch (e) {
      if (e instanceof CsvReadError) throw e;
      const err = e as CsvErrorLike;
      if (err.code === 'CSV_MAX_RECORD_SIZE') {
        const size = Math.max(limits.maxCellChars, limits.maxLineChars);
        throw new CsvReadError(`record over ${size} characters`, lineOffset + (err.lines ?? lastLine + 1), 'maxLineChars', size + 1, size);
      }
      if (err.code !== 'CSV_QUOTE_NOT_CLOSED' || attempt > 10_000) {
        throw new CsvReadError(err.message ?? String(e), lineOffset + (err.lines ?? lastLine + 1));
      }
      // the record after the last good one opened a quote that never closes: read its first line with
      // quotes as plain characters, then go on parsing normally from the line after it
      for (const r of part) out.push(r);
      const badLine = lastLine + 1;
      const from = offsetOfLine(rest, badLine);
      const to = offsetOfLine(rest, badLine + 1);
      const lineText = rest.slice(from, to).replace(/\r\n$|\n$|\r$/, '');
      repairs.push({ kind: 'quote-not-closed', line: lineOffset + badLine });
      const plain = parse(lineText, { delimiter, quote: false, relax_column_count: true, bom: first && badLine === 1 }) as string[][];
      out.push(plain[0] ?? []);
      rest = rest.slice(to);
      lineOffset += badLine;
      first = false;
      if (rest === '') return out;
    }
  }
}

/** Parse CSV text into a one-sheet grid. Record i (1-based, header included) is rows[i-1]. */
export function csvToSheet(text: string, delimiter: string, name: string, limits: Partial<CsvLimits> = {}, repairs: CsvRepair[] = [], now?: () => number): RawSheet {
  const records = parseCsvRecords(text, delimiter, limits, repairs, now);
  const rows: (RawCell | undefined)[][] = records.map((rec) =>
    rec.map((v) => (v === '' ? undefined : ({ text: v, kind: 'string' } as RawCell))),
  );
  return { name, rows, merges: [] };
}

/** How the repairs are shown in `detected` (--explain and the JSON report). */
export function describeRepairs(repairs: CsvRepair[]): Detected {
  if (repairs.length === 0) return {};
  const lines = (kind: CsvRepair['kind']) =>
    repairs
      .filter((r) => r.kind === kind)
      .slice(0, 20)
      .map((r) => r.line);
  const out: Detected = {};
  const quotes = lines('quote-not-closed');
  if (quotes.length) out.unclosedQuote = { value: quotes.join(','), reason: 'quote-not-closed: read as a plain character on these lines' };
  const nul = lines('nul');
  if (nul.length) out.nul = { value: nul.join(','), reason: 'nul-removed: NUL characters dropped on these lines' };
  return out;
}

export interface CsvRead {
  sheet: RawSheet;
  detected: Detected;
  /** What was mended, by line (also summarised in `detected`). */
  repairs: CsvRepair[];
}

export function readCsvBuffer(buf: Buffer, name: string, forced?: EncodingName, limitsIn: Partial<CsvLimits> = {}, now?: () => number): CsvRead {
  const limits = { ...DEFAULT_CSV_LIMITS, ...limitsIn };
  if (buf.length > limits.maxFileBytes) {
    throw new CsvReadError(`file of ${buf.length} bytes > maxFileBytes ${limits.maxFileBytes}`, undefined, 'maxFileBytes', buf.length, limits.maxFileBytes);
  }
  const decoded = decodeText(buf, forced);
  const delimiter = sniffDelimiter(decoded.text);
  const repairs: CsvRepair[] = [];
  const sheet = csvToSheet(decoded.text, delimiter.value, name, limits, repairs, now);
  return {
    sheet,
    repairs,
    detected: {
      encoding: { value: decoded.encoding, reason: decoded.reason },
      delimiter: { value: DELIMITER_NAMES[delimiter.value] ?? delimiter.value, reason: delimiter.reason },
      ...describeRepairs(repairs),
    },
  };
}
