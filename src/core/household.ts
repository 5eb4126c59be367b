// Who a pairing is about: households and organisations identified across spellings (DOMAIN §3).
//
// Organisation key (orgIdentity): normalize.orgKey (spaces, punctuation, bracket and digit width removed), then the
// higher-level place names in front dropped. A name that starts with a chain of places each lying in the one before
// (DivisionIndex.leadingPlaces: 湖南省 → 怀化市 → 溆浦县) keeps the last of them only, in its official spelling:
// 湖南省怀化市慈善总会 and 怀化市慈善总会 are one organisation, and so are 怀化市溆浦县慈善会 and 溆浦县慈善会, but
// 湖南省慈善总会, 怀化市慈善总会 and 溆浦县慈善总会 are three (nothing below the last place is ever dropped), and
// 湖南省广州市… keeps both names (广州市 is not in 湖南省). The key is made from the text and the division list only,
// never from the register it is in, so one name has one key in every file and rollup counts it once.
//
// Address (addressIdentity): compacted, punctuation removed, the leading province/city/county chain taken off (the county
// it names kept apart), 村委会/村民委员会 → 村, 居委会/社区居委会 → 社区, the 组 number in digits (三组, 第3组, 03组,
// 3村民小组 → 3组). What is left is split after the village (…村, …社区): the village (township and village, as written)
// and the detail (组, 号 …). Nothing else is dropped: 大湾村3组 and 大湾村4组, 卢峰镇大湾村 and 桥江镇大湾村 stay apart,
// and so does an address written without its township (大湾村3组) from one with it.
//
// Household (HouseholdIndex): rows with the same 户主姓名 and the same village are one household when
//   (a) they give a phone number in common (the same head, phone and village: one household, whatever the 组), or
//   (b) their details are equal and their phones do not contradict (one row has none, or they share one);
// and never when both rows have a county and the counties differ (the county the address names, else the register's
// own). Without the division list the keys are text-level only: no place names removed, no county from addresses.
import type { Area, RegisterRow } from './model.js';
import type { DivisionIndex } from './divisions.js';
import { compact, isDittoMark, isUsualUnit, nameKey, orgKey } from './normalize.js';
import { isPlainMobile, parsePhones } from './phone.js';
import { detach, FloatColumn, IntColumn, TextKeys } from './int-tables.js';

export { detach } from './int-tables.js';

/** The phone numbers of a 联系方式 cell, as digit strings (one parser for the whole tool: phone.ts). */
export function phoneNumbers(text: string): string[] {
  // the usual cell, a plain mobile number (1[3-9] and nine digits): parsePhones' own first case gives it back as its
  // digits, so it is answered without the parse, its number object and the two arrays made from them per row
  if (isPlainMobile(text)) return [text];
  return parsePhones(text).numbers.map((n) => n.digits).filter((d) => d.length >= 7);
}

// ── organisations ────────────────────────────────────────────────────────────────────

/** Org names remembered per division list (names repeat on every row; a register has a few hundred at most). */
const ORG_CACHE_SIZE = 20_000;
const orgCaches = new WeakMap<DivisionIndex, Map<string, string>>();
const textOrgCache = new Map<string, string>();

/** The key of an organisation's name ('' when it has none, or only a ditto mark): see the file comment. */
export function orgIdentity(text: string, divisions?: DivisionIndex): string {
  let cache = divisions ? orgCaches.get(divisions) : textOrgCache;
  if (!cache) {
    cache = new Map();
    orgCaches.set(divisions!, cache);
  }
  let key = cache.get(text);
  if (key === undefined) {
    // a ditto mark with no row above to refer to (同上 in the first row) names no organisation
    key = isDittoMark(text.trim()) ? '' : dropHigherPlaces(orgKey(text), divisions);
    if (cache.size >= ORG_CACHE_SIZE) cache.clear();
    cache.set(detach(text), detach(key));
  }
  return key;
}

