// Checks a ledger's actual figures against a quota table: per-area minimums, per-organisation guidance, the demonstration site.
import type { OrgSummary, OrgType, RollupRow, RollupTable } from '../model.js';
import { addressKey, compact, orgKey } from '../normalize.js';
import { joinText, quotaText, type Text } from './messages.js';
import { tableFaults, type TableFault } from './faults.js';
import {
  COLUMN_LABELS,
  LEVEL_LABELS,
  ORG_TYPE_LABELS,
  formatRange,
  guidanceFor,
  namesCity,
  resolveCity,
  rowFor,
  type QuotaLevel,
  type QuotaTable,
  type Range,
} from './table.js';

// ── input ───────────────────────────────────────────────────────────────────────────────

/** What one area (省本级, or a city with all its levels) actually did. Households are distinct per source row. */
export interface AreaActuals {
  level: 'province' | 'city';
  /** 省本级, or the city's full name. */
  area: string;
  /** Full official city name (level 'city'). */
  city?: string;
  /** Households of the charity organisations at the area's own level (省本级 / 市本级). */
  charityLocalHouseholds?: number;
  /** Households of the counties' charity organisations together. */
  charityCountyHouseholds?: number;
  /**
   * Charity households of all levels together, when 本级 and 县市区 are not known apart (a city row of the
   * provincial 统计表): the charity system is then checked against 小计.
   */
  charityHouseholds?: number;
  /** Foundations (all levels of the area) with at least one household. */
  foundationOrgs: number;
  foundationHouseholds: number;
  socialOrgs: number;
  socialHouseholds: number;
}

/** One organisation, from the registers. */
export interface OrgActual {
  name: string;
  type: OrgType;
  /** 'unknown' when the file's place did not say (its guidance is then not checked). */
  level: QuotaLevel | 'unknown';
  city?: string;
  county?: string;
  households: number;
}

/** A household whose address is outside the demonstration site. */
export interface OutsideHousehold {
  name: string;
  address: string;
  /** Where it is written, e.g. 怀化市/市本级.xlsx C12. */
  file?: string;
  cell?: string;
}

/** The households of a unit bound to the demonstration site (省本级, 怀化市本级). */
export interface DemoSiteActual {
  /** As the table names the unit: 省本级, 怀化市本级. */
  area: string;
  households: number;
  inSite: number;
  outside: OutsideHousehold[];
}

export interface QuotaActuals {
  areas: AreaActuals[];
  /** Absent when only 统计表 files were read: per-organisation checks are then skipped, with a note. */
  orgs?: OrgActual[];
  /** Absent when the registers of the site-bound units were not read: the site check is skipped, with a note. */
  demoSite?: DemoSiteActual[];
  /** Notes about how the figures were obtained (from actualsFromRollup). */
  notes?: Text[];
}

// ── report ──────────────────────────────────────────────────────────────────────────────

export type RequirementId =
  | 'charity-local'
  | 'charity-county'
  | 'charity-subtotal'
  | 'foundation-orgs'
  | 'foundation-households'
  | 'social-orgs'
  | 'social-households';

export interface Requirement {
  id: RequirementId;
  label: Text;
  /** The minimum: a number, or the low end of a range. */
  required: number;
  /** The high end of a range, when the table gives one. Above it is information only. */
  upper?: number;
  actual: number;
  /** max(0, required − actual). */
  shortfall: number;
  met: boolean;
  /** actual > upper: information only (DOMAIN §6 note 4). */
  over: boolean;
}

export interface AreaReport {
  level: 'province' | 'city';
  /** 省本级, or the city's full name. */
  area: string;
  /** The table row's label as written (张家界, 湘西州 …). */
  unit: string;
  requirements: Requirement[];
  met: boolean;
  /** One line: met, or what is short and by how much. */
  verdict: Text;
  /** Information: over the upper end of a range, how the figures were obtained. */
  notes: Text[];
}

