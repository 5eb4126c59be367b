// duplicate-pairing: the same organisation and the same household twice.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/duplicate-pairing.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

describe('duplicate-pairing', () => {
  it('passes distinct pairings, including one household under two organisations', () => {
    const reg = makeRegister([
      FORM_HEADER,
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
      [3, '怀化市慈善总会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      // same name and address, different phones: two households of the same name
      [4, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13812345670'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports the later row at its name cell, naming the first row, across spelling differences', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
        [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
        [3, '溆浦县慈善会 ', '张  三', '溆浦县卢峰镇 大桥村', ''],
        [4, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      ],
      { headerRow: 3 },
    );
    const problems = problemsOf(rule, reg);
    expect(problems.map((p) => [p.rule, p.severity, p.cell, p.messageId, p.data?.first])).toEqual([
      ['duplicate-pairing', 'error', 'C6', 'duplicate', 4],
      ['duplicate-pairing', 'error', 'C7', 'duplicate', 4],
    ]);
    expect(problems[0].data).toMatchObject({ org: '溆浦县慈善会', name: '张三' });
  });

  it('skips rows without organisation or name', () => {
    const reg = makeRegister([
      FORM_HEADER,
      [1, '', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      [2, '', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      [3, '溆浦县慈善会', '', '溆浦县卢峰镇大桥村', '13912345678'],
      [4, '溆浦县慈善会', '', '溆浦县卢峰镇大桥村', '13912345678'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });
});
