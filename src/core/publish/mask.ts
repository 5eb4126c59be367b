// What a public listing may show of a household (DOMAIN §9, seed 004; the personal-information law): the head's name
// masked, the address cut after the village (or the township), free text scrubbed of numbers and the head's name.
// Pure rules, each unit-tested; writers only ever receive their results.
//
// Names (maskName): the surname stays, every other character becomes one `*` (张三 → 张*, 张三丰 → 张**); a compound
// surname stays whole when the name is longer than it (欧阳娜娜 → 欧阳**, but 欧阳 alone → 欧*); a name with a middle
// dot keeps its first part only (买买提·艾力 → 买买提·**); a bracketed note after the name is dropped (张三(已故) → 张*);
// a single character or anything that is not a name becomes `*`.
//
// Places (publicPlace): the address is read as household identity reads it (household.addressIdentity: the county it
// names, committees and 组 written one way), then cut after the village (…村, …社区): 组, 号, roads and house numbers
// never pass. A village part that is not a plain name (digits, Latin letters, longer than a village name) is dropped
// with everything after it; level `township` drops the village too. 市州 and 县市区 come from the county the address
// names, else the register's own area.
//
// Free text (scrubText): any run of 7 or more digits (with the spaces, dashes, brackets and slashes phones are written
// with, and an ID number's final X) becomes `***`; the head's name becomes its mask.
import type { DivisionIndex } from '../divisions.js';
import { addressIdentity, townHead } from '../household.js';
import type { Area } from '../model.js';
import { compact } from '../normalize.js';
import { MIDDLE_DOT, splitNameNote } from '../person-name.js';

/** How far addresses are published: down to the village (default) or the township only (small villages). */
export type PublishLevel = 'village' | 'township';

/** Two-character surnames (复姓) kept whole: the common ones in the household registers of the 百家姓 and in practice. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '司空', '夏侯',
  '轩辕', '令狐', '钟离', '端木', '申屠', '南宫', '西门', '独孤', '闻人', '澹台', '公羊', '万俟', '拓跋', '百里',
  '东郭', '呼延', '羊舌', '完颜', '太史', '濮阳', '淳于', '单于', '赫连', '第五', '梁丘', '左丘', '谷梁', '宗政',
  '公冶', '太叔', '乐正', '漆雕', '壤驷', '公良', '巫马', '颛孙', '仲孙', '亓官', '司寇', '子车', '鲜于', '闾丘',
  '东门', '公西', '段干', '南门', '北堂', '锺离', '相里', '爱新觉罗',
];
const COMPOUND = new Set(COMPOUND_SURNAMES);

/** The mask character. */
export const MASK = '*';

const HAN_CHAR = /^\p{Script=Han}$/u;

/** The surname a name keeps: a compound surname when the name is longer than it, else its first character. */
function surnameOf(chars: readonly string[]): string {
  for (const len of [4, 2]) {
    if (chars.length > len && COMPOUND.has(chars.slice(0, len).join(''))) return chars.slice(0, len).join('');
  }
  return chars[0]!;
}

/** The head's name as a public listing shows it (see the file comment); '' for an empty cell. */
export function maskName(text: string): string {
  const { name } = splitNameNote(text);
  const chars = Array.from(compact(name));
  if (chars.length === 0) return '';
  const whole = chars.join('');
  if (MIDDLE_DOT.test(whole)) {
    const first = whole.split(MIDDLE_DOT)[0] ?? '';
    // the first part must be a name's part (Han, and not the whole name): else nothing is kept
    if (first.length === 0 || !Array.from(first).every((c) => HAN_CHAR.test(c))) return MASK.repeat(2);
    return `${first}·${MASK.repeat(2)}`;
  }
  if (chars.length < 2 || !HAN_CHAR.test(chars[0]!)) return MASK;
  const surname = surnameOf(chars);
  return surname + MASK.repeat(chars.length - Array.from(surname).length);
}

/** Where a pairing's household is, as published: names of places only, '' where not known or not published. */
export interface PublicPlace {
  city: string;
  county: string;
  town: string;
  village: string;
}

/** A village's own name: Han characters only, 2 to 12 of them, ending 村 or 社区. */
const VILLAGE_NAME = /^\p{Script=Han}{1,10}(?:村|社区)$/u;
/** A township word: Han characters only (townHead keeps it to 9). */
const TOWN_NAME = /^\p{Script=Han}{2,9}$/u;

/**
 * The places of an address a listing may show (see the file comment). `area`: the register's, for the city and
 * county when the address names none.
 */
export function publicPlace(address: string, area: Area, divisions: DivisionIndex | undefined, level: PublishLevel = 'village'): PublicPlace {
  const a = addressIdentity(address, divisions);
  let city = area.city ?? '';
  let county = area.county ?? area.town ?? '';
  const named = a.county && divisions ? divisions.byCode(a.county) : undefined;
  if (named?.level === 'county') {
    county = named.name;
    city = named.city.pseudo ? '' : named.city.name;
  }
  const head = townHead(a.village);
  let town = a.village.slice(0, head);
  const rest = a.village.slice(head);
  if (!TOWN_NAME.test(town)) town = '';
  // the township in its official spelling when the division list knows it (后塘乡 → 后塘瑶族乡)
  if (town && named?.level === 'county' && divisions) town = divisions.townOf(named, town) ?? town;
  const village = level === 'village' && VILLAGE_NAME.test(rest) ? rest : '';
  return { city, county, town, village };
}

/** Digits as phones and ID numbers are written: a digit, then digits and separators, ending in a digit or X. */
const NUMBER_RUN = /[0-9０-９](?:[0-9０-９\s\-－—–()（）/.]*[0-9０-９Xx])?/gu;
const MIN_DIGITS = 7;

/** Free text (帮扶措施, 脱贫状态, an organisation's name) with long numbers masked and the head's name masked. */
export function scrubText(text: string, headName?: string): string {
  let out = text.replace(NUMBER_RUN, (run) => ((run.match(/[0-9０-９]/gu)?.length ?? 0) >= MIN_DIGITS ? MASK.repeat(3) : run));
  if (!headName) return out;
  const masked = maskName(headName);
  // the cell as written (张三(已故): its note is the household's too), then the name alone
  for (const written of new Set([compact(headName), compact(splitNameNote(headName).name)])) {
    if (Array.from(written).length < 2) continue;
    // also written with aligning spaces (张  三) inside the text
    const spaced = new RegExp(Array.from(written).map(escapeRe).join('\\s*'), 'gu');
    out = out.replace(spaced, masked);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
