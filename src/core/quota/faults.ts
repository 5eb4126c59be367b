// Checks a quota table against itself: the 合计 row against the column sums, each row's 小计 against 本级 + 县市区.
import type { Text } from './messages.js';
import { quotaText } from './messages.js';
import {
  COLUMN_LABELS,
  QUOTA_COLUMNS,
  RANGE_COLUMNS,
  addRanges,
  formatRange,
  sameRange,
  type QuotaColumn,
  type QuotaRow,
  type QuotaTable,
  type QuotaTotals,
  type Range,
} from './table.js';

/** One place where the table contradicts itself. */
export interface TableFault {
  /** 'total': the 合计 row vs the sum of the rows; 'subtotal': a row's 小计 vs its 本级 + 县市区. */
  kind: 'total' | 'subtotal';
  column: QuotaColumn;
  label: Text;
  /** The row, for 'subtotal' faults. */
  unit?: string;
  /** As the table states it (a number, or a range for 扶贫户数). */
  stated: number | Range;
  /** What the rows add up to. */
  computed: number | Range;
  message: Text;
}

/** A figure as text: a range as the form writes it ("30-100"), a number as digits. */
export function figureText(v: number | Range): string {
  return typeof v === 'number' ? String(v) : formatRange(v);
}

/** The column sums of the rows (blank cells count 0). These, not the stated 合计, are the table's totals. */
export function columnSums(rows: readonly QuotaRow[]): Required<QuotaTotals> {
  const sum = (key: 'charityLocal' | 'charityCounty' | 'charitySubtotal' | 'foundationOrgs' | 'socialOrgs'): number =>
    rows.reduce((acc, row) => acc + (row[key] ?? 0), 0);
  const sumRange = (key: 'foundationHouseholds' | 'socialHouseholds'): Range =>
    rows.reduce<Range>((acc, row) => addRanges(acc, row[key]), { min: 0, max: 0 });
  return {
    charityLocal: sum('charityLocal'),
    charityCounty: sum('charityCounty'),
    charitySubtotal: sum('charitySubtotal'),
    foundationOrgs: sum('foundationOrgs'),
    foundationHouseholds: sumRange('foundationHouseholds'),
    socialOrgs: sum('socialOrgs'),
    socialHouseholds: sumRange('socialHouseholds'),
  };
}

/**
 * Every mismatch between the stated 合计 and the rows, column by column (a column the 合计 row leaves blank is not
 * compared), then every row whose 慈善系统 小计 is not 本级 + 县市区 (rows with no 小计 are not compared).
 */
export function tableFaults(table: QuotaTable): TableFault[] {
  const faults: TableFault[] = [];
  const sums = columnSums(table.rows);
  const total = table.total;
  if (total) {
    for (const column of QUOTA_COLUMNS) {
      const stated = total[column];
      if (stated === undefined) continue;
      const computed = sums[column];
      const same = RANGE_COLUMNS.has(column)
        ? sameRange(stated as Range, computed as Range)
        : stated === computed;
      if (same) continue;
      faults.push({
        kind: 'total',
        column,
        label: COLUMN_LABELS[column],
        stated,
        computed,
        message: quotaText('fault-total', {
          column: COLUMN_LABELS[column],
          stated: figureText(stated),
          computed: figureText(computed),
        }),
      });
    }
  }
  for (const row of table.rows) {
    if (row.charitySubtotal === undefined) continue;
    const computed = (row.charityLocal ?? 0) + (row.charityCounty ?? 0);
    if (computed === row.charitySubtotal) continue;
    faults.push({
      kind: 'subtotal',
      column: 'charitySubtotal',
      label: COLUMN_LABELS.charitySubtotal,
      unit: row.unit,
      stated: row.charitySubtotal,
      computed,
      message: quotaText('fault-subtotal', { unit: row.unit, stated: row.charitySubtotal, computed }),
    });
  }
  return faults;
}
