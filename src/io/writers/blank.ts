// Writes the blank forms for `fupin template`: 附2 with numbered rows and input rules, 附3, 附4 (with the built-in 2016 targets), 附1.
import type { Worksheet } from 'exceljs';
import { HUNAN_2016 } from '../../core/quota/table.js';
import { loadDivisions } from '../divisions.js';
import { writeQuotaForm } from './quota.js';
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
  return toBuffer(wb);
}

/**
 * The unit rows of a city's blank 附3: 市本级, then its counties in the division list's order (functional zones left
 * out, as rollup leaves them out when they have no register). Undefined when `area` is not a city.
 */
export async function cityUnits(area: string): Promise<string[] | undefined> {
  const divisions = await loadDivisions();
  const city = divisions.city(area.trim());
  if (!city || city.pseudo) return undefined;
  return ['市本级', ...city.counties.filter((k) => !k.zone).map((k) => k.name)];
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
  const units = opts.area ? await cityUnits(opts.area) : undefined;
  const rows = units ? Math.max(opts.rows ?? 0, units.length) : opts.rows;
  if (rows !== undefined) {
    resizeRows(ws, start.row, total - start.row, rows, start.col + 8);
    if (units) for (let i = 0; i < rows; i++) setText(ws.getCell(start.row + i, start.col), units[i]);
  }
  const totalRow = start.row + (rows ?? total - start.row);
  for (let c = start.col + 1; c <= start.col + 8; c++) blankTotal(ws, totalRow, start.row, c);
  if (opts.area) {
    const u = namedCell(wb, 'unit_line');
    setText(ws.getCell(u.row, u.col), `填报单位：${opts.area}（盖章）`);
  }
  return toBuffer(wb);
}

/** A blank official form as .xlsx bytes. */
export async function writeBlankTemplate(kind: BlankKind, opts: BlankOptions = {}): Promise<Buffer> {
  switch (kind) {
    case 'register':
      return register(opts);
    case 'stats':
      return stats(opts);
    case 'quota':
      return writeQuotaForm(HUNAN_2016);
    case 'card':
      return writeCards([]);
  }
}
