// check --format github: one GitHub Actions workflow command (::error/::warning/::notice) per problem, then a plain summary line.
import type { Severity } from '../core/model.js';
import { render } from './catalogue/index.js';
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

/** The last line: the verdict and the counts (github/summary). */
function summaryLine(r: CheckReport): string {
  const s = r.summary;
  const quota =
    s.quotaMet === null
      ? { id: 'check-view/quota-unchecked' }
      : s.quotaMet
        ? { id: 'check-view/quota-met' }
        : { id: r.config.quotaFindings === 'error' ? 'github/quota-short-error' : 'github/quota-short-info' };
  const data = { verdict: { id: s.passed ? 'check-view/passed' : 'check-view/failed' }, files: s.files, registers: s.registers, empty: s.emptyRegisters, rows: s.rows, errors: s.errors, warnings: s.warnings, infos: s.infos, quota, exit: s.exitCode };
  return render({ id: 'github/summary', data }, r.lang);
}

export function formatGithub(report: CheckReport): string {
  const sheetsOf = new Map<string, Set<string>>();
  for (const p of report.problems) {
    if (p.file === undefined || p.sheet === undefined) continue;
    sheetsOf.set(p.file, (sheetsOf.get(p.file) ?? new Set()).add(p.sheet));
  }
  // a workbook with several registers: the title names the sheet too (登记表2!E9)
  const multiSheet = new Set([...sheetsOf].filter(([, s]) => s.size > 1).map(([f]) => f));
  const lines = report.problems.map((p) => annotation(p, report.pathPrefix, p.file !== undefined && multiSheet.has(p.file)));
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
