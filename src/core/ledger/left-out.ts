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

/** Rows of one register left out of a count, and why: no 户主姓名 (the household is unknown), no organisation. */
export interface LeftOut extends RowsPlace {
  reason: 'no-name' | 'no-org';
  rows: number[];
}

/** Rows left out, register by register, in the order added; each placed (its sheet named when its file has several). */
export class LeftOutRows {
  readonly all: LeftOut[] = [];
  private readonly several = new Set<string>();

  /** `registers`: all the registers of the count (to know the files that hold registers on more than one sheet). */
  constructor(registers: Iterable<{ file: string; sheet: string }>) {
    const sheets = new Map<string, Set<string>>();
    for (const r of registers) sheets.set(r.file, (sheets.get(r.file) ?? new Set()).add(r.sheet));
    for (const [file, s] of sheets) if (s.size > 1) this.several.add(file);
  }

  /** A register's rows without a 户主姓名 and without an organisation; what was added for it ([] when none). */
  add(register: { file: string; sheet: string }, noName: number[], noOrg: number[] = []): LeftOut[] {
    const at: RowsPlace = { file: register.file, sheet: register.sheet, ...(this.several.has(register.file) ? { sheetNamed: true } : {}) };
    const mine: LeftOut[] = [];
    if (noName.length) mine.push({ ...at, reason: 'no-name', rows: noName });
    if (noOrg.length) mine.push({ ...at, reason: 'no-org', rows: noOrg });
    for (const l of mine) this.all.push(l);
    return mine;
  }
}
