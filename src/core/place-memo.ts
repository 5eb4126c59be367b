// Remembers what the address rules found in an address, keyed so that addresses differing only in house numbers and punctuation share one entry.
//
// DivisionIndex.placesIn reads an address by its Han characters: which names the text holds, where (offsets),
// and whether the characters around a name are Han. A character that is not Han and occurs in no place name
// (digits, most punctuation) can only ever be "not Han, not part of a name", so replacing each such character
// with one placeholder of the same length changes nothing placesIn can see (addressKey). A rule reading the
// matches and the Han text around them does not see offsets either, so for its findings a whole run of such
// characters can be one placeholder (findingKey).
import type { DivisionIndex, PlaceMatch, PlaceScope } from './divisions.js';
import { detach } from './household.js';
import { TextKeys } from './int-tables.js';

/** Findings a rule remembers before it starts again (an entry is well under 100 bytes). */
export const FINDING_CACHE_SIZE = 50_000;
/** placesIn results kept: the two address rules ask about the same address one after the other. */
const PLACES_CACHE_SIZE = 256;

const PLACEHOLDER = '\u0001';

/** A Map that forgets everything when it grows past its size (addresses repeat in runs, not forever). */
export class BoundedCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly size = FINDING_CACHE_SIZE) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.size) this.map = new Map();
    this.map.set(detach(key), value);
  }
}

/** Per index: the characters the keys replace, one at a time and in runs; `test`: whether one character is replaced. */
const replaced = new WeakMap<DivisionIndex, { one: RegExp; runs: RegExp; test: RegExp }>();

/**
 * What the keys replace: characters that are not Han, lie in the BMP (so offsets never move) and occur in no
 * place name of the index (the names hold a few: brackets, a hyphen …; DivisionIndex.nameMarks).
 */
function replacedChars(idx: DivisionIndex): { one: RegExp; runs: RegExp; test: RegExp } {
  let r = replaced.get(idx);
  if (r) return r;
  const kept = idx.nameMarks().map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
  const cls = `[^\\p{Script=Han}\\u{10000}-\\u{10ffff}${kept}]`;
  r = { one: new RegExp(cls, 'gu'), runs: new RegExp(`${cls}+`, 'gu'), test: new RegExp(`^${cls}$`, 'u') };
  replaced.set(idx, r);
  return r;
}

/**
 * An address already compacted (normalize.compact: what placesIn reads) with every character that is neither
 * Han nor part of a place name replaced by a placeholder: addresses with one key have the same place matches,
 * at the same offsets.
 */
export function addressKey(idx: DivisionIndex, compacted: string): string {
  return compacted === '' ? compacted : compacted.replace(replacedChars(idx).one, PLACEHOLDER);
}

/**
 * A key for what a rule concludes from a compacted address: like addressKey, each run of replaced characters
 * made one placeholder. How long such a run is changes no match, no "is there Han between" and no "what
 * follows", only offsets, which the address rules use relative to the matches themselves.
 */
export function findingKey(idx: DivisionIndex, compacted: string): string {
  return compacted === '' ? compacted : compacted.replace(replacedChars(idx).runs, PLACEHOLDER);
}

/** Per index: by UTF-16 code unit, 1 when findingKey replaces it, 2 when it keeps it, 0 not looked at yet. */
const unitKinds = new WeakMap<DivisionIndex, Uint8Array>();

/**
 * Compacted addresses numbered by their findingKey, without making the key: equal keys, equal numbers (0, 1, 2 … in the
 * order first met). Each address costs one pass over its characters and no string, where findingKey's replace and a Map
 * lookup on the fresh key cost a string and its hash per row. Bounded like BoundedCache: after `size` keys the numbering
 * starts again and `epoch` changes, so a number kept from an earlier epoch means nothing (callers drop what they keyed by it).
 */
