// Another province end to end (issue 11): the Guangdong example ledger rolls up into a 广东省 table (省本级 + 21 cities in
// order, 东莞市 and 中山市 by township) and is checked against its own 附4, every figure equal to the generator's truth.
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from './helpers.js';
import { eight, type Row } from './stats-rows.js';

const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/ledger-gd-truth.json'), 'utf8')) as {
  table: { rows: Row[]; total: Omit<Row, 'unit'> };
  cities: Record<string, { rows: Row[]; total: Omit<Row, 'unit'> }>;
  quota: Record<string, Record<string, { required: number; actual: number; shortfall: number; met: boolean }>>;
};
const LEDGER = 'fixtures/ledger-gd';

describe('the Guangdong example ledger', () => {
  it('rolls up into the 广东省 table: 省本级 and the 21 cities in the division list’s order, figures equal to the truth', () => {
    const r = fupin(['rollup', '--format', 'json', '--by', 'city', LEDGER]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { level: string; area: string; rows: Row[]; total: Row; byCity: { area: string; rows: Row[] }[] };
    expect(doc.level).toBe('province');
    expect(doc.area).toBe('广东省');
    expect(doc.rows.map((x) => x.unit)).toEqual(truth.table.rows.map((x) => x.unit));
    expect(doc.rows.map((x) => x.unit).slice(0, 3)).toEqual(['省本级', '广州市', '韶关市']);
    expect(doc.rows.map((x) => [x.unit, ...eight(x)])).toEqual(truth.table.rows.map((x) => [x.unit, ...eight(x)]));
    expect(eight(doc.total)).toEqual(eight(truth.table.total));
    for (const t of doc.byCity) {
      expect(t.rows.map((x) => [x.unit, ...eight(x)]), t.area).toEqual(truth.cities[t.area]!.rows.map((x) => [x.unit, ...eight(x)]));
    }
    // a city kept by township has its townships as rows
    expect(doc.byCity.find((t) => t.area === '东莞市')!.rows.map((x) => x.unit)).toEqual(['市本级', '东城街道', '南城街道']);
  });

  it('titles the table with the province, not with any other', () => {
    const r = fupin(['rollup', LEDGER]);
    expect(r.stdout.split('\n')[0]).toBe('广东省慈善组织精准扶贫结对帮扶统计表（广东省，全省汇总）');
    expect(r.stdout).not.toMatch(/湖南|长沙/);
  });

  it('checks every city against its own 附4 (the config names it), each requirement as the truth says', () => {
    const r = fupin(['quota', '--format', 'json', LEDGER]);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { table: { province: string }; areas: { area: string; requirements: { id: string; required: number; actual: number; shortfall: number; met: boolean }[] }[] };
    expect(doc.table.province).toBe('广东省');
    expect(doc.areas.map((a) => a.area)).toEqual(Object.keys(truth.quota));
    for (const a of doc.areas) {
      const want = truth.quota[a.area]!;
      expect(Object.fromEntries(a.requirements.map((q) => [q.id, { required: q.required, actual: q.actual, shortfall: q.shortfall, met: q.met }])), a.area).toEqual(want);
    }
    const met = Object.values(truth.quota).every((reqs) => Object.values(reqs).every((q) => q.met));
    expect(r.code).toBe(met ? 0 : 1);
  });

  it('outside its ledger (no config), names the built-in quota table 广东省 does not have and says what to do', () => {
    const t = tempDir();
    try {
      cpSync(path.join(ROOT, LEDGER, '广州市'), path.join(t.dir, '广州市'), { recursive: true });
      const r = fupin(['quota', '--province', '广东省', path.join(t.dir, '广州市')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('fupin：广东省没有内置的任务分配表：请用 --table 指定本省的任务分配表（CSV/XLSX/JSON，附4 格式），或在 fupin.config.json 的 “quotaTable” 写上它的路径\n');
      const ok = fupin(['quota', '--province', '广东省', '--table', path.join(ROOT, LEDGER, '附4-广东省任务分配表.csv'), path.join(t.dir, '广州市')]);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe('fupin init --province 广东省', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('lays out 21 cities in order, counties as registers, 东莞市 and 中山市 by township', () => {
    const dir = path.join(t.dir, 'gd');
    const r = fupin(['init', '--province', '广东省', dir]);
    expect(r.code).toBe(0);
    const cities = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
    expect(cities).toHaveLength(21);
    expect(JSON.parse(readFileSync(path.join(dir, 'fupin.config.json'), 'utf8')).province).toBe('广东省');
    expect(existsSync(path.join(dir, '广州市', '越秀区.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, '东莞市', '市本级.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, '东莞市', '虎门镇.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, '中山市', '石岐街道.xlsx'))).toBe(true);
    // the blank ledger checks: no Hunan anywhere
    const c = fupin(['check', dir]);
    expect(c.code).toBe(0);
    expect(c.stdout).not.toMatch(/湖南/);
  });
});
