// The xlsx reader's compact sheets (readXlsx lean: RawSheet.lean): every row as the grid reader makes it, merges, limits
// and refusals the same, a sheet out of order read as a grid, and only the rows asked for built.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureWorkbooks } from '../helpers/fixture-workbooks.js';
import { rowsOf } from '../helpers/sheets.js';
import type { RawCell, RawSheet } from '../../src/core/model.js';
import { scanSheet } from '../../src/core/register.js';
import { rowAt, rowCountOf, sheetHasText } from '../../src/core/sheet-rows.js';
import { readXlsx, type XlsxReadOptions } from '../../src/io/xlsx-reader.js';
import { buildXlsx } from './zip-build.js';

/** A sheet's rows as plain data (holes as null), read through rowAt (lean) or `rows` (grid). */
type Outcome = { error: string } | { book: unknown; sheets: { name: string; hidden?: boolean; merges: unknown; rows: unknown; lean: boolean }[] };

function read(buf: Buffer, opts: XlsxReadOptions): Outcome {
  try {
    const { sheets, ...book } = readXlsx(buf, opts);
    for (const s of sheets) viewAgrees(s);
    return { book, sheets: sheets.map((s) => ({ name: s.name, ...(s.hidden ? { hidden: true } : {}), merges: s.merges, rows: rowsOf(s, 'rowAt'), lean: s.lean !== undefined })) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** A lean sheet's row views (LeanRows.view, the register reader's hand-over) hold what its rows hold, cell by cell. */
function viewAgrees(sheet: RawSheet): void {
  const lean = sheet.lean;
  if (!lean?.view) return;
  for (let r = 0; r < lean.rowCount; r++) {
    const v = lean.view(r)!;
    const fromView: (Partial<RawCell> | null)[] = [];
    for (let k = 0; k < v.n; k++) {
      expect(v.at(v.cols[k]!)).toBe(k);
      const raw = v.raw(k);
      const numFmt = v.numFmt(k);
      fromView[v.cols[k]!] = { text: v.texts[k], kind: v.kind(k), ...(raw !== undefined ? { raw } : {}), ...(numFmt !== undefined ? { numFmt } : {}) };
    }
    const row = rowAt(sheet, r) ?? [];
    const fromRow = Array.from(row, (c) => (c ? { text: c.text, kind: c.kind, ...(c.raw !== undefined ? { raw: c.raw } : {}), ...(c.numFmt !== undefined ? { numFmt: c.numFmt } : {}) } : null));
    expect(Array.from(fromView, (c) => c ?? null)).toEqual(fromRow);
    for (let c = 0; c < row.length + 2; c++) if (!row[c]) expect(v.at(c)).toBe(-1);
  }
  expect(lean.view(lean.rowCount)).toBeUndefined();
}

/** Lean and grid reads of a workbook give the same rows, merges, notes and refusals; whether the lean one held its sheets compactly. */
function same(buf: Buffer, opts: XlsxReadOptions = {}): { lean: boolean[]; outcome: Outcome } {
  const grid = read(buf, opts);
  const lean = read(buf, { ...opts, lean: true });
  const strip = (o: Outcome) => ('error' in o ? o : { ...o, sheets: o.sheets.map(({ lean: _, ...s }) => s) });
  expect(strip(lean)).toEqual(strip(grid));
  if ('sheets' in grid) expect(grid.sheets.every((s) => !s.lean)).toBe(true);
  return { lean: 'sheets' in lean ? lean.sheets.map((s) => s.lean) : [], outcome: lean };
}

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="31"/></cellXfs>';

const grid = (rows: number, cols: number) =>
  `<sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * 10 + c}</v></c>`).join('')}</row>`).join('')}</sheetData>`;

