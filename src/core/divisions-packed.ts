// The division index as the build stores it (dist/data/divisions.bin, scripts/bundle.mjs): the list's places and every
// table DivisionIndex derives from them (name forms with their readings, the name → places maps, the township names with
// their counties, the two-character heads, the name lengths, the marks), as little-endian 32-bit integers and one string
// table. A run reads the tables in place — a name is found by hashing it into the table's slots and comparing it with the
// string table — so it neither parses the list's JSON nor builds a Map over its ~50,000 names (that was ~0.1 s and most of
// the garbage collection of a clerk's one-file check). Only a county's townships are turned into strings, when first asked.
//
// Layout: words [MAGIC, FORMAT, total words, the JSON list's byte length], then sections, each [length in words, …words]:
// string offsets (UTF-16 units, one more than strings), string chars (UTF-16LE, two a word), meta (source, renamed pairs),
// provinces, cities, counties, form lengths, township lengths, marks, length bits, end bits (the same by a name's last unit),
// then the MAPS in their order. A map's section:
// [entries, slots, halves, key string ids (entries), value starts (entries + 1), values (its last start), slots (open
// addressing, linear probing from townHash(key) & (slots - 1), each 0 or entry + 1)]. `halves` bit 0: the key ids, bit 1:
// the slots are 16-bit, two a word (the first in the low half), as they are while the strings and entries number fewer
// than 65,536: ~330 KB less of the file read on every run (~80 memory pages, each a fault on the machines measured).
import type { City, County, Province } from './divisions.js';

const MAGIC = 0x31584446; // "FDX1"
/** Raised whenever the layout or what a value means changes: an older file is then not read (the index is built instead). */
const FORMAT = 3;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The maps a packed index carries, in file order. */
export const MAPS = ['forms', 'provinceByName', 'citiesByName', 'countiesByName', 'countiesByShort', 'byCode', 'adminHeads', 'towns'] as const;
export type MapName = (typeof MAPS)[number];

/** FNV-1a over the UTF-16 code units of a name: the maps' slots. */
export function nameHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---- what the values mean ------------------------------------------------------------------------
// A place: its index among the places of its level (list order) << 2 | its level (0 province, 1 city, 2 county).
// A form's reading: place << 6 | edge (bit 5 true, bit 4 present) | strict << 3 | weak << 2 | how (2 bits, HOWS).
// The towns map's values are county indices; adminHeads' values are the string ids of the forms, longest first.

export const HOWS = ['name', 'renamed', 'alias', 'short'] as const;
export type Level = 'province' | 'city' | 'county';
const LEVELS: Level[] = ['province', 'city', 'county'];

export function placeCode(level: Level, index: number): number {
  return (index << 2) | LEVELS.indexOf(level);
}

export interface PackedReading {
  place: number;
  how: (typeof HOWS)[number];
  weak: boolean;
  strict: boolean;
  edge?: boolean;
}

export function readingCode(r: PackedReading): number {
  const edge = r.edge === undefined ? 0 : r.edge ? 0b11 : 0b01;
  return (r.place << 6) | (edge << 4) | (Number(r.strict) << 3) | (Number(r.weak) << 2) | HOWS.indexOf(r.how);
}

export function readingOf(code: number): PackedReading {
  const edge = (code >>> 4) & 0b11;
  const r: PackedReading = { place: code >>> 6, how: HOWS[code & 0b11]!, weak: (code & 0b100) !== 0, strict: (code & 0b1000) !== 0 };
  if (edge) r.edge = edge === 0b11;
  return r;
}

// ---- writing (the build) -------------------------------------------------------------------------

/** What packDivisions is given (DivisionIndex.packTables). Map values are already codes (see above). */
export interface PackInput {
  source: string;
  renamed: Record<string, string>;
  provinces: readonly Province[];
  maps: Record<MapName, [string, number[]][]>;
  /** adminHeads' values as strings (their ids are found here). */
  adminHeads: [string, string[]][];
  formLengths: number[];
  townLengths: number[];
  marks: readonly string[];
  /** DivisionIndex.lengthBits (by a name's first UTF-16 unit, bit `len` for each length a name starting with it has), or null. */
  lengthBits: Uint32Array | null;
  /** DivisionIndex.endBits (the same by a name's last UTF-16 unit), or null. */
  endBits: Uint32Array | null;
  /** The byte length of the JSON list the index was made from (dist/data/divisions.json): a run reads the file only when it still has it. */
  jsonBytes: number;
}

