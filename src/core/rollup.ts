// Counting 附3 (DOMAIN §5): the pairings of registers → a city's 统计表, registers or city tables → the provincial table.
import { msg, type AreaLevel, type CountPair, type Msg, type OrgSummary, type OrgType, type Problem, type Register, type RollupRow, type RollupTable } from './model.js';
import type { PairingRows } from './ledger/visitors.js';
import { LeftOutRows, placeText, type LeftOut } from './ledger/left-out.js';
import { lazily } from './lazy.js';

export type { LeftOut };
import { OrgTypeVotes, type OrgRegistry, type OrgTypeDecision } from './orgs.js';

export const TYPES: readonly OrgType[] = ['charity', 'foundation', 'social'];

/** A register with the pairing rows its `pairings` visitor noted. */
export interface CountedRegister {
  register: Register;
  rows: PairingRows;
}

export interface RollupOptions {
  /** orgs.csv, when there is one. */
  registry?: OrgRegistry;
  /** The city's rows below 市本级 (counties, or townships) in the division list's order; rows follow it (others after, by name). */
  countyOrder?: readonly string[];
  /** The province's cities in table order (the profile's). */
  cityOrder?: readonly string[];
  /** rollupCity: the city, when the registers do not all say it. */
  city?: string;
  /** rollupProvince: the province's name (the profile's). */
  province?: string;
}

export function emptyPair(): CountPair {
  return { units: 0, households: 0 };
}

