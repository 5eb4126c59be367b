// validate --format json: the document CI scripts parse (DOMAIN §10). Extra keys only add, never rename.
import type { ValidationReport } from './report.js';

export function formatJson(report: ValidationReport): string {
  const doc = {
    files: report.files.map((f) => ({
      file: f.file,
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.area !== undefined ? { area: f.area } : {}),
      rows: f.rows,
      problems: f.problems,
      detected: f.detected,
      ...(f.households ? { households: f.households } : {}),
    })),
    summary: {
      files: report.summary.files,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
      registers: report.summary.registers,
      rows: report.summary.rows,
    },
    ...(report.passedOver.length
      ? { passedOver: report.passedOver.map((p) => p.file), passedOverWhy: Object.fromEntries(report.passedOver.map((p) => [p.file, p.why])) }
      : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
