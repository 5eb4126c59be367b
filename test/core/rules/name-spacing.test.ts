// name-spacing: spaces inside a name ("张  三", full-width "张　三") — type "张三".
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/name-spacing.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';

function withNames(names: string[]) {
  return makeRegister([FORM_HEADER, ...names.map((n, i) => [i + 1, '溆浦县慈善会', n, '溆浦县卢峰镇', '13912345678'])], { headerRow: 3 });
}

describe('name-spacing', () => {
  it('passes names without inner spaces, even with outer ones', () => {
    expect(check(rule, withNames(['张三', ' 李四 ', '阿依古丽·买买提', '欧阳明华']))).toEqual([]);
  });

  it('reports inner half- and full-width spaces with the name to type', () => {
    const problems = problemsOf(rule, withNames(['张  三', '张　三', ' 王 小 明 ', '阿依古丽 · 买买提']));
    expect(problems.map((p) => [p.rule, p.severity, p.cell, p.messageId, p.data?.fixed])).toEqual([
      ['name-spacing', 'warning', 'C4', 'spaces', '张三'],
      ['name-spacing', 'warning', 'C5', 'spaces', '张三'],
      ['name-spacing', 'warning', 'C6', 'spaces', '王小明'],
      ['name-spacing', 'warning', 'C7', 'spaces', '阿依古丽·买买提'],
    ]);
  });

  it('suggests the middle dot for a long name spaced between its parts', () => {
    const problems = problemsOf(rule, withNames(['阿依古丽 买买提']));
    expect(problems.map((p) => [p.cell, p.messageId, p.data])).toEqual([
      ['C4', 'spaces-long', { fixed: '阿依古丽买买提', dotted: '阿依古丽·买买提' }],
    ]);
  });

  it('leaves names that are not Han-only to person-name', () => {
    expect(check(rule, withNames(['Zhang San', '张 3', '溆浦 慈善会(筹)']))).toEqual([]);
  });

  it('is fixable', () => {
    expect(rule.meta.fixable).toBe(true);
  });
});
