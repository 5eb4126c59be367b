// Reads an .xlsx/.xlsm workbook into plain grids (our own bounded reader); exceljs helpers kept for the writers.
import type { MergeRange, RawCell, RawSheet } from '../core/model.js';
import { numberText } from '../core/normalize.js';
import type { ReadLimits } from './limits.js';
import type { ReadNotes } from './read-notes.js';
import { dateText, type DefinedName, readXlsx } from './xlsx-reader.js';

export { dateText };

type ExcelJsModule = typeof import('exceljs');
let excelJs: Promise<ExcelJsModule> | undefined;

/** exceljs is large: import it the first time a workbook is read, not at start-up. */
export function loadExcelJs(): Promise<ExcelJsModule> {
  excelJs ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJsModule }).default ?? m) as ExcelJsModule);
  return excelJs;
}

/** One exceljs cell value → RawCell (rich text joined, formula → cached result, hyperlink → its text). */
export function toRawCell(value: unknown, numFmt?: string): RawCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : { text: value, kind: 'string', ...(numFmt ? { numFmt } : {}) };
  if (typeof value === 'number') return { text: numberText(value), kind: 'number', raw: value, ...(numFmt ? { numFmt } : {}) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean', raw: value };
  if (value instanceof Date) return { text: dateText(value), kind: 'date', ...(numFmt ? { numFmt } : {}) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
      return text === '' ? undefined : { text, kind: 'string' };
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const inner = toRawCell(v.result, numFmt);
      return inner ? { ...inner, formula: true } : { text: '', kind: 'empty', formula: true };
    }
    if ('hyperlink' in v || 'text' in v) return toRawCell(v.text, numFmt);
    if ('error' in v) return { text: String(v.error), kind: 'error' };
  }
  return undefined;
}

/** Parse an A1 range "B2:D4" into a 0-based rectangle. */
export function parseRange(ref: string): MergeRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]!);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export interface XlsxRead {
  sheets: RawSheet[];
  date1904?: boolean;
  /** Defined names as written (never expanded). */
  definedNames?: DefinedName[];
  /** Merges left out because one alone covers more than the limit (`Sheet1!A1:XFD1048576`). */
  droppedMerges?: string[];
  /** The workbook's keywords (docProps/core.xml): fupin's mark on its own outputs. */
  keywords?: string;
  /** What the reader could not place (missing shared strings, parts stored twice, sheets not read). */
  notes?: ReadNotes;
}

/**
 * Load a workbook from bytes with fupin's own reader (src/io/xlsx-reader.ts): only the parts needed are inflated,
 * every limit in `limits` is enforced. Throws ZipError, XlsxError or LimitExceeded; the caller turns them into problems.
 */
export async function readXlsxBuffer(buf: Buffer, limits?: Partial<ReadLimits>, now?: () => number, lean?: boolean): Promise<XlsxRead> {
  const wb = readXlsx(buf, { ...(limits ? { limits } : {}), ...(now ? { now } : {}), ...(lean ? { lean } : {}) });
  return { sheets: wb.sheets, date1904: wb.date1904, definedNames: wb.definedNames, droppedMerges: wb.droppedMerges, notes: wb.notes, ...(wb.keywords ? { keywords: wb.keywords } : {}) };
}
