// Big xlsx parts read in pieces as they are inflated (ZipArchive.stream, XmlScanner over a window): every workbook reads
// exactly as when its parts are read whole — rows, merges, notes and refusals — whatever the window's size, and a part
// that cannot be read in pieces (a token longer than the margin, damage) is read whole.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../helpers/sheets.js';
import type { RawCell } from '../../src/core/model.js';
import { readXlsx, type XlsxReadOptions } from '../../src/io/xlsx-reader.js';
import { NEEDS_WHOLE, XmlScanner, END, OPEN, TEXT } from '../../src/io/xml.js';
import { ZipArchive, ZipError } from '../../src/io/zip.js';
import { buildXlsx, buildZip } from './zip-build.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WHOLE = { from: Number.POSITIVE_INFINITY };

function read(buf: Buffer, opts: XlsxReadOptions): unknown {
  try {
    const { sheets, ...book } = readXlsx(buf, opts);
    return { book, sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden, merges: s.merges, rows: rowsOf(s) })) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Parts read whole (ZipArchive.read, or readShared: kept whole from an earlier read) while `fn` runs. */
function readWhole(fn: () => void): string[] {
  const names: string[] = [];
  const orig = ZipArchive.prototype.read;
  const origShared = ZipArchive.prototype.readShared;
  const spy = vi.spyOn(ZipArchive.prototype, 'read').mockImplementation(function (this: ZipArchive, e) {
    names.push(e.name);
    return orig.call(this, e);
  });
  const spyShared = vi.spyOn(ZipArchive.prototype, 'readShared').mockImplementation(function (this: ZipArchive, e) {
    names.push(e.name);
    return origShared.call(this, e);
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
    spyShared.mockRestore();
  }
  return names;
}

/** Read in pieces (every part, windows of several sizes) and whole, lean and as grids: the same outcome each time. */
function same(buf: Buffer, sizes: [number, number][] = [[64, 24], [300, 120], [4096, 1024]], opts: XlsxReadOptions = {}): unknown {
  const whole = read(buf, { ...opts, stream: WHOLE, lean: true });
  expect(read(buf, { ...opts, stream: WHOLE })).toEqual(whole);
  for (const [window, margin] of sizes) {
    for (const lean of [true, false]) expect(read(buf, { ...opts, lean, stream: { from: 0, window, margin } })).toEqual(whole);
  }
  return whole;
}

const grid = (rows: number, cols: number) =>
  `<sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * 10 + c}</v></c>`).join('')}</row>`).join('')}</sheetData>`;

