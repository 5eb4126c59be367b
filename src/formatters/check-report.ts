// The `fupin check` report as plain data: validation, roll-up and quota results plus every problem in one flat list.
import type { DeadlineStatus } from '../core/config.js';
import type { Lang, Severity } from '../core/model.js';
import type { QuotaReport } from '../core/quota/index.js';
import type { RenderedProblem, ValidationReport } from './report.js';
import type { RollupReport } from './rollup-report.js';

export type CheckSection = 'validate' | 'rollup' | 'quota';

/** One problem of any section, already in words, with where it is (file relative to the folder checked). */
export interface CheckProblem extends RenderedProblem {
  section: CheckSection;
  file?: string;
  sheet?: string;
  /** Quota findings: the area (省本级 or the city) they are about. */
  area?: string;
}

export interface CheckSummary {
  files: number;
  registers: number;
  /** Registers with no pairing yet (blank forms). */
  emptyRegisters: number;
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Every 附4 minimum met; null when the quota check was skipped. */
  quotaMet: boolean | null;
  passed: boolean;
  /** DOMAIN §10: 0 passed, 1 problems found, 2 nothing in the folder could be read at all. */
  exitCode: 0 | 1 | 2;
}

export interface CheckReport {
  /** The folder checked, as given. */
  root: string;
  /** Prepended to `file` to name it from the working folder (CI annotations): '' or 'ledger/'. */
  pathPrefix: string;
  config: {
    /** The config file, relative to the working folder; absent when the defaults were used. */
    file?: string;
    province: string;
    year?: number;
    quotaTable: string;
    strict: boolean;
    quotaFindings: 'info' | 'error';
  };
  validation: ValidationReport;
  /** Absent when there was nothing to roll up (`skipped.rollup` says why). */
  rollup?: RollupReport;
  quota?: QuotaReport;
  skipped: { rollup?: string; quota?: string };
  deadlines: DeadlineStatus[];
  /** Every problem: validation first, then roll-up (those validation did not already report), then quota. */
  problems: CheckProblem[];
  summary: CheckSummary;
  lang: Lang;
}

/** Rule id of the information that a register has no pairing yet. */
export const REGISTER_EMPTY = 'register-empty';

export function countSeverities(problems: readonly { severity: Severity }[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) n[p.severity]++;
  return n;
}

/** A problem's place for people: the file, and the cell or row unless the message already starts with it. */
export function placeOf(p: CheckProblem, prefix = ''): string {
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(prefix + p.file);
  if (p.cell !== undefined && !p.message.startsWith(p.cell)) parts.push(p.cell);
  else if (p.cell === undefined && p.row !== undefined) parts.push(`#${p.row}`);
  return parts.join(' ');
}
