// The zip reader: lookup by part name, bounded inflation, and clear refusals for lying, encrypted or damaged zips.
import { describe, expect, it } from 'vitest';
import { LimitExceeded } from '../../src/io/limits.js';
import { ZipArchive, ZipError } from '../../src/io/zip.js';
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
});
