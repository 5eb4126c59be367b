// fupin check's decisions (pure): a whole ledger validated, rolled up and checked against its quota table, every problem in
// one list (each reported once), one verdict. The command reads; the formatters put it into words.
import type { FupinConfig } from '../config.js';
import type { FileReport, Msg, Problem, Severity } from '../model.js';
import type { ProvinceProfile } from '../profile.js';
import { checkQuota, type QuotaReport, type QuotaTable } from '../quota/index.js';
import type { Ledger } from './model.js';
import { planRollup, type Finding, type RollupPlan } from './plan-rollup.js';
import { gatherActuals, problemMsg } from './quota-actuals.js';
import { validationReports } from './report.js';

export type CheckSection = 'validate' | 'rollup' | 'quota';

/** One problem of any section, with where it is (file relative to the folder checked). */
export interface CheckFinding {
  section: CheckSection;
  rule: string;
  severity: Severity;
  msg: Msg;
  file?: string;
  sheet?: string;
  row?: number;
  cell?: string;
  column?: string;
  value?: string;
  /** Quota findings: the area (省本级 or the city) they are about. */
  area?: string;
}

/** Rule id of the information that a register has no pairing yet. */
export const REGISTER_EMPTY = 'register-empty';

export interface CheckResult {
  reports: FileReport[];
  rollup?: RollupPlan;
  quota?: QuotaReport;
  skipped: { rollup?: Msg; quota?: Msg };
  problems: CheckFinding[];
  counts: Record<Severity, number>;
  /** Nothing at all could be read as a register or a 统计表: the job could not be done. */
  readable: boolean;
  failed: boolean;
}

function finding(section: CheckSection, p: Problem & { file?: string; sheet?: string }): CheckFinding {
  const f: CheckFinding = { section, rule: p.rule, severity: p.severity, msg: problemMsg(p) };
  for (const k of ['file', 'sheet', 'row', 'cell', 'column', 'value'] as const) if (p[k] !== undefined) (f as unknown as Record<string, unknown>)[k] = p[k];
  return f;
}

const keyOf = (p: CheckFinding): string => [p.file ?? '', p.sheet ?? '', p.rule, p.row ?? '', p.cell ?? '', JSON.stringify(p.msg)].join('\u0000');

/** The register a quota finding belongs to, when it was read: 省本级, <city>/市本级, <city>/<county>. */
function fileFinder(ledger: Ledger, shown: (file: string) => string): (where: { level: string; city?: string; county?: string }) => string | undefined {
  const byArea = new Map<string, string>();
  for (const f of ledger.files) {
    for (const e of f.registers) {
      const a = e.register.area;
      const key = a.level === 'province' ? 'province' : a.level === 'city' ? `city|${a.city}` : `county|${a.city}|${a.county}`;
      if (!byArea.has(key)) byArea.set(key, shown(f.file));
    }
  }
  return (w) => {
    if (w.level === 'province') return byArea.get('province');
    if (!w.city) return undefined;
    if (w.county) return byArea.get(`county|${w.city}|${w.county}`) ?? byArea.get(`city|${w.city}`);
    return byArea.get(`city|${w.city}`);
  };
}

function quotaFindings(report: QuotaReport, ledger: Ledger, mode: FupinConfig['quotaFindings'], shown: (file: string) => string): CheckFinding[] {
  const fileOf = fileFinder(ledger, shown);
  const out: CheckFinding[] = [];
  const add = (severity: Severity, rule: string, m: Msg, area: string, where: { level: string; city?: string; county?: string }): void => {
    const file = fileOf(where);
    out.push({ section: 'quota', rule, severity, msg: m, area, ...(file !== undefined ? { file } : {}) });
  };
  // one finding per area short of its minimums, its verdict naming every requirement and the shortfall
  for (const a of report.areas) {
    if (a.met) continue;
    add(mode === 'error' ? 'error' : 'info', 'quota-shortfall', a.verdict, a.area, a.level === 'province' ? { level: 'province' } : { level: 'city', city: a.area });
  }
  // per-organisation guidance and the demonstration site are 指导建议: warnings at most, never errors
  for (const o of report.orgFindings) {
    if (o.kind !== 'short') continue;
    const where = o.level === 'province' ? { level: 'province' } : { level: 'city', ...(o.city ? { city: o.city } : {}), ...(o.county ? { county: o.county } : {}) };
    add(mode === 'error' ? 'warning' : 'info', 'quota-org-guidance', o.message, o.area, where);
  }
  for (const d of report.demoSite) {
    if (d.met) continue;
    add(mode === 'error' ? 'warning' : 'info', 'quota-demo-site', d.message, d.area, d.area === '省本级' ? { level: 'province' } : { level: 'city', city: d.area });
  }
  return out;
}