export function emptyRow(unit: string, level: AreaLevel, where: { city?: string; county?: string } = {}): RollupRow {
  const row: RollupRow = { unit, level, charity: emptyPair(), foundation: emptyPair(), social: emptyPair(), subtotal: emptyPair() };
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

/** Rows a count left out, and why: no 户主姓名 (the household is unknown), no organisation. */
/** The note about rows left out, as the 统计表's notes and the local page list it (file, sheet when needed, rows, why). */
export function leftOutNote(l: LeftOut): Msg {
  return msg(`rollup/${l.reason}`, { file: placeText(l), rows: l.rows, count: l.rows.length });
}

/**
 * A register's countable rows (a household paired with a typed organisation) as integers, two per row: the household's
 * number in the ledger's HouseholdIndex and the organisation's number in the tally. A province's registers hold
 * hundreds of thousands of them, counted again for every row of every table.
 */
type Pairs = Int32Array;

/** Everything decided once per rollup: org types, the pairings of each register, the rows left out. */
export class Tally {
  readonly types = new Map<string, OrgTypeDecision>();
  readonly leftOut: LeftOut[];
  /** Each register's rows left out: a workbook with sheets for two cities notes each sheet's rows in its own city. */
  private readonly leftOutOf = new Map<Register, LeftOut[]>();
  /** Organisation keys by their number, and each one's type (index into TYPES). */
  private readonly orgKeys: string[] = [];
  private readonly orgTypes: number[] = [];
  private readonly pairings = new Map<Register, Pairs>();
  private readonly votes = new OrgTypeVotes();
  /** Per household: the types it was counted under in the row being counted (bits), then how many rows counted it. */
  private readonly marks: Uint8Array;
  private readonly rowsCounting: Int32Array;

  constructor(
    readonly registers: readonly CountedRegister[],
    readonly opts: RollupOptions,
  ) {
    // Types: the first 类型 text fupin can read anywhere, then orgs.csv, then the name. One pass over the rows: an
    // organisation's number is its place in the order first met, the order the votes decide in
    let householdCount = 0;
    const orgNo = new Map<string, number>();
    const leftOut = new LeftOutRows(registers.map((r) => r.register));
    this.leftOut = leftOut.all;
    for (const { register, rows } of registers) {
      const pairs = new Int32Array(2 * rows.length);
      let n = 0;
      const noName: number[] = [];
      const noOrg: number[] = [];
      // a row's organisation by number (byNumber): the texts were voted for and numbered once per organisation, spelling
      // and type, in the order first met; -1 for none
      const orgOf = this.byNumber(rows, orgNo);
      if (orgOf) {
        let i = 0;
        rows.eachCountNo!((household, _org, _spelling, _type, row) => {
          const no = orgOf[i++]!;
          if (household > householdCount) householdCount = household;
          if (household === 0) noName.push(row);
          else if (no < 0) noOrg.push(row);
          else {
            pairs[n++] = household - 1;
            pairs[n++] = no;
          }
        });
      } else {
        rows.eachCount((household, org, spelling, typeText, row) => {
          if (household !== undefined && household >= householdCount) householdCount = household + 1;
          let no: number | undefined;
          if (org !== undefined) {
            this.votes.add(org, spelling, typeText);
            no = orgNo.get(org);
            if (no === undefined) {
              no = this.orgKeys.length;
              orgNo.set(org, no);
              this.orgKeys.push(org);
            }
          }
          if (household === undefined) noName.push(row);
          else if (no === undefined) noOrg.push(row);
          else {
            pairs[n++] = household;
            pairs[n++] = no;
          }
        });
      }
      this.pairings.set(register, pairs.subarray(0, n));
      const mine = leftOut.add(register, noName, noOrg);
      if (mine.length) this.leftOutOf.set(register, mine);
    }
    this.marks = new Uint8Array(householdCount);
    this.rowsCounting = new Int32Array(householdCount);
    for (const [key, d] of this.votes.decide(opts.registry)) {
      this.types.set(key, d);
      this.orgTypes[orgNo.get(key)!] = TYPES.indexOf(d.type);
    }
  }

  /**
   * The tally's organisation number of each row of a register (-1: none), for rows that give their texts by number
   * (eachCountNo): each organisation, spelling and type met together is voted for once, with how many rows it has, and its
   * organisation numbered when first met — in the order the rows first meet them, as eachCount's row-by-row votes do (an
   * organisation's spellings in the order first met, the first 类型 text read, the organisations in the order first met).
   * Undefined when the rows do not give numbers, or numbers too big to be combined exactly: eachCount then.
   */
  private byNumber(rows: PairingRows, orgNo: Map<string, number>): Int32Array | undefined {
    if (!rows.eachCountNo || !rows.countText) return undefined;
    // org, spelling and type as one number: each below 2^17, exact below 2^53
    const K = 1 << 17;
    const groups = new Map<number, number>();
    const groupOrg: number[] = [];
    const groupSpelling: number[] = [];
    const groupType: number[] = [];
    const groupRows: number[] = [];
    const rowGroup = new Int32Array(rows.length);
    let i = 0;
    let fits = true;
    rows.eachCountNo((_household, org, spelling, type) => {
      if (!fits || org >= K || spelling >= K || type >= K) {
        fits = false;
        return;
      }
      const key = (org * K + spelling) * K + type;
      let g = groups.get(key);
      if (g === undefined) {
        g = groupOrg.length;
        groups.set(key, g);
        groupOrg.push(org);
        groupSpelling.push(spelling);
        groupType.push(type);
        groupRows.push(0);
      }
      groupRows[g]!++;
      rowGroup[i++] = g;
    });
    if (!fits) return undefined;
    const text = (no: number): string => rows.countText!(no);
    const groupNo = new Int32Array(groupOrg.length);
    for (let g = 0; g < groupOrg.length; g++) {
      const o = groupOrg[g]!;
      if (o === 0) {
        groupNo[g] = -1;
        continue;
      }
      const org = text(o - 1);
      const t = groupType[g]!;
      this.votes.add(org, text(groupSpelling[g]!), t === 0 ? undefined : text(t - 1), groupRows[g]!);
      let no = orgNo.get(org);
      if (no === undefined) {
        no = this.orgKeys.length;
        orgNo.set(org, no);
        this.orgKeys.push(org);
      }
      groupNo[g] = no;
    }
    for (let r = 0; r < rowGroup.length; r++) rowGroup[r] = groupNo[rowGroup[r]!]!;
    return rowGroup;
  }

  /** Every spelling of an organisation, most frequent first (ties: first seen). */
  spellings(key: string): string[] {
    return this.votes.spellings(key);
  }

  displayName(key: string): string {
    return this.opts.registry?.lookup(key)?.name ?? this.spellings(key)[0] ?? key;
  }

  /** The organisations (keys) of a register's countable rows, each once. */
  orgsOf(register: Register): Set<string> {
    const pairs = this.pairings.get(register);
    const out = new Set<string>();
    if (pairs) for (let i = 1; i < pairs.length; i += 2) out.add(this.orgKeys[pairs[i]!]!);
    return out;
  }

  /** Calls `fn` with each countable row of a register: household number, organisation key, its type. */
  eachPairing(register: Register, fn: (household: number, org: string, type: OrgType) => void): void {
    const pairs = this.pairings.get(register);
    if (!pairs) return;
    for (let i = 0; i < pairs.length; i += 2) fn(pairs[i]!, this.orgKeys[pairs[i + 1]!]!, TYPES[this.orgTypes[pairs[i + 1]!]!]!);
  }

  /** One table row's counts from some registers' pairings: organisations and distinct households by type, households counted under two or three types. */
  count(unit: string, level: AreaLevel, where: { city?: string; county?: string }, registers: readonly Register[]): Counted {
    const row = emptyRow(unit, level, where);
    const orgs = [new Set<number>(), new Set<number>(), new Set<number>()];
    const marks = this.marks;
    const parts = registers.flatMap((r) => this.pairings.get(r) ?? []);
    for (const pairs of parts) {
      for (let i = 0; i < pairs.length; i += 2) {
        const t = this.orgTypes[pairs[i + 1]!]!;
        orgs[t]!.add(pairs[i + 1]!);
        marks[pairs[i]!]! |= 1 << t;
      }
    }
    // each household once: read its marks, note it, clear them (into a column as long as the rows: no array grown push
    // by push, ~0.4 MB of copies over the province's table)
    const homes = [0, 0, 0];
    let most = 0;
    for (const pairs of parts) most += pairs.length >> 1;
    const households = new Int32Array(most);
    let n = 0;
    let joint = 0;
    for (const pairs of parts) {
      for (let i = 0; i < pairs.length; i += 2) {
        const h = pairs[i]!;
        const m = marks[h]!;
        if (m === 0) continue;
        marks[h] = 0;
        households[n++] = h;
        let types = 0;
        for (let t = 0; t < 3; t++) {
          if (m & (1 << t)) {
            homes[t]!++;
            types++;
          }
        }
        if (types > 1) joint++;
      }
    }
    TYPES.forEach((t, i) => (row[t] = { units: orgs[i]!.size, households: homes[i]! }));
    row.subtotal = { units: orgs[0]!.size + orgs[1]!.size + orgs[2]!.size, households: n };
    return { row, households: households.subarray(0, n), joint };
  }

  /** How many households some rows count more than once, and how many distinct households they count. */
  repeated(counted: readonly Counted[]): { count: number; distinct: number } {
    const rows = this.rowsCounting;
    let count = 0;
    let distinct = 0;
    // loops by index: this runs once a table, before it is compiled, where `for of` made an iterator result a household
    for (let j = 0; j < counted.length; j++) {
      const households = counted[j]!.households;
      for (let i = 0; i < households.length; i++) {
        const n = ++rows[households[i]!]!;
        if (n === 1) distinct++;
        else if (n === 2) count++;
      }
    }
    for (let j = 0; j < counted.length; j++) {
      const households = counted[j]!.households;
      for (let i = 0; i < households.length; i++) rows[households[i]!] = 0;
    }
    return { count, distinct };
  }

  /** The rows left out of these registers, in the order the registers were tallied. */
  leftOutFor(registers: readonly Register[]): LeftOut[] {
    const mine = new Set(registers.flatMap((r) => this.leftOutOf.get(r) ?? []));
    return this.leftOut.filter((l) => mine.has(l));
  }

  /** The notes about rows left out and guessed types that concern these registers. */
  notesFor(registers: readonly Register[]): Msg[] {
    const out = this.leftOutFor(registers).map(leftOutNote);
    const keys = new Set(registers.flatMap((r) => [...this.orgsOf(r)]));
    const names = [...this.types.entries()].filter(([k, d]) => d.source === 'default' && keys.has(k)).map(([k]) => this.displayName(k));
    if (names.length) out.push(msg('rollup/default-type', { count: names.length, names }));
    return out;
  }
}

/** One row's counts, and what a note needs about it. */
interface Counted {
  row: RollupRow;
  /** The distinct households it counts (their numbers). */
  households: Int32Array;
  /** Households counted under two or three types. */
  joint: number;
}

function jointNotes(counted: readonly Counted[]): Msg[] {
  return counted
    .filter((c) => c.joint > 0)
    .map((c) =>
      msg('rollup/joint', {
        unit: c.row.unit,
        joint: c.joint,
        distinct: c.row.subtotal.households,
        sum: c.row.charity.households + c.row.foundation.households + c.row.social.households,
      }),
    );
}

/** A note when the arithmetic 合计 of households counts some household in more than one row. */
function crossRowNote(tally: Tally, counted: readonly Counted[]): Msg[] {
  const { count, distinct } = tally.repeated(counted);
  return count ? [msg('rollup/cross-row', { count, distinct })] : [];
}

/**
 * One collator for every comparison: localeCompare with a locale sets one up at each call (a province's names, ~10 ms).
 * Made on the first comparison, not when the module loads: setting it up loads ICU's collation data (~5-8 ms and
 * ~300 pages), which a run that orders no names (a register's validate) never needs.
 */
let zh: Intl.Collator | undefined;

function byName(a: string, b: string): number {
  return (zh ??= new Intl.Collator('zh-Hans-CN')).compare(a, b);
}

/** Names in the given order first, the rest by name. */
export function ordered(names: Iterable<string>, order: readonly string[] | undefined): string[] {
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
  const groups = new Map<string, { summary: OrgSummary; homes: Set<number> }>();
  for (const reg of registers) {
    const { level, city, county } = reg.area;
    tally.eachPairing(reg, (household, org) => {
      const gk = [level, city ?? '', county ?? '', org].join('|');
      let g = groups.get(gk);
      if (!g) {
        const d = tally.types.get(org)!;
        const summary: OrgSummary = {
          key: org,
          name: tally.displayName(org),
          spellings: tally.spellings(org),
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
      g.homes.add(household);
    });
  }
  const cityOrder = tally.opts.cityOrder ?? [];
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
export function summariseOrgs(registers: readonly CountedRegister[], opts: RollupOptions = {}): OrgSummary[] {
  return orgSummaries(new Tally(registers, opts), registers.map((r) => r.register));
}

// ── city ─────────────────────────────────────────────────────────────────────────────

export interface CityRollup {
  table: RollupTable;
  orgs: OrgSummary[];
  /** Registers that could not be placed in the table (rule `rollup-area`). */
  problems: Problem[];
  /** Rows left out of the count. */
  leftOut: LeftOut[];
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

/** The row a county-level register counts in: its county, or for a city laid out by township, its township. */
function unitOf(reg: Register): string | undefined {
  return reg.area.town ?? reg.area.county;
}

/** A city's registers placed in its rows: 市本级 and each county (or township) in the order first met; the others reported in `problems`. */
function placeInCity(city: string, registers: readonly Register[], problems: Problem[]): { cityLevel: Register[]; counties: Map<string, Register[]> } {
  const cityLevel: Register[] = [];
  const counties = new Map<string, Register[]>();
  for (const reg of registers) {
    const a = reg.area;
    const unit = unitOf(reg);
    if (a.level === 'province' || (a.city !== undefined && a.city !== city)) {
      problems.push(areaProblem(reg, 'other-city', { fileCity: a.city ?? '省本级', city }));
    } else if (a.level === 'city') {
      cityLevel.push(reg);
    } else if (a.level === 'county' && unit) {
      counties.set(unit, [...(counties.get(unit) ?? []), reg]);
    } else {
      problems.push(areaProblem(reg, 'unknown', {}));
    }
  }
  return { cityLevel, counties };
}

function cityTable(city: string, registers: readonly Register[], tally: Tally, problems: Problem[]): { table: RollupTable; placed: Register[] } {
  const { cityLevel, counties } = placeInCity(city, registers, problems);
  const placed = [...cityLevel, ...[...counties.values()].flat()];
  const notes: Msg[] = tally.notesFor(placed);
  if (cityLevel.length === 0) notes.push(msg('rollup/no-city-level', { city }));
  const counted: Counted[] = [tally.count('市本级', 'city', { city }, cityLevel)];
  for (const county of ordered(counties.keys(), tally.opts.countyOrder)) {
    counted.push(tally.count(county, 'county', { city, county }, counties.get(county)!));
  }
  const missing = (tally.opts.countyOrder ?? []).filter((c) => !counties.has(c));
  if (missing.length) notes.push(msg('rollup/missing-counties', { names: missing }));
  notes.push(...jointNotes(counted), ...crossRowNote(tally, counted));
  const rows = counted.map((c) => c.row);
  return { table: { level: 'city', area: city, rows, total: columnSums(rows), notes }, placed };
}

/**
 * A city's 统计表 from its registers (市本级 and the counties'): 市本级 first, then the counties in countyOrder
 * (others by name). Registers of another city or of no known area are left out and reported.
 */
export function rollupCity(registers: readonly CountedRegister[], opts: RollupOptions = {}): CityRollup {
  const tally = new Tally(registers, opts);
  const regs = registers.map((r) => r.register);
  const city = opts.city ?? cityOf(regs) ?? '';
  const problems: Problem[] = [];
  const { table, placed } = cityTable(city, regs, tally, problems);
  return withOrgs({ table, problems, leftOut: tally.leftOutFor(placed) }, () => orgSummaries(tally, placed));
}

/**
 * `rollup` with its `orgs` made when first read, then kept: the table commands never read them, and listing every
 * organisation of a province (a key, a sort by name) cost the province's rollup ~0.1 s of a cold run, once for the
 * province and again for each city. What is listed is the same whenever it is read (the tally does not change).
 */
export function withOrgs<T extends object>(rollup: T, make: () => OrgSummary[]): T & { orgs: OrgSummary[] } {
  lazily(rollup as { orgs: OrgSummary[] }, 'orgs', make);
  return rollup as T & { orgs: OrgSummary[] };
}

// ── province ─────────────────────────────────────────────────────────────────────────

export interface ProvinceRollup {
  table: RollupTable;
  /** Each city's own 统计表, in table order. */
  byCity: RollupTable[];
  orgs: OrgSummary[];
  problems: Problem[];
  leftOut: LeftOut[];
}

/**
 * The provincial table from registers: 省本级 (the 省本级 file's pairings), then one row per city (市本级 and
 * its counties together, households and organisations counted once across the city), 合计 = column sums.
 * Every city of the order gets a row; those without data are 0 and named in a note.
 */
export function rollupProvince(registers: readonly CountedRegister[], opts: RollupOptions = {}): ProvinceRollup {
  const tally = new Tally(registers, opts);
  const problems: Problem[] = [];
  const provinceLevel: Register[] = [];
  const cities = new Map<string, Register[]>();
  for (const { register: reg } of registers) {
    if (reg.area.level === 'province') provinceLevel.push(reg);
    else if ((reg.area.level === 'city' || reg.area.level === 'county') && reg.area.city) {
      cities.set(reg.area.city, [...(cities.get(reg.area.city) ?? []), reg]);
    } else problems.push(areaProblem(reg, 'unknown', {}));
  }
  const order = opts.cityOrder ?? [];
  const notes: Msg[] = tally.notesFor([...provinceLevel, ...[...cities.values()].flat()]);
  if (provinceLevel.length === 0) notes.push(msg('rollup/no-province-level'));

  const counted: Counted[] = [tally.count('省本级', 'province', {}, provinceLevel)];
  const withRegisters: [city: string, regs: Register[]][] = [];
  const missing: string[] = [];
  for (const city of ordered([...order, ...cities.keys()], order)) {
    const regs = cities.get(city) ?? [];
    if (regs.length === 0) missing.push(city);
    const c = tally.count(city, 'city', { city }, regs);
    counted.push(c);
    if (regs.length === 0) continue;
    withRegisters.push([city, regs]);
    // the city's own table's 合计 (its rows' subtotals added up: the same in any order of its rows), without the table
    // itself — its rows ordered by name, its notes — which only byCity reads; its problems are reported now, in order
    const { cityLevel, counties } = placeInCity(city, regs, problems);
    const sum = tally.count('市本级', 'city', { city }, cityLevel).row.subtotal;
    for (const [county, list] of counties) {
      const s = tally.count(county, 'county', { city, county }, list).row.subtotal;
      sum.units += s.units;
      sum.households += s.households;
    }
    if (sum.units !== c.row.subtotal.units || sum.households !== c.row.subtotal.households) {
      notes.push(
        msg('rollup/city-distinct', {
          city,
          units: c.row.subtotal.units,
          households: c.row.subtotal.households,
          sumUnits: sum.units,
          sumHouseholds: sum.households,
        }),
      );
    }
  }
  if (missing.length) notes.push(msg('rollup/missing-cities', { names: missing }));
  notes.push(...jointNotes(counted), ...crossRowNote(tally, counted));
  const rows = counted.map((c) => c.row);
  const area = opts.province ?? registers.find((r) => r.register.area.province)?.register.area.province ?? '';
  const table: RollupTable = { level: 'province', area, rows, total: columnSums(rows), notes };
  // each city's table made when byCity is first read (quota reads it; rollup, which plans its own, does not): ordering a
  // city's counties by name set up the zh collator and its ICU data on every province's rollup; its problems were
  // reported above, so the table's own are dropped
  const rolled = lazily({ table, byCity: [] as RollupTable[], problems, leftOut: tally.leftOut }, 'byCity', () =>
    withRegisters.map(([city, regs]) => cityTable(city, regs, tally, []).table),
  );
  return withOrgs(rolled, () => orgSummaries(tally, registers.map((r) => r.register)));
}

/** A city 统计表's figures as one row of the provincial table: its 合计 (the column sums of its rows). */
export function cityRowOf(table: RollupTable, city = table.area): RollupRow {
  const t = columnSums(table.rows);
  return { unit: city, level: 'city', city, charity: t.charity, foundation: t.foundation, social: t.social, subtotal: t.subtotal };
}
