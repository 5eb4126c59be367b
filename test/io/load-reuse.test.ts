// loadFile reads small files into one buffer it uses again (readBytesSync's `reuse`): what a file loaded into must not
// change when the next file is read into the same buffer — workbooks (lean and as grids), CSVs, and a file that shrank.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rowAt, rowCountOf } from '../../src/core/sheet-rows.js';
import { type LoadedFile, loadFile, readBytesSync } from '../../src/io/load.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures/ledger');
const dir = mkdtempSync(path.join(tmpdir(), 'fupin-reuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every cell's text and kind, row by row: what a loaded file says, as plain data. */
function cellsOf(l: LoadedFile): string[][][] {
  return l.sheets.map((s) => Array.from({ length: rowCountOf(s) }, (_, r) => Array.from(rowAt(s, r) ?? [], (c) => (c ? `${c.kind}:${c.text}` : '-'))));
}

async function load(abs: string, lean: boolean): Promise<LoadedFile> {
  return loadFile({ abs, display: path.basename(abs), explicit: true }, { lean });
}

describe('loadFile into a reused buffer', () => {
  for (const lean of [true, false]) {
    it(`workbooks read one after another keep their own cells (lean: ${lean})`, async () => {
      const a = path.join(FIXTURES, '永州市', '零陵区.xlsx');
      const b = path.join(FIXTURES, '永州市', '市本级.xlsx');
      const aAlone = cellsOf(await load(a, lean));
      const first = await load(a, lean);
      const second = await load(b, lean);
      await load(path.join(FIXTURES, '省本级.xlsx'), lean);
      expect(cellsOf(first)).toEqual(aAlone);
      expect(cellsOf(second)).not.toEqual(aAlone);
      expect(aAlone.flat(2).length).toBeGreaterThan(20);
    });
  }

  it('CSVs read one after another keep their own cells, the longer first', async () => {
    const long = path.join(dir, 'long.csv');
    const short = path.join(dir, 'short.csv');
    writeFileSync(long, '序号,户主姓名,家庭住址\n1,张三,溆浦县龙潭镇\n2,李四,溆浦县低庄镇\n');
    writeFileSync(short, 'a,b\n1,2\n');
    const first = await load(long, true);
    await load(short, true);
    expect(cellsOf(first)[0]![2]).toEqual(['string:2', 'string:李四', 'string:溆浦县低庄镇']);
  });

  it('gives exactly the bytes of each file, however the buffer was filled before', () => {
    const big = path.join(dir, 'big.bin');
    const small = path.join(dir, 'small.bin');
    writeFileSync(big, Buffer.alloc(100_000, 0x41));
    writeFileSync(small, Buffer.from('xyz'));
    expect((readBytesSync(big, 1e9, undefined, true) as Buffer).length).toBe(100_000);
    const got = readBytesSync(small, 1e9, undefined, true) as Buffer;
    expect(got.toString('latin1')).toBe('xyz');
    // a file too large for the shared buffer is read into its own, as without reuse
    const huge = path.join(dir, 'huge.bin');
    writeFileSync(huge, Buffer.alloc(3 * 1024 * 1024, 0x42));
    const own = readBytesSync(huge, 1e9, undefined, true) as Buffer;
    expect(own.length).toBe(3 * 1024 * 1024);
    expect((readBytesSync(small, 1e9, undefined, true) as Buffer).toString('latin1')).toBe('xyz');
    expect(own[own.length - 1]).toBe(0x42);
  });

  it('a file the system gives no size (a device that never ends) is refused past the file limit, not read forever', () => {
    const got = readBytesSync('/dev/zero', 1024 * 1024);
    expect(Buffer.isBuffer(got)).toBe(false);
    expect(got).toMatchObject({ rule: 'file-limit' });
  });
});
