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

  /** Room for indexes below n at once (a register's row count, when known), not by doubling as they come. */
  reserve(n: number): void {
    if (n > this.a.length) this.a = grown(this.a, n - 1, (k) => new Int32Array(k));
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
  private a: Float64Array;

  /** `capacity`: the values held before it first grows. */
  constructor(capacity = SMALL) {
    this.a = new Float64Array(Math.max(1, capacity));
  }

  get(i: number): number {
    return i < this.a.length ? this.a[i]! : 0;
  }

  set(i: number, v: number): void {
    if (i >= this.a.length) this.a = grown(this.a, i, (n) => new Float64Array(n));
    this.a[i] = v;
  }

  /** Room for indexes below n at once (see IntColumn.reserve). */
  reserve(n: number): void {
    if (n > this.a.length) this.a = grown(this.a, n - 1, (k) => new Float64Array(k));
  }
}

/**
 * Numbers by position, given in order (position 0, 1, 2 …: push), kept as runs in which every number is its position plus
 * the run's offset: a register's sheet rows by pairing (one run while no row is skipped) and its 序号 values (one run
 * while they are right). 12 bytes a run where a column costs 4 bytes a position and more: a 200,000-row register's two
 * columns of serial-number were 1.6 MB of pages touched for the first time (~13 µs a page on this machine). NaN is kept
 * (a run of NaN); a number not a safe whole number, or -0, apart in a map by its position. The worst case, a new run at
 * every position (every 序号 wrong its own way), is 12 bytes a position, three times a column: ~12 MB for a million-row
 * register's column, within the 1M CSV's memory target (measured 212 MiB against ≤ 450).
 */
export class PositionRuns {
  /** Run k: its first position and its offset (number − position; NaN: NaN; Infinity: the numbers are in `other`). */
  private starts = new Int32Array(8);
  private offsets = new Float64Array(8);
  private runs = 0;
  private n = 0;
  private readonly other = new Map<number, number>();
  /** The run get last read (get is mostly asked position after position). */
  private at = 0;

  /** How many numbers were given. */
  get length(): number {
    return this.n;
  }

  /** Gives the number at the next position (`length`). */
  push(value: number): void {
    const i = this.n++;
    let d: number;
    if (Number.isNaN(value)) d = NaN;
    else if (Number.isSafeInteger(value) && !Object.is(value, -0)) d = value - i;
    else {
      d = Infinity;
      this.other.set(i, value);
    }
    const k = this.runs - 1;
    if (k >= 0) {
      const last = this.offsets[k]!;
      if (last === d || (Number.isNaN(last) && Number.isNaN(d))) return;
    }
    if (this.runs === this.starts.length) {
      this.starts = grown(this.starts, this.runs, (m) => new Int32Array(m));
      this.offsets = grown(this.offsets, this.runs, (m) => new Float64Array(m));
    }
    this.starts[this.runs] = i;
    this.offsets[this.runs] = d;
    this.runs++;
  }

  /** The number given at position i (0 ≤ i < length). */
  get(i: number): number {
    if (!(i >= 0 && i < this.n)) throw new RangeError(`PositionRuns: no position ${i}`);
    const starts = this.starts;
    const runs = this.runs;
    let k = this.at;
    // the run read last or the next one (position after position), else a binary search
    if (!(starts[k]! <= i && (k + 1 === runs || i < starts[k + 1]!))) {
      if (k + 1 < runs && starts[k + 1]! <= i && (k + 2 === runs || i < starts[k + 2]!)) k++;
      else {
        let lo = 0;
        let hi = runs - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= i) lo = mid;
          else hi = mid - 1;
        }
        k = lo;
      }
      this.at = k;
    }
    const d = this.offsets[k]!;
    return d === Infinity ? this.other.get(i)! : d + i;
  }
}

/**
 * A map from whole numbers (1 … 2^53) to 32-bit integers: what a cross-row rule keeps per phone number. Open
 * addressing, at most half full, but a slot is 4 bytes, the entry's number + 1 (0: empty); the keys and values lie in
 * dense arrays by entry number, written in order. 20 bytes a key where slots of key and value side by side cost 32
 * (and a Map ~45 plus its keys): on this machine a page of memory touched for the first time costs more than the
 * probe itself (~5 ms a megabyte), and the slots, touched at random, are the part whose every page is touched.
 */
export class NumberMap {
  /** Slot j: the number + 1 of the entry whose key starts there or probed past to it (0: empty). */
  private slots: Int32Array;
  private mask: number;
  /** Entry i's key and value. */
  private keys: Float64Array;
  private values: Int32Array;
  private n = 0;