/** An org key without the place names in front of its own place: 湖南省怀化市慈善总会 → 怀化市慈善总会. */
function dropHigherPlaces(key: string, divisions: DivisionIndex | undefined): string {
  const lead = divisions?.leadingPlaces(key);
  if (!lead) return key;
  const last = lead.places.length - 1;
  const own = lead.places[last]!;
  // nothing after the places (the name is a place): keep it as written
  if (lead.end === key.length) return key;
  return own.name + key.slice(lead.end);
}

/** The organisation a row names (orgIdentity of its 扶贫单位 cell), undefined when the cell is empty. */
export function orgKeyOf(row: RegisterRow, divisions?: DivisionIndex): string | undefined {
  const k = orgIdentity(row.fields.org?.text ?? '', divisions);
  return k || undefined;
}

// ── addresses ────────────────────────────────────────────────────────────────────────

/** An address as household identity reads it: see the file comment. */
export interface AddressIdentity {
  /** GB/T 2260 code of the county the address names in front ('' when it names none, or without the division list). */
  county: string;
  /** From the township to the village (…村, …社区) as written; the whole place when no village is named. */
  village: string;
  /** What follows the village (3组12号), 组 numbers in digits. */
  detail: string;
}

const PUNCT = /[()[\]{}<>【】〔〕《》「」『』"'`‘’“”.,，。、;；:：!！?？·•\-_—–~～/\\|*＊#＃]/gu;
/** PUNCT for a test (no global flag: no lastIndex to keep). */
const PUNCT_ONE = new RegExp(PUNCT.source, 'u');
/** 村委会, 村委, 村民委员会, also after the village's own 村 (大湾村村委会): the village. */
const VILLAGE_COMMITTEE = /村?村(?:民委员会|委会|委)/g;
/** 居委会, 居民委员会, also after 社区 (城东社区居委会): the community. */
const RESIDENTS_COMMITTEE = /(?:社区)?(?:居民委员会|居委会)/g;

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 1 at the code units of the characters of a number written in Chinese (as 组 numbers are; each one unit). */
const CN_NUMERAL_UNITS = new Uint8Array(0x10000);
for (const ch of '零〇一二两三四五六七八九十百') CN_NUMERAL_UNITS[ch.charCodeAt(0)] = 1;

/** 十二 → 12, 二十 → 20, 一百零五 → 105, 一〇 → 10; undefined when not a number written so. */
export function chineseNumber(s: string): number | undefined {
  if (!/[十百]/u.test(s)) {
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return undefined;
      n = n * 10 + d;
    }
    return s.length ? n : undefined;
  }
  const m = /^(?:([一二两三四五六七八九])百)?(?:零?([一二两三四五六七八九])?十)?零?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '零') return undefined;
  const [, h, t, u] = m;
  const tens = t !== undefined ? CN_DIGIT[t]! : s.includes('十') ? 1 : 0;
  return (h ? CN_DIGIT[h]! * 100 : 0) + tens * 10 + (u ? CN_DIGIT[u]! : 0);
}

/**
 * Whether a code unit is an ASCII digit (NaN, outside a text: false). 组 numbers are read by code unit: t[i] === '小'
 * makes a string of the character each time, even optimised.
 */
const isDigitUnit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Every 组 with its number written in digits: 3组, 03组, 第3组, 三组, 第十二组, 3村民小组, 三小组 → 3组 / 12组 (not 组织; a
 * 组 with no number before it stays). A character scan: this runs on every row's address. The usual address writes its
 * 组 so already (22组): answered without a new string, and the rewriting (rewriteGroups) is apart, so this stays small.
 */
export function canonicalGroups(t: string): string {
  for (let at = t.indexOf('组'); at >= 0; at = t.indexOf('组', at + 1)) {
    if (!groupAsWritten(t, at)) return rewriteGroups(t, at);
  }
  return t;
}

