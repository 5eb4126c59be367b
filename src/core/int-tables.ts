// Compact per-row and per-household storage for what is kept across a register: integers in growable typed arrays, texts
// once each. A register of a million rows keeps a few of these per row instead of an object and its strings.
/**
 * The same text as a string of its own, for keeping. A cell's text may be a slice of its whole CSV line (and a
 * key built from it a chain of such pieces), which would keep the line alive as long as the key is kept.
 * Slicing a fresh concatenation makes V8 copy the characters into a new string the slice then points into.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * The room these tables start with (a power of two): they are made per register, and a folder's registers mostly hold
 * a few dozen rows (1,024 was ~40 KB of zeroed arrays per register in validation); they double as they fill.
 */
const SMALL = 64;

/** The array grown (doubled) to hold index i, its values kept. */
function grown<T extends Int32Array | Float64Array>(a: T, i: number, make: (n: number) => T): T {
  let n = a.length * 2;
  while (n <= i) n *= 2;
  const b = make(n);
  b.set(a);
  return b;
}

/**
 * A growable column of 32-bit integers by a small integer (a household's number), 0 where nothing was set: what a
 * cross-row rule keeps per household in 4 bytes instead of an object and a map entry.
 */
export class IntColumn {
  private a: Int32Array;

  /** `capacity`: the values held before it first grows (a register's columns start small: most hold a few dozen rows). */
  constructor(capacity = SMALL) {
    this.a = new Int32Array(Math.max(1, capacity));
  }

  get(i: number): number {
    return i < this.a.length ? this.a[i]! : 0;
  }

  set(i: number, v: number): void {
    if (i >= this.a.length) this.a = grown(this.a, i, (n) => new Int32Array(n));
    this.a[i] = v;
  }
}

/** Texts kept once each, as small integers (names and organisations repeat down a register). */
export class TextTable {
  private readonly nos = new Map<string, number>();
  private readonly texts: string[] = [];

  no(text: string): number {
    let n = this.nos.get(text);
    if (n === undefined) {
      n = this.texts.length;
      const kept = detach(text);
      this.texts.push(kept);
      this.nos.set(kept, n);
    }
    return n;
  }

  text(no: number): string {
    return this.texts[no]!;
  }
}

/** A growable column of 64-bit floats by a small integer, 0 where nothing was set (a phone's digits as one number). */
export class FloatColumn {
  private a = new Float64Array(SMALL);

  get(i: number): number {
    return i < this.a.length ? this.a[i]! : 0;
  }

  set(i: number, v: number): void {
    if (i >= this.a.length) this.a = grown(this.a, i, (n) => new Float64Array(n));
    this.a[i] = v;
  }
}

/**
 * A map from whole numbers (1 … 2^53) to integers, kept in two typed arrays (open addressing): 12 bytes an entry at
 * most half full, where a Map costs ~45 bytes an entry plus its keys. What a cross-row rule keeps per phone number.
 */
export class NumberMap {
  private keys = new Float64Array(SMALL);
  private values = new Int32Array(SMALL);
  private n = 0;

  get size(): number {
    return this.n;
  }

