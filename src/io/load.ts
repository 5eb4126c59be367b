// Reads one file into grids (xlsx, csv, or .xls/.et/.ods/.xlsb through the legacy reader), or says exactly why it cannot: the only place that opens inputs.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileProblemId } from '../core/file-problems.js';
import type { Detected, RawSheet, SourceFormat } from '../core/model.js';
import { CsvReadError, type EncodingName, readCsvBuffer } from './csv.js';
import { DEFAULT_LIMITS, LimitExceeded, type ReadLimits } from './limits.js';
import { type Sniffed, sniff } from './sniff.js';
import { SPREADSHEET_EXTENSIONS, type FoundFile } from './walk.js';
import type { LegacyKind, LegacyRead } from './legacy.js';
import { notesDetected } from './read-notes.js';
import { readXlsxBuffer } from './xlsx.js';
import { XlsxError } from './xlsx-reader.js';
import { ZipError } from './zip.js';

export interface ReadFailure {
  rule: FileProblemId;
  messageId: string;
  data?: Record<string, string | number>;
}

export interface LoadedFile {
  file: string;
  abs: string;
  format?: SourceFormat;
  sheets: RawSheet[];
  detected: Detected;
  failure?: ReadFailure;
  /** The workbook's keywords (docProps/core.xml): fupin's outputs carry their mark there. */
  keywords?: string;
}

export interface LoadOptions {
  encoding?: EncodingName;
  /** Refuse files larger than this many bytes (a register is a few hundred KB). Same as limits.maxFileBytes. */
  maxBytes?: number;
  /** What a file may make fupin do (--max-… flags); the rest from DEFAULT_LIMITS. */
  limits?: Partial<ReadLimits>;
  /** Read it as a text table whatever its extension (its content was seen to be text). */
  text?: boolean;
  /** The clock the progress guard (the time limit) reads; tests make it slow. */
  now?: () => number;
  /**
   * Hold xlsx worksheets compactly (RawSheet.lean), for a reader that goes through their rows once (the ledger, rosters).
   * Such sheets are class instances: they do not survive a structured clone (postMessage) — send grids across threads.
   */
  lean?: boolean;
}


/** A limit's figures as a clerk reads them: sizes in MB, times in seconds. */
export function limitFigures(limit: keyof ReadLimits, actual: number, allowed: number): { actual: string; allowed: string } {
  if (limit === 'maxFileBytes' || limit === 'maxUncompressedBytes') {
    const mb = (n: number) => `${n >= 10 * 1048576 ? Math.round(n / 1048576) : (n / 1048576).toFixed(1)} MB`;
    return { actual: mb(actual), allowed: mb(allowed) };
  }
  if (limit === 'maxMillis') return { actual: `${(actual / 1000).toFixed(1)} 秒/s`, allowed: `${allowed / 1000} 秒/s` };
  return { actual: String(actual), allowed: String(allowed) };
}

/** A limit hit → the file problem a clerk sees (file-limit, the limit's figures as a clerk reads them). */
export function limitFailure(e: LimitExceeded): ReadFailure {
  return { rule: 'file-limit', messageId: e.limit, data: limitFigures(e.limit, e.actual, e.allowed) };
}

