// `fupin template` and `fupin cards`: the command functions with a fake terminal, then the built CLI; Ctrl-C during a write leaves nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsCommand } from '../../src/cli/commands/cards.js';
import { templateCommand } from '../../src/cli/commands/template.js';
import { UsageError } from '../../src/cli/errors.js';
import type { CliIO } from '../../src/cli/io.js';
import { readRegisters } from '../../src/io/registers.js';
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

function fakeIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), stdoutIsTTY: false, stderrIsTTY: false, columns: 120, env: {}, cwd };
}

async function usageError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UsageError) {
      expect(e.exitCode).toBe(2);
      return e.message;
    }
    throw e;
  }
  throw new Error('expected a UsageError');
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

describe('templateCommand', () => {
  it('writes 附2 under its default name in the current folder and says where', async () => {
    const io = fakeIO(t.dir);
    expect(await templateCommand('register', { rows: '12', area: '怀化市溆浦县' }, io)).toBe(0);
    expect(io.out.join('')).toBe('已写出附2 登记表：附2-登记表.xlsx\n');
    const [ws] = await sheets(path.join(t.dir, '附2-登记表.xlsx'));
    expect(ws!.getCell('A2').value).toBe('怀化市溆浦县慈善组织精准扶贫结对帮扶登记表');
    expect(ws!.getCell('A16').value).toBe(12);
    // read back as a register: the numbered rows are template rows, not pairings
    const read = await readRegisters([path.join(t.dir, '附2-登记表.xlsx')]);
    expect(read.files[0]!.registers).toHaveLength(1);
    expect(read.files[0]!.registers[0]!.rows).toEqual([]);
    expect(read.files[0]!.registers[0]!.skipped.template).toBe(12);
  });

  it('refuses to overwrite without --force, overwrites with it', async () => {
    const io = fakeIO(t.dir);
    expect(await usageError(templateCommand('register', {}, io))).toBe(`文件已存在：${path.join(t.dir, '附2-登记表.xlsx')}。加 --force 覆盖`);
    expect(await templateCommand('register', { force: true }, io)).toBe(0);
    const [ws] = await sheets(path.join(t.dir, '附2-登记表.xlsx'));
    expect(ws!.getCell('A34').value).toBe(30);
  });

  it('writes 附3, 附4 and 附1 to -o', async () => {
    const io = fakeIO(t.dir);
    for (const [kind, file, title] of [
      ['stats', '统计.xlsx', '湖南省慈善组织精准扶贫结对帮扶统计表'],
      ['quota', '任务.xlsx', '全省慈善组织帮扶任务分配指导建议表'],
      ['card', '卡.xlsx', '湖南省慈善组织精准扶贫结对帮扶卡'],
    ] as const) {
      expect(await templateCommand(kind, { output: file }, io)).toBe(0);
      const [ws] = await sheets(path.join(t.dir, file));
      expect(ws!.getCell('A2').value).toBe(title);
    }
  });

  it('rejects an unknown form, a bad --rows and a non-.xlsx output (exit 2)', async () => {
    const io = fakeIO(t.dir);
    expect(await usageError(templateCommand('foo', {}, io))).toMatch(/^不认识的表格 “foo”/);
    expect(await usageError(templateCommand('register', { rows: '0' }, io))).toMatch(/^--rows 要填 1 到 5000 之间的整数（收到 “0”）/);
    expect(await usageError(templateCommand('register', { rows: '2.5' }, io))).toMatch(/^--rows 要填/);
    expect(await usageError(templateCommand('quota', { rows: '5' }, io))).toMatch(/^--rows 只用于 register 和 stats/);
    expect(await usageError(templateCommand('register', { output: '登记表.xls' }, io))).toMatch(/^-o 要写 \.xlsx 文件/);
  });
});

describe('cardsCommand', () => {
  it('makes one card per pairing in register order, inert text, and says what it left out', async () => {
    const io = fakeIO(t.dir);
    expect(await cardsCommand([input], { output: '卡片.xlsx' }, io)).toBe(0);
    expect(io.out.join('')).toBe('已写出 4 张结对帮扶卡：卡片.xlsx\n');
    expect(io.err.join('')).toBe('1 行没有户主姓名，没有制卡（用 fupin validate 查看是哪几行）\n1 行与前面的结对重复（同一单位、同一户），只制一张卡\n');
    const ws = await sheets(path.join(t.dir, '卡片.xlsx'));
    expect(ws.map((s) => s.name)).toEqual(['1-张三', '2-李四', '3-张三', '4-@SUM(A1)']);
    const cell = (i: number, ref: string) => ws[i]!.getCell(ref);
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
    const io = fakeIO(t.dir);
    expect(await usageError(cardsCommand([input], { output: '溆浦县.xlsx', force: true }, io))).toBe(
      `不能写到输入文件上：${input}。请用 -o 换一个文件名`,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(await usageError(cardsCommand([input], {}, io))).toMatch(/^请用 -o 指定要写出的文件/);
    expect(await usageError(cardsCommand([path.join(t.dir, 'nope.xlsx')], { output: 'x.xlsx' }, io))).toMatch(/^找不到：/);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the built CLI', () => {
  it('fupin template stats -o … --area 怀化市 writes the form; again without --force is exit 2 with one line', () => {
    const r1 = fupin(['template', 'stats', '-o', '附3.xlsx', '--area', '怀化市'], { cwd: t.dir });
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    expect(r1.stdout).toBe('已写出附3 统计表：附3.xlsx\n');
    expect(statSync(path.join(t.dir, '附3.xlsx')).size).toBeGreaterThan(5000);
    const r2 = fupin(['template', 'stats', '-o', '附3.xlsx'], { cwd: t.dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe(`fupin: 文件已存在：${path.join(t.dir, '附3.xlsx')}。加 --force 覆盖\n`);
    expect(r2.stderr).not.toMatch(STACK_LINE);
  });

  it('fupin cards REGISTER -o FILE writes the cards', () => {
    const r = fupin(['cards', input, '-o', 'cli-cards.xlsx'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已写出 4 张结对帮扶卡：cli-cards.xlsx\n');
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
