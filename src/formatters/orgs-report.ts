// The organisation listing as plain data (what `fupin orgs` prints), and the orgs.csv registry records made from it.
import type { AreaLevel, Lang, OrgSummary, OrgType } from '../core/model.js';
import { render } from './catalogue/index.js';
import { TYPE_LABEL } from '../core/orgs.js';
import type { RollupProblem } from './rollup-report.js';

export interface OrgsReport {
  /** The province (its name is the 地区 of 省本级 organisations). */
  province: string;
  orgs: OrgSummary[];
  /** orgs.csv problems and files that could not be read, in words. */
  problems: RollupProblem[];
  source: { files: number; registers: number };
  lang: Lang;
}

/** 层级 as orgs.csv writes it (parseLevelText reads each back). */
export const LEVEL_LABEL: Record<AreaLevel, string> = { province: '省本级', city: '市本级', county: '县市区', unknown: '' };

/** 层级 as the listing shows it (orgs-view/level-…). */
export function levelLabel(level: AreaLevel, lang: Lang): string {
  return render({ id: `orgs-view/level-${level}` }, lang);
}

/** 地区: the province for 省本级, the city for 市本级, city + county for a county (怀化市溆浦县). */
export function areaOf(o: OrgSummary, province: string): string {
  if (o.level === 'province') return province;
  if (o.level === 'city') return o.city ?? '';
  if (o.level === 'county') return o.county ? `${o.city && !o.county.startsWith(o.city) ? o.city : ''}${o.county}` : (o.city ?? '');
  return o.city ?? '';
}

/** 类型 as the listing shows it (orgs-view/type-…). */
export function typeLabel(type: OrgType, lang: Lang): string {
  return render({ id: `orgs-view/type-${type}` }, lang);
}

/** How the type was decided, in words (the default guess says so plainly: the clerk should add it to orgs.csv). */
export function typeBasis(o: OrgSummary, lang: Lang): string {
  if (o.typeSource === 'default') return render({ id: 'orgs/basis-default-short' }, lang);
  return o.typeDetail ? render(o.typeDetail, lang) : '';
}

/** 地区 in a listing grouped by level: the county alone at county level (the full name is in orgs.csv and JSON). */
export function shortAreaOf(o: OrgSummary, province: string): string {
  return o.level === 'county' && o.county ? o.county : areaOf(o, province);
}

/** Other spellings seen besides the name shown. */
export function otherSpellings(o: OrgSummary): string[] {
  return o.spellings.filter((s) => s !== o.name && s.trim() !== '');
}

/** One organisation per orgKey (its first listing: highest level, then table order) — the rows of an orgs.csv. */
export function registryRecords(orgs: readonly OrgSummary[], province: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [['单位名称', '类型', '层级', '地区']];
  for (const o of orgs) {
    if (seen.has(o.key)) continue;
    seen.add(o.key);
    out.push([o.name, TYPE_LABEL[o.type], LEVEL_LABEL[o.level], areaOf(o, province)]);
  }
  return out;
}

export interface OrgsCounts {
  /** Listings: one per organisation and area it works in. */
  listings: number;
  /** Distinct organisations (spelling variants counted once). */
  orgs: number;
  byType: Record<OrgType, number>;
  /** Distinct organisations whose type is the default guess. */
  guessed: number;
}

export function countOrgs(orgs: readonly OrgSummary[]): OrgsCounts {
  const byKey = new Map<string, OrgSummary>();
  for (const o of orgs) if (!byKey.has(o.key)) byKey.set(o.key, o);
  const byType: Record<OrgType, number> = { charity: 0, foundation: 0, social: 0 };
  let guessed = 0;
  for (const o of byKey.values()) {
    byType[o.type]++;
    if (o.typeSource === 'default') guessed++;
  }
  return { listings: orgs.length, orgs: byKey.size, byType, guessed };
}
