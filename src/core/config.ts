// fupin.config.json: its schema (zod), defaults, and messages that name the key at fault and say what to write instead.
import { z } from 'zod';
import type { Msg } from './model.js';

/** The config file's name, at the top of a ledger. */
export const CONFIG_FILE = 'fupin.config.json';

/** `quotaTable` value meaning the province's built-in 附4 (src/data/quota-tables.json). */
export const BUILTIN_QUOTA_TABLE = 'builtin';

/** A date something is due: `YYYY-MM-DD` once, or `MM-DD` every year (Guangdong: 06-15 pairings, 12-20 progress). */
export interface Deadline {
  name: string;
  date: string;
}

/** The ledger's settings, every key filled (defaults applied). */
export interface FupinConfig {
  /** Full province name, e.g. 湖南省; absent: the default province (data). */
  province?: string;
  /** The year the ledger is for (the quota table's year). */
  year?: number;
  /** `builtin`, or a quota table file (CSV/XLSX/JSON) relative to the config file. */
  quotaTable: string;
  /** The org registry, relative to the config file; absent: orgs.csv beside it when there is one. */
  orgs?: string;
  /** Warnings fail the check too. */
  strict: boolean;
  /**
   * Unmet 附4 minimums: `info` (reported, the check still passes — the default, as a new ledger is empty and every
   * quota is unmet) or `error` (the check fails until every minimum is met, e.g. after the reporting deadline).
   */
  quotaFindings: 'info' | 'error';
  deadlines: Deadline[];
  /** Rosters (建档立卡, 民政 lists) the registers are checked against, relative to the config file. */
  rosters?: string[];
  /** Focus lists (类别, 区县, 乡镇, 村), relative to the config file; empty: the province's built-in list, if any. */
  focus?: string[];
}

export const CONFIG_KEYS = ['province', 'year', 'quotaTable', 'orgs', 'strict', 'quotaFindings', 'deadlines', 'rosters', 'focus'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

const DATE = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/;

/** A real calendar date: 02-29 is allowed without a year (leap years have it). */
export function validDeadlineDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const year = m[1] ? Number(m[1]) : 2016;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const deadlineSchema = z.strictObject({
  name: z.string().trim().min(1),
  date: z.string().refine(validDeadlineDate),
});

export const configSchema = z.strictObject({
  /** Absent: the default province (src/data/provinces.json), filled in by whoever loads the config. */
  province: z.string().trim().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  quotaTable: z.string().trim().min(1).default(BUILTIN_QUOTA_TABLE),
  orgs: z.string().trim().min(1).optional(),
  strict: z.boolean().default(false),
  quotaFindings: z.enum(['info', 'error']).default('info'),
  deadlines: z.array(deadlineSchema).default([]),
  rosters: z.array(z.string().trim().min(1)).optional(),
  focus: z.array(z.string().trim().min(1)).optional(),
});

/** One thing wrong with the config; `key` is the path as a user reads it (deadlines[1].date). Messages: `config/…`. */
export interface ConfigIssue {
  key: string;
  msg: Msg;
}

/** Keys the messages say what to write for (config/expected-…). */
const EXPECTED_KEYS = new Set([...CONFIG_KEYS, 'deadlines[].name', 'deadlines[].date']);

function expected(generic: string): Msg {
  // an entry of a list (rosters[0], deadlines[1]) is described by its list's text when it has none of its own
  const key = EXPECTED_KEYS.has(generic) ? generic : generic.replace(/\[\]$/, '');
  return EXPECTED_KEYS.has(key) ? { id: `config/expected-${key.replace('[].', '-')}` } : { id: 'term/none' };
}

export type ConfigParse = { ok: true; config: FupinConfig } | { ok: false; issues: ConfigIssue[] };

function issue(id: string, data: Msg['data'], key: string): ConfigIssue {
  return { key, msg: { id: `config/${id}`, ...(data ? { data } : {}) } };
}

/** deadlines[1].date as written by a user; the EXPECTED entry is deadlines[].date. */
function keyText(path: readonly PropertyKey[]): { shown: string; generic: string } {
  let shown = '';
  let generic = '';
  for (const p of path) {
    if (typeof p === 'number') {
      shown += `[${p}]`;
      generic += '[]';
    } else {
      const s = String(p);
      shown += shown ? `.${s}` : s;
      generic += generic ? `.${s}` : s;
    }
  }
  return { shown, generic };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function shownValue(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

function closest(key: string, known: readonly string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(key, k);
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.k : undefined;
}

/**
 * Validates parsed JSON as a config. Every problem is reported (not only the first), each naming its key.
 * `file` is how the messages name the file (fupin.config.json, or its path).
 */
export function parseConfig(input: unknown, file: string = CONFIG_FILE): ConfigParse {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [issue('not-object', { file }, '')] };
  }
  const result = configSchema.safeParse(input);
  if (result.success) {
    const c = result.data;
    const config: FupinConfig = {
      ...(c.province !== undefined ? { province: c.province } : {}),
      quotaTable: c.quotaTable,
      strict: c.strict,
      quotaFindings: c.quotaFindings,
      deadlines: c.deadlines.map((d) => ({ name: d.name, date: d.date })),
      ...(c.rosters !== undefined ? { rosters: c.rosters } : {}),
      ...(c.focus !== undefined ? { focus: c.focus } : {}),
      ...(c.year !== undefined ? { year: c.year } : {}),
      ...(c.orgs !== undefined ? { orgs: c.orgs } : {}),
    };
    return { ok: true, config };
  }
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const problem of result.error.issues) {
    if (problem.code === 'unrecognized_keys') {
      const where = keyText(problem.path);
      const known = where.generic.startsWith('deadlines') ? ['name', 'date'] : [...CONFIG_KEYS];
      for (const k of problem.keys) {
        const key = where.shown ? `${where.shown}.${k}` : k;
        if (seen.has(key)) continue;
        seen.add(key);
        const near = closest(k, known);
        issues.push(issue('unknown-key', { file, key, hint: near ? { id: 'config/did-you-mean', data: { key: near } } : '', keys: known }, key));
      }
      continue;
    }
    const where = keyText(problem.path);
    if (seen.has(where.shown)) continue;
    seen.add(where.shown);
    const got = valueAt(input, problem.path);
    if (got === undefined) issues.push(issue('missing', { file, key: where.shown, expected: expected(where.generic) }, where.shown));
    else issues.push(issue('bad-value', { file, key: where.shown, got: shownValue(got), expected: expected(where.generic) }, where.shown));
  }
  return { ok: false, issues };
}

