// check's default output: 登记表检查, 汇总, 任务核对, then the verdict — each section the output of its own command.
import { Chalk } from 'chalk';
import type { Lang } from '../core/model.js';
import { REGISTER_EMPTY, type CheckReport } from './check-report.js';
import { formatPretty } from './pretty.js';
import { formatQuotaPretty } from './quota-pretty.js';
import { formatRollupPretty } from './rollup-pretty.js';
import { markersOf, wrapLines, type TerminalLayout } from './layout.js';

export interface CheckPrettyOptions extends TerminalLayout {
  color: boolean;
  /** List every clean register. */
  verbose?: boolean;
}

const T = {
  zh: {
    validate: '一、登记表检查',
    rollup: '二、汇总（附3）',
    quota: '三、任务核对（附4）',
    verdict: '检查结论',
    empty: (n: number, names: string) => `尚未填写的登记表 ${n} 张：${names}`,
    more: (n: number) => `等（共 ${n} 张）`,
    quotaInfo: '任务核对只作提示（fupin.config.json 中 "quotaFindings": "info"），任务未完成不影响结论。',
    quotaError: '任务未完成算错误（fupin.config.json 中 "quotaFindings": "error"）。',
    config: (file: string | undefined) => (file ? `设置：${file}` : '设置：没有 fupin.config.json，使用默认设置'),
    passed: '通过',
    failed: '未通过',
    counts: (r: CheckReport) => {
      const s = r.summary;
      return `错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.infos} 个${r.config.strict ? '（严格模式：警告也算不通过）' : ''}`;
    },
    quotaLine: (r: CheckReport) =>
      r.summary.quotaMet === null ? '任务未核对' : r.summary.quotaMet ? '任务下限全部完成' : '任务下限尚未全部完成',
    exit: (n: number) => `退出码 ${n}`,
    deadline: (name: string, date: string, days: number) =>
      days > 0 ? `${name}：${date}，还有 ${days} 天` : days === 0 ? `${name}：${date}，就是今天` : `${name}：${date}，已过 ${-days} 天`,
  },
  en: {
    validate: '1. Registers',
    rollup: '2. Roll-up (附3)',
    quota: '3. Quotas (附4)',
    verdict: 'Check verdict',
    empty: (n: number, names: string) => `${n} register(s) not filled in yet: ${names}`,
    more: (n: number) => ` … (${n} in all)`,
    quotaInfo: 'Quota findings are information only ("quotaFindings": "info" in fupin.config.json); they do not fail the check.',
    quotaError: 'Unmet quotas are errors ("quotaFindings": "error" in fupin.config.json).',
    config: (file: string | undefined) => (file ? `Settings: ${file}` : 'Settings: no fupin.config.json, defaults used'),
    passed: 'passed',
    failed: 'failed',
    counts: (r: CheckReport) => {
      const s = r.summary;
      return `${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${r.config.strict ? ' (strict: warnings fail too)' : ''}`;
    },
    quotaLine: (r: CheckReport) =>
      r.summary.quotaMet === null ? 'quotas not checked' : r.summary.quotaMet ? 'every quota minimum met' : 'quota minimums not all met yet',
    exit: (n: number) => `exit code ${n}`,
    deadline: (name: string, date: string, days: number) =>
      days > 0 ? `${name}: ${date}, ${days} days left` : days === 0 ? `${name}: ${date}, today` : `${name}: ${date}, ${-days} days ago`,
  },
} as const;

function emptyLine(report: CheckReport, lang: Lang, layout: TerminalLayout): string[] {
  const t = T[lang];
  const empty = report.validation.files.filter((f) => f.problems.some((p) => p.rule === REGISTER_EMPTY)).map((f) => f.file);
  if (empty.length === 0) return [];
  const shown = empty.slice(0, 20).join('、') + (empty.length > 20 ? t.more(empty.length) : '');
  return wrapLines(t.empty(empty.length, shown), layout);
}

export function formatCheckPretty(report: CheckReport, opts: CheckPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = report.lang;
  const t = T[lang];
  const out: string[] = [];
  const heading = (s: string) => out.push(c.bold.underline(s), '');

  heading(t.validate);
  // blank registers are listed on one line, not one block each
  const files = report.validation.files.map((f) => ({ ...f, problems: f.problems.filter((p) => p.rule !== REGISTER_EMPTY) }));
  out.push(
    formatPretty({ ...report.validation, files }, { ...opts, explain: false, verbose: Boolean(opts.verbose) }).trimEnd(),
  );
  out.push(...emptyLine(report, lang, opts).map((l) => c.cyan(l)));
  out.push('');

  heading(t.rollup);
  if (report.rollup) out.push(formatRollupPretty(report.rollup, opts).trimEnd());
  else if (report.skipped.rollup) out.push(report.skipped.rollup);
  out.push('');

  heading(t.quota);
  if (report.quota) {
    out.push(formatQuotaPretty(report.quota, { ...opts, lang }).trimEnd());
    out.push('', c.dim(report.config.quotaFindings === 'error' ? t.quotaError : t.quotaInfo));
  } else if (report.skipped.quota) out.push(report.skipped.quota);
  out.push('');

  heading(t.verdict);
  out.push(c.dim(t.config(report.config.file)));
  for (const d of report.deadlines) out.push(t.deadline(d.name, d.date, d.daysLeft));
  const s = report.summary;
  const mk = markersOf(opts);
  const verdict = s.passed ? `${mk.ok} ${t.passed}` : `${mk.error} ${t.failed}`;
  const exit = t.exit(s.exitCode);
  const plain = lang === 'zh' ? `${verdict}：${t.counts(report)}；${t.quotaLine(report)}。${exit}` : `${verdict}: ${t.counts(report)}; ${t.quotaLine(report)}. ${exit}`;
  const lines = wrapLines(plain, opts);
  lines[0] = lines[0]!.replace(verdict, s.passed ? c.green.bold(verdict) : c.red.bold(verdict));
  const last = lines.length - 1;
  if (lines[last]!.endsWith(exit)) lines[last] = lines[last]!.slice(0, -exit.length) + c.dim(exit);
  out.push(...lines);
  return `${out.join('\n')}\n`;
}
