// duplicate-pairing: the same organisation and the same household twice.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/duplicate-pairing.js';
import type { AreaGuess } from '../../../src/core/model.js';
import { validateRegister } from '../../../src/core/validate.js';
import { divisions } from '../../helpers/divisions.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

const XUPU: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' };

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

describe('duplicate-pairing across spellings (with the division list)', () => {
  const run = (rows: (string | number)[][]) =>
    validateRegister(makeRegister([FORM_HEADER, ...rows], { headerRow: 3, area: XUPU }), [rule], { strict: false, divisions: divisions() });

  it('one organisation and one household, each written with and without its area: a duplicate', () => {
    const problems = run([
      [1, '溆浦县慈善会', '张三', '湖南省怀化市溆浦县卢峰镇大湾村3组', '13907451234'],
      [2, '溆浦县慈善会', '李四', '卢峰镇大湾村4组', '13907451235'],
      [3, '怀化市溆浦县慈善会', '张三', '卢峰镇大湾村三组', ''],
      [4, '湖南省溆浦县慈善会', '李四', '溆浦县卢峰镇大湾村第4组', '13907451235'],
      [5, '溆浦县慈善会', '张三', '卢峰镇大湾村', '13907451234'], // same head, phone and village
    ]);
    expect(problems.map((p) => [p.cell, p.data?.first])).toEqual([
      ['C6', 4],
      ['C7', 5],
      ['C8', 4],
    ]);
  });

  it('a city organisation and the county one, or two different places, are not duplicates', () => {
    expect(
      run([
        [1, '溆浦县慈善会', '张三', '卢峰镇大湾村3组', '13907451234'],
        [2, '怀化市慈善总会', '张三', '卢峰镇大湾村3组', '13907451234'], // joint help, not a duplicate
        [3, '溆浦县慈善会', '张三', '卢峰镇大湾村4组', ''], // another 组, no phone to say it is the same
        [4, '溆浦县慈善会', '张三', '桥江镇大湾村3组', '13907451234'], // another township
      ]),
    ).toEqual([]);
  });
});
