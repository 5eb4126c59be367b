// Reads rosters (--roster, "rosters") and focus lists (--focus, "focus") through the same loader as registers: every
// format, the same read limits, the same refusals. A file that is not a roster (or focus list) is an InputError (exit 2).
import type { DivisionIndex } from '../core/divisions.js';
import { buildFocusList, focusRowsFromSheets, type FocusList, type FocusRow } from '../core/focus/list.js';
import type { Msg } from '../core/model.js';
import { ROSTER_COLUMNS } from '../core/roster/columns.js';
import type { Roster } from '../core/roster/model.js';
import { RosterScanner, rosterFromSheets, type RosterRead } from '../core/roster/read.js';
import FOCUS_LISTS from '../data/focus-lists.json' with { type: 'json' };
import type { EncodingName } from './csv.js';
import { InputError } from './errors.js';
import type { ReadLimits } from './limits.js';
import { loadFile, type LoadedFile } from './load.js';
import { walkInputs, type FoundFile } from './walk.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { NotStreamable, streamCsvRows } from './csv-stream.js';
import { DEFAULT_LIMITS } from './limits.js';
import { STREAM_CSV_FROM } from './read-ledger.js';

export interface ListReadOptions {
  cwd: string;
  encoding?: EncodingName;
  limits?: Partial<ReadLimits>;
  divisions?: DivisionIndex;
  /** The province focus places are resolved in. */
  province?: string;
}

/** Every file under `paths` loaded as grids; `skip`: files already read another way (listed in order, with no sheets). */
async function loadAll(paths: readonly string[], kind: 'roster' | 'focus', opts: ListReadOptions, skip: ReadonlySet<string> = new Set()): Promise<Pick<LoadedFile, 'file' | 'sheets'>[]> {
  const walk = await walkInputs([...paths], opts.cwd);
  if (walk.missing.length) throw new InputError({ id: `${kind}/not-found`, data: { paths: walk.missing } });
  const out: Pick<LoadedFile, 'file' | 'sheets'>[] = [];
  for (const found of walk.files) {
    if (skip.has(found.display)) {
      out.push({ file: found.display, sheets: [] });
      continue;
    }
    const loaded = await loadFile(found, { ...(opts.encoding ? { encoding: opts.encoding } : {}), ...(opts.limits ? { limits: opts.limits } : {}), lean: true });
    if (loaded.failure) {
      const why: Msg = { id: `${loaded.failure.rule}/${loaded.failure.messageId}`, ...(loaded.failure.data ? { data: loaded.failure.data } : {}) };
      throw new InputError({ id: `${kind}/unreadable`, data: { file: found.display, why } });
    }
    out.push(loaded);
  }
  if (out.length === 0) throw new InputError({ id: `${kind}/no-files`, data: { paths: [...paths] } });
  return out;
}

/** A big text roster read record by record (as big CSV registers are); undefined when it must be read whole. */
async function streamedRoster(found: FoundFile, index: number, opts: ListReadOptions): Promise<RosterRead | undefined> {
  const ext = path.extname(found.abs).toLowerCase();
  if (!['.csv', '.txt', '.tsv'].includes(ext)) return undefined;
  const size = (await stat(found.abs).catch(() => undefined))?.size ?? 0;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (size < STREAM_CSV_FROM || size > limits.maxFileBytes) return undefined;
  const scan = new RosterScanner(found.display, path.basename(found.abs, ext), index, opts.divisions, opts.province);
  try {
    // once the header is found, only the columns a roster reads are decoded
    const pick: { columns?: readonly number[] } = {};
    await streamCsvRows(
      found.abs,
      (cells, whole) => {
        scan.push(cells, whole);
        pick.columns ??= scan.columns;
      },
      { ...(opts.encoding ? { encoding: opts.encoding } : {}), limits: { maxCellChars: limits.maxCellChars, maxMillis: limits.maxMillis }, pick },
    );
  } catch (e) {
    if (e instanceof NotStreamable) return undefined;
    throw e;
  }
  return scan.end();
}

/** Every roster under `paths` (files or folders), in order. */
export async function readRosters(paths: readonly string[], opts: ListReadOptions): Promise<Roster[]> {
  const rosters: Roster[] = [];
  const walk = await walkInputs([...paths], opts.cwd);
  const streamed = new Map<string, RosterRead>();
  for (const found of walk.files) {
    const read = await streamedRoster(found, 0, opts);
    if (read) streamed.set(found.display, read);
  }
  const all = await loadAll(paths, 'roster', opts, new Set(streamed.keys()));
  for (const loaded of all) {
    const s = streamed.get(loaded.file);
    const read = s ? reindex(s, rosters.length) : rosterFromSheets(loaded.file, loaded.sheets, rosters.length, opts.divisions, opts.province);
    if (!read.ok) {
      if (read.why === 'register') throw new InputError({ id: 'roster/is-register', data: { file: loaded.file, header: read.header ?? '' } });
      const expected = ROSTER_COLUMNS.filter((c) => ['name', 'idNumber', 'village'].includes(c.key)).map((c) => ({ id: 'term/quoted', data: { text: c.label } }));
      throw new InputError({ id: 'roster/not-roster', data: { file: loaded.file, expected } });
    }
    rosters.push(read.roster);
  }
  return rosters;
}

/** The focus places of the lists under `paths`, resolved against the division list. */
export async function readFocusLists(paths: readonly string[], opts: ListReadOptions): Promise<FocusList> {
  const rows: FocusRow[] = [];
  const sources: string[] = [];
  for (const loaded of await loadAll(paths, 'focus', opts)) {
    const read = focusRowsFromSheets(loaded.sheets, loaded.file);
    if (!read.ok) throw new InputError({ id: 'focus/not-focus', data: { file: loaded.file } });
    rows.push(...read.rows);
    sources.push(loaded.file);
  }
  return buildFocusList(rows, sources, opts.divisions, opts.province);
}

/** Absolute paths of the files under `paths` (so the ledger reader knows them as rosters or focus lists, not registers). */
export async function listFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  return (await walkInputs([...paths], cwd)).files.map((f) => f.abs);
}

/** A province's built-in focus list (src/data/focus-lists.json, made from the seed by scripts/make-focus-data.mjs). */
export function builtinFocusList(id: string, divisions?: DivisionIndex, province?: string): FocusList | undefined {
  const entry = (FOCUS_LISTS as unknown as Record<string, { source: string; rows: FocusRow[] } | string>)[id];
  if (!entry || typeof entry === 'string') return undefined;
  return buildFocusList(entry.rows, [entry.source], divisions, province);
}

/** A streamed roster read before its place among the rosters was known: its entries numbered as that roster. */
function reindex(read: RosterRead, index: number): RosterRead {
  if (!read.ok) return read;
  for (const e of read.roster.entries) e.roster = index;
  return read;
}
