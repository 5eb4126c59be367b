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
 * A growable column of 32-bit integers by a small integer (a household's number), 0 where nothing was set: what a
 * cross-row rule keeps per household in 4 bytes instead of an object and a map entry.
 */
export class IntColumn {
  private a = new Int32Array(1024);

  get(i: number): number {
    return i < this.a.length ? this.a[i]! : 0;
  }

  set(i: number, v: number): void {
    if (i >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= i) n *= 2;
      const b = new Int32Array(n);
      b.set(this.a);
      this.a = b;
    }
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
  private a = new Float64Array(1024);

  get(i: number): number {
    return i < this.a.length ? this.a[i]! : 0;
  }

  set(i: number, v: number): void {
    if (i >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= i) n *= 2;
      const b = new Float64Array(n);
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
}

/**
 * A map from whole numbers (1 … 2^53) to integers, kept in two typed arrays (open addressing): 12 bytes an entry at
 * most half full, where a Map costs ~45 bytes an entry plus its keys. What a cross-row rule keeps per phone number.
 */
export class NumberMap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  private slot(key: number, keys: Float64Array): number {
    const mask = keys.length - 1;
    let i = (Math.imul(key % 4294967296 | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & mask;
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The value of a key (a whole number ≥ 1), undefined when it has none. */
  get(key: number): number | undefined {
    const i = this.slot(key, this.keys);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: number, value: number): void {
    if (!(key >= 1 && Number.isSafeInteger(key))) throw new RangeError(`NumberMap: ${key} is not a whole number from 1`);
    let i = this.slot(key, this.keys);
    if (this.keys[i] !== key) {
      if (2 * (this.n + 1) > this.keys.length) {
        this.grow();
        i = this.slot(key, this.keys);
      }
      this.keys[i] = key;
      this.n++;
    }
    this.values[i] = value;
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
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private readonly starts = new IntColumn();
  private readonly lengths = new IntColumn();
  /** Entry number + 1 by slot; 0 is an empty slot. */
  private slots = new Int32Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  private same(i: number, s: string): boolean {
    if (this.lengths.get(i) !== s.length) return false;
    const start = this.starts.get(i);
    for (let k = 0; k < s.length; k++) if (this.chars[start + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** The slot holding `s`, or the empty slot where it would go. */
  private slot(s: string, h: number): number {
    const mask = this.slots.length - 1;
    let j = h & mask;
    for (;;) {
      const e = this.slots[j]!;
      if (e === 0 || this.same(e - 1, s)) return j;
      j = (j + 1) & mask;
    }
  }

  /** The number of a text, or -1 when it was never added. */
  find(s: string): number {
    const e = this.slots[this.slot(s, TextKeys.hash(s))]!;
    return e - 1;
  }

  /** The number of a text, added when new. */
  add(s: string): number {
    const h = TextKeys.hash(s);
    let j = this.slot(s, h);
    if (this.slots[j] !== 0) return this.slots[j]! - 1;
    if (2 * (this.n + 1) > this.slots.length) {
      this.rehash();
      j = this.slot(s, h);
    }
    if (this.used + s.length > this.chars.length) {
      let size = this.chars.length * 2;
      while (size < this.used + s.length) size *= 2;
      const bigger = new Uint16Array(size);
      bigger.set(this.chars.subarray(0, this.used));
      this.chars = bigger;
    }
    for (let k = 0; k < s.length; k++) this.chars[this.used + k] = s.charCodeAt(k);
    const i = this.n++;
    this.starts.set(i, this.used);
    this.lengths.set(i, s.length);
    this.used += s.length;
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
      const start = this.starts.get(e - 1);
      const end = start + this.lengths.get(e - 1);
      let h = 0x811c9dc5;
      for (let k = start; k < end; k++) h = Math.imul(h ^ this.chars[k]!, 0x01000193);
      let j = (h >>> 0) & mask;
      while (this.slots[j] !== 0) j = (j + 1) & mask;
      this.slots[j] = e;
    }
  }
}
