// Reading a sheet's rows whether it is held as a grid or compactly (a big xlsx sheet, `RawSheet.lean`): only the rows asked for are built.
import type { RawCell, RawSheet } from './model.js';

/** Row r of a sheet (0-based), as `sheet.rows[r]` would be. */
export function rowAt(sheet: RawSheet, r: number): readonly (RawCell | undefined)[] | undefined {
  return sheet.lean ? sheet.lean.row(r) : sheet.rows[r];
}

/** How many rows a sheet has, as `sheet.rows.length`. */
export function rowCountOf(sheet: RawSheet): number {
  return sheet.lean ? sheet.lean.rowCount : sheet.rows.length;
}

/** Some cell of the sheet has text. */
export function sheetHasText(sheet: RawSheet): boolean {
  return sheet.lean ? sheet.lean.hasText() : sheet.rows.some((r) => r.some((c) => c && c.text !== ''));
}
