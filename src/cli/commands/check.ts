// fupin check [DIR]: a whole ledger at once — validate every register, roll up, reconcile, check quotas — with one exit code.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { deadlineStatus, BUILTIN_QUOTA_TABLE, type FupinConfig } from '../../core/config.js';
import { renderMessage } from '../../core/catalogue.js';
import { fillTemplate } from '../../core/i18n.js';
import type { FileReport, Lang, Problem, Severity } from '../../core/model.js';
import { compact } from '../../core/normalize.js';
import { HUNAN_2016, checkQuota, type QuotaReport, type QuotaTable } from '../../core/quota/index.js';
import { allRules } from '../../core/rules/index.js';
import { ConfigError, configPath, loadConfig, type LoadedConfig } from '../../io/config.js';
import type { EncodingName } from '../../io/csv.js';
import { QuotaTableFileError, readQuotaTableFile } from '../../io/quota-table.js';
import { readRegisters, type ReadResult } from '../../io/registers.js';
import { OutputError, writeFileAtomic } from '../../io/safe-write.js';
import { REGISTER_EMPTY, countSeverities, type CheckProblem, type CheckReport, type CheckSummary } from '../../formatters/check-report.js';
import { formatCheckJson } from '../../formatters/check-json.js';
import { formatCheckPretty } from '../../formatters/check-pretty.js';
import { formatGithub } from '../../formatters/github.js';
import { formatJunit } from '../../formatters/junit.js';
import { renderReports, type ValidationReport } from '../../formatters/report.js';
import type { RollupReport } from '../../formatters/rollup-report.js';
import { EXIT, UsageError } from '../errors.js';
import { type CliIO, useColor } from '../io.js';
import { encodingOf } from '../inputs.js';
import { validationReports } from '../validation-reports.js';
import { type LimitFlags, limitsFromFlags } from '../limits.js';
import { progress } from '../progress.js';
import { buildRollup } from './rollup.js';
import { gatherActuals } from './quota.js';
import { parseLang } from './validate.js';

export const CHECK_FORMATS = ['pretty', 'json', 'github', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckFlags extends LimitFlags {
  format: string;
  lang: string;
  /** Write the --format output to this file; the pretty report then goes to stdout. */
  output?: string;
  /** Warnings fail too (as "strict": true in the config). */
  strict?: boolean;
  encoding?: string;
  color?: boolean;
  verbose?: boolean;
}

/** What check itself says, zh and en by id. */
const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    'register-empty': '登记表尚未填写（还没有结对记录）：请从第一行空白的序号开始填写',
    'bad-format': '--format 只能是 pretty、json、github 或 junit（收到 “{value}”）',
    missing: '找不到文件夹：{dir}',
    'not-dir': '{dir} 是一个文件：fupin check 检查整个台账文件夹（检查单个登记表请用 fupin validate {dir}）',
    'no-files': '{dir} 中没有表格文件（.xlsx、.xlsm、.csv）：请先用 fupin init 建好台账，或把登记表放进来',
    'config-orgs': '{file}：“orgs” 指向的单位名录 {orgs} 不存在：请改成正确的路径，或删去这一项',
    'config-province': '{file}：“province” 的值 “{value}” 不是已知的省份：应为省份全称，例如 "湖南省"',
    'quota-table': '{file}：“quotaTable” 指向的任务分配表有 {count} 处错误，未使用；请改正后再试：',
    'nothing-rollup': '没有可以汇总的登记表或统计表',
    'no-quota-area': '没有可以按任务表核对的地区（需要 省本级、市本级 或县市区的登记表，或市州统计表）',
    'quota-province': '任务分配表是{table}的，本台账是{province}的：未核对任务。请在 fupin.config.json 的 “quotaTable” 写上本省的任务分配表',
    'quota-year': '任务分配表是 {table} 年的，本台账是 {year} 年的：请核实 fupin.config.json 的 “quotaTable”',
    'not-in-table': '读到的地区都不在任务分配表中，未核对：{names}',
    written: '已写出：{file}',
  },
  en: {
    'register-empty': 'the register has no pairings yet: fill it in from the first blank numbered row',
    'bad-format': '--format must be pretty, json, github or junit (got "{value}")',
    missing: 'folder not found: {dir}',
    'not-dir': '{dir} is a file: fupin check checks a whole ledger folder (for one register use fupin validate {dir})',
    'no-files': 'no spreadsheet files (.xlsx, .xlsm, .csv) in {dir}: lay out a ledger with fupin init, or put registers in it',
    'config-orgs': '{file}: "orgs" names the org registry {orgs}, which does not exist: correct the path or remove the setting',
    'config-province': '{file}: "province" is "{value}", not a known province; write its full name, e.g. "湖南省"',
    'quota-table': '{file}: the quota table named by "quotaTable" has {count} error(s) and was not used; correct them and try again:',
    'nothing-rollup': 'no registers or statistics tables to roll up',
    'no-quota-area': 'nothing to check against the quota table (no registers of 省本级, a 市本级 or a county, and no city 统计表)',
    'quota-province': 'the quota table is for {table}, this ledger for {province}: quotas not checked; name your province\'s table in "quotaTable" of fupin.config.json',
    'quota-year': 'the quota table is for {table}, this ledger for {year}: check "quotaTable" in fupin.config.json',
    'not-in-table': 'none of the areas read is in the quota table; not checked: {names}',
    written: 'written: {file}',
  },
};

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[lang][id] ?? id, data);
}

