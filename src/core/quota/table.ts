// The 附4 quota table as data: its types, household ranges, city names, and the built-in 2016 Hunan table (DOMAIN §6).
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
  charityLocal: { zh: '慈善系统 本级', en: 'charity system, own level (本级)' },
  charityCounty: { zh: '慈善系统 县市区', en: 'charity system, counties (县市区)' },
  charitySubtotal: { zh: '慈善系统 小计', en: 'charity system, subtotal (小计)' },
  foundationOrgs: { zh: '基金会 选定', en: 'foundations taking part (选定)' },
  foundationHouseholds: { zh: '基金会 扶贫户数', en: 'foundation households (扶贫户数)' },
  socialOrgs: { zh: '社会服务机构 选定', en: 'social service organisations taking part (选定)' },
  socialHouseholds: { zh: '社会服务机构 扶贫户数', en: 'social service organisation households (扶贫户数)' },
};

export const ORG_TYPE_LABELS: Record<OrgType, Text> = {
  charity: { zh: '慈善会', en: 'charity federation' },
  foundation: { zh: '基金会', en: 'foundation' },
  social: { zh: '社会服务机构', en: 'social service organisation' },
};

export const LEVEL_LABELS: Record<QuotaLevel, Text> = {
  province: { zh: '省级', en: 'provincial' },
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
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

/** A range-valued constant, for the built-in table. */
function r(min: number, max: number): Range {
  return { min, max };
}

// ── city names ──────────────────────────────────────────────────────────────────────────

/** The 14 市州 of Hunan in the order 附4 uses, with the short forms the table writes. */
export const HUNAN_CITIES: readonly { name: string; short: string[] }[] = [
  { name: '长沙市', short: ['长沙'] },
  { name: '株洲市', short: ['株洲'] },
  { name: '衡阳市', short: ['衡阳'] },
  { name: '岳阳市', short: ['岳阳'] },
  { name: '常德市', short: ['常德'] },
  { name: '郴州市', short: ['郴州'] },
  { name: '湘潭市', short: ['湘潭'] },
  { name: '怀化市', short: ['怀化'] },
  { name: '邵阳市', short: ['邵阳'] },
  { name: '娄底市', short: ['娄底'] },
  { name: '永州市', short: ['永州'] },
  { name: '益阳市', short: ['益阳'] },
  { name: '张家界市', short: ['张家界'] },
  { name: '湘西土家族苗族自治州', short: ['湘西州', '湘西', '湘西自治州'] },
];

export const HUNAN_CITY_NAMES: readonly string[] = HUNAN_CITIES.map((c) => c.name);

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

/** The full name of the city `written` names among `known` (default: Hunan), or undefined. */
export function resolveCity(written: string, known: readonly string[] = HUNAN_CITY_NAMES): string | undefined {
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

// ── the built-in table ──────────────────────────────────────────────────────────────────

const NOTE_1 = '1、省慈善总会扶贫点是怀化市溆浦县，省本级与怀化市本级共同确定在溆浦县选择扶贫对象。';
const NOTE_2 =
  '2、分配指导建议：市级慈善会3-10户、市级基金会3-5户、市级社会服务机构1-2户；县市区慈善会5-8户、县级基金会2-4户、县级社会服务机构至少1户。';
const BODY_PROVINCE = '按省级慈善组织5-15户、市级慈善组织3-10户、县慈善组织5-8户指导结对分配（见附表）。';

function cityRow(
  unit: string,
  city: string,
  local: number,
  county: number,
  subtotal: number,
  fOrgs: number,
  fHouse: Range,
  sOrgs: number,
  sHouse: Range,
): QuotaRow {
  return {
    unit,
    level: 'city',
    city,
    charityLocal: local,
    charityCounty: county,
    charitySubtotal: subtotal,
    foundationOrgs: fOrgs,
    foundationHouseholds: fHouse,
    socialOrgs: sOrgs,
    socialHouseholds: sHouse,
  };
}

/**
 * 湘慈办发[2016]6号 附4 全省慈善组织帮扶任务分配指导建议表, exactly as the source writes it — including its 合计 row,
 * which does not add up (tableFaults reports it). The source writes 省本级 小计 as "30 " (a stray space): it reads as 30.
 *
 * Per-organisation guidance: note 2 gives the city and county levels by type. The province level comes from the
 * notice's body, "按省级慈善组织5-15户、市级慈善组织3-10户、县慈善组织5-8户": its 市级 and 县 figures are note 2's 慈善会
 * figures (3-10, 5-8), so 慈善组织 there means the charity system, and 5-15 applies to provincial charity
 * organisations only. Applying it to provincial foundations and social organisations would contradict 附4's own 省本级
 * row: 5 foundations sharing 15-20 households, 5 social organisations sharing 5-10, cannot each help 5 or more.
 * Provincial foundations and social organisations therefore have no per-organisation guidance.
 */
export const HUNAN_2016: QuotaTable = {
  name: '全省慈善组织帮扶任务分配指导建议表',
  year: 2016,
  province: '湖南省',
  origin: 'built-in',
  rows: [
    {
      unit: '省本级',
      level: 'province',
      charityLocal: 30,
      charitySubtotal: 30,
      foundationOrgs: 5,
      foundationHouseholds: r(15, 20),
      socialOrgs: 5,
      socialHouseholds: r(5, 10),
    },
    cityRow('长沙市', '长沙市', 15, 85, 100, 5, r(10, 15), 5, r(5, 10)),
    cityRow('株洲市', '株洲市', 15, 65, 80, 3, r(9, 12), 5, r(5, 10)),
    cityRow('衡阳市', '衡阳市', 10, 70, 80, 3, r(9, 12), 3, r(3, 8)),
    cityRow('岳阳市', '岳阳市', 10, 70, 80, 3, r(9, 12), 3, r(3, 8)),
    cityRow('常德市', '常德市', 10, 70, 80, 3, r(9, 12), 3, r(3, 8)),
    cityRow('郴州市', '郴州市', 10, 70, 80, 3, r(9, 12), 3, r(3, 8)),
    cityRow('湘潭市', '湘潭市', 10, 60, 70, 3, r(9, 12), 2, r(2, 5)),
    cityRow('怀化市', '怀化市', 10, 60, 70, 3, r(9, 12), 2, r(2, 5)),
    cityRow('邵阳市', '邵阳市', 8, 52, 60, 2, r(9, 12), 2, r(2, 5)),
    cityRow('娄底市', '娄底市', 8, 52, 60, 2, r(5, 10), 2, r(2, 5)),
    cityRow('永州市', '永州市', 8, 52, 60, 2, r(5, 10), 2, r(2, 5)),
    cityRow('益阳市', '益阳市', 6, 44, 50, 2, r(5, 10), 2, r(2, 5)),
    cityRow('张家界', '张家界市', 6, 44, 50, 2, r(5, 10), 2, r(2, 5)),
    cityRow('湘西州', '湘西土家族苗族自治州', 6, 44, 50, 2, r(5, 10), 2, r(2, 5)),
  ],
  total: {
    charityLocal: 162,
    charityCounty: 838,
    charitySubtotal: 1000,
    foundationOrgs: 43,
    foundationHouseholds: r(30, 100),
    socialOrgs: 41,
    socialHouseholds: r(20, 50),
  },
  perOrg: [
    { level: 'province', type: 'charity', households: r(5, 15), source: BODY_PROVINCE },
    { level: 'city', type: 'charity', households: r(3, 10), source: NOTE_2 },
    { level: 'city', type: 'foundation', households: r(3, 5), source: NOTE_2 },
    { level: 'city', type: 'social', households: r(1, 2), source: NOTE_2 },
    { level: 'county', type: 'charity', households: r(5, 8), source: NOTE_2 },
    { level: 'county', type: 'foundation', households: r(2, 4), source: NOTE_2 },
    { level: 'county', type: 'social', households: { min: 1 }, source: NOTE_2 },
  ],
  demoSite: {
    city: '怀化市',
    county: '溆浦县',
    units: [
      { unit: '省本级', level: 'province' },
      { unit: '怀化市本级', level: 'city', city: '怀化市' },
    ],
    source: NOTE_1,
  },
  notes: [NOTE_1, NOTE_2],
};
