// The zip reader: lookup by part name, bounded inflation, and clear refusals for lying, encrypted or damaged zips.
import { describe, expect, it } from 'vitest';
import { LimitExceeded } from '../../src/io/limits.js';
import zlib from 'node:zlib';
import { SMALL_PART, smallInflate, ZipArchive, ZipError } from '../../src/io/zip.js';
import { buildZip } from './zip-build.js';

const LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxCompressionRatio: 500 };

function refusal(fn: () => unknown): ZipError | LimitExceeded {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZipError || e instanceof LimitExceeded) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('ZipArchive', () => {
  it('finds parts case-insensitively, with backslashes or a leading slash, and reads stored and deflated entries', () => {
    const zip = ZipArchive.open(
      buildZip([
        { name: 'xl\\Workbook.XML', data: '<workbook/>' },
        { name: 'docProps/app.xml', data: 'stored text', method: 0 },
      ]),
      LIMITS,
    );
    expect(zip.entries().map((e) => e.name)).toEqual(['xl/Workbook.XML', 'docProps/app.xml']);
    expect(zip.readPart('/xl/workbook.xml')?.toString()).toBe('<workbook/>');
    expect(zip.readPart('DOCPROPS\\APP.XML')?.toString()).toBe('stored text');
    expect(zip.readPart('xl/missing.xml')).toBeUndefined();
    expect(zip.bytesInflated).toBe(11 + 11);
  });

  it('inflates only the parts asked for', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'a', data: 'x'.repeat(1000) }, { name: 'b', data: 'y'.repeat(5000) }]), LIMITS);
    zip.readPart('a');
    expect(zip.bytesInflated).toBe(1000);
  });

  it('refuses a file cut off before its central directory as truncated', () => {
    const buf = buildZip([{ name: 'xl/workbook.xml', data: 'z'.repeat(3000) }]);
    const e = refusal(() => ZipArchive.open(buf.subarray(0, Math.floor(buf.length * 0.6)), LIMITS));
    expect(e).toBeInstanceOf(ZipError);
    expect((e as ZipError).code).toBe('truncated');
  });

  it('refuses encrypted entries and unknown compression methods by name', () => {
    const zip = ZipArchive.open(
      buildZip([
        { name: 'secret.xml', data: 'abc', flags: 0x1 },
        { name: 'bz.xml', data: 'abc', method: 12 },
      ]),
      LIMITS,
    );
    expect(refusal(() => zip.readPart('secret.xml'))).toMatchObject({ code: 'encrypted', detail: 'secret.xml' });
    expect(refusal(() => zip.readPart('bz.xml'))).toMatchObject({ code: 'method', detail: 'bz.xml: compression method 12' });
  });

  it('never inflates past what the header says: a lying size is damage, found without allocating the real size', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const zip = ZipArchive.open(buildZip([{ name: 'xl/sharedStrings.xml', data: big, claimSize: 100 }]), LIMITS);
    const t = Date.now();
    const e = refusal(() => zip.readPart('xl/sharedStrings.xml'));
    expect(e).toMatchObject({ code: 'corrupt', detail: 'xl/sharedStrings.xml: larger than its header says' });
    expect(Date.now() - t).toBeLessThan(2000);
    expect(zip.bytesInflated).toBe(0);
  });

  it('refuses a part compressed beyond maxCompressionRatio before inflating it', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'bomb.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x41) }]), LIMITS);
    const e = refusal(() => zip.readPart('bomb.xml'));
    expect(e).toBeInstanceOf(LimitExceeded);
    expect((e as LimitExceeded).limit).toBe('maxCompressionRatio');
    expect((e as LimitExceeded).allowed).toBe(500);
    expect((e as LimitExceeded).actual).toBeGreaterThan(900);
    expect(zip.bytesInflated).toBe(0);
  });

  it('does not apply the ratio to small parts (a 1 MiB run of spaces is not a bomb)', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'small.xml', data: Buffer.alloc(1024 * 1024, 0x20) }]), LIMITS);
    expect(zip.readPart('small.xml')?.length).toBe(1024 * 1024);
  });

  it('counts every part read against maxUncompressedBytes, the same part twice included', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'a.xml', data: Buffer.from('q'.repeat(600_000)) }]), {
      maxUncompressedBytes: 1_000_000,
      maxCompressionRatio: 1e9,
    });
    zip.readPart('a.xml');
    const e = refusal(() => zip.readPart('a.xml'));
    expect(e).toMatchObject({ limit: 'maxUncompressedBytes', actual: 1_200_000, allowed: 1_000_000 });
  });

  it('readShared gives the bytes read gives, kept from an archive storing the same bytes, limits and checksums as read keeps them', () => {
    const text = '<Relationships>' + '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'.repeat(20) + '</Relationships>';
    const a = ZipArchive.open(buildZip([{ name: 'x.rels', data: text }]), LIMITS);
    const b = ZipArchive.open(buildZip([{ name: 'other.xml', data: 'other' }, { name: 'x.rels', data: text }]), LIMITS);
    const first = a.readShared(a.find('x.rels')!);
    expect(first.toString()).toBe(text);
    const again = b.readShared(b.find('x.rels')!);
    expect(again).toBe(first);
    expect(b.bytesInflated).toBe(Buffer.byteLength(text));
    // counted against the archive's limit on every read, kept or not
    const tight = ZipArchive.open(buildZip([{ name: 'x.rels', data: text }]), { maxUncompressedBytes: Buffer.byteLength(text) * 1.5, maxCompressionRatio: 500 });
    expect(tight.readShared(tight.find('x.rels')!)).toBe(first);
    expect(refusal(() => tight.readShared(tight.find('x.rels')!))).toMatchObject({ limit: 'maxUncompressedBytes' });
    // the same checksum and sizes over other bytes: not the kept part, but read (and refused) as read does
    const plain = ZipArchive.open(buildZip([{ name: 'x.rels', data: text, level: 0 }]), LIMITS);
    expect(plain.readShared(plain.find('x.rels')!).toString()).toBe(text);
    const twin = text.replace('rId1', 'rId2');
    const liar = ZipArchive.open(buildZip([{ name: 'x.rels', data: twin, claimCrc: zlib.crc32(text), level: 0 }]), LIMITS);
    expect(liar.find('x.rels')!.compressedSize).toBe(plain.find('x.rels')!.compressedSize);
    expect(refusal(() => liar.readShared(liar.find('x.rels')!))).toMatchObject({ code: 'corrupt', detail: 'x.rels: checksum mismatch' });
    // a damaged part is never kept: refused each time
    const bad = ZipArchive.open(buildZip([{ name: 'y.rels', data: text + ' ', claimCrc: 1234 }]), LIMITS);
    for (let i = 0; i < 2; i++) expect(refusal(() => bad.readShared(bad.find('y.rels')!))).toMatchObject({ code: 'corrupt', detail: 'y.rels: checksum mismatch' });
  });

  it('refuses a checksum mismatch', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'a.xml', data: 'hello', claimCrc: 1234 }]), LIMITS);
    expect(refusal(() => zip.readPart('a.xml'))).toMatchObject({ code: 'corrupt', detail: 'a.xml: checksum mismatch' });
  });

  it('refuses damaged deflate data as corrupt, not with a zlib error', () => {
    const buf = buildZip([{ name: 'a.xml', data: 'hello hello hello hello' }]);
    const start = buf.indexOf('a.xml') + 5;
    buf.fill(0xff, start, start + 4);
    const e = refusal(() => ZipArchive.open(buf, LIMITS).readPart('a.xml'));
    expect(e).toBeInstanceOf(ZipError);
    expect(['corrupt', 'truncated']).toContain((e as ZipError).code);
  });

  it('inflates small parts with one shared engine exactly as inflateRawSync does, and leaves everything doubtful to it', () => {
    // deterministic bytes of every kind: runs, text, noise; sizes around zlib's window and the fast path's limit
    let seed = 7;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 0xff;
    const sizes = [1, 2, 63, 64, 65, 1000, 4095, 4096, 4097, 32 * 1024, 32 * 1024 + 1, 200_000, SMALL_PART];
    for (const size of sizes) {
      for (const kind of ['noise', 'text', 'run']) {
        const raw = Buffer.alloc(size);
        for (let i = 0; i < size; i++) raw[i] = kind === 'noise' ? rnd() : kind === 'run' ? 0x20 : 0x41 + ((i * 7 + (i >> 5)) % 26);
        const data = zlib.deflateRawSync(raw);
        const fast = smallInflate(data, size);
        expect(fast?.equals(raw), `${kind} ${size}`).toBe(true);
        // a header that says less or more than the stream holds, a stream cut short, damaged bytes: never an answer
        expect(smallInflate(data, size - 1)).toBeUndefined();
        if (size < SMALL_PART) expect(smallInflate(data, size + 1)).toBeUndefined();
        expect(smallInflate(data.subarray(0, Math.max(0, data.length - 2)), size)).toBeUndefined();
        // and the shared engine is good after each refusal
        expect(smallInflate(data, size)?.equals(raw)).toBe(true);
      }
    }
    const big = zlib.deflateRawSync(Buffer.alloc(SMALL_PART + 1));
    expect(smallInflate(big, SMALL_PART + 1)).toBeUndefined();
    const damaged = zlib.deflateRawSync(Buffer.from('hello hello hello hello'));
    damaged.fill(0xff, 0, 4);
    expect(smallInflate(damaged, 23)).toBeUndefined();
    expect(smallInflate(zlib.deflateRawSync(Buffer.from('after the damage')), 16)?.toString()).toBe('after the damage');
  });

  it('says the same about a damaged or lying part whether or not the shared engine tried it first', () => {
    const cases = [
      buildZip([{ name: 'a.xml', data: 'x'.repeat(5000), claimSize: 4000 }]),
      buildZip([{ name: 'a.xml', data: 'x'.repeat(5000), claimSize: 6000 }]),
      (() => {
        const buf = buildZip([{ name: 'a.xml', data: 'hello hello hello hello' }]);
        const start = buf.indexOf('a.xml') + 5;
        buf.fill(0xff, start, start + 4);
        return buf;
      })(),
    ];
    for (const buf of cases) {
      const e = refusal(() => ZipArchive.open(buf, LIMITS).readPart('a.xml')) as ZipError;
      const entry = ZipArchive.open(buf, LIMITS).entries()[0]!;
      const start = entry.localOffset + 30 + buf.readUInt16LE(entry.localOffset + 26) + buf.readUInt16LE(entry.localOffset + 28);
      let direct: Error | undefined;
      try {
        zlib.inflateRawSync(buf.subarray(start, start + entry.compressedSize), { maxOutputLength: entry.uncompressedSize });
      } catch (x) {
        direct = x as Error;
      }
      // the message is inflateRawSync's own (or the size check's when it inflated without complaint)
      if (direct && (direct as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') expect(e.detail).toBe(`a.xml: ${direct.message}`);
      else expect(e.code).toBe('corrupt');
    }
  });
});
