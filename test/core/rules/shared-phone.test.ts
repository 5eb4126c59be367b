// shared-phone: one phone number on several different households.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/shared-phone.js';
import type { AreaGuess } from '../../../src/core/model.js';
import { validateRegister } from '../../../src/core/validate.js';
import { divisions } from '../../helpers/divisions.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

const XUPU: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' };

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

describe('shared-phone across spellings (with the division list)', () => {
  const run = (rows: (string | number)[][]) =>
    validateRegister(makeRegister([FORM_HEADER, ...rows], { headerRow: 3, area: XUPU }), [rule], { strict: false, divisions: divisions() });

  it('the same head with the same phone in the same village is one household, however the address is written', () => {
    expect(
      run([
        [1, '溆浦县慈善会', '张三', '湖南省怀化市溆浦县卢峰镇大湾村3组', '13907451234'],
        [2, '怀化市慈善总会', '张三', '卢峰镇大湾村三组', '13907451234'],
        [3, '湖南省慈善总会', '张三', '溆浦县卢峰镇大湾村委会第3组', '139 0745 1234'],
        [4, '溆浦县爱心协会', '张三', '卢峰镇大湾村', '13907451234'], // no 组: same head, phone and village
        [5, '溆浦县助学基金会', '张 三', '溆浦县卢峰镇大湾村4组', '13907451234'], // another 组: the phone says it is the same
      ]),
    ).toEqual([]);
  });

  it('still reports a phone on a different head, or on the same name in another village', () => {
    const problems = run([
      [1, '溆浦县慈善会', '张三', '卢峰镇大湾村3组', '13907451234'],
      [2, '溆浦县慈善会', '李四', '卢峰镇大湾村3组', '13907451234'],
      [3, '溆浦县慈善会', '张三', '桥江镇大湾村3组', '13907451234'],
    ]);
    expect(problems.map((p) => [p.cell, p.data?.first])).toEqual([
      ['E5', 4],
      ['E6', 4],
    ]);
  });
});
