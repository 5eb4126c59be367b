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
