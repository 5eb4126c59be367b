// End-to-end: `fupin cat` prints registers and 统计表 as canonical CSV — the stable, diffable text git's textconv shows.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from './helpers.js';

/** `fupin cat FILE [--encoding …]`, run in-process (Chinese, the default language). */
async function cat(file: string, flags: { encoding?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  return runCli(['cat', file, ...(flags.encoding ? ['--encoding', flags.encoding] : [])]);
}

const fx = (p: string) => path.join(ROOT, 'fixtures', p);
const CORE = '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.cleanup());

describe('fupin cat', () => {
  it('prints one line per pairing under the canonical header: no title, template rows or 备注; LF, no BOM', async () => {
    const r = await cat(fx('registers/template-rows.xlsx'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(CORE);
    expect(lines).toHaveLength(1 + 4 + 1); // header, the 4 pairings, the final newline
    expect(lines.at(-1)).toBe('');
    expect(r.out).not.toContain('\r');
    expect(r.out.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.out).not.toMatch(/备注|登记表|填表人/);
  });

  it('writes numbers as the clerk typed them: phones and ID numbers as exact digits, money without separators, dates as ISO', async () => {
    const r = await cat(fx('registers/numeric-cells.xlsx'));
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${CORE},身份证号码,家庭人口,家庭年收入,结对日期`);
    expect(lines[1]).toBe('1,沅陵县慈善会,贺先云,怀化市沅陵县大合坪乡木洞村3组,13410914368,431222195410206419,5,2860.5,2016-09-01');
    expect(lines[4]).toBe('4,沅陵县慈善会,董四妹,沅陵县明溪口镇柏树村11组,13612326425,431222197105013660,4,4250.75,2016-09-10');
  });

  it('puts the five form columns first whatever the sheet order, then the other columns in sheet order', async () => {
    const r = await cat(fx('registers/columns-reordered.xlsx'));
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${CORE},村干部,帮扶金额`);
    expect(lines[2]).toBe('2,通道侗族自治县慈善会,舒铁牛,通道侗族自治县大高坪苗族乡岩头村12组,0745-4648292,袁小英,1200');
  });

  it('reads a two-row header and a GBK CSV to the same canonical form', async () => {
    expect((await cat(fx('registers/two-row-header.xlsx'))).out.split('\n')[0]).toBe(CORE);
    const gbk = await cat(fx('registers/gbk-excel.csv'));
    expect(gbk.code).toBe(0);
    expect(gbk.out.split('\n')[0]).toBe(CORE);
    expect(gbk.out.split('\n')).toHaveLength(1 + 7 + 1);
  });

  it('separates several registers of one workbook with # sheet: lines', async () => {
    const r = await cat(fx('registers/multi-register.xlsx'));
    const marks = r.out.split('\n').filter((l) => l.startsWith('#'));
    expect(marks).toEqual(['# sheet: 洪江市', '# sheet: 新晃侗族自治县']);
    expect(r.out.split('\n')).toHaveLength(2 * (1 + 1 + 5) + 1);
  });

  it('is stable, and a one-cell edit is a one-line diff', async () => {
    const copy = path.join(t.dir, 'official.xlsx');
    copyFileSync(fx('registers/official.xlsx'), copy);
    const a = await cat(copy);
    expect((await cat(copy)).out).toBe(a.out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const ws = wb.worksheets[0]!;
    let edited = '';
    ws.eachRow((row) => {
      if (!edited && row.getCell(3).value === (a.out.split('\n')[3]!.split(',')[2] ?? '')) {
        row.getCell(5).value = '13900000000';
        edited = String(row.number);
      }
    });
    expect(edited).not.toBe('');
    await wb.xlsx.writeFile(copy);
    const b = await cat(copy);
    const la = a.out.split('\n');
    const lb = b.out.split('\n');
    expect(lb).toHaveLength(la.length);
    const differing = la.map((l, i) => (l === lb[i] ? -1 : i)).filter((i) => i >= 0);
    expect(differing).toEqual([3]);
    expect(lb[3]!.endsWith(',13900000000')).toBe(true);
  });

  it('keeps one pairing on one line (a line break in a cell becomes \\n) and neutralises formula-like text', async () => {
    const file = path.join(t.dir, 'odd.csv');
    writeFileSync(file, `${CORE},备注\n1,溆浦县慈善会,张三,"溆浦县卢峰镇\n大坪村3组",13907451234,=HYPERLINK("x")\n`);
    const r = await cat(file);
    expect(r.out.split('\n')[1]).toBe('1,溆浦县慈善会,张三,溆浦县卢峰镇\\n大坪村3组,13907451234,"\'=HYPERLINK(""x"")"');
  });

  it('prints a 统计表 under the canonical 附3 headers, 合计 as stated', async () => {
    const file = path.join(t.dir, '统计表.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['湖南省慈善组织精准扶贫结对帮扶统计表']);
    ws.addRow(['填报单位：怀化市慈善总会']);
    ws.addRow(['单位', '慈善系统', '', '基金会', '', '社会服务机构（民非）', '', '小计', '']);
    ws.addRow(['', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数']);
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:C3');
    ws.mergeCells('D3:E3');
    ws.mergeCells('F3:G3');
    ws.mergeCells('H3:I3');
    ws.addRow(['市本级', 1, 10, 1, 4, 1, 2, 3, 16]);
    ws.addRow(['溆浦县', 1, 8, 0, 0, 2, 3, 3, 11]);
    ws.addRow(['合计', 2, 18, 1, 4, 3, 5, 6, 27]);
    ws.addRow(['备注：此统计表由市州填写，存档一份，上报省一份。']);
    await wb.xlsx.writeFile(file);
    const r = await cat(file);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '单位,慈善系统 参与单位数量,慈善系统 扶贫脱贫户数,基金会 参与单位数量,基金会 扶贫脱贫户数,社会服务机构 参与单位数量,社会服务机构 扶贫脱贫户数,参与扶贫单位总数,扶贫脱贫农户总数',
        '市本级,1,10,1,4,1,2,3,16',
        '溆浦县,1,8,0,0,2,3,3,11',
        '合计,2,18,1,4,3,5,6,27',
        '',
      ].join('\n'),
    );
  });

  it('dumps a readable file that holds no register as its grid, and exits 0', async () => {
    const r = await cat(fx('broken/no-header.csv'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('商品名称,规格,单价（元）,数量,金额（元）');
  });

  it('exits 2 with a one-line reason for an unreadable file, a folder or a missing file', async () => {
    const broken = await cat(fx('broken/truncated.xlsx'));
    expect(broken.code).toBe(2);
    expect(broken.out).toBe('');
    expect(broken.err.endsWith('\n')).toBe(true);
    expect(broken.err.trimEnd().split('\n')).toHaveLength(1);
    expect(broken.err).toContain('truncated.xlsx');
    expect((await cat(fx('registers'))).code).toBe(2);
    expect((await cat(fx('registers/nope.xlsx'))).err).toContain('找不到');
  });
});
