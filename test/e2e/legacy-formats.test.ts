// End-to-end: a register saved as .xls or .ods (by LibreOffice, fixtures/legacy/) is reported exactly as the same
// register saved as .xlsx — same sheets, areas, rows, problems, cells and messages — and its annotated and fixed
// copies are written as .xlsx with a note saying so; a value a reader could not place is reported, never dropped.
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx } from '../io/zip-build.js';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

interface FileReport {
  file: string;
  sheet?: string;
  rows: number;
  problems: unknown[];
  detected: Record<string, unknown>;
}

/**
 * `validate --format json` of a folder, one entry per register keyed by its path without extension and its sheet.
 * The file's own name is taken out wherever it appears (the area's reason says "path: 溆浦县.xls"), and so are the two
 * `detected` entries that say how the file was read (its format, the library): everything else must be equal.
 */
function reports(dir: string): Map<string, string> {
  const r = fupin(['validate', '--format', 'json', dir]);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect([0, 1]).toContain(r.code);
  const out = new Map<string, string>();
  for (const f of (JSON.parse(r.stdout) as { files: FileReport[] }).files) {
    const { format: _format, reader: _reader, ...detected } = f.detected;
    const name = path.basename(f.file);
    const same = JSON.stringify({ ...f, file: undefined, detected }).split(name).join('<file>');
    out.set(`${f.file.replace(/\.(xlsx|xls|ods)$/, '')}|${f.sheet ?? ''}`, same);
  }
  return out;
}

const xlsxOnly = (m: Map<string, string>, dir: string) =>
  new Map([...m].filter(([k]) => existsSync(path.join(dir, `${k.split('|')[0]}.xlsx`))));

describe.each(['registers', 'ledger'])('fixtures/%s saved as .xls and .ods', (sub) => {
  const original = path.join(ROOT, 'fixtures', sub);
  const expected = xlsxOnly(reports(original), original);

  it.each(['xls', 'ods'])('as .%s: the same report as the .xlsx, register by register', (format) => {
    const dir = path.join(ROOT, 'fixtures/legacy', format, sub);
    const got = reports(dir);
    // every .xlsx register has its copy, and nothing else is there
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    const differ = [...expected].filter(([k, v]) => got.get(k) !== v).map(([k]) => k);
    expect(differ).toEqual([]);
    // the fixtures do have problems to compare: a report of nothing would pass too easily
    expect([...got.values()].filter((v) => v.includes('"rule"')).length).toBeGreaterThan(8);
  });
});

describe('copies of an .xls register', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const xls = path.join(ROOT, 'fixtures/legacy/xls/registers');

  it('validate --annotate writes an .xlsx copy and says the original was .xls', async () => {
    const out = path.join(dir, 'annotated');
    const r = fupin(['validate', path.join(xls, 'defects-phone.xls'), '--annotate', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual(['defects-phone.xlsx']);
    expect(r.stderr).toMatch(/原文件是 \.xls 格式，副本存为 \.xlsx/);
    // the copy carries notes on exactly the cells the .xls's problems name (the copy is fupin's own output: never read
    // again as a register, so it is checked by its notes)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'defects-phone.xlsx'));
    const report = (JSON.parse(fupin(['validate', '--format', 'json', path.join(xls, 'defects-phone.xls')]).stdout) as { files: FileReport[] }).files[0]!;
    const ws = wb.worksheets.find((w) => w.name === report.sheet)!;
    const noted: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => void (c.note && noted.push(c.address))));
    const cells = [...new Set(report.problems.map((p) => (p as { cell?: string }).cell).filter((c): c is string => Boolean(c)))];
    expect(cells.length).toBeGreaterThan(0);
    expect(noted.sort()).toEqual(cells.sort());
  });

  it('fix writes an .xlsx copy with the same repairs as for the .xlsx original, and says so', () => {
    const fromXls = fupin(['fix', '--format', 'json', path.join(xls, 'defects-serial.xls'), '--out', path.join(dir, 'fixed-xls')]);
    const fromXlsx = fupin(['fix', '--format', 'json', path.join(ROOT, 'fixtures/registers/defects-serial.xlsx'), '--out', path.join(dir, 'fixed-xlsx')]);
    expect(fromXls.code).toBe(fromXlsx.code);
    const a = JSON.parse(fromXls.stdout) as { files: { out: string; convertedFrom?: string; changes: { cell: string; after: string }[] }[] };
    const b = JSON.parse(fromXlsx.stdout) as typeof a;
    expect(a.files[0]!.out).toMatch(/defects-serial\.xlsx$/);
    expect(a.files[0]!.convertedFrom).toBe('.xls');
    expect(b.files[0]!.convertedFrom).toBeUndefined();
    expect(a.files[0]!.changes.map((c) => [c.cell, c.after])).toEqual(b.files[0]!.changes.map((c) => [c.cell, c.after]));
    const pretty = fupin(['fix', path.join(xls, 'defects-serial.xls'), '--out', path.join(dir, 'fixed-pretty')]);
    expect(pretty.stdout).toMatch(/原文件是 \.xls 格式，副本存为 Excel 工作簿 \.xlsx/);
  });
});

describe('a value the reader could not place is never silent', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('a register cell naming a missing shared string: a file-partly-read warning, and --explain says where', () => {
    const header = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const xml =
      `<sheetData><row r="1">${header.map((h, i) => cell(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>` +
      `<row r="2"><c r="A2"><v>1</v></c>${cell('B2', '溆浦县慈善会')}<c r="C2" t="s"><v>9</v></c>${cell('D2', '溆浦县卢峰镇')}${cell('E2', '13907451234')}</row></sheetData>`;
    const file = path.join(dir, 'beta.xlsx');
    writeFileSync(file, buildXlsx({ sheets: [{ name: 'Sheet1', xml }], sharedStrings: ['张三'] }));
    const json = JSON.parse(fupin(['validate', '--format', 'json', '--lang', 'en', file]).stdout) as { files: (FileReport & { problems: { rule: string; severity: string; message: string }[] })[] };
    const warning = json.files[0]!.problems.find((p) => p.rule === 'file-partly-read');
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning!.message).toMatch(/1 cell\(s\) refer to text the file does not contain \(Sheet1!C2\)/);
    const explain = fupin(['validate', '--explain', file]);
    expect(explain.stdout).toMatch(/缺失的共享文字: 1 cell\(s\) name a shared string that does not exist: Sheet1!C2/);
  });
});
