// The blank forms of `fupin template`: 附2 with numbered rows and input rules, 附3, 附4 with the 2016 targets, 附1; read back with exceljs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HUNAN_2016 } from '../../helpers/profile.js';
import { writeBlankTemplate } from '../../../src/io/writers/blank.js';
import { writeQuotaForm } from '../../../src/io/writers/quota.js';
import { readXlsxBuffer } from '../../../src/io/xlsx.js';
import { ROOT } from '../../e2e/helpers.js';

const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/ledger-truth.json'), 'utf8')) as { cities: { city: string; rows: { unit: string }[] }[] };

async function sheetOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}
const mergesOf = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

describe('附2 登记表', () => {
  it('has 30 numbered rows by default, the header, the 备注 line, A4 portrait with the header repeated', async () => {
    const ws = await sheetOf(await writeBlankTemplate('register'));
    expect(ws.name).toBe('登记表');
    expect(ws.getCell('A2').value).toBe('县市区慈善组织精准扶贫结对帮扶登记表');
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(4, c).value)).toEqual(['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式']);
    expect(ws.getCell('A5').value).toBe(1);
    expect(ws.getCell('A34').value).toBe(30);
    expect(ws.getCell('A35').value).toBe('备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。');
    expect(mergesOf(ws)).toEqual(expect.arrayContaining(['A2:E2', 'A35:E35']));
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    expect(ws.pageSetup.printArea).toBe('A1:E35');
  });

  it('--rows 45 --area: 45 numbered rows, each with the text format and the phone input rule; the area in the title', async () => {
    const ws = await sheetOf(await writeBlankTemplate('register', { rows: 45, area: '怀化市溆浦县' }));
    expect(ws.getCell('A2').value).toBe('怀化市溆浦县慈善组织精准扶贫结对帮扶登记表');
    expect(ws.getCell('A49').value).toBe(45);
    expect(ws.getCell('A50').value).toBe('备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。');
    expect(mergesOf(ws)).toContain('A50:E50');
    expect(mergesOf(ws)).not.toContain('A35:E35');
    for (const r of [5, 34, 35, 49]) {
      expect(ws.getCell(`E${r}`).numFmt).toBe('@');
      expect(ws.getCell(`E${r}`).border?.right?.style).toBe('thin');
      const v = ws.getCell(`E${r}`).dataValidation;
      expect(v.type).toBe('textLength');
      expect(v.formulae).toEqual([7, 40]);
      expect(v.prompt).toMatch(/^请输入11位手机号或带区号的座机号/);
    }
    expect(ws.getCell('E50').dataValidation).toBeUndefined();
    expect(ws.pageSetup.printArea).toBe('A1:E50');
  });

  it('--rows 3: the other rows and their input rules are gone', async () => {
    const ws = await sheetOf(await writeBlankTemplate('register', { rows: 3 }));
    expect(ws.rowCount).toBe(8); // (asked before getCell below creates rows)
    expect(ws.getCell('A7').value).toBe(3);
    expect(ws.getCell('A8').value).toMatch(/^备注：/);
    expect(ws.getCell('E8').dataValidation).toBeUndefined();
    expect(ws.getCell('E9').dataValidation).toBeUndefined();
    expect(ws.getCell('A9').value).toBeNull();
  });

  it('reads as a register with no pairings (numbered rows are template rows)', async () => {
    const { sheets } = await readXlsxBuffer(await writeBlankTemplate('register'));
    expect(sheets[0]!.rows[3]!.map((c) => c?.text)).toEqual(['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式']);
  });
});

