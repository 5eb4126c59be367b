// Counts a clerk can sign (issue 10): folders as they look after weeks of email never change a figure silently. Each
// situation starts from the clean city folder of fixtures/situations, adds what real folders hold, and runs the built CLI:
// the figures equal the generator's truth, or the command exits 1 naming the problem.
import ExcelJS from 'exceljs';
import { copyFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from './helpers.js';
import { eight, type Row } from './stats-rows.js';

interface Table {
  rows: Row[];
  total: Omit<Row, 'unit'>;
}
const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/situations-truth.json'), 'utf8')) as Record<string, Table & Record<string, unknown>>;
const SIT = path.join(ROOT, 'fixtures/situations');
const table = (t: Table) => t.rows.map((r) => [r.unit, ...eight(r)]);

interface RollupDoc extends Table {
  level: string;
  area: string;
  notes: string[];
  problems?: { file?: string; rule: string; severity: string; message: string }[];
  leftOut?: { rows: number; files: { file: string; why: string }[] };
}

let t: ReturnType<typeof tempDir>;
let city: string;
beforeEach(() => {
  t = tempDir();
  city = path.join(t.dir, '怀化市');
  cpSync(path.join(SIT, 'city'), city, { recursive: true });
});
afterEach(() => t.cleanup());

function rollup(...extra: string[]): { code: number; doc: RollupDoc; stderr: string } {
  const r = fupin(['rollup', '--format', 'json', ...extra, city]);
  return { code: r.code, doc: JSON.parse(r.stdout) as RollupDoc, stderr: r.stderr };
}

describe('the clean city folder', () => {
  it('rolls up as the generator counted it, exit 0, no note of a missing register for a county that has one', () => {
    const r = rollup();
    expect(r.code).toBe(0);
    expect(table(r.doc)).toEqual(table(truth.base!));
    expect(eight(r.doc.total)).toEqual(eight(truth.base!.total));
    expect(r.doc.notes.join('\n')).not.toMatch(/溆浦县|辰溪县/);
    expect(r.doc.leftOut).toBeUndefined();
  });
});

describe('fupin’s own outputs left in the folder', () => {
  it('cards written into the folder are not counted, and are listed as fupin’s own file', () => {
    expect(fupin(['cards', path.join(city, '溆浦县.xlsx'), '-o', path.join(t.dir, '溆浦县帮扶卡.xlsx')]).code).toBe(0);
    copyFileSync(path.join(t.dir, '溆浦县帮扶卡.xlsx'), path.join(city, '溆浦县帮扶卡.xlsx'));
    const r = rollup();
    expect(r.code).toBe(0);
    expect(table(r.doc)).toEqual(table(truth.base!));
    const v = fupin(['validate', city]);
    expect(v.stdout).toContain('溆浦县帮扶卡.xlsx');
    expect(v.stdout).toContain('fupin 生成的文件，未计入：这是结对帮扶卡');
    const orgs = fupin(['orgs', '--format', 'json', city]);
    expect(orgs.stdout).not.toMatch(/组织负责人|现场责任人/);
  });

  it('cards re-saved without the mark (as WPS or Excel may) are still recognised by their shape', async () => {
    const out = path.join(t.dir, 'cards.xlsx');
    expect(fupin(['cards', path.join(city, '溆浦县.xlsx'), '-o', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.keywords = '';
    wb.category = '';
    await wb.xlsx.writeFile(path.join(city, '帮扶卡（另存）.xlsx'));
    const r = rollup();
    expect(r.code).toBe(0);
    expect(table(r.doc)).toEqual(table(truth.base!));
    expect(fupin(['validate', city]).stdout).toContain('这个文件是一张表单（如结对帮扶卡）而不是登记表');
  });

  it('an annotated copy left beside its register is not counted twice', () => {
    const out = path.join(t.dir, 'annotated');
    fupin(['validate', '--annotate', out, city]);
    copyFileSync(path.join(out, '溆浦县.xlsx'), path.join(city, '溆浦县（标注）.xlsx'));
    const r = rollup();
    expect(r.code).toBe(0);
    expect(table(r.doc)).toEqual(table(truth.base!));
  });
});

describe('two versions of one county', () => {
  it('a resent copy is never added: exit 1, both files named with how they differ, the newer counted', () => {
    copyFileSync(path.join(SIT, 'resent', '溆浦县 (1).xlsx'), path.join(city, '溆浦县 (1).xlsx'));
    const r = rollup();
    expect(r.code).toBe(1);
    expect(table(r.doc)).toEqual(table(truth.resent!));
    const p = r.doc.problems!.find((x) => x.rule === 'register-duplicate')!;
    expect(p.severity).toBe('error');
    expect(p.file).toBe('溆浦县.xlsx');
    expect(p.message).toContain('溆浦县.xlsx 和 溆浦县 (1).xlsx 都是怀化市溆浦县的登记表');
    expect(p.message).toContain(`本文件有 ${truth.resent!.onlyThere} 户结对是另一份没有的，另一份有 ${truth.resent!.onlyHere} 户是本文件没有的，${truth.resent!.changed} 户内容不同`);
    expect(p.message).toContain('请在文件名中加“补报”（如 溆浦县-补报.xlsx）');
    expect(r.doc.leftOut!.files).toEqual([{ file: '溆浦县.xlsx', why: '同一地区的另一份登记表，已按 溆浦县 (1).xlsx 计入' }]);
    const pretty = fupin(['rollup', city]);
    expect(pretty.stdout).toMatch(/有内容未计入统计表：1 个文件/);
    expect(pretty.stdout).not.toContain('没有发现问题');
  });

  it('a 补报 file is a supplement: its pairings are added, and said so', () => {
    copyFileSync(path.join(SIT, 'supplement', '溆浦县-补报.xlsx'), path.join(city, '溆浦县-补报.xlsx'));
    const r = rollup();
    expect(r.code).toBe(0);
    expect(table(r.doc)).toEqual(table(truth.supplement!));
    expect(r.doc.problems!.map((x) => [x.rule, x.severity, x.file])).toEqual([['register-duplicate', 'info', '溆浦县-补报.xlsx']]);
  });

  it('市本级 and a county in one folder are never taken for two versions of one area', () => {
    const r = rollup();
    expect(r.doc.problems ?? []).toEqual([]);
  });
});

describe('files read by content', () => {
  it('Excel’s “Unicode 文本” export (.txt, UTF-16, tabs) is read; other files are named with what they are', () => {
    const folder = path.join(t.dir, 'mail', '怀化市');
    cpSync(path.join(SIT, 'city'), folder, { recursive: true });
    cpSync(path.join(SIT, 'unicode'), folder, { recursive: true });
    // the .txt replaces the county's workbook
    rmSync(path.join(folder, '辰溪县.xlsx'));
    const r = fupin(['rollup', '--format', 'json', folder]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RollupDoc;
    expect(table(doc)).toEqual(table(truth.unicode!));
    expect(doc.notes.join('\n')).not.toContain('辰溪县');
    const v = fupin(['validate', folder]);
    expect(v.stdout).toContain('辰溪县.txt');
    for (const [file, why] of [
      ['说明.txt', '文本文件，里面没有登记表'],
      ['通知.docx', 'Word 文档，不是表格'],
      ['通知.pdf', 'PDF 文件'],
      ['照片.png', '图片'],
    ]) {
      expect(v.stdout).toContain(`${file}：${why}`);
    }
  });
});

describe('rows left out', () => {
  it('a pairing with no 户主姓名 leaves the count: exit 1, the summary says so, never “没有发现问题”', () => {
    copyFileSync(path.join(SIT, 'noname', '溆浦县.xlsx'), path.join(city, '溆浦县.xlsx'));
    const r = rollup();
    expect(r.code).toBe(1);
    expect(table(r.doc)).toEqual(table(truth.noname!));
    expect(r.doc.leftOut).toEqual({ rows: 1, files: [] });
    expect(r.doc.notes).toContain(`溆浦县.xlsx 第 ${truth.noname!.row as number} 行没有户主姓名，无法确定帮扶对象，共 1 行未计入`);
    const pretty = fupin(['rollup', city]);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('有内容未计入统计表：1 行（见说明）');
    expect(pretty.stdout).not.toContain('没有发现问题');
    const check = fupin(['check', city]);
    expect(check.code).toBe(1);
  });
});

describe('one workbook for the whole city', () => {
  it('each sheet named after a county counts in that county’s row (the area shown in --explain)', () => {
    const folder = path.join(t.dir, 'book');
    cpSync(path.join(SIT, 'sheets'), folder, { recursive: true });
    const r = fupin(['rollup', '--format', 'json', folder]);
    const doc = JSON.parse(r.stdout) as RollupDoc;
    expect(r.code).toBe(0);
    expect(doc.area).toBe('怀化市');
    expect(table(doc)).toEqual(table(truth.sheets!));
    const explain = fupin(['validate', '--explain', folder]);
    expect(explain.stdout).toContain('所属地区: 怀化市溆浦县  （按工作表名：溆浦县）');
    expect(explain.stdout).toContain('所属地区: 怀化市辰溪县  （按工作表名：辰溪县）');
  });
});

describe('levels', () => {
  it('one city 统计表 alone gives the provincial table (city tables → the province), its row as the table says', () => {
    const r = fupin(['rollup', '--format', 'json', path.join(SIT, 'tables', '怀化市统计表.xlsx')]);
    const doc = JSON.parse(r.stdout) as RollupDoc;
    expect(doc.level).toBe('province');
    const huaihua = doc.rows.find((x) => x.unit === '怀化市')!;
    expect(eight(huaihua)).toEqual(eight(truth.tables!.total));
  });

  it('a city 统计表 sent twice counts once (the newest by its name); the other is named, exit 1', () => {
    const inbox = path.join(t.dir, '收件箱');
    cpSync(path.join(SIT, 'tables', '怀化市统计表.xlsx'), path.join(inbox, '怀化市统计表.xlsx'));
    cpSync(path.join(SIT, 'tables', '怀化市统计表.xlsx'), path.join(inbox, '怀化市统计表 (1).xlsx'));
    const r = fupin(['rollup', '--format', 'json', inbox]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as RollupDoc;
    expect(eight(doc.rows.find((x) => x.unit === '怀化市')!)).toEqual(eight(truth.tables!.total));
    expect(eight(doc.total)).toEqual(eight(truth.tables!.total));
    expect(doc.leftOut?.files.map((f) => f.file)).toEqual(['怀化市统计表.xlsx']);
    const dup = doc.problems!.filter((p) => p.rule === 'rollup-input');
    expect(dup.map((p) => [p.file, p.severity])).toEqual([['怀化市统计表.xlsx', 'error']]);
    expect(dup[0]!.message).toContain('已按 怀化市统计表 (1).xlsx 计入');
  }, 60_000);

  it('a city’s registers and its own 统计表 are reconciled: no difference, no warning on correct rows', () => {
    cpSync(path.join(SIT, 'tables', '怀化市统计表.xlsx'), path.join(city, '怀化市统计表.xlsx'));
    const r = rollup();
    expect(r.doc.level).toBe('city');
    expect(table(r.doc)).toEqual(table(truth.base!));
    expect(r.doc.problems ?? []).toEqual([]);
    expect(r.code).toBe(0);
  });
});
