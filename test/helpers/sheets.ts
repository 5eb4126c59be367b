// A sheet's rows as plain arrays (null for no cell), for tests that compare two readings of one sheet.
import type { RawCell, RawSheet } from '../../src/core/model.js';
import { rowAt, rowCountOf } from '../../src/core/sheet-rows.js';

/** Every row of `sheet`, read through rowAt (a lean sheet's rows built one at a time) or its whole `rows` grid. */
export function rowsOf(sheet: RawSheet, via: 'rowAt' | 'rows' = 'rowAt'): (RawCell | null)[][] {
  const out: (RawCell | null)[][] = [];
  const n = via === 'rowAt' ? rowCountOf(sheet) : sheet.rows.length;
  for (let r = 0; r < n; r++) {
    const row = via === 'rowAt' ? rowAt(sheet, r) : sheet.rows[r];
    out.push(Array.from({ length: row?.length ?? 0 }, (_, i) => row![i] ?? null));
  }
  return out;
}
