// rollup --format json: DOMAIN §10's document (level, area, rows, total, notes), plus byCity and problems only when present.
import { tableDoc, type RollupReport } from './rollup-report.js';

export function formatRollupJson(report: RollupReport): string {
  const doc = {
    ...tableDoc(report.table),
    ...(report.byCity && report.byCity.length ? { byCity: report.byCity.map(tableDoc) } : {}),
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
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
