// Where a register belongs (省本级, 怀化市本级, 怀化市溆浦县): read from the --area flag, the file's place in the ledger, or the sheet's title lines.
//
// Priority: the flag, then the path (the file name before its folders), then the sheet's name (a workbook with one
// register per county on sheets named after them), then the sheet's lines (填报单位 lines before titles). The first source that gives a level decides the level and the place; the others only
// fill in what it leaves open (市本级 takes its city from the folder). When sources disagree — a
// 溆浦县.xlsx in a folder named 长沙市 — the more specific explicit name wins (溆浦县 → 怀化市溆浦县),
// never silently: the disagreement is written into `evidence` and listed in `conflicts`.
import type { Area, AreaConflict, AreaGuess, AreaLevel } from './model.js';
import type { City, County, DivisionIndex, Province } from './divisions.js';
import { compact, normText } from './normalize.js';

export interface AreaInput {
  /** The --area flag: 怀化市溆浦县, 溆浦县, 怀化市本级, 市本级 (city from the path), 省本级. */
  flag?: string;
  /** The file's path, split into segments (relative to what the user gave, or absolute). */
  pathSegments?: string[];
  /** The name of the sheet the register is on (a workbook of per-county sheets names each sheet after its county). */
  sheetName?: string;
  /** Title and 填报单位 lines above the register's header, as written. */
  sheetLines?: string[];
  /** The province when nothing names one: the profile's. */
  province: string;
}

export type AreaResolution = AreaGuess & { conflicts: AreaConflict[] };

type Source = 'flag' | 'path' | 'sheet-name' | 'sheet';

/** What one piece of text says about the area. */
interface Reading {
  source: Source;
  text: string;
  /** Set when the text decides the level: 省本级, 市本级, or a county. */
  level?: Exclude<AreaLevel, 'unknown'>;
  province?: Province;
  city?: City;
  county?: County;
  /** A township of a city laid out by township (东莞市虎门镇). */
  town?: string;
  /** A city or province the same text names that the county (or city) does not belong to. */
  contradicts?: string;
}

const EXTENSION = /\.[A-Za-z0-9]{1,5}$/u;
const REPORTER_LINE = /^填报单位/u;

export function resolveArea(input: AreaInput, idx: DivisionIndex): AreaResolution {
  const defaultProvince = idx.province(input.province);
  // the path: folders from the nearest up to the first one naming a city or province, then the file name
  const segments = (input.pathSegments ?? []).filter((s) => compact(s) !== '');
  const folders: Reading[] = [];
  for (let i = segments.length - 2; i >= 0; i--) {
    const r = read('path', segments[i], segments[i], idx, defaultProvince);
    folders.push(r);
    if (r.city || r.province) break;
  }
  let hint = folders.find((r) => r.city)?.city;
  const file = segments.length > 0 ? [read('path', segments[segments.length - 1].replace(EXTENSION, ''), segments[segments.length - 1], idx, defaultProvince, hint)] : [];
  const path = [...file, ...folders];
  hint ??= file[0]?.city;

  const flag = input.flag !== undefined && compact(input.flag) !== '' ? read('flag', input.flag, input.flag, idx, defaultProvince, hint) : undefined;
  hint = flag?.city ?? hint;

  // a sheet's name counts when it names a place (溆浦县, 市本级): Sheet1, 登记表 and the like say nothing
  const sheetName = input.sheetName !== undefined && compact(input.sheetName) !== '' ? read('sheet-name', input.sheetName, input.sheetName, idx, defaultProvince, hint) : undefined;
  const named = sheetName && (sheetName.level !== undefined || sheetName.city || sheetName.province) ? [sheetName] : [];
  hint = named[0]?.city ?? hint;

  const lines = (input.sheetLines ?? []).map((l) => normText(l)).filter((l) => l !== '');
  const isReporter = (l: string): boolean => REPORTER_LINE.test(compact(l));
  const sheet = [...lines.filter(isReporter), ...lines.filter((l) => !isReporter(l))].map((l) =>
    read('sheet', l, l, idx, defaultProvince, hint, isReporter(l)),
  );

  // a county named inside the sheet (填报单位：溆浦县慈善会) is what the clerk wrote: it comes before the sheet's name, which is
  // often left from a template; a sheet name naming a county comes before sheet lines naming only a city
  const sheetNamesCounty = sheet.some((r) => r.level === 'county');
  const all = [...(flag ? [flag] : []), ...path, ...(sheetNamesCounty ? [...sheet, ...named] : [...named, ...sheet])];
  const decided = all.find((r) => r.level !== undefined);
  const conflicts: AreaConflict[] = [];

  if (!decided) {
    // no level anywhere: keep the city or province something names, as context
    const named = all.find((r) => r.city) ?? all.find((r) => r.province);
    const guess: AreaResolution = { level: 'unknown', source: named ? named.source : 'none', conflicts };
    if (named) {
      guess.evidence = named.text;
      const province = named.province ?? named.city?.province;
      if (province) guess.province = province.name;
      if (named.city) {
        guess.city = named.city.name;
        guess.code = named.city.code;
      } else if (province) guess.code = province.code;
    }
    return guess;
  }

  let { province, city } = decided;
  const county = decided.county;
  const level = decided.level!;
  // what the deciding source leaves open, from the others in priority order
  const others = all.filter((r) => r !== decided);
  if (level === 'city' && !city) {
    const from = others.find((r) => r.city && (!province || r.city.province === province));
    city = from?.city;
  }
  if (!province) province = county?.city.province ?? city?.province ?? others.find((r) => r.province)?.province ?? defaultProvince;

  if (decided.contradicts) conflicts.push({ source: decided.source, text: decided.text, names: decided.contradicts });
  for (const r of others) {
    const names = disagreement(r, level, province, city, county, idx);
    if (names) conflicts.push({ source: r.source, text: r.text, names });
  }

  if (level === 'city' && !city) {
    return {
      level: 'unknown',
      province: province?.name,
      code: province?.code,
      source: decided.source,
      evidence: decided.text,
      cityUnknown: true,
      conflicts,
    };
  }

  const place = county ?? (level === 'city' ? city : undefined) ?? province;
  const guess: AreaResolution = { level, source: decided.source, evidence: decided.text, conflicts };
  if (province) guess.province = province.name;
  if (level !== 'province' && city) guess.city = city.name;
  if (county) guess.county = county.name;
  if (decided.town) guess.town = decided.town;
  if (place) guess.code = place.code;
  return guess;
}

