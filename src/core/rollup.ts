// Counting 附3 (DOMAIN §5): registers → a city's 统计表, registers or city tables → the provincial table.
import type { DivisionIndex } from './divisions.js';
import { HouseholdIndex, orgKeyOf } from './household.js';
import { fillTemplate } from './i18n.js';
import type {
  AreaLevel,
  CountPair,
  Lang,
  OrgSummary,
  OrgType,
  Problem,
  Register,
  RollupRow,
  RollupTable,
} from './model.js';
import { normText } from './normalize.js';
import { classifyOrg, parseTypeText, type OrgRegistry, type OrgTypeDecision } from './orgs.js';
import { HUNAN_CITIES } from './quota/table.js';
import { ROLLUP_NOTES } from './stats-messages.js';

/** Hunan's 14 市州 in the order 附4 lists them (DOMAIN §2), with the short forms tables write: one list, in quota/table.ts. */
export { HUNAN_CITIES };

export const TYPES: readonly OrgType[] = ['charity', 'foundation', 'social'];

export interface RollupOptions {
  /** orgs.csv, when there is one. */
  registry?: OrgRegistry;
  /** Share one index between calls so household ids agree; one is made per call otherwise. */
  index?: HouseholdIndex;
  /** The division list: organisations and households are then identified across place-name spellings (household.ts), as validate does. */
  divisions?: DivisionIndex;
  /** The city's counties in the division list's order; rows follow it (others after, by name). */
  countyOrder?: string[];
  /** The province's cities in table order; default HUNAN_CITIES. */
  cityOrder?: string[];
  /** rollupCity: the city, when the registers do not all say it. */
  city?: string;
  /** rollupProvince: the province's name; default the registers' or 湖南省. */
  province?: string;
  /** Language of the notes; default zh. */
  lang?: Lang;
}

export function emptyPair(): CountPair {
  return { units: 0, households: 0 };
}

export function emptyRow(unit: string, level: AreaLevel, where: { city?: string; county?: string } = {}): RollupRow {
  const row: RollupRow = {
    unit,
    level,
    charity: emptyPair(),
    foundation: emptyPair(),
    social: emptyPair(),
    subtotal: emptyPair(),
  };
  if (where.city) row.city = where.city;
  if (where.county) row.county = where.county;
  return row;
}

/** 合计: the arithmetic column sums of the rows (DOMAIN §5). */
export function columnSums(rows: readonly RollupRow[]): RollupTable['total'] {
  const total = { charity: emptyPair(), foundation: emptyPair(), social: emptyPair(), subtotal: emptyPair() };
  for (const r of rows) {
    for (const k of ['charity', 'foundation', 'social', 'subtotal'] as const) {
      total[k].units += r[k].units;
      total[k].households += r[k].households;
    }
  }
  return total;
}

// ── pairings ─────────────────────────────────────────────────────────────────────────

/** One countable register row: a household paired with a typed organisation. */
interface Pairing {
  register: Register;
  household: string;
  org: string;
  type: OrgType;
}

type Note = { id: string; data: Record<string, string | number> };

/** Everything decided once per rollup: household ids, org types, the rows left out. */
class Tally {
  readonly index: HouseholdIndex;
  readonly types = new Map<string, OrgTypeDecision>();
  readonly pairings = new Map<Register, Pairing[]>();
  readonly notes: Note[] = [];
  private readonly names = new Map<string, Map<string, number>>();