/**
 * Whether rewriteGroups leaves the 组 at `at` as it is when nothing before it was rewritten: 组织, a 组 with no number,
 * or the number in digits as it prints (no 第, no 小 or 村民小, no leading zero, at most 15 digits: Number and String
 * give the same digits back). False is also said for some that it leaves (03 is checked there): a strict pre-filter.
 */
function groupAsWritten(t: string, at: number): boolean {
  if (t.charCodeAt(at + 1) === 0x7ec7 /* 织 */) return true;
  const before = t.charCodeAt(at - 1);
  if (t.startsWith('村民小', at - 3) || before === 0x5c0f /* 小 */) return false;
  if (!isDigitUnit(before)) return CN_NUMERAL_UNITS[before] !== 1;
  let start = at - 1;
  while (start > 0 && isDigitUnit(t.charCodeAt(start - 1))) start--;
  return t.charCodeAt(start) !== 0x30 && at - start <= 15 && !(start > 0 && t.charCodeAt(start - 1) === 0x7b2c /* 第 */);
}

/** canonicalGroups' rewriting, from the first 组 (at `first`) that may need it (exported for the test that holds canonicalGroups to it). */
export function rewriteGroups(t: string, first: number): string {
  let at = first;
  let out = '';
  let from = 0;
  for (; at >= 0; at = t.indexOf('组', at + 1)) {
    if (t.charCodeAt(at + 1) === 0x7ec7 /* 织 */) continue;
    const suffix = t.startsWith('村民小', at - 3) ? at - 3 : t.charCodeAt(at - 1) === 0x5c0f /* 小 */ ? at - 1 : at;
    let start = suffix;
    if (isDigitUnit(t.charCodeAt(start - 1))) while (start > from && isDigitUnit(t.charCodeAt(start - 1))) start--;
    else while (start > from && CN_NUMERAL_UNITS[t.charCodeAt(start - 1)] === 1) start--;
    if (start === suffix) continue;
    const digits = t.slice(start, suffix);
    const inDigits = isDigitUnit(digits.charCodeAt(0));
    const n = inDigits ? Number(digits) : chineseNumber(digits);
    if (n === undefined) continue;
    const lead = start > from && t.charCodeAt(start - 1) === 0x7b2c /* 第 */ ? start - 1 : start;
    // already written so (12组: no 第 or 小, digits as the number prints them): nothing to rewrite
    if (lead === start && suffix === at && inDigits && String(n) === digits) continue;
    out += `${t.slice(from, lead)}${n}组`;
    from = at + 1;
  }
  return from === 0 ? t : out + t.slice(from);
}

/** The local part of an address (after the county) in one spelling: committees and 组 numbers written one way. */
function canonicalLocal(s: string): string {
  let t = s;
  if (t.includes('委')) t = t.replace(VILLAGE_COMMITTEE, '村').replace(RESIDENTS_COMMITTEE, '社区');
  return canonicalGroups(t);
}

/** The length of the township word an address's local part starts with (2–9 Han characters ending 乡, 镇, 街道 or 苏木), or 0. */
export function townHead(s: string): number {
  const first = s.charCodeAt(0);
  if (!(first >= 0x3400 && first <= 0x9fff)) return 0;
  const n = Math.min(s.length, 9);
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) return 0;
    if (c === 0x4e61 /* 乡 */ || c === 0x9547 /* 镇 */) return i + 1;
    if ((c === 0x8857 /* 街 */ && s[i + 1] === '道') || (c === 0x82cf /* 苏 */ && s[i + 1] === '木')) return i + 2;
  }
  return 0;
}

/** 1 for the printable ASCII characters PUNCT takes out of an address. */
const ASCII_PUNCT = new Uint8Array(0x80);
for (let c = 0x21; c < 0x7f; c++) if (PUNCT_ONE.test(String.fromCharCode(c))) ASCII_PUNCT[c] = 1;

