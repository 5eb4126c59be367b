// annotateReports: annotated copies — fills and notes on exactly the problem cells, 问题清单 first with links, originals untouched.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readForTest } from '../helpers/ledger.js';
import type { Ledger } from '../../src/core/ledger/model.js';
import { render, renderProblem } from '../../src/formatters/catalogue/index.js';
import type { FileReport } from '../../src/core/model.js';
import { annotateReports, SEVERITY_FILL } from '../../src/io/annotate.js';
import { OutputError } from '../../src/io/safe-write.js';
import { tempDir } from '../e2e/helpers.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];

async function readAndValidate(paths: string[]): Promise<{ read: Ledger; reports: FileReport[] }> {
  const { ledger, reports } = await readForTest(paths);
  return { read: ledger, reports };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function notedCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (c) => {
      if (c.note) out.push(c.address);
    });
  });
  return out.sort();
}

function noteOf(c: ExcelJS.Cell): string {
  const n = c.note as unknown;
  if (typeof n === 'string') return n;
  return ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join('');
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let t: ReturnType<typeof tempDir>;
let inDir: string;
beforeAll(async () => {
  t = tempDir();
  inDir = path.join(t.dir, 'in');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path.join(inDir, 'sub'), { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记表');
  ws.addRow(['溆浦县慈善组织精准扶贫结对帮扶登记表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['填报单位：溆浦县慈善会']);
  ws.addRow(HEADER);
  ws.addRow([1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', '1.39123E+10']); // E4 error
  ws.addRow([2, '溆浦县慈善会', '', '溆浦县卢峰镇桐木村1组', '13907451235']); // C5 error
  ws.addRow([3, '溆浦县慈善会', '李  四', '溆浦县卢峰镇桐木村2组', '13907451236']); // C6 warning
  ws.addRow(['备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。']);
  ws.getColumn(2).width = 33;
  ws.getCell('D4').note = '村里核实过';
  await wb.xlsx.writeFile(path.join(inDir, 'sub', '溆浦县.xlsx'));

  const csv = [
    '溆浦县慈善组织精准扶贫结对帮扶登记表,,,,,',
    '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式,身份证号码',
    '1,溆浦县慈善会,王五,溆浦县卢峰镇大坪村3组,13907451234,431222195410206419',
    '2,溆浦县慈善会,赵六,溆浦县卢峰镇大坪村4组,0745-3221234,',
  ].join('\r\n');
  writeFileSync(path.join(inDir, 'county.csv'), iconv.encode(csv, 'gbk'));
  writeFileSync(path.join(inDir, 'broken.xlsx'), 'not a workbook');
});
afterAll(() => t.cleanup());

describe('annotateReports', () => {
  let result: Awaited<ReturnType<typeof annotateReports>>;
  let reports: FileReport[];
  let before: string;
  const out = () => path.join(t.dir, 'out');

  beforeAll(async () => {
    before = sha(path.join(inDir, 'sub', '溆浦县.xlsx'));
    const r = await readAndValidate([inDir]);
    reports = r.reports;
    result = await annotateReports(r.reports, r.read.files, out(), { render: (p) => renderProblem(p, 'zh'), say: (m) => render(m, 'zh'), inputs: [inDir] });
  });

  it('writes one copy per readable register at the same relative path (CSV as .xlsx) and names the file it could not read', () => {
    expect(result.written.map((w) => path.relative(out(), w.out)).sort()).toEqual(['county.xlsx', path.join('sub', '溆浦县.xlsx')]);
    expect(result.notWritten.map((n) => [n.file, n.rule])).toEqual([['broken.xlsx', 'file-corrupt']]);
    expect(existsSync(path.join(out(), 'broken.xlsx'))).toBe(false);
    expect(sha(path.join(inDir, 'sub', '溆浦县.xlsx'))).toBe(before);
  });

  it('fills and notes exactly the problem cells, by severity, keeping an existing note and the rest of the sheet', async () => {
    const problemCells = reports.find((r) => r.file === 'sub/溆浦县.xlsx')!.problems.map((p) => p.cell!).sort();
    expect(problemCells).toEqual(['C5', 'C6', 'E4']);
    const wb = await open(path.join(out(), 'sub', '溆浦县.xlsx'));
    const ws = wb.getWorksheet('登记表')!;
    expect(notedCells(ws)).toEqual(['C5', 'C6', 'D4', 'E4']); // D4 carried its own note before
    expect(noteOf(ws.getCell('D4'))).toBe('村里核实过');
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill('E4')).toBe(SEVERITY_FILL.error);
    expect(fill('C5')).toBe(SEVERITY_FILL.error);
    expect(fill('C6')).toBe(SEVERITY_FILL.warning);
    expect(fill('D4')).toBeUndefined();
    expect(noteOf(ws.getCell('E4'))).toMatch(/^【错误】E4 联系方式“1\.39123E\+10”被 Excel 改成了科学计数法/);
    expect(noteOf(ws.getCell('C6'))).toMatch(/^【警告】C6 户主姓名“李  四”中间有空格/);
    expect(ws.getCell('A1').value).toBe('溆浦县慈善组织精准扶贫结对帮扶登记表');
    expect(ws.model.merges).toContain('A1:E1');
    expect(ws.getColumn(2).width).toBe(33);
  });

  it('puts 问题清单 first, one row per problem, with a link to its cell', async () => {
    const wb = await open(path.join(out(), 'sub', '溆浦县.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '登记表']);
    const list = wb.worksheets[0]!;
    expect(list.getRow(1).values).toEqual([undefined, '单元格', '列', '内容', '级别', '问题', '规则']);
    const rows = [2, 3, 4].map((r) => {
      const v = list.getRow(r).values as unknown[];
      const link = v[1] as { text: string; hyperlink: string };
      return [link.text, link.hyperlink, v[2], v[3] ?? '', v[4], v[6]];
    });
    expect(rows).toEqual([
      ['E4', "#'登记表'!E4", '联系方式', '1.39123E+10', '错误', 'phone-format'],
      ['C5', "#'登记表'!C5", '扶贫户主姓名', '', '错误', 'required-cell'],
      ['C6', "#'登记表'!C6", '扶贫户主姓名', '李  四', '警告', 'name-spacing'],
    ]);
    expect(list.rowCount).toBe(4);
  });

  it('turns a CSV register into an xlsx whose cells are text (phones and ID numbers stay digits), with a clean 问题清单', async () => {
    const wb = await open(path.join(out(), 'county.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', 'county']);
    const ws = wb.getWorksheet('county')!;
    expect(ws.getCell('E3').value).toBe('13907451234');
    expect(ws.getCell('F3').value).toBe('431222195410206419');
    expect(ws.getCell('F3').numFmt).toBe('@');
    expect(ws.getCell('B2').value).toBe('扶贫单位或者机构名称');
    expect(notedCells(ws)).toEqual([]);
    expect(wb.worksheets[0]!.getRow(2).getCell(5).value).toBe('未发现问题');
  });

  it('prints 问题清单 on A4 landscape one page wide: header row repeated and styled, messages wrapped, rows as tall as their text', async () => {
    const wb = await open(path.join(out(), 'sub', '溆浦县.xlsx'));
    const list = wb.worksheets[0]!;
    expect(list.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(list.headerFooter.oddHeader).toBe('&L问题清单  sub/溆浦县.xlsx');
    expect(list.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    // the columns fit across A4 landscape near full size (~135 units); the message column is the widest and wraps
    const widths = [1, 2, 3, 4, 5, 6].map((c) => list.getColumn(c).width ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(135);
    expect(Math.max(...widths)).toBe(list.getColumn(5).width);
    expect(list.getCell('E2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(list.getCell('A1').font?.bold).toBe(true);
    expect(list.getCell('E1').border?.bottom?.style).toBe('thin');
    // a two-line message gets a two-line row
    const long = list.getCell('E2').value as string;
    expect(long.length * 2).toBeGreaterThan(list.getColumn(5).width!);
    expect(list.getRow(2).height).toBeGreaterThanOrEqual(30);
    // the register sheet keeps its own setup, on A4 when it named no paper
    expect(wb.getWorksheet('登记表')!.pageSetup.paperSize).toBe(9);
  });

  it('lays a CSV copy out as the register: widths from header and data (not the title), title merged, header boxed and repeated', async () => {
    const wb = await open(path.join(out(), 'county.xlsx'));
    const ws = wb.getWorksheet('county')!;
    // the title "溆浦县慈善组织精准扶贫结对帮扶登记表" in A1 spans the columns instead of widening column A
    expect(ws.model.merges).toContain('A1:F1');
    expect(ws.getColumn(1).width).toBeLessThan(10);
    // 扶贫家庭住址 as wide as its longest address (溆浦县卢峰镇大坪村3组: 21 units) and not more than it needs
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(21);
    expect(ws.getColumn(4).width).toBeLessThan(30);
    // the header row: bold, wrapped, boxed, tall enough for 扶贫单位或者机构名称 on two lines if it must wrap
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.getCell('B2').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B2').border?.top?.style).toBe('thin');
    expect(ws.getCell('D3').border?.left?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
  });

  it('lists a problem without a cell in 问题清单 only, and writes messages in English with --lang en', async () => {
    const csv = '序号,扶贫单位或者机构名称,扶贫户主姓名,联系方式\n1,溆浦县慈善会,王五,1390745123\n';
    writeFileSync(path.join(t.dir, 'nocol.csv'), csv);
    const r = await readAndValidate([path.join(t.dir, 'nocol.csv')]);
    const res = await annotateReports(r.reports, r.read.files, path.join(t.dir, 'out-en'), { render: (p) => renderProblem(p, 'en'), say: (m) => render(m, 'en'), inputs: [path.join(t.dir, 'nocol.csv')] });
    const wb = await open(res.written[0]!.out);
    const list = wb.worksheets[0]!;
    expect(list.name).toBe('Problems');
    // nothing says which county nocol.csv is for: the area-unknown note has no cell either
    const listed = [2, 3, 4].map((n) => list.getRow(n).values as unknown[]);
    const cells = listed.map((v) => (typeof v[1] === 'object' ? (v[1] as { text: string }).text : (v[1] ?? '')));
    expect(cells).toEqual(['', '', 'D2']);
    expect(listed.map((v) => v[6])).toEqual(['area-unknown', 'required-column', 'phone-format']);
    expect(String(listed[2]![5])).toMatch(/^D2: the phone "1390745123" has 10 digits/);
    expect(notedCells(wb.getWorksheet('nocol')!)).toEqual(['D2']);
  });

  it('refuses an output folder inside an input folder, and an existing copy without force', async () => {
    const r = await readAndValidate([inDir]);
    await expect(annotateReports(r.reports, r.read.files, path.join(inDir, 'annotated'), { render: (p) => renderProblem(p, 'zh'), say: (m) => render(m, 'zh'), inputs: [inDir] })).rejects.toBeInstanceOf(OutputError);
    expect(existsSync(path.join(inDir, 'annotated'))).toBe(false);
    await expect(annotateReports(r.reports, r.read.files, out(), { render: (p) => renderProblem(p, 'zh'), say: (m) => render(m, 'zh'), inputs: [inDir] })).rejects.toMatchObject({ kind: 'exists' });
    const again = await annotateReports(r.reports, r.read.files, out(), { render: (p) => renderProblem(p, 'zh'), say: (m) => render(m, 'zh'), inputs: [inDir], force: true });
    expect(again.written).toHaveLength(2);
  });
});
