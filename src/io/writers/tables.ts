// Writes a few plain tables as one workbook, a sheet each, styled for printing and posting: a title and a note above
// the header (merged across the table), the header repeated on every printed page, landscape, fitted to the page width.
// Used by publish (the public listing) and diff -o (the changes); marked as fupin's output so it is never read as a register.
import type { OutputKind } from '../../core/ledger/own-output.js';
import { xlsxText } from '../../core/neutralize.js';
import { loadExcelJs } from '../xlsx.js';
import { toBuffer } from './template-book.js';

export type TableCell = string | number;

export interface SheetTable {
  name: string;
  header: string[];
  rows: TableCell[][];
  /** A last row in bold (合计). */
  total?: TableCell[];
}

export interface TablesWorkbook {
  kind: OutputKind;
  title: string;
  /** A line under the title on every sheet (what was masked, what was compared). */
  note?: string;
  tables: SheetTable[];
  /** The register the output was made from, for the mark. */
  source?: string;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base} ${i}`;
  used.add(n);
  return n;
}

const MAX_COLUMN_WIDTH = 40;

/** Display width of text in Excel's character units (a Han character counts two). */
function width(v: TableCell): number {
  let w = 0;
  for (const ch of String(v)) w += /[\u1100-\uffff]/u.test(ch) ? 2 : 1;
  return w;
}

export async function writeTablesWorkbook(book: TablesWorkbook): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fupin';
  const used = new Set<string>();
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const table of book.tables) {
    const ws = wb.addWorksheet(sheetName(table.name, used), {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    });
    const cols = Math.max(1, table.header.length);
    let r = 1;
    const banner = (text: string, size: number, height: number): void => {
      const cell = ws.getCell(r, 1);
      cell.value = xlsxText(text);
      cell.font = { size, bold: size > 11 };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: size > 11 ? 'center' : 'left' };
      if (cols > 1) ws.mergeCells(r, 1, r, cols);
      ws.getRow(r).height = height;
      r++;
    };
    banner(book.title, 16, 28);
    if (book.note) banner(book.note, 10, 15 * Math.max(1, Math.ceil(width(book.note) / Math.max(40, cols * 14))));
    const headerRow = r;
    const write = (values: TableCell[], bold: boolean): void => {
      values.forEach((v, c) => {
        const cell = ws.getCell(r, c + 1);
        // text stays text (a number-like code is never turned into a number); numbers are numbers
        cell.value = typeof v === 'number' ? v : xlsxText(v);
        if (typeof v !== 'number') cell.numFmt = '@';
        cell.border = border;
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (bold) cell.font = { bold: true };
      });
      r++;
    };
    write(table.header, true);
    for (const row of table.rows) write(row, false);
    if (table.total) write(table.total, true);
    ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
    for (let c = 0; c < cols; c++) {
      const w = Math.max(width(table.header[c] ?? ''), ...table.rows.slice(0, 2000).map((row) => width(row[c] ?? '')));
      ws.getColumn(c + 1).width = Math.min(MAX_COLUMN_WIDTH, Math.max(6, w + 2));
    }
  }
  return toBuffer(wb as never, book.kind, book.source);
}
