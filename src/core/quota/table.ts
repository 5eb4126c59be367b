// The 附4 quota table as data: its types, household ranges, city names; the built-in tables themselves are data (src/data/quota-tables.json).
import { compact } from '../normalize.js';
import type { OrgType } from '../model.js';
import type { Text } from './messages.js';

/**
 * A range of households as the table writes it: "9-12" → {min: 9, max: 12}; one number n → {min: n, max: n}.
 * `max` absent means no upper end ("1以上", "≥1", "至少1户"): only custom tables and the guidance use that.
 */
export interface Range {
  min: number;
  max?: number;
}

/** The level a row of 附4 (or an organisation) is at. */
export type QuotaLevel = 'province' | 'city' | 'county';

/** One row of 附4. Figures are as written; a blank cell is `undefined` (省本级 has no 县市区). */
export interface QuotaRow {
  /** The row label as written: 省本级, 长沙市 … 张家界, 湘西州. */
  unit: string;
  level: 'province' | 'city';
  /** Full official city name (张家界 → 张家界市, 湘西州 → 湘西土家族苗族自治州); absent for 省本级. */
  city?: string;
  /** 慈善系统 本级: households of the charity organisations at the row's own level. */
  charityLocal?: number;
  /** 慈善系统 县市区: households of the counties' charity organisations together. */
  charityCounty?: number;
  /** 慈善系统 小计 as written (should be 本级 + 县市区). */
  charitySubtotal?: number;
  /** 基金会 选定: how many foundations (all levels) take part. A blank cell in a custom table reads as 0. */
  foundationOrgs: number;
  /** 基金会 扶贫户数: households of those foundations; the low end is the minimum. */
  foundationHouseholds: Range;
  /** 社会服务机构 选定. */
  socialOrgs: number;
  /** 社会服务机构 扶贫户数. */
  socialHouseholds: Range;
}

/** The 合计 row as the table states it (may be wrong: tableFaults says so). Absent columns were blank or missing. */
export interface QuotaTotals {
  charityLocal?: number;
  charityCounty?: number;
  charitySubtotal?: number;
  foundationOrgs?: number;
  foundationHouseholds?: Range;
  socialOrgs?: number;
  socialHouseholds?: Range;
}

/** Households one organisation of a level and type should help (附4 note 2; the notice body for 省级). */
export interface OrgGuidance {
  level: QuotaLevel;
  type: OrgType;
  households: Range;
  /** Where the rule comes from, as the source words it. */
  source: string;
}

/** A demonstration site: the listed units choose their households in this county (附4 note 1). */
export interface DemoSite {
  city: string;
  county: string;
  /** Units bound to the site, as 附4 names them: 省本级, 怀化市本级. */
  units: DemoUnit[];
  source: string;
}

export interface DemoUnit {
  /** 省本级 or <city>本级. */
  unit: string;
  level: 'province' | 'city';
  city?: string;
}

export interface QuotaTable {
  name: string;
  /** The document it comes from, when known (湘慈办发〔2016〕6号 附4). */
  source?: string;
  year?: number;
  province: string;
  rows: QuotaRow[];
  /** The 合计 row as written; absent when the table has none. */
  total?: QuotaTotals;
  /** Per-organisation guidance; empty when the table gives none (per-organisation checks are then skipped). */
  perOrg: OrgGuidance[];
  demoSite?: DemoSite;
  /** The 备注 lines as written. */
  notes: string[];
  /** What fupin could not check while reading a custom table (e.g. no city list for the province). */
  readingNotes?: Text[];
  /** Where the table came from: 'built-in', or the file (and sheet). */
  origin: string;
}

/** The seven figure columns of 附4, by stable key. */
export type QuotaColumn = keyof QuotaTotals;

export const QUOTA_COLUMNS: readonly QuotaColumn[] = [
  'charityLocal',
  'charityCounty',
  'charitySubtotal',
  'foundationOrgs',
  'foundationHouseholds',
  'socialOrgs',
  'socialHouseholds',
];

