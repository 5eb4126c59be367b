// quota -o FILE.xlsx: the 附4 form from templates/ with the targets, and beside them the actual figures, the shortfalls and a verdict per row.
import { markWorkbook } from '../mark.js';
import { readPackageFile } from '../package-root.js';
import { readFile } from 'node:fs/promises';
import type { Cell, Style, Workbook, Worksheet } from 'exceljs';
import type { Lang, Msg } from '../../core/model.js';
import { xlsxText } from '../../core/neutralize.js';
import { columnSums, figureText, formatRange, type AreaReport, type QuotaReport, type QuotaRow, type QuotaTable, type RequirementId } from '../../core/quota/index.js';
import { writeFileAtomic } from '../safe-write.js';
import { loadExcelJs } from '../xlsx.js';

/** The package's 附4 template (templates/ in the package folder, or inside the one-file build). */
const QUOTA_TEMPLATE = ['templates', '附4-任务分配表.xlsx'] as const;

export interface QuotaProgressOptions {
  lang?: Lang;
  /** A message in words (the catalogue's renderer, given by the CLI). */
  say: (m: Msg) => string;
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

function verdictOf(area: AreaReport | undefined, lang: Lang, say: (m: Msg) => string): string {
  if (!area) return lang === 'zh' ? '未读到' : 'not in the input';
  const short = area.requirements.filter((r) => !r.met);
  if (short.length === 0) return lang === 'zh' ? '达到' : 'met';
  const details = short.map((r) => (lang === 'zh' ? `${say(r.label)}差${r.shortfall}` : `${say(r.label)} short by ${r.shortfall}`));
  return lang === 'zh' ? `未达到：${details.join('，')}` : `not met: ${details.join('; ')}`;
}

/** The 附4 workbook with the report filled in, as bytes. */
export async function quotaProgressWorkbook(report: QuotaReport, table: QuotaTable, opts: QuotaProgressOptions): Promise<Buffer> {
  const lang = opts.lang ?? 'zh';
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

  // widen the title over the new columns
  const titleText = xlsxText(`${table.name}（完成情况）`);
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
    { col: ACTUAL_COL, word: lang === 'zh' ? '实际' : 'actual' },
    { col: SHORT_COL, word: lang === 'zh' ? '差额' : 'short by' },
  ];
  for (const b of blocks) {
    for (const g of GROUPS) {
      for (let i = g.from; i <= g.to; i++) put(ws.getCell(headerRow, b.col + i), undefined, headStyle);
      put(ws.getCell(headerRow, b.col + g.from), lang === 'zh' ? `${g.label}（${b.word}）` : `${g.label} (${b.word})`, headStyle);
      if (g.to > g.from) ws.mergeCells(headerRow, b.col + g.from, headerRow, b.col + g.to);
    }
    SUBHEADS.forEach((h, i) => put(ws.getCell(headerRow + 1, b.col + i), h, headStyle));
  }
  put(ws.getCell(headerRow, VERDICT_COL), lang === 'zh' ? '核对结果' : 'result', headStyle);
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
    const verdict = ws.getCell(r, VERDICT_COL);
    put(verdict, verdictOf(area, lang, opts.say), { ...bodyStyle, alignment: { ...(bodyStyle.alignment ?? {}), horizontal: 'left' } });
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
  put(
    ws.getCell(total, VERDICT_COL),
    lang === 'zh'
      ? shortAreas ? `${shortAreas} 个单位未达到` : `读到的 ${report.areas.length} 个单位全部达到`
      : shortAreas ? `${shortAreas} units short` : `all ${report.areas.length} units read meet their minimums`,
    { ...totalStyle, alignment: { ...(totalStyle.alignment ?? {}), horizontal: 'left' } },
  );
  ws.getRow(total).height = bodyHeight;

  // 备注: the table's notes, what the new columns mean, and the faults of the stated 合计 row
  const note = total + 1;
  const lines = [...table.notes];
  lines.push(
    lang === 'zh'
      ? `${lines.length + 1}、I–O 列为登记表（台帐）统计的实际数，P–V 列为少于任务下限的差额（0 为已达到；超出上限仅供参考）；红色为未达到。`
      : `${lines.length + 1}. Columns I–O: actual figures counted from the registers; P–V: shortfall below the minimum (0 = met; above the upper end is information only); red = not met.`,
  );
  const faults = report.tableFaults.filter((f) => f.kind === 'total');
  if (faults.length) {
    lines.push(
      lang === 'zh'
        ? `${lines.length + 1}、合计行按各行相加填写。原表合计行与各行之和不符：${faults.map((f) => `${opts.say(f.label)}写 ${figureText(f.stated)}，各行相加为 ${figureText(f.computed)}`).join('；')}。`
        : `${lines.length + 1}. The 合计 row is the sum of the rows. The source's 合计 row does not add up: ${faults.map((f) => `${opts.say(f.label)} states ${figureText(f.stated)}, the rows add up to ${figureText(f.computed)}`).join('; ')}.`,
    );
  }
  for (const f of report.tableFaults.filter((x) => x.kind === 'subtotal')) lines.push(`${lines.length + 1}、${opts.say(f.message)}`);
  put(ws.getCell(note, 1), noteLabel, noteLabelStyle);
  for (let c = 2; c <= VERDICT_COL; c++) put(ws.getCell(note, c), undefined, noteTextStyle);
  ws.getCell(note, 2).value = xlsxText(lines.join('\n'));
  ws.mergeCells(note, 2, note, VERDICT_COL);
  ws.getRow(note).height = Math.max(noteHeight, 18 * lines.length + 12);

  ws.pageSetup.printArea = `A1:W${note}`;
  renameRow(wb, ws, 'data_start', dataStart);
  renameRow(wb, ws, 'total_row', total);
  renameRow(wb, ws, 'note_row', note);
  markWorkbook(wb, 'quota-progress');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the filled 附4 to `target` atomically; refuses an existing file without `force`, and any input file. */
export async function writeQuotaProgress(
  target: string,
  report: QuotaReport,
  table: QuotaTable,
  opts: QuotaProgressOptions & { force?: boolean; inputs?: readonly string[] },
): Promise<string> {
  const bytes = await quotaProgressWorkbook(report, table, opts);
  return writeFileAtomic(target, bytes, { ...(opts.force ? { force: true } : {}), ...(opts.inputs ? { inputs: opts.inputs } : {}) });
}
