// Writes annotated copies of registers (validate --annotate DIR): problem cells filled and noted, a first sheet 问题清单 linking to them.
//
// Decisions:
// - Every readable register file gets a copy, clean ones too (their 问题清单 says no problem was found): a city clerk
//   emails every county its file back, and a clean copy is the receipt. Files that cannot be read get no copy; they are
//   returned in `notWritten` with their reason for the caller to print.
// - The original is read, never written: the copy goes under DIR at the same relative path (copyTarget), and DIR may not
//   be an input folder or inside one.
// - xlsx: the original is loaded with exceljs and kept as it is (values, styles, merges, widths, other sheets); problem
//   cells get a fill (error red, warning yellow, info light blue — the most severe problem of the cell decides) and a
//   note with every message of the cell (an existing note is kept below it). A problem in a merged cell goes on the
//   merge's top-left cell. An .xlsm copy is written as .xlsx (exceljs does not keep macros). An .xls/.et/.ods/.xlsb
//   is copied from the .xlsx the legacy reader writes of it (load.ts xlsxBytesOf: values, merges, number formats and
//   widths, not fonts or fills), named .xlsx, and the line saying the copy was written says so.
// - CSV: the copy is a new .xlsx holding the grid as text cells (number format "@": phones and ID numbers stay text),
//   at the same cells as the CSV's records, annotated the same way.
// - 问题清单 (en: Problems) is inserted as the first sheet and opened first: 工作表 (when the file has several registers),
//   单元格 (a link to the cell), 列, 内容, 级别, 问题, 规则. A problem without a cell (a missing column) is listed there only.
// - Printed, 问题清单 is A4 landscape, one page wide (the problem column wraps, each row as tall as its text), the header
//   row repeated on every page, the file's name in the page header and page numbers in the footer. The CSV copy is laid
//   out as the register: title merged over the columns, header rows bold and wrapped, column widths from the header and
//   the data (never from the title), A4 one page wide, header rows repeated. An xlsx copy keeps its own print setup and
//   only gets A4 when it named no paper size.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileReport, Msg, Problem, RawSheet, Register, Severity } from '../core/model.js';
import { xlsxText } from '../core/neutralize.js';
import { assertOutsideInputs, copyTarget, uniqueTarget } from './fix-writer.js';
import { csvToSheet, decodeText, parseEncodingName, sniffDelimiter } from './csv.js';
import type { LedgerFile } from '../core/ledger/model.js';
import { writeFileAtomic } from './safe-write.js';
import { xlsxBytesOf } from './load.js';
import { loadExcelJs } from './xlsx.js';
import { markWorkbook } from './mark.js';
import { A4, BODY_SIZE, BOX, HEAD_FILL, headerText, orientationFor, rowHeight, setPrint, SONG, textUnits, wrappedLines } from './writers/print.js';

/** Cell fills by severity (ARGB). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFFF9999',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

/** 问题清单's columns, in order (headings head/…; message is head/problem). */
const LIST_COLUMNS = ['sheet', 'cell', 'column', 'value', 'severity', 'message', 'rule'] as const;
type ListColumn = (typeof LIST_COLUMNS)[number];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface AnnotateOptions {
  /** Overwrite existing copies (never an input). */
  force?: boolean;
  /** The paths the user gave: copies keep their place relative to them, and may not land inside them. */
  inputs: readonly string[];
  /** A problem in words (the catalogue's renderer, given by the CLI). */
  render: (p: Problem) => string;
  /** Any other message in words (sheet name, headings, severity, page footer), in the run's language. */
  say: (m: Msg) => string;
  /** Paths in refusals are shown from this folder. */
  cwd?: string;
}

export interface AnnotatedFile {
  /** The input as shown in the report. */
  file: string;
  /** Absolute path of the copy. */
  out: string;
  /** Problems listed in 问题清单. */
  problems: number;
  /** Distinct cells filled and noted. */
  cells: number;
  /** The input's format when the copy is an .xlsx made from another format (`.xls`). */
  from?: string;
}

export interface AnnotateResult {
  written: AnnotatedFile[];
  /** Files that got no copy (unreadable, not a register), with the rule id of the reason and its message. */
  notWritten: { file: string; rule: string; message: string }[];
}

interface Located {
  sheet: string;
  problem: Problem;
}

/** Sheet names Excel accepts: at most 31 characters, none of []:*?/\ . */
function safeSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  return s || 'Sheet1';
}

