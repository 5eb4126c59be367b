// The legacy-format reader (.xls/.et, .ods, .xlsb through SheetJS in a worker): cells as the xlsx reader gives them,
// every read limit kept around the library, a parse past its deadline stopped, refusals with their reasons.
// The worker runs from dist/bundle/legacy-worker.cjs: `npm test` builds it first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyAsXlsx, LegacyError, legacyCell, readLegacyBuffer } from '../../src/io/legacy.js';
import { DEFAULT_LIMITS, LimitExceeded, type ReadLimits } from '../../src/io/limits.js';
import { loadFile } from '../../src/io/load.js';
import { readXlsx } from '../../src/io/xlsx-reader.js';
import { ZipError } from '../../src/io/zip.js';
import { buildZip } from './zip-build.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const XLS = path.join(ROOT, 'fixtures/legacy/xls/registers');
const ODS = path.join(ROOT, 'fixtures/legacy/ods/registers');
const CORPUS = path.resolve(ROOT, '../shared/corpus/sheetjs');
const limits = (l: Partial<ReadLimits> = {}): ReadLimits => ({ ...DEFAULT_LIMITS, ...l });

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('legacyCell: SheetJS cells as the xlsx reader gives them', () => {
  it('numbers, dates, times, durations, text, booleans and errors', () => {
    expect(legacyCell(['n', 13410914368, '0'], false)).toEqual({ text: '13410914368', kind: 'number', raw: 13410914368, numFmt: '0' });
    expect(legacyCell(['n', 42614], false)).toEqual({ text: '42614', kind: 'number', raw: 42614 });
    expect(legacyCell(['n', 42614, 'yyyy\\年m\\月d\\日'], false)).toEqual({ text: '2016-09-01', kind: 'date', numFmt: 'yyyy\\年m\\月d\\日' });
    expect(legacyCell(['n', 0.6875, 'h:mm'], false)?.text).toBe('16:30:00');
    expect(legacyCell(['n', 95_505 / 86_400, '[h]:mm:ss'], false)?.text).toBe('26:31:45');
    expect(legacyCell(['n', 0, 'yyyy-mm-dd'], true)?.text).toBe('1904-01-01');
    expect(legacyCell(['s', '张三'], false)).toEqual({ text: '张三', kind: 'string' });
    expect(legacyCell(['s', ''], false)).toBeUndefined();
    expect(legacyCell(['b', true], false)).toEqual({ text: 'TRUE', kind: 'boolean', raw: true });
    expect(legacyCell(['e', 0x2a], false)).toEqual({ text: '#N/A', kind: 'error' });
    expect(legacyCell(['d', '2020-01-01T23:59:59.9'], false)?.text).toBe('2020-01-02');
  });
});

