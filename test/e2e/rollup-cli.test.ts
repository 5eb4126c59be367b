// End-to-end: `fupin rollup` on the example ledger (checked against fixtures/ledger-truth.json, computed by the generator,
// not by fupin), on hand-filled city 统计表, reconciling a table with its registers, and -o round trips.
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';
import { eight, measures, type Row } from './stats-rows.js';

interface TruthCity {
  city: string;
  rows: Row[];
  total: Omit<Row, 'unit'>;
}
interface Truth {
  province: { rows: Row[]; total: Omit<Row, 'unit'>; provinceLevel: Row };
  cities: TruthCity[];
}

const LEDGER = path.join(ROOT, 'fixtures/ledger');
const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/ledger-truth.json'), 'utf8')) as Truth;
const cityTruth = (name: string): TruthCity => truth.cities.find((c) => c.city === name)!;

const rowsOf = (rows: Row[]) => rows.map((r) => ({ unit: r.unit, ...measures(r) }));

function json(args: string[]) {
  const r = fupin(['rollup', '--format', 'json', ...args]);
  expect(r.stderr).not.toMatch(STACK_LINE);
  return { ...r, doc: r.stdout ? JSON.parse(r.stdout) : undefined };
}

/**
 * A city 统计表 as a clerk fills it in Excel: 附3 line, merged title, 填报单位 line, the two-row header with merged group
 * cells, rows with blank rows among them, 小计 as formulas and 合计 as SUM formulas (cached results), the 备注 line.
 * Returns the sheet row of each unit and of 合计.
 */
