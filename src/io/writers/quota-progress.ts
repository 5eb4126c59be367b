// quota -o FILE.xlsx: the 附4 progress workbook. First sheet 完成情况, made to be printed: per unit three rows (任务下限,
// 实际, 差额) under the form's own header, a verdict beside them, A4 landscape at full size. Second sheet, the 附4 form from
// templates/ with the targets and beside them the actual figures, the shortfalls and a verdict per row: one row per unit
// for sorting and filtering on screen (printed two pages wide, the 单位 column repeated). Words from the catalogue
// (quota-progress/…) through `say`; the form's own headings (慈善系统, 本级 …) are the official form's and stay as printed.
import { markWorkbook } from '../mark.js';
import { readPackageFile } from '../package-root.js';
import { readFile } from 'node:fs/promises';
import type { Cell, Style, Workbook, Worksheet } from 'exceljs';
import type { Msg } from '../../core/model.js';
import { xlsxText } from '../../core/neutralize.js';
import { columnSums, figureText, formatRange, type AreaReport, type QuotaReport, type QuotaRow, type QuotaTable, type RequirementId } from '../../core/quota/index.js';
import { writeFileAtomic } from '../safe-write.js';
import { loadExcelJs } from '../xlsx.js';
import { BOX, MARGINS, rowHeight, setPrint, wrappedLines } from './print.js';

/** The package's 附4 template (templates/ in the package folder, or inside the one-file build). */
const QUOTA_TEMPLATE = ['templates', '附4-任务分配表.xlsx'] as const;

type Say = (m: Msg) => string;

export interface QuotaProgressOptions {
  /** A message in words, in the run's language (the catalogue's renderer, given by the CLI). */
  say: Say;
  /** Another template in the 附4 layout (default the package's templates/附4-任务分配表.xlsx). */
  template?: string;
}

/** The seven figure columns of 附4 in form order (B–H), and the requirement each is checked by. */
const FIGURES: { key: keyof QuotaRow; req?: RequirementId }[] = [
  { key: 'charityLocal', req: 'charity-local' },
  { key: 'charityCounty', req: 'charity-county' },
  { key: 'charitySubtotal', req: 'charity-subtotal' },
  { key: 'foundationOrgs', req: 'foundation-orgs' },
  { key: 'foundationHouseholds', req: 'foundation-households' },
  { key: 'socialOrgs', req: 'social-orgs' },
  { key: 'socialHouseholds', req: 'social-households' },
];
const SUBHEADS = ['本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数'];
const GROUPS: { label: string; from: number; to: number }[] = [
  { label: '慈善系统', from: 0, to: 2 },
  { label: '基金会', from: 3, to: 4 },
  { label: '社会服务机构', from: 5, to: 6 },
];
/** First column of the actual block (I), of the shortfall block (P), and the verdict column (W); 1-based. */
const ACTUAL_COL = 9;
const SHORT_COL = 16;
const VERDICT_COL = 23;
/** Excel's own "light red fill with dark red text": a shortfall. */
const SHORT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const SHORT_FONT_COLOR = { argb: 'FF9C0006' };

function copyStyle(style: Partial<Style>): Partial<Style> {
  return JSON.parse(JSON.stringify(style)) as Partial<Style>;
}

/** Row number of a defined name of the template (e.g. data_start → 5), or the fallback. */
function namedRow(wb: Workbook, name: string, fallback: number): number {
  const ranges = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(name)?.ranges ?? [];
  const m = /\$?[A-Z]+\$?(\d+)$/u.exec(ranges[0] ?? '');
  return m ? Number(m[1]) : fallback;
}

function renameRow(wb: Workbook, ws: Worksheet, name: string, row: number): void {
  const names = wb.definedNames as unknown as { removeAllNames(n: string): void; add(loc: string, n: string): void };
  names.removeAllNames(name);
  names.add(`'${ws.name}'!$A$${row}`, name);
}