function usage(id: string, data: Record<string, string | number> = {}): UsageError {
  return new UsageError(`${msg('zh', id, data)} / ${msg('en', id, data)}`);
}

const posix = (p: string) => p.split(path.sep).join('/');

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ── validation ──────────────────────────────────────────────────────────────────────────────

/** Every register and 统计表 validated, blank registers noted as information, the org registry's problems first. */
function validateAll(read: ReadResult, root: string, strict: boolean, lang: Lang): ValidationReport {
  const reports: FileReport[] = validationReports(read, allRules, strict, (f) => posix(path.relative(root, path.resolve(f))));
  for (const r of reports) {
    // a blank register straight from `fupin init` is not a problem, but the clerk should see it is still to be filled
    if (r.register && r.rows === 0 && r.problems.every((p) => p.severity === 'info')) {
      r.problems.push({ rule: REGISTER_EMPTY, messageId: REGISTER_EMPTY, severity: 'info' });
    }
  }
  const render = (p: Problem, l: Lang) => (p.rule === REGISTER_EMPTY ? msg(l, REGISTER_EMPTY) : renderMessage(p, l));
  return renderReports(reports, lang, render, read.passedOver);
}

// ── roll-up ─────────────────────────────────────────────────────────────────────────────────

const problemKey = (p: { file?: string; sheet?: string; rule: string; row?: number; cell?: string; message: string }) =>
  [p.file ?? '', p.sheet ?? '', p.rule, p.row ?? '', p.cell ?? '', p.message].join('\u0000');

function rollupAll(read: ReadResult, lang: Lang, reported: Set<string>): { report?: RollupReport; skipped?: string } {
  let built;
  try {
    built = buildRollup(read, lang);
  } catch (e) {
    if (e instanceof UsageError) return { skipped: e.message };
    throw e;
  }
  if (!built) return { skipped: msg(lang, 'nothing-rollup') };
  // unreadable files, 统计表 arithmetic and orgs.csv are validation's problems already: each is reported once
  const problems = built.problems.filter((p) => !reported.has(problemKey(p)));
  return {
    report: {
      table: built.table,
      ...(built.byCity.length ? { byCity: built.byCity } : {}),
      problems,
      source: {
        files: read.files.length,
        registers: read.files.reduce((n, f) => n + f.registers.length, 0),
        tables: read.files.reduce((n, f) => n + f.tables.length, 0),
      },
      lang,
    },
  };
}

// ── quota ───────────────────────────────────────────────────────────────────────────────────

async function quotaTableOf(loaded: LoadedConfig, configFile: string, read: ReadResult, lang: Lang, encoding?: EncodingName): Promise<QuotaTable> {
  const setting = loaded.config.quotaTable;
  if (setting === BUILTIN_QUOTA_TABLE) return HUNAN_2016;
  const file = configPath(loaded, setting);
  let result;
  try {
    result = await readQuotaTableFile(file, { ...(encoding ? { encoding } : {}), divisions: read.divisions });
  } catch (e) {
    if (e instanceof QuotaTableFileError) throw new UsageError(`${configFile}：“quotaTable”：${lang === 'zh' ? e.zh : e.en}`);
    throw e;
  }
  if ('table' in result) return result.table;
  const head = `${msg('zh', 'quota-table', { file: configFile, count: result.errors.length })} / ${msg('en', 'quota-table', { file: configFile, count: result.errors.length })}`;
  throw new UsageError([head, ...result.errors.map((e) => `  ${e.message[lang]}`)].join('\n'));
}

/** The register a quota finding belongs to, when it was read: 省本级.xlsx, <city>/市本级.xlsx, <city>/<county>.xlsx. */
function fileFinder(read: ReadResult): (where: { level: string; city?: string; county?: string }) => string | undefined {
  const byStem = new Map<string, string>();
  for (const f of read.files) {
    if (f.registers.length === 0) continue;
    // by the last two parts of the absolute path (怀化市/市本级), so a check of one city's folder finds them too
    const parts = f.abs.split(path.sep);
    const name = parts.at(-1)!.replace(/\.[^.]+$/, '');
    for (const stem of [`${parts.at(-2) ?? ''}/${name}`, name]) if (!byStem.has(stem)) byStem.set(stem, f.file);
  }
  return (w) => {
    if (w.level === 'province') return byStem.get('省本级');
    if (!w.city) return undefined;
    if (w.county) return byStem.get(`${w.city}/${w.county}`) ?? byStem.get(`${w.city}/市本级`);
    return byStem.get(`${w.city}/市本级`);
  };
}

