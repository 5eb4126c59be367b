// What validate (and check) report for a ledger: each register's problems, orgs.csv's, each 统计表's own checks,
// and a line for every file that is not a register (unreadable, fupin's own output, a quota table).
import { areaLabel } from '../area.js';
import type { Detected, FileReport } from '../model.js';
import type { Ledger, LedgerFile } from './model.js';
import { problemsOf } from './visitors.js';

function areaDetected(entry: { register: { area: import('../model.js').AreaGuess } }, label: string | undefined): Detected {
  const a = entry.register.area;
  const out: Detected = { area: { value: label ?? '', reason: a.evidence ? `${a.source}: ${a.evidence}` : a.source } };
  if (a.conflicts?.length) {
    out.areaConflicts = { value: a.conflicts.map((c) => `${c.source}: ${c.text} → ${c.names}`).join('; '), reason: 'conflict' };
  }
  return out;
}

function fileReports(f: LedgerFile): FileReport[] {
  if (f.registers.length === 0) {
    if (f.failure) return [{ file: f.file, rows: 0, problems: [f.failure], detected: f.detected }];
    // a 附4 quota table beside the registers: listed, not checked (fupin quota --table reads it)
    if (f.kind === 'roster' || f.kind === 'focus-list') return [{ file: f.file, rows: 0, problems: [], detected: { kind: { value: f.kind, reason: 'given' } } }];
    if (f.kind === 'quota-table') return [{ file: f.file, rows: 0, problems: [], detected: { ...f.detected, kind: { value: 'quota-table', reason: 'content' } } }];
    return [];
  }
  return f.registers.map((e) => {
    const reg = e.register;
    const label = areaLabel(reg.area);
    const detected: Detected = { ...reg.detected, ...areaDetected(e, label) };
    if (f.otherSheets.length) detected.otherSheets = { value: f.otherSheets.join(', '), reason: 'no-header' };
    if (f.ownOutput) detected.ownOutput = { value: f.ownOutput.kind, reason: f.ownOutput.via };
    return {
      file: f.file,
      sheet: reg.sheet,
      ...(label ? { area: label } : {}),
      rows: reg.rowCount,
      problems: problemsOf(e.results),
      detected,
      register: reg,
    };
  });
}

/** One report per register (or per file that holds none), in input order, the org registry's first. */
export function validationReports(ledger: Ledger, registryFileShown: (file: string) => string = (f) => f): FileReport[] {
  const reports: FileReport[] = [];
  if (ledger.registryFile && ledger.registryProblems.length) {
    reports.push({ file: registryFileShown(ledger.registryFile), rows: 0, problems: ledger.registryProblems, detected: {} });
  }
  for (const f of ledger.files) {
    reports.push(...fileReports(f));
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
