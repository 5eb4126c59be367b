// serial-number: 序号 runs 1, 2, 3 …; breaks, repeats, non-numbers and blanks are warnings naming the expected number.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/serial-number.js';
import { check, makeRegister, num, problemsOf, type CellInput } from '../../helpers/register.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'];
const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十'];

/** A register whose 序号 cells are `seqs`, header on row 3 (data from row 4). */
function withSeqs(seqs: CellInput[]) {
  return makeRegister([HEADER, ...seqs.map((s, i) => [s, '溆浦县慈善会', NAMES[i], '溆浦县卢峰镇'])], { headerRow: 3 });
}

const w = (cell: string, messageId: string) => ({ rule: 'serial-number', severity: 'warning', cell, messageId });

describe('serial-number', () => {
  it('passes 1, 2, 3 as numbers or text', () => {
    expect(check(rule, withSeqs([1, 2, 3, 4]))).toEqual([]);
    expect(check(rule, withSeqs(['1', '2', ' 3 ', '４']))).toEqual([]);
    expect(check(rule, withSeqs([num(1, '0'), '02', 3]))).toEqual([]);
  });

  it('reports a gap once, at the break, with the expected number', () => {
    const problems = problemsOf(rule, withSeqs([1, 2, 4, 5, 6]));
    expect(problems.map((p) => [p.cell, p.messageId, p.data])).toEqual([['A6', 'sequence', { expected: 3, previous: 2 }]]);
  });

  it('reports a repeat with the first row, and not the rows continuing from it', () => {
    const problems = problemsOf(rule, withSeqs([1, 2, 2, 3]));
    expect(problems.map((p) => [p.cell, p.messageId, p.data])).toEqual([['A6', 'repeated', { expected: 3, first: 5 }]]);
  });

  it('reports numbering that does not start at 1', () => {
    expect(check(rule, withSeqs([5, 6, 7]))).toEqual([w('A4', 'start')]);
    expect(check(rule, withSeqs([0, 1, 2]))).toEqual([w('A4', 'start')]);
  });

  it('reports non-numbers and blanks, counting them in the sequence', () => {
    const reg = withSeqs([1, '二', '', 4, 4.5, 6, '7a']);
    const problems = problemsOf(rule, reg);
    expect(problems.map((p) => [p.cell, p.severity, p.messageId, p.data?.expected])).toEqual([
      ['A5', 'warning', 'not-number', 2],
      ['A6', 'warning', 'empty', 3],
      ['A8', 'warning', 'not-number', 5],
      ['A10', 'warning', 'not-number', 7],
    ]);
  });

  it('a missing 序号 cell (no field) is reported at its A1 reference', () => {
    expect(check(rule, withSeqs([1, null, 3]))).toEqual([w('A5', 'empty')]);
  });

  it('out-of-order numbers: each break once', () => {
    expect(check(rule, withSeqs([3, 1, 2]))).toEqual([w('A4', 'start'), w('A5', 'sequence')]);
    const problems = problemsOf(rule, withSeqs([1, 2, 4, 5, 3]));
    expect(problems.map((p) => [p.cell, p.messageId, p.data?.expected])).toEqual([
      ['A6', 'sequence', 3],
      ['A8', 'sequence', 5],
    ]);
  });

  it('is silent without a 序号 column', () => {
    const reg = makeRegister([['扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'], ['溆浦县慈善会', '张三', '溆浦县卢峰镇']]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('is fixable', () => {
    expect(rule.meta.fixable).toBe(true);
  });
});
