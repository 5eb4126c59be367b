// Reads every register under the given paths: walk, load, find the registers, give each its area;
// sheets that are 附3 统计表 rather than registers are read as tables, and orgs.csv as the org registry.
import { looksLikeQuotaTable } from '../core/quota/detect.js';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveArea } from '../core/area.js';
import type { DivisionIndex } from '../core/divisions.js';
import { findRegisters, type FoundRegisters } from '../core/inspect.js';
import type { Detected, Problem, RawSheet } from '../core/model.js';
import { OrgRegistry, registryFromRows } from '../core/orgs.js';
import type { RuleModule, RuleOptions } from '../core/rules/rule.js';
import { RegisterStream } from '../core/stream.js';
import { looksLikeStatsTable, readStatsTable, type StatsTableRead } from '../core/stats-table.js';
import { decodeText, type EncodingName, csvToSheet, sniffDelimiter } from './csv.js';
import { loadDivisions } from './divisions.js';
import { NotStreamable, streamCsvRows } from './csv-stream.js';
import { InputError } from './errors.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { loadFile } from './load.js';
import { sniff } from './sniff.js';
import { walkInputs, type FoundFile } from './walk.js';

export interface ReadOptions {
  encoding?: EncodingName;
  /** --area: the area of every register read (overrides the path and the sheet). */
  area?: string;
  maxBytes?: number;
  /** Read limits given on the command line (--max-…); the rest stay at DEFAULT_LIMITS. */
  limits?: Partial<ReadLimits>;
  /** --orgs: the org registry; otherwise orgs.csv at the top of a folder given. */
  orgs?: string;
  /** Called after each file (progress bars). */
  onFile?: (done: number, total: number, file: string) => void;
  /**
   * Validate while reading (fupin validate): CSV files of `streamCsvFrom` bytes or more are then read record by
   * record and their rows validated and dropped, never held whole (their registers come with `streamed` results).
   */
  validate?: { rules: readonly RuleModule[]; strict: boolean };
  /** Smallest CSV streamed when validating (default STREAM_CSV_FROM). */
  streamCsvFrom?: number;
  /** A CSV that was to be streamed was read whole after all, and why (tests, --explain). */
  onStreamFallback?: (file: string, why: string) => void;
}

/** CSV files this large or larger are streamed by `validate`: below it the whole grid is small and reading it whole is as fast. */
export const STREAM_CSV_FROM = 1024 * 1024;

/** A 统计表 found in a file: where, and what it says. */
export interface StatsTableFound {
  file: string;
  sheet: string;
  read: StatsTableRead;
  /** The city its folder or title names, when known. */
  city?: string;
}

export interface ReadFile extends FoundRegisters {
  file: string;
  abs: string;
  detected: Detected;
  /** 统计表 sheets of this file. */
  tables: StatsTableFound[];
}

export interface ReadResult {
  files: ReadFile[];
  /** Inputs that do not exist. */
  missing: string[];
  /** Files in the folders that are not spreadsheets. */
  passedOver: string[];
  divisions: DivisionIndex;
  registry?: OrgRegistry;
  /** Where the registry came from, and its problems (bad 类型 cells), with the file in `data.file`. */
  registryFile?: string;
  registryProblems: Problem[];
}

/** Ledger files that are not registers: never read as one, never listed as passed over. */
const LEDGER_FILES = new Set(['fupin.config.json', 'orgs.csv', 'readme.md', '.gitattributes']);

async function readRegistryCsv(abs: string, encoding?: EncodingName): Promise<{ registry: OrgRegistry; problems: Problem[] }> {
  const decoded = decodeText(await readFile(abs), encoding);
  const sheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, 'orgs');
  const rows = sheet.rows.map((r) => Array.from(r, (c) => c?.text ?? ''));
  const { registry, problems } = registryFromRows(rows);
  return { registry, problems };
}

