// What validate and check report for what was read: each register's problems, orgs.csv's, and each 统计表's own checks.
import { areaLabel } from '../core/area.js';
import { validateRegisters } from '../core/inspect.js';
import type { FileReport } from '../core/model.js';
import type { RuleModule, RuleOptions } from '../core/rules/rule.js';
import type { ReadResult } from '../io/registers.js';

export function validationReports(
  read: ReadResult,
  rules: readonly RuleModule[],
  strict: boolean,
  registryFileShown: (file: string) => string = (f) => f,
): FileReport[] {
  const options: RuleOptions = { strict, divisions: read.divisions, ...(read.registry ? { registry: read.registry } : {}) };
  const reports: FileReport[] = [];
  if (read.registryFile && read.registryProblems.length) {
    reports.push({ file: registryFileShown(read.registryFile), rows: 0, problems: read.registryProblems, detected: {} });
  }
  for (const f of read.files) {
    if (f.registers.length || f.failure) reports.push(...validateRegisters(f, f.file, f.detected, rules, options, areaLabel));
    // a 附4 quota table beside the registers: listed, not checked (fupin quota --table reads it)
    else if (f.detected.kind?.value === 'quota-table') reports.push({ file: f.file, rows: 0, problems: [], detected: f.detected });
    // 附3 统计表 in the folder are checked as tables (whole numbers, 小计 and 合计 consistent)
    for (const t of f.tables) {
      reports.push({
        file: t.file,
        sheet: t.sheet,
        ...(t.city ? { area: t.city } : {}),
        rows: 0,
        problems: t.read.problems,
        detected: { ...f.detected, kind: { value: 'stats-table', reason: t.read.title ?? '' } },
      });
    }
  }
  return reports;
}
