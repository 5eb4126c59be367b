// 附1 cards: one card a page, stacked down one sheet with a page break after each, filled from the register, formula-like text kept inert.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeCards } from '../../../src/io/writers/cards.js';

async function unzipSheet(buf: Buffer): Promise<string> {
  const { ZipArchive } = await import('../../../src/io/zip.js');
  const { DEFAULT_LIMITS } = await import('../../../src/io/limits.js');
  const zip = ZipArchive.open(buf, DEFAULT_LIMITS);
  return zip.read(zip.find('xl/worksheets/sheet1.xml')!).toString('utf8');
}

async function book(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A cell of card `k` (0-based), addressed as on the template's one card. */
const at = (ws: ExcelJS.Worksheet, k: number, ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return ws.getCell(`${m[1]}${Number(m[2]) + 15 * k}`);
};

describe('writeCards', () => {
  it('writes one filled card per entry, in order, each a full copy of the form on its own page', async () => {
    const buf = await writeCards(
        [
          { org: '湖南省慈善总会', name: '张三', address: '怀化市溆浦县卢峰镇黄茅园村5组', phone: '13912345678', seq: '1' },
          { org: '溆浦县慈善会', name: '李四', address: '', phone: '', seq: '2', povertyCause: '因病致贫', income: '3200' },
        ],
        { title: '湖南省慈善组织精准扶贫结对帮扶卡' },
      );
    const wb = await book(buf);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(at(ws, 0, 'B3').value).toBe('1');
    expect(at(ws, 0, 'B5').value).toBe('张三');
    expect(at(ws, 0, 'G5').value).toBe('湖南省慈善总会');
    expect(at(ws, 0, 'B11').value).toBe('怀化市溆浦县卢峰镇黄茅园村5组');
    expect(at(ws, 0, 'B12').value).toBe('13912345678');
    expect(at(ws, 0, 'B12').type).toBe(ExcelJS.ValueType.String);
    expect(at(ws, 0, 'E5').value).toBeNull();
    expect(at(ws, 0, 'B13').value).toBeNull();
    // blank where the register has nothing; extra columns when it has them
    expect(at(ws, 1, 'B11').value).toBeNull();
    expect(at(ws, 1, 'B12').value).toBeNull();
    expect(at(ws, 1, 'B13').value).toBe('因病致贫');
    expect(at(ws, 1, 'E5').value).toBe('3200');
    // the form itself on every card: title, labels, merges, borders (also on merged-over cells)
    for (const k of [0, 1]) {
      expect(at(ws, k, 'A2').value).toBe('湖南省慈善组织精准扶贫结对帮扶卡');
      expect(at(ws, k, 'A12').value).toBe('联系方式');
      expect(at(ws, k, 'I5').border?.right?.style).toBe('thin');
      expect(at(ws, k, 'I14').border?.right?.style).toBe('thin');
    }
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A2:I2', 'G5:I5', 'A6:A10', 'B14:I14', 'A17:I17', 'G20:I20']));
    // A4 portrait, one page wide, a page break after each card but the last
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printArea).toBe('A1:I30');
    // (exceljs does not read page breaks back: the sheet's XML says them)
    const xml = await unzipSheet(buf);
    expect(xml).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="15"');
    expect(ws.getColumn(1).width).toBe(12);
    expect(wb.keywords).toBe('fupin:cards');
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
  });

  it('keeps XML specials, spaces and text that looks like its own markers exactly as the register wrote them', async () => {
    const texts = { org: '<b>&"甲"</b>', name: ' 王 五 ', address: '@@fupin-card:org@@', phone: "1'2&3" };
    const wb = await book(await writeCards([texts, { org: 'x', name: '乙', address: '', phone: '' }]));
    const ws = wb.worksheets[0]!;
    expect([at(ws, 0, 'G5').value, at(ws, 0, 'B5').value, at(ws, 0, 'B11').value, at(ws, 0, 'B12').value]).toEqual([texts.org, texts.name, texts.address, texts.phone]);
    expect(at(ws, 1, 'G5').value).toBe('x');
    expect(at(ws, 1, 'B11').value).toBeNull();
  });

  it('puts a thousand cards on a sheet, then starts the next', async () => {
    const cards = Array.from({ length: 3 }, (_, i) => ({ org: '溆浦县慈善会', name: `张${i}`, address: '', phone: '' }));
    const wb = await book(await writeCards(cards, { perSheet: 2 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['1-2', '3-3']);
    expect(at(wb.worksheets[1]!, 0, 'B5').value).toBe('张2');
  });

  it('with no entries writes the blank card', async () => {
    const wb = await book(await writeCards([]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结对帮扶卡']);
  });
});
