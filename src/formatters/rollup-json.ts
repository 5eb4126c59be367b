// rollup --format json: DOMAIN §10's document (level, area, rows, total, notes), plus byCity and problems only when present.
import { tableDoc, type RollupReport } from './rollup-report.js';

export function formatRollupJson(report: RollupReport): string {
  const doc = {
    ...tableDoc(report.table, report.lang),
    ...(report.byCity && report.byCity.length ? { byCity: report.byCity.map((t) => tableDoc(t, report.lang)) } : {}),
    ...(report.problems.length
      ? {
          problems: report.problems.map((p) => ({
            ...(p.file !== undefined ? { file: p.file } : {}),
            ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
            ...(p.row !== undefined ? { row: p.row } : {}),
            ...(p.cell !== undefined ? { cell: p.cell } : {}),
            ...(p.column !== undefined ? { column: p.column } : {}),
            ...(p.value !== undefined ? { value: p.value } : {}),
            rule: p.rule,
            severity: p.severity,
            message: p.message,
          })),
        }
      : {}),
    ...(report.leftOut.rows || report.leftOut.files.length ? { leftOut: report.leftOut } : {}),
    ...(report.rosters ? { rosters: report.rosters } : {}),
    ...(report.focus ? { focus: report.focus.rows, focusSources: report.focus.sources, focusUnhelped: report.focus.unhelped, focusUnresolved: report.focus.unresolved, focusSkipped: report.focus.skipped } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
