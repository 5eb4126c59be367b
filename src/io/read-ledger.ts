// Reads the inputs of a command into a Ledger: walks the paths, loads each file (a grid, or a big CSV's rows one by one) and
// hands it to the core's LedgerBuilder, which decides what it is. Files in folders are read by their content, whatever
// their extension; what is no table at all is named with what it looks like, never dropped without a word.
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LedgerBuilder, type SourceFile, type VisitorSpec } from '../core/ledger/builder.js';
import type { Ledger, PassedOver } from '../core/ledger/model.js';
import { parseMark } from '../core/ledger/own-output.js';
import type { DivisionIndex } from '../core/divisions.js';
import type { Msg, Problem } from '../core/model.js';
import { OrgRegistry, registryFromRows } from '../core/orgs.js';
import type { ProvinceProfile } from '../core/profile.js';
import { USUAL_BREAK } from '../core/register.js';
import { csvToSheet, decodeText, type EncodingName, sniffDelimiter } from './csv.js';
import { NotStreamable, streamCsvRows } from './csv-stream.js';
import { InputError } from './errors.js';
import { DEFAULT_LIMITS, LimitExceeded, type ReadLimits } from './limits.js';
import { limitFailure, type LoadedFile, loadFile, textByName } from './load.js';
import { ParsePool } from './parse-pool.js';
import { sniff } from './sniff.js';
import { defaultTiering } from './tiering.js';
import { walkInputs, type FoundFile, type WalkSkipped } from './walk.js';

export interface ReadLedgerOptions {
  profile: ProvinceProfile;
  /** What each register's rows go through, made once the org registry is known (the rules need it). */
  visitors?: (registry: OrgRegistry | undefined) => readonly VisitorSpec[];
  encoding?: EncodingName;
  /** --area: the area of every register read. */
  area?: string;
  /** Read limits given on the command line (--max-…); the rest stay at DEFAULT_LIMITS. */
  limits?: Partial<ReadLimits>;
  /** --orgs: the org registry; otherwise orgs.csv at the top of a folder given. */
  orgs?: string;
  /** Called after each file (progress). */
  onFile?: (done: number, total: number, file: string) => void;
  /** Rows read so far in a large text file read as a stream (every few thousand rows). */
  onRows?: (file: string, n: number) => void;
  /** Smallest CSV read record by record (default STREAM_CSV_FROM). */
  streamCsvFrom?: number;
  /** A CSV that was to be streamed was read whole after all, and why (tests, --explain). */
  onStreamFallback?: (file: string, why: string) => void;
  /** The working folder paths are resolved from (default the process's). */
  cwd?: string;
  /** Rosters and focus lists (absolute paths) given as such: when met among the inputs they are that, not registers. */
  lists?: ReadonlyMap<string, 'roster' | 'focus-list'>;
  /** The clock the readers' progress guard (the time limit) reads; tests make it slow. */
  now?: () => number;
}

export interface ReadLedgerResult {
  ledger: Ledger;
  /** Inputs that do not exist. */
  missing: string[];
}

/** CSV files this large or larger are read record by record; below it the whole grid is small and reading it whole is as fast. */
export const STREAM_CSV_FROM = 1024 * 1024;

/** Ledger files that are not tables: never read as one, never listed as passed over. */
const LEDGER_FILES = new Set(['fupin.config.json', 'orgs.csv', 'readme.md', '.gitattributes', '.gitlab-ci.yml']);

/** Extensions of text tables: a CSV that holds no register is a finding; other text files that hold none are notes. */
const TABLE_TEXT = new Set(['.csv']);

