// Reads .xls/.et (BIFF), .ods and .xlsb through SheetJS in a worker thread with a deadline, and turns what comes back
// into RawSheet grids by the xlsx reader's own rules (cell text, dates and times, merges, limits).
//
// Decisions:
// - The library (@e965/xlsx: SheetJS 0.20.3 as published on npm, with the fixes for CVE-2023-30533 and
//   CVE-2024-22363) is loaded only when such a file is met, in a worker: a parse that does not return within
//   --max-seconds is stopped (the worker is terminated, the file gets file-limit maxMillis) and one that needs more
//   than WORKER_HEAP_MB ends the worker, not fupin (file-limit memory). One worker serves a whole run; it is started
//   again after a file that stopped it. Only plain data crosses back (legacy-protocol.ts).
// - Limits around the library: the file size before anything is read; for the zip-based .ods/.xlsb the sizes the
//   zip declares (maxUncompressedBytes, maxCompressionRatio) before the library inflates anything; cells, cell text
//   and merges while the worker copies the cells out; merged cells here, exactly as for .xlsx.
// - Where the worker's code comes from: in a bundle, legacy-worker-code.ts carries the text of
//   dist/bundle/legacy-worker.cjs (scripts/bundle.mjs puts it there, in the lazily loaded chunk), and the worker is
//   started from that text (`eval`), so a one-file build (a Node single executable) needs no file beside it.
//   Unbundled (tsc output, tests) the text is read from that file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MergeRange, RawCell, RawSheet } from '../core/model.js';
import type { PlainBook, PlainCell, WorkerReply, WorkerRequest } from './legacy-protocol.js';
import { LEGACY_WORKER_CODE } from './legacy-worker-code.js';
import { LimitExceeded, type ReadLimits } from './limits.js';
import { isoCell, numberCell, numberFormat } from './number-format.js';
import { packageFile } from './package-root.js';
import type { ReadNotes } from './read-notes.js';
import { defaultTiering } from './tiering.js';
import { applyMerges, type MergeBudget } from './xlsx-reader.js';
import { RATIO_FLOOR, ZipArchive } from './zip.js';

/** What the library reads: OLE2/BIFF workbooks (.xls, .et, .xlt), OpenDocument (.ods) and Excel binary (.xlsb). */
export type LegacyKind = 'xls' | 'ods' | 'xlsb';

/** Heap of the worker: a 50,000-row .xls needs ~150 MiB in the library; 10× that is no register. */
export const WORKER_HEAP_MB = 1536;

/** The library, as the worker bundle carries it (shown by --explain). */
export const LEGACY_READER = 'SheetJS 0.20.3 (@e965/xlsx)';

/** Why the library gave no workbook. */
export class LegacyError extends Error {
  constructor(
    readonly code: 'encrypted' | 'corrupt' | 'memory' | 'unavailable',
    readonly detail: string,
  ) {
    super(`legacy ${code}: ${detail}`);
    this.name = 'LegacyError';
  }
}

export interface LegacyRead {
  sheets: RawSheet[];
  date1904: boolean;
  /** Merges left out because one alone covers more than the limit (`Sheet1!A1:XFD1048576`). */
  droppedMerges: string[];
  notes: ReadNotes;
}

// ── the worker ───────────────────────────────────────────────────────────────────────────────

/** The worker's code: inlined by the bundle, else the file the build writes. */
function workerCode(): string {
  if (LEGACY_WORKER_CODE !== undefined) return LEGACY_WORKER_CODE;
  const file = packageFile('dist', 'bundle', 'legacy-worker.cjs');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new LegacyError('unavailable', `${path.basename(file)} not built (npm run build)`);
  }
}

function startWorker(): Worker {
  // the worker silences its own console and stdout (the library's warnings are not fupin's output)
  defaultTiering();
  return new Worker(workerCode(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

let worker: Worker | undefined;
let nextId = 0;
/** One file at a time: the worker holds one parse. */
let queue: Promise<unknown> = Promise.resolve();

function stopWorker(w: Worker): void {
  if (worker === w) worker = undefined;
  void w.terminate().catch(() => undefined);
}

type Answer = { book: PlainBook } | { xlsx: Uint8Array };

/** Run one job in the worker; rejects at the deadline (LimitExceeded maxMillis), on a crash or on a refusal. */
function inWorker(job: WorkerRequest['job'], bytes: Buffer, limits: ReadLimits): Promise<Answer> {
  const run = queue.then(
    () =>
      new Promise<Answer>((resolve, reject) => {
        let w: Worker;
        try {
          w = worker ??= startWorker();
        } catch (e) {
          reject(e instanceof LegacyError ? e : new LegacyError('unavailable', e instanceof Error ? e.message : String(e)));
          return;
        }
        const id = ++nextId;
        const started = Date.now();
        const done = (): void => {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          w.unref(); // an idle worker never keeps fupin running
        };
        const onMessage = (reply: WorkerReply): void => {
          if (reply.id !== id) return;
          done();
          if (reply.ok) resolve('book' in reply ? { book: reply.book } : { xlsx: reply.xlsx });
          else if (reply.error.code === 'limit' && reply.error.limit) {
            reject(new LimitExceeded(reply.error.limit, reply.error.actual ?? 0, reply.error.allowed ?? 0));
          } else reject(new LegacyError(reply.error.code === 'encrypted' ? 'encrypted' : 'corrupt', reply.error.detail));
        };
        const onError = (e: Error & { code?: string }): void => {
          done();
          stopWorker(w);
          reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new LegacyError('memory', `${WORKER_HEAP_MB} MB`) : new LegacyError('corrupt', e.message.slice(0, 160)));
        };
        const onExit = (code: number): void => {
          done();
          stopWorker(w);
          reject(new LegacyError('corrupt', `reader stopped (${code})`));
        };
        const timer = setTimeout(() => {
          done();
          stopWorker(w);
          reject(new LimitExceeded('maxMillis', Date.now() - started, limits.maxMillis));
        }, limits.maxMillis);
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        w.ref();
        const copy = new Uint8Array(bytes); // the worker gets its own copy, moved, not shared
        const req: WorkerRequest = { id, job, bytes: copy, limits: { maxCells: limits.maxCells, maxCellChars: limits.maxCellChars, maxMerges: limits.maxMerges } };
        w.postMessage(req, [copy.buffer]);
      }),
  );
  queue = run.catch(() => undefined);
  return run;
}

// ── limits the library does not keep ─────────────────────────────────────────────────────────

/** An .ods/.xlsb is a zip: its declared sizes are checked before the library inflates anything. Throws ZipError or LimitExceeded. */
function checkZip(bytes: Buffer, limits: ReadLimits): void {
  const zip = ZipArchive.open(bytes, limits);
  let total = 0;
  for (const e of zip.entries()) {
    total += e.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw new LimitExceeded('maxUncompressedBytes', total, limits.maxUncompressedBytes);
    if (e.uncompressedSize > RATIO_FLOOR) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > limits.maxCompressionRatio) throw new LimitExceeded('maxCompressionRatio', Math.round(ratio), limits.maxCompressionRatio);
    }
  }
}