function listSheetName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  return name;
}

const severityWord = (s: Severity, say: AnnotateOptions['say']): string => say({ id: `term/severity-${s}` });

type NoteValue = string | { texts?: { text?: string }[] } | undefined;

function noteText(note: NoteValue): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text ?? '').join('');
}

type WorkbookT = InstanceType<Awaited<ReturnType<typeof loadExcelJs>>['Workbook']>;
type WorksheetT = ReturnType<WorkbookT['addWorksheet']>;

/**
 * Writes one annotated copy per readable register file of `reports` under `dir` and says what it did. Throws
 * OutputError (exit 2 in the CLI) when DIR is an input folder or inside one, or when a copy cannot be written.
 */
export async function annotateReports(reports: readonly FileReport[], files: readonly LedgerFile[], dir: string, opts: AnnotateOptions): Promise<AnnotateResult> {
  assertOutsideInputs(dir, opts.inputs);
  const result: AnnotateResult = { written: [], notWritten: [] };
  const used = new Set<string>();
  for (const f of files) {
    if (f.kind === 'own-output') continue;
    const mine = reports.filter((r) => r.file === f.file);
    if (f.failure || (f.registers.length === 0 && f.tables.length === 0)) {
      const p = f.failure ?? mine.flatMap((r) => r.problems)[0];
      if (p) result.notWritten.push({ file: f.file, rule: p.rule, message: opts.render(p) });
      continue;
    }
    const located: Located[] = [];
    for (const r of mine) for (const p of r.problems) located.push({ sheet: r.sheet ?? f.registers[0]?.register.sheet ?? '', problem: p });
    const isCsv = f.registers[0]?.register.format === 'csv' || path.extname(f.abs).toLowerCase() === '.csv';
    const ext = isCsv || path.extname(f.abs).toLowerCase() !== '.xlsx' ? '.xlsx' : undefined;
    const target = uniqueTarget(copyTarget(f.abs, opts.inputs, dir, ext), used);
    const written = isCsv ? await annotateCsv(f, located, target, opts) : await annotateXlsx(f, located, target, opts);
    result.written.push(written);
  }
  return result;
}

async function annotateXlsx(f: LedgerFile, located: Located[], target: string, opts: AnnotateOptions): Promise<AnnotatedFile> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const { bytes, from } = await xlsxBytesOf(f.abs);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  // the register keeps its own print setup; one that names no paper size prints on A4
  for (const ws of wb.worksheets) if (ws.pageSetup.paperSize === undefined) ws.pageSetup.paperSize = A4;
  const written = await finish(wb, f, located, target, opts);
  return from ? { ...written, from } : written;
}

async function annotateCsv(f: LedgerFile, located: Located[], target: string, opts: AnnotateOptions): Promise<AnnotatedFile> {
  const ExcelJS = await loadExcelJs();
  const bytes = await readFile(f.abs);
  const enc = f.detected.encoding?.value;
  const decoded = decodeText(bytes, enc ? parseEncodingName(enc) : undefined);
  const sheetName = f.registers[0]?.register.sheet ?? path.basename(f.abs, path.extname(f.abs));
  const grid: RawSheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, sheetName);
  const wb = new ExcelJS.Workbook();
  const name = safeSheetName(sheetName);
  const ws = wb.addWorksheet(name);
  grid.rows.forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (!c || c.text === '') return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = xlsxText(c.text);
      cell.numFmt = '@';
    });
  });
  layOutRegister(ws, grid, f.registers[0]?.register, opts.say);
  const renamed = located.map((l) => ({ ...l, sheet: l.sheet === sheetName ? name : l.sheet }));
  return finish(wb, f, renamed, target, opts);
}