/** 怀化市溆浦县, 怀化市本级, 湖南省本级; undefined when the level is unknown. */
export function areaLabel(a: Area): string | undefined {
  switch (a.level) {
    case 'county':
      if (!a.county) return undefined;
      if (a.town) return `${a.city ?? a.county}${a.town}`;
      return a.city && !a.county.startsWith(a.city) ? `${a.city}${a.county}` : a.county;
    case 'city':
      return a.city ? `${a.city}本级` : undefined;
    case 'province':
      return a.province ? `${a.province}本级` : '省本级';
    default:
      return undefined;
  }
}

/**
 * `read`'s answers by index, kept for the next register: the registers of a folder repeat the same folder names, title
 * lines (县市区慈善组织精准扶贫结对帮扶登记表) and sheet names (Sheet1), and a title line costs the division matcher most
 * (the province's 137 registers: 689 readings, 323 different; 2,000 registers: 10,000 readings, 2,272 different). Exact:
 * `read` is a function of its arguments and the (unchanging) index, and a Reading is never changed once made — each answer
 * is kept with the very province and city objects it was read with and used only for those.
 */
const readings = new WeakMap<DivisionIndex, Map<string, { reading: Reading; defaultProvince: Province | undefined; hint: City | undefined }>>();
/** Kept readings per index at most (a folder of thousands of differently named files): then they start again. */
const READINGS_KEPT = 4096;

/** Forgets the readings kept for an index (tests compare kept answers with fresh ones). */
export function forgetReadings(idx: DivisionIndex): void {
  readings.delete(idx);
}

/** What one text says (`read`), from the readings kept when it was read before with the same arguments. */
function read(source: Source, text: string, shown: string, idx: DivisionIndex, defaultProvince: Province | undefined, hint?: City, reporter = false): Reading {
  let kept = readings.get(idx);
  if (!kept) readings.set(idx, (kept = new Map()));
  const key = `${source}\u0000${reporter ? 1 : 0}\u0000${defaultProvince?.code ?? ''}\u0000${hint?.code ?? ''}\u0000${text}\u0000${shown}`;
  const k = kept.get(key);
  if (k && k.defaultProvince === defaultProvince && k.hint === hint) return k.reading;
  const reading = readAnew(source, text, shown, idx, defaultProvince, hint, reporter);
  if (kept.size >= READINGS_KEPT) kept.clear();
  kept.set(key, { reading, defaultProvince, hint });
  return reading;
}