/**
 * What one pass over an address's characters says: 1 when it is printable ASCII and common Han (U+4E00-U+9FFF) only,
 * none of them punctuation — compact leaves such text as it is, and PUNCT, whose other characters all lie outside those
 * ranges, finds nothing in it; 0 otherwise (then compact and the punctuation test decide as they are).
 */
export function plainAddress(text: string): 0 | 1 {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isUsualUnit(c) || (c < 0x80 && ASCII_PUNCT[c] === 1)) return 0;
  }
  return 1;
}

/** The address of a household as identity reads it (see AddressIdentity). */
export function addressIdentity(text: string, divisions?: DivisionIndex): AddressIdentity {
  // the usual address (plainAddress): its own compact form, no punctuation to take out; read without the two regular
  // expressions' passes over it
  if (text !== '' && plainAddress(text) === 1) return identityOf(text, false, divisions);
  return compactedAddressIdentity(compact(text), divisions);
}

/** addressIdentity of an address already compacted (normalize.compact: RowFacts.compactAddress has it for the address rules). */
export function compactedAddressIdentity(compacted: string, divisions?: DivisionIndex): AddressIdentity {
  // the usual address (plainAddress) holds no punctuation: found by a pass over its units, not the regular expression's
  // (whose class of ~40 characters cost twice as much: 47 against 25 ms over the 200k-row CSV's addresses)
  return identityOf(compacted, plainAddress(compacted) === 0, divisions);
}

/** compactedAddressIdentity the general way, the punctuation always looked for (for the test that holds the fast paths to it). */
export function generalAddressIdentity(compacted: string, divisions?: DivisionIndex): AddressIdentity {
  return identityOf(compacted, true, divisions);
}

/** compactedAddressIdentity; `punctuation`: false when the text is known to hold none (plainAddress). */
function identityOf(compacted: string, punctuation: boolean, divisions: DivisionIndex | undefined): AddressIdentity {
  let s = compacted;
  // empty, or a ditto mark with no row above to refer to: no address
  if (s === '' || (s.length <= 6 && isDittoMark(s))) return { county: '', village: '', detail: '' };
  // the usual address has no punctuation: tested first, so that no copy is made
  if (punctuation && PUNCT_ONE.test(s)) s = s.replace(PUNCT, '');
  let county = '';
  if (divisions) {
    const lead = divisions.leadingCounty(s);
    county = lead.county?.code ?? '';
    if (lead.end > 0) s = s.slice(lead.end);
  }
  s = canonicalLocal(s);
  // the village ends at the first 村 or 社区 after the township and at least one character of its own; a marker right
  // after the township word with none further (新镇村3组) means the word was the village's name, not a township
  const town = townHead(s);
  let end = firstOf(s, '村', '社区', town + 1);
  if (town > 0 && (s.startsWith('村', town) || s.startsWith('社区', town))) {
    end ??= firstOf(s, '村', '社区', town);
  }
  if (end === undefined) return { county, village: s, detail: '' };
  return { county, village: s.slice(0, end), detail: s.slice(end) };
}

/** The end of the first of two markers found at or after `from`, undefined when neither is. */
function firstOf(s: string, a: string, b: string, from: number): number | undefined {
  const i = s.indexOf(a, from);
  const j = s.indexOf(b, from);
  if (i < 0 && j < 0) return undefined;
  return i >= 0 && (j < 0 || i < j) ? i + a.length : j + b.length;
}

// ── households ───────────────────────────────────────────────────────────────────────

/** What identifies a row's household: the name and village (the group it is looked up in), the detail and the county. */
export interface HouseholdWho {
  /** 户主姓名|village. */
  readonly key: string;
  readonly detail: string;
  /** The county (code with the division list, else the register's county name); '' when unknown. */
  readonly county: string;
  /** The key's two parts, when given apart (householdWho's): HouseholdIndex.noFor then reads them without the joined key. */
  readonly name?: string;
  readonly village?: string;
}