/** An xlsx reader's refusal → the file problem a clerk sees. Anything else (a bug) is still answered, as damage. */
export function xlsxFailure(e: unknown): ReadFailure {
  if (e instanceof LimitExceeded) return limitFailure(e);
  if (e instanceof ZipError) {
    switch (e.code) {
      case 'encrypted':
        return { rule: 'file-encrypted', messageId: 'zip', data: { detail: e.detail } };
      case 'method':
        return { rule: 'file-corrupt', messageId: 'zip-method', data: { detail: e.detail } };
      case 'zip64':
      case 'multi-disk':
        return { rule: 'file-corrupt', messageId: 'zip64', data: { detail: e.detail } };
      default:
        return { rule: 'file-corrupt', messageId: 'truncated', data: { detail: e.detail } };
    }
  }
  if (e instanceof XlsxError) {
    return e.code === 'xml'
      ? { rule: 'file-corrupt', messageId: 'xml', data: { detail: e.detail.slice(0, 160) } }
      : { rule: 'file-corrupt', messageId: 'no-sheets' };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { rule: 'file-corrupt', messageId: 'truncated', data: { detail: msg.slice(0, 120) } };
}

/** How a clerk names the format in a message: the file's own extension when it is one of these, else the usual one. */
function legacyLabel(kind: LegacyKind, ext: string): string {
  const known: Record<LegacyKind, string[]> = { xls: ['.xls', '.xlt', '.et', '.ett'], ods: ['.ods'], xlsb: ['.xlsb'] };
  return known[kind].includes(ext) ? ext : `.${kind}`;
}

/** The legacy reader's refusal → the file problem a clerk sees. */
async function legacyFailure(e: unknown, format: string): Promise<ReadFailure> {
  const { LegacyError, WORKER_HEAP_MB } = await import('./legacy.js');
  if (e instanceof LegacyError) {
    switch (e.code) {
      case 'encrypted':
        return { rule: 'file-encrypted', messageId: 'encrypted' };
      case 'memory':
        return { rule: 'file-limit', messageId: 'memory', data: { format, allowed: `${WORKER_HEAP_MB} MB` } };
      case 'unavailable':
        return { rule: 'file-unsupported', messageId: 'reader', data: { format, detail: e.detail } };
      default:
        return { rule: 'file-corrupt', messageId: 'legacy', data: { format, detail: e.detail } };
    }
  }
  return xlsxFailure(e);
}

/** The formats read through the legacy reader (src/io/legacy.ts), by what the bytes are. */
export const LEGACY_OF: Partial<Record<Sniffed['kind'], LegacyKind>> = { 'ole2-legacy': 'xls', biff: 'xls', ods: 'ods', xlsb: 'xlsb' };

/**
 * A workbook's bytes as .xlsx, for the writers that copy it (annotated and fixed copies are made with exceljs, which
 * reads .xlsx only): the file itself, or for an .xls/.et/.ods/.xlsb the library's .xlsx copy of it, with the format
 * it came from (`from`: the copy is named .xlsx and the writer says so). Throws what the readers throw.
 */
export async function xlsxBytesOf(abs: string, limits?: Partial<ReadLimits>): Promise<{ bytes: Buffer; from?: string }> {
  const bytes = await readFile(abs);
  const legacy = LEGACY_OF[sniff(bytes).kind];
  if (!legacy) return { bytes };
  const { legacyAsXlsx } = await import('./legacy.js');
  return { bytes: await legacyAsXlsx(bytes, legacy, { ...DEFAULT_LIMITS, ...limits }), from: legacyLabel(legacy, path.extname(abs).toLowerCase()) };
}

/** Files up to this size are read into one buffer used again and again (`reuse`); larger ones into their own. */
const SCRATCH_MAX = 1024 * 1024;
let scratch: Buffer | undefined;

/**
 * Exactly `size` bytes of an open file (fewer when it shrank meanwhile), as readFileSync reads a regular file; into the
 * scratch buffer when `reuse`. A size of 0 (a file the system cannot size: a pipe, /proc) is read to its end.
 */
function readOpen(fd: number, size: number, reuse: boolean, maxBytes: number): Buffer | ReadFailure {
  if (size === 0) return readToEnd(fd, maxBytes);
  if (size > SCRATCH_MAX || !reuse) return readFileSync(fd);
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 64 * 1024, Math.min(SCRATCH_MAX, 2 * (scratch?.length ?? 0))));
  let got = 0;
  while (got < size) {
    const n = readSync(fd, scratch, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  return scratch.subarray(0, got);
}

/**
 * A file the system gives no size (a pipe, a device, /proc): read in chunks to its end, and refused past `maxBytes`
 * (/dev/zero never ends: it must become a file-limit, not a heap that grows until the process dies).
 */
function readToEnd(fd: number, maxBytes: number): Buffer | ReadFailure {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    total += n;
    if (total > maxBytes) return limitFailure(new LimitExceeded('maxFileBytes', total, maxBytes));
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
}

/**
 * A file's bytes, without ever writing or locking it: blocking calls — one open, stat, read and close, without four
 * trips through libuv's thread pool, each a wait of the main thread (the province's 137 registers: ~0.3 s of idle main
 * thread awaiting them one by one; a 12 KB file reads in microseconds). Both the main thread and the parse workers read
 * so; nothing else runs meanwhile in either (the pool's watchdog takes what its workers said first). `before` sees the
 * size first and may leave the file unread (its answer is returned instead).
 *
 * `reuse`: a small file is read into a buffer shared by every such read (a fresh 12 KB buffer per file cost the 2,000-file
 * folder ~0.1 s of page faults): the bytes are good only until the next reusing read — parse them before any await, and
 * copy what must outlive that (loadFile copies what goes to the legacy worker).
 */
export function readBytesSync<T>(abs: string, maxBytes: number, before?: (size: number) => T | undefined, reuse = false): Buffer | ReadFailure | T {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const { size } = fstatSync(fd);
    if (size > maxBytes) return limitFailure(new LimitExceeded('maxFileBytes', size, maxBytes));
    const instead = before?.(size);
    if (instead !== undefined) return instead;
    return readOpen(fd, size, reuse, maxBytes);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { rule: 'file-unreadable', messageId: 'io', data: { detail: err.code ?? err.message } };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // closed or gone: nothing to do
      }
    }
  }
}

