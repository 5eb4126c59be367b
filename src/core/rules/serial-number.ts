// serial-number: 序号 should run 1, 2, 3 … — not a number, repeated, out of sequence or empty are warnings.
//
// A row is out of sequence when its number is not the previous row's number + 1 (a blank or broken
// previous number counts as the number it should have had). Only the row where the sequence breaks is
// reported, not every row after it; the message gives the number renumbering would put there (the
// row's position among the pairings), which is what `fupin fix` writes.
import { compact } from '../normalize.js';
import { isBlankText as isBlank } from '../row-facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'serial-number',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '序号应从 1 开始依次连续编号',
      en: 'The 序号 column should number the rows 1, 2, 3 … without gaps or repeats',
    },
    messages: {
      zh: {
        empty: '{cell} 序号为空：请填写 {expected}',
        'not-number': '{cell} 序号“{value}”不是整数：请改为 {expected}',
        repeated: '{cell} 序号 {value} 与第 {first} 行重复：请改为 {expected}，其后各行依次顺延',
        start: '{cell} 序号 {value} 不是从 1 开始：请改为 {expected}，其后各行依次顺延',
        sequence: '{cell} 序号 {value} 不连续（上一行是 {previous}）：请改为 {expected}，其后各行依次顺延',
      },
      en: {
        empty: '{cell}: the number is empty; type {expected}',
        'not-number': '{cell}: the number "{value}" is not a whole number; change it to {expected}',
        repeated: '{cell}: number {value} repeats row {first}; change it to {expected} and renumber the rows below',
        start: '{cell}: numbering starts at {value}; change it to {expected} and renumber the rows below',
        sequence:
          '{cell}: number {value} breaks the sequence (the row above has {previous}); change it to {expected} and renumber the rows below',
      },
    },
  },
  create(ctx) {
    if (!ctx.register.columns.some((c) => c.key === 'seq')) return {};
    let position = 0;
    let previous = 0;
    const firstRowOf = new Map<number, number>();
    return {
      row(row) {
        position++;
        const expected = position;
        const field = row.fields.seq;
        if (isBlank(field?.text)) {
          ctx.reportCell(row, 'seq', 'empty', { expected }, undefined, [ctx.edit(row, 'seq', String(expected))]);
          previous++;
          return;
        }
        const value = wholeNumber(field!.text, field!.kind, field!.raw);
        if (value === undefined) {
          ctx.reportCell(row, 'seq', 'not-number', { expected }, undefined, [ctx.edit(row, 'seq', String(expected))]);
          previous++;
          return;
        }
        const first = firstRowOf.get(value);
        if (first !== undefined) {
          ctx.reportCell(row, 'seq', 'repeated', { expected, first }, undefined, [ctx.edit(row, 'seq', String(expected))]);
        } else {
          firstRowOf.set(value, row.row);
          if (value !== previous + 1) {
            if (position === 1) ctx.reportCell(row, 'seq', 'start', { expected }, undefined, [ctx.edit(row, 'seq', String(expected))]);
            else ctx.reportCell(row, 'seq', 'sequence', { expected, previous }, undefined, [ctx.edit(row, 'seq', String(expected))]);
          }
        }
        previous = value;
      },
    };
  },
});

/** A positive whole number as a clerk writes a 序号 ("7", "007", a numeric 7); undefined otherwise. */
function wholeNumber(text: string, kind: string, raw: unknown): number | undefined {
  if (kind === 'number' && typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  const t = compact(text);
  return /^\d{1,9}$/.test(t) ? Number(t) : undefined;
}