  private slot(key: number, keys: Float64Array): number {
    const mask = keys.length - 1;
    // key | 0: the low 32 bits (ToInt32 takes a whole number modulo 2^32), as key % 2^32 | 0 gives them, without a float modulo
    let i = (Math.imul(key | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & mask;
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The value of a key (a whole number ≥ 1), undefined when it has none. */
  get(key: number): number | undefined {
    const i = this.slot(key, this.keys);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  /** The value of a key when it has one; else sets it to `value` and gives undefined (get, then set, in one probe). */
  getOrSet(key: number, value: number): number | undefined {
    const i = this.slot(key, this.keys);
    if (this.keys[i] === key && key !== 0) return this.values[i];
    // (insertAt may grow the arrays: the slot first, then this.values)
    const j = this.insertAt(i, key);
    this.values[j] = value;
    return undefined;
  }

  set(key: number, value: number): void {
    let i = this.slot(key, this.keys);
    // (0 is an empty slot's key, never a key of its own: insertAt refuses it)
    if (this.keys[i] !== key || key === 0) i = this.insertAt(i, key);
    this.values[i] = value;
  }

  /** Puts a key not in the map into its empty slot i (another after growing): the slot it is in. */
  private insertAt(slot: number, key: number): number {
    if (!(key >= 1 && Number.isSafeInteger(key))) throw new RangeError(`NumberMap: ${key} is not a whole number from 1`);
    let i = slot;
    if (2 * (this.n + 1) > this.keys.length) {
      this.grow();
      i = this.slot(key, this.keys);
    }
    this.keys[i] = key;
    this.n++;
    return i;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(keys.length);
    for (let j = 0; j < this.keys.length; j++) {
      const k = this.keys[j]!;
      if (k === 0) continue;
      const i = this.slot(k, keys);
      keys[i] = k;
      values[i] = this.values[j]!;
    }
    this.keys = keys;
    this.values = values;
  }
}

/**
 * Texts kept as UTF-16 code units in one growing array and numbered 0, 1, 2 … in the order added, found again by their
 * content (open addressing on a hash): ~2 bytes a character and 16 an entry, where a Map of strings costs a string
 * (~40 bytes for a short Chinese key) and ~45 bytes an entry. What the household index keeps per name and village.
 */
export class TextKeys {
  private chars: Uint16Array;
  private used = 0;
  private readonly starts: IntColumn;
  private readonly lengths: IntColumn;
  /** Each entry's hash, so that the table grows without hashing every text again. */
  private readonly hashes: IntColumn;
  /** Entry number + 1 by slot; 0 is an empty slot. */
  private slots: Int32Array;
  private n = 0;
  /** A text's code units while it is looked up (addUnits' callers fill one of their own). */
  private scratch = new Uint16Array(256);

  /**
   * Room made at once for `entries` texts of `chars` code units in all; the table grows by doubling past them. Small by
   * default: a table is made per register (a folder of 2,000 small registers made 2,000 × 3 tables of 128 KB of
   * characters each, most of it never used); one that grows to a province's households doubles a few times more.
   */
  constructor(entries = 64, chars = 2048) {
    this.chars = new Uint16Array(Math.max(1, chars));
    this.starts = new IntColumn(entries);
    this.lengths = new IntColumn(entries);
    this.hashes = new IntColumn(entries);
    // a power of two, at least twice the entries (the table is kept at most half full)
    let slots = 8;
    while (slots < 2 * entries) slots *= 2;
    this.slots = new Int32Array(slots);
  }

  get size(): number {
    return this.n;
  }

  /** FNV-1a over code units: what addUnits expects as `hash` (a caller filling its units can compute it on the way). */
  static hashUnits(units: Uint16Array, length: number): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
    return h >>> 0;
  }

  /** `s` in the scratch units; its length. */
  private fill(s: string): number {
    if (s.length > this.scratch.length) this.scratch = new Uint16Array(Math.max(s.length, 2 * this.scratch.length));
    for (let i = 0; i < s.length; i++) this.scratch[i] = s.charCodeAt(i);
    return s.length;
  }

  private same(i: number, units: Uint16Array, length: number): boolean {
    if (this.lengths.get(i) !== length) return false;
    const start = this.starts.get(i);
    for (let k = 0; k < length; k++) if (this.chars[start + k] !== units[k]) return false;
    return true;
  }

  /** The slot holding the text, or the empty slot where it would go. */
  private slot(units: Uint16Array, length: number, h: number): number {
    const mask = this.slots.length - 1;
    const hash = h | 0;
    let j = h & mask;
    for (;;) {
      const e = this.slots[j]!;
      // an entry of another hash is another text: its characters are compared only when the hashes are equal
      if (e === 0 || (this.hashes.get(e - 1) === hash && this.same(e - 1, units, length))) return j;
      j = (j + 1) & mask;
    }
  }

  /** The text the last find looked up (in the scratch units), its length, hash and slot: what addFound adds. */
  private lastLength = -1;
  private lastHash = 0;
  private lastSlot = 0;

  /** The number of a text, or -1 when it was never added. */
  find(s: string): number {
    const length = this.fill(s);
    const h = TextKeys.hashUnits(this.scratch, length);
    const j = this.slot(this.scratch, length, h);
    const e = this.slots[j]!;
    if (e === 0) {
      this.lastLength = length;
      this.lastHash = h;
      this.lastSlot = j;
    } else this.lastLength = -1;
    return e - 1;
  }

  /**
   * Adds the text the last call of find did not find (its units are still in the scratch), without reading or hashing
   * it again: its number. Only right after such a find, with no other call on this table in between.
   */
  addFound(): number {
    const length = this.lastLength;
    if (length < 0) throw new Error('TextKeys.addFound: no text was just not found');
    this.lastLength = -1;
    return this.insert(this.lastSlot, this.scratch, length, this.lastHash);
  }

  /** The number of a text, added when new. */
  add(s: string): number {
    const length = this.fill(s);
    return this.addUnits(this.scratch, length, TextKeys.hashUnits(this.scratch, length));
  }

  /**
   * The number of the text `units[0…length)` (`hash`: hashUnits of it, which the table uses again when it grows), added when new: for a caller that makes a key's
   * code units itself, so that no string is made for the key.
   */
  addUnits(units: Uint16Array, length: number, hash: number): number {
    this.lastLength = -1;
    const j = this.slot(units, length, hash);
    if (this.slots[j] !== 0) return this.slots[j]! - 1;
    return this.insert(j, units, length, hash);
  }

  /** Adds the text `units[0…length)` (not in the table) whose empty slot is j: its number. */
  private insert(slot: number, units: Uint16Array, length: number, hash: number): number {
    let j = slot;
    if (2 * (this.n + 1) > this.slots.length) {
      this.rehash();
      j = this.slot(units, length, hash);
    }
    if (this.used + length > this.chars.length) {
      let size = this.chars.length * 2;
      while (size < this.used + length) size *= 2;
      const bigger = new Uint16Array(size);
      bigger.set(this.chars.subarray(0, this.used));
      this.chars = bigger;
    }
    // a loop, not set(units.subarray(…)): no view object per text added
    const chars = this.chars;
    for (let k = 0, at = this.used; k < length; k++) chars[at + k] = units[k]!;
    const i = this.n++;
    this.starts.set(i, this.used);
    this.lengths.set(i, length);
    this.hashes.set(i, hash | 0);
    this.used += length;
    this.slots[j] = i + 1;
    return i;
  }

  /** The text numbered i. */
  text(i: number): string {
    const start = this.starts.get(i);
    const end = start + this.lengths.get(i);
    let s = '';
    // in pieces: fromCharCode takes its arguments on the stack
    for (let k = start; k < end; k += 4096) s += String.fromCharCode(...this.chars.subarray(k, Math.min(end, k + 4096)));
    return s;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const e of old) {
      if (e === 0) continue;
      let j = this.hashes.get(e - 1) & mask;
      while (this.slots[j] !== 0) j = (j + 1) & mask;
      this.slots[j] = e;
    }
  }
}