/** householdWho's answer: the name and village kept apart, the key joined only when asked for. */
class Who implements HouseholdWho {
  constructor(
    readonly name: string,
    readonly village: string,
    readonly detail: string,
    readonly county: string,
  ) {}

  get key(): string {
    return `${this.name}|${this.village}`;
  }
}

/**
 * Who a row's household is, as HouseholdIndex compares households; undefined when the name is empty (the pairing is
 * unknowable). `area` is the register's: its county stands for the county of addresses that name none.
 */
export function householdWho(row: RegisterRow, divisions?: DivisionIndex, area?: Area): HouseholdWho | undefined {
  const name = nameKey(row.fields.name?.text ?? '');
  if (!name) return undefined;
  return whoOf(name, addressIdentity(row.fields.address?.text ?? '', divisions), divisions, area);
}

/**
 * householdWho of a row whose 家庭住址 is already compacted (normalize.compact of its text, as RowFacts.compactAddress
 * keeps it for the address rules): the address is not compacted a second time.
 */
export function householdWhoCompacted(row: RegisterRow, compactedAddress: string, divisions?: DivisionIndex, area?: Area): HouseholdWho | undefined {
  const name = nameKey(row.fields.name?.text ?? '');
  if (!name) return undefined;
  return whoOf(name, compactedAddressIdentity(compactedAddress, divisions), divisions, area);
}

function whoOf(name: string, a: AddressIdentity, divisions: DivisionIndex | undefined, area: Area | undefined): HouseholdWho {
  return new Who(name, a.village, a.detail, a.county || areaCounty(area, divisions));
}

/**
 * The household a row is about as one string: 户主姓名 + the address as identity reads it (without its county).
 * Undefined when the name is empty. Rows with one base key are one household unless their phones or counties say
 * otherwise; rows with different base keys may still be one (same village and phone): HouseholdIndex decides.
 */
export function householdBaseKey(row: RegisterRow, divisions?: DivisionIndex): string | undefined {
  const who = householdWho(row, divisions);
  return who === undefined ? undefined : who.key + who.detail;
}

const areaCounties = new WeakMap<object, string>();

/** The register's own county as addresses' counties are written (a code with the division list, else its name); '' when it has none. */
export function areaCounty(area: Area | undefined, divisions: DivisionIndex | undefined): string {
  if (!area || area.level !== 'county') return '';
  if (!divisions) return area.county ?? '';
  let code = areaCounties.get(area);
  if (code === undefined) {
    const place = divisions.placeOf(area);
    code = place?.level === 'county' ? place.code : '';
    areaCounties.set(area, code);
  }
  return code;
}

/** One household of a group (same name and village) kept as an object: its number, phones, detail, county, id suffix. */
interface Household {
  no: number;
  phones: string[];
  detail: string;
  county: string;
  /** '#n' when the group had another household with the same detail first (ids are unique); '' otherwise. */
  suffix: string;
}

