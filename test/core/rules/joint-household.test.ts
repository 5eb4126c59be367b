// joint-household: one household under two or more organisations is shown once, as information.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/joint-household.js';
import { validateRegister } from '../../../src/core/validate.js';
import { divisions } from '../../helpers/divisions.js';
import { renderProblem } from '../../../src/formatters/catalogue/index.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

describe('joint-household', () => {
  it('is silent when every household has one organisation (even listed twice)', () => {
    const reg = makeRegister([
      FORM_HEADER,
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
      [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
      [3, '溆浦县慈善会 ', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports once per household, where the second organisation appears, naming all of them', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
        [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
        [3, '怀化市慈善总会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
        [4, '湖南省慈善总会', '张三', '溆浦县卢峰镇大桥村', ''],
        [5, '怀化市慈善总会', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
      ],
      { headerRow: 3 },
    );
    const problems = problemsOf(rule, reg);
    expect(problems.map((p) => [p.rule, p.severity, p.cell, p.messageId])).toEqual([
      ['joint-household', 'info', 'C6', 'joint'],
      ['joint-household', 'info', 'C8', 'joint'],
    ]);
    expect(problems[0].data).toEqual({ name: '张三', count: 3, orgs: ['溆浦县慈善会', '怀化市慈善总会', '湖南省慈善总会'], first: 4 });
    expect(problems[1].data).toEqual({ name: '李四', count: 2, orgs: ['溆浦县慈善会', '怀化市慈善总会'], first: 5 });
    // the list is joined in the language of the run: 、 in Chinese, ", " in English
    expect(renderProblem(problems[1], 'zh')).toContain('溆浦县慈善会、怀化市慈善总会');
    expect(renderProblem(problems[1], 'en')).toContain('溆浦县慈善会, 怀化市慈善总会');
    expect(renderProblem(problems[1], 'en')).not.toContain('、');
  });
});

describe('joint-household across spellings (with the division list)', () => {
  it('one organisation written two ways is one organisation: no joint help; two organisations: one finding', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '怀化市慈善总会', '张三', '溆浦县卢峰镇大湾村3组', '13907451234'],
        [2, '湖南省怀化市慈善总会', '王五', '卢峰镇大湾村5组', ''],
        [3, '湖南省怀化市慈善总会', '张三', '湖南省怀化市溆浦县卢峰镇大湾村三组', ''],
        [4, '溆浦县慈善会', '王五', '溆浦县卢峰镇大湾村第5组', ''],
      ],
      { headerRow: 3 },
    );
    const problems = validateRegister(reg, [rule], { strict: false, divisions: divisions() });
    expect(problems.map((p) => [p.cell, p.data?.count, p.data?.first])).toEqual([['C7', 2, 5]]);
  });
});
