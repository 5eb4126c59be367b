// fupin.config.json: its settings, defaults and deadlines. Reading a config file (zod's checks, messages that name the key at
// fault and say what to write instead) is ./config-parse.ts, loaded only when a ledger has a config file.
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

/** The defaults when a ledger has no config file: what parseConfig({}) gives (test/core/config.test.ts holds them together). */
export function defaultConfig(): FupinConfig {
  return { quotaTable: BUILTIN_QUOTA_TABLE, strict: false, quotaFindings: 'info', deadlines: [] };
}

/** One thing wrong with the config; `key` is the path as a user reads it (deadlines[1].date). Messages: `config/…`. */
export interface ConfigIssue {
  key: string;
  msg: Msg;
}

export type ConfigParse = { ok: true; config: FupinConfig } | { ok: false; issues: ConfigIssue[] };

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