/** What one area actually did, per figure column; undefined where nothing is known. */
function actualsOf(area: AreaReport | undefined): { actual: (number | undefined)[]; short: (number | undefined)[] } {
  const actual: (number | undefined)[] = new Array(7).fill(undefined);
  const short: (number | undefined)[] = new Array(7).fill(undefined);
  if (!area) return { actual, short };
  const byId = new Map(area.requirements.map((r) => [r.id, r]));
  FIGURES.forEach((f, i) => {
    const r = f.req ? byId.get(f.req) : undefined;
    if (r) {
      actual[i] = r.actual;
      short[i] = r.shortfall;
    }
  });
  // 小计 actual: 本级 + 县市区 when they were checked apart (省本级: 本级 only)
  if (actual[2] === undefined && actual[0] !== undefined) actual[2] = actual[0] + (actual[1] ?? 0);
  return { actual, short };
}

function targetOf(row: QuotaRow, i: number): string | number | undefined {
  const v = row[FIGURES[i]!.key];
  if (v === undefined || typeof v === 'string') return undefined;
  return typeof v === 'number' ? v : formatRange(v);
}

function verdictOf(area: AreaReport | undefined, say: Say): string {
  if (!area) return say({ id: 'quota-progress/not-read' });
  const short = area.requirements.filter((r) => !r.met);
  if (short.length === 0) return say({ id: 'quota-progress/met' });
  return say({ id: 'quota-progress/not-met', data: { details: short.map((r) => ({ id: 'quota/req-short-detail', data: { label: r.label, shortfall: r.shortfall } })) } });
}

