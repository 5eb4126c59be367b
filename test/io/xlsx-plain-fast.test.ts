// The xlsx reader's fast paths for plainly written parts, held equal to the general code they pre-filter:
// - a compact sheet's plain cells (`<c r="B7" s="3" t="s"><v>12</v></c>`) stored in one step (WorkbookReader.leanCells,
//   XmlScanner.plainCell's cellAt/cellStyle): the same rows, notes and refusals as the same cells spelled so that only the
//   general code reads them, and as the grid reader;
// - plain shared strings copied while they are scanned (XmlScanner.plainItems into SharedStrings.room/copied): the same
//   items and refusals as copied after the scan (SharedStrings.bytes).
// Inputs are seeded random sheets and string tables with the edge cases mixed in.
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scripts/lib/deterministic.mjs';
import { rowsOf } from '../helpers/sheets.js';
import type { RawCell, RawSheet } from '../../src/core/model.js';
import { leanSheetFromWire, leanSheetWire, readXlsx, SharedStrings, type XlsxReadOptions } from '../../src/io/xlsx-reader.js';
import { END, type ItemSink, OPEN, XmlScanner } from '../../src/io/xml.js';
import { buildXlsx } from './zip-build.js';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Shared strings of the random books: plain, empty, with an entity, with `_x000D_`. */
const STRINGS = ['张三', '', '溆浦县水东镇姚家村23组19号', '18981727195', '431224196904282099', 'a &amp; b', 'x_x000D_y', '7', '  '];
/** As many strings, none longer than 2 characters: for books read with a small maxCellChars (the cells' limit is then the one met). */
const SHORT = ['张三', '', '甲', '18', '43', 'a;', 'x', '7', '  '];

const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="2"/></cellXfs>';

/** A value and its t for a plainly written cell: shared strings that exist or not, numbers the byte path reads and those it leaves to the text. */
function randomValue(r: () => number): { t: string; v: string } {
  // (the string tables are STRINGS.length items long)
  const k = r();
  if (k < 0.45) {
    const i = r() < 0.85 ? Math.floor(r() * STRINGS.length) : pick(r, [STRINGS.length, STRINGS.length + 5, 999999999, 1234567890]);
    return { t: ' t="s"', v: r() < 0.95 ? String(i) : pick(r, ['01', '-1', '1.0', '', '3 ', '1e0']) };
  }
  const v = pick(r, [
    String(Math.floor(r() * 5000)),
    String(Math.floor(r() * 1e11)),
    (r() * 1000).toFixed(Math.floor(r() * 4)),
    `-${Math.floor(r() * 100)}`,
    '43000.5',
    '1E3',
    '123456789012345678',
    '0.1000000000000001',
    '-0',
    '.5',
    '5.',
    '-',
    '',
    'abc',
    '1 ',
    '4294967296',
  ]);
  return { t: '', v };
}

/** A cell's r: mostly where it belongs, sometimes out of order, written twice, or outside Excel's grid. */
function randomRef(r: () => number, row: number, col: number): string {
  const k = r();
  if (k < 0.93) return `${colName(col)}${row + 1}`;
  return pick(r, [`${colName(col)}${row}`, 'A1', `XFD${row + 1}`, `XFE${row + 1}`, `AAAA${row + 1}`, `${colName(col)}0`, `${colName(col)}1048577`, `${colName(col)}00000001`, `${colName(col)}12345678`]);
}

/**
 * A random sheet whose cells are written plainly (`plain`), or the very same cells spelled so that plainCell passes none
 * of them (an extra space after `<c`, which the tags read the same way).
 */
function randomSheet(seed: number, plain: boolean): string {
  const r = rng(seed);
  const rows: string[] = [];
  const nRows = 1 + Math.floor(r() * 30);
  const disorder = r() < 0.3;
  for (let row = 0; row < nRows; row++) {
    const cells: string[] = [];
    let col = 0;
    const nCells = Math.floor(r() * 9);
    for (let k = 0; k < nCells; k++) {
      col += 1 + (r() < 0.2 ? Math.floor(r() * 4) : 0);
      const ref = disorder ? randomRef(r, row, col) : `${colName(col)}${row + 1}`;
      const s = r() < 0.3 ? ` s="${pick(r, ['0', '1', '2', '3', '4', '9', '12'])}"` : '';
      const { t, v } = randomValue(r);
      cells.push(`<c${plain ? '' : ' '} r="${ref}"${s}${t}><v>${v}</v></c>`);
      if (r() < 0.05) cells.push(`<c r="${colName(++col)}${row + 1}" t="str"><f>A1</f><v>公式</v></c>`);
      if (r() < 0.05) cells.push(`<c r="${colName(++col)}${row + 1}"/>`);
    }
    const rowTag = r() < 0.9 ? `<row r="${row + 1}" spans="1:9">` : '<row>';
    rows.push(`${rowTag}${cells.join('')}</row>`);
  }
  return `<sheetData>${rows.join('')}</sheetData>`;
}