/** The bytes of a packed index (little-endian words); undefined on a big-endian machine, which writes none (it reads them). */
export function packDivisions(input: PackInput): Uint8Array | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      ids.set(s, i);
    }
    return i;
  };
  // every county's townships first, county after county, each its own string (a county reads them as one range)
  const counties: County[] = [];
  const cities: City[] = [];
  for (const p of input.provinces) for (const c of p.cities) {
    cities.push(c);
    for (const k of c.counties) counties.push(k);
  }
  const townStart: number[] = [];
  for (const k of counties) {
    townStart.push(strings.length);
    for (const t of k.towns) {
      const i = strings.push(t) - 1;
      if (!ids.has(t)) ids.set(t, i);
    }
  }
  const sections: number[][] = [];
  const meta = [id(input.source), Object.keys(input.renamed).length];
  for (const [old, now] of Object.entries(input.renamed)) meta.push(id(old), id(now));
  const provinces = [input.provinces.length];
  for (const p of input.provinces) provinces.push(id(p.name), id(p.code));
  const cityWords = [cities.length];
  let firstCounty = 0;
  for (const c of cities) {
    cityWords.push(id(c.name), id(c.code), input.provinces.indexOf(c.province), c.pseudo ? 1 : 0, firstCounty, c.counties.length);
    firstCounty += c.counties.length;
  }
  const countyWords = [counties.length];
  const cityIndex = new Map(cities.map((c, i) => [c, i]));
  counties.forEach((k, j) => countyWords.push(id(k.name), id(k.code), cityIndex.get(k.city)!, townStart[j]!, k.towns.length, k.zone ? 1 : 0));
  const marks = [input.marks.length, ...input.marks.map(id)];
  // the length bits as (unit, bits) pairs of the units that start a name (a few thousand of 65,536); none: null
  const unitBits = (table: Uint32Array | null): number[] => {
    const bits: number[] = [table ? 1 : 0];
    if (table) table.forEach((b, unit) => b !== 0 && bits.push(unit, b | 0));
    return bits;
  };
  const lengthBits = unitBits(input.lengthBits);
  const endBits = unitBits(input.lengthBits ? input.endBits : null);
  const maps = MAPS.map((name) => {
    const entries = name === 'adminHeads' ? input.adminHeads.map(([k, forms]): [string, number[]] => [k, forms.map(id)]) : input.maps[name];
    return mapSection(entries, id);
  });
  // the strings are all known now
  const offsets = [strings.length, 0];
  let chars = 0;
  for (const s of strings) offsets.push((chars += s.length));
  const text = strings.join('');
  const charWords = [chars];
  const units = new Uint16Array(Math.ceil(chars / 2) * 2);
  for (let i = 0; i < chars; i++) units[i] = text.charCodeAt(i);
  const packedChars = new Int32Array(units.buffer);
  sections.push(offsets, charWords, meta, provinces, cityWords, countyWords, [input.formLengths.length, ...input.formLengths], [input.townLengths.length, ...input.townLengths], marks, lengthBits, endBits, ...maps);
  let total = 4;
  for (const s of sections) total += 1 + s.length + (s === charWords ? packedChars.length : 0);
  const out = new Int32Array(total);
  out.set([MAGIC, FORMAT, total, input.jsonBytes]);
  let at = 4;
  for (const s of sections) {
    const extra = s === charWords ? packedChars.length : 0;
    out[at++] = s.length + extra;
    out.set(s, at);
    at += s.length;
    if (extra) {
      out.set(packedChars, at);
      at += extra;
    }
  }
  return new Uint8Array(out.buffer);
}

