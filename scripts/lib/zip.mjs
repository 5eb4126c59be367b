// A minimal zip writer for the fixture generators: entries written byte by byte, fixed dates, so the output is the
// same on every run (make-hostile.mjs crafts lying and overlapping zips with it, make-legacy-fixtures.mjs rewrites .ods).
import zlib from 'node:zlib';

const DOS_TIME = (1 << 11) | (30 << 5); // 01:30:00
const DOS_DATE = ((2016 - 1980) << 9) | (9 << 5) | 12; // 2016-09-12

/**
 * entries: [{ name, data?: Buffer, method?: 0|8, raw?: { compressed, crc, size } , alias?: name }]
 * `raw` gives an already-deflated stream; `alias` makes a central-directory entry that points at another
 * entry's local header (an overlapping zip: one compressed stream read under many names).
 */
export function zip(entries) {
  const locals = [];
  const central = [];
  const offsets = new Map();
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    if (e.alias) {
      const target = offsets.get(e.alias);
      central.push(centralHeader(name, target.method, target.crc, target.csize, target.usize, target.offset));
      continue;
    }
    let method = e.method ?? 8;
    let compressed;
    let crc;
    let size;
    if (e.raw) {
      ({ compressed, crc, size } = e.raw);
      method = 8;
    } else {
      size = e.data.length;
      crc = zlib.crc32(e.data);
      compressed = method === 8 ? zlib.deflateRawSync(e.data, { level: 9 }) : e.data;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    offsets.set(e.name, { method, crc, csize: compressed.length, usize: size, offset });
    central.push(centralHeader(name, method, crc, compressed.length, size, offset));
    locals.push(local, name, compressed);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length, 8);
  eocd.writeUInt16LE(central.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

function centralHeader(name, method, crc, csize, usize, offset) {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(crc >>> 0, 16);
  h.writeUInt32LE(csize, 20);
  h.writeUInt32LE(usize >>> 0, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}