async function head(abs: string, n = 8192): Promise<Buffer | undefined> {
  try {
    const fh = await open(abs, 'r');
    try {
      const b = Buffer.alloc(n);
      const { bytesRead } = await fh.read(b, 0, n, 0);
      return b.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

/** What a file that is no table looks like, from its first bytes and its name. */
function whatItIs(bytes: Buffer, ext: string): Msg {
  const s = sniff(bytes);
  const latin = bytes.subarray(0, 8).toString('latin1');
  if (s.kind === 'empty') return { id: 'passed/empty' };
  if (s.kind === 'zip-other' && s.detail === 'docx') return { id: 'passed/word' };
  if (s.kind === 'zip-other' && s.detail === 'pptx') return { id: 'passed/slides' };
  if (s.kind === 'ole2-other') return { id: ext === '.ppt' ? 'passed/slides' : 'passed/word' };
  if (latin.startsWith('%PDF')) return { id: 'passed/pdf' };
  if (latin.startsWith('\x89PNG') || latin.startsWith('\xff\xd8\xff') || latin.startsWith('GIF8') || latin.startsWith('BM') || latin.slice(0, 4) === 'RIFF') return { id: 'passed/image' };
  if (s.kind === 'zip-other' || latin.startsWith('Rar!') || latin.startsWith('7z\xbc\xaf')) return { id: 'passed/archive' };
  if (s.kind === 'text') return { id: 'passed/text-note' };
  return { id: 'passed/other', data: { ext: ext || '—' } };
}

async function readRegistry(file: string, encoding: EncodingName | undefined, divisions: DivisionIndex): Promise<{ registry: OrgRegistry; problems: Problem[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError({ id: 'input/orgs-unreadable', data: { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) } });
  }
  const decoded = decodeText(bytes, encoding);
  const sheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, 'orgs');
  const { registry, problems } = registryFromRows(sheet.rows.map((r) => Array.from(r, (c) => c?.text ?? '')), divisions);
  return { registry, problems: problems.map((p) => ({ ...p, data: { ...p.data, file: path.basename(file) } })) };
}

export async function readLedger(inputs: readonly string[], opts: ReadLedgerOptions): Promise<ReadLedgerResult> {
  const { profile } = opts;
  const cwd = opts.cwd ?? process.cwd();
  const walk = await walkInputs([...inputs], cwd);
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...opts.limits };

  // the org registry: --orgs, else orgs.csv at the top of a folder given
  let registryFile = opts.orgs ? path.resolve(cwd, opts.orgs) : undefined;
  if (!registryFile) registryFile = walk.files.find((f) => !f.explicit && path.basename(f.abs).toLowerCase() === 'orgs.csv' && !f.display.includes('/'))?.abs;
  const reg = registryFile ? await readRegistry(registryFile, opts.encoding, profile.divisions) : undefined;

  const builder = new LedgerBuilder({ profile, ...(opts.area ? { area: opts.area } : {}), visitors: opts.visitors?.(reg?.registry) ?? [] });
  const todo: Todo[] = [
    ...walk.files.filter((f) => f.explicit || !LEDGER_FILES.has(path.basename(f.abs).toLowerCase())).map((found) => ({ found, spreadsheet: true })),
  ];
  // files in folders without a spreadsheet's extension: read when their content is a table (Excel's "Unicode 文本"
  // export is a UTF-16 .txt), named with what they are otherwise
  for (const found of walk.others) {
    if (!LEDGER_FILES.has(path.basename(found.abs).toLowerCase())) todo.push({ found, spreadsheet: false });
  }
  // second names of files already met (links) and links to nothing: said where they were met, never read
  for (const s of walk.skipped) todo.push({ found: { abs: '', display: s.display, explicit: false, seq: s.seq }, spreadsheet: false, skipped: s });
  todo.sort((a, b) => (a.found.seq ?? 0) - (b.found.seq ?? 0));

  // the spreadsheets are read and parsed ahead by worker threads when that wins (src/io/parse-pool.ts); taken in this order
  const pooled = todo.flatMap(({ found, spreadsheet }, index) => (spreadsheet && !opts.lists?.has(found.abs) ? [{ index, found }] : []));
  const pool = opts.now ? undefined : await ParsePool.open(pooled, { ...(opts.encoding ? { encoding: opts.encoding } : {}), limits, streamFrom: opts.streamCsvFrom ?? STREAM_CSV_FROM });
  try {
    await readEach(todo, builder, opts, limits, pool);
  } finally {
    pool?.close();
  }

  const ledger = builder.finish({
    ...(reg ? { registry: reg.registry, registryFile, registryProblems: reg.problems } : { registryProblems: [] }),
  });
  return { ledger, missing: walk.missing };
}

type Todo = { found: FoundFile; spreadsheet: boolean; skipped?: WalkSkipped };

/**
 * The longest readEach works without letting the event loop turn: files are read with blocking calls, so without a turn
 * now and then a folder of thousands would hold off timers, signal handlers (Ctrl-C's clean-up) and, under `fupin
 * serve`, every other request until its last file.
 */
const TURN_EVERY_MS = 50;

