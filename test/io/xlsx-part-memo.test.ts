// Workbook-level parts (relationships, workbook.xml, styles) are parsed once per distinct content (PartMemo): a part is
// found only when its bytes are the same byte for byte and it is read under the same limits; anything else is parsed.
import { describe, expect, it } from 'vitest';
import { PartMemo, readXlsx } from '../../src/io/xlsx-reader.js';
import { LimitExceeded } from '../../src/io/limits.js';
import { buildXlsx } from './zip-build.js';

describe('PartMemo', () => {
  it('parses a content once; a part of the same length with other bytes, or under other limits, is parsed again', () => {
    const memo = new PartMemo();
    let parses = 0;
    const parse = (v: string) => () => {
      parses++;
      return [{ numFmt: v }];
    };
    const a = memo.get('styles', '', Buffer.from('<a/>'), parse('a'));
    expect(memo.get('styles', '', Buffer.from('<a/>'), parse('x'))).toBe(a);
    expect(parses).toBe(1);
    // same length, other bytes: never taken for the first
    expect(memo.get('styles', '', Buffer.from('<b/>'), parse('b'))).toEqual([{ numFmt: 'b' }]);
    // both kept under one length
    expect(memo.get('styles', '', Buffer.from('<a/>'), parse('x'))).toBe(a);
    expect(memo.get('styles', '', Buffer.from('<b/>'), parse('x'))).toEqual([{ numFmt: 'b' }]);
    expect(parses).toBe(2);
    // other limits, other kind: parsed again
    memo.get('styles', '1:2', Buffer.from('<a/>'), parse('c'));
    memo.get('workbook', '', Buffer.from('<a/>'), () => {
      parses++;
      return { listed: [], definedNames: [], date1904: false };
    });
    expect(parses).toBe(4);
  });

  it('keeps its own copy of the bytes: the buffer changed afterwards does not change what is found', () => {
    const memo = new PartMemo();
    const buf = Buffer.from('<a/>');
    memo.get('styles', '', buf, () => [{ numFmt: 'a' }]);
    buf.write('<b/>');
    expect(memo.get('styles', '', buf, () => [{ numFmt: 'b' }])).toEqual([{ numFmt: 'b' }]);
    expect(memo.get('styles', '', Buffer.from('<a/>'), () => [{ numFmt: 'x' }])).toEqual([{ numFmt: 'a' }]);
  });

  it('starts again when full, and leaves large parts out', () => {
    const memo = new PartMemo(8, 3);
    let parses = 0;
    const get = (s: string) => memo.get('styles', '', Buffer.from(s), () => (parses++, []));
    for (const s of ['<a/>', '<b/>', '<c/>']) get(s);
    expect(memo.size).toBe(3);
    get('<d/>');
    expect(memo.size).toBe(1);
    get('<a/>');
    expect(parses).toBe(5);
    get('<a long part/>');
    get('<a long part/>');
    expect(parses).toBe(7);
    expect(memo.size).toBe(2);
  });
});

describe('workbooks read through the memo', () => {
  const sheet = '<sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>0.5</v></c></row></sheetData>';
  const styles = (fmt: string) =>
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${fmt}"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>`;

  it('two workbooks alike but for their styles read each with its own', () => {
    const a = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: sheet }], styles: styles('0.0%') }));
    const b = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: sheet }], styles: styles('0.00') }));
    const again = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: sheet }], styles: styles('0.0%') }));
    expect(a.sheets[0]!.rows[0]![1]!.numFmt).toBe('0.0%');
    expect(b.sheets[0]!.rows[0]![1]!.numFmt).toBe('0.00');
    expect(again.sheets[0]!.rows).toEqual(a.sheets[0]!.rows);
    expect(a.sheets[0]!.rows[0]![0]!.kind).toBe('date');
  });

  it('the same workbook.xml read twice: the same sheets, names and date system; defined names are each caller’s own', () => {
    const book = () =>
      buildXlsx({
        sheets: [{ name: '登记表', xml: sheet }, { name: 'Hidden', xml: sheet, state: 'hidden' }],
        styles: styles('0.0%'),
        workbookExtra: '<workbookPr date1904="1"/><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">登记表!$A$1:$B$1</definedName></definedNames>',
      });
    const first = readXlsx(book());
    const second = readXlsx(book());
    expect(second.sheets.map((s) => [s.name, s.hidden])).toEqual([['登记表', undefined], ['Hidden', true]]);
    expect(second.date1904).toBe(true);
    expect(second.definedNames).toEqual(first.definedNames);
    expect(second.definedNames).not.toBe(first.definedNames);
    first.definedNames[0]!.ref = 'changed';
    expect(readXlsx(book()).definedNames[0]!.ref).toBe('登记表!$A$1:$B$1');
  });

  it('a limit a workbook.xml passed under one setting still trips under a lower one', () => {
    const book = buildXlsx({
      sheets: [{ name: 'S', xml: sheet }],
      workbookExtra: '<definedNames><definedName name="a">S!$A$1</definedName><definedName name="b">S!$B$1</definedName></definedNames>',
    });
    expect(readXlsx(book).definedNames).toHaveLength(2);
    expect(() => readXlsx(book, { limits: { maxDefinedNames: 1 } })).toThrow(LimitExceeded);
  });
});
