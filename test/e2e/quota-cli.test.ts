// End-to-end: `fupin quota` on fixtures/quota (made by scripts/make-quota-fixtures.mjs) and fixtures/ledger — figures written by hand, exit codes, --table, -o.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { ZipArchive } from '../../src/io/zip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const Q = path.join(ROOT, 'fixtures/quota');

interface Req {
  id: string;
  required: number;
  upper: number | null;
  actual: number;
  shortfall: number;
  met: boolean;
  over: boolean;
}
interface Doc {
  met: boolean;
  table: { origin: string };
  areas: { area: string; unit: string; met: boolean; requirements: Req[] }[];
  organisations: {
    checked: boolean;
    findings: { name: string; households: number; guidance: string; required: number; upper: number | null; actual: number; met: boolean; finding: string; shortfall: number }[];
  };
  demoSite: { checked: boolean | null; findings: { area: string; households: number; inSite: number; outside: { name: string; address: string; file?: string; cell?: string }[]; met: boolean }[] };
  tableFaults: { kind: string; column: string; stated: number | string; computed: number | string }[];
  notes: string[];
}

function json(args: string[]): { code: number; doc: Doc; stderr: string } {
  const r = fupin(['quota', '--format', 'json', ...args]);
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}

/** [id, required, actual, shortfall, met] per requirement, in report order. */
function figures(doc: Doc, area: string): [string, number, number, number, boolean][] {
  const a = doc.areas.find((x) => x.area === area);
  if (!a) throw new Error(`no area ${area} in ${doc.areas.map((x) => x.area).join(',')}`);
  return a.requirements.map((r) => [r.id, r.required, r.actual, r.shortfall, r.met]);
}

const BUILT_IN_FAULTS = [
  { kind: 'total', column: 'foundationHouseholds', stated: '30-100', computed: '122-181' },
  { kind: 'total', column: 'socialOrgs', stated: 41, computed: 43 },
  { kind: 'total', column: 'socialHouseholds', stated: '20-50', computed: '43-102' },
];

// 益阳市: 本级 6, 县市区 44, 基金会 2 / 5-10, 社会服务机构 2 / 2-5 — met exactly
const YIYANG_EXACT: [string, number, number, number, boolean][] = [
  ['charity-local', 6, 6, 0, true],
  ['charity-county', 44, 44, 0, true],
  ['foundation-orgs', 2, 2, 0, true],
  ['foundation-households', 5, 5, 0, true],
  ['social-orgs', 2, 2, 0, true],
  ['social-households', 2, 2, 0, true],
];
// 怀化市: 10, 60, 3 / 9-12, 2 / 2-5 — foundations' households 8 of 9
const HUAIHUA_SHORT: [string, number, number, number, boolean][] = [
  ['charity-local', 10, 10, 0, true],
  ['charity-county', 60, 60, 0, true],
  ['foundation-orgs', 3, 3, 0, true],
  ['foundation-households', 9, 8, 1, false],
  ['social-orgs', 2, 2, 0, true],
  ['social-households', 2, 2, 0, true],
];

