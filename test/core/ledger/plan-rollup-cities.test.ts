// A province's rollup makes each city's own table (a tally of the city's registers alone) only when `byCity` is read
// (check, quota, rollup --by city): what it reads must be what the tables made at once were — each city's rollupCity,
// in the profile's order — the same every time it is read, and the plan's fields in the same order as before. A city
// counted from its 统计表 alone (no registers) is in it as the table was read, beside the cities made from registers.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../../src/core/household.js';
import { countyOrder, planRollup, type RollupPlan } from '../../../src/core/ledger/plan-rollup.js';
import { pairings } from '../../../src/core/ledger/visitors.js';
import { rollupCity, type CountedRegister } from '../../../src/core/rollup.js';
import type { Ledger } from '../../../src/core/ledger/model.js';
import type { RollupTable } from '../../../src/core/model.js';
import { readLedger } from '../../../src/io/read-ledger.js';
import { writeStatsTable } from '../../../src/io/writers/stats.js';
import { ROOT } from '../../e2e/helpers.js';
import { HUNAN } from '../../helpers/profile.js';

async function planOf(folder: string): Promise<{ ledger: Ledger; plan: RollupPlan }> {
  const { ledger } = await readLedger([path.resolve(ROOT, 'fixtures', folder)], { profile: HUNAN, visitors: () => [pairings(new HouseholdIndex(HUNAN.divisions))] });
  const plan = planRollup(ledger);
  if (!plan || plan === 'no-area') throw new Error(`${folder} rolls up`);
  return { ledger, plan };
}

/** The cities' tables as they were made at once: rollupCity of each city's counted registers, in the profile's order. */
function eager(ledger: Ledger, plan: RollupPlan): RollupTable[] {
  const { profile } = ledger;
  const byCity = new Map<string, CountedRegister[]>();
  for (const r of plan.counted) {
    const a = r.register.area;
    if ((a.level === 'city' || a.level === 'county') && a.city) byCity.set(a.city, [...(byCity.get(a.city) ?? []), r]);
  }
  const opts = { cityOrder: profile.cityNames, province: profile.name, ...(ledger.registry ? { registry: ledger.registry } : {}) };
  const tables = [...byCity].map(([city, regs]) => rollupCity(regs, { ...opts, city, countyOrder: countyOrder(profile, city, regs.map((x) => x.register)) }).table);
  const at = (t: RollupTable): number => (profile.cityNames.includes(t.area) ? profile.cityNames.indexOf(t.area) : profile.cityNames.length);
  return tables.sort((a, b) => at(a) - at(b));
}

describe("a province plan's city tables, made when read", () => {
  it('are the tables each city rolls up to alone, in table order, made once', async () => {
    const { ledger, plan } = await planOf('ledger');
    expect(plan.table.level).toBe('province');
    // the example ledger has cities of registers only (a city counted from its 统计表 is read as it is, not made)
    expect(ledger.files.flatMap((f) => f.tables)).toHaveLength(0);
    const want = eager(ledger, plan);
    expect(want.length).toBeGreaterThan(2);
    const first = plan.byCity;
    expect(JSON.parse(JSON.stringify(first))).toEqual(JSON.parse(JSON.stringify(want)));
    expect(plan.byCity).toBe(first);
    // the plan's fields in the order they always had (a report that lists the plan lists them so)
    expect(Object.keys(plan)).toEqual(['table', 'byCity', 'findings', 'rowsLeftOut', 'filesLeftOut', 'counted', 'source', 'orgs']);
    // a copy of the plan copies the tables
    expect({ ...plan }.byCity).toBe(first);
  });

  it('are the same whether read before or after the rest of the plan', async () => {
    const a = await planOf('ledger');
    const b = await planOf('ledger');
    const early = JSON.stringify(a.plan.byCity);
    JSON.stringify(b.plan.table);
    JSON.stringify(b.plan.orgs);
    expect(JSON.stringify(b.plan.byCity)).toBe(early);
    expect(JSON.stringify(a.plan.table)).toBe(JSON.stringify(b.plan.table));
  });
});