/** Fill and note the problem cells, add 问题清单 as the first sheet, write the copy. */
async function finish(wb: WorkbookT, f: LedgerFile, located: Located[], target: string, opts: AnnotateOptions): Promise<AnnotatedFile> {
  const { say } = opts;
  // problems by cell: the note lists each, the fill is the most severe
  const byCell = new Map<string, { ws: WorksheetT; address: string; items: Located[] }>();
  for (const l of located) {
    if (!l.problem.cell) continue;
    const ws = wb.getWorksheet(l.sheet);
    if (!ws) continue;
    let cell = ws.getCell(l.problem.cell);
    if (cell.isMerged && cell.master && cell.master !== cell) cell = cell.master;
    const key = `${l.sheet}\u0000${cell.address}`;
    const entry = byCell.get(key) ?? { ws, address: cell.address, items: [] };
    entry.items.push(l);
    byCell.set(key, entry);
  }
  for (const { ws, address, items } of byCell.values()) {
    const cell = ws.getCell(address);
    const worst = items.map((i) => i.problem.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0]!;
    // a copy of the style: exceljs shares style objects between cells read with the same style
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[worst] } },
    };
    const lines = items.map((i) => `【${severityWord(i.problem.severity, say)}】${opts.render(i.problem)}`);
    const before = noteText(cell.note as NoteValue);
    const text = xlsxText(lines.join('\n') + (before ? `\n——\n${before}` : ''));
    cell.note = { texts: [{ text }] } as never;
  }

  // 问题清单, first and active
  const taken = new Set(wb.worksheets.map((w) => w.name));
  const listName = say({ id: 'annotate/list-sheet' });
  const list = wb.addWorksheet(listSheetName(listName, taken), { views: [{ state: 'frozen', ySplit: 1, tabSelected: true } as never] });
  (list as unknown as { orderNo: number }).orderNo = -1;
  for (const w of wb.worksheets) {
    if (w === list) continue;
    w.views = (w.views ?? []).map((v) => ({ ...v, tabSelected: false }));
  }
  const views = (wb.views?.length ? wb.views : [{}]) as Record<string, unknown>[];
  wb.views = views.map((v) => ({ ...v, activeTab: 0, firstSheet: 0 })) as never;

  const sheets = new Set(located.map((l) => l.sheet));
  const withSheet = sheets.size > 1;
  const columns: ListColumn[] = LIST_COLUMNS.filter((k) => k !== 'sheet' || withSheet);
  const header = columns.map((k) => say({ id: `head/${k === 'message' ? 'problem' : k}` }));
  list.addRow(header).font = { bold: true };
  const col = (k: ListColumn): number => columns.indexOf(k) + 1;
  for (const l of located) {
    const p = l.problem;
    const row = list.addRow([
      ...(withSheet ? [xlsxText(l.sheet)] : []),
      p.cell ?? '',
      xlsxText(p.column ?? ''),
      xlsxText(p.value ?? ''),
      severityWord(p.severity, say),
      xlsxText(opts.render(p)),
      p.rule,
    ]);
    if (p.cell && wb.getWorksheet(l.sheet)) {
      const sheetRef = `'${l.sheet.replace(/'/g, "''")}'`;
      row.getCell(col('cell')).value = { text: p.cell, hyperlink: `#${sheetRef}!${p.cell}` };
      row.getCell(col('cell')).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(col('severity')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[p.severity] } };
    row.getCell(col('value')).numFmt = '@';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  if (located.length === 0) list.addRow(columns.map((k) => (k === 'message' ? say({ id: 'annotate/no-problems' }) : '')));
  printList(list, columns, listName, f.file, say);
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

  markWorkbook(wb, 'annotated', path.basename(f.file));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const out = await writeFileAtomic(target, buf, { force: Boolean(opts.force), inputs: opts.inputs, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  return { file: f.file, out, problems: located.length, cells: byCell.size };
}

/** Widths of 问题清单's columns (Excel units): about 130 together, A4 landscape at nearly 100 %. */
const LIST_WIDTHS: Record<ListColumn, number> = { sheet: 14, cell: 8, column: 14, value: 20, severity: 6, message: 58, rule: 16 };

/** 问题清单 as a printed list: header row styled and repeated, text wrapped, rows as tall as their text, A4 landscape. */
function printList(list: WorksheetT, columns: readonly ListColumn[], listName: string, file: string, say: AnnotateOptions['say']): void {
  const widths = columns.map((k) => LIST_WIDTHS[k]);
  widths.forEach((w, i) => (list.getColumn(i + 1).width = w));
  list.eachRow((row, r) => {
    let lines = 1;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > columns.length) return;
      cell.border = BOX;
      cell.font = { name: SONG, size: BODY_SIZE, ...(r === 1 ? { bold: true } : {}), ...(cell.font?.color ? { color: cell.font.color, underline: cell.font.underline } : {}) } as never;
      cell.alignment = r === 1 ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { vertical: 'top', wrapText: true };
      if (r === 1) cell.fill = HEAD_FILL as never;
      const text = typeof cell.value === 'string' ? cell.value : cell.text;
      lines = Math.max(lines, wrappedLines(text ?? '', widths[col - 1]!));
    });
    row.height = rowHeight(lines);
  });
  setPrint(list, { orientation: 'landscape', titleRows: '1:1', header: headerText(`${listName}  ${file}`), footer: say({ id: 'print/page-footer' }) });
}

