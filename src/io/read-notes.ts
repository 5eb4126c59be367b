// What a workbook reader could not place — strings a cell names that do not exist, parts stored twice, sheets that are
// not worksheets — and how it is told: one `detected` entry each (JSON, --explain), a warning when a value was dropped.
import type { Detected } from '../core/model.js';

export type SkippedSheetKind = 'chart' | 'macro' | 'dialog' | 'missing' | 'other';

export interface ReadNotes {
  /** Cells naming a shared string that does not exist, read as empty: how many, the first few (`Sheet1!B2`). */
  missingStrings?: { cells: number; first: string[]; strings: number };
  /** Parts stored twice in the zip (the first copy is read); `differ` when the copies hold other bytes. */
  duplicateParts?: { name: string; copies: number; differ: boolean; read: boolean }[];
  /** Sheets not read as worksheets, and `cells` holding a value in them (a macro sheet's cells, say). */
  skippedSheets?: { name: string; kind: SkippedSheetKind; cells: number }[];
}

const KIND_TEXT: Record<SkippedSheetKind, string> = {
  chart: 'chart sheet',
  macro: 'macro sheet',
  dialog: 'dialog sheet',
  missing: 'its part is missing from the file',
  other: 'not a worksheet',
};

const listed = (items: string[], shown = 5): string => items.slice(0, shown).join(', ') + (items.length > shown ? `, … (${items.length} in all)` : '');

/**
 * The notes as `detected` entries. An entry whose note dropped a value carries `warning` (the file-partly-read
 * message to give, and its data): the report then has a warning, so a value fupin did not read is never silent.
 */
export function notesDetected(notes: ReadNotes | undefined): Detected {
  const out: Detected = {};
  if (!notes) return out;
  const m = notes.missingStrings;
  if (m && m.cells > 0) {
    const where = listed(m.first, 5) + (m.cells > m.first.length ? ` … (${m.cells} cells)` : '');
    out.sharedStrings = {
      value: `${m.cells} cell(s) name a shared string that does not exist: ${where}`,
      reason: `the workbook has ${m.strings} shared string(s); those cells are read as empty`,
      warning: { messageId: 'shared-strings', data: { count: m.cells, cells: where } },
    };
  }
  const d = notes.duplicateParts ?? [];
  if (d.length) {
    const lost = d.filter((x) => x.differ && x.read);
    out.duplicateParts = {
      value: listed(d.map((x) => `${x.name} ×${x.copies}${x.differ ? ' (copies differ)' : ''}`)),
      reason: 'the zip stores these parts more than once; the first copy is read',
      ...(lost.length ? { warning: { messageId: 'duplicate-parts', data: { parts: listed(lost.map((x) => x.name)) } } } : {}),
    };
  }
  const s = notes.skippedSheets ?? [];
  if (s.length) {
    const lost = s.filter((x) => x.cells > 0);
    out.skippedSheets = {
      value: listed(s.map((x) => `${x.name} (${KIND_TEXT[x.kind]}${x.cells ? `, ${x.cells} cell(s) with values` : ''})`)),
      reason: 'only worksheets hold registers: chart, macro and dialog sheets are not read',
      ...(lost.length ? { warning: { messageId: 'skipped-sheets', data: { sheets: listed(lost.map((x) => x.name)), count: lost.reduce((n, x) => n + x.cells, 0) } } } : {}),
    };
  }
  return out;
}