async function readEach(todo: Todo[], builder: LedgerBuilder, opts: ReadLedgerOptions, limits: ReadLimits, pool: ParsePool | undefined): Promise<void> {
  let done = 0;
  let turned = Date.now();
  for (const [index, { found, spreadsheet, skipped }] of todo.entries()) {
    if (Date.now() - turned >= TURN_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turned = Date.now();
    }
    if (skipped) {
      builder.passOver(skipped.display, { id: `passed/${skipped.why}`, ...(skipped.sameAs !== undefined ? { data: { file: skipped.sameAs } } : {}) });
      opts.onFile?.(++done, todo.length, found.display);
      continue;
    }
    const src: SourceFile = { file: found.display, abs: found.abs, pathSegments: found.abs.split(path.sep).filter(Boolean), explicit: found.explicit };
    const list = opts.lists?.get(found.abs);
    if (list) {
      builder.addList(src, list);
      opts.onFile?.(++done, todo.length, found.display);
      continue;
    }
    const ext = path.extname(found.abs).toLowerCase();
    const add = (loaded: LoadedFile, note?: PassedOver['why']): void => {
      if (loaded.failure) builder.addFailure(src, loaded.failure, loaded.detected);
      else builder.addGrid(src, loaded.sheets, loaded.detected, loaded.format ?? 'xlsx', parseMark(loaded.keywords), found.explicit || TABLE_TEXT.has(ext) ? undefined : note);
    };
    const ahead = pool && (await pool.take(index));
    if (ahead) {
      add(ahead);
      opts.onFile?.(++done, todo.length, found.display);
      continue;
    }
    let asText = false;
    let note: PassedOver['why'] | undefined;
    if (!spreadsheet) {
      const bytes = (await head(found.abs)) ?? Buffer.alloc(0);
      const kind = sniff(bytes).kind;
      const what = whatItIs(bytes, ext);
      // a PDF or a picture may pass for text in its first bytes: its signature decides first
      if (['passed/pdf', 'passed/image'].includes(what.id)) {
        builder.passOver(found.display, what);
        opts.onFile?.(++done, todo.length, found.display);
        continue;
      }
      if (kind === 'text' && bytes.length > 0) {
        asText = true;
        note = { id: 'passed/text-note' };
      } else if (!['xlsx', 'xlsb', 'ods', 'ole2-legacy', 'ole2-encrypted', 'biff', 'numbers'].includes(kind)) {
        builder.passOver(found.display, whatItIs(bytes, ext));
        opts.onFile?.(++done, todo.length, found.display);
        continue;
      }
    }
    if ((asText || textByName(ext, found.explicit)) && (await streamed(builder, src, opts, limits))) {
      opts.onFile?.(++done, todo.length, found.display);
      continue;
    }
    add(await loadFile(found, { ...(opts.encoding ? { encoding: opts.encoding } : {}), limits, ...(asText ? { text: true } : {}), ...(opts.now ? { now: opts.now } : {}), lean: true }), note);
    opts.onFile?.(++done, todo.length, found.display);
  }
}

/**
 * A big text file read record by record through the builder; false when it is small, or must be read whole after all.
 * When the time limit trips (no progress for that long) the file is a file-limit failure, never read again whole.
 */
async function streamed(builder: LedgerBuilder, src: SourceFile, opts: ReadLedgerOptions, limits: ReadLimits): Promise<boolean> {
  let size: number;
  let first: Buffer | undefined;
  try {
    const fh = await open(src.abs, 'r');
    try {
      size = (await fh.stat()).size;
      if (size < (opts.streamCsvFrom ?? STREAM_CSV_FROM) || size > limits.maxFileBytes) return false;
      const b = Buffer.alloc(8192);
      first = b.subarray(0, (await fh.read(b, 0, b.length, 0)).bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return false; // loadFile says what is wrong with it
  }
  if (sniff(first).kind !== 'text') return false;
  // a long run from here (a text file of a megabyte or more, ~10,000 rows): V8's default tiering pays (src/io/tiering.ts)
  defaultTiering();
  const ext = path.extname(src.abs);
  let feed: ReturnType<LedgerBuilder['beginText']> | undefined;
  const format = { format: { value: 'text', reason: 'content' } };
  try {
    let rows = 0;
    // the cells array is refilled for the next record (TextSheetScanner copies what it holds); a line with no USUAL_BREAK
    // match is said to be usual text (its cells are not looked at one by one)
    const info = await streamCsvRows(src.abs, (cells, _whole, usual) => {
      feed!.push(cells, usual);
      if (++rows % 5000 === 0) opts.onRows?.(src.file, rows);
    }, {
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      limits: { maxCellChars: limits.maxCellChars, maxMillis: limits.maxMillis },
      ...(opts.now ? { now: opts.now } : {}),
      reuse: true,
      usual: USUAL_BREAK,
      onStart(d) {
        feed = builder.beginText(src, { ...format, ...d }, path.basename(src.abs, ext), size);
      },
    });
    if (feed && feed.end({ ...format, ...info.detected })) return true;
    opts.onStreamFallback?.(src.file, 'no register');
    return false;
  } catch (e) {
    if (e instanceof LimitExceeded) {
      builder.addFailure(src, limitFailure(e), { ...format });
      return true;
    }
    opts.onStreamFallback?.(src.file, e instanceof NotStreamable ? e.why : String(e));
    return false;
  }
}
