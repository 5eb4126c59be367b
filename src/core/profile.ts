// A province profile: everything that differs between provinces, built from the division list and data (src/data/provinces.json),
// never from code — the province's cities in the order its tables list them, the short names people write, the form titles,
// its built-in 附4 quota table (if it has one), and how each city keeps its registers.
import type { City, County, DivisionIndex } from './divisions.js';
import { compact } from './normalize.js';
import { lazily } from './lazy.js';
import { quotaTableFromJson } from './quota/parse.js';
import type { QuotaTableData } from './quota/parse-json.js';
import type { QuotaParseOptions } from './quota/parse.js';
import type { QuotaTable } from './quota/table.js';

/** src/data/provinces.json. */
export interface ProfileData {
  /** The province when neither the config nor a flag names one. */
  default: string;
  /** Form titles; {province} and {area} are filled. */
  forms: { register: string; registerGeneric: string; stats: string; quota: string; card: string };
  provinces: Record<
    string,
    {
      /** The cities in the order the province's own tables list them (default: the division list's code order). */
      cityOrder?: string[];
      /** Extra short names people write for a city, beyond the generic ones (suffix dropped). */
      aliases?: Record<string, string[]>;
      /** The built-in quota table's file name under src/data/quota/. */
      quotaTable?: string;
      /** The built-in focus list's id in src/data/focus-lists.json (places the province aims its help at). */
      focus?: string;
    }
  >;
}

/**
 * How a city keeps its registers below 市本级: one per county-level division (the usual case), or — for a city with no
 * county-level divisions (东莞市, 中山市: the division list gives the city itself as its only county) — one per township
 * (镇、街道), `东莞市/虎门镇.xlsx`; its table's rows are then its townships.
 */
export type CityLayout = 'counties' | 'townships';

export interface ProfileCity {
  name: string;
  code: string;
  /** Short names accepted for the city: 张家界, 湘西州 … (never ambiguous within the province). */
  short: string[];
  layout: CityLayout;
  /** The rows below 市本级, in the division list's order: counties, or townships for a city laid out by township. */
  units: string[];
  division: City;
}

export interface ProvinceProfile {
  name: string;
  code: string;
  /** 湖南, 广东, 广西 … */
  short: string;
  cities: ProfileCity[];
  cityNames: string[];
  /** Form titles for this province. */
  titles: { register(area?: string): string; stats: string; quota: string; card: string };
  /** The province's built-in quota table; absent when the data has none (quota then says so). */
  quotaTable?: QuotaTable;
  /** Whether the profile names this city, by any of its names (full, short, alias): the full name, or undefined. */
  city(written: string): ProfileCity | undefined;
  /** The division list the profile was built from. */
  divisions: DivisionIndex;
  /** The id of the province's built-in focus list (src/data/focus-lists.json), when it has one. */
  focus?: string;
}

/** A city laid out by township: the division list's only county-level entry under it is the city itself. */
function layoutOf(city: City): CityLayout {
  return city.counties.length === 1 && city.counties[0]!.name === city.name ? 'townships' : 'counties';
}

/** Townships a city laid out by township keeps registers for: 镇, 乡 and 街道 (not farms, zones or numbered entries). */
function townshipsOf(county: County): string[] {
  return county.towns.filter((t) => /(?:镇|乡|街道)$/u.test(t));
}

function shortForms(name: string): string[] {
  const out = new Set<string>();
  for (const suffix of ['市', '盟', '地区']) if (name.endsWith(suffix) && name.length - suffix.length >= 2) out.add(name.slice(0, -suffix.length));
  const auto = /^(.{2,}?)(?:[\u4e00-\u9fff]{1,8}族)+自治州$/u.exec(name);
  if (auto) {
    out.add(auto[1]!);
    out.add(`${auto[1]}州`);
    out.add(`${auto[1]}自治州`);
  }
  return [...out];
}

/** How a province's built-in quota table is read: for its own province, against the profile's cities. */
export function builtinQuotaOptions(profile: Pick<ProvinceProfile, 'name' | 'cityNames'>): QuotaParseOptions {
  return { province: profile.name, citiesOf: (p) => (p === profile.name ? profile.cityNames : undefined) };
}

/** Builds the profile of `province` (full or short name); undefined when the division list does not know it. */
export function buildProfile(province: string, divisions: DivisionIndex, data: ProfileData, quotaJson?: (file: string) => unknown): ProvinceProfile | undefined {
  const prov = divisions.province(province);
  if (!prov) return undefined;
  const own = data.provinces[prov.name] ?? {};
  const order = own.cityOrder ?? [];
  const at = (c: City): number => {
    const i = order.indexOf(c.name);
    return i < 0 ? order.length + prov.cities.indexOf(c) : i;
  };
  const real = prov.cities.filter((c) => !c.pseudo);
  // 省直辖县级行政区划: its counties report as cities of their own (仙桃市, 济源市)
  const direct = prov.cities.filter((c) => c.pseudo).flatMap((c) => c.counties);
  const cities: ProfileCity[] = [...real]
    .sort((a, b) => at(a) - at(b))
    .map((c) => {
      const layout = layoutOf(c);
      return {
        name: c.name,
        code: c.code,
        short: [...new Set([...shortForms(c.name), ...(own.aliases?.[c.name] ?? [])])],
        layout,
        units: layout === 'townships' ? townshipsOf(c.counties[0]!) : c.counties.filter((k) => !k.zone).map((k) => k.name),
        division: c,
      };
    });
  for (const k of direct) {
    cities.push({ name: k.name, code: k.code, short: shortForms(k.name), layout: 'townships', units: townshipsOf(k), division: k.city });
  }
  // a short name two cities share decides nothing
  const owners = new Map<string, number>();
  for (const c of cities) for (const s of c.short) owners.set(s, (owners.get(s) ?? 0) + 1);
  for (const c of cities) c.short = c.short.filter((s) => owners.get(s) === 1);

  const fill = (t: string, area = ''): string => t.replace('{province}', prov.name).replace('{area}', area);
  const profile: ProvinceProfile = {
    name: prov.name,
    code: prov.code,
    short: prov.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, ''),
    cities,
    cityNames: cities.map((c) => c.name),
    titles: {
      register: (area) => (area ? fill(data.forms.register, area) : data.forms.registerGeneric),
      stats: fill(data.forms.stats),
      quota: fill(data.forms.quota),
      card: fill(data.forms.card),
    },
    city(written: string) {
      const w = compact(written);
      if (!w) return undefined;
      return cities.find((c) => c.name === w || c.short.includes(w));
    },
    divisions,
  };
  if (own.focus) profile.focus = own.focus;
  if (own.quotaTable && quotaJson) {
    const id = own.quotaTable;
    const read = (): QuotaTable => {
      const { $comment: _, ...table } = quotaJson(id) as Record<string, unknown>;
      // the built-in data's shape is checked with zod when fupin is built (quota/builtin-check.ts), not on every run
      const parsed = quotaTableFromJson(table as QuotaTableData, 'built-in', builtinQuotaOptions(profile));
      // a broken one is a build fault, not a user's
      if (!('table' in parsed)) throw new Error(`built-in quota table ${id}: ${parsed.errors.map((e) => e.id).join(', ')}`);
      return parsed.table;
    };
    // read when first asked for (quota, template, init, a ledger naming it): a rollup or a validate never reads it, and
    // reading it was ~3 ms of every such run's start (s27)
    lazily(profile, 'quotaTable', read);
  }
  return profile;
}
