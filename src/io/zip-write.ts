// A ZIP archive of a few files (fupin serve's "everything" download): deflated entries, UTF-8 names (flag bit 11, so
// 怀化市/溆浦县.xlsx shows right in Explorer and WPS), no ZIP64 (the archive stays far under 4 GiB: limits of serve).
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export interface ZipInput {
  /** Path inside the archive, `/` separators. */
  name: string;
  bytes: Uint8Array;
}

/** The fields local and central headers share (version needed, UTF-8 flag, deflate, time, date, crc, sizes, name length). */
function common(h: Buffer, at: number, e: { crc: number; packed: number; size: number; name: number }, time: number, date: number): void {
  h.writeUInt16LE(20, at);
  h.writeUInt16LE(0x0800, at + 2);
  h.writeUInt16LE(8, at + 4);
  h.writeUInt16LE(time, at + 6);
  h.writeUInt16LE(date, at + 8);
  h.writeUInt32LE(e.crc, at + 10);
  h.writeUInt32LE(e.packed, at + 14);
  h.writeUInt32LE(e.size, at + 18);
  h.writeUInt16LE(e.name, at + 22);
}

export function zipFiles(files: readonly ZipInput[], when: Date = new Date()): Buffer {
  const { time, date } = dosTime(when);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = deflateRawSync(f.bytes);
    const e = { crc: crc32(f.bytes), packed: data.length, size: f.bytes.length, name: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4, e, time, date);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    common(central, 6, e, time, date);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