  constructor(
    readonly registers: readonly Register[],
    readonly opts: RollupOptions,
  ) {
    this.index = opts.index ?? new HouseholdIndex(opts.divisions);
    // Types: the first 类型 text fupin can read anywhere, then orgs.csv, then the name.
    const columnText = new Map<string, string>();
    for (const reg of registers) {
      for (const row of reg.rows) {
        const key = orgKeyOf(row, opts.divisions);
        if (!key) continue;
        const spelled = (row.fields.org?.text ?? '').trim();
        const counts = this.names.get(key) ?? new Map<string, number>();
        counts.set(spelled, (counts.get(spelled) ?? 0) + 1);
        this.names.set(key, counts);
        const t = row.fields.orgType?.text;
        if (!columnText.has(key) && parseTypeText(t)) columnText.set(key, t ?? '');
      }
    }
    for (const key of this.names.keys()) {
      const name = this.spellings(key)[0] ?? key;
      this.types.set(key, classifyOrg(name, { typeColumnText: columnText.get(key), registry: opts.registry }));
    }
    for (const reg of registers) {
      const list: Pairing[] = [];
      const noName: number[] = [];
      const noOrg: number[] = [];
      for (const row of reg.rows) {
        const household = this.index.idOf(row, reg.area);
        const org = orgKeyOf(row, opts.divisions);
        if (household === undefined) noName.push(row.row);
        else if (org === undefined) noOrg.push(row.row);
        else list.push({ register: reg, household, org, type: this.types.get(org)!.type });
      }
      this.pairings.set(reg, list);
      if (noName.length) this.notes.push({ id: 'no-name', data: { file: reg.file, rows: noName.join('、'), count: noName.length } });
      if (noOrg.length) this.notes.push({ id: 'no-org', data: { file: reg.file, rows: noOrg.join('、'), count: noOrg.length } });
    }
    const defaults = [...this.types.entries()].filter(([, d]) => d.source === 'default');
    if (defaults.length) {
      this.notes.push({
        id: 'default-type',
        data: { count: defaults.length, names: defaults.map(([k]) => this.displayName(k)).join('、') },
      });
    }
  }

  /** Every spelling of an organisation, most frequent first (ties: first seen). */
  spellings(key: string): string[] {
    const counts = this.names.get(key);
    if (!counts) return [];
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  }

  displayName(key: string): string {
    return this.opts.registry?.lookup(key)?.name ?? this.spellings(key)[0] ?? key;
  }

  of(registers: readonly Register[]): Pairing[] {
    return registers.flatMap((r) => this.pairings.get(r) ?? []);
  }

  render(notes: readonly Note[]): string[] {
    const lang = this.opts.lang ?? 'zh';
    return notes.map((n) => fillTemplate(ROLLUP_NOTES[lang][n.id] ?? n.id, n.data));
  }
}

/** One row's counts, and what a note needs about it. */
interface Counted {
  row: RollupRow;
  households: Set<string>;
  /** Households counted under two or three types. */
  joint: number;
}

function countRow(unit: string, level: AreaLevel, where: { city?: string; county?: string }, pairings: readonly Pairing[]): Counted {
  const row = emptyRow(unit, level, where);
  const orgs: Record<OrgType, Set<string>> = { charity: new Set(), foundation: new Set(), social: new Set() };
  const homes: Record<OrgType, Set<string>> = { charity: new Set(), foundation: new Set(), social: new Set() };
  const all = new Set<string>();
  for (const p of pairings) {
    orgs[p.type].add(p.org);
    homes[p.type].add(p.household);
    all.add(p.household);
  }
  let joint = 0;
  for (const h of all) if (TYPES.filter((t) => homes[t].has(h)).length > 1) joint++;
  for (const t of TYPES) row[t] = { units: orgs[t].size, households: homes[t].size };
  row.subtotal = { units: orgs.charity.size + orgs.foundation.size + orgs.social.size, households: all.size };
  return { row, households: all, joint };
}

function jointNotes(counted: readonly Counted[]): Note[] {
  return counted
    .filter((c) => c.joint > 0)
    .map((c) => ({
      id: 'joint',
      data: {
        unit: c.row.unit,
        joint: c.joint,
        distinct: c.row.subtotal.households,
        sum: c.row.charity.households + c.row.foundation.households + c.row.social.households,
      },
    }));
}

