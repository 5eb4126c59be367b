// phone-missing: 联系方式 empty (or "无") in a pairing row.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/phone-missing.js';
import { check, FORM_HEADER, makeRegister } from '../../helpers/register.js';

describe('phone-missing', () => {
  it('passes filled phones, whatever their format (phone-format judges them)', () => {
    const reg = makeRegister([
      FORM_HEADER,
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇', '13912345678'],
      [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇', 13912345679],
      [3, '溆浦县慈善会', '王五', '溆浦县卢峰镇', '1.39E+10'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports empty and "no phone" cells', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇', ''],
        [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇', null],
        [3, '溆浦县慈善会', '王五', '溆浦县卢峰镇', '无'],
        [4, '溆浦县慈善会', '赵六', '溆浦县卢峰镇', ' / '],
        [5, '溆浦县慈善会', '钱七', '溆浦县卢峰镇', '13912345678'],
      ],
      { headerRow: 3 },
    );
    expect(check(rule, reg)).toEqual([
      { rule: 'phone-missing', severity: 'warning', cell: 'E4', messageId: 'empty' },
      { rule: 'phone-missing', severity: 'warning', cell: 'E5', messageId: 'empty' },
      { rule: 'phone-missing', severity: 'warning', cell: 'E6', messageId: 'none' },
      { rule: 'phone-missing', severity: 'warning', cell: 'E7', messageId: 'none' },
    ]);
  });

  it('says nothing when the register has no phone column (column-missing does)', () => {
    const reg = makeRegister([
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'],
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });
});
