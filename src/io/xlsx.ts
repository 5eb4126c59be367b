// Reads an .xlsx/.xlsm workbook through exceljs (loaded only when a workbook is read) into plain grids.
import type { MergeRange, RawCell, RawSheet } from '../core/model.js';
import { numberText } from '../core/normalize.js';

type ExcelJsModule = typeof import('exceljs');
let excelJs: Promise<ExcelJsModule> | undefined;

/** exceljs is large: import it the first time a workbook is read, not at start-up. */
export function loadExcelJs(): Promise<ExcelJsModule> {
  excelJs ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJsModule }).default ?? m) as ExcelJsModule);
  return excelJs;
}

/** A date as a clerk would read it: 2016-09-12, with the time only when there is one. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

interface CellLike {
  value: unknown;
  numFmt?: string;
  isMerged?: boolean;
  master?: unknown;
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
}

/** Load a workbook from bytes. Throws exceljs's own errors for broken files; the caller turns them into problems. */
export async function readXlsxBuffer(buf: Buffer): Promise<XlsxRead> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: (RawCell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (RawCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = cell as unknown as CellLike;
        if (c.isMerged && c.master !== cell) return; // a merged slave repeats its master; merges are kept separately
        const raw = toRawCell(c.value, c.numFmt);
        if (raw) cells[colNumber - 1] = raw;
      });
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const merges: MergeRange[] = [];
    const model = (ws as unknown as { model?: { merges?: string[] } }).model;
    for (const ref of model?.merges ?? []) {
      const r = parseRange(ref);
      if (r) merges.push(r);
    }
    const state = (ws as unknown as { state?: string }).state;
    sheets.push({ name: ws.name, rows, merges, ...(state && state !== 'visible' ? { hidden: true } : {}) });
  });
  return { sheets };
}
