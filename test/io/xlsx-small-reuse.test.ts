// Reading many small workbooks one after another (s27, xlsxsmall): worksheets and string tables inflated into one reused
// buffer, cell references read from text without a Buffer, part names keyed without regular expressions. Each fast path
// is held equal to the general code it stands for, and a workbook read earlier must not change when later ones are read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scripts/lib/deterministic.mjs';
import { cellRefAt, parseCellRef, parseMergeRef, readXlsx } from '../../src/io/xlsx-reader.js';
import { smallInflate, zipKey } from '../../src/io/zip.js';
import { rowsOf } from '../helpers/sheets.js';
import { buildXlsx } from './zip-build.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const MAX_COLS = 16_384;

/** parseCellRef as it was: the reference's UTF-8 bytes read by cellRefAt (the scanner's own reading of a part's bytes). */
function parseCellRefBytes(ref: string): { row: number; col: number } | undefined {
  const b = Buffer.from(ref, 'utf8');
  const at = cellRefAt(b, 0, b.length);
  return at < 0 ? undefined : { row: Math.floor(at / MAX_COLS), col: at % MAX_COLS };
}

/** zipKey as it was: backslashes, leading slashes and case by regular expressions. */
function zipKeyRegex(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** Every workbook under the fixtures (hostile and broken ones too): path and bytes. */
function fixtureWorkbooks(): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(name)) out.push({ file: p, bytes: readFileSync(p) });
    }
  };
  walk(FIXTURES);
  return out;
}

/** What a reading of a workbook gives, as plain data (or the refusal's class and message). */
function reading(bytes: Buffer, lean: boolean): unknown {
  try {
    const wb = readXlsx(bytes, { lean });
    return { sheets: wb.sheets.map((s) => ({ name: s.name, merges: s.merges, rows: rowsOf(s), grid: rowsOf(s, 'rows') })), notes: wb.notes, keywords: wb.keywords };
  } catch (e) {
    return { refused: (e as Error).name, message: (e as Error).message };
  }
}

describe('cell references read from text', () => {
  it('parseCellRef and parseMergeRef give what reading the UTF-8 bytes gave, on seeded random references', () => {
    const r = rng(27);
    const units = ['A', 'B', 'Z', 'a', 'x', 'X', 'F', 'D', '$', '0', '1', '9', '5', ' ', ':', '-', '户', 'é', '\u00ff', '\u0141', '\ud83d', '\ude00', 'ｚ', '１'];
    const fixed = ['A1', 'a1', '$A$1', 'XFD1048576', 'XFE1', 'XFD1048577', 'AAAA1', 'A0', 'A', '1', '', '$', 'A$', 'A12345678', 'ZZ99', 'B7 ', 'B\u00ff7', '户1', 'A1户'];
    const refs = [...fixed];
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = 1 + Math.floor(r() * 10);
      for (let i = 0; i < n; i++) s += r() < 0.7 ? pick(r, units.slice(0, 15)) : pick(r, units);
      refs.push(s);
    }
    // mostly real references too, so that both paths are exercised to their ends
    for (let k = 0; k < 5_000; k++) {
      const col = Math.floor(r() * 20_000);
      let letters = '';
      for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      refs.push(`${r() < 0.2 ? '$' : ''}${r() < 0.2 ? letters.toLowerCase() : letters}${r() < 0.2 ? '$' : ''}${Math.floor(r() * 1_200_000)}`);
    }
    for (const ref of refs) {
      expect(parseCellRef(ref), ref).toEqual(parseCellRefBytes(ref));
    }
    for (let k = 0; k + 1 < refs.length; k += 2) {
      const ref = `${refs[k]}:${refs[k + 1]}`;
      // parseMergeRef as it was, over parseCellRefBytes
      const parts = ref.trim().split(':');
      const a = parseCellRefBytes(parts[0]!);
      const b = parts.length === 2 ? parseCellRefBytes(parts[1]!) : a;
      const want = parts.length > 2 || !a || !b ? undefined : { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      expect(parseMergeRef(ref), ref).toEqual(want);

    }
  });
});

describe('part names keyed without regular expressions', () => {
  it('zipKey gives what the replacements gave, on seeded random names', () => {
    const r = rng(2027);
    const units = ['x', 'l', 'X', 'L', '/', '\\', '.', '_', '[', ']', 'C', 'o', 'ß', 'İ', 'Σ', '户', '%', '2', 'F', ' '];
    const names = ['', '/', '\\', '//xl/a.xml', '\\xl\\a.xml', '/\\xl', '\\/xl', 'xl/Workbook.XML', '[Content_Types].xml', 'İ', 'ΣΑΣ', '/İ'];
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = Math.floor(r() * 12);
      for (let i = 0; i < n; i++) s += pick(r, units);
      names.push(s);
    }
    for (const name of names) expect(zipKey(name), name).toBe(zipKeyRegex(name));
  });
});

describe('small parts inflated into one reused buffer', () => {
  it('smallInflate into the reused buffer gives the bytes inflateRawSync gives, and what it gave before is overwritten, not grown into', () => {
    const r = rng(7);
    for (const size of [1, 100, 4095, 4096, 70_000, 200_000, 40]) {
      const raw = Buffer.alloc(size);
      for (let i = 0; i < size; i++) raw[i] = r() < 0.5 ? 0x41 + Math.floor(r() * 4) : Math.floor(r() * 256);
      const data = zlib.deflateRawSync(raw);
      const reused = smallInflate(data, size, true);
      expect(reused?.equals(raw)).toBe(true);
      expect(reused?.equals(zlib.inflateRawSync(data))).toBe(true);
      // a lying size is still left to the general code
      expect(smallInflate(data, size + 1, true)).toBeUndefined();
    }
  });

  it('a workbook read before others gives the same rows, strings, merges and notes after they are read (lean and grid)', () => {
    const books = fixtureWorkbooks();
    expect(books.length).toBeGreaterThan(20);
    // two small made-up workbooks too: strings and cells that another reading would overwrite in a shared buffer
    const made = (tag: string): Buffer =>
      buildXlsx({
        sheets: [
          {
            name: tag,
            xml:
              `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>12.5</v></c><c r="D1" t="str"><v>${tag}公式</v></c></row>` +
              `<row r="2"><c r="A2" t="inlineStr"><is><t>${tag}内联</t></is></c><c r="B2" t="s"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="C2:D3"/></mergeCells>`,
          },
        ],
        sharedStrings: [`${tag}户主`, `${tag}溆浦县_x000D_慈善会`],
      });
    books.push({ file: 'made-1', bytes: made('甲') }, { file: 'made-2', bytes: made('乙乙乙乙') });
    for (const lean of [true, false]) {
      const first = new Map<string, unknown>();
      const kept = books.map((b) => {
        let wb;
        try {
          wb = readXlsx(b.bytes, { lean });
        } catch {
          wb = undefined;
        }
        // what it gives right after it is read: before any other workbook is
        first.set(b.file, reading(b.bytes, lean));
        return { file: b.file, wb };
      });
      // then every one read earlier, once all the others were read after it
      for (const { file, wb } of kept) {
        if (!wb) continue;
        const now = { sheets: wb.sheets.map((s) => ({ name: s.name, merges: s.merges, rows: rowsOf(s), grid: rowsOf(s, 'rows') })), notes: wb.notes, keywords: wb.keywords };
        expect(now, `${file} (${lean ? 'lean' : 'grid'})`).toEqual(first.get(file));
      }
    }
  });
});
