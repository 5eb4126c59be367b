// What makes the generated fixtures, templates and benchmark inputs the same on every run: a seeded PRNG and fixed zip dates.

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * exceljs (JSZip) stamps every zip entry with the current time: set every local header and central directory
 * entry to `date` (UTC, to the 2-second precision zip keeps) so the bytes are the same on every run.
 * Walks the zip's structure rather than searching for signatures, which compressed data may contain.
 */
export function stampZipDates(buf, date) {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    buf.writeUInt16LE(dosTime, at + 10);
    buf.writeUInt16LE(dosDate, at + 12);
    if (buf.readUInt16LE(at + 6) & 0x08) throw new Error('zip entry with a data descriptor: cannot walk it');
    at += 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28) + buf.readUInt32LE(at + 18);
  }
  while (at + 46 <= buf.length && buf.readUInt32LE(at) === 0x02014b50) {
    buf.writeUInt16LE(dosTime, at + 12);
    buf.writeUInt16LE(dosDate, at + 14);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (buf.readUInt32LE(at) !== 0x06054b50) throw new Error('unexpected zip layout');
  return buf;
}