/** What one text says: a county, 市本级 / 省本级, or only a city or province as context. */
function readAnew(
  source: Source,
  text: string,
  shown: string,
  idx: DivisionIndex,
  defaultProvince: Province | undefined,
  hint?: City,
  reporter = false,
): Reading {
  const t = compact(text);
  const r: Reading = { source, text: shown };
  const matches = idx.placesIn(t, { province: hint?.province.name ?? defaultProvince?.name, city: hint?.name });
  const unique = <T>(level: string): T | undefined => {
    const m = matches.find((x) => x.level === level && x.places.length === 1);
    return m ? (m.places[0] as T) : undefined;
  };
  const namedCity = unique<City>('city');
  const namedProvince = unique<Province>('province');
  r.county = unique<County>('county');
  r.city = r.county?.city ?? namedCity;
  r.province = r.city?.province ?? namedProvince;
  if (!r.county && !r.city && source !== 'sheet' && source !== 'sheet-name') {
    // a bare short name as a whole file or folder name or flag: 溆浦, 03-溆浦, 怀化
    const bare = t.replace(/^[\d._\-、()]+/u, '');
    const scope = hint ?? r.province ?? defaultProvince;
    r.county = scope ? idx.county(bare, scope) : idx.county(bare);
    r.city = r.county?.city ?? idx.city(bare, r.province ?? defaultProvince);
    r.province = r.city?.province ?? r.province;
  }
  // a city without county-level divisions (东莞市, 中山市) keeps its registers by township: 东莞市/虎门镇.xlsx
  const city = r.city ?? hint;
  const only = city && city.counties.length === 1 && city.counties[0]!.name === city.name ? city.counties[0]! : undefined;
  if (only && !/本级/u.test(t)) {
    const bare = t.replace(/^[\d._\-、()]+/u, '');
    const town =
      (matches.find((m) => m.level === 'town' && m.places.some((p) => p.level === 'town' && p.county === only))?.places[0] as { name: string } | undefined)?.name ??
      only.towns.find((n) => bare === n || bare === n.replace(/(?:镇|乡|街道)$/u, '') || (n.length >= 3 && t.includes(n)));
    if (town) {
      r.county = only;
      r.city = only.city;
      r.province = only.city.province;
      r.town = town;
    }
  }
  // 长沙市溆浦县: the county decides; the city (or province) it contradicts is reported
  if (r.county && namedCity && namedCity !== r.county.city) r.contradicts = namedCity.name;
  else if (r.city && namedProvince && namedProvince !== r.city.province) r.contradicts = namedProvince.name;

  if (/省本级/u.test(t)) r.level = 'province';
  else if (/(?:市|州|盟)本级/u.test(t) || (/本级/u.test(t) && r.city)) r.level = 'city';
  else if (/本级/u.test(t) && r.province) r.level = 'province';
  else if (r.county) r.level = 'county';
  else if (reporter && r.city) r.level = 'city'; // 填报单位：怀化市慈善总会 — the city's own unit fills 市本级
  else if (reporter && namedProvince) r.level = 'province'; // 填报单位：湖南省慈善总会 — 省本级
  if (r.level !== 'county') {
    r.county = undefined;
    r.town = undefined;
  }
  return r;
}

/** What `r` names that disagrees with the decided area, or undefined. */
function disagreement(
  r: Reading,
  level: Exclude<AreaLevel, 'unknown'>,
  province: Province | undefined,
  city: City | undefined,
  county: County | undefined,
  idx: DivisionIndex,
): string | undefined {
  if (r.level === 'county' && r.county && county && r.county !== county) return idx.label(r.county);
  if (r.level !== undefined && r.level !== level && !(r.level === 'county' && !r.county)) {
    if (r.level === 'county' && r.county) return idx.label(r.county);
    if (r.level === 'city') return r.city ? `${r.city.name}本级` : '市本级';
    if (r.level === 'province') return `${(r.province ?? province)?.name ?? '省'}本级`;
  }
  if (r.city && city && r.city !== city) return r.city.name;
  if (r.province && province && r.province !== province) return r.province.name;
  return undefined;
}