/** Parses the file's text: JSON syntax errors name the line and column; then parseConfig. A UTF-8 BOM is allowed. */
export function parseConfigText(text: string, file: string = CONFIG_FILE): ConfigParse {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(detail);
    const lc = /line (\d+) column (\d+)/.exec(detail);
    let line = lc ? Number(lc[1]) : 1;
    let column = lc ? Number(lc[2]) : 1;
    if (!lc && pos) {
      const before = body.slice(0, Number(pos[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    }
    const data = { file, line, column, detail: detail.replace(/^.*?:\s*/, '').slice(0, 80) };
    return { ok: false, issues: [issue('bad-json', data, '')] };
  }
  return parseConfig(json, file);
}

/** The config `fupin init` writes: every setting spelled out so a reader sees what can be changed. */
export function initialConfig(province: string, year: number): Record<string, unknown> {
  return {
    province,
    year,
    quotaTable: BUILTIN_QUOTA_TABLE,
    orgs: 'orgs.csv',
    strict: false,
    quotaFindings: 'info',
    deadlines: [],
  };
}

/** The defaults when a ledger has no config file. */
export function defaultConfig(): FupinConfig {
  const r = parseConfig({});
  if (!r.ok) throw new Error('default config does not validate');
  return r.config;
}

/** A deadline's next date on or after `today` (YYYY-MM-DD), and how many days are left (negative: past, for dated ones). */
export interface DeadlineStatus {
  name: string;
  date: string;
  daysLeft: number;
}

function utcDay(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Where each deadline stands on `today` (a local calendar date, YYYY-MM-DD); yearly MM-DD ones roll to next year once past. */
export function deadlineStatus(deadlines: readonly Deadline[], today: string): DeadlineStatus[] {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const now = utcDay(ty, tm, td);
  const pad = (n: number) => String(n).padStart(2, '0');
  return deadlines
    .map((d) => {
      const m = DATE.exec(d.date)!;
      const month = Number(m[2]);
      const day = Number(m[3]);
      let year = m[1] ? Number(m[1]) : ty;
      if (!m[1] && utcDay(year, month, day) < now) year++;
      return { name: d.name, date: `${year}-${pad(month)}-${pad(day)}`, daysLeft: utcDay(year, month, day) - now };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft);
}
