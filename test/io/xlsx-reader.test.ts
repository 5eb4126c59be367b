// The xlsx reader on hand-made workbooks: cell types, dates, shared strings, merges, namespaces, limits and crafted input.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../src/core/model.js';
import { LimitExceeded } from '../../src/io/limits.js';
import { isDateFormat, readXlsx, serialDateText, XlsxError } from '../../src/io/xlsx-reader.js';
import { decodeEntities, END, OPEN, TEXT, XmlScanner } from '../../src/io/xml.js';
import { ZipError } from '../../src/io/zip.js';
import { buildXlsx, buildZip } from './zip-build.js';

const HOSTILE = path.resolve(import.meta.dirname, '../../fixtures/hostile');

const one = (xml: string, extra: Parameters<typeof buildXlsx>[0] extends infer B ? Partial<B> : never = {}) =>
  readXlsx(buildXlsx({ sheets: [{ name: 'Sheet1', xml }], ...extra })).sheets[0]!;

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZipError || e instanceof LimitExceeded || e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('XmlScanner', () => {
  it('gives local names, attributes by local name, decoded text and CDATA; skips comments, PIs and DOCTYPE', () => {
    const x = new XmlScanner(
      Buffer.from('\uFEFF<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "boom">]><!-- c --><x:a r:id="r&amp;1" b = \'2\'><x:t>&lt;&#x4E2D;&#22269;&e;</x:t><![CDATA[<raw>]]></x:a>'),
    );
    const seen: string[] = [];
    for (let ev = x.next(); ev !== END; ev = x.next()) {
      if (ev === OPEN) seen.push(`open ${x.name} id=${x.attr('id')} b=${x.attr('b')}`);
      else if (ev === TEXT) seen.push(`text ${x.text()}`);
      else seen.push(`close ${x.name}`);
    }
    expect(seen).toEqual(['open a id=r&1 b=2', 'open t id=undefined b=undefined', 'text <中国&e;', 'close t', 'text <raw>', 'close a']);
  });

  it('normalises literal line ends to LF but keeps &#13;', () => {
    expect(decodeEntities('a\r\nb\rc&#13;&#10;')).toBe('a\nb\nc\r\n');
  });

  it('throws XmlError for a tag cut off or an unquoted attribute', () => {
    const drain = (s: string) => {
      const x = new XmlScanner(Buffer.from(s));
      while (x.next() !== END);
    };
    expect(() => drain('<a><b x="1"')).toThrow(/unterminated tag/);
    expect(() => drain('<a x=1/>')).toThrow(/unquoted attribute in <a>/);
  });

  it('finds attributes by local name also in a tag of more attributes than it notes (the tag read again)', () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`).join(' ');
    const x = new XmlScanner(Buffer.from(`<c ${many} p:r = 'B2' r="no"  t="s"/><d r="x"/>`));
    expect(x.next()).toBe(OPEN);
    expect([x.attr('a0'), x.attr('a39'), x.attr('r'), x.attr('t'), x.attr('a40'), x.attr('0')]).toEqual(['0', '39', 'B2', 's', undefined, undefined]);
    expect(x.next()).toBe(OPEN);
    expect([x.name, x.attr('r'), x.attr('a0')]).toEqual(['d', 'x', undefined]);
  });

  it('reads a UTF-16 part as its UTF-8 form', () => {
    const x = new XmlScanner(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<x:a b="中">文&amp;</x:a>', 'utf16le')]));
    const seen: string[] = [];
    for (let ev = x.next(); ev !== END; ev = x.next()) seen.push(ev === OPEN ? `open ${x.name} ${x.attr('b')}` : ev === TEXT ? `text ${x.text()}` : `close ${x.name}`);
    expect(seen).toEqual(['open a 中', 'text 文&', 'close a']);
  });

  it('gives an element\'s text as bytes in one step only when it is plain text before its own end tag', () => {
    const x = new XmlScanner(Buffer.from('<v>12</v><v></x:v><x:v>a</x:v ><v>1<b/></v><t>中&amp;</t>'));
    const got: (string | undefined)[] = [];
    for (let ev = x.next(); ev !== END; ev = x.next()) if (ev === OPEN && (x.name === 'v' || x.name === 't')) got.push(x.elementText());
    expect(got).toEqual(['12', '', undefined, undefined, '中&']);
  });

  it('reads plain decimals from bytes exactly as Number() does, and leaves anything else to the text', () => {
    const x = new XmlScanner(Buffer.alloc(0));
    const cases = ['0', '-0', '7', '007', '0.1', '-3.5', '123456789012345', '1234567890123456', '0.30000000000000004', '1.', '.5', '1e3', ' 1', '1 ', '+1', '-', '', '1.2.3', '--1', '12345.678901234'];
    let seed = 7;
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const int = String(seed % 100000000);
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      cases.push(i % 2 ? `${int}.${String(seed).slice(0, 1 + (seed % 7))}` : `-${int.slice(0, 1 + (seed % 8))}.${seed % 1000}`);
    }
    for (const text of cases) {
      const b = Buffer.from(text);
      const at = new XmlScanner(b);
      const n = at.decimalAt(0, b.length);
      if (Number.isNaN(n)) expect(/^-?\d{1,15}(\.\d+)?$/.test(text) && text.replace(/[-.]/g, '').length <= 15).toBe(false);
      else expect(Object.is(n, Number(text))).toBe(true);
    }
    expect(x.indexAt(0, 0)).toBe(-1);
    expect(['0', '42', '000000012', '1234567890', '1a', ' 1'].map((t) => new XmlScanner(Buffer.from(t)).indexAt(0, t.length))).toEqual([0, 42, 12, -1, -1, -1]);
  });
});

describe('readXlsx: cells', () => {
  const styles =
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/><numFmt numFmtId="166" formatCode="[$-804]General"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="31"/><xf numFmtId="166"/></cellXfs>' +
    '<extLst><ext><x14:cellXfs><xf numFmtId="14"/></x14:cellXfs></ext></extLst>';

  it('reads every cell type as the exceljs path did (numbers exact, strings, booleans, errors, formulas)', () => {
    const sheet = one(
      '<sheetData><row r="1">' +
        '<c r="A1"><v>13874512345</v></c>' +
        '<c r="B1" t="s"><v>0</v></c>' +
        '<c r="C1" t="str"><v>a &amp; b</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>内联</t></is></c>' +
        '<c r="E1" t="b"><v>1</v></c>' +
        '<c r="F1" t="e"><v>#N/A</v></c>' +
        '<c r="G1"><f>1+1</f><v>2</v></c>' +
        '<c r="H1"><f>NOW()</f></c>' +
        '<c r="I1" t="b"><f>ISNA(A1)</f><v>0</v></c>' +
        '<c r="J1" s="4" t="s"><v>1</v></c>' +
        '<c r="K1"><v>0.1</v></c>' +
        '<c r="L1" s="3"><v>-3.5</v></c>' +
        '<c r="M1" t="s"><v>2</v></c>' +
        '</row></sheetData>',
      { sharedStrings: ['张三', '0745-1234567', ''], styles },
    );
    expect(sheet.rows).toEqual([
      [
        { text: '13874512345', kind: 'number', raw: 13874512345 },
        { text: '张三', kind: 'string' },
        { text: 'a & b', kind: 'string' },
        { text: '内联', kind: 'string' },
        { text: 'TRUE', kind: 'boolean', raw: true },
        { text: '#N/A', kind: 'error' },
        { text: '2', kind: 'number', raw: 2, formula: true },
        { text: '', kind: 'empty', formula: true },
        { text: 'FALSE', kind: 'boolean', raw: false, formula: true },
        { text: '0745-1234567', kind: 'string', numFmt: '@' },
        { text: '0.1', kind: 'number', raw: 0.1 },
        { text: '-3.5', kind: 'number', raw: -3.5, numFmt: '0.00_);[Red]\\(0.00\\)' },
      ],
    ]);
  });

  it('turns date-formatted numbers into dates as their format shows them: built-in 14, Chinese built-in 31 (no time), custom 年月日, t="d"; not [$-804]General', () => {
    const sheet = one(
      '<sheetData><row r="1"><c r="A1" s="1"><v>42625</v></c><c r="B1" s="5"><v>42625.5</v></c><c r="C1" s="2"><v>42625</v></c>' +
        '<c r="D1" t="d"><v>2014-02-14T08:27:48</v></c><c r="E1" s="6"><v>42625</v></c><c r="F1" s="1"><v>1</v></c><c r="G1" s="1"><v>-1</v></c></row></sheetData>',
      { styles },
    );
    expect(sheet.rows[0]).toEqual([
      { text: '2016-09-12', kind: 'date', numFmt: 'mm-dd-yy' },
      { text: '2016-09-12', kind: 'date', numFmt: 'yyyy"年"m"月"d"日"' },
      { text: '2016-09-12', kind: 'date', numFmt: 'yyyy"年"m"月"d"日"' },
      { text: '2014-02-14 08:27:48', kind: 'date' },
      { text: '42625', kind: 'number', raw: 42625, numFmt: '[$-804]General' },
      { text: '1900-01-01', kind: 'date', numFmt: 'mm-dd-yy' },
      { text: '-1', kind: 'number', raw: -1, numFmt: 'mm-dd-yy' },
    ]);
  });

  it('reads the 1904 date system', () => {
    const sheet = one('<sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>41163</v></c></row></sheetData>', {
      styles,
      workbookExtra: '<workbookPr date1904="1"/><extLst><ext><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>',
    });
    expect(sheet.rows[0]!.map((c) => c?.text)).toEqual(['1904-01-01', '2016-09-12']);
  });

  it('knows date formats by their codes', () => {
    expect(['yyyy-mm-dd', 'm/d/yy h:mm', '[h]:mm:ss', 'YYYY"年"M"月"', 'hh:mm AM/PM'].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['General', '0.00', '@', '#,##0 "元"', '[Red]0', '0.00E+00', '[$-804]General', '\\d0'].map(isDateFormat)).toEqual([
      false, false, false, false, false, false, false, false,
    ]);
    expect(serialDateText(59, false)).toBe('1900-02-28');
    expect(serialDateText(61, false)).toBe('1900-03-01');
    expect(serialDateText(3e6, false)).toBeUndefined();
  });

  it('joins rich-text runs, leaves out phonetic <rPh> runs, decodes _x000D_ and character references', () => {
    const sheet = one('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>', {
      sharedStrings:
        '<si><r><rPr><b/></rPr><t>溆浦</t></r><r><t xml:space="preserve">县 </t></r><rPh sb="0" eb="2"><t>ジョホ</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><t>line1_x000D_\nline2 _x005F_x000D_</t></si>' +
        '<si><t>&#x31;&#51;&#57;&amp;&quot;</t></si>',
    });
    expect(sheet.rows[0]).toEqual([
      { text: '溆浦县 ', kind: 'string' },
      { text: 'line1\r\nline2 _x000D_', kind: 'string' },
      { text: '139&"', kind: 'string' },
    ]);
  });

  it('places rows and cells without r attributes by their order', () => {
    const sheet = one('<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c><v>3</v></c><c r="D4"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row></sheetData>');
    expect(sheet.rows.map((r) => Array.from(r, (c) => c?.text ?? null))).toEqual([['1', '2'], [], [], ['3', null, null, '4', '5'], ['6']]);
  });

  it('reads x:-prefixed SpreadsheetML as the OpenXML SDK writes it', () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const buf = buildXlsx({
      sheets: [
        {
          name: 'Sheet1',
          raw: true,
          xml: `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>序号</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`,
        },
      ],
      sharedStrings: '<x:si><x:t>不见</x:t></x:si>',
    });
    const sheet = readXlsx(buf).sheets[0]!;
    expect(sheet.rows).toEqual([[{ text: '序号', kind: 'string' }]]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});

describe('readXlsx: workbook structure', () => {
  it('finds a workbook kept outside xl/ through _rels/.rels, with sheet names and hidden state in tab order', () => {
    const wb = readXlsx(
      buildXlsx({
        workbookPath: 'custom/path/book.xml',
        sheets: [
          { name: 'B&C', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
          { name: '隐藏', state: 'veryHidden', xml: '<sheetData/>' },
        ],
      }),
    );
    expect(wb.sheets.map((s) => [s.name, s.hidden ?? false, s.rows.length])).toEqual([
      ['B&C', false, 1],
      ['隐藏', true, 0],
    ]);
  });

  it('reads defined names without expanding them, and refuses more than maxDefinedNames', () => {
    const names = '<definedNames><definedName name="huge">Sheet1!$A$1:$XFD$1048576</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$E$200000</definedName></definedNames>';
    const buf = buildXlsx({ sheets: [{ name: 'Sheet1', xml: '<sheetData/>' }], workbookExtra: names });
    expect(readXlsx(buf).definedNames).toEqual([
      { name: 'huge', ref: 'Sheet1!$A$1:$XFD$1048576' },
      { name: '_xlnm.Print_Area', ref: 'Sheet1!$A$1:$E$200000', sheet: 0 },
    ]);
    expect(refusal(() => readXlsx(buf, { limits: { maxDefinedNames: 1 } }))).toMatchObject({ limit: 'maxDefinedNames', actual: 2, allowed: 1 });
  });

  it('refuses a zip with no workbook, and damaged sheet XML with the part named', () => {
    expect(refusal(() => readXlsx(buildZip([{ name: 'hello.txt', data: 'hi' }])))).toMatchObject({ code: 'no-workbook' });
    const e = refusal(() => readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v' }] })));
    expect(e).toBeInstanceOf(XlsxError);
    expect(e.message).toBe('xlsx xml: xl/worksheets/sheet1.xml: malformed tag');
    // a string's <t> read in one step still refuses a damaged end tag, as reading tag by tag does
    const sst = refusal(() => readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData/>' }], sharedStrings: '<si><t>EUR</r="Z"x:t></si>' })));
    expect(sst.message).toBe('xlsx xml: xl/sharedStrings.xml: malformed tag');
  });
});

describe('readXlsx: merges and limits', () => {
  const grid = (rows: number, cols: number) =>
    `<sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * 10 + c}</v></c>`).join('')}</row>`).join('')}</sheetData>`;

  it('keeps only the top-left value of a merge, clips merges to the used area, drops those outside it', () => {
    const sheet = one(`${grid(3, 3)}<mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="B2:B9"/><mergeCell ref="E5:F6"/></mergeCells>`);
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 1, bottom: 2, right: 1 },
    ]);
    expect(sheet.rows.map((r) => Array.from(r, (c) => c?.text ?? null))).toEqual([['0'], ['10', '11', '12'], ['20', null, '22']]);
  });

  it('drops a merge over the whole sheet (A1:XFD1048576) without expanding it, keeping the cells under it', () => {
    const t = Date.now();
    const wb = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml: `${grid(3, 2)}<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>` }] }));
    expect(Date.now() - t).toBeLessThan(1000);
    expect(wb.droppedMerges).toEqual(['S!A1:XFD1048576']);
    expect(wb.sheets[0]!.merges).toEqual([]);
    expect(wb.sheets[0]!.rows.map((r) => r.length)).toEqual([2, 2, 2]);
  });

  it('refuses more merges than maxMerges and more merged cells than maxMergedCells', () => {
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: `${grid(4, 4)}<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="C3:D4"/></mergeCells>` }] });
    expect(refusal(() => readXlsx(buf, { limits: { maxMerges: 1 } }))).toMatchObject({ limit: 'maxMerges', actual: 2, allowed: 1 });
    expect(refusal(() => readXlsx(buf, { limits: { maxMergedCells: 7 } }))).toMatchObject({ limit: 'maxMergedCells', actual: 8, allowed: 7 });
  });

  it('counts cells across the workbook (each row 1 plus its width) against maxCells', () => {
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: grid(3, 3) }, { name: 'T', xml: grid(2, 3) }] });
    expect(readXlsx(buf, { limits: { maxCells: 20 } }).sheets).toHaveLength(2);
    expect(refusal(() => readXlsx(buf, { limits: { maxCells: 19 } }))).toMatchObject({ limit: 'maxCells', actual: 20, allowed: 19 });
  });

  it('counts a stray far-away cell as the width it makes', () => {
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData>' }] });
    expect(refusal(() => readXlsx(buf, { limits: { maxCells: 10_000 } }))).toMatchObject({ limit: 'maxCells', actual: 16_385 });
  });

  it('refuses a cell longer than maxCellChars, in the sheet or in shared strings', () => {
    const long = 'x'.repeat(40_000);
    expect(refusal(() => one(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>`))).toMatchObject({
      limit: 'maxCellChars',
      actual: 40_000,
    });
    expect(refusal(() => one('<sheetData/>', { sharedStrings: [long] }))).toMatchObject({ limit: 'maxCellChars', allowed: 32_767 });
  });

  it('stops at the time budget', () => {
    let now = 0;
    const buf = buildXlsx({ sheets: [{ name: 'S', xml: grid(1, 1) }] });
    const e = refusal(() => readXlsx(buf, { limits: { maxMillis: 1000 }, now: () => (now += 2000) }));
    expect(e).toMatchObject({ limit: 'maxMillis', allowed: 1000 });
  });
});

