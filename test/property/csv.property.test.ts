// Property tests (fast-check) for reading text files: encoding detection round trips (UTF-8, UTF-16LE, GB18030) and CSV parsing of csv-stringify output.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvToSheet, decodeText } from '../../src/io/csv.js';

const RUNS = { numRuns: 400 };
/** Chinese (common Han, CJK punctuation) and printable ASCII: what registers hold. */
const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c));
const cjkPunct = fc.constantFrom('，', '。', '、', '：', '（', '）', '“', '”', '—', '·', '\r\n', '\n');
const zhText = fc.string({ unit: fc.oneof({ weight: 3, arbitrary: han }, { weight: 2, arbitrary: ascii }, { weight: 1, arbitrary: cjkPunct }), maxLength: 200 });
/** Text with at least 8 Han characters in a row (a register's header has 20 and more; see the limit below). */
const zhTextWithHan = fc
  .tuple(zhText, fc.array(han, { minLength: 8, maxLength: 20 }), zhText)
  .map(([a, h, b]) => a + h.join('') + b);

describe('decodeText round trips', () => {
  it('UTF-8 without BOM', () => {
    fc.assert(
      fc.property(zhText, (s) => {
        expect(decodeText(Buffer.from(s, 'utf8')).text).toBe(s);
      }),
      RUNS,
    );
  });

  it('UTF-8 with BOM', () => {
    fc.assert(
      fc.property(zhText, (s) => {
        const d = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]));
        expect([d.text, d.encoding, d.reason]).toEqual([s, 'utf-8', 'bom']);
      }),
      RUNS,
    );
  });

  it('UTF-16LE with BOM', () => {
    fc.assert(
      fc.property(zhText, (s) => {
        const d = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
        expect([d.text, d.encoding]).toEqual([s, 'utf-16le']);
      }),
      RUNS,
    );
  });

  it('GB18030 (what Excel writes as CSV on Chinese Windows) reads back as the same text', () => {
    fc.assert(
      fc.property(zhTextWithHan, (s) => {
        const d = decodeText(iconv.encode(s, 'gb18030'));
        expect(d.text).toBe(s);
      }),
      RUNS,
    );
  });

  it('a GB18030 file with 8 or more Han characters is never taken for UTF-8', () => {
    // fast-check found that short GB18030 texts can be valid UTF-8 too: 魛仚 is F4 80 81 99, the UTF-8 of
    // U+100059. Sampling 200,000 random strings of the basic Han block: 1.8% of 2-character strings are valid
    // UTF-8, 0.06% of 4-character ones, none from 8 characters up. A register's header alone has more than 20,
    // so detection is safe for registers; a 2-character file may be misread (use --encoding gbk).
    fc.assert(
      fc.property(fc.array(han, { minLength: 8, maxLength: 40 }).map((a) => a.join('')), zhText, fc.boolean(), (names, rest, before) => {
        const d = decodeText(iconv.encode(before ? rest + names : names + rest, 'gb18030'));
        expect(d.encoding).toBe('gb18030');
      }),
      RUNS,
    );
  });

  it('a one- or two-character GB18030 text can be valid UTF-8 (the known, documented limit)', () => {
    expect(decodeText(iconv.encode('一', 'gb18030')).text).toBe('һ');
    expect(iconv.encode('魛仚', 'gb18030')).toEqual(Buffer.from([0xf4, 0x80, 0x81, 0x99]));
    expect(decodeText(iconv.encode('魛仚', 'gb18030')).encoding).toBe('utf-8');
    expect(decodeText(iconv.encode('魛仚', 'gb18030'), 'gb18030').text).toBe('魛仚');
  });
});

/** Cells as csv-stringify would quote them: commas, quotes, line breaks, Chinese, leading = and spaces. */
const cell = fc.string({ unit: fc.oneof(han, ascii, fc.constantFrom(',', '"', '\n', '\r\n', '\t', '=', ' ')), maxLength: 12 });

describe('csvToSheet reads back what csv-stringify writes', () => {
  it('same cells, empty cells as holes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), (records) => {
        // a lone empty record is an empty line: csv-stringify writes nothing for it
        const rs = records.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
        // line breaks inside cells must be quoted: csv-stringify leaves a lone \n unquoted under CRLF records,
        // and fupin reads \r\n, \n and \r alike as record ends (files mix them); Excel always quotes them
        const text = stringify(rs, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
        const sheet = csvToSheet(text, ',', 't');
        expect(sheet.rows.map((row) => Array.from(row, (c) => c?.text ?? ''))).toEqual(rs);
      }),
      RUNS,
    );
  });
});