export async function readRegisters(inputs: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const [walk, divisions] = await Promise.all([walkInputs(inputs), loadDivisions()]);
  if (opts.area) {
    const flagged = resolveArea({ flag: opts.area }, divisions);
    // 市本级 alone takes its city from the folder; anything else must name a known place
    if (flagged.level === 'unknown' && !/^(市本级|本级)$/u.test(opts.area.trim())) {
      throw new InputError(`--area “${opts.area}” 不是已知的地区：请写成 怀化市溆浦县、溆浦县、怀化市本级 或 省本级 / unknown area`);
    }
  }

  // the org registry: --orgs, else orgs.csv at the top of a folder given
  let registryFile: string | undefined = opts.orgs;
  if (!registryFile) {
    const top = walk.files.find((f) => !f.explicit && path.basename(f.abs).toLowerCase() === 'orgs.csv' && !f.display.includes('/'));
    registryFile = top?.abs;
  }
  let registry: OrgRegistry | undefined;
  const registryProblems: Problem[] = [];
  if (registryFile) {
    const r = await readRegistryCsv(path.resolve(registryFile), opts.encoding).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(`无法读取单位名录 ${registryFile}（${e.code ?? e.message}） / cannot read the org registry`);
    });
    registry = r.registry;
    for (const p of r.problems) registryProblems.push({ ...p, data: { ...p.data, file: path.basename(registryFile) } });
  }

  const files: ReadFile[] = [];
  const todo = walk.files.filter((f) => !LEDGER_FILES.has(path.basename(f.abs).toLowerCase()) || f.explicit);
  let done = 0;
  const ruleOptions = opts.validate && { strict: opts.validate.strict, divisions, ...(registry ? { registry } : {}) };
  for (const f of todo) {
    if (opts.validate && ruleOptions) {
      const streamed = await streamCsvFile(f, opts, opts.validate.rules, ruleOptions, divisions);
      if (streamed) {
        files.push(streamed);
        opts.onFile?.(++done, todo.length, f.display);
        continue;
      }
    }
    const loaded = await loadFile(f, {
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
      ...(opts.limits ? { limits: opts.limits } : {}),
    });
    const pathSegments = f.abs.split(path.sep).filter(Boolean);
    const areaOf = (titleLines: string[]) =>
      resolveArea({ ...(opts.area ? { flag: opts.area } : {}), pathSegments, sheetLines: titleLines }, divisions);
    const found = findRegisters(loaded, areaOf);
    const tables = statsTablesOf(loaded.sheets, found, f.display, areaOf, divisions);
    // a file of 统计表 is not a broken register, nor is the 附4 quota table kept beside the registers
    if (tables.length && found.failure?.rule === 'file-not-register') delete found.failure;
    if (found.failure?.rule === 'file-not-register' && loaded.sheets.some(looksLikeQuotaTable)) {
      delete found.failure;
      loaded.detected.kind = { value: 'quota-table', reason: '附4 任务分配表 (fupin quota --table)' };
    }
    files.push({ ...found, file: loaded.file, abs: loaded.abs, detected: loaded.detected, tables });
    opts.onFile?.(++done, todo.length, f.display);
  }
  return {
    files,
    missing: walk.missing,
    passedOver: walk.passedOver.filter((p) => !LEDGER_FILES.has(path.basename(p).toLowerCase())),
    divisions,
    ...(registry ? { registry } : {}),
    ...(registryFile ? { registryFile } : {}),
    registryProblems,
  };
}