/**
 * The CSV copy laid out as the register it is: title lines merged over the columns, the header rows bold, wrapped and
 * boxed, the data rows boxed, column widths from the header and the data (not from the title, which spans them all),
 * the header frozen and repeated on every printed page, A4 one page wide.
 */
function layOutRegister(ws: WorksheetT, grid: RawSheet, reg: Register | undefined, say: AnnotateOptions['say']): void {
  const rows = grid.rows;
  const lastCol = Math.max(1, ...rows.map((cells) => cells.reduce((n, c, i) => (c && c.text !== '' ? i + 1 : n), 0)));
  const headerRows = reg?.headerRows.length ? reg.headerRows : [1];
  const firstHeader = Math.min(...headerRows);
  const lastHeader = Math.max(...headerRows);
  const footer = reg?.footerRow ?? rows.length + 1;
  const textAt = (r: number, c: number): string => rows[r - 1]?.[c - 1]?.text ?? '';

  // widths: the longest data text, or 60 % of the longest header line (a long header wraps once), within 6 and 36;
  // short columns (序号, 家庭人口) are centred
  const widths: number[] = [];
  const centred: boolean[] = [];
  for (let c = 1; c <= lastCol; c++) {
    let data = 0;
    for (let r = lastHeader + 1; r < footer && r <= rows.length; r++) data = Math.max(data, textUnits(textAt(r, c)));
    const head = Math.max(0, ...headerRows.map((r) => textUnits(textAt(r, c))));
    widths.push(Math.min(36, Math.max(6, data + 2, Math.ceil(head * 0.6) + 2)));
    centred.push(data <= 4);
    ws.getColumn(c).width = widths[c - 1]!;
  }
  const total = widths.reduce((a, b) => a + b, 0);
  const font = (extra: Record<string, unknown> = {}) => ({ name: SONG, size: BODY_SIZE, ...extra });

  // title lines: one text each, across the columns; the form's title centred and large
  for (let r = 1; r < firstHeader; r++) {
    const cells = (rows[r - 1] ?? []).filter((c) => c && c.text !== '');
    if (cells.length !== 1 || !rows[r - 1]?.[0]?.text) continue;
    const text = rows[r - 1]![0]!.text;
    if (lastCol > 1) ws.mergeCells(r, 1, r, lastCol);
    const isTitle = /登记表|统计表/u.test(text);
    const cell = ws.getCell(r, 1);
    cell.font = isTitle ? { name: '黑体', size: 16 } : font();
    cell.alignment = { horizontal: isTitle ? 'center' : 'left', vertical: 'middle' };
    ws.getRow(r).height = isTitle ? 30 : rowHeight(1);
  }
  // header rows
  for (const r of headerRows) {
    let lines = 1;
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = font({ bold: true });
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BOX;
      cell.fill = HEAD_FILL as never;
      lines = Math.max(lines, wrappedLines(textAt(r, c), widths[c - 1]!));
    }
    ws.getRow(r).height = rowHeight(lines);
  }
  // data rows, up to the closing 备注 line
  for (let r = lastHeader + 1; r < footer && r <= rows.length; r++) {
    let lines = 1;
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = font();
      cell.alignment = { vertical: 'middle', wrapText: true, ...(centred[c - 1] ? { horizontal: 'center' as const } : {}) };
      cell.border = BOX;
      lines = Math.max(lines, wrappedLines(textAt(r, c), widths[c - 1]!));
    }
    ws.getRow(r).height = rowHeight(lines);
  }
  // the 备注 line and anything below it: across the columns, wrapped
  for (let r = footer; r <= rows.length; r++) {
    const text = textAt(r, 1);
    if (!text || (rows[r - 1] ?? []).slice(1).some((c) => c && c.text !== '')) continue;
    if (lastCol > 1) ws.mergeCells(r, 1, r, lastCol);
    const cell = ws.getCell(r, 1);
    cell.font = font();
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = rowHeight(wrappedLines(text, total));
  }
  ws.views = [{ state: 'frozen', ySplit: lastHeader, xSplit: 0 } as never];
  setPrint(ws, { orientation: orientationFor(total), titleRows: `${firstHeader}:${lastHeader}`, footer: say({ id: 'print/page-footer' }) });
}