describe('readXlsx lean: rows as the grid reader makes them', () => {
  it('writes whole numbers of every size as the grid reader does (small, large, negative, 15 digits and more, styled)', () => {
    const values = [0, 7, 4095, 4096, 50000, -1, -4096, 999999999999999, -999999999999999, 1e15, 123456789012345678, -1e15, 2 ** 53];
    const cells = values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"${i % 2 ? ' s="3"' : ''}><v>${v}</v></c>`).join('');
    const { outcome } = same(buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1">${cells}</row></sheetData>` }], sharedStrings: [], styles: STYLES }), { limits: {} });
    expect('sheets' in outcome && (outcome.sheets[0]!.rows as (RawCell | null)[][])[0]!.map((c) => c?.text)).toEqual([
      '0', '7', '4095', '4096', '50000', '-1', '-4096', '999999999999999', '-999999999999999', '1000000000000000', '123456789012346000', '-1000000000000000', '9007199254740990',
    ]);
  });

  it('reads every cell type, number formats, dates, shared, inline and rich strings, formulas; numbers stay numbers', () => {
    const xml =
      '<sheetData><row r="1">' +
      '<c r="A1"><v>13874512345</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><v>a &amp; b</v></c>' +
      '<c r="D1" t="inlineStr"><is><t>内联</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c>' +
      '<c r="G1"><f>1+1</f><v>2</v></c><c r="H1"><f>NOW()</f></c><c r="I1" s="4" t="s"><v>1</v></c><c r="J1" s="3"><v>-3.5</v></c>' +
      '<c r="K1" t="s"><v>2</v></c><c r="L1" t="s"><v>3</v></c><c r="M1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>' +
      '<c r="N1" t="n"><v> </v></c><c r="O1"><v>abc</v></c><c r="P1" s="4" t="s"><v>4</v></c>' +
      '</row><row r="2"><c r="A2" s="1"><v>42636</v></c><c r="B2" s="2"><v>42636</v></c><c r="C2" s="5"><v>42636.5</v></c>' +
      '<c r="D2" t="d"><v>2016-09-23T12:00:00</v></c><c r="E2" s="9"><v>7</v></c><c r="F2"><v>1e3</v></c><c r="G2"><v>-0</v></c></row></sheetData>';
    const buf = buildXlsx({
      sheets: [{ name: 'S', xml }],
      sharedStrings: '<si><t>张三</t></si><si><t>0745-1234567</t></si><si><t></t></si><si><r><t>富</t></r><r><t>文本</t></r></si><si><t>x</t><rPh><t>ピン</t></rPh></si>',
      styles: STYLES,
    });
    const { lean, outcome } = same(buf);
    expect(lean).toEqual([true]);
    const rows = (outcome as { sheets: { rows: (RawCell | null)[][] }[] }).sheets[0]!.rows;
    expect(rows[0]![0]).toEqual({ text: '13874512345', kind: 'number', raw: 13874512345 });
    expect(rows[0]![8]).toEqual({ text: '0745-1234567', kind: 'string', numFmt: '@' });
    expect(rows[0]![9]).toEqual({ text: '-3.5', kind: 'number', raw: -3.5, numFmt: '0.00_);[Red]\\(0.00\\)' });
    expect(rows[0]![10]).toBeNull(); // an empty shared string is no cell
    expect(rows[0]![11]).toEqual({ text: '富文本', kind: 'string' });
    expect(rows[1]!.slice(0, 4).map((c) => c?.kind)).toEqual(['date', 'date', 'date', 'date']);
    expect(rows[1]![0]!.text).toBe('2016-09-23');
  });

  it('reads values and attributes the byte path leaves to the text as the text reads them (entities, spaces, exponents, long numbers, split values)', () => {
    const xml =
      '<sheetData><row r="&#49;"><c r="A&#49;" t="&#115;"><v>1</v></c><c r="B1" s=""><v>1e3</v></c><c r="C1" t="s"><v> 0 </v></c>' +
      '<c r="D1"><v>12345678901234567890</v></c><c r="E1"><v>0.1234567890123456</v></c><c r="F1"><v>1</v><v>2</v></c>' +
      '<c r="G1" t="s"><v>0<![CDATA[1]]></v></c><c r="H1"><v>&#45;7</v></c><c r="I1" s=" 4 " t="s"><v>1</v></c><c r="J1" t="s"><v>9</v></c>' +
      '<c r="K1"><v>-0</v></c><c r="L1" t="n"><v>.5</v></c><c r="M1" t="inlineStr"><v><is><t>in v</t></is></v></c></row>' +
      '<row r="00000003"><c><v>3</v></c></row></sheetData>';
    // a <t> inside a <t> ends both: the text after it is not the item's
    const buf = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: '<si><t>张三</t></si><si><t>0745-<is><t>1234567</t></is>dropped</t></si>', styles: STYLES });
    const { lean, outcome } = same(buf);
    expect(lean).toEqual([true]);
    const rows = (outcome as { book: { notes: unknown }; sheets: { rows: (RawCell | null)[][] }[] }).sheets[0]!.rows;
    expect(rows[0]!.map((c) => c && [c.text, c.kind])).toEqual([
      ['0745-1234567', 'string'],
      ['1000', 'number'],
      ['张三', 'string'],
      ['12345678901234600000', 'number'],
      ['0.1234567890123456', 'number'],
      ['12', 'number'],
      ['0745-1234567', 'string'],
      ['-7', 'number'],
      ['0745-1234567', 'string'],
      null,
      ['0', 'number'],
      ['0.5', 'number'],
    ]);
    expect(rows[0]![8]!.numFmt).toBe('@');
    expect(rows[1]![0]!.text).toBe('3'); // row r="00000003" is not a row number: the row after the last
    expect((outcome as { book: { notes: unknown } }).book.notes).toEqual({ missingStrings: { cells: 1, first: ['S!J1'], strings: 2 } });
  });

  it('reads the 1904 date system', () => {
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData>' }], styles: STYLES, workbookExtra: '<workbookPr date1904="1"/>' });
    expect(same(buf).lean).toEqual([true]);
  });

  it('keeps only the top-left value of a merge, clips merges to the used area (widths shrink), drops those outside it', () => {
    const xml = `${grid(6, 4)}<mergeCells><mergeCell ref="A1:D1"/><mergeCell ref="B2:B9"/><mergeCell ref="C4:D6"/><mergeCell ref="E5:F6"/><mergeCell ref="A1:XFD1048576"/></mergeCells>`;
    const { lean, outcome } = same(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    expect(lean).toEqual([true]);
    const s = (outcome as { sheets: { rows: (RawCell | null)[][]; merges: unknown }[] }).sheets[0]!;
    expect(s.rows.map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['0'],
      ['10', '11', '12', '13'],
      ['20', null, '22', '23'],
      ['30', null, '32'],
      ['40'],
      ['50'],
    ]);
  });

  it('reads a merged value down its rows after the rows between have been built (a few rows kept built, the rest built again)', () => {
    const wb = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: `${grid(30, 3)}<mergeCells><mergeCell ref="B2:B29"/></mergeCells>` }] }), { lean: true });
    const s = wb.sheets[0]!;
    for (let r = 1; r < 29; r++) expect(rowAt(s, r)![1]).toEqual(r === 1 ? { text: '11', kind: 'number', raw: 11 } : undefined);
    expect(rowAt(s, 1)![1]!.text).toBe('11');
    expect(rowAt(s, 30)).toBeUndefined();
    expect(rowAt(s, -1)).toBeUndefined();
  });

  it('keeps rows without cells as empty rows and cells placed by order when they have no r', () => {
    const xml = '<sheetData><row r="2"><c><v>1</v></c><c t="s"><v>0</v></c></row><row r="5"><c r="C5"><v>3</v></c></row><row><c><v>4</v></c></row></sheetData>';
    const { lean, outcome } = same(buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: ['a'] }));
    expect(lean).toEqual([true]);
    expect((outcome as { sheets: { rows: unknown[][] }[] }).sheets[0]!.rows.map((r) => r.length)).toEqual([0, 2, 0, 0, 3, 1]);
  });

  it('reads a sheet whose cells are out of order (or written twice) as a grid, as before', () => {
    for (const xml of [
      '<sheetData><row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row></sheetData>',
      '<sheetData><row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>9</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="A3"><v>3</v></c><c r="B2"><v>2</v></c></row></sheetData>',
    ]) {
      expect(same(buildXlsx({ sheets: [{ name: 'S', xml }, { name: 'T', xml: grid(2, 2) }] })).lean).toEqual([false, true]);
    }
  });

  it('counts a missing shared string once, whether the sheet ends up lean or read again as a grid', () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>9</v></c><c r="A2"><v>1</v></c></row></sheetData>';
    const { outcome } = same(buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: ['a'] }));
    expect((outcome as { book: { notes: unknown } }).book.notes).toEqual({ missingStrings: { cells: 2, first: ['S!A1', 'S!B2'], strings: 1 } });
  });

  it('reads the same texts from a small string table (items kept once decoded) and a big one (decoded when asked), row views read twice', () => {
    // tables each side of KEEP_SMALL_STRINGS (64 KiB of XML): items used once, twice and by many cells, plain and with an entity
    for (const items of [600, 2600]) {
      const strings = Array.from({ length: items }, (_, i) => (i % 97 === 5 ? `甲&amp;乙${i}` : `湖南省溆浦县大江口镇任家村${i}号`));
      const refsOf = (r: number) => [r, (r * 7) % items, r % 3, items - 1 - r];
      const rows = Array.from({ length: 400 }, (_, r) => {
        const refs = refsOf(r);
        return `<row r="${r + 1}">${refs.map((i, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${i}</v></c>`).join('')}</row>`;
      });
      const buf = buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData>${rows.join('')}</sheetData>` }], sharedStrings: strings });
      const { lean, outcome } = same(buf);
      expect(lean).toEqual([true]);
      const want = Array.from({ length: 400 }, (_, r) => refsOf(r).map((i) => strings[i]!.replace('&amp;', '&')));
      expect((outcome as { sheets: { rows: ({ text: string } | null)[][] }[] }).sheets[0]!.rows.map((r) => r.map((c) => c?.text))).toEqual(want);
      const sheet = readXlsx(buf, { lean: true }).sheets[0]!;
      for (let pass = 0; pass < 2; pass++) {
        for (let r = 0; r < 400; r++) {
          const v = sheet.lean!.view!(r)!;
          expect(Array.from({ length: v.n }, (_, k) => v.texts[k])).toEqual(want[r]);
        }
      }
    }
  });

  it('builds the whole grid only when `rows` is read; rowAt, rowCountOf and sheetHasText do not', () => {
    const s = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: grid(5, 2) }] }), { lean: true }).sheets[0]!;
    expect(Object.getOwnPropertyDescriptor(s, 'built')?.value).toBeUndefined();
    expect([rowCountOf(s), sheetHasText(s), rowAt(s, 4)?.length]).toEqual([5, true, 2]);
    expect(Object.getOwnPropertyDescriptor(s, 'built')?.value).toBeUndefined();
    expect(rowsOf(s, 'rows')).toEqual(rowsOf(s, 'rowAt'));
    expect(s.rows).toBe(s.rows);
    const empty = readXlsx(buildXlsx({ sheets: [{ name: 'E', xml: '<sheetData><row r="1"><c r="A1"><f>1</f></c></row></sheetData>' }] }), { lean: true }).sheets[0]!;
    expect([rowCountOf(empty), sheetHasText(empty)]).toEqual([1, false]);
  });
});

