// RowFacts.firstPairingBefore: one table of each household's first pairing, shared by duplicate-pairing and joint-household.
import { describe, expect, it } from 'vitest';
import { parsePhones } from '../../src/core/phone.js';
import { RowFacts } from '../../src/core/row-facts.js';
import { makeRegister } from '../helpers/register.js';

describe('RowFacts.firstPairingBefore', () => {
  const reg = makeRegister([
    ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'],
    [1, '甲慈善会', '张三', '卢峰镇大湾村3组', '13907451234'],
    [2, '乙慈善会', '张三', '卢峰镇大湾村3组', '13907451234'], // another org, same household
    [3, '甲慈善会', '张三', '卢峰镇大湾村3组', ''], // the first org again
    [4, '', '李四', '卢峰镇大湾村4组', ''], // no organisation
    [5, '甲慈善会', '', '卢峰镇大湾村4组', ''], // no household
    [6, '丙慈善会', '李四', '卢峰镇大湾村4组', ''], // 李四's first pairing (row 4 had none)
  ]);

  it('gives the first organisation (its number + 1) from an earlier row, 0 on the first pairing, undefined without org or household', () => {
    const facts = new RowFacts();
    const seen = reg.rows.map((row) => {
      const a = facts.firstPairingBefore(row);
      // a second rule asking about the same row gets the same answer (the row's own pairing is not "before" it)
      expect(facts.firstPairingBefore(row)).toBe(a);
      return a;
    });
    const jia = facts.orgNo(reg.rows[0]!)!;
    expect(seen).toEqual([0, jia + 1, jia + 1, undefined, undefined, 0]);
    const zhang = facts.householdNo(reg.rows[0]!)!;
    const li = facts.householdNo(reg.rows[5]!)!;
    expect(facts.firstPairingRow(zhang)).toBe(2);
    expect(facts.firstPairingRow(li)).toBe(7);
  });

  it('keeps its table through growth: many households, each first met once', () => {
    const facts = new RowFacts();
    const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `单位${i % 7}`, `户主${i}`, `大湾村${i}组`, '']);
    const big = makeRegister([['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'], ...rows, ...rows]);
    const answers = big.rows.map((row) => facts.firstPairingBefore(row));
    expect(answers.slice(0, 5000).every((a) => a === 0)).toBe(true);
    expect(answers.slice(5000).every((a, i) => a === facts.orgNo(big.rows[i]!)! + 1)).toBe(true);
    expect(facts.firstPairingRow(facts.householdNo(big.rows[4999]!)!)).toBe(5001);
  });
});

describe('RowFacts.phoneParse and phones (as parsePhones reads each cell)', () => {
  const phones = [
    '13907451234', '19912345678', '12907451234', '1390745123', '139074512345', '0745-1234567', '13907451234/13807451234',
    '139 0745 1234', '１３９０７４５１２３４', '008613907451234', '无', '', '  ', '1390745123a', '-13907451234', '13907451234 ',
  ];
  const rows = phones.map((p, i) => [i + 1, '甲慈善会', `户主${i}`, `大湾村${i}组`, p]);
  const reg = makeRegister([['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'], ...rows, [99, '甲慈善会', '户主', '村', 13907451234]]);

  it('equals parsePhones of each cell, row after row', () => {
    const facts = new RowFacts();
    for (const row of reg.rows) {
      const f = row.fields.phone;
      const want = f ? parsePhones(f.text, f.kind, f.numFmt) : { numbers: [], valid: true, none: false };
      expect(JSON.parse(JSON.stringify(facts.phoneParse(row))), JSON.stringify(f?.text)).toEqual(JSON.parse(JSON.stringify(want)));
      expect(Object.keys(facts.phoneParse(row).numbers[0] ?? {}).sort()).toEqual(Object.keys(want.numbers[0] ?? {}).sort());
      const digits = want.numbers.map((n) => n.digits).filter((d) => d.length >= 7);
      expect(facts.phones(row)).toEqual(f && f.kind !== 'number' ? digits : facts.phones(row));
    }
  });

  it('keeps what phones() took from a mobile row after later rows are read', () => {
    const facts = new RowFacts();
    const mobiles = reg.rows.slice(0, 2);
    const first = facts.phones(mobiles[0]!);
    const parse = facts.phoneParse(mobiles[0]!);
    const source = parse.numbers[0]!.source;
    expect(facts.phones(mobiles[1]!)).toEqual(['19912345678']);
    expect(first).toEqual(['13907451234']);
    expect(source).toBe('13907451234');
  });
});