export interface OrgFinding {
  name: string;
  type: OrgType;
  level: QuotaLevel;
  city?: string;
  county?: string;
  /** The report area it belongs to: 省本级 or its city. */
  area: string;
  households: number;
  guidance: Range;
  /** 'short': below the guidance (warning); 'over': above it (information only). */
  kind: 'short' | 'over';
  severity: 'warning' | 'info';
  /** guidance.min − households, for 'short'. */
  shortfall: number;
  message: Text;
}

export interface DemoSiteFinding {
  area: string;
  site: { city: string; county: string };
  households: number;
  inSite: number;
  outside: OutsideHousehold[];
  /** No household outside the site. */
  met: boolean;
  message: Text;
}

export interface QuotaReport {
  table: { name: string; source?: string; year?: number; province: string; origin: string };
  areas: AreaReport[];
  /** Organisations below (warning) or above (information) their guidance. */
  orgFindings: OrgFinding[];
  /** 'skipped' when no organisation list was given or the table has no guidance. */
  orgChecks: 'done' | 'skipped';
  demoSite: DemoSiteFinding[];
  demoChecks: 'done' | 'skipped' | 'none';
  tableFaults: TableFault[];
  /** Input areas the table has no row for (not checked). */
  notInTable: string[];
  /** Table rows the input does not cover. */
  notInInput: string[];
  notes: Text[];
  /**
   * Every area meets every table minimum (the 任务下限). Per-organisation guidance and the demonstration site are
   * 指导建议: their findings are warnings and do not change `met`.
   */
  met: boolean;
}

// ── rollup → actuals ────────────────────────────────────────────────────────────────────

function cityName(name: string, known: readonly string[]): string {
  return resolveCity(name, known) ?? name;
}

function sum(rows: readonly RollupRow[], pick: (r: RollupRow) => number): number {
  return rows.reduce((acc, r) => acc + pick(r), 0);
}

/**
 * Actual figures from 附3 统计表 tables (DOMAIN §10 rollup JSON):
 * - a city table (level 'city'): its 市本级 row (level 'city') → 本级, the sum of its county rows → 县市区; foundations
 *   and social organisations: units and households summed over all rows (an organisation or household present in
 *   two rows counts twice — noted);
 * - a provincial table (level 'province'): its 省本级 row → the province area; each city row → that city with only
 *   its charity total known (checked against 小计), unless a city table for the same city is also given (it wins).
 * With `orgs` (from the registers), an area's foundation and social-organisation counts are the distinct names of
 * that type among its organisations (better than summed units), and the per-organisation checks can run.
 */
