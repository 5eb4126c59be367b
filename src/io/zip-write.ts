// A plain zip writer for the workbooks fupin assembles itself (the cards): deflated entries, a central directory, no zip64
// (an entry or the whole archive over 4 GiB is refused). Each entry's bytes are handed back as soon as it is added, the
// central directory at the end: a large archive goes to its file part by part and is never held whole.
import zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as zip uses it (zlib's own when this Node has one: 20.15 and later). */
export function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** zlib level (default 6); large, repetitive parts compress well at lower levels, faster. */
  level?: number;
}

const LIMIT = 0xffffffff;
/** 1980-01-01 00:00, DOS format: a fixed time, so that the same input gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Zips the entries in order; every entry deflated. */
export class ZipWriter {
  private readonly central: Buffer[] = [];
  private offset = 0;
  private count = 0;

  /** The entry's local header and data, to be written next. */
  add(entry: ZipInput): Buffer[] {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const body = zlib.deflateRawSync(entry.data, { level: entry.level ?? 6 });
    if (entry.data.length >= LIMIT || body.length >= LIMIT || this.offset + body.length + 30 + name.length >= LIMIT) {
      throw new RangeError(`${entry.name}: too large for a zip without zip64`);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(entry.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(this.offset, 42);
    this.central.push(dir, name);

    this.offset += local.length + name.length + body.length;
    this.count++;
    if (this.count >= 0xffff) throw new RangeError('too many entries for a zip without zip64');
    return [local, name, body];
  }

  /** The central directory and its end record: the archive's last bytes. */
  finish(): Buffer[] {
    const size = this.central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(this.offset, 16);
    return [...this.central, end];
  }
}