export const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/** A file read as a text table by its name (and streamed by read-ledger when big): the parse workers leave those to it. */
export function textByName(ext: string, explicit: boolean): boolean {
  return TEXT_EXTENSIONS.has(ext) || (explicit && ext === '');
}

/** Text with a few NUL bytes in it, not a binary file: under 1 % NULs and other control bytes in the first 8 KB. */
function mostlyText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) bad++;
  }
  return bad / n < 0.01;
}

/** The limits a load keeps: DEFAULT_LIMITS, then maxBytes, then the limits given. */
function loadLimits(opts: LoadOptions): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(opts.maxBytes ? { maxFileBytes: opts.maxBytes } : {}), ...opts.limits };
}

export async function loadFile(found: FoundFile, opts: LoadOptions = {}): Promise<LoadedFile> {
  const bytes = readBytesSync<never>(found.abs, loadLimits(opts).maxFileBytes, undefined, true);
  if (!Buffer.isBuffer(bytes)) return { file: found.display, abs: found.abs, sheets: [], detected: {}, failure: bytes };
  // the bytes are the shared scratch buffer: xlsx and text are parsed before loadBytes first awaits; the legacy reader
  // awaits its worker with them, so it gets a copy of its own. Sniffed once (a zip's directory is read for it).
  const kind = sniff(bytes);
  return loadBytes(found, LEGACY_OF[kind.kind] ? Buffer.from(bytes) : bytes, opts, kind);
}

/**
 * The bytes of a file (read by readBytesSync) into grids, or why not: loadFile's work after the read (the parse workers
 * do it too). `sniffed`: what sniff(bytes) said, when the caller asked already.
 */