/** Columns holding a range of households (the others hold one whole number). */
export const RANGE_COLUMNS: ReadonlySet<QuotaColumn> = new Set(['foundationHouseholds', 'socialHouseholds']);

export const COLUMN_LABELS: Record<QuotaColumn, Text> = {
  charityLocal: { id: 'quota/col-charityLocal' },
  charityCounty: { id: 'quota/col-charityCounty' },
  charitySubtotal: { id: 'quota/col-charitySubtotal' },
  foundationOrgs: { id: 'quota/col-foundationOrgs' },
  foundationHouseholds: { id: 'quota/col-foundationHouseholds' },
  socialOrgs: { id: 'quota/col-socialOrgs' },
  socialHouseholds: { id: 'quota/col-socialHouseholds' },
};

export const ORG_TYPE_LABELS: Record<OrgType, Text> = {
  charity: { id: 'quota/org-type-charity' },
  foundation: { id: 'quota/org-type-foundation' },
  social: { id: 'quota/org-type-social' },
};

export const LEVEL_LABELS: Record<QuotaLevel, Text> = {
  province: { id: 'quota/level-province' },
  city: { id: 'quota/level-city' },
  county: { id: 'quota/level-county' },
};

// ── ranges ──────────────────────────────────────────────────────────────────────────────

/** "9-12", "15" (min = max), "1以上" (no upper end). */
export function formatRange(r: Range): string {
  if (r.max === undefined) return `${r.min}以上`;
  return r.min === r.max ? String(r.min) : `${r.min}-${r.max}`;
}

export function addRanges(a: Range, b: Range): Range {
  return { min: a.min + b.min, max: a.max === undefined || b.max === undefined ? undefined : a.max + b.max };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.min === b.min && a.max === b.max;
}


// ── city names ──────────────────────────────────────────────────────────────────────────

/**
 * Whether `written` names the city `full`: the same text, or a short form — the name without 市/盟/地区
 * (张家界 → 张家界市), or "<prefix>州" / "<prefix>" for an autonomous prefecture (湘西州 → 湘西土家族苗族自治州).
 */
export function namesCity(written: string, full: string): boolean {
  const w = compact(written);
  const f = compact(full);
  if (!w || !f) return false;
  if (w === f) return true;
  for (const suffix of ['市', '盟', '地区']) {
    if (f.endsWith(suffix) && f.slice(0, -suffix.length) === w) return true;
  }
  if (f.endsWith('自治州')) {
    const stem = w.replace(/(?:自治)?州$/u, '');
    if (stem.length >= 2 && f.startsWith(stem)) return true;
  }
  return false;
}

/** The full name of the city `written` names among `known` (the profile's cities), or undefined. */
export function resolveCity(written: string, known: readonly string[]): string | undefined {
  const hits = known.filter((full) => namesCity(written, full));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Whether a row label means the province's own level. */
export function isProvinceUnit(written: string): boolean {
  return /^(?:省本级|省级|省直)$/u.test(compact(written));
}

// ── guidance ────────────────────────────────────────────────────────────────────────────

/** The guidance for one organisation of `level` and `type`, when the table gives one. */
export function guidanceFor(table: QuotaTable, level: QuotaLevel, type: OrgType): OrgGuidance | undefined {
  return table.perOrg.find((g) => g.level === level && g.type === type);
}

/** The table row for an area: 省本级, or a city by any of its names. */
export function rowFor(table: QuotaTable, area: { level: 'province' | 'city'; city?: string; name?: string }): QuotaRow | undefined {
  if (area.level === 'province') return table.rows.find((row) => row.level === 'province');
  const name = area.city ?? area.name ?? '';
  return table.rows.find(
    (row) => row.level === 'city' && (namesCity(name, row.city ?? row.unit) || namesCity(row.unit, name) || compact(row.unit) === compact(name)),
  );
}