type Outcome = { error: string } | { book: unknown; sheets: { name: string; merges: unknown; rows: unknown; views: unknown }[] };

/** A lean sheet's row views (LeanRows.view) as plain data; a grid sheet has none. */
function viewsOf(sheet: RawSheet): unknown {
  const lean = sheet.lean;
  if (!lean?.view) return null;
  const out: unknown[] = [];
  for (let r = 0; r < lean.rowCount; r++) {
    const v = lean.view(r)!;
    const cells: Partial<RawCell & { col: number }>[] = [];
    for (let k = 0; k < v.n; k++) cells.push({ col: v.cols[k]!, text: v.texts[k]!, kind: v.kind(k), raw: v.raw(k), numFmt: v.numFmt(k) });
    out.push(cells);
  }
  return out;
}

function read(buf: Buffer, opts: XlsxReadOptions): Outcome {
  try {
    const { sheets, ...book } = readXlsx(buf, opts);
    return { book, sheets: sheets.map((s) => ({ name: s.name, merges: s.merges, rows: rowsOf(s), views: viewsOf(s) })) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

const noViews = (o: Outcome): unknown => ('error' in o ? o : { ...o, sheets: o.sheets.map(({ views: _, ...s }) => s) });

describe('compact sheets: plain cells stored in one step (leanCells)', () => {
  it('reads seeded random sheets exactly as the general code and the grid reader do (rows, views, notes, refusals), whole and in pieces', () => {
    let fastRows = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const book = (plain: boolean) =>
        buildXlsx({
          sheets: [{ name: 'S', xml: randomSheet(seed, plain) + (seed % 7 === 0 ? '<mergeCells count="1"><mergeCell ref="B1:C3"/></mergeCells>' : '') }],
          sharedStrings: seed % 5 === 1 || seed % 5 === 2 ? SHORT : STRINGS,
          styles: STYLES,
        });
      const plain = book(true);
      const general = book(false);
      const limits = seed % 5 === 0 ? { maxCells: 60 } : seed % 5 === 1 ? { maxCellChars: 4 } : seed % 5 === 2 ? { maxCellChars: 2 } : {};
      const fast = read(plain, { lean: true, limits });
      expect(fast, `seed ${seed}`).toEqual(read(general, { lean: true, limits }));
      expect(noViews(fast), `seed ${seed}`).toEqual(noViews(read(plain, { limits })));
      for (const [window, margin] of [
        [64, 24],
        [300, 120],
      ] as const) {
        expect(read(plain, { lean: true, limits, stream: { from: 0, window, margin } }), `seed ${seed} window ${window}`).toEqual(fast);
      }
      if ('sheets' in fast && fast.sheets[0]!.views !== null) fastRows++;
    }
    // most books stay compact (the others have cells out of order and are read as grids)
    expect(fastRows).toBeGreaterThan(100);
  });

  it('reads the edges of a plain cell as the tags do: refs outside the grid, style indices beyond the styles, long values, missing and empty strings', () => {
    const cells = [
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="B1" s="4"><v>12.5</v></c>',
      '<c r="C1" s="99"><v>7</v></c>',
      '<c r="D1" t="s"><v>1</v></c>',
      '<c r="E1" t="s"><v>42</v></c>',
      '<c r="F1"><v>1E3</v></c>',
      '<c r="G1"><v>1234567890123456</v></c>',
      '<c r="H1"><v></v></c>',
      '<c r="XFD1"><v>1</v></c>',
    ].join('');
    const row2 = '<c r="A2"><v>1</v></c><c r="XFE2"><v>2</v></c><c r="AAAA2"><v>3</v></c><c r="B0"><v>4</v></c>';
    const row3 = '<c r="A3" s="1"><v>43000</v></c><c r="B3" s="3"><v>5</v></c><c r="C3" s="2"><v>43000.25</v></c>';
    for (const sheet of [`<sheetData><row r="1">${cells}</row><row r="3">${row3}</row></sheetData>`, `<sheetData><row r="1">${cells}</row><row r="2">${row2}</row></sheetData>`]) {
      for (const [strings, limits] of [
        [STRINGS, {}],
        [SHORT, { maxCellChars: 3 }],
        [SHORT, { maxCellChars: 2 }],
        [STRINGS, { maxCells: 9 }],
        [STRINGS, { maxCells: 10 }],
      ] as const) {
        const plain = buildXlsx({ sheets: [{ name: 'S', xml: sheet }], sharedStrings: [...strings], styles: STYLES });
        const general = buildXlsx({ sheets: [{ name: 'S', xml: sheet.replace(/<c r=/g, '<c  r=') }], sharedStrings: [...strings], styles: STYLES });
        const fast = read(plain, { lean: true, limits });
        expect(fast).toEqual(read(general, { lean: true, limits }));
        expect(noViews(fast)).toEqual(noViews(read(plain, { limits })));
      }
    }
  });
});

describe('compact sheets: style indices held in 2 bytes a cell while the styles allow it', () => {
  it('reads cells styled with the last of 65,534, 65,535 and 70,000 formats (2 bytes, then 4) as the grid reader does, and through a parse worker\'s wire', () => {
    for (const count of [65_534, 65_535, 70_000]) {
      // the last format a date's, the one before it a text's, the rest general
      const xfs = '<xf numFmtId="0"/>'.repeat(count - 2) + '<xf numFmtId="49"/><xf numFmtId="14"/>';
      const styles = `<cellXfs count="${count}">${xfs}</cellXfs>`;
      const last = count - 1;
      const cells = `<c r="A1" s="${last}"><v>43000</v></c><c r="B1" s="${last - 1}" t="s"><v>0</v></c><c r="C1" s="${count}"><v>5</v></c><c r="D1"><v>6</v></c><c r="E1" s="${last}" t="s"><v>2</v></c>`;
      const xml = `<sheetData><row r="1">${cells}</row><row r="2"><c  r="A2" s="${last}"><v>43001</v></c><c r="B2" s="${last}"><v>1.5</v></c></row></sheetData>`;
      const buf = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: STRINGS, styles });
      const lean = read(buf, { lean: true });
      expect(noViews(lean), `count ${count}`).toEqual(noViews(read(buf, {})));
      expect('sheets' in lean && (lean.sheets[0]!.rows as (RawCell | null)[][])[0]![0]!.text).toBe('2017-09-22');
      const { sheets } = readXlsx(buf, { lean: true });
      const wired = leanSheetFromWire(leanSheetWire(sheets[0]!)!);
      expect(rowsOf(wired)).toEqual(rowsOf(sheets[0]!));
    }
  });
});

