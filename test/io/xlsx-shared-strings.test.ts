// SharedStrings: a workbook's shared strings held as their bytes and decoded when asked for — each item reads exactly as
// the text it was read as, whatever the growth of its tables, the limits and the items that are kept as text.
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../src/io/xlsx-reader.js';
import { XmlScanner, END, OPEN } from '../../src/io/xml.js';
import { LimitExceeded } from '../../src/io/limits.js';

/** The items of an sst part read through plainItems (run by run) into a SharedStrings of the given start size. */
function readInto(xml: string, hint: number, keepAll: boolean, maxChars = 32767): { sst: SharedStrings; strings: string[] } {
  const sst = new SharedStrings(maxChars, hint, keepAll);
  const x = new XmlScanner(Buffer.from(xml));
  for (let ev = x.next(); ev !== END; ev = x.next()) {
    if (ev === OPEN && x.name === 'si' && x.plainItems('si', ['<t>', '<t xml:space="preserve">'], '</t></si>', sst, 1e9) === 0) sst.add('?');
  }
  return { sst, strings: Array.from({ length: sst.count }, (_, i) => sst.get(i)!) };
}

describe('SharedStrings', () => {
  const texts = ['张三', '', 'a_x000D_b', 'plain_name', 'x'.repeat(70), '李'.repeat(40), 'under_x00_', '4312241990', '_x005F_x000D_', 'é'];
  const items = (list: string[]) => `<sst>${list.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  const expected = texts.map((t) => t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));

  it('gives back every item as it was written, its `_x000D_` decoded, whatever size its tables start at', () => {
    const many = Array.from({ length: 3000 }, (_, i) => texts[i % texts.length]!);
    const want = Array.from({ length: 3000 }, (_, i) => expected[i % expected.length]!);
    for (const hint of [0, 100, 1 << 20]) {
      for (const keepAll of [true, false]) {
        const { sst, strings } = readInto(items(many), hint, keepAll);
        expect(sst.count).toBe(3000);
        expect(strings).toEqual(want);
        // asked again: the same text
        expect(sst.get(4)).toBe(want[4]);
      }
    }
  });

  it('says which items exist and which read as empty; none past the end', () => {
    const { sst } = readInto(items(texts), 0, false);
    expect(sst.has(0)).toBe(true);
    expect(sst.has(texts.length - 1)).toBe(true);
    expect(sst.has(texts.length)).toBe(false);
    expect(sst.has(-1)).toBe(false);
    expect(sst.get(texts.length)).toBeUndefined();
    expect(texts.map((_, i) => sst.isEmpty(i))).toEqual(texts.map((t) => t === ''));
    sst.add('');
    sst.add('text');
    expect(sst.isEmpty(texts.length)).toBe(true);
    expect(sst.isEmpty(texts.length + 1)).toBe(false);
    expect(sst.get(texts.length + 1)).toBe('text');
  });

  it('gives the same text for an item whether it is kept once decoded (used by several cells) or decoded again', () => {
    const { sst } = readInto(items(['长一些的名字甲', '长一些的名字乙']), 0, false);
    sst.note(0);
    sst.note(0);
    sst.note(1);
    expect([sst.get(0), sst.get(0), sst.get(1), sst.get(1)]).toEqual(['长一些的名字甲', '长一些的名字甲', '长一些的名字乙', '长一些的名字乙']);
  });

  it('refuses an item longer than maxCellChars, counted in characters, as the items read one by one do', () => {
    expect(() => readInto(items(['abcd']), 0, false, 3)).toThrow(LimitExceeded);
    expect(readInto(items(['张三李四']), 0, false, 4).strings).toEqual(['张三李四']);
    expect(() => readInto(items(['a&amp;bc']), 0, false, 3)).toThrow(LimitExceeded);
  });

  it('reads bytes that are not UTF-8 as decoding them whole does', () => {
    const xml = Buffer.concat([Buffer.from('<sst><si><t>a'), Buffer.from([0xe4, 0xb8]), Buffer.from('</t></si><si><t>'), Buffer.from([0xff]), Buffer.from('b</t></si></sst>')]);
    const sst = new SharedStrings(100, 0, false);
    const x = new XmlScanner(xml);
    for (let ev = x.next(); ev !== END; ev = x.next()) if (ev === OPEN && x.name === 'si') x.plainItems('si', ['<t>'], '</t></si>', sst, 10);
    expect([sst.get(0), sst.get(1)]).toEqual([Buffer.from([0x61, 0xe4, 0xb8]).toString(), Buffer.from([0xff, 0x62]).toString()]);
  });
});
