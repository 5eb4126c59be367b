// Reconciling a city 统计表 read from a file with the table counted from that city's registers: one problem per differing cell.
import { msg, type MsgArg, type Problem, type RollupRow, type RollupTable } from './model.js';
import { numberText } from './normalize.js';
import { COLUMN_LABEL, GROUPS, matchUnit, type RowRefs, type StatsTableRead } from './stats-table.js';

const MEASURES = ['units', 'households'] as const;

/** The row's eight figures, each with its column's label (column names are the form's own). */
function countsText(row: RollupRow): string[] {
  return GROUPS.flatMap((g) => MEASURES.map((m) => `${COLUMN_LABEL[g][m]} ${row[g][m]}`));
}

function compareCells(
  unit: MsgArg,
  sheetRow: number,
  refs: RowRefs,
  stated: Pick<RollupRow, 'charity' | 'foundation' | 'social' | 'subtotal'>,
  computed: Pick<RollupRow, 'charity' | 'foundation' | 'social' | 'subtotal'>,
  out: Problem[],
): void {
  for (const g of GROUPS) {
    for (const m of MEASURES) {
      const a = stated[g][m];
      const b = computed[g][m];
      if (a === b) continue;
      const cell = refs[g][m] || undefined;
      const p: Problem = {
        rule: 'stats-reconcile',
        messageId: 'cell',
        severity: 'error',
        row: sheetRow,
        column: COLUMN_LABEL[g][m],
        value: numberText(a),
        data: { unit, column: COLUMN_LABEL[g][m], stated: numberText(a), computed: b },
      };
      if (cell) p.cell = cell;
      out.push(p);
    }
  }
}

/**
 * Every cell where the city's 统计表 differs from what its registers give (error `stats-reconcile`, at the
 * table's cell), a row the registers have and the table lacks (error), and a table row with no register to
 * check it against (warning). 合计 is compared too when every table row has its registers. A missing row of
 * zeros (a county with a register but no pairings) is only a warning.
 */
export function reconcileCityTable(read: StatsTableRead, computed: RollupTable): Problem[] {
  const out: Problem[] = [];
  const units = computed.rows.map((r) => r.unit);
  const matched = new Set<string>();
  let allMatched = true;
  for (const s of read.rows) {
    const unit = units.includes(s.row.unit) ? s.row.unit : matchUnit(s.label, units);
    const c = unit === undefined ? undefined : computed.rows.find((r) => r.unit === unit);
    if (unit !== undefined && matched.has(unit)) {
      allMatched = false; // a repeated row: stats-unknown-unit already names it
      continue;
    }
    if (!c || unit === undefined) {
      allMatched = false;
      out.push({
        rule: 'stats-reconcile',
        messageId: 'no-register',
        severity: 'warning',
        row: s.sheetRow,
        cell: s.labelCell,
        value: s.label,
        data: { unit: s.label },
      });
      continue;
    }
    matched.add(unit);
    compareCells(c.unit, s.sheetRow, s.refs, s.row, c, out);
  }
  if (read.stated && allMatched) {
    compareCells(msg('term/total-row'), read.stated.sheetRow, read.stated.refs, read.stated.total, computed.total, out);
  }
  for (const c of computed.rows) {
    if (matched.has(c.unit)) continue;
    // A row of zeros the table leaves out changes no figure: a warning; any other missing row is an error.
    const zero = GROUPS.every((g) => c[g].units === 0 && c[g].households === 0);
    out.push({
      rule: 'stats-reconcile',
      messageId: 'missing-row',
      severity: zero ? 'warning' : 'error',
      data: { unit: c.unit, computedText: countsText(c) },
    });
  }
  return out;
}