describe('xlsx parts read in pieces', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads a big sheet and its shared strings without holding either whole, as reading them whole does', () => {
    const strings = Array.from({ length: 400 }, (_, i) => (i % 3 ? `张三${i}` : `a &amp; b ${i}_x000D_`));
    const rows = Array.from({ length: 300 }, (_, r) =>
      `<row r="${r + 1}" spans="1:4"><c r="A${r + 1}" t="s"><v>${r}</v></c><c r="B${r + 1}" s="1"><v>${r}.5</v></c><c r="C${r + 1}"><f>1+1</f><v>2</v></c><c r="D${r + 1}" t="inlineStr"><is><t>内${r}</t></is></c></row>`,
    ).join('');
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData>${rows}</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells>` }], sharedStrings: strings, styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs>' });
    same(buf);
    for (const lean of [true, false]) {
      const whole = readWhole(() => readXlsx(buf, { lean, stream: { from: 2000, window: 512, margin: 200 } }));
      expect(whole).not.toContain('xl/worksheets/sheet1.xml');
      expect(whole).not.toContain('xl/sharedStrings.xml');
      expect(whole).toContain('xl/workbook.xml');
    }
  });

  it('reads whole a part with a token longer than the margin, a comment or CDATA across windows, a UTF-16 or BOM part, and gives the same rows', () => {
    const long = 'x'.repeat(500);
    const books = [
      buildXlsx({ sheets: [{ name: 'S', xml: grid(20, 3) }], sharedStrings: [long, 'b'] }),
      buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>` }] }),
      buildXlsx({ sheets: [{ name: 'S', xml: `${grid(5, 3)}<!-- ${'<c>'.repeat(200)} -->` }] }),
      buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1"><c r="A1" t="str"><v><![CDATA[${'<&>'.repeat(100)}]]></v></c></row></sheetData>` }] }),
      buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1"><c r="A1" t="str"><v>${'&amp;'.repeat(100)}</v></c><c r="B1"><v>1</v></c></row></sheetData>` }] }),
      buildXlsx({ sheets: [{ name: 'S', raw: true, xml: `\ufeff<?xml version="1.0"?><worksheet>${grid(10, 4)}</worksheet>` }] }),
    ];
    for (const buf of books) same(buf, [[64, 24], [300, 120]]);
    const utf16 = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<worksheet>${grid(10, 4)}</worksheet>`, 'utf16le')]) },
    ]);
    expect(same(utf16)).toMatchObject({ sheets: [{ name: 'S' }] });
  });

  it('refuses damaged parts as reading them whole does: checksum, cut-off or damaged deflate data, a size the header understates', () => {
    const xml = `<?xml version="1.0"?><worksheet>${grid(30, 4)}</worksheet>`;
    const good = Buffer.from(xml);
    const damaged = Buffer.from(zlib.deflateRawSync(good));
    damaged[20] ^= 0xff;
    const variants = [
      { claimCrc: 1 },
      { claimSize: good.length - 10 },
      { claimSize: good.length + 10 },
      { data: good.subarray(0, good.length - 40), claimSize: good.length },
    ];
    const wb = { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>' };
    for (const v of variants) {
      const buf = buildZip([wb, { name: 'xl/worksheets/sheet1.xml', data: good, ...v }]);
      expect(same(buf)).toMatchObject({ error: expect.stringMatching(/ZipError|XlsxError/) });
    }
    // damaged deflate data: stored as method 8 without compressing again
    const raw = buildZip([wb, { name: 'xl/worksheets/sheet1.xml', data: damaged, method: 0 }]);
    const off = raw.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 30;
    raw.writeUInt16LE(8, off + 8);
    const cd = raw.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    raw.writeUInt16LE(8, cd + 10);
    raw.writeUInt32LE(good.length, cd + 24);
    raw.writeUInt32LE(zlib.crc32(good), cd + 16);
    expect(same(raw)).toMatchObject({ error: expect.stringMatching(/ZipError/) });
  });

  it('trips limits as reading whole does, and counts the part once against maxUncompressedBytes', () => {
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: grid(40, 5) }, { name: 'T', xml: grid(40, 5) }] });
    for (const limits of [{ maxCells: 300 }, { maxCellChars: 1 }, { maxMerges: 0 }]) same(buf, undefined, { limits });
    const size = buf.length * 4;
    same(buf, undefined, { limits: { maxUncompressedBytes: size } });
  });
});

describe('shared strings read in runs of plain items', () => {
  it('reads plain items between others exactly as one by one: entities, CR, _x escapes, empty, preserve, rich, phonetic', () => {
    const sst =
      '<si><t>张三</t></si><si><t xml:space="preserve"> a &amp; b </t></si><si><t>x\r\ny</t></si><si><t>a_x000D_b</t></si><si><t></t></si>' +
      '<si><r><t>富</t></r><r><t>文本</t></r></si><si><t>后</t></si><si/><si><t>x</t><rPh><t>ピン</t></rPh></si><si><t>末</t></si>' +
      '<x:si><t>前缀</t></x:si><si><t>&#x4e2d;</t></si>';
    const texts = ['张三', ' a & b ', 'x\ny', 'a\rb', '', '富文本', '后', '', 'x', '末', '前缀', '中'];
    const xml = `<sheetData><row r="1">${texts.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row></sheetData>`;
    const book = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: sst });
    const out = same(book) as { sheets: { rows: (RawCell | null)[][] }[] };
    expect(out.sheets[0]!.rows[0]!.map((c) => c?.text ?? '')).toEqual(texts);
  });

  it('stops a run at maxCells and at maxCellChars as one by one does', () => {
    const book = buildXlsx({ sheets: [{ name: 'S', xml: grid(1, 1) }], sharedStrings: ['a', 'b', 'c', 'dddd', 'e'] });
    expect(read(book, { limits: { maxCells: 3 } })).toEqual({ error: 'LimitExceeded: maxCells: 4 > 3' });
    expect(read(book, { limits: { maxCellChars: 3 } })).toEqual({ error: 'LimitExceeded: maxCellChars: 4 > 3' });
  });
});

describe('plain cells read in one step (XmlScanner.plainCell)', () => {
  it('reads every cell as the tag-by-tag reading does (the same sheet with a space between cells takes that path)', () => {
    const cells = [
      '<c r="A1"><v>1</v></c>', '<c r="B1" s="1"><v>42636</v></c>', '<c r="C1" t="s"><v>0</v></c>', '<c r="D1" s="2" t="s"><v>1</v></c>',
      '<c r="E1" t="s" s="1"><v>0</v></c>', '<c r="F1" s="0001"><v>-0</v></c>', '<c r="G1" s="12345678901"><v>5</v></c>', '<c r="H1" t="n"><v>2.50</v></c>',
      '<c r="I1"><v></v></c>', '<c r="J1"><v>&#45;7</v></c>', '<c r="K1"><v> 1e3 </v></c>', '<c r="L1" t="s"><v>9</v></c>', '<c r="M1" t="s"><v>2</v></c>',
      '<c r="n1"><v>3</v></c>', '<c r="A0"><v>4</v></c>', '<c r="P1" s="9"><v>7</v></c>', '<c r="AB1"><v>abc</v></c>', '<c r="XFE1"><v>8</v></c>',
      '<c r="AC1"><v>123456789012345678</v></c>', '<c r="AD1" s="3"><v>0.1</v></c>', '<c r="AE1"><v>1</v><v>2</v></c>', '<c r="AF1"/>', '<c r="AG1" t="str"><v>s</v></c>',
    ];
    const rows = (sep: string) => `<sheetData><row r="1">${cells.join(sep)}</row><row r="3">${cells.map((c) => c.replace(/([A-Z]+)[01]"/, '$13"')).join(sep)}</row></sheetData>`;
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="49"/><xf numFmtId="164"/></cellXfs>';
    const book = (sep: string) => buildXlsx({ sheets: [{ name: 'S', xml: rows(sep) }], sharedStrings: ['张三', '0745', ''], styles });
    const plain = same(book(''), [[4096, 1024]]) as { sheets: { rows: (RawCell | null)[][] }[]; book: unknown };
    expect(same(book(' '), [[4096, 1024]])).toEqual(plain);
    expect(plain.sheets[0]!.rows[0]!.slice(0, 11).map((c) => c?.text ?? null)).toEqual(['1', '2016-09-23', '张三', '0745', '张三', '1900-01-00', '5', '2.5', null, '-7', '1000']);
  });
});

