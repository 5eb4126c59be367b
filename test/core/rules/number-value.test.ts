// number-value: 家庭人口 and 家庭年收入 are numbers ≥ 0; 家庭人口 whole and plausible.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/number-value.js';
import { check, makeRegister, problemsOf, type CellInput } from '../../helpers/register.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '家庭人口', '家庭年收入'];

function withValues(values: [CellInput, CellInput][]) {
  return makeRegister(
    [HEADER, ...values.map(([size, income], i) => [i + 1, '溆浦县慈善会', `张${'一二三四五六七八九十'[i]}`, '溆浦县卢峰镇', size, income])],
    { headerRow: 3 },
  );
}

const p = (severity: string, cell: string, messageId: string) => ({ rule: 'number-value', severity, cell, messageId });

describe('number-value', () => {
  it('accepts numbers, number text, units and thousands separators; ignores empty cells', () => {
    const reg = withValues([
      [4, 3600],
      ['4', '1,200'],
      ['3人', '1200元'],
      ['５', '1.2万'],
      [1, 0],
      ['', null],
      [20, 2400.5],
    ]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports non-numbers and negatives in both columns', () => {
    const reg = withValues([
      ['四口', '3600'],
      [4, '约三千'],
      [-2, '-100'],
    ]);
    expect(check(rule, reg)).toEqual([
      p('error', 'E4', 'not-number'),
      p('error', 'F5', 'not-number'),
      p('error', 'E6', 'negative'),
      p('error', 'F6', 'negative'),
    ]);
  });

  it('family size: whole numbers; zero and over 20 are warnings', () => {
    const reg = withValues([
      [3.5, 1000],
      [0, 1000],
      [21, 1000],
      ['36000', 4],
    ]);
    expect(check(rule, reg)).toEqual([
      p('error', 'E4', 'not-whole'),
      p('warning', 'E5', 'size-zero'),
      p('warning', 'E6', 'implausible'),
      p('warning', 'E7', 'implausible'),
    ]);
  });

  it('names the column as written in the message data', () => {
    const [problem] = problemsOf(rule, withValues([[4, 'abc']]));
    expect(problem).toMatchObject({ column: '家庭年收入', columnKey: 'income', value: 'abc', data: { example: '3600' } });
  });
});