async function handTable(
  file: string,
  reporter: string,
  rows: Row[],
  opts: { total?: number[]; blankAfter?: number[] } = {},
): Promise<{ rowOf: Map<string, number>; totalRow: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计表');
  ws.addRow(['附3']);
  ws.addRow(['湖南省慈善组织精准扶贫结对帮扶统计表']);
  ws.mergeCells('A2:I2');
  ws.addRow([`填报单位：${reporter}（盖章）`, '', '', '', '', '', '填报日期：2016年12月20日']);
  ws.addRow(['单位', '慈善系统', '', '基金会', '', '社会服务机构（民非）', '', '小计', '']);
  ws.addRow(['', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数']);
  for (const m of ['A4:A5', 'B4:C4', 'D4:E4', 'F4:G4', 'H4:I4']) ws.mergeCells(m);
  const rowOf = new Map<string, number>();
  const first = 6;
  rows.forEach((r, i) => {
    const n = ws.rowCount + 1;
    const f = eight(r);
    ws.addRow([r.unit, ...f.slice(0, 6)]);
    ws.getCell(`H${n}`).value = { formula: `B${n}+D${n}+F${n}`, result: f[6]! };
    ws.getCell(`I${n}`).value = f[7]!;
    rowOf.set(r.unit, n);
    if (opts.blankAfter?.includes(i)) ws.addRow([]);
  });
  ws.addRow([]);
  const last = ws.rowCount;
  const totalRow = last + 1;
  const sums = rows.reduce((acc, r) => acc.map((v, j) => v + eight(r)[j]!), new Array<number>(8).fill(0));
  const stated = opts.total ?? sums;
  ws.addRow(['合计']);
  'BCDEFGHI'.split('').forEach((col, j) => {
    ws.getCell(`${col}${totalRow}`).value = opts.total ? stated[j]! : { formula: `SUM(${col}${first}:${col}${last})`, result: stated[j]! };
  });
  ws.addRow(['备注：此统计表由市州填写，存档一份，上报省一份。']);
  await wb.xlsx.writeFile(file);
  return { rowOf, totalRow };
}

describe('fupin rollup on the example ledger', () => {
  it('builds the provincial table exactly as the generator computed it; the row it left out makes it exit 1', () => {
    const { code, doc } = json([LEDGER]);
    // the planted row without 户主姓名 (怀化市/沅陵县.xlsx row 8) is not counted: exit 1, and the JSON says so (issue 10)
    expect(code).toBe(1);
    expect(doc.level).toBe('province');
    expect(doc.area).toBe('湖南省');
    expect(doc.rows).toEqual(rowsOf(truth.province.rows));
    expect(doc.rows[0]).toEqual({ unit: '省本级', ...measures(truth.province.provinceLevel) });
    expect(doc.total).toEqual(measures(truth.province.total));
    expect(doc.problems).toBeUndefined();
    expect(doc.byCity).toBeUndefined();
    expect(Object.keys(doc)).toEqual(['level', 'area', 'rows', 'total', 'notes', 'leftOut']);
    expect(doc.leftOut).toEqual({ rows: 1, files: [] });
    // the rows the counting left out, the guessed types and the joint household are said in notes
    expect(doc.notes).toEqual([
      '怀化市/沅陵县.xlsx 第 8 行没有户主姓名，无法确定帮扶对象，共 1 行未计入',
      '2 个组织无法判断类型，已按社会服务机构（民非）计：怀化市雪峰山农业发展有限公司、吉首市的哥爱心车队。请在 orgs.csv 中登记其类型',
      '邵阳市：1 户同时由两类（或三类）组织帮扶，扶贫脱贫农户总数按户只计一次（98 户，三类户数之和为 99）',
    ]);
  });

  it('with --by city gives every city table, each as the generator computed it', () => {
    const { code, doc } = json([LEDGER, '--by', 'city']);
    expect(code).toBe(1); // the row left out in 怀化市
    expect(doc.leftOut).toEqual({ rows: 1, files: [] });
    expect(doc.byCity.map((t: { area: string }) => t.area)).toEqual(truth.cities.map((c) => c.city));
    for (const c of truth.cities) {
      const t = doc.byCity.find((x: { area: string }) => x.area === c.city);
      expect(t.level, c.city).toBe('city');
      expect(t.rows, c.city).toEqual(rowsOf(c.rows));
      expect(t.total, c.city).toEqual(measures(c.total));
    }
  });

  it('builds a city table from a city folder: 怀化市 (a GBK CSV register, a spelling variant, a row left out, a guessed type)', () => {
    const { code, doc } = json([path.join(LEDGER, '怀化市')]);
    expect(code).toBe(1); // 沅陵县.xlsx row 8 has no 户主姓名: left out
    expect(doc.leftOut).toEqual({ rows: 1, files: [] });
    const c = cityTruth('怀化市');
    expect(doc.level).toBe('city');
    expect(doc.area).toBe('怀化市');
    expect(doc.rows).toEqual(rowsOf(c.rows));
    expect(doc.total).toEqual(measures(c.total));
    expect(doc.notes).toEqual([
      '沅陵县.xlsx 第 8 行没有户主姓名，无法确定帮扶对象，共 1 行未计入',
      '1 个组织无法判断类型，已按社会服务机构（民非）计：怀化市雪峰山农业发展有限公司。请在 orgs.csv 中登记其类型',
    ]);
    // the terminal's summary line says what was left out, never "没有发现问题"
    const pretty = fupin(['rollup', path.join(LEDGER, '怀化市')]);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).not.toContain('没有发现问题');
    expect(pretty.stdout.trimEnd().split('\n').at(-1)).toBe('共读取 13 个文件（13 张登记表，0 张统计表）：有内容未计入统计表：1 行（见说明），核对后再签字上报。');
  });

  it('counts a household helped by two types once in 小计 (邵阳市/新邵县) and reads a UTF-8 CSV register (湘潭市/湘乡市)', () => {
    const sy = json([path.join(LEDGER, '邵阳市')]);
    expect(sy.code).toBe(0);
    expect(sy.doc.leftOut).toBeUndefined();
    expect(sy.doc.rows).toEqual(rowsOf(cityTruth('邵阳市').rows));
    const xinshao = sy.doc.rows.find((r: Row) => r.unit === '新邵县');
    expect(xinshao.subtotal.households).toBe(6);
    expect(xinshao.charity.households + xinshao.social.households).toBe(7);
    expect(sy.doc.notes).toEqual(['新邵县：1 户同时由两类（或三类）组织帮扶，扶贫脱贫农户总数按户只计一次（6 户，三类户数之和为 7）']);
    const xt = json([path.join(LEDGER, '湘潭市')]);
    expect(xt.doc.rows).toEqual(rowsOf(cityTruth('湘潭市').rows));
  });

  it('prints the form in the terminal: title, two-row header, rows, 合计, notes', () => {
    const r = fupin(['rollup', path.join(LEDGER, '张家界市')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('湖南省慈善组织精准扶贫结对帮扶统计表（张家界市）');
    expect(r.stdout).toMatch(/│\s+│\s+慈善系统\s+│\s+基金会\s+│ 社会服务机构（民非）\s+│\s+小计\s+│/);
    expect(r.stdout).toMatch(/│\s+单位\s+│ 参与单位\s+│ 扶贫脱贫\s+│/);
    const c = cityTruth('张家界市');
    for (const row of c.rows) {
      expect(r.stdout).toContain(`│ ${row.unit}`);
      const cells = lines.find((l) => l.startsWith(`│ ${row.unit} `))!.split('│').slice(2, 10).map((s) => Number(s.trim()));
      expect(cells, row.unit).toEqual(eight(row));
    }
    const total = lines.find((l) => /│\s+合计\s+│/.test(l))!.split('│').slice(2, 10).map((s) => Number(s.trim()));
    expect(total).toEqual(eight(c.total));
    expect(lines.at(-2)).toBe('共读取 5 个文件（5 张登记表，0 张统计表）：没有发现问题。');
  });
});

describe('fupin rollup on city 统计表 files', () => {
  let t: ReturnType<typeof tempDir>;
  let bad: { rowOf: Map<string, number>; totalRow: number };
  const tables = (): string => path.join(t.dir, 'tables');
  beforeAll(async () => {
    t = tempDir();
    mkdirSync(tables());
    const rows = (city: string) => cityTruth(city).rows;
    await handTable(path.join(tables(), '怀化市统计表.xlsx'), '怀化市慈善总会', rows('怀化市'), { blankAfter: [0, 5] });
    await handTable(path.join(tables(), '湘西州.xlsx'), '湘西州慈善总会', rows('湘西土家族苗族自治州'), { blankAfter: [2] });
    await handTable(path.join(tables(), '张家界.xlsx'), '张家界慈善总会', rows('张家界市'));
    // 长沙市's 合计 typed by hand, with 扶贫脱贫农户总数 one too many
    const cs = cityTruth('长沙市');
    const wrong = eight(cs.total);
    wrong[7]! += 1;
    bad = await handTable(path.join(tables(), '长沙市.xlsx'), '长沙市慈善总会', rows('长沙市'), { total: wrong, blankAfter: [3] });
  });
  afterAll(() => t.cleanup());

  it('adds them up into the provincial table and reports the one whose 合计 does not add up (exit 1, file and cell)', () => {
    const { code, doc } = json([tables()]);
    expect(code).toBe(1);
    expect(doc.level).toBe('province');
    const byUnit = new Map(doc.rows.map((r: Row) => [r.unit, r]));
    for (const city of ['怀化市', '湘西土家族苗族自治州', '张家界市', '长沙市']) {
      expect(byUnit.get(city), city).toEqual({ unit: city, ...measures(cityTruth(city).total) });
    }
    expect(doc.rows.map((r: Row) => r.unit)).toEqual(truth.province.rows.map((r) => r.unit));
    expect(byUnit.get('省本级')).toEqual({ unit: '省本级', ...measures({ charity: { units: 0, households: 0 }, foundation: { units: 0, households: 0 }, social: { units: 0, households: 0 }, subtotal: { units: 0, households: 0 } }) });
    const sum = ['怀化市', '湘西土家族苗族自治州', '张家界市', '长沙市'].map((c) => eight(cityTruth(c).total)).reduce((a, b) => a.map((v, j) => v + b[j]!));
    expect(eight(doc.total)).toEqual(sum);
    expect(doc.problems).toEqual([
      {
        file: '长沙市.xlsx',
        sheet: '统计表',
        row: bad.totalRow,
        cell: `I${bad.totalRow}`,
        column: '扶贫脱贫农户总数',
        value: String(eight(cityTruth('长沙市').total)[7]! + 1),
        rule: 'stats-total',
        severity: 'error',
        message: `I${bad.totalRow}（合计 扶贫脱贫农户总数）为 ${eight(cityTruth('长沙市').total)[7]! + 1}，各行相加为 ${eight(cityTruth('长沙市').total)[7]}：请改为 ${eight(cityTruth('长沙市').total)[7]}`,
      },
    ]);
    expect(doc.notes).toContain('未找到省本级登记表，省本级一行记为 0');
  });

  it('names the file and cell in the terminal too', () => {
    const r = fupin(['rollup', tables()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('长沙市.xlsx  工作表“统计表”');
    expect(r.stdout).toMatch(new RegExp(`I${bad.totalRow}\\s+错误 I${bad.totalRow}（合计 扶贫脱贫农户总数）`));
  });

  it('takes the 省本级 row from a 省本级 register given with the tables', () => {
    const dir = path.join(t.dir, 'with-province');
    cpSync(tables(), dir, { recursive: true });
    copyFileSync(path.join(LEDGER, '省本级.xlsx'), path.join(dir, '省本级.xlsx'));
    const { code, doc } = json([dir]);
    expect(code).toBe(1); // 长沙市's 合计 still does not add up
    expect(doc.rows[0]).toEqual({ unit: '省本级', ...measures(truth.province.provinceLevel) });
    expect(doc.rows.find((r: Row) => r.unit === '怀化市')).toEqual({ unit: '怀化市', ...measures(cityTruth('怀化市').total) });
    expect(doc.notes).not.toContain('未找到省本级登记表，省本级一行记为 0');
  });

  it('counts one table of a city sent twice (the newest by its name: 张家界（改）), names the other, exit 1', () => {
    const dir = path.join(t.dir, 'twice');
    mkdirSync(dir);
    copyFileSync(path.join(tables(), '张家界.xlsx'), path.join(dir, '张家界.xlsx'));
    copyFileSync(path.join(tables(), '张家界.xlsx'), path.join(dir, '张家界（改）.xlsx'));
    copyFileSync(path.join(tables(), '湘西州.xlsx'), path.join(dir, '湘西州.xlsx'));
    const { code, doc } = json([dir]);
    expect(code).toBe(1);
    expect(eight(doc.total)).toEqual(
      [cityTruth('张家界市'), cityTruth('湘西土家族苗族自治州')].map((c) => eight(c.total)).reduce((a, b) => a.map((v, j) => v + b[j]!)),
    );
    expect(doc.problems.map((p: { file: string; rule: string; severity: string }) => [p.file, p.rule, p.severity])).toEqual([
      ['张家界.xlsx', 'rollup-input', 'error'],
    ]);
    expect(doc.leftOut.files).toEqual([{ file: '张家界.xlsx', why: expect.stringContaining('张家界（改）.xlsx') }]);
  });

  it('reads one city table alone into the provincial table (city 统计表 → province, always), checked; --by city gives the city table back', () => {
    const { code, doc } = json([path.join(tables(), '湘西州.xlsx')]);
    expect(code).toBe(0);
    expect(doc.problems).toBeUndefined();
    expect(doc.level).toBe('province');
    expect(doc.area).toBe('湖南省');
    const zero = { units: 0, households: 0 };
    const nothing = { charity: zero, foundation: zero, social: zero, subtotal: zero };
    expect(doc.rows).toEqual(
      truth.province.rows.map((r) => ({ unit: r.unit, ...(r.unit === '湘西土家族苗族自治州' ? measures(cityTruth(r.unit).total) : nothing) })),
    );
    expect(doc.total).toEqual(measures(cityTruth('湘西土家族苗族自治州').total));
    const byCity = json([path.join(tables(), '湘西州.xlsx'), '--by', 'city']);
    expect(byCity.code).toBe(0);
    expect(byCity.doc.byCity.map((t: { area: string; level: string }) => [t.area, t.level])).toEqual([['湘西土家族苗族自治州', 'city']]);
    expect(byCity.doc.byCity[0].rows).toEqual(rowsOf(cityTruth('湘西土家族苗族自治州').rows));
  });
});

describe('fupin rollup reconciling a city 统计表 with its registers', () => {
  let t: ReturnType<typeof tempDir>;
  let made: { rowOf: Map<string, number>; totalRow: number };
  beforeAll(async () => {
    t = tempDir();
    cpSync(path.join(LEDGER, '张家界市'), path.join(t.dir, '张家界市'), { recursive: true });
    // the city's own table, with 永定区's 慈善系统 households one too many (and its 合计 consistent with that)
    const rows = cityTruth('张家界市').rows.map((r) => structuredClone(r));
    const yd = rows.find((r) => r.unit === '永定区')!;
    yd.charity.households += 1;
    yd.subtotal.households += 1;
    made = await handTable(path.join(t.dir, '张家界市', '张家界市统计表.xlsx'), '张家界市慈善总会', rows);
  });
  afterAll(() => t.cleanup());

  it('names every differing cell (exit 1) and still builds the table from the registers', () => {
    const { code, doc } = json([path.join(t.dir, '张家界市')]);
    expect(code).toBe(1);
    expect(doc.rows).toEqual(rowsOf(cityTruth('张家界市').rows));
    const r = made.rowOf.get('永定区')!;
    const c = cityTruth('张家界市');
    const yd = c.rows.find((x) => x.unit === '永定区')!;
    expect(doc.problems.map((p: { file: string; cell: string; rule: string; severity: string; message: string }) => [p.file, p.cell, p.rule, p.severity, p.message])).toEqual([
      ['张家界市统计表.xlsx', `C${r}`, 'stats-reconcile', 'error', `C${r}（永定区 慈善系统 扶贫脱贫户数）表中 ${yd.charity.households + 1}，按登记表应为 ${yd.charity.households}`],
      ['张家界市统计表.xlsx', `I${r}`, 'stats-reconcile', 'error', `I${r}（永定区 扶贫脱贫农户总数）表中 ${yd.subtotal.households + 1}，按登记表应为 ${yd.subtotal.households}`],
      ['张家界市统计表.xlsx', `C${made.totalRow}`, 'stats-reconcile', 'error', `C${made.totalRow}（合计 慈善系统 扶贫脱贫户数）表中 ${c.total.charity.households + 1}，按登记表应为 ${c.total.charity.households}`],
      ['张家界市统计表.xlsx', `I${made.totalRow}`, 'stats-reconcile', 'error', `I${made.totalRow}（合计 扶贫脱贫农户总数）表中 ${c.total.subtotal.households + 1}，按登记表应为 ${c.total.subtotal.households}`],
    ]);
  });
});

describe('fupin rollup -o', () => {
  let t: ReturnType<typeof tempDir>;
  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t.cleanup());

  it('writes the 附3 form, which reads back as the same city table (--by city; alone it is the provincial table\'s 怀化市 row)', () => {
    const out = path.join(t.dir, '怀化市.xlsx');
    const w = fupin(['rollup', path.join(LEDGER, '怀化市'), '-o', out, '--date', '2016年12月20日']);
    expect(w.code).toBe(1); // written, but 沅陵县.xlsx row 8 was left out
    expect(w.stderr).toContain(`已写出：${out}`);
    const { code, doc } = json([out, '--by', 'city']);
    expect(code).toBe(0);
    expect(doc.problems).toBeUndefined();
    expect(doc.level).toBe('province');
    expect(doc.rows.find((r: Row) => r.unit === '怀化市')).toEqual({ unit: '怀化市', ...measures(cityTruth('怀化市').total) });
    expect(doc.byCity).toHaveLength(1);
    expect(doc.byCity[0].level).toBe('city');
    expect(doc.byCity[0].area).toBe('怀化市');
    expect(doc.byCity[0].rows).toEqual(rowsOf(cityTruth('怀化市').rows));
    expect(doc.byCity[0].total).toEqual(measures(cityTruth('怀化市').total));
  });

  it('writes the provincial form, which reads back as the provincial table; --by city adds one form per city', () => {
    const out = path.join(t.dir, 'prov', '全省.xlsx');
    mkdirSync(path.dirname(out));
    const w = fupin(['rollup', LEDGER, '--by', 'city', '-o', out]);
    expect(w.code).toBe(1); // written, but the row of 怀化市/沅陵县.xlsx was left out
    const written = readdirSync(path.dirname(out)).sort();
    expect(written).toEqual(['全省.xlsx', ...truth.cities.map((c) => `全省-${c.city}.xlsx`)].sort());
    const back = json([out]);
    expect(back.code).toBe(0);
    expect(back.doc.level).toBe('province');
    expect(back.doc.rows).toEqual(rowsOf(truth.province.rows));
    // a city form alone rolls up into the province; --by city gives it back as the city table
    const sy = json([path.join(path.dirname(out), '全省-邵阳市.xlsx'), '--by', 'city']);
    expect(sy.code).toBe(0);
    expect(sy.doc.level).toBe('province');
    expect(sy.doc.rows.find((r: Row) => r.unit === '邵阳市')).toEqual({ unit: '邵阳市', ...measures(cityTruth('邵阳市').total) });
    expect(sy.doc.byCity[0].area).toBe('邵阳市');
    expect(sy.doc.byCity[0].rows).toEqual(rowsOf(cityTruth('邵阳市').rows));
  });

  it('refuses to overwrite without --force, and never writes over an input even with it', () => {
    const out = path.join(t.dir, 'again.xlsx');
    expect(fupin(['rollup', path.join(LEDGER, '张家界市'), '-o', out]).code).toBe(0);
    const before = statSync(out).mtimeMs;
    const r = fupin(['rollup', path.join(LEDGER, '张家界市'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件已存在');
    expect(r.stderr).toContain('--force');
    expect(statSync(out).mtimeMs).toBe(before);
    expect(fupin(['rollup', path.join(LEDGER, '张家界市'), '-o', out, '--force']).code).toBe(0);

    const city = path.join(t.dir, 'copy');
    cpSync(path.join(LEDGER, '张家界市'), city, { recursive: true });
    const input = path.join(city, '市本级.xlsx');
    const bytes = readFileSync(input);
    const x = fupin(['rollup', city, '-o', input, '--force']);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain('不能写到输入文件上');
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it('writes CSV with a BOM: the form\'s two header rows, the rows, 合计 last', () => {
    const r = fupin(['rollup', path.join(LEDGER, '张家界市'), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('单位,慈善系统,,基金会,,社会服务机构（民非）,,小计,');
    expect(lines[1]).toBe(',参与单位数量,扶贫脱贫户数,参与单位数量,扶贫脱贫户数,参与单位数量,扶贫脱贫户数,参与扶贫单位总数,扶贫脱贫农户总数');
    const c = cityTruth('张家界市');
    expect(lines.slice(2)).toEqual([...c.rows.map((row) => [row.unit, ...eight(row)].join(',')), ['合计', ...eight(c.total)].join(',')]);

    const out = path.join(t.dir, '张家界市.csv');
    expect(fupin(['rollup', path.join(LEDGER, '张家界市'), '-o', out]).code).toBe(0);
    expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('exits 2 with a reason when there is nothing to roll up or the usage is wrong', () => {
    const none = fupin(['rollup', path.join(ROOT, 'fixtures/broken/no-such')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('找不到');
    const fmt = fupin(['rollup', LEDGER, '-o', path.join(t.dir, 'x.txt')]);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('-o 只能写 .xlsx');
    for (const r of [none, fmt]) expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