/** A note when the arithmetic 合计 of households counts some household in more than one row. */
function crossRowNote(counted: readonly Counted[]): Note[] {
  const rowsOf = new Map<string, number>();
  for (const c of counted) for (const h of c.households) rowsOf.set(h, (rowsOf.get(h) ?? 0) + 1);
  const repeated = [...rowsOf.values()].filter((n) => n > 1).length;
  return repeated ? [{ id: 'cross-row', data: { count: repeated, distinct: rowsOf.size } }] : [];
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'zh-Hans-CN');
}

/** Names in the given order first, the rest by name. */
function ordered(names: Iterable<string>, order: readonly string[] | undefined): string[] {
  const list = [...new Set(names)];
  const at = (n: string): number => {
    const i = order ? order.indexOf(n) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return list.sort((a, b) => at(a) - at(b) || byName(a, b));
}

// ── organisations ────────────────────────────────────────────────────────────────────

const LEVEL_RANK: Record<AreaLevel, number> = { province: 0, city: 1, county: 2, unknown: 3 };

function orgSummaries(tally: Tally, registers: readonly Register[]): OrgSummary[] {
  const groups = new Map<string, { summary: OrgSummary; homes: Set<string> }>();
  for (const reg of registers) {
    const { level, city, county } = reg.area;
    for (const p of tally.pairings.get(reg) ?? []) {
      const gk = [level, city ?? '', county ?? '', p.org].join('|');
      let g = groups.get(gk);
      if (!g) {
        const d = tally.types.get(p.org)!;
        const summary: OrgSummary = {
          key: p.org,
          name: tally.displayName(p.org),
          spellings: tally.spellings(p.org),
          type: d.type,
          typeSource: d.source,
          typeDetail: d.detail,
          level,
          households: 0,
        };
        if (city) summary.city = city;
        if (county) summary.county = county;
        g = { summary, homes: new Set() };
        groups.set(gk, g);
      }
      g.homes.add(p.household);
    }
  }
  const cityOrder = (tally.opts.cityOrder ?? HUNAN_CITIES.map((c) => c.name)) as readonly string[];
  const cityAt = (c?: string): number => (c === undefined ? -1 : cityOrder.indexOf(c) < 0 ? 99 : cityOrder.indexOf(c));
  return [...groups.values()]
    .map((g) => ({ ...g.summary, households: g.homes.size }))
    .sort(
      (a, b) =>
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
        cityAt(a.city) - cityAt(b.city) ||
        byName(a.city ?? '', b.city ?? '') ||
        byName(a.county ?? '', b.county ?? '') ||
        TYPES.indexOf(a.type) - TYPES.indexOf(b.type) ||
        b.households - a.households ||
        byName(a.name, b.name),
    );
}

/**
 * Every organisation of the registers, once per level and area it works at, with its type, how the type was
 * decided and its distinct households (what `fupin orgs` lists).
 */
export function summariseOrgs(registers: readonly Register[], opts: RollupOptions = {}): OrgSummary[] {
  return orgSummaries(new Tally(registers, opts), registers);
}

// ── city ─────────────────────────────────────────────────────────────────────────────

export interface CityRollup {
  table: RollupTable;
  orgs: OrgSummary[];
  /** Registers that could not be placed in the table (rule `rollup-area`). */
  problems: Problem[];
}

function areaProblem(reg: Register, messageId: string, data: Record<string, string>): Problem {
  return { rule: 'rollup-area', messageId, severity: 'warning', data: { file: reg.file, ...data } };
}

/** The most common city the registers name. */
function cityOf(registers: readonly Register[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of registers) if (r.area.city) counts.set(r.area.city, (counts.get(r.area.city) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function cityTable(
  city: string,
  registers: readonly Register[],
  tally: Tally,
  problems: Problem[],
): { table: RollupTable; placed: Register[] } {
  const cityLevel: Register[] = [];
  const counties = new Map<string, Register[]>();
  for (const reg of registers) {
    const a = reg.area;
    if (a.level === 'province' || (a.city !== undefined && a.city !== city)) {
      problems.push(areaProblem(reg, 'other-city', { fileCity: a.city ?? '省本级', city }));
    } else if (a.level === 'city') {
      cityLevel.push(reg);
    } else if (a.level === 'county' && a.county) {
      counties.set(a.county, [...(counties.get(a.county) ?? []), reg]);
    } else {
      problems.push(areaProblem(reg, 'unknown', {}));
    }
  }
  const notes: Note[] = [...noteFor(tally, [...cityLevel, ...[...counties.values()].flat()])];
  if (cityLevel.length === 0) notes.push({ id: 'no-city-level', data: { city } });
  const counted: Counted[] = [countRow('市本级', 'city', { city }, tally.of(cityLevel))];
  for (const county of ordered(counties.keys(), tally.opts.countyOrder)) {
    counted.push(countRow(county, 'county', { city, county }, tally.of(counties.get(county)!)));
  }
  const missing = (tally.opts.countyOrder ?? []).filter((c) => !counties.has(c));
  if (missing.length) notes.push({ id: 'missing-counties', data: { names: missing.join('、') } });
  notes.push(...jointNotes(counted), ...crossRowNote(counted));
  const rows = counted.map((c) => c.row);
  const placed = [...cityLevel, ...[...counties.values()].flat()];
  return { table: { level: 'city', area: city, rows, total: columnSums(rows), notes: tally.render(notes) }, placed };
}

/** The left-out-row and default-type notes that concern these registers. */
function noteFor(tally: Tally, registers: readonly Register[]): Note[] {
  const files = new Set(registers.map((r) => r.file));
  const keys = new Set(tally.of(registers).map((p) => p.org));
  const out: Note[] = [];
  for (const n of tally.notes) {
    if (n.id === 'default-type') {
      const names = [...tally.types.entries()]
        .filter(([k, d]) => d.source === 'default' && keys.has(k))
        .map(([k]) => tally.displayName(k));
      if (names.length) out.push({ id: 'default-type', data: { count: names.length, names: names.join('、') } });
    } else if (files.has(String(n.data.file))) {
      out.push(n);
    }
  }
  return out;
}

/**
 * A city's 统计表 from its registers (市本级 and the counties'): 市本级 first, then the counties in countyOrder
 * (others by name). Registers of another city or of no known area are left out and reported.
 */
export function rollupCity(registers: readonly Register[], opts: RollupOptions = {}): CityRollup {
  const tally = new Tally(registers, opts);
  const city = opts.city ?? cityOf(registers) ?? '';
  const problems: Problem[] = [];
  const { table, placed } = cityTable(city, registers, tally, problems);
  return { table, orgs: orgSummaries(tally, placed), problems };
}

// ── province ─────────────────────────────────────────────────────────────────────────

export interface ProvinceRollup {
  table: RollupTable;
  /** Each city's own 统计表, in table order. */
  byCity: RollupTable[];
  orgs: OrgSummary[];
  problems: Problem[];
}

/**
 * The provincial table from registers: 省本级 (the 省本级 file's pairings), then one row per city (市本级 and
 * its counties together, households and organisations counted once across the city), 合计 = column sums.
 * Every city of the order gets a row; those without data are 0 and named in a note.
 */
export function rollupProvince(registers: readonly Register[], opts: RollupOptions = {}): ProvinceRollup {
  const tally = new Tally(registers, opts);
  const problems: Problem[] = [];
  const provinceLevel: Register[] = [];
  const cities = new Map<string, Register[]>();
  for (const reg of registers) {
    if (reg.area.level === 'province') provinceLevel.push(reg);
    else if ((reg.area.level === 'city' || reg.area.level === 'county') && reg.area.city) {
      cities.set(reg.area.city, [...(cities.get(reg.area.city) ?? []), reg]);
    } else problems.push(areaProblem(reg, 'unknown', {}));
  }
  const order = opts.cityOrder ?? HUNAN_CITIES.map((c) => c.name);
  const notes: Note[] = noteFor(tally, [...provinceLevel, ...[...cities.values()].flat()]);
  if (provinceLevel.length === 0) notes.push({ id: 'no-province-level', data: {} });

  const counted: Counted[] = [countRow('省本级', 'province', {}, tally.of(provinceLevel))];
  const byCity: RollupTable[] = [];
  const missing: string[] = [];
  for (const city of ordered([...order, ...cities.keys()], order)) {
    const regs = cities.get(city) ?? [];
    if (regs.length === 0) missing.push(city);
    const c = countRow(city, 'city', { city }, tally.of(regs));
    counted.push(c);
    if (regs.length === 0) continue;
    const { table } = cityTable(city, regs, tally, problems);
    byCity.push(table);
    const sum = table.total.subtotal;
    if (sum.units !== c.row.subtotal.units || sum.households !== c.row.subtotal.households) {
      notes.push({
        id: 'city-distinct',
        data: {
          city,
          units: c.row.subtotal.units,
          households: c.row.subtotal.households,
          sumUnits: sum.units,
          sumHouseholds: sum.households,
        },
      });
    }
  }
  if (missing.length) notes.push({ id: 'missing-cities', data: { names: missing.join('、') } });
  notes.push(...jointNotes(counted), ...crossRowNote(counted));
  const rows = counted.map((c) => c.row);
  const area = opts.province ?? registers.find((r) => r.area.province)?.area.province ?? '湖南省';
  const table: RollupTable = { level: 'province', area, rows, total: columnSums(rows), notes: tally.render(notes) };
  return { table, byCity, orgs: orgSummaries(tally, registers), problems };
}

/** A city 统计表's figures as one row of the provincial table: its 合计 (the column sums of its rows). */
export function cityRowOf(table: RollupTable, city = table.area): RollupRow {
  const t = columnSums(table.rows);
  return { unit: city, level: 'city', city, charity: t.charity, foundation: t.foundation, social: t.social, subtotal: t.subtotal };
}

/**
 * The provincial table from city 统计表 (read from files, where the province has no households): 省本级 (given,
 * e.g. counted from 省本级.xlsx with rollupProvince, or 0), one row per city from its table's 合计, 合计 = column sums.
 */
export function provinceFromCityTables(
  tables: readonly RollupTable[],
  provinceRow?: RollupRow,
  opts: { cityOrder?: string[]; province?: string; lang?: Lang } = {},
): RollupTable {
  const lang = opts.lang ?? 'zh';
  const notes: string[] = [];
  const note = (id: string, data: Record<string, string | number>): void => {
    notes.push(fillTemplate(ROLLUP_NOTES[lang][id] ?? id, data));
  };
  const order = opts.cityOrder ?? HUNAN_CITIES.map((c) => c.name);
  const rows: RollupRow[] = [provinceRow ? { ...provinceRow, unit: '省本级', level: 'province' } : emptyRow('省本级', 'province')];
  if (!provinceRow) note('no-province-level', {});
  const byCity = new Map<string, RollupTable[]>();
  for (const t of tables) {
    const city = canonicalCity(t.area) ?? normText(t.area);
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
    if (list.length > 1) note('duplicate-table', { city, count: list.length });
    for (const t of list) rows.push(cityRowOf(t, city));
  }
  if (missing.length) note('missing-cities', { names: missing.join('、') });
  if (unknown.length) note('unknown-units', { names: unknown.join('、') });
  return { level: 'province', area: opts.province ?? '湖南省', rows, total: columnSums(rows), notes };
}

/** The official name of a Hunan city written in full or short (湘西州, 张家界, 长沙), else undefined. */
export function canonicalCity(text: string): string | undefined {
  const t = normText(text).replace(/\s+/g, '');
  if (!t) return undefined;
  for (const c of HUNAN_CITIES) {
    if (t === c.name || c.short.includes(t)) return c.name;
    const stem = c.name.replace(/(市|土家族苗族自治州)$/u, '');
    if (t === stem || t === `${stem}州` || t === `${stem}市`) return c.name;
  }
  return undefined;
}