function mapSection(entries: [string, number[]][], id: (s: string) => number): number[] {
  let size = 16;
  while (size < entries.length * 2) size *= 2;
  const slots = new Array<number>(size).fill(0);
  const keys: number[] = [];
  const starts = [0];
  const values: number[] = [];
  entries.forEach(([key, vals], e) => {
    keys.push(id(key));
    values.push(...vals);
    starts.push(values.length);
    let j = nameHash(key) & (size - 1);
    while (slots[j] !== 0) j = (j + 1) & (size - 1);
    slots[j] = e + 1;
  });
  const keyHalves = halves(keys);
  const slotHalves = halves(slots);
  return [entries.length, size, (keyHalves ? 1 : 0) | (slotHalves ? 2 : 0), ...(keyHalves ?? keys), ...starts, ...values, ...(slotHalves ?? slots)];
}

/** Numbers of 0-65,535 as 16-bit halves, two a word (the first in the low half); undefined when one is not. */
function halves(list: readonly number[]): number[] | undefined {
  if (!list.every((v) => v >= 0 && v <= 0xffff)) return undefined;
  const words: number[] = [];
  for (let i = 0; i < list.length; i += 2) words.push((list[i]! | ((list[i + 1] ?? 0) << 16)) | 0);
  return words;
}

/** `n` 16-bit halves from the start of `words` (halves' layout), in place on a little-endian machine. */
function readHalves(words: Int32Array, n: number, littleEndian: boolean): Uint16Array {
  if (littleEndian) return new Uint16Array(words.buffer, words.byteOffset, n);
  return Uint16Array.from({ length: n }, (_, i) => (words[i >> 1]! >>> (16 * (i & 1))) & 0xffff);
}

// ---- reading (a run) -----------------------------------------------------------------------------

/** One map of a packed index, read in place. */
export class PackedMap {
  constructor(
    private readonly file: PackedDivisions,
    private readonly keyIds: Int32Array | Uint16Array,
    private readonly starts: Int32Array,
    private readonly values: Int32Array,
    private readonly slots: Int32Array | Uint16Array,
  ) {}

  get size(): number {
    return this.keyIds.length;
  }

  /** The entry of a name, or -1. */
  entry(name: string): number {
    const mask = this.slots.length - 1;
    for (let j = nameHash(name) & mask; ; j = (j + 1) & mask) {
      const s = this.slots[j]!;
      if (s === 0) return -1;
      if (this.file.equals(this.keyIds[s - 1]!, name)) return s - 1;
    }
  }

  has(name: string): boolean {
    return this.entry(name) >= 0;
  }

  /** The values of an entry. */
  valuesAt(e: number): Int32Array {
    return this.values.subarray(this.starts[e]!, this.starts[e + 1]!);
  }

  keyAt(e: number): string {
    return this.file.str(this.keyIds[e]!);
  }

  *keys(): IterableIterator<string> {
    for (let e = 0; e < this.keyIds.length; e++) yield this.keyAt(e);
  }
}

/** A packed index's file, read in place: its strings, its places and its maps. */
export class PackedDivisions {
  readonly source: string;
  readonly renamed: Record<string, string>;
  readonly provinces: Province[];
  readonly cities: City[];
  /** The counties made so far (a city's when it is first asked for them), by their index in list order. */
  private readonly countyList: (County | undefined)[];
  private readonly countyWords: Int32Array;
  readonly formLengths: number[];
  readonly townLengths: number[];
  readonly marks: string[];
  readonly lengthBits: Uint32Array | null;
  readonly endBits: Uint32Array | null;
  readonly maps: Record<MapName, PackedMap>;

