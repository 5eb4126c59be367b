// sniff's fast path for the usual workbook (plainXlsxNames: the central directory's names read as bytes) answers only
// what reading the names as strings (sniffZip) answers: seeded random zips of usual, odd, non-ASCII and damaged names.
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scripts/lib/deterministic.mjs';
import { plainXlsxNames, sniff, sniffZip } from '../../src/io/sniff.js';
import { buildZip } from './zip-build.js';

/** The parts of a usual workbook. */
const USUAL = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'docProps/core.xml', 'xl/'];
const NAMES = [
  '[Content_Types].xml', '[CONTENT_TYPES].XML', '[content_types].xm', '_rels/.rels', 'xl/workbook.xml', 'XL/Workbook.xml', 'Xl/', 'xl',
  'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'docProps/core.xml', 'mimetype', 'MIMETYPE', 'mimetypes', 'xl/workbook.bin',
  'WORKBOOK.BIN', 'xworkbook.bin', 'word/document.xml', 'WORD/', 'words/x', 'ppt/slides/slide1.xml', 'PPT/', 'pptx/a', 'index/Document.iwa',
  'a.iwa', 'x.numbers/', 'Index.zip', 'xl/表1.xml', 'xl/wor\u212abook.bin', 'WOR\u212aBOOK.BIN', 'xl/\u212aey.xml', 'W\u0130RD/', 'mİmetype', 'x\\l/a.xml', 'xl\\a.xml', '',
];

/** A zip of these names; damaged at random: cut, the directory's count or offset changed. */
function zipOf(names: string[], r: () => number): Buffer {
  let buf = buildZip(names.map((name, i) => ({ name, data: `<x>${i}</x>`, method: i % 2 ? 0 : 8 })));
  const damage = r();
  if (damage < 0.1) buf = buf.subarray(0, Math.floor(r() * buf.length));
  else if (damage < 0.2) {
    buf = Buffer.from(buf);
    buf.writeUInt16LE(Math.floor(r() * (names.length + 3)), buf.length - 22 + 10);
  } else if (damage < 0.25) {
    buf = Buffer.from(buf);
    buf.writeUInt32LE(Math.floor(r() * buf.length), buf.length - 22 + 16);
  }
  return buf;
}

describe('sniff: the usual workbook read from its names as bytes', () => {
  it('answers as the names read as strings do, for 4,000 seeded random zips', () => {
    const r = rng(20261127);
    let fast = 0;
    for (let n = 0; n < 4000; n++) {
      const count = 1 + Math.floor(r() * 8);
      // mostly a usual workbook's parts, with now and then one of any kind among them
      const odd = r() * 0.3;
      const names = Array.from({ length: count }, () => (r() < odd ? NAMES[Math.floor(r() * NAMES.length)]! : USUAL[Math.floor(r() * USUAL.length)]!));
      const buf = zipOf(names, r);
      if (buf.length < 2) continue; // not a zip's signature: sniff never reads it as one
      if (plainXlsxNames(buf)) {
        fast++;
        expect(sniffZip(buf)).toEqual({ kind: 'xlsx' });
      }
      expect(sniff(buf)).toEqual(sniffZip(buf));
    }
    // the fast path is taken often, and not always
    expect(fast).toBeGreaterThan(1000);
    expect(fast).toBeLessThan(3900);
  });

  it('leaves to the strings a name past ASCII, a zip without a directory and one that is no workbook', () => {
    const xl = buildZip([{ name: '[Content_Types].xml', data: 'x' }, { name: 'xl/workbook.xml', data: 'x' }]);
    expect(plainXlsxNames(xl)).toBe(true);
    expect(sniff(xl)).toEqual({ kind: 'xlsx' });
    // the Kelvin sign lower-cases to an ASCII k: wor\u212abook.bin is workbook.bin to toLowerCase
    const kelvin = buildZip([{ name: 'xl/workbook.xml', data: 'x' }, { name: 'xl/wor\u212abook.bin', data: 'x' }]);
    expect(plainXlsxNames(kelvin)).toBe(false);
    expect(sniff(kelvin)).toEqual({ kind: 'xlsb' });
    for (const names of [['mimetype', 'xl/a.xml'], ['xl/workbook.bin'], ['word/a.xml', 'xl/a.xml'], ['a.txt']]) {
      const buf = buildZip(names.map((name) => ({ name, data: 'x' })));
      expect(plainXlsxNames(buf)).toBe(false);
      expect(sniff(buf)).toEqual(sniffZip(buf));
    }
    const cut = xl.subarray(0, xl.length - 30);
    expect(plainXlsxNames(cut)).toBe(false);
    expect(sniff(cut)).toEqual(sniffZip(cut));
  });
});