export function actualsFromRollup(
  tables: RollupTable | readonly RollupTable[],
  options: { orgs?: readonly OrgSummary[]; knownCities: readonly string[] },
): QuotaActuals {
  const list = Array.isArray(tables) ? (tables as readonly RollupTable[]) : [tables as RollupTable];
  const known = options.knownCities;
  const areas = new Map<string, AreaActuals & { fromCityTable: boolean }>();
  const notes: Text[] = [];

  for (const t of list.filter((t) => t.level === 'city')) {
    const city = cityName(t.area, known);
    const own = t.rows.filter((r) => r.level === 'city');
    const counties = t.rows.filter((r) => r.level === 'county');
    for (const r of t.rows) {
      if (r.level !== 'city' && r.level !== 'county') notes.push(quotaText('rollup-row-unknown', { area: city, unit: r.unit }));
    }
    const counted = [...own, ...counties];
    areas.set(`city|${city}`, {
      level: 'city',
      area: city,
      city,
      charityLocalHouseholds: sum(own, (r) => r.charity.households),
      charityCountyHouseholds: sum(counties, (r) => r.charity.households),
      foundationOrgs: sum(counted, (r) => r.foundation.units),
      foundationHouseholds: sum(counted, (r) => r.foundation.households),
      socialOrgs: sum(counted, (r) => r.social.units),
      socialHouseholds: sum(counted, (r) => r.social.households),
      fromCityTable: true,
    });
    if (counted.length > 1) {
      if (!options.orgs) notes.push(quotaText('rollup-units-summed', { area: city }));
      notes.push(quotaText('rollup-households-summed', { area: city }));
    }
  }

  for (const t of list.filter((t) => t.level === 'province')) {
    for (const r of t.rows) {
      if (r.level === 'province') {
        areas.set('province', {
          level: 'province',
          area: '省本级',
          charityLocalHouseholds: r.charity.households,
          foundationOrgs: r.foundation.units,
          foundationHouseholds: r.foundation.households,
          socialOrgs: r.social.units,
          socialHouseholds: r.social.households,
          fromCityTable: false,
        });
      } else if (r.level === 'city') {
        const city = cityName(r.city ?? r.unit, known);
        if (areas.get(`city|${city}`)?.fromCityTable) continue;
        areas.set(`city|${city}`, {
          level: 'city',
          area: city,
          city,
          charityHouseholds: r.charity.households,
          foundationOrgs: r.foundation.units,
          foundationHouseholds: r.foundation.households,
          socialOrgs: r.social.units,
          socialHouseholds: r.social.households,
          fromCityTable: false,
        });
      } else {
        notes.push(quotaText('rollup-row-unknown', { area: t.area, unit: r.unit }));
      }
    }
  }

  const orgs = options.orgs?.map(
    (o): OrgActual => ({
      name: o.name,
      type: o.type,
      level: o.level,
      ...(o.city !== undefined ? { city: cityName(o.city, known) } : {}),
      ...(o.county !== undefined ? { county: o.county } : {}),
      households: o.households,
    }),
  );
  if (orgs) {
    for (const a of areas.values()) {
      const mine = orgs.filter((o) => o.households > 0 && orgArea(o, known) === a.area);
      if (mine.length === 0) continue;
      const distinct = (type: OrgType): number => new Set(mine.filter((o) => o.type === type).map((o) => orgKey(o.name))).size;
      a.foundationOrgs = distinct('foundation');
      a.socialOrgs = distinct('social');
    }
  }

  return {
    areas: [...areas.values()].map(({ fromCityTable: _, ...a }) => a),
    ...(orgs ? { orgs } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** The report area an organisation belongs to: 省本级, or its city's full name. */
function orgArea(o: OrgActual, known: readonly string[]): string | undefined {
  if (o.level === 'province') return '省本级';
  return o.city ? cityName(o.city, known) : undefined;
}

// ── the demonstration site from addresses ───────────────────────────────────────────────

/**
 * Whether an address lies in the site's county, by name: it names the county (溆浦县, or 溆浦 without its suffix)
 * and names no other city (in full) than the site's. A caller with the division list may use a finer test.
 */
export function addressInCounty(address: string, site: { city: string; county: string }, known: readonly string[]): boolean {
  const a = addressKey(address);
  const county = compact(site.county);
  const stem = county.replace(/(?:自治县|县|区|市)$/u, '');
  if (!a.includes(county) && !(stem.length >= 2 && a.includes(stem))) return false;
  return !known.some((c) => !namesCity(site.city, c) && a.includes(compact(c)));
}

/** DemoSiteActual for one unit from its households (name, address, where written), using addressInCounty. */
export function demoSiteActual(
  area: string,
  households: readonly OutsideHousehold[],
  site: { city: string; county: string },
  inSite: (address: string) => boolean,
): DemoSiteActual {
  const outside = households.filter((h) => !inSite(h.address));
  return { area, households: households.length, inSite: households.length - outside.length, outside };
}

// ── the check ───────────────────────────────────────────────────────────────────────────

function requirement(id: RequirementId, label: Text, range: Range, actual: number): Requirement {
  const shortfall = Math.max(0, range.min - actual);
  const over = range.max !== undefined && actual > range.max;
  return {
    id,
    label,
    required: range.min,
    ...(range.max !== undefined ? { upper: range.max } : {}),
    actual,
    shortfall,
    met: shortfall === 0,
    over,
  };
}

const atLeast = (n: number): Range => ({ min: n });

/** The requirements of one table row for one area's figures, with notes on what could not be checked. */
function requirementsFor(table: QuotaTable, a: AreaActuals): { unit: string; requirements: Requirement[]; notes: Text[] } | undefined {
  const row = rowFor(table, { level: a.level, ...(a.city !== undefined ? { city: a.city } : {}), name: a.area });
  if (!row) return undefined;
  const reqs: Requirement[] = [];
  const notes: Text[] = [];
  const hasLocal = row.charityLocal !== undefined;
  const hasCounty = row.charityCounty !== undefined;
  const local = a.charityLocalHouseholds ?? (!hasCounty ? a.charityHouseholds : undefined);
  const splitKnown = local !== undefined && (!hasCounty || a.charityCountyHouseholds !== undefined);
  if (splitKnown) {
    if (hasLocal) reqs.push(requirement('charity-local', COLUMN_LABELS.charityLocal, atLeast(row.charityLocal!), local!));
    if (hasCounty) reqs.push(requirement('charity-county', COLUMN_LABELS.charityCounty, atLeast(row.charityCounty!), a.charityCountyHouseholds!));
  } else if (hasLocal || hasCounty) {
    const total = a.charityHouseholds ?? (a.charityLocalHouseholds ?? 0) + (a.charityCountyHouseholds ?? 0);
    const known = a.charityHouseholds !== undefined || a.charityLocalHouseholds !== undefined || a.charityCountyHouseholds !== undefined;
    if (known) {
      const required = row.charitySubtotal ?? (row.charityLocal ?? 0) + (row.charityCounty ?? 0);
      reqs.push(requirement('charity-subtotal', COLUMN_LABELS.charitySubtotal, atLeast(required), total));
      notes.push(quotaText('charity-split-unknown', { area: a.area }));
    } else {
      notes.push(quotaText('no-charity-figures', { area: a.area }));
    }
  }
  reqs.push(requirement('foundation-orgs', COLUMN_LABELS.foundationOrgs, atLeast(row.foundationOrgs), a.foundationOrgs));
  reqs.push(requirement('foundation-households', COLUMN_LABELS.foundationHouseholds, row.foundationHouseholds, a.foundationHouseholds));
  reqs.push(requirement('social-orgs', COLUMN_LABELS.socialOrgs, atLeast(row.socialOrgs), a.socialOrgs));
  reqs.push(requirement('social-households', COLUMN_LABELS.socialHouseholds, row.socialHouseholds, a.socialHouseholds));
  return { unit: row.unit, requirements: reqs, notes };
}

function verdictOf(area: string, reqs: readonly Requirement[]): Text {
  const short = reqs.filter((r) => !r.met);
  if (short.length === 0) return quotaText('req-met', { area, count: reqs.length });
  const details = joinText(short.map((r) => quotaText('req-short-detail', { label: r.label, shortfall: r.shortfall })));
  return quotaText('req-short', { area, count: short.length, details });
}

/**
 * Checks actual figures against a quota table. Requirements come from the table's rows (never its 合计 row, whose
 * faults are reported in `tableFaults`). Falling short of a minimum is the finding; above the upper end of a range is
 * information only. Areas the table has no row for are listed in `notInTable`.
 */
export function checkQuota(table: QuotaTable, actuals: QuotaActuals, knownCities: readonly string[]): QuotaReport {
  const known = knownCities.concat(table.rows.flatMap((r) => (r.city ? [r.city] : [])));
  const areas: AreaReport[] = [];
  const notInTable: string[] = [];
  const covered = new Set<string>();
  for (const a of actuals.areas) {
    const found = requirementsFor(table, a);
    if (!found) {
      notInTable.push(a.area);
      continue;
    }
    covered.add(found.unit);
    const notes = [...found.notes];
    for (const r of found.requirements) {
      if (r.over) notes.push(quotaText('req-over-info', { label: r.label, actual: r.actual, upper: r.upper }));
    }
    areas.push({
      level: a.level,
      area: a.area,
      unit: found.unit,
      requirements: found.requirements,
      met: found.requirements.every((r) => r.met),
      verdict: verdictOf(a.area, found.requirements),
      notes,
    });
  }
  const notInInput = table.rows.filter((r) => !covered.has(r.unit)).map((r) => r.unit);

  const notes: Text[] = [...(actuals.notes ?? []), ...(table.readingNotes ?? [])];
  for (const area of notInTable) notes.push(quotaText('not-in-table', { area }));

  // per organisation
  const orgFindings: OrgFinding[] = [];
  let orgChecks: QuotaReport['orgChecks'] = 'done';
  if (!actuals.orgs) {
    orgChecks = 'skipped';
    notes.push(quotaText('orgs-skipped'));
  } else if (table.perOrg.length === 0) {
    orgChecks = 'skipped';
    notes.push(quotaText('orgs-no-guidance'));
  } else {
    let unknownLevel = 0;
    for (const o of actuals.orgs) {
      if (o.level === 'unknown') {
        unknownLevel++;
        continue;
      }
      const g = guidanceFor(table, o.level, o.type);
      if (!g) continue;
      const short = o.households < g.households.min;
      const over = g.households.max !== undefined && o.households > g.households.max;
      if (!short && !over) continue;
      const data = {
        name: o.name,
        level: LEVEL_LABELS[o.level],
        type: ORG_TYPE_LABELS[o.type],
        households: o.households,
        guidance: formatRange(g.households),
        shortfall: g.households.min - o.households,
      };
      orgFindings.push({
        name: o.name,
        type: o.type,
        level: o.level,
        ...(o.city !== undefined ? { city: o.city } : {}),
        ...(o.county !== undefined ? { county: o.county } : {}),
        area: orgArea(o, known) ?? '',
        households: o.households,
        guidance: g.households,
        kind: short ? 'short' : 'over',
        severity: short ? 'warning' : 'info',
        shortfall: short ? g.households.min - o.households : 0,
        message: quotaText(short ? 'org-short' : 'org-over', data),
      });
    }
    if (unknownLevel) notes.push(quotaText('org-level-unknown', { count: unknownLevel }));
  }

  // the demonstration site
  const demoSite: DemoSiteFinding[] = [];
  let demoChecks: QuotaReport['demoChecks'] = 'none';
  const site = table.demoSite;
  if (site) {
    const siteText = `${site.city}${site.county}`;
    if (!actuals.demoSite) {
      demoChecks = 'skipped';
      notes.push(quotaText('demo-skipped', { units: site.units.map((u) => u.unit), site: siteText }));
    } else {
      demoChecks = 'done';
      for (const d of actuals.demoSite) {
        const met = d.outside.length === 0;
        const list = d.outside.map((h) => quotaText('outside-household', { name: h.name, address: h.address, cell: h.cell ? quotaText('outside-cell', { cell: h.cell }) : '' }));
        demoSite.push({
          area: d.area,
          site: { city: site.city, county: site.county },
          households: d.households,
          inSite: d.inSite,
          outside: d.outside,
          met,
          message: met
            ? quotaText('demo-ok', { area: d.area, households: d.households, site: siteText })
            : quotaText('demo-outside', { area: d.area, count: d.outside.length, site: siteText, list }),
        });
      }
    }
  }

  return {
    table: { name: table.name, ...(table.source !== undefined ? { source: table.source } : {}), ...(table.year !== undefined ? { year: table.year } : {}), province: table.province, origin: table.origin },
    areas,
    orgFindings,
    orgChecks,
    demoSite,
    demoChecks,
    tableFaults: tableFaults(table),
    notInTable,
    notInInput,
    notes,
    met: areas.every((a) => a.met),
  };
}
