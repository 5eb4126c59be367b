// What a rollup makes of a ledger (pure): which table (a city's, or the province's), counted from which registers and
// 统计表, what was reconciled, and everything left out of the count — never a figure changed without a word.
//
// One rule for levels (DOMAIN §5): the registers of one city (市本级 and its counties) → that city's 统计表, its own 统计表
// reconciled with them; registers of 省本级 or of several cities → the provincial table, cities with only a 统计表 counted
// by its 合计; city 统计表 alone (even one) → the provincial table. One version of each area's register (duplicates.ts).
import { msg, type Msg, type OrgSummary, type Problem, type Register, type RollupRow, type RollupTable } from '../model.js';
import { normText } from '../normalize.js';
import { lazily } from '../lazy.js';
import type { ProvinceProfile } from '../profile.js';
import { reconcileCityTable } from '../reconcile.js';
import { cityRowOf, columnSums, emptyRow, ordered, rollupCity, rollupProvince, withOrgs, type CountedRegister, type LeftOut } from '../rollup.js';
import { newestByName, oneVersionPerArea } from './duplicates.js';
import type { Ledger, StatsTableFound } from './model.js';
import { pairingRows } from './visitors.js';

/** A finding with the file (and sheet) it is about. */
export interface Finding extends Problem {
  file?: string;
  sheet?: string;
}

/** A file not counted, and why. */
export interface FileLeftOut {
  file: string;
  why: Msg;
}

export interface RollupPlan {
  table: RollupTable;
  /** Province: each city's own table (from its registers, else as read), in table order. */
  byCity: RollupTable[];
  findings: Finding[];
  /** Rows of counted registers that could not be counted (no 户主姓名, no organisation). */
  rowsLeftOut: LeftOut[];
  /** Files whose pairings or figures are not in the table (unreadable, a duplicate version, no known area, a table of no known city). */
  filesLeftOut: FileLeftOut[];
  orgs: OrgSummary[];
  /** The registers counted. */
  counted: CountedRegister[];
  source: { files: number; registers: number; tables: number };
}

/** The registers of a ledger with the pairing rows their visitor noted. */
export function countedRegisters(ledger: Ledger): CountedRegister[] {
  return ledger.files.flatMap((f) => f.registers.map((e) => ({ register: e.register, rows: pairingRows(e.results) })));
}

/** The city's rows below 市本级 in the division list's order; functional zones only when they have a register. */
export function countyOrder(profile: ProvinceProfile, city: string, registers: readonly Register[]): string[] {
  const c = profile.city(city);
  if (!c) return [];
  // a city kept by township has registers for some of its townships only: no note lists the others
  if (c.layout === 'townships') {
    const present = new Set(registers.map((r) => r.area.town).filter((x): x is string => Boolean(x)));
    return c.units.filter((u) => present.has(u));
  }
  const present = new Set(registers.map((r) => r.area.county).filter((x): x is string => Boolean(x)));
  return c.division.counties.filter((k) => !k.zone || present.has(k.name)).map((k) => k.name);
}

/** The provincial table from city 统计表 (the province has no households for them): 省本级, one row per city from its 合计. */
export function provinceFromCityTables(tables: readonly RollupTable[], profile: ProvinceProfile, provinceRow?: RollupRow): RollupTable {
  const notes: Msg[] = [];
  const order = profile.cityNames;
  const rows: RollupRow[] = [provinceRow ? { ...provinceRow, unit: '省本级', level: 'province' } : emptyRow('省本级', 'province')];
  if (!provinceRow) notes.push(msg('rollup/no-province-level'));
  const byCity = new Map<string, RollupTable[]>();
  for (const t of tables) {
    const city = profile.city(t.area)?.name ?? normText(t.area);
    byCity.set(city, [...(byCity.get(city) ?? []), t]);
  }
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const city of ordered([...order, ...byCity.keys()], order)) {
    const list = byCity.get(city) ?? [];
    if (list.length === 0) {
      missing.push(city);
      rows.push(emptyRow(city, 'city', { city }));
      continue;
    }
    if (!order.includes(city)) unknown.push(city);
    if (list.length > 1) notes.push(msg('rollup/duplicate-table', { city, count: list.length }));
    for (const t of list) rows.push(cityRowOf(t, city));
  }
  if (missing.length) notes.push(msg('rollup/missing-cities', { names: missing }));
  if (unknown.length) notes.push(msg('rollup/unknown-units', { names: unknown }));
  return { level: 'province', area: profile.name, rows, total: columnSums(rows), notes };
}

