// column-missing: no 联系方式 / 序号 column at all, reported once without a row.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/column-missing.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

describe('column-missing', () => {
  it('is silent when the form columns are there', () => {
    const reg = makeRegister([FORM_HEADER, [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇', '13912345678']]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('is silent with alias headers', () => {
    const reg = makeRegister([['编号', '帮扶单位', '户主姓名', '家庭住址', '联系电话'], [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇', '13912345678']]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports a register without 联系方式 once, not per row', () => {
    const reg = makeRegister([
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'],
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇'],
      [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇'],
    ]);
    const problems = problemsOf(rule, reg);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'column-missing', severity: 'warning', messageId: 'phone', column: '联系方式' });
    expect(problems[0].row).toBeUndefined();
    expect(problems[0].cell).toBeUndefined();
  });

  it('reports a missing 序号 column too', () => {
    const reg = makeRegister([
      ['扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'],
      ['溆浦县慈善会', '张三', '溆浦县卢峰镇'],
    ]);
    expect(check(rule, reg)).toEqual([
      { rule: 'column-missing', severity: 'warning', cell: undefined, messageId: 'seq' },
      { rule: 'column-missing', severity: 'warning', cell: undefined, messageId: 'phone' },
    ]);
  });
});