export async function loadBytes(found: FoundFile, bytes: Buffer, opts: LoadOptions = {}, sniffed?: Sniffed): Promise<LoadedFile> {
  const base: LoadedFile = { file: found.display, abs: found.abs, sheets: [], detected: {} };
  const limits = loadLimits(opts);
  const ext = path.extname(found.abs).toLowerCase();
  const kind = sniffed ?? sniff(bytes);
  base.detected.format = { value: kind.kind, reason: 'content' };

  const fail = (rule: FileProblemId, messageId: string, data?: Record<string, string | number>): LoadedFile => ({
    ...base,
    failure: { rule, messageId, ...(data ? { data } : {}) },
  });

  const readAsCsv = (): LoadedFile => {
    try {
      const { sheet, detected } = readCsvBuffer(bytes, path.basename(found.abs, ext), opts.encoding, {
        maxFileBytes: limits.maxFileBytes,
        maxCellChars: limits.maxCellChars,
        maxMillis: limits.maxMillis,
      }, opts.now);
      return { ...base, format: 'csv', sheets: [sheet], detected: { ...base.detected, ...detected } };
    } catch (e) {
      if (!(e instanceof CsvReadError)) throw e;
      if (e.limit && e.actual !== undefined && e.allowed !== undefined) {
        const figures = e.limit in DEFAULT_LIMITS ? limitFigures(e.limit as keyof ReadLimits, e.actual, e.allowed) : { actual: String(e.actual), allowed: String(e.allowed) };
        const messageId = e.limit === 'maxCellChars' && e.line !== undefined ? 'maxCellCharsLine' : e.limit;
        return fail('file-limit', messageId, { ...figures, line: e.line ?? '?' });
      }
      return fail('file-corrupt', 'csv', { line: e.line ?? '?', detail: e.message });
    }
  };

  const noteDropped = (droppedMerges: string[] | undefined): void => {
    if (!droppedMerges?.length) return;
    base.detected.merges = {
      value: `${droppedMerges.length} merge(s) left out: ${droppedMerges.slice(0, 3).join(', ')}`,
      reason: `one merge covers more than ${limits.maxMergedCells} cells (--max-merged-cells): a crafted range, not a form`,
    };
  };

  /** .xls/.et, .ods, .xlsb: through the library in its worker (src/io/legacy.ts), loaded only now. */
  const readLegacy = async (legacy: LegacyKind): Promise<LoadedFile> => {
    const format = legacyLabel(legacy, ext);
    let read: LegacyRead;
    try {
      const { readLegacyBuffer, LEGACY_READER } = await import('./legacy.js');
      read = await readLegacyBuffer(bytes, legacy, limits);
      // reason: a code, said in words by --explain (report/why-legacy)
      base.detected.reader = { value: LEGACY_READER, reason: 'legacy' };
    } catch (e) {
      return { ...base, failure: await legacyFailure(e, format) };
    }
    if (read.sheets.length === 0) return fail('file-corrupt', 'legacy', { format, detail: 'no worksheet' });
    noteDropped(read.droppedMerges);
    Object.assign(base.detected, notesDetected(read.notes));
    // read like an .xlsx from here on: annotated and fixed copies are written as .xlsx (their note says so)
    return { ...base, format: 'xlsx', sheets: read.sheets };
  };

  switch (kind.kind) {
    case 'empty':
      return fail('file-empty', 'empty');
    case 'ole2-encrypted':
      return fail('file-encrypted', 'encrypted');
    case 'ole2-legacy':
    case 'biff':
      return readLegacy('xls');
    case 'ole2-other':
      return fail('file-unsupported', 'binary', { detail: 'OLE2' });
    case 'ods':
      return readLegacy('ods');
    case 'xlsb':
      return readLegacy('xlsb');
    case 'numbers':
      return fail('file-unsupported', 'numbers');
    case 'zip-other':
      return kind.detail === 'broken-zip'
        ? fail('file-corrupt', 'truncated', { detail: 'zip' })
        : fail('file-corrupt', 'not-xlsx', { ext: ext || '(无)', detail: kind.detail });
    case 'binary':
      // a .csv with NUL bytes in it (some exporters pad with them) is still read as text; the CSV reader drops them
      if (!TEXT_EXTENSIONS.has(ext) || !mostlyText(bytes)) {
        // named as a workbook fupin reads, yet not one inside: damaged, or another file renamed
        if (SPREADSHEET_EXTENSIONS.has(ext) && !TEXT_EXTENSIONS.has(ext)) return fail('file-unsupported', 'misnamed', { ext });
        return fail('file-unsupported', 'binary', { detail: ext || 'binary' });
      }
      return readAsCsv();
    case 'text': {
      if (!opts.text && !TEXT_EXTENSIONS.has(ext) && !(found.explicit && ext === '')) {
        const head = bytes.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
        if (head.startsWith('<')) return fail('file-unsupported', 'html', { ext });
        return fail('file-corrupt', 'text-as-xlsx', { ext });
      }
      return readAsCsv();
    }
    case 'xlsx': {
      try {
        const { sheets, droppedMerges, notes, keywords } = await readXlsxBuffer(bytes, limits, opts.now, opts.lean);
        if (sheets.length === 0) return fail('file-corrupt', 'no-sheets');
        noteDropped(droppedMerges);
        Object.assign(base.detected, notesDetected(notes));
        return { ...base, format: 'xlsx', sheets, ...(keywords ? { keywords } : {}) };
      } catch (e) {
        return { ...base, failure: xlsxFailure(e) };
      }
    }
  }
}
