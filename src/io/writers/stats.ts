// Writes the 附3 统计表 (city or provincial table) by filling templates/附3-统计表.xlsx cell by cell.
import type { CountPair, Lang, RollupRow, RollupTable } from '../../core/model.js';
import { letter, loadTemplate, namedCell, resizeRows, setNumber, setText, toBuffer } from './template-book.js';

export interface StatsWriteOptions {
  /** The form's title (the province profile's: 广东省慈善组织精准扶贫结对帮扶统计表). */
  title: string;
  /** 填报单位, e.g. 怀化市慈善总会; default the table's area. */
  unitLine?: string;
  /** 填报日期 as it should read, e.g. 2016年12月20日 (formDate); default the template's blank 年 月 日. */
  date?: string;
  /** The form is the official Chinese one whatever the language; accepted for symmetry with the other outputs. */
  lang?: Lang;
  /** Sheets added after the form (the roster and focus sections): a name and rows of plain values, the first row a header. */
  sheets?: readonly { name: string; rows: readonly (readonly (string | number)[])[] }[];
}

/** Up to this many rows the form is scaled to one page tall as well as wide. */
const ONE_PAGE_ROWS = 25;

/** The eight figures of a row, in the form's column order (B–I). */
function figures(p: { charity: CountPair; foundation: CountPair; social: CountPair; subtotal: CountPair }): number[] {
  return [p.charity, p.foundation, p.social, p.subtotal].flatMap((c) => [c.units, c.households]);
}

/**
 * The filled 附3: title, 填报单位 and date line, one row per unit (市本级 and counties, or 省本级 and cities), 合计 as
 * SUM formulas with their results cached (so every reader sees the numbers), the 备注 line. fupin reads it back as a 统计表.
 */
export async function writeStatsTable(table: RollupTable, opts: StatsWriteOptions): Promise<Buffer> {
  const { wb, ws } = await loadTemplate('stats');
  const title = namedCell(wb, 'title');
  setText(ws.getCell(title.row, title.col), opts.title);
  const first = namedCell(wb, 'data_start').row;
  const total = namedCell(wb, 'total_row').row;
  const unitCol = namedCell(wb, 'data_start').col;
  const lastCol = unitCol + 8;

  const rows: RollupRow[] = table.rows;
  resizeRows(ws, first, total - first, Math.max(rows.length, 1), lastCol);
  const totalRow = first + Math.max(rows.length, 1);

  const unitLine = opts.unitLine ?? table.area;
  if (unitLine) {
    const at = namedCell(wb, 'unit_line');
    setText(ws.getCell(at.row, at.col), `填报单位：${unitLine}（盖章）`);
  }
  if (opts.date) {
    const at = namedCell(wb, 'date_line');
    setText(ws.getCell(at.row, at.col), `填报日期：${opts.date}`);
  }

  rows.forEach((row, i) => {
    const r = first + i;
    setText(ws.getCell(r, unitCol), row.unit);
    figures(row).forEach((n, j) => setNumber(ws.getCell(r, unitCol + 1 + j), n));
  });
  if (rows.length === 0) setText(ws.getCell(first, unitCol), '');

  // A form that fits on one sheet of paper is printed on one (the province's 15 rows too); a longer one runs on, header repeated.
  ws.pageSetup.fitToHeight = rows.length <= ONE_PAGE_ROWS ? 1 : 0;

  // 合计: the column sums of the rows written, as formulas with cached results.
  const sums = new Array<number>(8).fill(0);
  for (const row of rows) figures(row).forEach((n, j) => (sums[j]! += n));
  for (let j = 0; j < 8; j++) {
    const col = letter(unitCol + 1 + j);
    ws.getCell(totalRow, unitCol + 1 + j).value = { formula: `SUM(${col}${first}:${col}${totalRow - 1})`, result: sums[j]! };
  }
  for (const s of opts.sheets ?? []) {
    const extra = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      extra.addRow([...r]);
      if (i === 0) extra.getRow(1).font = { bold: true };
    });
    extra.columns.forEach((c) => (c.width = 18));
  }
  return toBuffer(wb, 'stats');
}
