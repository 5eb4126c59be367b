// The `fupin check` report as plain data: validation, roll-up and quota results plus every problem in one flat list.
import type { DeadlineStatus } from '../core/config.js';
import { REGISTER_EMPTY, type CheckFinding, type CheckResult } from '../core/ledger/check.js';
import type { PassedOver } from '../core/ledger/model.js';
import type { Lang, Severity } from '../core/model.js';
import type { QuotaReport } from '../core/quota/index.js';
import { render } from './catalogue/index.js';
import { renderReports, type RenderedProblem, type ValidationReport } from './report.js';
import type { RollupReport } from './rollup-report.js';
import { rosterSummary, type RosterCoverage } from '../core/roster/coverage.js';
import type { FocusCoverage } from '../core/focus/coverage.js';

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
  /** With rosters (and something counted): the rollup's roster section in numbers. */
  rosters?: ReturnType<typeof rosterSummary>;
  /** With focus lists (and something counted): per category, its places and those nobody helps. */
  focus?: { category: string; places: number; unhelped: string[] }[];
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

export { REGISTER_EMPTY };

/** What the check command knows besides the result: where, with which settings, on which day. */
export interface CheckContext {
  root: string;
  pathPrefix: string;
  config: CheckReport['config'];
  deadlines: DeadlineStatus[];
  title: string;
  lang: Lang;
  /** The roster and focus sections of the count (rollup's), when lists were given and something was counted. */
  whom?: { rosters?: RosterCoverage; focus?: FocusCoverage };
}

/** The check's result in words: what every check formatter receives. */
export function renderCheck(result: CheckResult, ctx: CheckContext, passedOver: readonly PassedOver[]): CheckReport {
  const { lang } = ctx;
  const validation = renderReports(result.reports, lang, passedOver);
  const rollup: RollupReport | undefined = result.rollup
    ? {
        title: ctx.title,
        table: result.rollup.table,
        ...(result.rollup.byCity.length ? { byCity: result.rollup.byCity } : {}),
        problems: result.problems.filter((p) => p.section === 'rollup').map((p) => renderedProblem(p, lang)),
        source: result.rollup.source,
        leftOut: {
          rows: result.rollup.rowsLeftOut.reduce((n, l) => n + l.rows.length, 0),
          files: result.rollup.filesLeftOut.map((f) => ({ file: f.file, why: render(f.why, lang) })),
        },
        lang,
        ...ctx.whom,
      }
    : undefined;
  const focus = rollup?.focus;
  const problems: CheckProblem[] = result.problems.map((p) => ({ section: p.section, ...renderedProblem(p, lang), ...(p.area !== undefined ? { area: p.area } : {}) }));
  const summary: CheckSummary = {
    files: validation.summary.files,
    registers: validation.summary.registers,
    emptyRegisters: validation.files.filter((f) => f.problems.some((p) => p.rule === REGISTER_EMPTY)).length,
    rows: validation.summary.rows,
    errors: result.counts.error,
    warnings: result.counts.warning,
    infos: result.counts.info,
    quotaMet: result.quota ? result.quota.met : null,
    passed: result.readable && !result.failed,
    exitCode: !result.readable ? 2 : result.failed ? 1 : 0,
    ...(rollup?.rosters ? { rosters: rosterSummary(rollup.rosters) } : {}),
    ...(focus
      ? {
          focus: focus.unhelped.map((u) => ({ category: u.category, places: focus.rows.filter((r) => r.category === u.category).length, unhelped: u.places })),
        }
      : {}),
  };
  return {
    root: ctx.root,
    pathPrefix: ctx.pathPrefix,
    config: ctx.config,
    validation,
    ...(rollup ? { rollup } : {}),
    ...(result.quota ? { quota: result.quota } : {}),
    skipped: {
      ...(result.skipped.rollup ? { rollup: render(result.skipped.rollup, lang) } : {}),
      ...(result.skipped.quota ? { quota: render(result.skipped.quota, lang) } : {}),
    },
    deadlines: ctx.deadlines,
    problems,
    summary,
    lang,
  };
}

function renderedProblem(p: CheckFinding, lang: Lang): Omit<CheckProblem, 'section'> {
  const out: Omit<CheckProblem, 'section'> = { rule: p.rule, severity: p.severity, message: render(p.msg, lang) };
  for (const k of ['file', 'sheet', 'row', 'cell', 'column', 'value'] as const) if (p[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = p[k];
  return out;
}

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
