// The rollup's focus section (pure): per focus place, the households helped there and the organisations helping —
// places nobody helps kept as zero rows — and the places that could not be matched to the division list.
import type { CountedWhom } from '../roster/coverage.js';
import type { FocusList, FocusSkip } from './list.js';

export interface FocusRowCount {
  category: string;
  place: string;
  households: number;
  units: number;
}

export interface FocusCoverage {
  sources: string[];
  rows: FocusRowCount[];
  /** Per category, in list order: the places nobody helps. */
  unhelped: { category: string; places: string[] }[];
  /** Places whose county (or township within it) the division list does not know: they can match no household. */
  unresolved: { category: string; place: string; what: 'county' | 'township'; file?: string; row?: number }[];
  /** Rows of the lists left out (no 类别 or 区县, or repeated). */
  skipped: FocusSkip[];
}

export function focusCoverage(list: FocusList, counted: readonly CountedWhom[]): FocusCoverage {
  const households = list.places.map(() => new Set<number>());
  const units = list.places.map(() => new Set<string>());
  for (const c of counted) {
    if (!c.whom) continue;
    const byRow = new Map(c.whom.rows.filter((w) => w.focus).map((w) => [w.row, w.focus!]));
    for (const p of c.rows) {
      const at = byRow.get(p.row);
      if (!at || p.household === undefined) continue;
      for (const i of at) {
        households[i]!.add(p.household);
        if (p.org !== undefined) units[i]!.add(p.org);
      }
    }
  }
  const rows = list.places.map((p, i) => ({ category: p.category, place: p.label, households: households[i]!.size, units: units[i]!.size }));
  return {
    sources: list.sources,
    rows,
    unhelped: list.categories.map((category) => ({ category, places: rows.filter((r) => r.category === category && r.households === 0).map((r) => r.place) })),
    unresolved: list.places
      .filter((p) => p.unresolved)
      .map((p) => ({ category: p.category, place: p.label, what: p.unresolved!, ...(p.file !== undefined ? { file: p.file } : {}), ...(p.row !== undefined ? { row: p.row } : {}) })),
    skipped: list.skipped,
  };
}
