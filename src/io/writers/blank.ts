// Writes the blank forms for `fupin template`: 附2 with numbered rows and input rules, 附3, 附4 (with the built-in 2016 targets), 附1.
import type { Worksheet } from 'exceljs';
import type { QuotaTable } from '../../core/quota/table.js';
import { writeBlankQuotaForm, writeQuotaForm } from './quota.js';
import { writeCards } from './cards.js';
import { letter, loadTemplate, namedCell, resizeRows, setNumber, setText, toBuffer } from './template-book.js';

export type BlankKind = 'register' | 'stats' | 'quota' | 'card';

export interface BlankOptions {
  /** 地区, e.g. 怀化市溆浦县: in the 附2 title (for 县市区) and the 附3 填报单位 line. */
  area?: string;
  /** Data rows of 附2 (default 30) or 附3 (default the template's 10). */
  rows?: number;
  /** 附2: the 填报单位 line's unit (`填报单位：{unitLine}（盖章）`), e.g. 怀化市溆浦县 (fupin init). */
  unitLine?: string;
  /** The province's titles (its profile's): 附2's generic title, 附3's, 附1's. */
  titles?: { register: string; stats: string; card: string; quota: string };
  /** 附3: the rows' units (市本级 and the city's counties, or 省本级 and the province's cities). */
  units?: readonly string[];
  /** 附4: the province's quota table, when it has one; else the form with its units and blank figures. */
  quota?: QuotaTable;
}

export const DEFAULT_REGISTER_ROWS = 30;
export const MAX_BLANK_ROWS = 5000;

async function register(opts: BlankOptions): Promise<Buffer> {
  const { wb, ws } = await loadTemplate('register');
  const start = namedCell(wb, 'data_start');
  const note = namedCell(wb, 'note_row').row;
  const rows = opts.rows ?? DEFAULT_REGISTER_ROWS;
  resizeRows(ws, start.row, note - start.row, rows, start.col + 4);
  for (let i = 0; i < rows; i++) setNumber(ws.getCell(start.row + i, start.col), i + 1);
  if (opts.area) {
    const t = namedCell(wb, 'title');
    const cell = ws.getCell(t.row, t.col);
    const title = typeof cell.value === 'string' ? cell.value : '县市区慈善组织精准扶贫结对帮扶登记表';
    setText(cell, title.replace(/^县市区/, opts.area));
  }
  if (opts.unitLine) {
    const u = namedCell(wb, 'unit_line');
    setText(ws.getCell(u.row, u.col), `填报单位：${opts.unitLine}（盖章）`);
  }
  return toBuffer(wb, 'template');
}

/**
 * 合计 of a blank form: blank while the column is empty, the sum once figures are typed in (a printed blank form shows
 * no zeros). Cached result "", so a reader that does not calculate sees a blank too.
 */
export function blankTotal(ws: Worksheet, totalRow: number, first: number, col: number): void {
  const l = letter(col);
  const range = `${l}${first}:${l}${totalRow - 1}`;
  ws.getCell(totalRow, col).value = { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result: '' } as never;
}

async function stats(opts: BlankOptions): Promise<Buffer> {
  const { wb, ws } = await loadTemplate('stats');
  const start = namedCell(wb, 'data_start');
  const total = namedCell(wb, 'total_row').row;
  const templateRows = total - start.row;
  // the rows the form will hold: --rows, and at least one per unit (市本级 and the counties, or 省本级 and the cities)
  const units = opts.units ?? [];
  const rows = units.length || opts.rows !== undefined ? Math.max(units.length, opts.rows ?? (units.length ? 0 : templateRows)) : templateRows;
  resizeRows(ws, start.row, templateRows, rows, start.col + 8);
  units.forEach((u, i) => setText(ws.getCell(start.row + i, start.col), u));
  for (let c = start.col + 1; c <= start.col + 8; c++) blankTotal(ws, start.row + rows, start.row, c);
  if (opts.area) {
    const u = namedCell(wb, 'unit_line');
    setText(ws.getCell(u.row, u.col), `填报单位：${opts.area}（盖章）`);
  }
  if (opts.titles) {
    const t = namedCell(wb, 'title');
    setText(ws.getCell(t.row, t.col), opts.titles.stats);
  }
  return toBuffer(wb, 'stats');
}

/** A blank official form as .xlsx bytes. */
export async function writeBlankTemplate(kind: BlankKind, opts: BlankOptions = {}): Promise<Buffer> {
  switch (kind) {
    case 'register':
      return register(opts);
    case 'stats':
      return stats(opts);
    case 'quota':
      return opts.quota ? writeQuotaForm(opts.quota) : writeBlankQuotaForm(opts.units ?? [], opts.titles?.quota);
    case 'card':
      return writeCards([], opts.titles ? { title: opts.titles.card } : {});
  }
}