// ── a province of register folders and a city counted from its 统计表 ──────────────────────────────────────────────

interface Pair {
  units: number;
  households: number;
}
interface TruthRow {
  unit: string;
  charity: Pair;
  foundation: Pair;
  social: Pair;
  subtotal: Pair;
}
/** 怀化市's 附3 form in fixtures/situations/tables, as the generator wrote it (not fupin). */
const huaihuaForm = (JSON.parse(readFileSync(path.join(ROOT, 'fixtures/situations-truth.json'), 'utf8')) as Record<string, { rows: TruthRow[]; total: Omit<TruthRow, 'unit'> }>).tables!;
const FORM = path.join(ROOT, 'fixtures/situations/tables/怀化市统计表.xlsx');
const eight = (r: Omit<TruthRow, 'unit'>): number[] => [r.charity, r.foundation, r.social, r.subtotal].flatMap((p) => [p.units, p.households]);
const figuresOf = (t: RollupTable): { rows: (string | number)[][]; total: number[] } => ({ rows: t.rows.map((r) => [r.unit, ...eight(r)]), total: eight(t.total) });
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const inOrder = (tables: RollupTable[]): RollupTable[] => {
  const at = (t: RollupTable): number => (HUNAN.cityNames.includes(t.area) ? HUNAN.cityNames.indexOf(t.area) : HUNAN.cityNames.length);
  return [...tables].sort((a, b) => at(a) - at(b));
};
/** A table with one more 慈善系统 household in its first row (and in that row's 小计 and the 合计). */
const oneMore = (t: RollupTable): RollupTable => {
  const c = structuredClone(t);
  for (const r of [c.rows[0]!, c.total]) {
    r.charity.households += 1;
    r.subtotal.households += 1;
  }
  return c;
};

