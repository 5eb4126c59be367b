// End-to-end: `fupin validate` on files made here — exit codes, JSON shape, broken files next to good ones.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];

async function register(file: string, rows: (string | number)[][], title = '溆浦县慈善组织精准扶贫结对帮扶登记表'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([title]);
  ws.mergeCells('A1:E1');
  ws.addRow(['填报单位：溆浦县慈善会']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.addRow([rows.length + 1]);
  ws.addRow(['备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。']);
  await wb.xlsx.writeFile(file);
}

const CLEAN: (string | number)[][] = [
  [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', 13907451234],
  [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇桐木村1组', '0745-3221234'],
];

let t: ReturnType<typeof tempDir>;
beforeAll(async () => {
  t = tempDir();
  await register(path.join(t.dir, 'clean.xlsx'), CLEAN);
  await register(path.join(t.dir, 'bad.xlsx'), [
    [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', '1.39123E+10'],
    [2, '溆浦县慈善会', '', '溆浦县卢峰镇桐木村1组', '13907451235'],
  ]);
  await register(path.join(t.dir, 'warn.xlsx'), [[1, '溆浦县慈善会', '张  三', '溆浦县卢峰镇大坪村3组', '13907451234']]);
});
afterAll(() => t.cleanup());

describe('fupin validate', () => {
  it('exits 0 on a clean register and says so', () => {
    const r = fupin(['validate', path.join(t.dir, 'clean.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有发现问题');
    expect(r.stdout).toContain('共检查 1 个文件（1 张登记表，2 户结对）');
  });

  it('prints the DOMAIN §10 JSON document with cell references, and exits 1 on errors', () => {
    const r = fupin(['validate', '--format', 'json', path.join(t.dir, 'bad.xlsx')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ files: 1, errors: 2, warnings: 0, infos: 0 });
    const f = doc.files[0];
    expect(f).toMatchObject({ sheet: 'Sheet1', rows: 2 });
    expect(f.problems.map((p: { rule: string; cell: string; row: number; severity: string }) => [p.rule, p.cell, p.row, p.severity])).toEqual([
      ['phone-format', 'E4', 4, 'error'],
      ['required-cell', 'C5', 5, 'error'],
    ]);
    expect(f.problems[0]).toMatchObject({ column: '联系方式', value: '1.39123E+10' });
    expect(f.problems[0].message).toMatch(/E4/);
  });

  it('speaks English with --lang en', () => {
    const r = fupin(['validate', '--format', 'json', '--lang', 'en', path.join(t.dir, 'bad.xlsx')]);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].problems[0].message).toMatch(/[A-Za-z]{4,}/);
    expect(doc.files[0].problems[0].message).not.toMatch(/号码已丢失/);
  });

  it('passes warnings with exit 0, fails them with --strict', () => {
    expect(fupin(['validate', path.join(t.dir, 'warn.xlsx')]).code).toBe(0);
    expect(fupin(['validate', '--strict', path.join(t.dir, 'warn.xlsx')]).code).toBe(1);
  });

  it('reports a broken file with one file-level error and still checks the good ones', async () => {
    const d = tempDir();
    try {
      writeFileSync(path.join(d.dir, 'empty.xlsx'), '');
      writeFileSync(path.join(d.dir, 'text.xlsx'), '这不是表格\n');
      writeFileSync(path.join(d.dir, 'junk.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
      writeFileSync(path.join(d.dir, 'price.csv'), '品名,单价\n大米,3.5\n');
      writeFileSync(path.join(d.dir, 'note.docx.txt'), 'hello');
      await register(path.join(d.dir, 'good.xlsx'), CLEAN);
      {
        const r = fupin(['validate', '--format', 'json', d.dir]);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(r.code).toBe(1);
        const doc = JSON.parse(r.stdout);
        const byFile = Object.fromEntries(doc.files.map((f: { file: string; problems: { rule: string; row?: number }[] }) => [f.file, f.problems]));
        expect(byFile['good.xlsx']).toEqual([]);
        for (const [file, rule] of [
          ['empty.xlsx', 'file-empty'],
          ['text.xlsx', 'file-corrupt'],
          ['junk.xlsx', 'file-corrupt'],
          ['price.csv', 'file-not-register'],
        ]) {
          expect(byFile[file!], file).toHaveLength(1);
          expect(byFile[file!][0].rule, file).toBe(rule);
          expect(byFile[file!][0].row).toBeUndefined();
        }
        expect(doc.passedOver).toEqual(['note.docx.txt']);
      }
    } finally {
      d.cleanup();
    }
  });

  it('exits 2 with a one-line reason, no stack trace, for a path that does not exist or bad usage', () => {
    const missing = fupin(['validate', 'no-such-file.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('找不到');
    expect(fupin(['validate', '--format', 'xml', path.join(t.dir, 'clean.xlsx')]).code).toBe(2);
    expect(fupin(['validate']).code).toBe(2);
    expect(fupin(['frobnicate']).code).toBe(2);
  });

  it('exits 2 when nothing given could be read as a register', () => {
    const d = tempDir();
    try {
      writeFileSync(path.join(d.dir, 'empty.xlsx'), '');
      const r = fupin(['validate', path.join(d.dir, 'empty.xlsx')]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('文件是空的');
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      d.cleanup();
    }
  });

  it('takes the area from --area, and refuses an area that does not exist', () => {
    const r = fupin(['validate', '--format', 'json', '--area', '辰溪县', path.join(t.dir, 'clean.xlsx')]);
    expect(JSON.parse(r.stdout).files[0].area).toBe('怀化市辰溪县');
    const bad = fupin(['validate', '--area', '火星县', path.join(t.dir, 'clean.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('火星县');
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a file over a read limit naming the flag, and takes the raised limit from that flag', () => {
    const d = tempDir();
    try {
      const csv = path.join(d.dir, '长.csv');
      writeFileSync(csv, `序号,扶贫单位,户主姓名,家庭住址,联系方式\n1,溆浦县慈善会,张三,${'卢'.repeat(40)},13907451234\n`);
      const refused = JSON.parse(fupin(['validate', '--format', 'json', '--max-cell-chars', '20', csv]).stdout);
      expect(refused.files[0].problems).toHaveLength(1);
      expect(refused.files[0].problems[0]).toMatchObject({ rule: 'file-limit', severity: 'error' });
      expect(refused.files[0].problems[0].message).toContain('--max-cell-chars');
      const read = JSON.parse(fupin(['validate', '--format', 'json', '--max-cell-chars', '100', csv]).stdout);
      expect(read.files[0].rows).toBe(1);
      expect(fupin(['validate', '--max-cells', 'abc', csv]).code).toBe(2);
    } finally {
      d.cleanup();
    }
  });

  it('lists a 附4 quota table kept beside the registers without misreading it as a register or 统计表', () => {
    const d = tempDir();
    try {
      copyFileSync(path.join(ROOT, 'fixtures/quota/tables/corrected.csv'), path.join(d.dir, '任务表.csv'));
      copyFileSync(path.join(t.dir, 'clean.xlsx'), path.join(d.dir, '溆浦县.xlsx'));
      const r = fupin(['validate', '--format', 'json', d.dir]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      const quota = doc.files.find((f: { file: string }) => f.file === '任务表.csv');
      expect(quota).toMatchObject({ rows: 0, problems: [], detected: { kind: { value: 'quota-table' } } });
    } finally {
      d.cleanup();
    }
  });

  it('reads a CSV line whose quote never closes, and asks the clerk to check that line', () => {
    const r = fupin(['validate', '--format', 'json', '--area', '溆浦县', path.join(ROOT, 'fixtures/hostile/unclosed-quote.csv')]);
    const problems = JSON.parse(r.stdout).files[0].problems;
    expect(problems.filter((p: { rule: string }) => p.rule === 'csv-repaired')).toEqual([
      expect.objectContaining({ severity: 'warning', row: 4, message: expect.stringContaining('第 4 行') }),
    ]);
  });

  it('--explain on an .xls says in Chinese how it was read (no English prose in the Chinese output)', () => {
    const r = fupin(['validate', '--explain', path.join(ROOT, 'fixtures/legacy/xls/registers/wrapped-header.xls')]);
    expect(r.stdout).toContain('读取组件: SheetJS');
    expect(r.stdout).toContain('旧格式（.xls/.et/.ods/.xlsb）用这个组件在单独的线程里读取');
    expect(r.stdout).not.toMatch(/is read by this library/);
  });

  it('shows what it detected with --explain', () => {
    const r = fupin(['validate', '--explain', path.join(t.dir, 'clean.xlsx')]);
    expect(r.stdout).toContain('表头行: 3');
    expect(r.stdout).toContain('B“扶贫单位或者机构名称”→扶贫单位或者机构名称（完全一致）');
    // the reasons in words, not JSON's codes
    expect(r.stdout).not.toMatch(/\((?:content|one-row|exact|alias)\)/);
  });
});