function quotaProblems(report: QuotaReport, read: ReadResult, mode: FupinConfig['quotaFindings'], lang: Lang): CheckProblem[] {
  const fileOf = fileFinder(read);
  const out: CheckProblem[] = [];
  const add = (severity: Severity, rule: string, message: string, area: string, where: { level: string; city?: string; county?: string }) => {
    const file = fileOf(where);
    out.push({ section: 'quota', rule, severity, message, area, ...(file !== undefined ? { file } : {}) });
  };
  // one finding per area short of its minimums, its verdict naming every requirement and the shortfall
  for (const a of report.areas) {
    if (a.met) continue;
    const where = a.level === 'province' ? { level: 'province' } : { level: 'city', city: a.area };
    add(mode === 'error' ? 'error' : 'info', 'quota-shortfall', a.verdict[lang], a.area, where);
  }
  // per-organisation guidance and the demonstration site are 指导建议: warnings at most, never errors
  for (const o of report.orgFindings) {
    if (o.kind !== 'short') continue;
    const where = o.level === 'province' ? { level: 'province' } : { level: 'city', ...(o.city ? { city: o.city } : {}), ...(o.county ? { county: o.county } : {}) };
    add(mode === 'error' ? 'warning' : 'info', 'quota-org-guidance', o.message[lang], o.area, where);
  }
  for (const d of report.demoSite) {
    if (d.met) continue;
    const where = d.area === '省本级' ? { level: 'province' } : { level: 'city', city: d.area };
    add(mode === 'error' ? 'warning' : 'info', 'quota-demo-site', d.message[lang], d.area, where);
  }
  return out;
}

function sameProvince(a: string, b: string): boolean {
  const x = compact(a).replace(/省$/u, '');
  const y = compact(b).replace(/省$/u, '');
  return x === y;
}

async function quotaAll(
  loaded: LoadedConfig,
  configFile: string,
  read: ReadResult,
  lang: Lang,
  encoding: EncodingName | undefined,
): Promise<{ report?: QuotaReport; skipped?: string }> {
  const table = await quotaTableOf(loaded, configFile, read, lang, encoding);
  const config = loaded.config;
  if (!sameProvince(table.province, config.province)) {
    return { skipped: msg(lang, 'quota-province', { table: table.province, province: config.province }) };
  }
  const gathered = gatherActuals(read, table, lang);
  if (gathered.actuals.areas.length === 0) return { skipped: msg(lang, 'no-quota-area') };
  const report = checkQuota(table, gathered.actuals);
  report.notes = [...gathered.notes, ...report.notes];
  if (config.year !== undefined && table.year !== undefined && config.year !== table.year) {
    const data = { table: table.year, year: config.year };
    report.notes.unshift({ zh: msg('zh', 'quota-year', data), en: msg('en', 'quota-year', data) });
  }
  const order = new Map(table.rows.map((r, i) => [r.unit, i]));
  report.areas.sort((a, b) => (order.get(a.unit) ?? order.size) - (order.get(b.unit) ?? order.size));
  if (report.areas.length === 0) return { skipped: msg(lang, 'not-in-table', { names: report.notInTable.join('、') }) };
  return { report };
}

// ── the command ─────────────────────────────────────────────────────────────────────────────

