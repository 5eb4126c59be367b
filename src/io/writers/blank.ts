// Writes the blank forms for `fupin template`: 附2 with numbered rows and input rules, 附3, 附4 (with the built-in 2016 targets), 附1.
import { HUNAN_2016 } from '../../core/quota/table.js';
import { writeQuotaForm } from './quota.js';
import { writeCards } from './cards.js';
import { loadTemplate, namedCell, resizeRows, setNumber, setText, toBuffer } from './template-book.js';

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

async function stats(opts: BlankOptions): Promise<Buffer> {
  const { wb, ws } = await loadTemplate('stats');
  const start = namedCell(wb, 'data_start');
  const total = namedCell(wb, 'total_row').row;
  if (opts.rows !== undefined) {
    resizeRows(ws, start.row, total - start.row, opts.rows, start.col + 8);
    const totalRow = start.row + opts.rows;
    for (let c = start.col + 1; c <= start.col + 8; c++) {
      const col = ws.getColumn(c).letter;
      ws.getCell(totalRow, c).value = { formula: `SUM(${col}${start.row}:${col}${totalRow - 1})`, result: 0 };
    }
  }
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
