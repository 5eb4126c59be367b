// What a ledger actually did, in the quota table's terms (pure): per area (省本级, each city) the figures 附4 sets minimums for,
// per organisation its households, and for the demonstration site's units where their households live.
import type { County, DivisionIndex } from '../divisions.js';
import { msg, type Msg, type Problem, type RollupTable } from '../model.js';
import type { ProvinceProfile } from '../profile.js';
import {
  actualsFromRollup,
  addressInCounty,
  demoSiteActual,
  namesCity,
  type DemoSiteActual,
  type OutsideHousehold,
  type QuotaActuals,
  type QuotaTable,
} from '../quota/index.js';
import { rollupProvince, type CountedRegister } from '../rollup.js';
import { countedRegisters } from './plan-rollup.js';
import type { Ledger } from './model.js';

/** A finding as a message, for notes that quote it. */
export function problemMsg(p: Problem): Msg {
  return { id: `${p.rule}/${p.messageId}`, data: { cell: p.cell, column: p.column, value: p.value, row: p.row, ...p.data } };
}

/** The demonstration site's county in the division list, and a test "does this address lie in it". */
export function siteTest(divisions: DivisionIndex, site: { city: string; county: string }, knownCities: readonly string[]): (address: string) => boolean {
  const county: County | undefined = divisions.county(site.county, site.city);
  if (!county) return (address) => addressInCounty(address, site, knownCities);
  const scope = { province: county.city.province.name, city: county.city.name, county: county.name, code: county.code };
  return (address) => {
    const named = divisions.placesIn(address, scope).filter((m) => m.level !== 'province');
    // an address naming no place at all: the name-only test decides (it says no unless the county is written)
    if (named.length === 0) return addressInCounty(address, site, knownCities);
    const inside = (p: Parameters<DivisionIndex['within']>[0]): boolean => divisions.within(p, county);
    const related = (p: Parameters<DivisionIndex['within']>[0]): boolean => inside(p) || divisions.within(county, p);
    if (named.some((m) => !m.places.some(related))) return false;
    return named.some((m) => m.places.some(inside));
  };
}

/** The distinct households of some registers (from their pairing rows, addresses kept), with where each is written; blank addresses apart. */
function householdsOf(registers: readonly CountedRegister[]): { list: OutsideHousehold[]; blankAddress: number } {
  const seen = new Set<number>();
  const list: OutsideHousehold[] = [];
  let blankAddress = 0;
  for (const reg of registers) {
    for (const row of reg.rows) {
      if (row.household === undefined || seen.has(row.household)) continue;
      seen.add(row.household);
      if (!row.address) {
        blankAddress++;
        continue;
      }
      list.push({ name: row.name ?? '', address: row.address, file: reg.register.file, ...(row.addressCell ? { cell: row.addressCell } : {}) });
    }
  }
  return { list, blankAddress };
}

/** How many households of a city appear in more than one of its rows (市本级 and each county are rows). */
function crossRowHouseholds(registers: readonly CountedRegister[]): number {
  // per household the row first met, or MANY once a second one is: no set per household
  const MANY = -1;
  const units = new Map<string, number>();
  const rowOf = new Map<number, number>();
  for (const { register, rows } of registers) {
    const name = register.area.level === 'city' ? '市本级' : (register.area.county ?? '');
    let unit = units.get(name);
    if (unit === undefined) units.set(name, (unit = units.size));
    for (const row of rows) {
      if (row.household === undefined) continue;
      const was = rowOf.get(row.household);
      if (was === undefined) rowOf.set(row.household, unit);
      else if (was !== unit && was !== MANY) rowOf.set(row.household, MANY);
    }
  }
  let n = 0;
  for (const u of rowOf.values()) if (u === MANY) n++;
  return n;
}

export interface Gathered {
  actuals: QuotaActuals;
  /** Notes about the input: unreadable files, registers of no known area, tables not used. */
  notes: Msg[];
  /** Registers counted. */
  registers: number;
  /** 统计表 used. */
  tables: number;
}

/** Whether the demonstration site's addresses are kept for a register: 省本级 and 市本级 registers (small). */
export function keepsAddresses(level: string): boolean {
  return level === 'province' || level === 'city';
}

/**
 * Actual figures from a ledger read with the `pairings` visitor (addresses kept for 省本级 and 市本级): registers rolled
 * up per city (省本级 apart, organisations summarised for the per-organisation checks, addresses of the demonstration
 * site's units), and 统计表 for the cities that have no registers in the input (their per-organisation checks are
 * then not possible).
 */