/** Everything check finds, as a report (no printing). Throws UsageError when the job cannot be done. */
export async function runCheck(dir: string, flags: CheckFlags, io: CliIO, now: Date = new Date()): Promise<CheckReport> {
  const lang = parseLang(flags.lang);
  const encoding = encodingOf(flags);
  const root = path.resolve(io.cwd, dir);
  const st = await stat(root).catch(() => undefined);
  if (!st) throw usage('missing', { dir });
  if (!st.isDirectory()) throw usage('not-dir', { dir });

  let loaded: LoadedConfig;
  try {
    loaded = await loadConfig(root, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.issues.map((i) => `${i.zh} / ${i.en}`).join('\n'));
    throw e;
  }
  const config = loaded.config;
  const configFile = loaded.file ? posix(path.relative(io.cwd, loaded.file)) || 'fupin.config.json' : 'fupin.config.json';
  let orgs: string | undefined;
  if (config.orgs !== undefined) {
    orgs = configPath(loaded, config.orgs);
    if (!(await stat(orgs).catch(() => undefined))?.isFile()) throw usage('config-orgs', { file: configFile, orgs: config.orgs });
  }

  const bar = progress(io, lang);
  let read: ReadResult;
  try {
    read = await readRegisters([root], { limits: limitsFromFlags(flags), ...(encoding ? { encoding } : {}), ...(orgs ? { orgs } : {}), onFile: bar.tick });
  } finally {
    bar.done();
  }
  if (!read.divisions.province(config.province)) throw usage('config-province', { file: configFile, value: config.province });
  if (read.files.length === 0) throw usage('no-files', { dir });

  const strict = Boolean(flags.strict) || config.strict;
  const validation = validateAll(read, root, strict, lang);
  const problems: CheckProblem[] = [];
  for (const f of validation.files) {
    for (const p of f.problems) problems.push({ section: 'validate', file: f.file, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}), ...p });
  }
  const reported = new Set(problems.map(problemKey));
  const rollup = rollupAll(read, lang, reported);
  for (const p of rollup.report?.problems ?? []) problems.push({ section: 'rollup', ...p });
  const quota = await quotaAll(loaded, configFile, read, lang, encoding);
  if (quota.report) problems.push(...quotaProblems(quota.report, read, config.quotaFindings, lang));

  const n = countSeverities(problems);
  const failed = n.error > 0 || (strict && n.warning > 0);
  // nothing at all could be read as a register or a 统计表: the job could not be done (exit 2)
  const readable = validation.files.some((f) => f.sheet !== undefined);
  const summary: CheckSummary = {
    files: validation.summary.files,
    registers: validation.summary.registers,
    emptyRegisters: validation.files.filter((f) => f.problems.some((p) => p.rule === REGISTER_EMPTY)).length,
    rows: validation.summary.rows,
    errors: n.error,
    warnings: n.warning,
    infos: n.info,
    quotaMet: quota.report ? quota.report.met : null,
    passed: readable && !failed,
    exitCode: !readable ? EXIT.failed : failed ? EXIT.problems : EXIT.ok,
  };
  const rel = posix(path.relative(io.cwd, root));
  return {
    root: dir,
    pathPrefix: rel === '' ? '' : `${rel}/`,
    config: {
      ...(loaded.file ? { file: configFile } : {}),
      province: config.province,
      ...(config.year !== undefined ? { year: config.year } : {}),
      quotaTable: config.quotaTable,
      strict,
      quotaFindings: config.quotaFindings,
    },
    validation,
    ...(rollup.report ? { rollup: rollup.report } : {}),
    ...(quota.report ? { quota: quota.report } : {}),
    skipped: { ...(rollup.skipped ? { rollup: rollup.skipped } : {}), ...(quota.skipped ? { quota: quota.skipped } : {}) },
    deadlines: deadlineStatus(config.deadlines, localDate(now)),
    problems,
    summary,
    lang,
  };
}

export function formatCheck(report: CheckReport, format: CheckFormat, opts: { color: boolean; width: number; verbose?: boolean }): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report, { rules: allRules.map((r) => r.meta.id) });
    case 'pretty': {
      // the pretty report lists each city's table only with --verbose: the provincial table has a row per city
      const rollup = report.rollup && !opts.verbose ? { ...report.rollup, byCity: [] } : report.rollup;
      return formatCheckPretty({ ...report, ...(rollup ? { rollup } : {}) }, opts);
    }
  }
}

export async function checkCommand(dir: string | undefined, flags: CheckFlags, io: CliIO, now: Date = new Date()): Promise<number> {
  const lang = parseLang(flags.lang);
  if (!(CHECK_FORMATS as readonly string[]).includes(flags.format)) throw usage('bad-format', { value: flags.format });
  const format = flags.format as CheckFormat;
  const report = await runCheck(dir ?? '.', flags, io, now);

  const width = io.stdoutIsTTY ? io.columns : 120;
  if (flags.output) {
    const text = formatCheck(report, format, { color: false, width: 120, verbose: Boolean(flags.verbose) });
    try {
      await writeFileAtomic(path.resolve(io.cwd, flags.output), Buffer.from(text, 'utf8'), { force: true, inputs: report.validation.files.map((f) => path.resolve(io.cwd, dir ?? '.', f.file)) });
    } catch (e) {
      if (e instanceof OutputError) throw new UsageError(e.message);
      throw e;
    }
    io.stderr(`${msg(lang, 'written', { file: flags.output })}\n`);
    io.stdout(formatCheck(report, 'pretty', { color: useColor(io, flags.color), width, verbose: Boolean(flags.verbose) }));
  } else {
    io.stdout(formatCheck(report, format, { color: format === 'pretty' && useColor(io, flags.color), width, verbose: Boolean(flags.verbose) }));
  }

  return report.summary.exitCode;
}