/** The 附4 workbook with the report filled in, as bytes. */
export async function quotaProgressWorkbook(report: QuotaReport, table: QuotaTable, opts: QuotaProgressOptions): Promise<Buffer> {
  const say = opts.say;
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await (opts.template ? readFile(opts.template) : readPackageFile(...QUOTA_TEMPLATE))) as unknown as ArrayBuffer);
  wb.created = new Date();
  wb.modified = new Date();
  const ws = wb.worksheets[0]!;

  const titleRow = namedRow(wb, 'title', 2);
  const headerRow = namedRow(wb, 'header', 3);
  const dataStart = namedRow(wb, 'data_start', headerRow + 2);
  const oldTotal = namedRow(wb, 'total_row', dataStart + 15);
  const oldNote = namedRow(wb, 'note_row', oldTotal + 1);

  // styles of the template: header, body, 合计, 备注 label and text
  const headStyle = copyStyle(ws.getCell(headerRow + 1, 2).style);
  const bodyStyle = copyStyle(ws.getCell(dataStart, 2).style);
  const unitStyle = copyStyle(ws.getCell(dataStart, 1).style);
  const totalStyle = copyStyle(ws.getCell(oldTotal, 2).style);
  const totalLabelStyle = copyStyle(ws.getCell(oldTotal, 1).style);
  const totalLabel = String(ws.getCell(oldTotal, 1).value ?? '合  计');
  const noteLabelStyle = copyStyle(ws.getCell(oldNote, 1).style);
  const noteTextStyle = copyStyle(ws.getCell(oldNote, 2).style);
  const noteLabel = String(ws.getCell(oldNote, 1).value ?? '备注');
  const bodyHeight = ws.getRow(dataStart).height ?? 22;
  const noteHeight = ws.getRow(oldNote).height ?? 96;
  const annexStyle = copyStyle(ws.getCell(1, 1).style);
  const annexText = String(ws.getCell(1, 1).value ?? '附4：');
  const titleStyle = copyStyle(ws.getCell(titleRow, 1).style);
  const entries: PrintEntry[] = [];

  // widen the title over the new columns
  const titleText = xlsxText(say({ id: 'quota-progress/title', data: { name: table.name } }));
  for (const m of [...((ws.model as { merges?: string[] }).merges ?? [])]) {
    const first = /^([A-Z]+)(\d+):/u.exec(m);
    if (first && (Number(first[2]) === titleRow || Number(first[2]) >= dataStart)) ws.unMergeCells(m);
  }
  ws.getCell(titleRow, 1).value = titleText;
  ws.mergeCells(titleRow, 1, titleRow, VERDICT_COL);

  // the header of the new blocks, in the template's header style
  const put = (cell: Cell, value: string | number | undefined, style: Partial<Style>): void => {
    cell.style = copyStyle(style);
    cell.value = value === undefined ? null : typeof value === 'string' ? xlsxText(value) : value;
  };
  const blocks = [
    { col: ACTUAL_COL, word: { id: 'quota-progress/actual' } },
    { col: SHORT_COL, word: { id: 'quota-progress/short-by' } },
  ];
  for (const b of blocks) {
    for (const g of GROUPS) {
      for (let i = g.from; i <= g.to; i++) put(ws.getCell(headerRow, b.col + i), undefined, headStyle);
      put(ws.getCell(headerRow, b.col + g.from), say({ id: 'quota-progress/group-block', data: { group: g.label, word: b.word } }), headStyle);
      if (g.to > g.from) ws.mergeCells(headerRow, b.col + g.from, headerRow, b.col + g.to);
    }
    SUBHEADS.forEach((h, i) => put(ws.getCell(headerRow + 1, b.col + i), h, headStyle));
  }
  put(ws.getCell(headerRow, VERDICT_COL), say({ id: 'quota-progress/result' }), headStyle);
  put(ws.getCell(headerRow + 1, VERDICT_COL), undefined, headStyle);
  ws.mergeCells(headerRow, VERDICT_COL, headerRow + 1, VERDICT_COL);
  for (let c = ACTUAL_COL; c < VERDICT_COL; c++) ws.getColumn(c).width = c === ACTUAL_COL + 4 || c === SHORT_COL + 4 ? 10 : 9;
  ws.getColumn(VERDICT_COL).width = 36;

  // clear everything from the first data row down, then write the rows, 合计 and 备注 afresh
  for (let r = ws.rowCount; r >= dataStart; r--) ws.spliceRows(r, 1);

  const areaOf = new Map(report.areas.map((a) => [a.unit, a]));
  const sumActual: number[] = new Array(7).fill(0);
  const sumShort: number[] = new Array(7).fill(0);
  const anyActual: boolean[] = new Array(7).fill(false);
  const anyShort: boolean[] = new Array(7).fill(false);
  let r = dataStart;
  for (const row of table.rows) {
    const area = areaOf.get(row.unit);
    const { actual, short } = actualsOf(area);
    put(ws.getCell(r, 1), row.unit, unitStyle);
    for (let i = 0; i < 7; i++) {
      put(ws.getCell(r, 2 + i), targetOf(row, i), bodyStyle);
      put(ws.getCell(r, ACTUAL_COL + i), actual[i], bodyStyle);
      put(ws.getCell(r, SHORT_COL + i), short[i], bodyStyle);
      if (actual[i] !== undefined) {
        sumActual[i]! += actual[i]!;
        anyActual[i] = true;
      }
      if (short[i] !== undefined) {
        sumShort[i]! += short[i]!;
        anyShort[i] = true;
      }
      if ((short[i] ?? 0) > 0) {
        for (const col of [ACTUAL_COL + i, SHORT_COL + i]) {
          const cell = ws.getCell(r, col);
          cell.fill = SHORT_FILL;
          cell.font = { ...(cell.font ?? {}), bold: true, color: SHORT_FONT_COLOR };
        }
      }
    }
    entries.push({ unit: row.unit, targets: FIGURES.map((_, i) => targetOf(row, i)), actual, short, verdict: verdictOf(area, say), bad: Boolean(area && !area.met) });
    const verdict = ws.getCell(r, VERDICT_COL);
    put(verdict, verdictOf(area, say), { ...bodyStyle, alignment: { ...(bodyStyle.alignment ?? {}), horizontal: 'left' } });
    if (area && !area.met) verdict.font = { ...(verdict.font ?? {}), bold: true, color: SHORT_FONT_COLOR };
    ws.getRow(r).height = bodyHeight;
    r++;
  }

  // 合计: targets are the column sums of the rows (never the stated 合计, whose faults go into 备注)
  const total = r;
  const sums = columnSums(table.rows);
  put(ws.getCell(total, 1), totalLabel, totalLabelStyle);
  FIGURES.forEach((f, i) => {
    const v = sums[f.key as keyof typeof sums];
    const anyTarget = table.rows.some((row) => row[f.key] !== undefined);
    put(ws.getCell(total, 2 + i), anyTarget ? (typeof v === 'number' ? v : figureText(v)) : undefined, totalStyle);
    put(ws.getCell(total, ACTUAL_COL + i), anyActual[i] ? sumActual[i] : undefined, totalStyle);
    put(ws.getCell(total, SHORT_COL + i), anyShort[i] ? sumShort[i] : undefined, totalStyle);
  });
  const shortAreas = report.areas.filter((a) => !a.met).length;
  const totalVerdict = shortAreas
    ? say({ id: 'quota-progress/total-short', data: { count: shortAreas } })
    : say({ id: 'quota-progress/total-met', data: { count: report.areas.length } });
  put(ws.getCell(total, VERDICT_COL), totalVerdict, { ...totalStyle, alignment: { ...(totalStyle.alignment ?? {}), horizontal: 'left' } });
  const totalEntry: PrintEntry = {
    unit: totalLabel,
    targets: FIGURES.map((f) => {
      const v = sums[f.key as keyof typeof sums];
      return table.rows.some((row) => row[f.key] !== undefined) ? (typeof v === 'number' ? v : figureText(v)) : undefined;
    }),
    actual: sumActual.map((v, i) => (anyActual[i] ? v : undefined)),
    short: sumShort.map((v, i) => (anyShort[i] ? v : undefined)),
    verdict: totalVerdict,
    bad: shortAreas > 0,
  };
  ws.getRow(total).height = bodyHeight;

  // 备注: the table's notes, what the new columns mean, and the faults of the stated 合计 row
  const note = total + 1;
  const lines = noteLines(table, report, opts.say, 'quota-progress/explain-flat');
  put(ws.getCell(note, 1), noteLabel, noteLabelStyle);
  for (let c = 2; c <= VERDICT_COL; c++) put(ws.getCell(note, c), undefined, noteTextStyle);
  ws.getCell(note, 2).value = xlsxText(lines.join('\n'));
  ws.mergeCells(note, 2, note, VERDICT_COL);
  ws.getRow(note).height = Math.max(noteHeight, 18 * lines.length + 12);

  ws.pageSetup.printArea = `A1:W${note}`;
  // on paper: two pages wide, the 单位 column on both
  ws.pageSetup.fitToWidth = 2;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.printTitlesColumn = 'A:A';
  renameRow(wb, ws, 'data_start', dataStart);
  renameRow(wb, ws, 'total_row', total);
  renameRow(wb, ws, 'note_row', note);
  markWorkbook(wb, 'quota-progress');

  addPrintSheet(wb, {
    annex: annexText,
    title: titleText,
    entries,
    total: totalEntry,
    notes: noteLines(table, report, opts.say, 'quota-progress/explain-print'),
    noteLabel,
    styles: { annex: annexStyle, title: titleStyle, head: headStyle, body: bodyStyle, unit: unitStyle, total: totalStyle, totalLabel: totalLabelStyle, noteLabel: noteLabelStyle, noteText: noteTextStyle },
    say: opts.say,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The 备注 lines, numbered: the table's own notes, what the figures mean (`explain`: the flat sheet's or the printed
 * sheet's), the faults of the stated 合计 and 小计.
 */
function noteLines(table: QuotaTable, report: QuotaReport, say: Say, explain: string): string[] {
  const lines = [...table.notes];
  const add = (text: Msg): void => void lines.push(say({ id: 'quota-progress/note-item', data: { n: lines.length + 1, text } }));
  add({ id: explain });
  const faults = report.tableFaults.filter((f) => f.kind === 'total');
  if (faults.length) {
    const each = faults.map((f) => ({ id: 'quota-progress/total-fault', data: { label: f.label, stated: figureText(f.stated), computed: figureText(f.computed) } }));
    add({ id: 'quota-progress/total-faults', data: { faults: each } });
  }
  for (const f of report.tableFaults.filter((x) => x.kind === 'subtotal')) add(f.message);
  return lines;
}

/** One unit of the table as the printed sheet shows it. */
interface PrintEntry {
  unit: string;
  targets: (string | number | undefined)[];
  actual: (number | undefined)[];
  short: (number | undefined)[];
  verdict: string;
  /** Some requirement not met: the verdict in red. */
  bad: boolean;
}

interface PrintSheet {
  annex: string;
  title: string;
  entries: PrintEntry[];
  total: PrintEntry;
  notes: string[];
  noteLabel: string;
  styles: Record<'annex' | 'title' | 'head' | 'body' | 'unit' | 'total' | 'totalLabel' | 'noteLabel' | 'noteText', Partial<Style>>;
  say: Say;
}

/** The printed sheet's columns: 单位, 项目, the seven figures, 核对结果 (Excel units, ~115: A4 landscape at full size). */
const PRINT_WIDTHS = [11, 9, 8, 8, 8, 8, 10, 8, 10, 36];
/** Points of one block row; a page (A4 landscape inside the margins) holds this many points of rows. */
const BLOCK_ROW = 15;
const PAGE_POINTS = (8.27 - MARGINS.top - MARGINS.bottom) * 72 - 6;

/**
 * The 完成情况 sheet, first and active: title, the 附4 header (单位 and 项目 over both header rows), per unit three rows —
 * 任务下限, 实际, 差额 — with the unit and its verdict merged over them, shortfalls in red, the 合计 block, 备注. A4
 * landscape one page wide; the header repeated on every page and no unit's block split between pages.
 */
function addPrintSheet(wb: Workbook, p: PrintSheet): void {
  const ws = wb.addWorksheet(p.say({ id: 'quota-progress/print-sheet' }), { views: [{ state: 'frozen', ySplit: 4, tabSelected: true } as never] });
  (ws as unknown as { orderNo: number }).orderNo = -1;
  for (const other of wb.worksheets) if (other !== ws) other.views = (other.views ?? []).map((v) => ({ ...v, tabSelected: false }));
  const views = (wb.views?.length ? wb.views : [{}]) as Record<string, unknown>[];
  wb.views = views.map((v) => ({ ...v, activeTab: 0, firstSheet: 0 })) as never;

  const last = PRINT_WIDTHS.length;
  PRINT_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const put = (r: number, c: number, value: string | number | undefined, style: Partial<Style>): Cell => {
    const cell = ws.getCell(r, c);
    cell.style = copyStyle(style);
    cell.value = value === undefined ? null : typeof value === 'string' ? xlsxText(value) : value;
    return cell;
  };
  const left = (style: Partial<Style>): Partial<Style> => ({ ...style, alignment: { ...(style.alignment ?? {}), horizontal: 'left', vertical: 'middle', wrapText: true } });

  put(1, 1, p.annex, p.styles.annex);
  put(2, 1, p.title, p.styles.title);
  ws.mergeCells(2, 1, 2, last);
  ws.getRow(2).height = 36;

  // the header: 单位 | 项目 | 慈善系统 (本级 县市区 小计) | 基金会 (选定 扶贫户数) | 社会服务机构 (选定 扶贫户数) | 核对结果
  for (let c = 1; c <= last; c++) {
    put(3, c, undefined, p.styles.head);
    put(4, c, undefined, p.styles.head);
  }
  put(3, 1, '单  位', p.styles.head);
  ws.mergeCells(3, 1, 4, 1);
  put(3, 2, p.say({ id: 'quota-progress/item' }), p.styles.head);
  ws.mergeCells(3, 2, 4, 2);
  for (const g of GROUPS) {
    put(3, 3 + g.from, g.label, p.styles.head);
    if (g.to > g.from) ws.mergeCells(3, 3 + g.from, 3, 3 + g.to);
  }
  SUBHEADS.forEach((h, i) => put(4, 3 + i, h, p.styles.head));
  put(3, last, p.say({ id: 'quota-progress/result' }), p.styles.head);
  ws.mergeCells(3, last, 4, last);
  ws.getRow(3).height = 22;
  ws.getRow(4).height = 22;

  const items = (['row-minimum', 'row-actual', 'row-short'] as const).map((k) => p.say({ id: `quota-progress/${k}` }));
  let r = 5;
  let used = 20 + 36 + 44; // rows 1–4 on the first page
  const block = (e: PrintEntry, isTotal: boolean): void => {
    const lines = wrappedLines(e.verdict, PRINT_WIDTHS[last - 1]!);
    const height = Math.max(BLOCK_ROW, Math.ceil(rowHeight(lines) / 3));
    if (used + 3 * height > PAGE_POINTS && r > 5) {
      ws.getRow(r - 1).addPageBreak();
      used = 44; // the repeated header
    }
    used += 3 * height;
    const label = isTotal ? p.styles.totalLabel : p.styles.unit;
    const body = isTotal ? p.styles.total : p.styles.body;
    const values = [e.targets, e.actual, e.short];
    for (let k = 0; k < 3; k++) {
      put(r + k, 1, k === 0 ? e.unit : undefined, label);
      put(r + k, 2, items[k], body);
      for (let i = 0; i < 7; i++) {
        const cell = put(r + k, 3 + i, values[k]![i], body);
        // a unit's shortfall: its actual figure and the difference in red; in 合计, the summed difference only
        if ((k === 2 || (k === 1 && !isTotal)) && (e.short[i] ?? 0) > 0) {
          cell.fill = SHORT_FILL;
          cell.font = { ...(cell.font ?? {}), bold: true, color: SHORT_FONT_COLOR };
        }
      }
      put(r + k, last, k === 0 ? e.verdict : undefined, left(body));
      ws.getRow(r + k).height = height;
    }
    ws.mergeCells(r, 1, r + 2, 1);
    ws.mergeCells(r, last, r + 2, last);
    if (e.bad) ws.getCell(r, last).font = { ...(ws.getCell(r, last).font ?? {}), bold: true, color: SHORT_FONT_COLOR };
    // a thicker rule between units, so each block reads as one
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r + 2, c);
      cell.border = { ...BOX, ...(cell.border ?? {}), bottom: { style: 'medium', color: { argb: 'FF000000' } } };
    }
    r += 3;
  };
  for (const e of p.entries) block(e, false);
  block(p.total, true);

  // 备注: what the rows mean and the table's notes
  const noteText = p.notes.join('\n');
  const noteWidth = PRINT_WIDTHS.slice(1).reduce((a, b) => a + b, 0);
  const height = rowHeight(wrappedLines(noteText, noteWidth));
  if (used + height > PAGE_POINTS) ws.getRow(r - 1).addPageBreak();
  put(r, 1, p.noteLabel, p.styles.noteLabel);
  for (let c = 2; c <= last; c++) put(r, c, undefined, p.styles.noteText);
  ws.getCell(r, 2).value = xlsxText(noteText);
  ws.mergeCells(r, 2, r, last);
  ws.getRow(r).height = height;

  ws.pageSetup.printArea = `A1:${letterOf(last)}${r}`;
  setPrint(ws, { orientation: 'landscape', titleRows: '3:4', footer: p.say({ id: 'print/page-footer' }) });
}

function letterOf(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Writes the filled 附4 to `target` atomically; refuses an existing file without `force`, and any input file. */
export async function writeQuotaProgress(
  target: string,
  report: QuotaReport,
  table: QuotaTable,
  opts: QuotaProgressOptions & { force?: boolean; inputs?: readonly string[]; cwd?: string },
): Promise<string> {
  const bytes = await quotaProgressWorkbook(report, table, opts);
  return writeFileAtomic(target, bytes, { ...(opts.force ? { force: true } : {}), ...(opts.inputs ? { inputs: opts.inputs } : {}), ...(opts.cwd ? { cwd: opts.cwd } : {}) });
}
