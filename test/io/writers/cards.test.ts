// 附1 cards: one A4 sheet per pairing, filled from the register, sheet names Excel accepts, formula-like text kept inert.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName, writeCards } from '../../../src/io/writers/cards.js';

async function book(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('writeCards', () => {
  it('writes one filled card per entry, in order, each a full copy of the form', async () => {
    const wb = await book(
      await writeCards([
        { org: '湖南省慈善总会', name: '张三', address: '怀化市溆浦县卢峰镇黄茅园村5组', phone: '13912345678', seq: '1' },
        { org: '溆浦县慈善会', name: '李四', address: '', phone: '', seq: '2', povertyCause: '因病致贫', income: '3200' },
      ]),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['1-张三', '2-李四']);
    const [a, b] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(a.getCell('B3').value).toBe('1');
    expect(a.getCell('B5').value).toBe('张三');
    expect(a.getCell('G5').value).toBe('湖南省慈善总会');
    expect(a.getCell('B11').value).toBe('怀化市溆浦县卢峰镇黄茅园村5组');
    expect(a.getCell('B12').value).toBe('13912345678');
    expect(a.getCell('B12').type).toBe(ExcelJS.ValueType.String);
    expect(a.getCell('E5').value).toBeNull();
    expect(a.getCell('B13').value).toBeNull();
    // blank where the register has nothing; extra columns when it has them
    expect(b.getCell('B11').value).toBeNull();
    expect(b.getCell('B12').value).toBeNull();
    expect(b.getCell('B13').value).toBe('因病致贫');
    expect(b.getCell('E5').value).toBe('3200');
    // the form itself on every sheet: title, labels, merges, borders (also on merged-over cells), page setup
    for (const ws of [a, b]) {
      expect(ws.getCell('A2').value).toBe('湖南省慈善组织精准扶贫结对帮扶卡');
      expect(ws.getCell('A12').value).toBe('联系方式');
      expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A2:I2', 'G5:I5', 'A6:A10', 'B14:I14']));
      expect(ws.getCell('I5').border?.right?.style).toBe('thin');
      expect(ws.getCell('I14').border?.right?.style).toBe('thin');
      expect(ws.pageSetup.orientation).toBe('portrait');
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(1);
      expect(ws.pageSetup.printArea).toBe('A1:I15');
      expect(ws.getColumn(1).width).toBe(12);
    }
    expect(wb.definedNames.model).toEqual([]);
  });

  it('writes =HYPERLINK( and @SUM( from a register as inert strings, never formulas', async () => {
    const wb = await book(
      await writeCards([{ org: '=HYPERLINK("http://evil.example","点我")', name: '@SUM(A1)', address: '+1', phone: '-1+2\u0000' }]),
    );
    const ws = wb.worksheets[0]!;
    for (const [ref, text] of [
      ['G5', '=HYPERLINK("http://evil.example","点我")'],
      ['B5', '@SUM(A1)'],
      ['B11', '+1'],
      ['B12', '-1+2'],
    ] as const) {
      expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).value).toBe(text);
      expect(ws.getCell(ref).formula).toBeUndefined();
    }
    expect(ws.name).toBe('1-@SUM(A1)');
  });

  it('with no entries writes the blank card', async () => {
    const wb = await book(await writeCards([]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结对帮扶卡']);
  });
});

describe('sheetName', () => {
  it('replaces []:*?/\\, trims apostrophes, cuts to 31, keeps names unique case-insensitively', () => {
    const used = new Set<string>();
    expect(sheetName('1-张[三]:*?/\\', used)).toBe('1-张_三______');
    expect(sheetName("'quoted'", used)).toBe('quoted');
    expect(sheetName('Quoted', used)).toBe('Quoted(2)');
    const long = '2-' + '欧'.repeat(40);
    const first = sheetName(long, used);
    expect(first).toHaveLength(31);
    const second = sheetName(long, used);
    expect(second).toHaveLength(31);
    expect(second.endsWith('(2)')).toBe(true);
    expect(sheetName('', used)).toBe('卡片');
    expect(sheetName('History', used)).toBe('卡片(2)');
    expect(sheetName('__proto__', used)).toBe('__proto__');
    expect(sheetName('x' + '𠀋'.repeat(20), used)).toBe('x' + '𠀋'.repeat(15)); // 31 UTF-16 units, no half pair
  });
});
