// Shared by the writers: finds and loads a template from templates/, locates its named cells, and fills cells and rows keeping the template's styles.
import type { Msg } from '../../core/model.js';
import { InputError } from '../errors.js';
import type { OutputKind } from '../../core/ledger/own-output.js';
import { markWorkbook } from '../mark.js';
import { packageFileShown, readPackageFile } from '../package-root.js';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { xlsxText } from '../../core/neutralize.js';
import { loadExcelJs } from '../xlsx.js';

/** The four forms of 湘慈办发[2016]6号 and their template files (made by scripts/make-templates.mjs). */
export const TEMPLATE_FILES = {
  card: '附1-结对帮扶卡.xlsx',
  register: '附2-登记表.xlsx',
  stats: '附3-统计表.xlsx',
  quota: '附4-任务分配表.xlsx',
} as const;

export type TemplateKind = keyof typeof TEMPLATE_FILES;

/** The template's path for messages: templates/ in the package folder, or inside the one-file build. */
export function templatePath(kind: TemplateKind): string {
  return packageFileShown('templates', TEMPLATE_FILES[kind]);
}

/** The package's template is missing or broken: the installation is damaged (exit 2 with this message, template/…). */
export class TemplateError extends InputError {
  constructor(msg: Msg) {
    super(msg);
    this.name = 'TemplateError';
  }
}

export interface LoadedTemplate {
  wb: Workbook;
  /** The form's sheet (each template has one). */
  ws: Worksheet;
}

export async function loadTemplate(kind: TemplateKind): Promise<LoadedTemplate> {
  const file = templatePath(kind);
  let bytes: Buffer;
  try {
    bytes = await readPackageFile('templates', TEMPLATE_FILES[kind]);
  } catch {
    throw new TemplateError({ id: 'template/missing', data: { file } });
  }
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new TemplateError({ id: 'template/no-sheet', data: { file } });
  return { wb, ws };
}

export interface CellPos {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

/** The cell a defined name of the template points to (its top-left cell). */
export function namedCell(wb: Workbook, name: string): CellPos {
  const range = wb.definedNames.getRanges(name).ranges[0];
  const m = range ? /\$?([A-Z]{1,3})\$?(\d+)(?::|$)/.exec(range.split('!').pop() ?? '') : null;
  if (!m) throw new TemplateError({ id: 'template/no-name', data: { name } });
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** User text into a cell: always a plain string cell (never a formula), minus characters xlsx cannot hold; empty → blank. */
export function setText(cell: Cell, text: string | undefined): void {
  const t = xlsxText(text ?? '');
  cell.value = t === '' ? null : t;
}

export function setNumber(cell: Cell, n: number | undefined): void {
  cell.value = n === undefined ? null : n;
}

interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: Worksheet): MergeBox[] {
  const merges = (ws as unknown as { _merges: Record<string, { model: MergeBox }> })._merges;
  return Object.values(merges).map((m) => ({ ...m.model }));
}

type Style = Cell['style'];

function cloneStyle(s: Partial<Style>): Partial<Style> {
  return JSON.parse(JSON.stringify(s ?? {})) as Partial<Style>;
}

/** Gives row `to` the height and cell styles (font, border, alignment, number format) of row `from`, columns 1..lastCol. */
export function copyRowStyle(ws: Worksheet, from: number, to: number, lastCol: number): void {
  const src = ws.getRow(from);
  const dst = ws.getRow(to);
  if (src.height) dst.height = src.height;
  for (let c = 1; c <= lastCol; c++) dst.getCell(c).style = cloneStyle(src.getCell(c).style) as Style;
}

/**
 * Makes the block of data rows that starts at `first` (now `count` rows) `wanted` rows long: rows are added after the last
 * data row with its style (and its data validations), or removed from the end. Everything below moves with its merges,
 * styles and defined names; the print area follows.
 */
export function resizeRows(ws: Worksheet, first: number, count: number, wanted: number, lastCol: number): void {
  const delta = wanted - count;
  if (delta === 0) return;
  const boundary = first + count;
  // exceljs moves merged cells badly: unmerge what lies below, remember each cell's style, merge again after the move.
  const below = mergesOf(ws).filter((m) => m.top >= boundary);
  const saved = below.map((m) => {
    const styles: Partial<Style>[][] = [];
    for (let r = m.top; r <= m.bottom; r++) {
      const line: Partial<Style>[] = [];
      for (let c = m.left; c <= m.right; c++) line.push(cloneStyle(ws.getCell(r, c).style));
      styles.push(line);
    }
    return { m, styles };
  });
  for (const { m } of saved) ws.unMergeCells(m.top, m.left, m.bottom, m.right);

  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  const lastData = boundary - 1;
  const rowValidations: { col: number; v: unknown }[] = [];
  for (let c = 1; c <= lastCol; c++) {
    const v = validations[ws.getCell(lastData, c).address];
    if (v) rowValidations.push({ col: c, v });
  }

  if (delta > 0) {
    ws.spliceRows(boundary, 0, ...Array.from({ length: delta }, () => []));
    for (let r = boundary; r < boundary + delta; r++) {
      copyRowStyle(ws, lastData, r, lastCol);
      for (const { col, v } of rowValidations) validations[ws.getCell(r, col).address] = JSON.parse(JSON.stringify(v));
    }
  } else {
    const lastRow = ws.rowCount;
    ws.spliceRows(first + wanted, -delta);
    // exceljs leaves the old rows between the moved block and the old end in place: drop them.
    (ws as unknown as { _rows: unknown[] })._rows.length = Math.min(lastRow + delta, (ws as unknown as { _rows: unknown[] })._rows.length);
    for (let r = first + wanted; r < boundary; r++) {
      for (const { col } of rowValidations) delete validations[`${letter(col)}${r}`];
    }
  }

  for (const { m, styles } of saved) {
    const top = m.top + delta;
    ws.mergeCellsWithoutStyle(top, m.left, m.bottom + delta, m.right);
    styles.forEach((line, i) => line.forEach((s, j) => (ws.getCell(top + i, m.left + j).style = s as Style)));
  }
  const area = ws.pageSetup.printArea;
  if (area) {
    const m = /^([A-Z]+\d+):([A-Z]+)(\d+)$/.exec(area);
    if (m) ws.pageSetup.printArea = `${m[1]}:${m[2]}${Number(m[3]) + delta}`;
  }
}

/** Column letter of a 1-based column number. */
export function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A date as the forms write it: 2016年12月20日. */
export function formDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** The workbook's bytes, marked as fupin's output of `kind` (made from `source`, when one file). */
export async function toBuffer(wb: Workbook, kind: OutputKind, source?: string): Promise<Buffer> {
  markWorkbook(wb, kind, source);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
