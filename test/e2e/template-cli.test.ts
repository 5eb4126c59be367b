// `fupin template` and `fupin cards`: the CLI in-process with a fake terminal, then the built CLI; Ctrl-C during a write leaves nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readForTest } from '../helpers/ledger.js';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];

async function register(file: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['溆浦县慈善组织精准扶贫结对帮扶登记表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['填报单位：溆浦县慈善会']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.addRow(['备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。']);
  await wb.xlsx.writeFile(file);
}

/** `fupin ARGV…` in-process, in the test folder, in Chinese. */
const cli = (argv: string[]) => runCli(argv, { cwd: t.dir });

/** A refused run: exit 2, nothing on stdout, one line on stderr; that line without the "fupin：" prefix. */
async function refused(argv: string[]): Promise<string> {
  const r = await cli(argv);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^fupin：[^\n]*\n$/);
  return r.err.slice('fupin：'.length, -1);
}

async function sheets(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets;
}

const ROWS: (string | number)[][] = [
  [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', 13907451234],
  [2, '=HYPERLINK("http://evil.example","点我")', '李四', '溆浦县卢峰镇桐木村1组', '0745-3221234'],
  [3, '怀化市慈善总会', '张三', '溆浦县卢峰镇大坪村3组', 13907451234], // joint help: a second card for 张三
  [4, '溆浦县慈善会', '张 三', '溆浦县卢峰镇大坪村3组', '13907451234'], // the same pairing again: no new card
  [5, '溆浦县慈善会', '', '溆浦县卢峰镇桐木村2组', '13907451299'], // no name: no card
  [6, '溆浦县慈善会', '@SUM(A1)', '+86 139 0745 1111', '-1+2'],
];

let t: ReturnType<typeof tempDir>;
let input: string;
beforeAll(async () => {
  t = tempDir();
  input = path.join(t.dir, '溆浦县.xlsx');
  await register(input, ROWS);
});
afterAll(() => t.cleanup());

describe('fupin template (in-process)', { timeout: 30_000 }, () => {
  it('writes 附2 under its default name in the current folder and says where', async () => {
    const r = await cli(['template', 'register', '--rows', '12', '--area', '怀化市溆浦县']);
    expect(r.code).toBe(0);
    // reported as every written file is: on stderr, relative to the current folder
    expect(r.out).toBe('');
    expect(r.err).toBe('已写出：附2-登记表.xlsx\n');
    const [ws] = await sheets(path.join(t.dir, '附2-登记表.xlsx'));
    expect(ws!.getCell('A2').value).toBe('怀化市溆浦县慈善组织精准扶贫结对帮扶登记表');
    expect(ws!.getCell('A16').value).toBe(12);
    // read back as a register: the numbered rows are template rows, not pairings
    const { ledger } = await readForTest([path.join(t.dir, '附2-登记表.xlsx')]);
    expect(ledger.files[0]!.registers).toHaveLength(1);
    expect(ledger.files[0]!.registers[0]!.register.rowCount).toBe(0);
    expect(ledger.files[0]!.registers[0]!.register.skipped.template).toBe(12);
  });

  it('refuses to overwrite without --force, overwrites with it', async () => {
    expect(await refused(['template', 'register'])).toBe('文件已存在：附2-登记表.xlsx。加 --force 覆盖'); // relative to the current folder
    expect((await cli(['template', 'register', '--force'])).code).toBe(0);
    const [ws] = await sheets(path.join(t.dir, '附2-登记表.xlsx'));
    expect(ws!.getCell('A34').value).toBe(30);
  });

  it('writes 附3, 附4 and 附1 to -o', async () => {
    for (const [kind, file, title] of [
      ['stats', '统计.xlsx', '湖南省慈善组织精准扶贫结对帮扶统计表'],
      ['quota', '任务.xlsx', '全省慈善组织帮扶任务分配指导建议表'],
      ['card', '卡.xlsx', '湖南省慈善组织精准扶贫结对帮扶卡'],
    ] as const) {
      expect((await cli(['template', kind, '-o', file])).code).toBe(0);
      const [ws] = await sheets(path.join(t.dir, file));
      expect(ws!.getCell('A2').value).toBe(title);
    }
  });

  it('rejects an unknown form, a bad --rows and a non-.xlsx output (exit 2)', async () => {
    expect(await refused(['template', 'foo'])).toMatch(/^不认识的表格 “foo”/);
    expect(await refused(['template', 'register', '--rows', '0'])).toMatch(/^--rows 要填 1 到 5000 之间的整数（收到 “0”）/);
    expect(await refused(['template', 'register', '--rows', '2.5'])).toMatch(/^--rows 要填/);
    expect(await refused(['template', 'quota', '--rows', '5'])).toMatch(/^--rows 只用于 register 和 stats/);
    expect(await refused(['template', 'register', '-o', '登记表.xls'])).toMatch(/^-o 要写 \.xlsx 文件/);
  });
});

/** Card `k` (0-based) of a cards sheet: the cards are stacked down one sheet, 15 rows each (the 附1 template's height). */
const CARD_ROWS = 15;
const cardCell = (ws: ExcelJS.Worksheet, k: number, ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return ws.getCell(`${m[1]}${Number(m[2]) + CARD_ROWS * k}`);
};

describe('fupin cards (in-process)', { timeout: 30_000 }, () => {
  it('makes one card per pairing in register order, inert text, says what it left out and exits 1 for the row without a name', async () => {
    const r = await cli(['cards', input, '-o', '卡片.xlsx']);
    // a row with no 户主姓名 got no card: left out, so exit 1 (issue 10); the cards are written all the same
    expect(r.code).toBe(1);
    expect(r.out).toBe('共 4 张结对帮扶卡，每张一页 A4：卡片.xlsx\n');
    expect(r.err).toBe(`已写出：卡片.xlsx\n1 行没有户主姓名，没有制卡：\n  ${input} 第 8 行\n1 行与前面的结对重复（同一单位、同一户），只制一张卡\n`);
    const sheetsWritten = await sheets(path.join(t.dir, '卡片.xlsx'));
    // all cards on one sheet, a page break after each (the io writer's test checks the breaks)
    expect(sheetsWritten.map((s) => s.name)).toEqual(['结对帮扶卡']);
    const ws = sheetsWritten[0]!;
    expect(ws.pageSetup.printArea).toBe(`A1:I${4 * CARD_ROWS}`);
    const cell = (k: number, ref: string) => cardCell(ws, k, ref);
    expect([0, 1, 2, 3].map((k) => [cell(k, 'B3').value, cell(k, 'B5').value])).toEqual([
      ['1', '张三'],
      ['2', '李四'],
      ['3', '张三'],
      ['6', '@SUM(A1)'],
    ]);
    expect(cell(4, 'B5').value).toBeNull(); // nothing after the fourth card
    expect([cell(0, 'B3').value, cell(0, 'B5').value, cell(0, 'G5').value, cell(0, 'B11').value, cell(0, 'B12').value]).toEqual([
      '1',
      '张三',
      '溆浦县慈善会',
      '溆浦县卢峰镇大坪村3组',
      '13907451234',
    ]);
    expect(cell(2, 'G5').value).toBe('怀化市慈善总会');
    expect(cell(2, 'B3').value).toBe('3');
    for (const [i, ref, text] of [
      [1, 'G5', '=HYPERLINK("http://evil.example","点我")'],
      [3, 'B5', '@SUM(A1)'],
      [3, 'B11', '+86 139 0745 1111'],
      [3, 'B12', '-1+2'],
    ] as const) {
      expect(cell(i, ref).type).toBe(ExcelJS.ValueType.String);
      expect(cell(i, ref).value).toBe(text);
      expect(cell(i, ref).formula).toBeUndefined();
    }
  });

  it('never writes over its input, even with --force, and needs -o', async () => {
    const before = readFileSync(input);
    expect(await refused(['cards', input, '-o', '溆浦县.xlsx', '--force'])).toBe(`不能写到输入文件上：${path.relative(t.dir, input)}。请用 -o 换一个文件名`);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(await refused(['cards', input])).toMatch(/^请用 -o 指定要写出的文件/);
    expect(await refused(['cards', path.join(t.dir, 'nope.xlsx'), '-o', 'x.xlsx'])).toMatch(/^找不到：/);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the built CLI', () => {
  it('fupin template stats -o … --area 怀化市 writes the form; again without --force is exit 2 with one line', () => {
    const r1 = fupin(['template', 'stats', '-o', '附3.xlsx', '--area', '怀化市'], { cwd: t.dir });
    expect(r1.stderr).toBe('已写出：附3.xlsx\n');
    expect(r1.code).toBe(0);
    expect(r1.stdout).toBe('');
    expect(statSync(path.join(t.dir, '附3.xlsx')).size).toBeGreaterThan(5000);
    const r2 = fupin(['template', 'stats', '-o', '附3.xlsx'], { cwd: t.dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe('fupin：文件已存在：附3.xlsx。加 --force 覆盖\n');
    expect(r2.stderr).not.toMatch(STACK_LINE);
  });

  it('fupin cards REGISTER -o FILE writes the cards (exit 1: one row had no name)', () => {
    const r = fupin(['cards', input, '-o', 'cli-cards.xlsx'], { cwd: t.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('共 4 张结对帮扶卡，每张一页 A4：cli-cards.xlsx\n');
    // what the clerk reads, and nothing else (no Node warning from the bundled exceljs stream writer)
    expect(r.stderr).toBe(`已写出：cli-cards.xlsx\n1 行没有户主姓名，没有制卡：\n  ${input} 第 8 行\n1 行与前面的结对重复（同一单位、同一户），只制一张卡\n`);
  });
});

describe('Ctrl-C while writing', () => {
  it('removes the temporary file and dies by SIGINT, leaving no output', () => {
    const { dir, cleanup } = tempDir();
    try {
      const script = path.join(dir, 'child.mjs');
      const safeWrite = pathToFileURL(path.join(ROOT, 'dist/io/safe-write.js')).href;
      writeFileSync(
        script,
        `import { promises as fsp } from 'node:fs';
import { writeFileAtomic } from ${JSON.stringify(safeWrite)};
const probe = await fsp.open(${JSON.stringify(path.join(dir, 'probe'))}, 'w');
const proto = Object.getPrototypeOf(probe);
await probe.close();
await fsp.rm(${JSON.stringify(path.join(dir, 'probe'))});
// The moment the data is in the temporary file: Ctrl-C, and the write never finishes.
proto.sync = function () { process.kill(process.pid, 'SIGINT'); return new Promise((r) => setTimeout(r, 10_000)); };
await writeFileAtomic(${JSON.stringify(path.join(dir, 'out.xlsx'))}, Buffer.alloc(1 << 20, 1));
console.log('not interrupted');
`,
      );
      const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 240_000 });
      expect(r.stdout).toBe('');
      expect(r.signal).toBe('SIGINT');
      expect(readdirSync(dir)).toEqual(['child.mjs']);
      expect(existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
