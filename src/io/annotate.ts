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
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileReport, Lang, Problem, RawSheet, Severity } from '../core/model.js';
import { xlsxText } from '../core/neutralize.js';
import { assertOutsideInputs, copyTarget, uniqueTarget } from './fix-writer.js';
import { csvToSheet, decodeText, parseEncodingName, sniffDelimiter } from './csv.js';
import type { LedgerFile } from '../core/ledger/model.js';
import { writeFileAtomic } from './safe-write.js';
import { xlsxBytesOf } from './load.js';
import { loadExcelJs } from './xlsx.js';
import { markWorkbook } from './mark.js';

/** Cell fills by severity (ARGB). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFFF9999',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const LIST_SHEET: Record<Lang, string> = { zh: '问题清单', en: 'Problems' };

const LIST_HEADER: Record<Lang, { sheet: string; cell: string; column: string; value: string; severity: string; message: string; rule: string }> = {
  zh: { sheet: '工作表', cell: '单元格', column: '列', value: '内容', severity: '级别', message: '问题', rule: '规则' },
  en: { sheet: 'Sheet', cell: 'Cell', column: 'Column', value: 'Value', severity: 'Severity', message: 'Problem', rule: 'Rule' },
};

const NO_PROBLEMS: Record<Lang, string> = {
  zh: '未发现问题',
  en: 'No problems found',
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface AnnotateOptions {
  lang: Lang;
  /** Overwrite existing copies (never an input). */
  force?: boolean;
  /** The paths the user gave: copies keep their place relative to them, and may not land inside them. */
  inputs: readonly string[];
  /** A problem in words (the catalogue's renderer, given by the CLI). */
  render: (p: Problem) => string;
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

function listSheetName(lang: Lang, taken: Set<string>): string {
  let name = LIST_SHEET[lang];
  for (let n = 2; taken.has(name); n++) name = `${LIST_SHEET[lang]}${n}`;
  return name;
}

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
  const widths: number[] = [];
  grid.rows.forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (!c || c.text === '') return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = xlsxText(c.text);
      cell.numFmt = '@';
      widths[col] = Math.max(widths[col] ?? 8, Math.min(60, displayWidth(c.text) + 2));
    });
  });
  widths.forEach((w, i) => {
    if (w) ws.getColumn(i + 1).width = w;
  });
  const renamed = located.map((l) => ({ ...l, sheet: l.sheet === sheetName ? name : l.sheet }));
  return finish(wb, f, renamed, target, opts);
}

/** Fill and note the problem cells, add 问题清单 as the first sheet, write the copy. */
async function finish(wb: WorkbookT, f: LedgerFile, located: Located[], target: string, opts: AnnotateOptions): Promise<AnnotatedFile> {
  const { lang } = opts;
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
    const lines = items.map((i) => `【${SEVERITY_LABEL[lang][i.problem.severity]}】${opts.render(i.problem)}`);
    const before = noteText(cell.note as NoteValue);
    const text = xlsxText(lines.join('\n') + (before ? `\n——\n${before}` : ''));
    cell.note = { texts: [{ text }] } as never;
  }

  // 问题清单, first and active
  const taken = new Set(wb.worksheets.map((w) => w.name));
  const list = wb.addWorksheet(listSheetName(lang, taken), { views: [{ state: 'frozen', ySplit: 1, tabSelected: true } as never] });
  (list as unknown as { orderNo: number }).orderNo = -1;
  for (const w of wb.worksheets) {
    if (w === list) continue;
    w.views = (w.views ?? []).map((v) => ({ ...v, tabSelected: false }));
  }
  const views = (wb.views?.length ? wb.views : [{}]) as Record<string, unknown>[];
  wb.views = views.map((v) => ({ ...v, activeTab: 0, firstSheet: 0 })) as never;

  const sheets = new Set(located.map((l) => l.sheet));
  const withSheet = sheets.size > 1;
  const h = LIST_HEADER[lang];
  const header = [...(withSheet ? [h.sheet] : []), h.cell, h.column, h.value, h.severity, h.message, h.rule];
  list.addRow(header).font = { bold: true };
  const sevCol = header.indexOf(h.severity) + 1;
  const cellCol = header.indexOf(h.cell) + 1;
  for (const l of located) {
    const p = l.problem;
    const row = list.addRow([
      ...(withSheet ? [xlsxText(l.sheet)] : []),
      p.cell ?? '',
      xlsxText(p.column ?? ''),
      xlsxText(p.value ?? ''),
      SEVERITY_LABEL[lang][p.severity],
      xlsxText(opts.render(p)),
      p.rule,
    ]);
    if (p.cell && wb.getWorksheet(l.sheet)) {
      const sheetRef = `'${l.sheet.replace(/'/g, "''")}'`;
      row.getCell(cellCol).value = { text: p.cell, hyperlink: `#${sheetRef}!${p.cell}` };
      row.getCell(cellCol).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(sevCol).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[p.severity] } };
    row.getCell(header.indexOf(h.value) + 1).numFmt = '@';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  if (located.length === 0) list.addRow([...(withSheet ? [''] : []), '', '', '', '', NO_PROBLEMS[lang], '']);
  const widths: Record<string, number> = { [h.sheet]: 16, [h.cell]: 9, [h.column]: 16, [h.value]: 24, [h.severity]: 8, [h.message]: 80, [h.rule]: 20 };
  header.forEach((name, i) => {
    list.getColumn(i + 1).width = widths[name] ?? 12;
  });
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

  markWorkbook(wb, 'annotated', path.basename(f.file));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await mkdir(path.dirname(target), { recursive: true });
  const out = await writeFileAtomic(target, buf, { force: Boolean(opts.force), inputs: opts.inputs });
  return { file: f.file, out, problems: located.length, cells: byCell.size };
}

/** Columns a text needs: Han and other wide characters count two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