describe('readXlsx lean: limits trip with the same problems', () => {
  const book = (xml: string) => buildXlsx({ sheets: [{ name: 'S', xml }, { name: 'T', xml: grid(3, 3) }] });
  it.each([
    ['maxCells', { maxCells: 19 }, grid(3, 3)],
    ['maxCells (a far-away cell)', { maxCells: 10_000 }, '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row></sheetData>'],
    ['maxCells (out of order)', { maxCells: 12 }, '<sheetData><row r="2"><c r="C2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'],
    ['maxMerges', { maxMerges: 1 }, `${grid(4, 4)}<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="C3:D4"/></mergeCells>`],
    ['maxMergedCells', { maxMergedCells: 7 }, `${grid(4, 4)}<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="C3:D4"/></mergeCells>`],
    ['maxCellChars', { maxCellChars: 3 }, '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>四个字符</t></is></c></row></sheetData>'],
    ['maxCellChars (a value)', { maxCellChars: 3 }, '<sheetData><row r="1"><c r="A1"><v>12345</v></c></row></sheetData>'],
  ])('%s', (_, limits, xml) => {
    const { outcome } = same(book(xml), { limits });
    expect('error' in outcome && outcome.error).toMatch(/LimitExceeded/);
  });

  it('stops at the time budget on a clock that does not move on, never on one that does (progress, not size)', () => {
    let now = 0;
    const buf = book(grid(200, 5));
    expect(same(buf, { limits: { maxMillis: 1000 }, now: () => (now += 2000) }).outcome).toMatchObject({ error: expect.stringMatching(/LimitExceeded/) });
    let slow = 0;
    expect(same(buf, { limits: { maxMillis: 1000 }, now: () => (slow += 10) }).lean).toEqual([true, true]);
  });
});

describe('readXlsx lean: every workbook of fixtures/', () => {
  const files = fixtureWorkbooks();

  it('reads them (or refuses them) exactly as the grid reader does', () => {
    expect(files.length).toBeGreaterThan(100);
    let lean = 0;
    for (const f of files) lean += same(readFileSync(f)).lean.filter(Boolean).length;
    expect(lean).toBeGreaterThan(100);
  });

  it('gives the same registers, rows and fields (keys in order) read lean as read as grids', () => {
    const ctx = { file: 'f.xlsx', format: 'xlsx' as const, area: {}, detected: {} } as Parameters<typeof scanSheet>[1];
    const scan = (sheets: RawSheet[]) => JSON.stringify(sheets.map((s) => scanSheet(s, ctx)));
    let rows = 0;
    for (const f of files) {
      const buf = readFileSync(f);
      let grid: RawSheet[], lean: RawSheet[];
      try {
        grid = readXlsx(buf).sheets;
        lean = readXlsx(buf, { lean: true }).sheets;
      } catch {
        continue;
      }
      const a = scan(lean);
      expect(a, f).toBe(scan(grid));
      rows += (a.match(/"row":/g) ?? []).length;
    }
    expect(rows).toBeGreaterThan(1000);
  });
});
