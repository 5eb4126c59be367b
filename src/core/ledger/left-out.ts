// Rows a command leaves out (no 户主姓名, no organisation), said by file and row — and by sheet when the workbook holds
// registers on several sheets — the same way by rollup, publish and cards.
import { msg, type Msg } from '../model.js';

/** Where rows were left out: their file, their sheet, and whether the sheet must be named to find them. */
export interface RowsPlace {
  file: string;
  sheet: string;
  /** The workbook holds registers on more than one sheet: the note names the sheet too. */
  sheetNamed?: boolean;
}

/** The place as a message's {file}: the file, or the file and its sheet (rollup/in-sheet). */
export function placeText(p: RowsPlace): string | Msg {
  return p.sheetNamed ? msg('rollup/in-sheet', { file: p.file, sheet: p.sheet }) : p.file;
}

/** The files among `registers` that hold registers on more than one sheet. */
export function filesWithSheets(registers: Iterable<{ file: string; sheet: string }>): Set<string> {
  const sheets = new Map<string, Set<string>>();
  for (const r of registers) sheets.set(r.file, (sheets.get(r.file) ?? new Set()).add(r.sheet));
  return new Set([...sheets].filter(([, s]) => s.size > 1).map(([f]) => f));
}

/** The place of a register's rows, naming the sheet when its file is among `several`. */
export function placeOf(register: { file: string; sheet: string }, several: ReadonlySet<string>): RowsPlace {
  return { file: register.file, sheet: register.sheet, ...(several.has(register.file) ? { sheetNamed: true } : {}) };
}