/** The 统计表 among the sheets that hold no register. */
function statsTablesOf(
  sheets: RawSheet[],
  found: FoundRegisters,
  file: string,
  areaOf: (lines: string[]) => { city?: string; level: string },
  divisions: DivisionIndex,
): StatsTableFound[] {
  const out: StatsTableFound[] = [];
  const withRegister = new Set(found.registers.map((r) => r.sheet));
  for (const sheet of sheets) {
    if (withRegister.has(sheet.name) || !looksLikeStatsTable(sheet)) continue;
    let read = readStatsTable(sheet);
    if (!read.ok) continue;
    const area = areaOf([read.title ?? '', read.reporter ?? ''].filter(Boolean));
    // a city's table whose city is known (its 填报单位 line, else its folder): read again knowing the city's counties,
    // so its area is set and row labels that are not counties of that city are reported
    const city = read.table.level === 'city' ? (read.areaHint ?? area.city) : undefined;
    const units = city ? divisions.countiesOf(city).map((c) => c.name) : [];
    if (city && units.length) {
      const again = readStatsTable(sheet, { level: 'city', area: city, units });
      if (again.ok) read = again;
    }
    const named = city ?? area.city;
    out.push({ file, sheet: sheet.name, read, ...(named ? { city: named } : {}) });
  }
  return out;
}

const STREAMED_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/**
 * A large CSV read record by record and validated as it goes: the same ReadFile, registers and problems as
 * loadFile + findRegisters + validateRegisters would give, without the grid. Undefined when the file is not one
 * to stream (not a large CSV, no register in it) or cannot be (csv-stream.ts: NotStreamable): it is then read whole.
 */
async function streamCsvFile(
  f: FoundFile,
  opts: ReadOptions,
  rules: readonly RuleModule[],
  options: RuleOptions,
  divisions: DivisionIndex,
): Promise<ReadFile | undefined> {
  const ext = path.extname(f.abs).toLowerCase();
  if (!STREAMED_EXTENSIONS.has(ext)) return undefined;
  const limits = { ...DEFAULT_LIMITS, ...(opts.maxBytes ? { maxFileBytes: opts.maxBytes } : {}), ...opts.limits };
  const maxFileBytes = limits.maxFileBytes;
  let head: Buffer;
  try {
    const fh = await open(f.abs, 'r');
    try {
      const st = await fh.stat();
      if (st.size < (opts.streamCsvFrom ?? STREAM_CSV_FROM) || st.size > maxFileBytes) return undefined;
      const b = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(b, 0, b.length, 0);
      head = b.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return undefined; // loadFile says what is wrong with it
  }
  // what loadFile reads as CSV text (sniff looks at the first 8 KB only)
  if (sniff(head).kind !== 'text') return undefined;

  const pathSegments = f.abs.split(path.sep).filter(Boolean);
  const areaOf = (titleLines: string[]) => resolveArea({ ...(opts.area ? { flag: opts.area } : {}), pathSegments, sheetLines: titleLines }, divisions);
  const format: Detected = { format: { value: 'text', reason: 'content' } };
  let stream: RegisterStream | undefined;
  let detected: Detected = format;
  try {
    const info = await streamCsvRows(f.abs, (cells) => stream!.push(cells), {
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      limits: { maxCellChars: limits.maxCellChars, maxMillis: limits.maxMillis },
      onStart(d) {
        detected = { ...format, ...d };
        stream = new RegisterStream({
          sheetName: path.basename(f.abs, ext),
          ctx: { file: f.display, format: 'csv', area: { level: 'unknown', source: 'none' }, detected },
          rules,
          options,
          areaOf,
        });
      },
    });
    detected = { ...format, ...info.detected };
  } catch (e) {
    opts.onStreamFallback?.(f.display, e instanceof NotStreamable ? e.why : String(e));
    return undefined;
  }
  const result = stream?.end();
  if (!result || result.registers.length === 0) {
    // no register: whether it is empty, a 统计表 or something else is loadFile's and findRegisters' to say
    opts.onStreamFallback?.(f.display, 'no register');
    return undefined;
  }
  // the encoding's reason is final only at the end of the file (ascii rather than valid-utf8)
  for (const r of result.registers) r.register.detected = { ...r.register.detected, encoding: detected.encoding! };
  return {
    registers: result.registers.map((r) => r.register),
    otherSheets: [],
    streamed: result.registers.map((r) => ({ rows: r.rowCount, problems: r.problems })),
    file: f.display,
    abs: f.abs,
    detected,
    tables: [],
  };
}
