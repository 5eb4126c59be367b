// Values made from small byte strings, found again by the exact bytes: a part many workbooks of a folder store alike.

/**
 * What `make` gave for bytes equal to these, under the same `key`: found only when the bytes are byte for byte the
 * same (compared whole, never by a checksum or the key alone), so the value is the one `make` would give again. Only
 * values made without throwing are kept, with a copy of their bytes (the bytes given may be a view of a buffer used
 * again); at most `maxEntries`, then it starts again. Values are shared between callers: read them, never change them.
 * Used for parsed workbook-level parts (xlsx-reader's PartMemo) and their inflated bytes (ZipArchive.readShared).
 */
export class BytesMemo<V> {
  private entries = new Map<string, { bytes: Buffer; value: V }[]>();
  private count = 0;

  constructor(private readonly maxEntries: number) {}

  /** How many values are kept. */
  get size(): number {
    return this.count;
  }

  /** The value kept for `bytes` under `key`, else make()'s, kept. */
  get(key: string, bytes: Uint8Array, make: () => V): V {
    const list = this.entries.get(key);
    if (list) for (const e of list) if (e.bytes.equals(bytes)) return e.value;
    const value = make();
    if (this.count >= this.maxEntries) {
      this.entries = new Map();
      this.count = 0;
    }
    const entry = { bytes: Buffer.from(bytes), value };
    // looked up again: the list found above belonged to the map let go when it started again
    const again = this.entries.get(key);
    if (again) again.push(entry);
    else this.entries.set(key, [entry]);
    this.count++;
    return value;
  }
}