describe('附3 统计表 (blank)', () => {
  it('is the form: two-row merged header, the city’s 市本级 and counties (the units given), blank 合计, 备注, A4 landscape one page wide, rows 4:5 repeated', async () => {
    // 怀化市: 市本级 and its 12 counties in the rows of its 统计表 as the fixture generator computed them (rollup's order)
    const units = truth.cities.find((c) => c.city === '怀化市')!.rows.map((r) => r.unit);
    const ws = await sheetOf(await writeBlankTemplate('stats', { area: '怀化市', units }));
    expect(ws.getCell('A2').value).toBe('湖南省慈善组织精准扶贫结对帮扶统计表');
    expect(ws.getCell('A3').value).toBe('填报单位：怀化市（盖章）');
    expect(ws.getCell('F4').value).toBe('社会服务机构（民非）');
    expect(ws.getCell('I5').value).toBe('扶贫脱贫农户总数');
    expect(units).toHaveLength(13);
    expect(units.map((_, i) => ws.getCell(`A${6 + i}`).value)).toEqual(units);
    const total = 6 + units.length;
    expect(ws.getCell(`A${total}`).value).toMatch(/^合\s*计$/u);
    expect(mergesOf(ws)).toEqual(expect.arrayContaining(['A2:I2', 'A4:A5', 'B4:C4', 'D4:E4', 'F4:G4', 'H4:I4', `A${total + 1}:I${total + 1}`]));
    // 合计 is blank on a blank form (no zeros printed) and the sum once figures are typed in
    expect(ws.getCell(`B${total}`).formula).toBe(`IF(COUNT(B6:B${total - 1})=0,"",SUM(B6:B${total - 1}))`);
    expect(ws.getCell(`B${total}`).result ?? '').toBe('');
    expect(ws.getCell(`A${total + 1}`).value).toBe('备注：此统计表由市州填写，存档一份，上报省一份。');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.getCell('A2').font?.name).toBe('黑体');
    expect(ws.getCell('B5').font?.name).toBe('宋体');
  });

  it('an area that is not a city (a county, or none) leaves the unit rows blank; the template’s own 合计 is blank too', async () => {
    for (const area of ['怀化市溆浦县', undefined]) {
      const ws = await sheetOf(await writeBlankTemplate('stats', area ? { area } : {}));
      expect(ws.getCell('A6').value).toBe('市本级');
      expect(ws.getCell('A8').value).toBeNull();
      expect(ws.getCell('B16').formula).toBe('IF(COUNT(B6:B15)=0,"",SUM(B6:B15))');
    }
  });

  it('reads back as a 统计表 with no figures: the blank 合计 is not read as a wrong sum', async () => {
    const { sheets } = await readXlsxBuffer(await writeBlankTemplate('stats', { area: '怀化市', units: ['市本级', '鹤城区'] }));
    const total = sheets[0]!.rows.find((r) => /^合\s*计$/u.test(r[0]?.text ?? ''))!;
    expect(total.slice(1, 9).map((c) => c?.text ?? '')).toEqual(new Array(8).fill(''));
  });

  it('--rows 14 moves 合计 to row 20 and its sums with it', async () => {
    const ws = await sheetOf(await writeBlankTemplate('stats', { rows: 14 }));
    expect(ws.getCell('I20').formula).toBe('IF(COUNT(I6:I19)=0,"",SUM(I6:I19))');
    expect(ws.getCell('I19').border?.bottom?.style).toBe('thin');
    expect(ws.getCell('A21').value).toMatch(/^备注：/);
  });
});

describe('附4 任务分配表', () => {
  it('carries the built-in 2016 targets as the notice writes them, 合计 included, and the four notes', async () => {
    const ws = await sheetOf(await writeBlankTemplate('quota', { quota: HUNAN_2016 }));
    expect(ws.getCell('A2').value).toBe('全省慈善组织帮扶任务分配指导建议表');
    expect(mergesOf(ws)).toEqual(expect.arrayContaining(['A3:A4', 'B3:D3', 'E3:F3', 'G3:H3', 'B21:H21']));
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(5, c).value)).toEqual(['省本级', 30, null, 30, 5, '15-20', 5, '5-10']);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(19, c).value)).toEqual(['湘西州', 6, 44, 50, 2, '5-10', 2, '2-5']);
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(20, c).value)).toEqual([162, 838, 1000, 43, '30-100', 41, '20-50']);
    expect(String(ws.getCell('B21').value).split('\n')).toHaveLength(4);
    expect(ws.getCell('B21').value).toMatch(/^1、省慈善总会扶贫点是怀化市溆浦县/);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
  });

  it('a custom table: its own rows, title and notes; 合计 computed when it has none', async () => {
    const custom = {
      ...HUNAN_2016,
      name: '某省慈善组织帮扶任务表',
      origin: 'quota.csv',
      rows: HUNAN_2016.rows.slice(0, 2),
      notes: ['备注一'],
    };
    delete (custom as { total?: unknown }).total;
    const ws = await sheetOf(await writeQuotaForm(custom));
    expect(ws.getCell('A2').value).toBe('某省慈善组织帮扶任务表');
    expect(ws.getCell('A6').value).toBe('长沙市');
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(7, c).value)).toEqual([45, 85, 130, 10, '25-35', 10, '10-20']);
    expect(ws.getCell('B8').value).toBe('备注一');
    expect(mergesOf(ws)).toContain('B8:H8');
    expect(ws.getCell('H8').border?.right?.style).toBe('thin');
  });
});

describe('附1 结对帮扶卡 (blank)', () => {
  it('is one A4 portrait page with the card’s labels', async () => {
    const ws = await sheetOf(await writeBlankTemplate('card'));
    expect(ws.getCell('A2').value).toBe('湖南省慈善组织精准扶贫结对帮扶卡');
    expect(ws.getCell('A5').value).toBe('户主姓名');
    expect(ws.getCell('F5').value).toBe('组织名称');
    expect(ws.getCell('A11').value).toBe('家庭住址');
    expect(ws.getCell('A12').value).toBe('联系方式');
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(1);
  });
});
