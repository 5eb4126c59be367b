// id-number: 身份证号码 cells, when the column exists and the cell is filled.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/id-number.js';
import { check, makeRegister, num, problemsOf, type CellInput } from '../../helpers/register.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码'];

function withIds(ids: CellInput[]) {
  return makeRegister(
    [HEADER, ...ids.map((id, i) => [i + 1, '溆浦县慈善会', `张${'一二三四五六七八九十'[i]}`, '溆浦县卢峰镇', '13912345678', id])],
    { headerRow: 3 },
  );
}

/** GB 11643 check character, computed independently of the module under test. */
function withCheck(body: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}

const e = (cell: string, messageId: string) => ({ rule: 'id-number', severity: 'error', cell, messageId });

describe('id-number', () => {
  it('accepts valid numbers and leaves empty cells alone', () => {
    expect(check(rule, withIds(['11010519491231002X', '11010519491231002x', withCheck('43122419800101123'), '', null]))).toEqual([]);
  });

  it('is silent when the register has no ID column', () => {
    const reg = makeRegister([
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'],
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports Excel damage, length, characters, region, dates and check digits', () => {
    const good = withCheck('43122419800101123');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const reg = withIds([
      num(431224198001011000),
      '4.31224E+17',
      '4312241980010112',
      '43122419800101123A',
      withCheck('99122419800101123'),
      withCheck('43122419801301123'),
      wrongCheck,
    ]);
    expect(check(rule, reg)).toEqual([
      e('F4', 'numeric'),
      e('F5', 'scientific'),
      e('F6', 'length'),
      e('F7', 'characters'),
      e('F8', 'region'),
      e('F9', 'birth-date'),
      e('F10', 'check-digit'),
    ]);
    const problems = problemsOf(rule, reg);
    expect(problems[6].data).toMatchObject({ expected: good[17] });
    expect(problems[2].data).toMatchObject({ count: 16 });
  });

  it('a legacy 15-digit number is a warning with its 18-digit form', () => {
    const problems = problemsOf(rule, withIds(['110105491231002']));
    expect(problems.map((p) => [p.rule, p.severity, p.cell, p.messageId, p.data?.upgraded])).toEqual([
      ['id-number', 'warning', 'F4', 'legacy15', '11010519491231002X'],
    ]);
  });
});