export interface CheckInput {
  ledger: Ledger;
  profile: ProvinceProfile;
  config: FupinConfig;
  /** The quota table, or why there is none to check against (a message). */
  quotaTable: QuotaTable | Msg;
  strict: boolean;
  /** A file's name as the report shows it (relative to the folder checked). */
  shown: (file: string) => string;
}

function isTable(t: QuotaTable | Msg): t is QuotaTable {
  return 'rows' in t;
}

export function checkLedger(input: CheckInput): CheckResult {
  const { ledger, profile, config, strict, shown } = input;
  const reports = validationReports(ledger, shown).map((r) => ({ ...r, file: shown(r.file) }));
  for (const r of reports) {
    // a blank register straight from `fupin init` is not a problem, but the clerk should see it is still to be filled
    if (r.register && r.rows === 0 && r.problems.every((p) => p.severity === 'info')) {
      r.problems = [...r.problems, { rule: REGISTER_EMPTY, messageId: 'empty', severity: 'info' }];
    }
  }
  const problems: CheckFinding[] = [];
  for (const r of reports) for (const p of r.problems) problems.push(finding('validate', { ...p, file: r.file, ...(r.sheet !== undefined ? { sheet: r.sheet } : {}) }));
  const reported = new Set(problems.map(keyOf));

  const skipped: CheckResult['skipped'] = {};
  const planned = planRollup(ledger);
  let rollup: RollupPlan | undefined;
  if (planned === undefined) skipped.rollup = { id: 'check/nothing-rollup' };
  else if (planned === 'no-area') skipped.rollup = { id: 'rollup/no-area' };
  else {
    rollup = planned;
    // unreadable files, 统计表 arithmetic and orgs.csv are validation's problems already: each is reported once
    for (const p of planned.findings) {
      const f = finding('rollup', { ...p, ...(p.file !== undefined ? { file: shown(p.file) } : {}) } as Finding);
      if (!reported.has(keyOf({ ...f, section: 'validate' }))) problems.push(f);
    }
  }

  let quota: QuotaReport | undefined;
  if (!isTable(input.quotaTable)) skipped.quota = input.quotaTable;
  else {
    const table = input.quotaTable;
    const gathered = gatherActuals(ledger, table, profile);
    if (gathered.actuals.areas.length === 0) skipped.quota = { id: 'check/no-quota-area' };
    else {
      const report = checkQuota(table, gathered.actuals, profile.cityNames);
      report.notes = [...gathered.notes, ...report.notes];
      if (config.year !== undefined && table.year !== undefined && config.year !== table.year) {
        report.notes.unshift({ id: 'check/quota-year', data: { table: table.year, year: config.year } });
      }
      const order = new Map(table.rows.map((r, i) => [r.unit, i]));
      report.areas.sort((a, b) => (order.get(a.unit) ?? order.size) - (order.get(b.unit) ?? order.size));
      if (report.areas.length === 0) skipped.quota = { id: 'check/not-in-table', data: { names: report.notInTable } };
      else {
        quota = report;
        problems.push(...quotaFindings(report, ledger, config.quotaFindings, shown));
      }
    }
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const readable = reports.some((r) => r.sheet !== undefined);
  // a count that left rows or files out is not a clean count
  const leftOut = rollup ? rollup.rowsLeftOut.length > 0 || rollup.filesLeftOut.length > 0 : false;
  const failed = counts.error > 0 || leftOut || (strict && counts.warning > 0);
  return { reports, ...(rollup ? { rollup } : {}), ...(quota ? { quota } : {}), skipped, problems, counts, readable, failed };
}
