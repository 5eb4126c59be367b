// shared-phone: one phone number on several different households.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/shared-phone.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

describe('shared-phone', () => {
  it('is silent for one household listed under several organisations', () => {
    const reg = makeRegister([
      FORM_HEADER,
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      [2, '怀化市慈善总会', '张三', '溆浦县卢峰镇大桥村', 13912345678],
      [3, '溆浦县慈善会', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports each later household once per shared number, naming the first row', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
        [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大桥村', '13912345678'],
        [3, '怀化市慈善总会', '李四', '溆浦县卢峰镇大桥村', '13912345678'],
        [4, '溆浦县慈善会', '王五', '溆浦县卢峰镇新田村', '0745-1234567、13912345678'],
        [5, '溆浦县慈善会', '赵六', '溆浦县卢峰镇新田村', '0745-1234567'],
      ],
      { headerRow: 3 },
    );
    const problems = problemsOf(rule, reg);
    expect(problems.map((p) => [p.rule, p.severity, p.cell, p.messageId, p.data?.number, p.data?.first])).toEqual([
      ['shared-phone', 'warning', 'E5', 'shared', '13912345678', 4],
      ['shared-phone', 'warning', 'E7', 'shared', '13912345678', 4],
      ['shared-phone', 'warning', 'E8', 'shared', '07451234567', 7],
    ]);
    expect(problems[0].data?.name).toBe('张三');
  });
});