export function gatherActuals(ledger: Ledger, table: QuotaTable, profile: ProvinceProfile): Gathered {
  const notes: Msg[] = [];
  const registers = countedRegisters(ledger);
  for (const f of ledger.files) {
    if (f.failure && f.tables.length === 0 && f.kind !== 'own-output') notes.push(msg('quota/file-unreadable', { file: f.file, why: problemMsg(f.failure) }));
  }
  const placed = registers.filter(({ register: r }) => r.area.level === 'province' || ((r.area.level === 'city' || r.area.level === 'county') && r.area.city));
  const unplaced = registers.filter((r) => !placed.includes(r));
  if (unplaced.length) notes.push(msg('quota/unplaced', { count: unplaced.length, files: [...new Set(unplaced.map((r) => r.register.file))] }));

  const tables: RollupTable[] = [];
  const registerCities = new Set(placed.flatMap(({ register: r }) => (r.area.level !== 'province' && r.area.city ? [r.area.city] : [])));
  const provinceRegisters = placed.some(({ register: r }) => r.area.level === 'province');

  // 统计表 first: a provincial table's city rows give way to city tables and registers, later entries win
  let tablesUsed = 0;
  const provinceTables: RollupTable[] = [];
  for (const f of ledger.files) {
    for (const st of f.tables) {
      const tbl = st.read.table;
      if (tbl.level === 'province') {
        provinceTables.push(tbl);
        tablesUsed++;
        continue;
      }
      const city = st.city ?? (tbl.area || undefined);
      if (!city) {
        notes.push(msg('quota/table-no-city', { file: st.file, sheet: st.sheet }));
        continue;
      }
      if (registerCities.has(city)) {
        notes.push(msg('quota/table-not-used', { city, file: st.file }));
        continue;
      }
      tables.push({ ...tbl, area: city, rows: tbl.rows.map((r) => ({ ...r, city })) });
      tablesUsed++;
    }
  }

  // registers: one city table per city (市本级 + counties), and the 省本级 row when 省本级 registers were read
  const opts = { cityOrder: profile.cityNames, province: profile.name, ...(ledger.registry ? { registry: ledger.registry } : {}) };
  const rolled = placed.length ? rollupProvince(placed, opts) : undefined;
  if (rolled) tables.push(...rolled.byCity);
  // the provincial 统计表: its 省本级 row and the cities nothing else covers
  for (const p of provinceTables) {
    tables.push({ ...p, rows: p.rows.filter((r) => (r.level === 'province' ? !provinceRegisters : !registerCities.has(r.city ?? r.unit))) });
  }
  if (rolled && provinceRegisters) tables.push({ ...rolled.table, rows: rolled.table.rows.filter((r) => r.level === 'province') });

  const actuals = actualsFromRollup(tables, { knownCities: profile.cityNames, ...(rolled ? { orgs: rolled.orgs } : {}) });
  // "households summed over rows" matters only where a household really is in two rows: registers tell
  if (actuals.notes) {
    const quiet = new Set(
      [...registerCities].filter((city) => crossRowHouseholds(placed.filter(({ register: r }) => r.area.level !== 'province' && r.area.city === city)) === 0),
    );
    actuals.notes = actuals.notes.filter((n) => !(n.id === 'quota/rollup-households-summed' && quiet.has(String(n.data?.area))));
  }
  const statsOnly = new Set(actuals.areas.filter((a) => a.level === 'city' && !registerCities.has(a.area)).map((a) => a.area));
  if (rolled && statsOnly.size) notes.push(msg('quota/stats-only', { names: [...statsOnly] }));

  // the demonstration site: the households of the units bound to it (省本级, 怀化市本级), from their registers
  const site = table.demoSite;
  if (site) {
    const inSite = siteTest(profile.divisions, site, profile.cityNames);
    const found: DemoSiteActual[] = [];
    const missing: string[] = [];
    for (const unit of site.units) {
      const covered =
        unit.level === 'province'
          ? actuals.areas.some((a) => a.level === 'province')
          : actuals.areas.some((a) => a.level === 'city' && namesCity(a.area, unit.city ?? ''));
      if (!covered) continue;
      const regs = placed.filter(({ register: r }) =>
        unit.level === 'province' ? r.area.level === 'province' : r.area.level === 'city' && namesCity(r.area.city ?? '', unit.city ?? ''),
      );
      if (regs.length === 0) {
        missing.push(unit.unit);
        continue;
      }
      const { list, blankAddress } = householdsOf(regs);
      found.push(demoSiteActual(unit.unit, list, site, inSite));
      if (blankAddress) notes.push(msg('quota/blank-address', { unit: unit.unit, count: blankAddress }));
    }
    if (found.length || missing.length === 0) actuals.demoSite = found;
    if (found.length && missing.length) notes.push(msg('quota/demo-partial', { units: missing }));
  }

  return { actuals, notes, registers: placed.length, tables: tablesUsed };
}