describe('ZipArchive.stream', () => {
  const data = Buffer.from(Array.from({ length: 3000 }, (_, i) => `<c r="A${i}"><v>${i * 7}</v></c>`).join(''));

  function drain(zip: ZipArchive, piece: number): Buffer {
    const s = zip.stream(zip.entries()[0]!)!;
    const out: Buffer[] = [];
    for (;;) {
      const dst = Buffer.alloc(piece);
      const n = s.read(dst, 0);
      out.push(dst.subarray(0, n));
      if (n < piece) break;
    }
    expect(s.read(Buffer.alloc(8), 0)).toBe(0);
    return Buffer.concat(out);
  }

  it('gives the bytes of stored and deflated entries in pieces of any size, and counts them once they are all read', () => {
    for (const method of [0, 8]) {
      for (const piece of [1, 7, 4096, data.length, data.length + 1]) {
        const zip = ZipArchive.open(buildZip([{ name: 'a.xml', data, method }]), { maxUncompressedBytes: 1e9, maxCompressionRatio: 1e9 });
        expect(drain(zip, piece).equals(data)).toBe(true);
        expect(zip.bytesInflated).toBe(data.length);
      }
    }
  });

  it('refuses a checksum mismatch, a size the header gets wrong and cut-off data with a ZipError', () => {
    const limits = { maxUncompressedBytes: 1e9, maxCompressionRatio: 1e9 };
    for (const spec of [{ claimCrc: 5 }, { claimSize: data.length - 1 }, { claimSize: data.length + 1 }]) {
      const zip = ZipArchive.open(buildZip([{ name: 'a.xml', data, ...spec }]), limits);
      expect(() => drain(zip, 1000)).toThrow(ZipError);
      expect(zip.bytesInflated).toBe(0);
    }
  });
});

describe('XmlScanner over a window', () => {
  it('gives the events it gives over the whole part, or NEEDS_WHOLE', () => {
    const xml = Buffer.from(`<a x="1"><b>text &amp; more</b><!-- c --><c y='2'/>tail</a>`);
    const events = (x: XmlScanner) => {
      const out: string[] = [];
      for (let ev = x.next(); ev !== END; ev = x.next()) out.push(ev === OPEN ? `<${x.name}${x.attr('x') ?? ''}` : ev === TEXT ? x.text() : `/${x.name}`);
      return out;
    };
    const whole = events(new XmlScanner(xml));
    const from = (buf: Buffer) => {
      let at = 0;
      return { read: (dst: Buffer, i: number) => { const n = buf.copy(dst, i, at, Math.min(buf.length, at + dst.length - i)); at += n; return n; } };
    };
    expect(events(new XmlScanner(Buffer.alloc(64), from(xml), 32))).toEqual(whole);
    expect(() => events(new XmlScanner(Buffer.alloc(16), from(xml), 8))).toThrow(NEEDS_WHOLE);
  });
});

describe('xlsx read in pieces: every workbook of fixtures/ and the corpus', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(n) && st.size < 8 * 1024 * 1024) files.push(p);
    }
  };
  walk(path.join(ROOT, 'fixtures'));
  const corpus = path.resolve(ROOT, '..', 'shared', 'corpus');
  if (existsSync(corpus)) walk(corpus);

  it('reads them (or refuses them) exactly as reading their parts whole does', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const buf = readFileSync(f);
      const whole = read(buf, { stream: WHOLE, lean: true });
      const pieces = read(buf, { stream: { from: 0, window: 2048, margin: 512 }, lean: true });
      expect({ f, r: pieces }).toEqual({ f, r: whole });
    }
  }, 300_000);
});
