// Where a household lives, as rosters and focus lists compare it: county (GB/T 2260 code), township and village, each
// also as a stem with its kind word dropped (三建乡 ~ 三建镇, 大林村 ~ 大林村委会), so the usual spellings meet (pure).
import { ETHNIC, type County, type DivisionIndex } from './divisions.js';
import { addressIdentity, areaCounty, townHead } from './household.js';
import type { Area } from './model.js';
import { compact } from './normalize.js';

export interface PlaceKey {
  /** County code ('' unknown): from the text, else the fallback (the register's county). */
  county: string;
  /** Township stem (乡/镇/街道 dropped); '' when the text names none. */
  township: string;
  /** Village stem (村/社区/居委会 dropped); '' when the text names none. */
  village: string;
}

const TOWN_SUFFIX = /(?:街道办事处|办事处|街道|乡|镇|苏木)$/u;
const VILLAGE_SUFFIX = /(?:村民委员会|居民委员会|村委会|居委会|社区|村)$/u;

/** The peoples an ethnic township names after its own name (后坪苗族土家族乡): dropped with the 乡/镇 word. */
const ETHNIC_PEOPLES = new RegExp(`(?:(?:${ETHNIC})族)+$`, 'u');

/** 三建乡 → 三建, 红池坝镇 → 红池坝, 凤山街道 → 凤山, 后坪苗族土家族乡 → 后坪 (a name that is only the word stays). */
export function townshipStem(name: string): string {
  const s = compact(name);
  const t = s.replace(TOWN_SUFFIX, '');
  const u = t.replace(ETHNIC_PEOPLES, '');
  return u || t || s;
}

/** 大林村 → 大林, 龙洞居委会 → 龙洞, 大兴社区 → 大兴. */
export function villageStem(name: string): string {
  const s = compact(name).replace(/村?村(?:民委员会|委会|委)$/u, '村');
  const t = s.replace(VILLAGE_SUFFIX, '');
  return t || s;
}

/**
 * Township and village of a local place text (after the county): 白土镇大林村 → 白土 / 大林; 大林村 → '' / 大林. The
 * township word is found as household identity finds it (townHead), with a 街道办事处 taken whole.
 */
export function splitLocal(local: string): { township: string; village: string } {
  const s = compact(local);
  if (!s) return { township: '', village: '' };
  let head = townHead(s);
  if (head > 0 && s.startsWith('办事处', head)) head += 3;
  const rest = head > 0 ? s.slice(head) : '';
  if (rest && VILLAGE_SUFFIX.test(rest)) return { township: townshipStem(s.slice(0, head)), village: villageStem(rest) };
  if (TOWN_SUFFIX.test(s) && !VILLAGE_SUFFIX.test(s)) return { township: townshipStem(s), village: '' };
  if (VILLAGE_SUFFIX.test(s)) return { township: '', village: villageStem(s) };
  return { township: '', village: '' };
}

/**
 * The county a 县/区县 cell names (a roster's, a focus list's): its full name or its short name (秀山县 → 秀山 →
 * 秀山土家族苗族自治县), else the county a text starting with it names (溆浦县卢峰镇 → 溆浦县) — within the province
 * when one is given.
 */
export function countyOfCell(name: string, divisions: DivisionIndex, province?: string): County | undefined {
  const n = compact(name);
  if (!n) return undefined;
  const within = province ? divisions.province(province) : undefined;
  const tries = [n, n.replace(/(?:县|区|市)$/u, '')].filter((t, i, a) => t.length >= 2 && a.indexOf(t) === i);
  for (const t of tries) {
    const k = divisions.county(t, within);
    if (k) return k;
  }
  const code = placeOfAddress(n, divisions).county;
  const k = code ? divisions.byCode(code) : undefined;
  return k?.level === 'county' && (!within || k.city.province === within) ? k : undefined;
}

/** The county code of a register's area ('' when it is not a county or unknown). */
export function areaCountyCode(area: Area | undefined, divisions: DivisionIndex | undefined): string {
  return divisions ? areaCounty(area, divisions) : '';
}

/** The place of an address (as household identity reads it); `county`: the code to assume when the text names none. */
export function placeOfAddress(text: string, divisions: DivisionIndex | undefined, county = ''): PlaceKey {
  const a = addressIdentity(text, divisions);
  const local = splitLocal(a.village);
  return { county: a.county || county, ...local };
}

/** How two places compare: incompatible, or which levels were found equal. */
export type PlaceFit = 'none' | 'village' | 'township' | 'county' | 'unknown';

/**
 * Whether two places may be one: never when a level both name differs; otherwise the finest level both name equally
 * (village, township, county), or 'unknown' when they share no level.
 */
export function fitPlaces(a: PlaceKey, b: PlaceKey): PlaceFit {
  if (a.county && b.county && a.county !== b.county) return 'none';
  if (a.township && b.township && a.township !== b.township) return 'none';
  if (a.village && b.village && a.village !== b.village) return 'none';
  if (a.village && b.village) return 'village';
  if (a.township && b.township) return 'township';
  if (a.county && b.county) return 'county';
  return 'unknown';
}
