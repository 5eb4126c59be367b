// The validation report as plain data: what the formatters receive (problems already put into words).
import type { PassedOver } from '../core/ledger/model.js';
import type { Detected, FileReport, Lang, Severity } from '../core/model.js';
import { render, renderProblem } from './catalogue/index.js';

export interface RenderedProblem {
  rule: string;
  severity: Severity;
  row?: number;
  column?: string;
  cell?: string;
  value?: string;
  message: string;
}

export interface RenderedFile {
  file: string;
  sheet?: string;
  area?: string;
  rows: number;
  problems: RenderedProblem[];
  detected: Detected;
  /** Per row, the roster match and focus places (when rosters or focus lists were given). */
  households?: readonly object[];
}

export interface Summary {
  files: number;
  registers: number;
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidationReport {
  files: RenderedFile[];
  summary: Summary;
  /** Files in the folders that are no table fupin reads, each with what it is. */
  passedOver: { file: string; why: string }[];
  lang: Lang;
}

export function summarise(files: { file: string; rows: number; problems: { severity: Severity }[]; sheet?: string }[]): Summary {
  const s: Summary = { files: new Set(files.map((f) => f.file)).size, registers: 0, rows: 0, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    if (f.sheet !== undefined) s.registers++;
    s.rows += f.rows;
    for (const p of f.problems) {
      if (p.severity === 'error') s.errors++;
      else if (p.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

/** Every problem's message in `lang`, every file passed over with what it is. */
export function renderReports(reports: FileReport[], lang: Lang, passedOver: readonly PassedOver[] = []): ValidationReport {
  const files: RenderedFile[] = reports.map((r) => ({
    file: r.file,
    ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
    ...(r.area !== undefined ? { area: r.area } : {}),
    rows: r.rows,
    problems: r.problems.map((p) => ({
      rule: p.rule,
      severity: p.severity,
      ...(p.row !== undefined ? { row: p.row } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
      ...(p.cell !== undefined ? { cell: p.cell } : {}),
      ...(p.value !== undefined ? { value: p.value } : {}),
      message: renderProblem(p, lang),
    })),
    detected: r.detected,
    ...(r.households ? { households: r.households } : {}),
  }));
  return { files, summary: summarise(files), passedOver: passedOver.map((p) => ({ file: p.file, why: render(p.why, lang) })), lang };
}