  /** `capacity`: the keys held before it first grows (a register's row count, when known: Register.expectedRows). */
  constructor(capacity = SMALL / 2) {
    let slots = 8;
    while (slots < 2 * capacity) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.keys = new Float64Array(slots / 2);
    this.values = new Int32Array(slots / 2);
  }

  get size(): number {
    return this.n;
  }

  private static start(key: number, mask: number): number {
    // key | 0: the low 32 bits (ToInt32 takes a whole number modulo 2^32), as key % 2^32 | 0 gives them, without a float modulo
    return (Math.imul(key | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & mask;
  }

  /** The slot holding the key's entry, or the empty slot where it would go. */
  private slot(key: number): number {
    const slots = this.slots;
    const keys = this.keys;
    const mask = this.mask;
    let i = NumberMap.start(key, mask);
    for (;;) {
      const e = slots[i]!;
      if (e === 0 || keys[e - 1] === key) return i;
      i = (i + 1) & mask;
    }
  }

  /** The value of a key (a whole number ≥ 1), undefined when it has none. */
  get(key: number): number | undefined {
    const e = this.slots[this.slot(key)]!;
    return e !== 0 ? this.values[e - 1] : undefined;
  }

  /**
   * The entry number of a key held (0, 1, 2 … in the order keys were added: a key added while the map held n keys is
   * entry n), -1 when it is not held: what a caller keeping more per key than the value keeps by.
   */
  entryOf(key: number): number {
    return this.slots[this.slot(key)]! - 1;
  }

  /** The value of a key when it has one; else sets it to `value` and gives undefined (get, then set, in one probe). */
  getOrSet(key: number, value: number): number | undefined {
    const i = this.slot(key);
    const e = this.slots[i]!;
    if (e !== 0) return this.values[e - 1];
    this.insertAt(i, key, value);
    return undefined;
  }

  set(key: number, value: number): void {
    const i = this.slot(key);
    const e = this.slots[i]!;
    if (e !== 0) this.values[e - 1] = value;
    else this.insertAt(i, key, value);
  }

  /** Puts a key not in the map, with its value, into its empty slot i (another after growing). */
  private insertAt(slot: number, key: number, value: number): void {
    // (0 is never a key: an empty slot is told by its entry number, but 0 is refused as before)
    if (!(key >= 1 && Number.isSafeInteger(key))) throw new RangeError(`NumberMap: ${key} is not a whole number from 1`);
    let i = slot;
    if (2 * (this.n + 1) > this.mask + 1) {
      this.grow();
      i = this.slot(key);
    }
    const e = this.n++;
    if (e >= this.keys.length) {
      this.keys = grown(this.keys, e, (k) => new Float64Array(k));
      this.values = grown(this.values, e, (k) => new Int32Array(k));
    }
    this.keys[e] = key;
    this.values[e] = value;
    this.slots[i] = e + 1;
  }

  /** Room for `more` keys beyond those held, made at once (a register's row count, when known): no growing while they come. */
  reserve(more: number): void {
    let size = this.mask + 1;
    while (2 * (this.n + more) > size) size *= 2;
    // once, to the size wanted (each doubling would read the whole of the last table: pages first touched for nothing)
    if (size > this.mask + 1) this.grow(size);
    const entries = this.n + more;
    if (entries > this.keys.length) {
      this.keys = grown(this.keys, entries - 1, (k) => new Float64Array(k));
      this.values = grown(this.values, entries - 1, (k) => new Int32Array(k));
    }
  }

  /** The slots made `size` (a power of two, more than held: by default twice as many), every entry put again. */
  private grow(size = 2 * (this.mask + 1)): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    const keys = this.keys;
    // entry by entry, in the order added (the old slots are not read)
    for (let e = 0; e < this.n; e++) {
      let i = NumberMap.start(keys[e]!, mask);
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * Texts kept as UTF-16 code units in one growing array and numbered 0, 1, 2 … in the order added, found again by their
 * content (open addressing on a hash): ~2 bytes a character and 16 an entry, where a Map of strings costs a string
 * (~40 bytes for a short Chinese key) and ~45 bytes an entry. What the household index keeps per name and village.
 *
 * A slot holds the entry's number + 1 (4 bytes: the slots are touched at random, every page of them, and a page touched
 * for the first time costs more than a cache miss); the entries' hashes lie in a dense array by entry, read only for a
 * slot taken (an empty slot ends a probe at once), and growing the slots reads only them. Entries' starts and lengths
 * are side by side.
 */
export class TextKeys {
  private chars: Uint16Array;
  private used = 0;
  /** Entry i: its first code unit in `chars` at 2i, its length at 2i + 1. */
  private spans: Int32Array;
  /** Slot j: entry number + 1 (0: an empty slot). */
  private slots: Int32Array;
  /** Entry i's hash (hashUnits of its text, as given to addUnits). */
  private hashes: Int32Array;
  /** The number of slots - 1 (a power of two - 1). */
  private mask: number;
  private n = 0;
  /** A text's code units while it is looked up (addUnits' callers fill one of their own). */
  private scratch = new Uint16Array(256);

  /**
   * Room made at once for `entries` texts of `chars` code units in all; the table grows by doubling past them. Small by
   * default: a table is made per register (a folder of 2,000 small registers made 2,000 × 3 tables of 128 KB of
   * characters each, most of it never used); give a big register's row count when it is known (reserve, Register.expectedRows), so that
   * the table is not copied a dozen times while it fills.
   */
  constructor(entries = 64, chars = 2048) {
    this.chars = new Uint16Array(Math.max(1, chars));
    this.spans = new Int32Array(2 * Math.max(1, entries));
    // a power of two, at least twice the entries (the table is kept at most half full)
    let slots = 8;
    while (slots < 2 * entries) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.hashes = new Int32Array(Math.max(1, entries));
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
    this.room(s.length);
    const scratch = this.scratch;
    for (let i = 0; i < s.length; i++) scratch[i] = s.charCodeAt(i);
    return s.length;
  }

  /** Scratch units for a text of `length` (grown when it is longer than any before); `length`. */
  private room(length: number): number {
    if (length > this.scratch.length) this.scratch = new Uint16Array(Math.max(length, 2 * this.scratch.length));
    return length;
  }

  private same(i: number, units: Uint16Array, length: number): boolean {
    if (this.spans[2 * i + 1] !== length) return false;
    const start = this.spans[2 * i]!;
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[start + k] !== units[k]) return false;
    return true;
  }

  /** The slot holding the text, or the empty slot where it would go. */
  private slot(units: Uint16Array, length: number, h: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = this.mask;
    const hash = h | 0;
    let j = h & mask;
    for (;;) {
      const e = slots[j]!;
      // an entry of another hash is another text: its characters are compared only when the hashes are equal
      if (e === 0 || (hashes[e - 1] === hash && this.same(e - 1, units, length))) return j;
      j = (j + 1) & mask;
    }
  }

  /** The text the last find looked up (in the scratch units), its length, hash and slot: what addFound adds. */
  private lastLength = -1;
  private lastHash = 0;
  private lastSlot = 0;

  /** The number of a text, or -1 when it was never added. */
  find(s: string): number {
    const length = this.room(s.length);
    return this.found(length, this.put(s, 0, 0x811c9dc5) >>> 0);
  }

  /**
   * find(a + String.fromCharCode(sep) + b), without making that string (a key of two parts, 户主姓名|village: the joined
   * string and its flat copy were made per row only to be read here). addFound adds it as find's text.
   */
  findJoined(a: string, sep: number, b: string): number {
    const length = this.room(a.length + 1 + b.length);
    let h = this.put(a, 0, 0x811c9dc5);
    this.scratch[a.length] = sep;
    h = Math.imul(h ^ sep, 0x01000193);
    return this.found(length, this.put(b, a.length + 1, h) >>> 0);
  }

  /**
   * Copies `s` into the scratch units from `at` (room made) and goes on with hashUnits' hash `h` over it: the copy and the
   * hash in one pass (the hash was a second loop over the scratch).
   */
  private put(s: string, at: number, h: number): number {
    const scratch = this.scratch;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      scratch[at + i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return h;
  }

  /** find's look-up of the text in the scratch units (`length` of them, hashUnits `h`), noted for addFound. */
  private found(length: number, h: number): number {
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
   * it again: its number. Only right after such a find, with no other call on this table in between. `tail`: a text
   * kept right after the key's characters, not part of the key (not hashed, not compared by find): what the caller
   * keeps once per key (a household's detail), read back by tail and tailIs, in the characters the table has anyway.
   */
  addFound(tail = ''): number {
    const length = this.lastLength;
    if (length < 0) throw new Error('TextKeys.addFound: no text was just not found');
    this.lastLength = -1;
    const i = this.insert(this.lastSlot, this.scratch, length, this.lastHash);
    if (tail !== '') this.append(tail);
    return i;
  }

  /** `s` kept after the last entry's characters (its tail: entries lie one after the other, so nothing records its end). */
  private append(s: string): void {
    const length = s.length;
    if (this.used + length > this.chars.length) this.chars = reservedUnits(this.chars, this.used, length);
    const chars = this.chars;
    const at = this.used;
    for (let k = 0; k < length; k++) chars[at + k] = s.charCodeAt(k);
    this.used += length;
  }

  /** Where entry i's tail starts and ends in `chars` (it ends where the next entry starts). */
  private tailStart(i: number): number {
    return this.spans[2 * i]! + this.spans[2 * i + 1]!;
  }

  private tailEnd(i: number): number {
    return i + 1 < this.n ? this.spans[2 * i + 2]! : this.used;
  }

  /** The tail given when text i was added ('' when none). */
  tail(i: number): string {
    return unitsText(this.chars, this.tailStart(i), this.tailEnd(i));
  }

  /** Whether text i's tail is `s`. */
  tailIs(i: number, s: string): boolean {
    const start = this.tailStart(i);
    const length = s.length;
    if (this.tailEnd(i) - start !== length) return false;
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[start + k] !== s.charCodeAt(k)) return false;
    return true;
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
    const e = this.slots[j]!;
    if (e !== 0) return e - 1;
    return this.insert(j, units, length, hash);
  }

  /** Adds the text `units[0…length)` (not in the table) whose empty slot is j: its number. */
  private insert(slot: number, units: Uint16Array, length: number, hash: number): number {
    let j = slot;
    if (2 * (this.n + 1) > this.mask + 1) {
      this.rehash();
      j = this.slot(units, length, hash);
    }
    if (this.used + length > this.chars.length) this.chars = reservedUnits(this.chars, this.used, length);
    // a loop, not set(units.subarray(…)): no view object per text added
    const chars = this.chars;
    const at = this.used;
    for (let k = 0; k < length; k++) chars[at + k] = units[k]!;
    const i = this.n++;
    if (2 * i + 1 >= this.spans.length) this.spans = grown(this.spans, 2 * i + 1, (n) => new Int32Array(n));
    if (i >= this.hashes.length) this.hashes = grown(this.hashes, i, (n) => new Int32Array(n));
    this.spans[2 * i] = at;
    this.spans[2 * i + 1] = length;
    this.hashes[i] = hash | 0;
    this.used += length;
    this.slots[j] = i + 1;
    return i;
  }

  /** The text numbered i. */
  text(i: number): string {
    const start = this.spans[2 * i]!;
    return unitsText(this.chars, start, start + this.spans[2 * i + 1]!);
  }

  /**
   * Room for `more` texts of `chars` code units in all beyond those held, made at once (a register's row count, when
   * known): the slots are not rehashed, nor the arrays copied, a dozen times while they come.
   */
  reserve(more: number, chars: number): void {
    let size = this.mask + 1;
    while (2 * (this.n + more) > size) size *= 2;
    // once, to the size wanted (each doubling would read the whole of the last table: pages first touched for nothing)
    if (size > this.mask + 1) this.rehash(size);
    if (2 * (this.n + more) > this.spans.length) this.spans = grown(this.spans, 2 * (this.n + more) - 1, (k) => new Int32Array(k));
    if (this.n + more > this.hashes.length) this.hashes = grown(this.hashes, this.n + more - 1, (k) => new Int32Array(k));
    this.chars = reservedUnits(this.chars, this.used, chars);
  }

  /** The slots made `size` (a power of two, more than held: by default twice as many), every entry put again. */
  private rehash(size = 2 * (this.mask + 1)): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    const hashes = this.hashes;
    // entry by entry, in the order added (the old slots are not read)
    for (let i = 0; i < this.n; i++) {
      let j = hashes[i]! & mask;
      while (slots[j] !== 0) j = (j + 1) & mask;
      slots[j] = i + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** `units` (its first `used` kept) with room for `more` units after them: itself when it has it, else a bigger copy. */
function reservedUnits(units: Uint16Array, used: number, more: number): Uint16Array {
  if (used + more <= units.length) return units;
  let size = units.length * 2;
  while (size < used + more) size *= 2;
  const bigger = new Uint16Array(size);
  bigger.set(units.subarray(0, used));
  return bigger;
}

/** The string of code units `units[start…end)`. */
function unitsText(units: Uint16Array, start: number, end: number): string {
  let s = '';
  // in pieces: fromCharCode takes its arguments on the stack
  for (let k = start; k < end; k += 4096) s += String.fromCharCode(...units.subarray(k, Math.min(end, k + 4096)));
  return s;
}
