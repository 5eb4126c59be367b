// The rollup report as plain data (tables, notes, problems already put into words): what the rollup formatters receive.
import type { Finding } from '../core/ledger/plan-rollup.js';
import type { CountPair, Lang, RollupRow, RollupTable, Severity } from '../core/model.js';
import type { FocusCoverage } from '../core/focus/coverage.js';
import type { RosterCoverage } from '../core/roster/coverage.js';
import { render, renderProblem } from './catalogue/index.js';

/** A problem found while rolling up (a 统计表's arithmetic, a reconcile difference, orgs.csv, an unplaced file), in words. */
export interface RollupProblem {
  file?: string;
  sheet?: string;
  row?: number;
  cell?: string;
  column?: string;
  value?: string;
  rule: string;
  severity: Severity;
  message: string;
}

export interface RollupReport {
  /** The form's title (the province profile's). */
  title: string;
  /** The table built: a city's 统计表 or the provincial table. */
  table: RollupTable;
  /** With --by city: each city's own table, in table order. */
  byCity?: RollupTable[];
  problems: RollupProblem[];
  /** What was read, for the summary line. */
  source: { files: number; registers: number; tables: number };
  /** What the count left out: rows (no 户主姓名, no organisation) and files, each file with why. */
  leftOut: { rows: number; files: { file: string; why: string }[] };
  /** With rosters: listed households, how many are paired, paired ones on no roster, villages with unpaired ones. */
  rosters?: RosterCoverage;
  /** With focus lists: per focus place, households and organisations (zero rows kept). */
  focus?: FocusCoverage;
  lang: Lang;
}

/** A finding in words, where it is. */
export function renderFinding(p: Finding, lang: Lang): RollupProblem {
  const out: RollupProblem = { rule: p.rule, severity: p.severity, message: renderProblem(p, lang) };
  if (p.file !== undefined) out.file = p.file;
  if (p.sheet !== undefined) out.sheet = p.sheet;
  if (p.row !== undefined) out.row = p.row;
  if (p.cell !== undefined) out.cell = p.cell;
  if (p.column !== undefined) out.column = p.column;
  if (p.value !== undefined) out.value = p.value;
  return out;
}

/** The two header rows of 附3 (DOMAIN §5), as the form writes them. */
export const GROUP_HEADERS = ['慈善系统', '基金会', '社会服务机构（民非）', '小计'] as const;
export const MEASURE_HEADERS = [
  '参与单位数量',
  '扶贫脱贫户数',
  '参与单位数量',
  '扶贫脱贫户数',
  '参与单位数量',
  '扶贫脱贫户数',
  '参与扶贫单位总数',
  '扶贫脱贫农户总数',
] as const;

/** The eight figures of a row in the form's column order. */
export function figuresOf(p: { charity: CountPair; foundation: CountPair; social: CountPair; subtotal: CountPair }): number[] {
  return [p.charity, p.foundation, p.social, p.subtotal].flatMap((c) => [c.units, c.households]);
}

/** A row as DOMAIN §10 writes it: unit and the four pairs, nothing else. */
function rowDoc(r: Pick<RollupRow, 'unit' | 'charity' | 'foundation' | 'social' | 'subtotal'>) {
  return { unit: r.unit, charity: { ...r.charity }, foundation: { ...r.foundation }, social: { ...r.social }, subtotal: { ...r.subtotal } };
}

/** One table as the DOMAIN §10 rollup document, its notes in words. */
export function tableDoc(t: RollupTable, lang: Lang) {
  return {
    level: t.level,
    area: t.area,
    rows: t.rows.map(rowDoc),
    total: {
      charity: { ...t.total.charity },
      foundation: { ...t.total.foundation },
      social: { ...t.total.social },
      subtotal: { ...t.total.subtotal },
    },
    notes: t.notes.map((n) => render(n, lang)),
  };
}

export function countBySeverity(problems: readonly { severity: Severity }[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) n[p.severity]++;
  return n;
}