describe('readXlsx: crafted names and references', () => {
  it('reads sheets named __proto__ and constructor as plain sheets; cell reference __proto__ is placed by order', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const wb = readXlsx(
      buildXlsx({
        sheets: [
          { name: '__proto__', xml: '<sheetData><row r="1"><c r="__proto__" t="inlineStr"><is><t>{"polluted":true}</t></is></c><c r="constructor" s="__proto__"><v>7</v></c></row></sheetData>' },
          { name: 'constructor', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>constructor</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData>' },
        ],
        sharedStrings: ['__proto__'],
      }),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    expect(wb.sheets[0]!.rows).toEqual([[{ text: '{"polluted":true}', kind: 'string' }, { text: '7', kind: 'number', raw: 7 }]]);
    expect(wb.sheets[1]!.rows).toEqual([[undefined, { text: '__proto__', kind: 'string' }]]);
    for (const s of wb.sheets) expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.skipIf(!existsSync(HOSTILE))('answers every crafted workbook in fixtures/hostile quickly, leaving Object.prototype unchanged', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const answers: Record<string, string> = {};
    for (const name of readdirSync(HOSTILE).filter((n) => n.endsWith('.xlsx')).sort()) {
      const t = Date.now();
      let answer: string;
      try {
        const wb = readXlsx(readFileSync(path.join(HOSTILE, name)));
        answer = `read ${wb.sheets.map((s) => `${s.name}:${s.rows.length}`).join(',')}`;
      } catch (e) {
        if (!(e instanceof ZipError || e instanceof LimitExceeded || e instanceof XlsxError)) throw e;
        answer = `${e.name} ${e instanceof LimitExceeded ? e.limit : (e as ZipError | XlsxError).code}`;
      }
      expect(Date.now() - t, name).toBeLessThan(3000);
      answers[name] = answer;
    }
    expect(answers).toEqual({
      'billion-laughs.xlsx': 'read Sheet1:1',
      'defined-name-huge.xlsx': 'read Sheet1:9',
      'encrypted.xlsx': 'ZipError truncated',
      'malformed-xml.xlsx': 'XlsxError xml',
      'merge-whole-sheet.xlsx': 'read Sheet1:9',
      'prefixed-namespaces.xlsx': 'read Sheet1:9',
      'proto-names.xlsx': 'read __proto__:9,constructor:2,prototype:2',
      'truncated.xlsx': 'ZipError truncated',
      'zip-bomb-overlap.xlsx': 'LimitExceeded maxCompressionRatio',
      'zip-bomb-shared-strings.xlsx': 'LimitExceeded maxUncompressedBytes',
    });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

/** Keep the helper type in use for readers of this file: a cell as the reader gives it. */
export type { RawCell };
