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

/** Per index: the characters the keys replace, one at a time and in runs. */
const replaced = new WeakMap<DivisionIndex, { one: RegExp; runs: RegExp }>();

/**
 * What the keys replace: characters that are not Han, lie in the BMP (so offsets never move) and occur in no
 * place name of the index (the names hold a few: brackets, a hyphen …; DivisionIndex.nameMarks).
 */
function replacedChars(idx: DivisionIndex): { one: RegExp; runs: RegExp } {
  let r = replaced.get(idx);
  if (r) return r;
  const kept = idx.nameMarks().map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
  const cls = `[^\\p{Script=Han}\\u{10000}-\\u{10ffff}${kept}]`;
  r = { one: new RegExp(cls, 'gu'), runs: new RegExp(`${cls}+`, 'gu') };
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

/** placesIn results of the scope last asked for, per index: one register is validated at a time, so one slot is enough and memory stays bounded. */
const shared = new WeakMap<DivisionIndex, { scope: string; cache: BoundedCache<PlaceMatch[]> }>();

/**
 * placesIn for one scope, remembered by addressKey: `places(compacted)` is `idx.placesIn(compacted, scope)`.
 * The matches returned are shared: read them, do not change them.
 */
export function placesMemo(idx: DivisionIndex, scope: PlaceScope): (compacted: string) => PlaceMatch[] {
  const scopeKey = [scope.province, scope.city, scope.county, scope.code].map((s) => s ?? '').join('\u0000');
  const slot = () => {
    let s = shared.get(idx);
    if (!s || s.scope !== scopeKey) {
      s = { scope: scopeKey, cache: new BoundedCache(PLACES_CACHE_SIZE) };
      shared.set(idx, s);
    }
    return s.cache;
  };
  return (compacted) => {
    const cache = slot();
    const key = addressKey(idx, compacted);
    let found = cache.get(key);
    if (found === undefined) {
      found = idx.placesIn(compacted, scope);
      cache.set(key, found);
    }
    return found;
  };
}