/** A 统计表's city: what the table says, else its folder or file name. */
function cityOfTable(t: StatsTableFound, profile: ProvinceProfile): string | undefined {
  return profile.city(t.read.table.area)?.name ?? (t.city ? profile.city(t.city)?.name : undefined);
}

/** Where a found problem is: its data names the file, else the table's. */
function at(p: Problem, where: { file?: string; sheet?: string }): Finding {
  return { ...p, ...(where.file !== undefined ? { file: where.file } : {}), ...(where.sheet !== undefined ? { sheet: where.sheet } : {}) };
}

/**
 * Plans the rollup of a ledger read with the `pairings` visitor. Undefined when it holds nothing to roll up (no
 * register, no 统计表); `noArea` when there are registers but none has a known area.
 */
export function planRollup(ledger: Ledger): RollupPlan | undefined | 'no-area' {
  const { profile } = ledger;
  const findings: Finding[] = [];
  const filesLeftOut: FileLeftOut[] = [];
  for (const f of ledger.files) {
    if (!f.failure) continue;
    findings.push(at(f.failure, { file: f.file }));
    // fupin's own output was never a register: named, but nothing was left out of the count
    if (f.kind !== 'own-output') filesLeftOut.push({ file: f.file, why: { id: 'left-out/unreadable' } });
  }
  for (const p of ledger.registryProblems) findings.push(at(p, { file: String(p.data?.file ?? ledger.registryFile ?? 'orgs.csv') }));

  const all = countedRegisters(ledger);
  const versions = oneVersionPerArea(all);
  for (const p of versions.problems) {
    findings.push(p);
    if (p.severity === 'error') filesLeftOut.push({ file: p.file, why: { id: 'left-out/version', data: { counted: p.data?.counted ?? '' } } });
  }
  const counted = versions.counted;
  const found = ledger.files.flatMap((f) => f.tables);
  const source = {
    files: ledger.files.length,
    registers: all.length,
    tables: found.length,
  };
  const opts = { cityOrder: profile.cityNames, province: profile.name, ...(ledger.registry ? { registry: ledger.registry } : {}) };
  const tableProblems = (t: StatsTableFound): void => {
    for (const p of t.read.problems) findings.push(at(p, { file: t.file, sheet: t.sheet }));
  };
  const input = (messageId: string, t: StatsTableFound, severity: 'error' | 'warning', data: Problem['data'] = {}): Finding => ({
    rule: 'rollup-input',
    messageId,
    severity,
    file: t.file,
    sheet: t.sheet,
    data,
  });
  /** The city 统计表 by city; a provincial table among other inputs is passed over, a table of no known city left out. */
  const cityTablesOf = (tables: readonly StatsTableFound[]): Map<string, StatsTableFound[]> => {
    const byCity = new Map<string, StatsTableFound[]>();
    for (const t of tables) {
      tableProblems(t);
      if (t.read.table.level === 'province') {
        findings.push(input('province-table', t, 'warning'));
        filesLeftOut.push({ file: t.file, why: { id: 'left-out/province-table' } });
        continue;
      }
      const city = cityOfTable(t, profile);
      if (!city) {
        findings.push(input('table-area', t, 'error'));
        filesLeftOut.push({ file: t.file, why: { id: 'left-out/table-area' } });
        continue;
      }
      byCity.set(city, [...(byCity.get(city) ?? []), t]);
    }
    return byCity;
  };
  /** One 统计表 per city is counted (the newest by its file name, as for registers); the others are left out, named. */
  const oneTablePerCity = (byCity: Map<string, StatsTableFound[]>): void => {
    for (const [city, list] of byCity) {
      if (list.length < 2) continue;
      const file = newestByName(list.map((t) => t.file));
      const chosen = list.find((t) => t.file === file) ?? list[list.length - 1]!;
      for (const t of list) {
        if (t === chosen) continue;
        findings.push(input('duplicate-table', t, 'error', { city, counted: chosen.file }));
        filesLeftOut.push({ file: t.file, why: { id: 'left-out/table-version', data: { counted: chosen.file } } });
      }
      byCity.set(city, [chosen]);
    }
  };
  const asRead = (t: StatsTableFound, city: string): RollupTable => ({ ...t.read.table, area: city });
  const byTableOrder = (a: RollupTable, b: RollupTable): number => {
    const i = (t: RollupTable): number => (profile.cityNames.indexOf(t.area) < 0 ? profile.cityNames.length : profile.cityNames.indexOf(t.area));
    return i(a) - i(b);
  };
  // the organisations are listed when read (withOrgs): no table command reads them
  const plan = (table: RollupTable, byCity: RollupTable[] | (() => RollupTable[]), rest: { rowsLeftOut?: LeftOut[]; orgs?: () => OrgSummary[] } = {}): RollupPlan =>
    withOrgs(withCities({ table, byCity: [] as RollupTable[], findings, rowsLeftOut: rest.rowsLeftOut ?? [], filesLeftOut, counted, source }, byCity), rest.orgs ?? (() => []));

  // ── no registers: 统计表 only ────────────────────────────────────────────────────────────
  if (counted.length === 0) {
    if (found.length === 0) return undefined;
    const provinceTables = found.filter((t) => t.read.table.level === 'province');
    if (provinceTables.length === found.length) {
      // provincial tables alone: the first, checked (others named)
      for (const t of found) tableProblems(t);
      for (const t of provinceTables.slice(1)) {
        findings.push(input('province-table', t, 'warning'));
        filesLeftOut.push({ file: t.file, why: { id: 'left-out/province-table' } });
      }
      return plan({ ...provinceTables[0]!.read.table, area: profile.name }, []);
    }
    const seen = cityTablesOf(found);
    oneTablePerCity(seen);
    const cityTables = [...seen].flatMap(([city, list]) => list.map((t) => asRead(t, city))).sort(byTableOrder);
    return plan(provinceFromCityTables(cityTables, profile), cityTables);
  }

  // ── registers ───────────────────────────────────────────────────────────────────────────
  const provinceRegs = counted.filter((r) => r.register.area.level === 'province');
  const regsByCity = new Map<string, CountedRegister[]>();
  for (const r of counted) {
    const a = r.register.area;
    if ((a.level === 'city' || a.level === 'county') && a.city) regsByCity.set(a.city, [...(regsByCity.get(a.city) ?? []), r]);
  }
  if (provinceRegs.length === 0 && regsByCity.size === 0 && found.length === 0) return 'no-area';
  const tablesOf = cityTablesOf(found);
  // a city counted from its registers checks its 统计表 against them (every one given); one counted from tables counts one
  const onlyCity = regsByCity.size === 1 ? [...regsByCity.keys()][0]! : undefined;
  const reconcile = (city: string, computed: RollupTable): void => {
    for (const t of tablesOf.get(city) ?? []) for (const p of reconcileCityTable(t.read, computed)) findings.push(at(p, { file: t.file, sheet: t.sheet }));
  };
  const unplaced = (problems: readonly Problem[]): void => {
    for (const p of problems) {
      const file = String(p.data?.file ?? '');
      findings.push(at(p, { file }));
      filesLeftOut.push({ file, why: { id: p.messageId === 'other-city' ? 'left-out/other-city' : 'left-out/no-area' } });
    }
  };

  // One city's registers (and perhaps its own 统计表): the city's table.
  if (provinceRegs.length === 0 && onlyCity && [...tablesOf.keys()].every((c) => c === onlyCity)) {
    const regs = counted;
    const r = rollupCity(regs, { ...opts, city: onlyCity, countyOrder: countyOrder(profile, onlyCity, regs.map((x) => x.register)) });
    unplaced(r.problems);
    reconcile(onlyCity, r.table);
    return plan(r.table, [], { rowsLeftOut: r.leftOut, orgs: () => r.orgs });
  }

  // The province: 省本级 and the cities' registers; cities with only a 统计表 count by its 合计.
  const p = rollupProvince(counted, opts);
  unplaced(p.problems);
  // each city's own table (a tally of its own registers) is made when first read (check, quota, rollup --by city): only a
  // city with a 统计表 to check against it is counted now, in the same order
  const ownTables = new Map<string, RollupTable>();
  const ownTable = (city: string, regs: CountedRegister[]): RollupTable => {
    let t = ownTables.get(city);
    if (!t) {
      t = rollupCity(regs, { ...opts, city, countyOrder: countyOrder(profile, city, regs.map((x) => x.register)) }).table;
      ownTables.set(city, t);
    }
    return t;
  };
  for (const [city, regs] of regsByCity) if (tablesOf.has(city)) reconcile(city, ownTable(city, regs));
  const fromTables = [...tablesOf.keys()].filter((c) => !regsByCity.has(c));
  const countedTables = new Map(fromTables.map((c) => [c, tablesOf.get(c)!]));
  oneTablePerCity(countedTables);
  for (const [c, list] of countedTables) tablesOf.set(c, list);
  let table = p.table;
  if (fromTables.length) {
    const notes = [...table.notes];
    const rows = table.rows.map((row) => {
      const t = row.level === 'city' && row.city && fromTables.includes(row.city) ? tablesOf.get(row.city)! : undefined;
      if (!t) return row;
      if (t.length > 1) notes.push(msg('rollup/duplicate-table', { city: row.city!, count: t.length }));
      return { ...row, ...columnSums(t.map((x) => cityRowOf(x.read.table, row.city))) };
    });
    // the core named these cities as having no data: say instead what they were counted from
    const missingNow = profile.cityNames.filter((c) => !regsByCity.has(c) && !fromTables.includes(c));
    const kept = notes.filter((n) => n.id !== 'rollup/missing-cities');
    if (missingNow.length) kept.push(msg('rollup/missing-cities', { names: missingNow }));
    kept.push(msg('rollup/tables-used', { names: fromTables }));
    table = { ...table, rows, total: columnSums(rows), notes: kept };
  }
  const byCity = (): RollupTable[] => {
    const list = [...regsByCity].map(([city, regs]) => ownTable(city, regs));
    for (const city of fromTables) for (const t of tablesOf.get(city)!) list.push(asRead(t, city));
    return list.sort(byTableOrder);
  };
  return plan(table, byCity, { rowsLeftOut: p.leftOut, orgs: () => p.orgs });
}

/**
 * The plan with its `byCity`: as given, or made by `make` when first read, then kept (rollup without --by city never
 * reads it: the cities' own tallies were ~1/4 of planning the province's rollup). The same tables whenever they are read.
 */
function withCities<T extends { byCity: RollupTable[] }>(plan: T, byCity: RollupTable[] | (() => RollupTable[])): T {
  if (Array.isArray(byCity)) {
    plan.byCity = byCity;
    return plan;
  }
  // the property the plan was made with, in its place among the others
  return lazily(plan, 'byCity', byCity);
}