describe('a province plan of register folders and a city 统计表 (rollup --by city)', () => {
  let tmp: string;
  /** 长沙市 and 株洲市 register folders, 怀化市's 附3 form alone. */
  let mixed: string;
  /** The same, with 株洲市's own 统计表 (one figure off: reconciled, not counted) and 怀化市's form sent twice. */
  let more: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'fupin-bycity-'));
    mixed = path.join(tmp, 'mixed');
    more = path.join(tmp, 'more');
    for (const dir of [mixed, more]) {
      mkdirSync(dir);
      for (const city of ['长沙市', '株洲市']) cpSync(path.join(ROOT, 'fixtures/ledger', city), path.join(dir, city), { recursive: true });
    }
    copyFileSync(FORM, path.join(mixed, '怀化市统计表.xlsx'));
    // 株洲市's 统计表 as fupin writes it from the city's registers, then one household too many in its first row
    const zz = (await planOf(path.join(mixed, '株洲市'))).plan.table;
    expect(zz.area).toBe('株洲市');
    writeFileSync(path.join(more, '株洲市', '株洲市统计表.xlsx'), await writeStatsTable(oneMore(zz), { title: HUNAN.titles.stats, unitLine: '株洲市慈善总会' }));
    // 怀化市's form twice: an older version with a figure off, and the corrected one (counted: newest by its name)
    const form = (await planOf(FORM)).plan.byCity[0]!;
    expect(form.area).toBe('怀化市');
    writeFileSync(path.join(more, '怀化市统计表.xlsx'), await writeStatsTable(oneMore(form), { title: HUNAN.titles.stats, unitLine: '怀化市慈善总会' }));
    copyFileSync(FORM, path.join(more, '怀化市统计表（改）.xlsx'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists every city in table order: the register cities as made alone, the 统计表 city as its form holds it', async () => {
    const { ledger, plan } = await planOf(mixed);
    expect(plan.table.level).toBe('province');
    expect(plan.source).toEqual({ files: expect.any(Number), registers: expect.any(Number), tables: 1 });
    const cities = plan.byCity;
    expect(cities.map((t) => [t.area, t.level])).toEqual([
      ['长沙市', 'city'],
      ['株洲市', 'city'],
      ['怀化市', 'city'],
    ]);
    // 怀化市: the table as read, figures as the form holds them
    const hh = cities.find((t) => t.area === '怀化市')!;
    const read = ledger.files.flatMap((f) => f.tables);
    expect(read).toHaveLength(1);
    expect(plain(hh)).toEqual(plain({ ...read[0]!.read.table, area: '怀化市' }));
    expect(figuresOf(hh)).toEqual({ rows: huaihuaForm.rows.map((r) => [r.unit, ...eight(r)]), total: eight(huaihuaForm.total) });
    // the provincial table counts 怀化市 by the form's 合计
    expect(eight(plan.table.rows.find((r) => r.unit === '怀化市')!)).toEqual(eight(huaihuaForm.total));
    // the register cities: what each rolls up to alone
    const made = eager(ledger, plan);
    expect(made.map((t) => t.area)).toEqual(['长沙市', '株洲市']);
    expect(plain(cities.filter((t) => t.area !== '怀化市'))).toEqual(plain(made));
    expect(plain(cities)).toEqual(plain(inOrder([...made, hh])));
    expect(plan.byCity).toBe(cities);
  });

  it('with a register city’s own 统计表 and a table sent twice: the registers’ table, one table per city, the others named', async () => {
    const { ledger, plan } = await planOf(more);
    expect(plan.source.tables).toBe(3);
    const cities = plan.byCity;
    expect(cities.map((t) => t.area)).toEqual(['长沙市', '株洲市', '怀化市']);
    // 株洲市 is counted from its registers; its 统计表 is checked against them (the cell off named), not counted
    const made = eager(ledger, plan);
    expect(plain(cities.filter((t) => t.area !== '怀化市'))).toEqual(plain(made));
    const reconciled = plan.findings.filter((f) => f.rule === 'stats-reconcile');
    expect(reconciled.length).toBeGreaterThan(0);
    expect(new Set(reconciled.map((f) => f.file))).toEqual(new Set([path.join('株洲市', '株洲市统计表.xlsx')]));
    // 怀化市: the newest form only, as it holds it; the older one left out and named
    const hh = cities.filter((t) => t.area === '怀化市');
    expect(hh).toHaveLength(1);
    expect(figuresOf(hh[0]!)).toEqual({ rows: huaihuaForm.rows.map((r) => [r.unit, ...eight(r)]), total: eight(huaihuaForm.total) });
    expect(plan.filesLeftOut.map((f) => [f.file, f.why.id])).toEqual([['怀化市统计表.xlsx', 'left-out/table-version']]);
    expect(plan.findings.filter((f) => f.rule === 'rollup-input').map((f) => [f.file, f.messageId, f.severity])).toEqual([
      ['怀化市统计表.xlsx', 'duplicate-table', 'error'],
    ]);
  });

  it('gives the same tables and findings whether byCity is read before or after the rest', async () => {
    for (const folder of [mixed, more]) {
      const a = await planOf(folder);
      const b = await planOf(folder);
      const early = JSON.stringify(a.plan.byCity);
      const rest = (p: RollupPlan): string => JSON.stringify([p.table, p.findings, p.rowsLeftOut, p.filesLeftOut, p.orgs, p.source]);
      const before = rest(b.plan);
      expect(JSON.stringify(b.plan.byCity)).toBe(early);
      expect(rest(b.plan)).toBe(before);
      expect(rest(a.plan)).toBe(before);
      expect(JSON.parse(early).map((t: RollupTable) => t.area)).toEqual(['长沙市', '株洲市', '怀化市']);
    }
  });
});