  private constructor(
    /** The string table's UTF-16 units, where the file's bytes lie (a little-endian machine) or copied from them. */
    private readonly units: Uint16Array,
    private readonly offsets: Int32Array,
    sections: Int32Array[],
    /** The machine's byte order (the maps' 16-bit halves are read in place on a little-endian one). */
    littleEndian: boolean,
  ) {
    const [meta, provinces, cities, counties, formLengths, townLengths, marks, lengthBits, endBits] = sections as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    this.source = this.str(meta[0]!);
    this.renamed = {};
    for (let i = 0; i < meta[1]!; i++) this.renamed[this.str(meta[2 + 2 * i]!)] = this.str(meta[3 + 2 * i]!);
    this.provinces = [];
    for (let i = 0; i < provinces[0]!; i++) {
      this.provinces.push({ level: 'province', code: this.str(provinces[2 + 2 * i]!), name: this.str(provinces[1 + 2 * i]!), cities: [] });
    }
    this.cities = [];
    for (let i = 0; i < cities[0]!; i++) {
      const w = 1 + 6 * i;
      const province = this.provinces[cities[w + 2]!]!;
      const city = new PackedCity(this.str(cities[w + 1]!), this.str(cities[w]!), province, cities[w + 3] === 1, this, cities[w + 4]!, cities[w + 5]!);
      (province.cities as City[]).push(city);
      this.cities.push(city);
    }
    this.countyWords = counties;
    this.countyList = new Array<County | undefined>(counties[0]!);
    this.formLengths = Array.from(formLengths.subarray(1));
    this.townLengths = Array.from(townLengths.subarray(1));
    this.marks = Array.from(marks.subarray(1), (i) => this.str(i));
    const unitBits = (section: Int32Array): Uint32Array | null => {
      if (section[0] !== 1) return null;
      const bits = new Uint32Array(65536);
      for (let i = 1; i + 1 < section.length; i += 2) bits[section[i]!] = section[i + 1]! >>> 0;
      return bits;
    };
    this.lengthBits = unitBits(lengthBits);
    this.endBits = this.lengthBits ? unitBits(endBits) : null;
    const maps = sections.slice(9);
    this.maps = Object.fromEntries(
      MAPS.map((name, m) => {
        const s = maps[m]!;
        const n = s[0]!;
        const size = s[1]!;
        const half = s[2]!;
        // each part's words: a count of 16-bit halves takes half as many, rounded up
        const keyWords = half & 1 ? (n + 1) >> 1 : n;
        const slotWords = half & 2 ? (size + 1) >> 1 : size;
        let at = 3;
        const keyPart = s.subarray(at, (at += keyWords));
        const starts = s.subarray(at, (at += n + 1));
        const nValues = starts[n]!;
        const values = s.subarray(at, (at += nValues));
        const slotPart = s.subarray(at, (at += slotWords));
        // a damaged file: a lookup would never meet an empty slot (the caller builds the index from the list instead)
        if (n >= size || (size & (size - 1)) !== 0 || (half & ~3) !== 0 || keyPart.length !== keyWords || slotPart.length !== slotWords) {
          throw new Error(`packed divisions: map ${name} is damaged`);
        }
        const keys = half & 1 ? readHalves(keyPart, n, littleEndian) : keyPart;
        const slots = half & 2 ? readHalves(slotPart, size, littleEndian) : slotPart;
        return [name, new PackedMap(this, keys, starts, values, slots)];
      }),
    ) as Record<MapName, PackedMap>;
  }

  /**
   * The file's index, or undefined when these bytes are not one this build reads (another format, cut short) or were
   * made from a list of another length than `jsonBytes` (when the caller knows it). `littleEndian`: this machine's byte order
   * (the big-endian path is read, not run: the machines the tests and the executables run on are little-endian).
   */
  static read(bytes: Uint8Array, jsonBytes?: number, littleEndian = LITTLE_ENDIAN): PackedDivisions | undefined {
    if (bytes.length < 16 || bytes.length % 4 !== 0) return undefined;
    // the words as this machine reads them: in place on a little-endian one, else a byte-swapped copy (the chars are
    // decoded from the file's own bytes, as UTF-16LE, either way)
    const own = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
    let words: Int32Array;
    if (littleEndian) words = new Int32Array(own.buffer, own.byteOffset, own.length / 4);
    else {
      const swapped = new Uint8Array(own.length);
      for (let i = 0; i < own.length; i += 4) {
        swapped[i] = own[i + 3]!;
        swapped[i + 1] = own[i + 2]!;
        swapped[i + 2] = own[i + 1]!;
        swapped[i + 3] = own[i]!;
      }
      words = new Int32Array(swapped.buffer);
    }
    if (words[0] !== MAGIC || words[1] !== FORMAT || words[2] !== words.length) return undefined;
    if (jsonBytes !== undefined && words[3] !== jsonBytes) return undefined;
    const sections: Int32Array[] = [];
    for (let at = 4; at < words.length; ) {
      const n = words[at]!;
      if (n < 0 || at + 1 + n > words.length) return undefined;
      sections.push(words.subarray(at + 1, at + 1 + n));
      at += 1 + n;
    }
    if (sections.length !== 11 + MAPS.length) return undefined;
    const [offsetWords, charWords, ...rest] = sections as [Int32Array, Int32Array, ...Int32Array[]];
    const chars = charWords[0]!;
    const offsets = offsetWords.subarray(1);
    if (offsets.length !== offsetWords[0]! + 1 || offsets[offsets.length - 1] !== chars || (charWords.length - 1) * 2 < chars) return undefined;
    // The units are read where they lie, each name made from them when asked for: a run makes a few thousand of the
    // ~52,000 names. Decoded whole, the table was a ~400 KB string on the heap: ~100 fresh pages (each ~19-40 µs on the
    // virtual machines fupin is measured on) and ~2-7 ms of a 50-row validate, for names no run reads.
    const charsAt = own.byteOffset + charWords.byteOffset - words.byteOffset + 4;
    const units = littleEndian
      ? new Uint16Array(own.buffer, charsAt, chars)
      : Uint16Array.from({ length: chars }, (_, i) => own[charsAt - own.byteOffset + 2 * i]! | (own[charsAt - own.byteOffset + 2 * i + 1]! << 8));
    return new PackedDivisions(units, offsets, rest, littleEndian);
  }


