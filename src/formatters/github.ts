// check --format github: one GitHub Actions workflow command (::error/::warning/::notice) per problem, then a plain summary line.
import type { Severity } from '../core/model.js';
import type { CheckProblem, CheckReport } from './check-report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message, escaped as @actions/core does: %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property (file, title …): the message escapes plus ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One annotation. xlsx has no lines, so `line=` is the spreadsheet row (for CSV the record's line, header included)
 * and the cell goes in the title next to the rule: `title=phone-format E9`. File-level problems have no line.
 */
export function annotation(p: CheckProblem, prefix = '', nameSheet = false): string {
  const props: string[] = [];
  if (p.file !== undefined) props.push(`file=${escapeProperty(prefix + p.file)}`);
  if (p.file !== undefined && p.row !== undefined) props.push(`line=${p.row}`);
  const cell = p.cell !== undefined && nameSheet && p.sheet !== undefined ? `${p.sheet}!${p.cell}` : p.cell;
  props.push(`title=${escapeProperty(cell !== undefined ? `${p.rule} ${cell}` : p.rule)}`);
  return `::${COMMAND[p.severity]} ${props.join(',')}::${escapeData(p.message)}`;
}

const SUMMARY = {
  zh: (r: CheckReport) => {
    const s = r.summary;
    const verdict = s.passed ? '通过' : '未通过';
    const quota = s.quotaMet === null ? '任务未核对' : s.quotaMet ? '任务下限全部完成' : `任务下限未全部完成（${r.config.quotaFindings === 'error' ? '算错误' : '只作提示'}）`;
    return `fupin check：${verdict}。共 ${s.files} 个文件（${s.registers} 张登记表，其中 ${s.emptyRegisters} 张尚未填写；${s.rows} 户结对）：错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.infos} 个；${quota}。退出码 ${s.exitCode}`;
  },
  en: (r: CheckReport) => {
    const s = r.summary;
    const verdict = s.passed ? 'passed' : 'failed';
    const quota = s.quotaMet === null ? 'quotas not checked' : s.quotaMet ? 'every quota minimum met' : `quota minimums not all met (${r.config.quotaFindings === 'error' ? 'errors' : 'information only'})`;
    return `fupin check: ${verdict}. ${s.files} files (${s.registers} registers, ${s.emptyRegisters} not filled in yet; ${s.rows} pairings): ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos; ${quota}. Exit code ${s.exitCode}`;
  },
};

export function formatGithub(report: CheckReport): string {
  const sheetsOf = new Map<string, Set<string>>();
  for (const p of report.problems) {
    if (p.file === undefined || p.sheet === undefined) continue;
    sheetsOf.set(p.file, (sheetsOf.get(p.file) ?? new Set()).add(p.sheet));
  }
  // a workbook with several registers: the title names the sheet too (登记表2!E9)
  const multiSheet = new Set([...sheetsOf].filter(([, s]) => s.size > 1).map(([f]) => f));
  const lines = report.problems.map((p) => annotation(p, report.pathPrefix, p.file !== undefined && multiSheet.has(p.file)));
  lines.push(SUMMARY[report.lang](report));
  return `${lines.join('\n')}\n`;
}