describe('fupin quota on purpose-built cities', () => {
  it('a city that just meets every minimum: shortfall 0 everywhere, no organisation findings, exit 0', () => {
    const { code, doc } = json([path.join(Q, 'just-meets')]);
    expect(code).toBe(0);
    expect(doc.met).toBe(true);
    expect(doc.areas.map((a) => a.area)).toEqual(['益阳市']);
    expect(figures(doc, '益阳市')).toEqual(YIYANG_EXACT);
    expect(doc.areas[0]!.requirements.map((r) => r.over)).toEqual([false, false, false, false, false, false]);
    expect(doc.organisations).toEqual({ checked: true, findings: [] });
    expect(doc.tableFaults).toMatchObject(BUILT_IN_FAULTS);
    expect(doc.tableFaults).toHaveLength(3);
  });

  it('a city short by one household in one category: exit 1, shortfall 1; an organisation below guidance; a household outside 溆浦县', () => {
    const { code, doc } = json([path.join(Q, 'short-by-one')]);
    expect(code).toBe(1);
    expect(doc.met).toBe(false);
    expect(figures(doc, '怀化市')).toEqual(HUAIHUA_SHORT);
    expect(doc.organisations.checked).toBe(true);
    expect(doc.organisations.findings).toEqual([
      // the same shape as the areas' requirements: required, upper, actual, shortfall, met (issue 10)
      expect.objectContaining({ name: '中方县慈善会', households: 4, guidance: '5-8', required: 5, upper: 8, actual: 4, met: false, finding: 'short', shortfall: 1 }),
    ]);
    expect(doc.demoSite.checked).toBe(true);
    expect(doc.demoSite.findings).toHaveLength(1);
    const d = doc.demoSite.findings[0]!;
    expect(d).toMatchObject({ area: '怀化市本级', households: 13, inSite: 12, met: false });
    expect(d.outside).toEqual([{ name: '罗春花', address: '鹤城区黄金坳镇团结村7组', file: '怀化市/市本级.xlsx', cell: 'D17' }]);
  });

  it('a city over every upper bound: everything met (exit 0), the overs are information', () => {
    const { code, doc } = json([path.join(Q, 'over-upper')]);
    expect(code).toBe(0);
    const reqs = doc.areas.find((a) => a.area === '湘潭市')!.requirements;
    expect(reqs.map((r) => [r.id, r.required, r.upper, r.actual, r.shortfall, r.met, r.over])).toEqual([
      ['charity-local', 10, null, 12, 0, true, false],
      ['charity-county', 60, null, 65, 0, true, false],
      ['foundation-orgs', 3, null, 4, 0, true, false],
      ['foundation-households', 9, 12, 22, 0, true, true],
      ['social-orgs', 2, null, 3, 0, true, false],
      ['social-households', 2, 5, 8, 0, true, true],
    ]);
    // 湘潭市慈善总会 12 > 10; 2 city foundations 6 > 5; 2 city social organisations 3 > 2; 5 county 慈善会 13 > 8; 2 county foundations 5 > 4
    const f = doc.organisations.findings;
    expect(f.filter((x) => x.finding === 'short')).toEqual([]);
    expect(f.filter((x) => x.finding === 'over')).toHaveLength(12);
    expect(f.find((x) => x.name === '湘潭市慈善总会')).toMatchObject({ households: 12, guidance: '3-10', required: 3, upper: 10, actual: 12, met: true, shortfall: 0 });
  });

  it('a city 统计表 without registers: the same figures, per-organisation checks skipped with a note', () => {
    const { code, doc } = json([path.join(Q, 'stats')]);
    expect(code).toBe(0);
    expect(figures(doc, '益阳市')).toEqual(YIYANG_EXACT);
    expect(doc.organisations.checked).toBe(false);
    expect(doc.notes).toContain('只读到统计表，没有登记表，未逐个单位核对分配指导户数');
  });

  it('prints per area 要求/实际/差额, the organisations, the site, the faults and one verdict line', () => {
    const r = fupin(['quota', path.join(Q, 'short-by-one')]);
    expect(r.code).toBe(1);
    const row = r.stdout.split('\n').find((l) => l.includes('基金会 扶贫户数'))!;
    expect(row.split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['基金会 扶贫户数', '9-12', '8', '1', '未达到']);
    expect(r.stdout).toContain('中方县慈善会');
    expect(r.stdout).toMatch(/罗春花.*鹤城区黄金坳镇团结村7组.*怀化市\/市本级\.xlsx D17/u);
    expect(r.stdout).toContain('合计行“社会服务机构 选定”写的是 41，各行相加为 43');
    expect(r.stdout).toContain('✖ 怀化市：1 项未达到（基金会 扶贫户数差 1）');
    expect(r.stdout).not.toMatch(/\u001b\[/u);
    const en = fupin(['quota', '--lang', 'en', path.join(Q, 'just-meets')]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('益阳市: every minimum met');
  });
});

describe('fupin quota --table', () => {
  for (const file of ['corrected.csv', 'corrected.xlsx', 'corrected.json']) {
    it(`a corrected custom table (${file}) reports no faults and gives the same requirements`, () => {
      const { code, doc } = json(['--table', path.join(Q, 'tables', file), path.join(Q, 'short-by-one')]);
      expect(code).toBe(1);
      expect(doc.tableFaults).toEqual([]);
      expect(doc.table.origin).toContain('corrected');
      expect(figures(doc, '怀化市')).toEqual(HUAIHUA_SHORT);
    });
  }

  const typos: [string, RegExp[]][] = [
    ['typo-range.csv', [/F7/u, /株洲市/u, /“9-”缺少上限/u]],
    ['typo-city.xlsx', [/A6/u, /“长汐市”不是湖南省的市州/u]],
    ['typo-range.json', [/rows\[2\]\.foundationHouseholds/u, /“9-”缺少上限/u]],
  ];
  for (const [file, patterns] of typos) {
    it(`refuses a table with a typo (${file}) naming the cell, exit 2`, () => {
      const r = fupin(['quota', '--table', path.join(Q, 'tables', file), path.join(Q, 'just-meets')]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      for (const p of patterns) expect(r.stderr).toMatch(p);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('a missing table file is exit 2 with one line', () => {
    const r = fupin(['quota', '--table', path.join(Q, 'tables/nope.csv'), path.join(Q, 'just-meets')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/找不到任务分配表文件/u);
  });
});

describe('fupin quota on the example ledger', () => {
  const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/ledger-truth.json'), 'utf8')) as {
    cities: { city: string; quota: { requirement: string; required: number; actual: number; shortfall: number; met: boolean }[] }[];
  };
  const ID: Record<string, string> = {
    'charity-benji': 'charity-local',
    'charity-counties': 'charity-county',
    'foundation-units': 'foundation-orgs',
    'foundation-households': 'foundation-households',
    'social-units': 'social-orgs',
    'social-households': 'social-households',
  };
  let doc: Doc;
  let code: number;
  beforeAll(() => {
    ({ doc, code } = json([path.join(ROOT, 'fixtures/ledger')]));
  });

  it('agrees with the generator’s truth for every city and requirement', () => {
    expect(code).toBe(1);
    expect(truth.cities).toHaveLength(14);
    for (const c of truth.cities) {
      const expected = c.quota.map((q) => [ID[q.requirement], q.required, q.actual, q.shortfall, q.met]);
      expect([c.city, figures(doc, c.city)]).toEqual([c.city, expected]);
    }
    expect(doc.areas.filter((a) => !a.met).map((a) => a.area)).toEqual(['湘潭市', '邵阳市', '张家界市']);
  });

  it('checks 省本级 (first, as in the table) and its households in 溆浦县', () => {
    expect(doc.areas[0]!.area).toBe('省本级');
    expect(figures(doc, '省本级')).toEqual([
      ['charity-local', 30, 30, 0, true],
      ['foundation-orgs', 5, 5, 0, true],
      ['foundation-households', 15, 17, 0, true],
      ['social-orgs', 5, 5, 0, true],
      ['social-households', 5, 8, 0, true],
    ]);
    expect(doc.demoSite.findings.map((d) => [d.area, d.households, d.inSite, d.met])).toEqual([
      ['省本级', 55, 55, true],
      ['怀化市本级', 22, 22, true],
    ]);
    expect(doc.tableFaults).toMatchObject(BUILT_IN_FAULTS);
  });
});

describe('fupin quota -o FILE.xlsx', () => {
  let t: ReturnType<typeof tempDir>;
  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t.cleanup());

  it('fills the 附4 form: targets, actual figures and shortfalls beside them; refuses to overwrite without --force', async () => {
    const out = path.join(t.dir, '附4完成情况.xlsx');
    const r = fupin(['quota', '-o', out, path.join(Q, 'short-by-one')]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['完成情况', '任务分配表']);

    // 完成情况, the sheet to print: per unit three rows (任务下限, 实际, 差额) under the form's header, the verdict beside
    const p = wb.worksheets[0]!;
    const pv = (ref: string): unknown => p.getCell(ref).value;
    expect(['A3', 'B3', 'C3', 'F3', 'H3', 'J3'].map(pv)).toEqual(['单  位', '项  目', '慈善系统', '基金会', '社会服务机构', '核对结果']);
    expect(['C4', 'D4', 'E4', 'F4', 'G4', 'H4', 'I4'].map(pv)).toEqual(['本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数']);
    // 怀化市 is the 9th unit: rows 5 + 8 × 3 = 29 to 31
    expect(['A29', 'B29', 'C29', 'D29', 'E29', 'F29', 'G29', 'H29', 'I29'].map(pv)).toEqual(['怀化市', '任务下限', 10, 60, 70, 3, '9-12', 2, '2-5']);
    expect(['B30', 'C30', 'D30', 'E30', 'F30', 'G30', 'H30', 'I30'].map(pv)).toEqual(['实际', 10, 60, 70, 3, 8, 2, 2]);
    expect(['B31', 'C31', 'D31', 'F31', 'G31', 'H31', 'I31'].map(pv)).toEqual(['差额', 0, 0, 0, 1, 0, 0]);
    expect(pv('J29')).toBe('未达到：基金会 扶贫户数差 1');
    expect(p.getCell('G31').font?.color?.argb).toBe('FF9C0006');
    expect(p.getCell('G30').font?.color?.argb).toBe('FF9C0006');
    expect(p.getCell('F30').font?.color?.argb).toBeUndefined();
    expect(['A5', 'A6', 'A7'].map((a) => p.getCell(a).isMerged)).toEqual([true, true, true]);
    // printed: A4 landscape at full width (one page wide), the two header rows on every page, no unit split by a page
    expect(p.pageSetup.paperSize).toBe(9);
    expect(p.pageSetup.orientation).toBe('landscape');
    expect(p.pageSetup.fitToWidth).toBe(1);
    expect(p.pageSetup.printTitlesRow).toBe('3:4');
    const widths = Array.from({ length: 10 }, (_, i) => p.getColumn(i + 1).width ?? 0).reduce((a, b) => a + b, 0);
    expect(widths).toBeLessThanOrEqual(135);
    // page breaks (exceljs does not read them back: from the sheet's XML) fall between units' blocks
    const zip = ZipArchive.open(readFileSync(out), DEFAULT_LIMITS);
    const sheets = zip.entries().filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(e.name)).map((e) => zip.read(e).toString('utf8'));
    const breaks = sheets.flatMap((x) => [...x.matchAll(/<brk id="(\d+)"/gu)].map((m) => Number(m[1])));
    expect(breaks.length).toBeGreaterThan(0);
    for (const id of breaks) expect((id - 4) % 3).toBe(0);

    // 任务分配表: the 附4 form with one row per unit, the figures beside the targets (for sorting and filtering)
    const ws = wb.worksheets[1]!;
    const v = (ref: string): unknown => ws.getCell(ref).value;
    // row 13 = 怀化市 (省本级 is row 5); B–H targets, I–O actual, P–V shortfall, W verdict
    expect(['A13', 'B13', 'C13', 'D13', 'E13', 'F13', 'G13', 'H13'].map(v)).toEqual(['怀化市', 10, 60, 70, 3, '9-12', 2, '2-5']);
    expect(['I13', 'J13', 'K13', 'L13', 'M13', 'N13', 'O13'].map(v)).toEqual([10, 60, 70, 3, 8, 2, 2]);
    expect(['P13', 'Q13', 'S13', 'T13', 'U13', 'V13'].map(v)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(v('W13')).toBe('未达到：基金会 扶贫户数差 1');
    expect(ws.getCell('T13').font?.color?.argb).toBe('FF9C0006');
    // another city, not in the input: targets only
    expect(['A6', 'B6', 'I6', 'P6', 'W6'].map(v)).toEqual(['长沙市', 15, null, null, '未读到']);
    // 合计: the sums of the rows, not the source's faulty 41
    expect(v('A20')).toMatch(/合\s*计/u);
    expect(v('G20')).toBe(43);
    expect(String(v('B21'))).toContain('社会服务机构 选定写 41，各行相加为 43');

    const again = fupin(['quota', '-o', out, path.join(Q, 'short-by-one')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/u);
    const forced = fupin(['quota', '-o', out, '--force', path.join(Q, 'short-by-one')]);
    expect(forced.code).toBe(1);
  });

  it('refuses an output that is not .xlsx', () => {
    const r = fupin(['quota', '-o', path.join(t.dir, 'x.csv'), path.join(Q, 'just-meets')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.xlsx/u);
  });
});
