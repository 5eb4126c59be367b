// The zip writer behind the cards workbook: what it writes, fupin's own zip reader and ExcelJS read back.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { ZipArchive } from '../../src/io/zip.js';
import { crc32, ZipWriter } from '../../src/io/zip-write.js';

function zip(entries: { name: string; data: Uint8Array; level?: number }[]): Buffer {
  const w = new ZipWriter();
  const chunks = entries.flatMap((e) => w.add(e));
  return Buffer.concat([...chunks, ...w.finish()]);
}

describe('ZipWriter', () => {
  it('writes entries that read back byte for byte, names in UTF-8', () => {
    const big = Buffer.from('<row r="1"><c r="A1"/></row>'.repeat(50_000));
    const buf = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/卡片.xml', data: big, level: 4 },
      { name: 'empty', data: Buffer.alloc(0) },
    ]);
    const archive = ZipArchive.open(buf, DEFAULT_LIMITS);
    expect(archive.entries().map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/worksheets/卡片.xml', 'empty']);
    expect(archive.readPart('xl/worksheets/卡片.xml')!.equals(big)).toBe(true);
    expect(archive.readPart('empty')!.length).toBe(0);
    for (const e of archive.entries()) expect(e.crc32 >>> 0).toBe(crc32(archive.read(e)));
    // deflated, and much smaller than the repetitive text
    expect(buf.length).toBeLessThan(big.length / 50);
  });

  it('gives the same bytes for the same input (a fixed date in every header)', () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('甲乙丙') }];
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });
});

describe('crc32', () => {
  it('is the zip checksum, with or without zlib.crc32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    const native = (zlib as unknown as { crc32?: unknown }).crc32;
    try {
      (zlib as unknown as { crc32?: unknown }).crc32 = undefined;
      expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
      expect(crc32(Buffer.from('结对帮扶卡'))).toBe(crc32Reference(Buffer.from('结对帮扶卡')));
    } finally {
      (zlib as unknown as { crc32?: unknown }).crc32 = native;
    }
  });
});

/** Bit by bit, as the zip specification gives it. */
function crc32Reference(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