  /** String `i` of the string table. */
  str(i: number): string {
    const start = this.offsets[i]!;
    const end = this.offsets[i + 1]!;
    // names are short (a township's ~3-6 units); a long one (the list's source note) in pieces, within any engine's
    // argument limit
    if (end - start <= 64) return String.fromCharCode.apply(null, this.units.subarray(start, end) as unknown as number[]);
    let out = '';
    for (let at = start; at < end; at += 4096) out += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
    return out;
  }

  /** Whether string `i` is `name`, without making it. */
  equals(i: number, name: string): boolean {
    const start = this.offsets[i]!;
    if (this.offsets[i + 1]! - start !== name.length) return false;
    const units = this.units;
    for (let j = 0; j < name.length; j++) if (units[start + j] !== name.charCodeAt(j)) return false;
    return true;
  }

  /** A place by its code (see placeCode). */
  place(code: number): Province | City | County {
    const i = code >>> 2;
    switch (code & 0b11) {
      case 0:
        return this.provinces[i]!;
      case 1:
        return this.cities[i]!;
      default:
        return this.county(i);
    }
  }

  /** County `i` in list order. */
  county(i: number): County {
    const made = this.countyList[i];
    if (made) return made;
    this.cities[this.countyWords[3 + 6 * i]!]!.counties; // makes the city's counties
    return this.countyList[i]!;
  }

  /** The counties `first` … `first + count - 1` of a city (PackedCity.counties). */
  makeCounties(city: City, first: number, count: number): County[] {
    const w = this.countyWords;
    const out: County[] = [];
    for (let i = first; i < first + count; i++) {
      const at = 1 + 6 * i;
      const county = new PackedCounty(this.str(w[at + 1]!), this.str(w[at]!), city, w[at + 5] === 1, this, w[at + 3]!, w[at + 4]!);
      this.countyList[i] = county;
      out.push(county);
    }
    return out;
  }
}

/** A city of a packed index: its counties are made when first asked for. */
class PackedCity implements City {
  readonly level = 'city';
  private countyList?: readonly County[];

  constructor(
    readonly code: string,
    readonly name: string,
    readonly province: Province,
    readonly pseudo: boolean,
    private readonly file: PackedDivisions,
    private readonly firstCounty: number,
    private readonly countyCount: number,
  ) {}

  get counties(): readonly County[] {
    this.countyList ??= this.file.makeCounties(this, this.firstCounty, this.countyCount);
    return this.countyList;
  }
}

/** A county of a packed index: its townships are made from the string table when first read (a run reads a few counties', not 41,000 names). */
class PackedCounty implements County {
  readonly level = 'county';
  private townList?: readonly string[];

  constructor(
    readonly code: string,
    readonly name: string,
    readonly city: City,
    readonly zone: boolean,
    private readonly file: PackedDivisions,
    private readonly townStart: number,
    private readonly townCount: number,
  ) {}

  get towns(): readonly string[] {
    if (!this.townList) {
      const towns: string[] = [];
      for (let i = 0; i < this.townCount; i++) towns.push(this.file.str(this.townStart + i));
      this.townList = towns;
    }
    return this.townList;
  }
}