describe('readLegacyBuffer', () => {
  it('reads an .xls and an .ods register with the cells, merges and sheet the .xlsx original has', async () => {
    const original = readXlsx(readFileSync(path.join(ROOT, 'fixtures/registers/numeric-cells.xlsx'))).sheets;
    for (const [file, kind] of [
      [path.join(XLS, 'numeric-cells.xls'), 'xls'],
      [path.join(ODS, 'numeric-cells.ods'), 'ods'],
    ] as const) {
      const read = await readLegacyBuffer(readFileSync(file), kind, limits());
      expect(read.sheets.map((s) => s.name)).toEqual(original.map((s) => s.name));
      const text = (rows: typeof original[0]['rows']) => rows.map((r) => Array.from(r, (c) => c?.text ?? null)).filter((r) => r.length);
      expect(text(read.sheets[0]!.rows), file).toEqual(text(original[0]!.rows));
      expect(read.sheets[0]!.merges).toEqual(original[0]!.merges);
    }
  });

  it('keeps the cell and merge limits around the library', async () => {
    const bytes = readFileSync(path.join(XLS, 'numeric-cells.xls'));
    expect(await refusal(readLegacyBuffer(bytes, 'xls', limits({ maxCells: 20 })))).toMatchObject({ limit: 'maxCells', allowed: 20 });
    expect(await refusal(readLegacyBuffer(bytes, 'xls', limits({ maxMerges: 1 })))).toMatchObject({ limit: 'maxMerges', allowed: 1 });
    expect(await refusal(readLegacyBuffer(bytes, 'xls', limits({ maxMergedCells: 20 })))).toMatchObject({ limit: 'maxMergedCells', allowed: 20 });
    expect(await refusal(readLegacyBuffer(bytes, 'xls', limits({ maxCellChars: 5 })))).toMatchObject({ limit: 'maxCellChars', allowed: 5 });
  });

  it('stops a parse that does not return by the deadline, and the next file is read by a new worker', async () => {
    const bytes = readFileSync(path.join(XLS, 'official.xls'));
    const e = await refusal(readLegacyBuffer(bytes, 'xls', limits({ maxMillis: 1 })));
    expect(e).toBeInstanceOf(LimitExceeded);
    expect(e).toMatchObject({ limit: 'maxMillis', allowed: 1 });
    const again = await readLegacyBuffer(bytes, 'xls', limits());
    expect(again.sheets.length).toBeGreaterThan(0);
  });

  it('checks an .ods zip’s declared sizes before the library inflates anything', async () => {
    const bomb = buildZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x20) },
    ]);
    expect(await refusal(readLegacyBuffer(bomb, 'ods', limits()))).toMatchObject({ limit: 'maxCompressionRatio' });
    expect(await refusal(readLegacyBuffer(bomb, 'ods', limits({ maxUncompressedBytes: 1024 })))).toMatchObject({ limit: 'maxUncompressedBytes' });
    expect(await refusal(readLegacyBuffer(bomb.subarray(0, bomb.length - 30), 'ods', limits()))).toBeInstanceOf(ZipError);
  });

  it('refuses a damaged .xls with the library’s reason', async () => {
    const e = await refusal(readLegacyBuffer(Buffer.concat([readFileSync(path.join(XLS, 'official.xls')).subarray(0, 1536), Buffer.alloc(64)]), 'xls', limits()));
    expect(e).toBeInstanceOf(LegacyError);
    expect((e as LegacyError).code).toBe('corrupt');
  });

  it.skipIf(!existsSync(CORPUS))('refuses a password-protected .xls as encrypted', async () => {
    const e = await refusal(readLegacyBuffer(readFileSync(path.join(CORPUS, 'password_2002_40_xor.xls')), 'xls', limits()));
    expect(e).toMatchObject({ code: 'encrypted' });
  });

  it('writes the workbook again as .xlsx for the copies, with the same cells', async () => {
    const xlsx = await legacyAsXlsx(readFileSync(path.join(XLS, 'numeric-cells.xls')), 'xls', limits());
    const again = readXlsx(xlsx).sheets[0]!;
    const original = readXlsx(readFileSync(path.join(ROOT, 'fixtures/registers/numeric-cells.xlsx'))).sheets[0]!;
    const text = (rows: typeof original.rows) => rows.map((r) => Array.from(r, (c) => c?.text ?? null)).filter((r) => r.length);
    expect(text(again.rows)).toEqual(text(original.rows));
    expect(again.merges).toEqual(original.merges);
  });
});

describe('loadFile: .xls, .ods and .xlsb are read, what cannot be read says why', () => {
  const load = (abs: string) => loadFile({ abs, display: path.basename(abs), explicit: true });

  it('reads an .xls and names the library in detected', async () => {
    const f = await load(path.join(XLS, 'official.xls'));
    expect(f.failure).toBeUndefined();
    expect(f.format).toBe('xlsx');
    expect(f.detected.format?.value).toBe('ole2-legacy');
    expect(f.detected.reader?.value).toMatch(/SheetJS/);
  });

  it('refuses the empty .xls of fixtures/broken as damaged, naming its format', async () => {
    const f = await load(path.join(ROOT, 'fixtures/broken/legacy.xls'));
    expect(f.failure).toMatchObject({ rule: 'file-corrupt', messageId: 'legacy', data: { format: '.xls' } });
  });

  it.skipIf(!existsSync(CORPUS))('reads .xlsb and .et, refuses Numbers', async () => {
    expect((await load(path.join(CORPUS, 'merge_cells.xlsb'))).failure).toBeUndefined();
    expect((await load(path.join(CORPUS, 'wps_fn.et'))).failure).toBeUndefined();
    expect((await load(path.join(CORPUS, 'minimal_112.numbers'))).failure).toMatchObject({ rule: 'file-unsupported', messageId: 'numbers' });
  });
});
