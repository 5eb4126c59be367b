// serial-number: 序号 runs 1, 2, 3 …; judged as a whole: one finding per wrong number or moved block, each naming the number fix writes.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/serial-number.js';
import { computeFixes } from '../../../src/core/fix.js';
import { check, makeRegister, num, problemsOf, type CellInput } from '../../helpers/register.js';

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'];
const NAMES = Array.from({ length: 30 }, (_, i) => `户主${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10)]}`);

/** A register whose 序号 cells are `seqs`, header on row 3 (data from row 4). */
function withSeqs(seqs: CellInput[]) {
  return makeRegister([HEADER, ...seqs.map((s, i) => [s, '溆浦县慈善会', NAMES[i], '溆浦县卢峰镇'])], { headerRow: 3 });
}

const w = (cell: string, messageId: string) => ({ rule: 'serial-number', severity: 'warning', cell, messageId });

describe('serial-number', () => {
  /** The findings of a sequence as `cell messageId` (data rows start at A4). */
  const findings = (seqs: CellInput[]): string[] => problemsOf(rule, withSeqs(seqs)).map((p) => `${p.cell} ${p.messageId}`);

  it('passes 1, 2, 3 as numbers or text', () => {
    expect(check(rule, withSeqs([1, 2, 3, 4]))).toEqual([]);
    expect(check(rule, withSeqs(['1', '2', ' 3 ', '４']))).toEqual([]);
    expect(check(rule, withSeqs([num(1, '0'), '02', 3]))).toEqual([]);
  });

  it.each([
    // one wrong number: one finding at that cell, not a cascade
    [[1, 2, 7, 4, 5], ['A6 wrong']],
    [[1, 2, 3, 5, 5, 6], ['A7 repeated']],
    [[1, 2, 3, 4, 4, 6], ['A8 repeated']],
    [[1, 2, 3, 4, 5, 60], ['A9 wrong']],
    [[9, 2, 3, 4], ['A4 wrong']],
    [[2, 2, 3, 4], ['A4 repeated']],
    [[1, 2, 3, 5], ['A7 wrong']],
    // a number skipped or repeated and the rest moved with it: one finding, renumbering the tail
    [[1, 2, 4, 5, 6], ['A6 tail-gap']],
    [[1, 2, 5, 6, 7], ['A6 tail-gap']],
    [[1, 2, 2, 3, 4], ['A6 tail-repeat']],
    [[1, 2, 3, 3, 4, 5, 6], ['A7 tail-repeat']],
    [[1, 3, 3, 4, 5], ['A5 repeated']], // 3 is where it belongs in row 6: row 5 alone is wrong
    // the whole sequence moved
    [[5, 6, 7], ['A4 start']],
    [[0, 1, 2], ['A4 start']],
    // a moved block inside the sequence
    [[1, 2, 3, 5, 6, 7, 7, 8, 9], ['A7 block']],
    [[1, 2, 3, 4, 5, 9, 10, 11, 6, 7, 8, 12], ['A9 block', 'A12 block']],
    [[3, 1, 2], ['A4 wrong', 'A5 tail']],
    // blanks and non-numbers are their own findings and do not move the others
    [[1, 2, '', 4, 5], ['A6 empty']],
    [[1, '二', 3], ['A5 not-number']],
    [[1, 2, '', 3, 4, 5], ['A6 empty', 'A7 tail']], // 3 repeats no number: the blank row had none
    [[1, 2, 3, 5, 6, 6, 7, '八', 9, '', 11], ['A7 block', 'A11 not-number', 'A13 empty']],
  ] as [CellInput[], string[]][])('%j → %j', (seqs, expected) => {
    expect(findings(seqs)).toEqual(expected);
  });

  it('names the number renumbering writes, and never the number the cell already has', () => {
    const cases: CellInput[][] = [
      [1, 2, 7, 4, 5],
      [1, 2, 3, 5, 5, 6],
      [1, 2, 4, 5, 6],
      [1, 2, 2, 3, 4],
      [5, 6, 7],
      [1, 2, 3, 5, 6, 7, 7, 8, 9],
      [3, 1, 2],
      [1, 6, 3, 4, 5, 6, 7, 8, 9], // 6 repeats row 9 — the row whose number 6 is right
      [1, 2, 3, 5, 6, 6, 7, '八', 9, '', 11],
    ];
    for (const seqs of cases) {
      const reg = withSeqs(seqs);
      const problems = problemsOf(rule, reg);
      const fixes = computeFixes(reg, problems);
      for (const p of problems) {
        // the number asked for is what fix writes into that cell
        expect(fixes.find((f) => f.cell === p.cell)?.after, `${JSON.stringify(seqs)} ${p.cell}`).toBe(String(p.data?.expected));
        expect(String(p.data?.expected)).not.toBe(p.value);
      }
      // every cell fix renumbers is one a finding names, or lies in a block or tail a finding names
      expect(fixes.length).toBeGreaterThanOrEqual(problems.length);
    }
  });

  it('fills the messages: the repeated row, the numbers skipped, the last cell of a block', () => {
    const data = (seqs: CellInput[]) => problemsOf(rule, withSeqs(seqs)).map((p) => [p.cell, p.messageId, p.value, p.data]);
    expect(data([1, 2, 3, 5, 5, 6])).toEqual([['A7', 'repeated', '5', { expected: 4, first: 8 }]]);
    expect(data([1, 6, 3, 4, 5, 6])).toEqual([['A5', 'repeated', '6', { expected: 2, first: 9 }]]);
    expect(data([1, 2, 7, 4, 5])).toEqual([['A6', 'wrong', '7', { expected: 3 }]]);
    expect(data([1, 2, 5, 6, 7])).toEqual([['A6', 'tail-gap', '5', { expected: 3, next: 4, shift: 2, missing: '3–4' }]]);
    expect(data([1, 2, 4, 5])).toEqual([['A6', 'tail-gap', '4', { expected: 3, next: 4, shift: 1, missing: '3' }]]);
    expect(data([1, 2, 2, 3])).toEqual([['A6', 'tail-repeat', '2', { expected: 3, next: 4, shift: 1, first: 5 }]]);
    expect(data([5, 6, 7])).toEqual([['A4', 'start', '5', { expected: 1 }]]);
    expect(data([1, 5, 6, 4, 5])).toEqual([['A5', 'block', '5', { expected: 2, lastExpected: 3, lastCell: 'A6', lastValue: '6' }]]);
    expect(data([1, '002', 3])).toEqual([]);
    expect(data([1, '007', 3])).toEqual([['A5', 'wrong', '007', { expected: 2 }]]);
    expect(data([1, '９', 3])).toEqual([['A5', 'wrong', '９', { expected: 2 }]]);
  });

  it('a missing 序号 cell (no field) is reported at its A1 reference', () => {
    expect(check(rule, withSeqs([1, null, 3]))).toEqual([w('A5', 'empty')]);
  });

  it('is silent without a 序号 column', () => {
    const reg = makeRegister([['扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'], ['溆浦县慈善会', '张三', '溆浦县卢峰镇']]);
    expect(check(rule, reg)).toEqual([]);
  });

  it('is fixable', () => {
    expect(rule.meta.fixable).toBe(true);
  });
});