export class FindingKeys {
  private keys = new TextKeys();
  private units = new Uint16Array(256);
  private readonly kinds: Uint8Array;
  private readonly test: RegExp;
  /** Incremented each time the numbering starts again. */
  epoch = 0;

  constructor(
    idx: DivisionIndex,
    private readonly size = FINDING_CACHE_SIZE,
  ) {
    let kinds = unitKinds.get(idx);
    if (!kinds) unitKinds.set(idx, (kinds = new Uint8Array(65536)));
    this.kinds = kinds;
    this.test = replacedChars(idx).test;
  }

  /** How many keys are numbered in this epoch. */
  get count(): number {
    return this.keys.size;
  }

  /** The number of findingKey(idx, compacted). */
  no(compacted: string): number {
    const len = compacted.length;
    if (len > this.units.length) this.units = new Uint16Array(Math.max(len, 2 * this.units.length));
    const units = this.units;
    const kinds = this.kinds;
    let n = 0;
    let h = 0x811c9dc5;
    let run = false;
    for (let i = 0; i < len; i++) {
      const c = compacted.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = compacted.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          // a character outside the BMP: kept whole
          units[n++] = c;
          units[n++] = d;
          h = Math.imul(Math.imul(h ^ c, 0x01000193) ^ d, 0x01000193);
          i++;
          run = false;
          continue;
        }
      }
      let kind = kinds[c]!;
      if (kind === 0) kinds[c] = kind = this.test.test(String.fromCharCode(c)) ? 1 : 2;
      if (kind === 2) {
        units[n++] = c;
        h = Math.imul(h ^ c, 0x01000193);
        run = false;
      } else if (!run) {
        units[n++] = PLACEHOLDER_UNIT;
        h = Math.imul(h ^ PLACEHOLDER_UNIT, 0x01000193);
        run = true;
      }
    }
    const no = this.keys.addUnits(units, n, h >>> 0);
    if (no < this.size) return no;
    // a key past the bound: the numbering starts again with it
    this.keys = new TextKeys();
    this.epoch++;
    return this.keys.addUnits(units, n, h >>> 0);
  }
}

const PLACEHOLDER_UNIT = PLACEHOLDER.charCodeAt(0);

/** placesIn results of the scope last asked for, per index: one register is validated at a time, so one slot is enough and memory stays bounded. */
const shared = new WeakMap<DivisionIndex, Slot>();

/** One scope's remembered placesIn results, and the last address asked (the second rule asks it right after the first). */
interface Slot {
  scope: string;
  cache: BoundedCache<PlaceMatch[]>;
  lastText?: string;
  lastFound?: PlaceMatch[];
}

/**
 * placesIn for one scope, remembered by addressKey: `places(compacted)` is `idx.placesIn(compacted, scope)`.
 * The matches returned are shared: read them, do not change them.
 */
export function placesMemo(idx: DivisionIndex, scope: PlaceScope): (compacted: string) => PlaceMatch[] {
  const scopeKey = [scope.province, scope.city, scope.county, scope.code].map((s) => s ?? '').join('\u0000');
  const slot = (): Slot => {
    let s = shared.get(idx);
    if (!s || s.scope !== scopeKey) {
      s = { scope: scopeKey, cache: new BoundedCache(PLACES_CACHE_SIZE) };
      shared.set(idx, s);
    }
    return s;
  };
  // the scope's place, found once (placesIn finds it on every call)
  const scopePlace = idx.placeOf(scope);
  return (compacted) => {
    const s = slot();
    // the same text as the last asked: the same key, so the same matches (no key made, no lookup)
    if (s.lastFound !== undefined && s.lastText === compacted) return s.lastFound;
    const key = addressKey(idx, compacted);
    let found = s.cache.get(key);
    if (found === undefined) {
      found = idx.placesWithin(compacted, scopePlace);
      s.cache.set(key, found);
    }
    s.lastText = compacted;
    s.lastFound = found;
    return found;
  };
}