/** An ItemSink that takes items only through `bytes` and `text` (the copy after the scan), passing them on. */
function bytesOnly(sst: SharedStrings): ItemSink {
  return { bytes: (b, a, e) => sst.bytes(b, a, e), text: (s) => sst.text(s) };
}

function fill(xml: Buffer, into: (sst: SharedStrings) => ItemSink, hint: number, maxChars: number): { items: (string | undefined)[]; empty: boolean[] } | { error: string } {
  const sst = new SharedStrings(maxChars, hint, false);
  const sink = into(sst);
  try {
    const x = new XmlScanner(xml);
    for (let ev = x.next(); ev !== END; ev = x.next()) {
      if (ev === OPEN && x.name === 'si' && x.plainItems('si', ['<t>', '<t xml:space="preserve">'], '</t></si>', sink, 1e9) === 0) sst.add('?');
    }
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
  return { items: Array.from({ length: sst.count + 1 }, (_, i) => sst.get(i)), empty: Array.from({ length: sst.count }, (_, i) => sst.isEmpty(i)) };
}

describe('shared strings: plain items copied as they are scanned (SharedStrings.room/copied)', () => {
  const PIECES = ['张', '三', 'a', '_', '_x000D_', '_x005F_', '&amp;', '&#13;', '\r\n', '\r', '7', ' ', 'é', '😀', '`', '~', '<b/>'];

  it('gives the same items and refusals as the items copied after their scan, for seeded random tables', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const items: string[] = [];
      const n = Math.floor(r() * 40);
      for (let i = 0; i < n; i++) {
        const len = r() < 0.1 ? 60 + Math.floor(r() * 80) : Math.floor(r() * 8);
        let t = '';
        for (let k = 0; k < len; k++) t += pick(r, PIECES);
        const open = r() < 0.8 ? '<t>' : '<t xml:space="preserve">';
        items.push(r() < 0.05 ? '<si/>' : r() < 0.05 ? `<si><r><t>${t}</t></r></si>` : `<si>${open}${t}</t></si>`);
      }
      const xml = Buffer.from(`<sst>${items.join('')}</sst>`);
      const hint = pick(r, [0, 64, xml.length]);
      const maxChars = pick(r, [32767, 10, 3]);
      const fused = fill(xml, (s) => s, hint, maxChars);
      expect(fused, `seed ${seed}`).toEqual(fill(xml, bytesOnly, hint, maxChars));
    }
  });

  it('reads bytes that are not UTF-8 and items cut by the end of the part as the copy after the scan does', () => {
    const bad = Buffer.concat([Buffer.from('<sst><si><t>a'), Buffer.from([0xe4, 0xb8]), Buffer.from('</t></si><si><t>'), Buffer.from([0xff, 0x5f]), Buffer.from('b</t></si><si><t>cut')]);
    for (const hint of [0, 8, bad.length]) expect(fill(bad, (s) => s, hint, 100)).toEqual(fill(bad, bytesOnly, hint, 100));
  });
});