/** A phone's digits as one number ('1' in front keeps leading zeros), 0 for none; undefined when too long to be exact. */
export function phoneCode(digits: string | undefined): number | undefined {
  if (digits === undefined) return 0;
  // Number(`1${digits}`) when digits is 1-15 ASCII digits, without the string (exact: below 2^53 all along)
  if (digits.length === 0 || digits.length > 15) return undefined;
  let n = 1;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Numbers households (see the file comment for when two rows are one household): 0, 1, 2 … in the order first met, so
 * that what is kept per row is an integer. A household's id text (idText) is its first row's base key
 * (householdBaseKey), with #n added when that is already another household's; it is made only when asked.
 */
/** The phone code of a row's phone i: as given with the row (`codes`, phoneCodes of `phones`), else worked out. */
function codeOf(phones: readonly string[], codes: readonly (number | undefined)[] | undefined, i: number): number | undefined {
  return codes ? codes[i] : phoneCode(phones[i]);
}

export class HouseholdIndex {
  /**
   * Name|village → its households, by the key's number in `groups`: the usual case, one household with at most one
   * phone, is kept as its number + 1 in `group`, its county and phone in the columns below (a province-wide register has
   * hundreds of thousands of them); a group of several households, or one with several phones, as a list (-(its place in
   * `lists` + 1)). The detail of a group's first household is its key's tail in `groups` (TextKeys.addFound): the
   * household kept in the columns is always its group's first, and a detail is only ever compared with that one
   * household's, so it costs its characters only (no number, no span of its own, no hash).
   */
  private readonly groups: TextKeys;
  private readonly group: IntColumn;
  private readonly lists: Household[][] = [];
  /** Household number → its group's number. */
  private readonly groupOf: IntColumn;
  /** Household number → its county's number in `countyTexts` ('' is 0: no county). */
  private readonly counties: IntColumn;
  private readonly countyTexts: string[] = [''];
  private readonly countyNos = new Map<string, number>([['', 0]]);
  private readonly phones: FloatColumn;
  private count = 0;
  /** Household number → its id text, once asked for. */
  private readonly ids: string[] = [];
  private counter = 0;

  /** `divisions`: the division list, so households are told apart and together across place-name spellings. */
  constructor(readonly divisions?: DivisionIndex) {
    this.groups = new TextKeys();
    this.group = new IntColumn();
    this.groupOf = new IntColumn();
    this.counties = new IntColumn();
    this.phones = new FloatColumn();
  }

  /**
   * Room for `rows` more rows' households, made at once (a big register's row count, when known: Register.expectedRows),
   * so that the tables are not copied and rehashed a dozen times while they fill. Only room: numbering is unchanged.
   */
  reserve(rows: number): void {
    if (!(rows > 0)) return;
    const more = Math.min(rows, 1 << 24);
    const n = this.count + more;
    // a key is a name and a village (~10 characters), its tail the first household's detail ~6 (3组12号)
    this.groups.reserve(more, 18 * more);
    this.group.reserve(this.groups.size + more);
    this.groupOf.reserve(n);
    this.counties.reserve(n);
    this.phones.reserve(n);
  }

  /** How many households have been numbered. */
  get size(): number {
    return this.count;
  }

  /** The 户主姓名 of household `no` as its key holds it (nameKey: compacted). */
  nameOf(no: number): string {
    const key = this.groups.text(this.groupOf.get(no));
    // the village after the bar has no bar of its own (punctuation is taken out of addresses)
    return key.slice(0, key.lastIndexOf('|'));
  }

  /**
   * The household number of a row, or undefined when the row has no household name. `area`: the register's; `handOver`:
   * its visitor chain's (rowHandOver), where a visitor before this one may have noted the row's identity.
   */
  noOf(row: RegisterRow, area?: Area, handOver?: RowHandOver): number | undefined {
    if (handOver) {
      const t = handOver.take(this, row, area);
      if (t.taken) return t.no;
    }
    const who = householdWho(row, this.divisions, area);
    if (who === undefined) return undefined;
    return this.noFor(who, phoneNumbers(row.fields.phone?.text ?? ''));
  }

  /** A household's id: the base key of its first row (name|village + detail), #n added when another had it first. */
  idText(no: number): string {
    const kept = this.ids[no];
    if (kept !== undefined) return kept;
    const g = this.groupOf.get(no);
    const key = this.groups.text(g);
    const v = this.group.get(g);
    const h = v > 0 ? undefined : this.lists[-v - 1]!.find((x) => x.no === no)!;
    const id = h ? key + h.detail + h.suffix : key + this.groups.tail(g);
    this.ids[no] = id;
    return id;
  }

  private added(g: number): number {
    const no = this.count++;
    this.groupOf.set(no, g);
    return no;
  }

  private listed(g: number, list: Household[]): void {
    this.group.set(g, -this.lists.push(list));
  }

  /** The last county asked for and its number (a register's rows name one county, or a few, over and over). */
  private lastCounty = '';
  private lastCountyNo = 0;

  /** The number of a county's text, -1 when none was kept (`add`: added when new). */
  private countyNo(county: string, add: boolean): number {
    if (county === this.lastCounty) return this.lastCountyNo;
    let n = this.countyNos.get(county);
    if (n === undefined) {
      if (!add) return -1;
      n = this.countyTexts.push(county) - 1;
      this.countyNos.set(county, n);
    }
    this.lastCounty = county;
    this.lastCountyNo = n;
    return n;
  }

  /**
   * Keeps a group's one household (its first: its detail is the group key's tail) in the columns; false when its phone
   * does not fit (then it is kept as a list).
   */
  private single(g: number, no: number, county: string, code: number | undefined): boolean {
    if (code === undefined) return false;
    this.counties.set(no, this.countyNo(county, true));
    this.phones.set(no, code);
    this.group.set(g, no + 1);
    return true;
  }

  /** Group g's household kept in the columns, as an object. */
  private kept(g: number, no: number): Household {
    const code = this.phones.get(no);
    // (the code is '1' and the digits: phoneCode)
    const phones = code === 0 ? [] : [String(code).slice(1)];
    return { no, phones, detail: this.groups.tail(g), county: this.countyTexts[this.counties.get(no)]!, suffix: '' };
  }

  /**
   * The household number for a row's identity (householdWho) and phone numbers (phoneNumbers); `codes`, when the caller has
   * them: phoneCode of each of `phones`, in order (RowFacts works them out once a row for every rule).
   */
  noFor(who: HouseholdWho, phones: readonly string[], codes?: readonly (number | undefined)[]): number {
    const { detail, county, name, village } = who;
    // (0x7c: the bar of the key, name|village)
    const g = name !== undefined && village !== undefined ? this.groups.findJoined(name, 0x7c, village) : this.groups.find(who.key);
    if (g < 0) {
      const added = this.groups.addFound(detail);
      const no = this.added(added);
      // the usual row: one phone or none, kept in the columns (unique keeps the first of each number, in order)
      if (phones.length <= 1) {
        const code = phones.length === 0 ? 0 : codeOf(phones, codes, 0);
        if (this.single(added, no, county, code)) return no;
        this.listed(added, [{ no, phones: unique(phones), detail: detach(detail), county, suffix: '' }]);
        return no;
      }
      const own = unique(phones);
      // (own[0] is phones[0]: the same number written twice is one phone)
      if (own.length > 1 || !this.single(added, no, county, codeOf(phones, codes, 0))) {
        this.listed(added, [{ no, phones: own, detail: detach(detail), county, suffix: '' }]);
      }
      return no;
    }
    const v = this.group.get(g);
    let list: Household[];
    if (v > 0) {
      // the usual case, read from the columns: the county by its number, the detail by its characters
      const no = v - 1;
      const countyNo = this.counties.get(no);
      // the household's phone and the row's compared as numbers (phoneCode: equal codes, equal digits; a number too long
      // to have a code is never the household's, whose phone has one)
      const code = this.phones.get(no);
      const countyOk = county === '' || countyNo === 0 || this.countyNo(county, false) === countyNo;
      let same = false;
      if (countyOk) {
        if (phones.length > 0 && code !== 0) {
          for (let i = 0; i < phones.length && !same; i++) same = codeOf(phones, codes, i) === code;
        } else same = this.groups.tailIs(g, detail);
      }
      if (same) {
        let learns = countyNo === 0 && county !== '';
        for (let i = 0; i < phones.length && !learns; i++) learns = codeOf(phones, codes, i) !== code;
        if (learns) {
          const h = this.kept(g, no);
          learn(h, county, phones);
          if (h.phones.length > 1 || !this.single(g, no, h.county, phoneCode(h.phones[0]))) this.listed(g, [h]);
        }
        return no;
      }
      list = [this.kept(g, no)];
      this.listed(g, list);
    } else list = this.lists[-v - 1]!;
    for (const h of list) {
      if (matches(h, detail, county, phones)) {
        learn(h, county, phones);
        return h.no;
      }
    }
    const no = this.added(g);
    // ids are unique: a second household with the same first detail is told apart by a number
    const suffix = list.some((h) => h.suffix === '' && h.detail === detail) ? `#${++this.counter}` : '';
    list.push({ no, phones: unique(phones), detail: detach(detail), county, suffix });
    return no;
  }
}

/**
 * What the first visitor of a register's row worked out about its household and organisation, handed to the visitors
 * after it in the chain: check's validation (RowFacts) and pairings (noOf) visitors see each row one after the other,
 * and the second takes what the first made (householdWho, phoneNumbers and their phoneCodes, the org key) instead of
 * reading the address, phones and organisation again. One per register (rowHandOver): a row of another register,
 * division list or area is never taken.
 */
export class RowHandOver {
  private row: RegisterRow | undefined;
  private divisions: DivisionIndex | undefined;
  private area: Area | undefined;
  private who: HouseholdWho | undefined;
  private phones: readonly string[] = [];
  private codes: readonly (number | undefined)[] = [];
  private org: string | undefined;

  /**
   * Notes a row's householdWho(row, divisions, area), phoneNumbers of its 联系方式 text and their phoneCodes (each exactly
   * what noOf would work out) and orgKeyOf(row, divisions), for the visitors after this one.
   */
  note(
    row: RegisterRow,
    divisions: DivisionIndex | undefined,
    area: Area | undefined,
    who: HouseholdWho | undefined,
    phones: readonly string[],
    codes: readonly (number | undefined)[],
    org: string | undefined,
  ): void {
    this.row = row;
    this.divisions = divisions;
    this.area = area;
    this.who = who;
    this.phones = phones;
    this.codes = codes;
    this.org = org;
  }

  /** orgKeyOf(row, divisions): as noted when this row was, with this division list; else worked out. */
  orgKey(row: RegisterRow, divisions: DivisionIndex | undefined): string | undefined {
    return this.row === row && this.divisions === divisions ? this.org : orgKeyOf(row, divisions);
  }

  /** The household number of a row from what was noted about it, when it was (with these divisions and area); else undefined and `taken` false. */
  take(index: HouseholdIndex, row: RegisterRow, area: Area | undefined): { taken: boolean; no: number | undefined } {
    if (this.row !== row || this.divisions !== index.divisions || this.area !== area) return NOT_TAKEN;
    return { taken: true, no: this.who === undefined ? undefined : index.noFor(this.who, this.phones, this.codes) };
  }
}

const NOT_TAKEN = { taken: false, no: undefined };

const handOvers = new WeakMap<object, RowHandOver>();

/** The hand-over of a register's visitor chain (one per register, shared by its visitors: see RowHandOver). */
export function rowHandOver(register: object): RowHandOver {
  let h = handOvers.get(register);
  if (!h) handOvers.set(register, (h = new RowHandOver()));
  return h;
}

/** Whether a row (detail, county, phones) is about household h: see the file comment. */
function matches(h: Household, detail: string, county: string, phones: readonly string[]): boolean {
  if (county !== '' && h.county !== '' && county !== h.county) return false;
  if (phones.length > 0 && h.phones.length > 0) return phones.some((p) => h.phones.includes(p));
  return detail === h.detail;
}

/** What a matching row adds to what is known of its household: phone numbers, the county. */
function learn(h: Household, county: string, phones: readonly string[]): void {
  for (const p of phones) if (!h.phones.includes(p)) h.phones.push(detach(p));
  if (h.county === '' && county !== '') h.county = county;
}

function unique(list: readonly string[]): string[] {
  return list.length < 2 ? list.map(detach) : [...new Set(list)].map(detach);
}