// ── plain data → grids ───────────────────────────────────────────────────────────────────────

/** BIFF error codes as Excel shows them. */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** One cell as the xlsx reader would give it: the same text for numbers, dates, times and durations. */
export function legacyCell(c: PlainCell, date1904: boolean): RawCell | undefined {
  const [t, v, z] = c;
  switch (t) {
    case 'n': {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) return undefined;
      const fmt = z ? numberFormat(z) : undefined;
      return numberCell(n, z, fmt?.temporal ? fmt : undefined, date1904);
    }
    case 'b':
      return { text: v ? 'TRUE' : 'FALSE', kind: 'boolean', raw: Boolean(v) };
    case 'e':
      return { text: typeof v === 'number' ? (ERROR_TEXT[v] ?? '#N/A') : String(v), kind: 'error' };
    case 'd': {
      const fmt = z ? numberFormat(z) : undefined;
      return isoCell(String(v), z, fmt?.temporal ? fmt : undefined, date1904);
    }
    default: {
      const s = String(v);
      if (s === '') return undefined;
      return z ? { text: s, kind: 'string', numFmt: z } : { text: s, kind: 'string' };
    }
  }
}

function toGrids(book: PlainBook, limits: ReadLimits): LegacyRead {
  const budget: MergeBudget = { mergedCells: 0, dropped: [] };
  const sheets: RawSheet[] = [];
  const skipped: NonNullable<ReadNotes['skippedSheets']> = [];
  for (const s of book.sheets) {
    const rows: (RawCell | undefined)[][] = [];
    let cells = 0;
    for (let r = 0; r < s.rows.length; r++) {
      const src = s.rows[r];
      if (!src) continue;
      const out: (RawCell | undefined)[] = [];
      for (let c = 0; c < src.length; c++) {
        const p = src[c];
        const cell = p ? legacyCell(p, book.date1904) : undefined;
        if (cell) {
          out[c] = cell;
          cells++;
        }
      }
      rows[r] = out;
    }
    if (s.kind !== 'sheet') {
      skipped.push({ name: s.name, kind: s.kind, cells });
      continue;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const written: MergeRange[] = [];
    for (let i = 0; i + 3 < s.merges.length; i += 4) {
      written.push({ top: s.merges[i]!, left: s.merges[i + 1]!, bottom: s.merges[i + 2]!, right: s.merges[i + 3]! });
    }
    const merges = applyMerges(rows, written, s.name, limits.maxMergedCells, budget);
    sheets.push({ name: s.name, rows, merges, ...(s.hidden ? { hidden: true } : {}) });
  }
  return { sheets, date1904: book.date1904, droppedMerges: budget.dropped, notes: skipped.length ? { skippedSheets: skipped } : {} };
}

/**
 * Read an .xls/.et, .ods or .xlsb workbook from bytes. Throws LimitExceeded, ZipError (a broken .ods/.xlsb zip) or
 * LegacyError; never anything from the library itself.
 */
export async function readLegacyBuffer(bytes: Buffer, kind: LegacyKind, limits: ReadLimits): Promise<LegacyRead> {
  if (kind !== 'xls') checkZip(bytes, limits);
  const answer = await inWorker('read', bytes, limits);
  if (!('book' in answer)) throw new LegacyError('corrupt', 'no workbook');
  return toGrids(answer.book, limits);
}

/**
 * The workbook written again as .xlsx by the library, for annotated and fixed copies (exceljs writes those and reads
 * only .xlsx): values, formulas, merges, number formats and column widths, not fonts or fills. Same limits and errors.
 */
export async function legacyAsXlsx(bytes: Buffer, kind: LegacyKind, limits: ReadLimits): Promise<Buffer> {
  if (kind !== 'xls') checkZip(bytes, limits);
  const answer = await inWorker('xlsx', bytes, limits);
  if (!('xlsx' in answer)) throw new LegacyError('corrupt', 'no workbook');
  return Buffer.from(answer.xlsx.buffer, answer.xlsx.byteOffset, answer.xlsx.byteLength);
}
