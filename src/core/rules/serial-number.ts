// serial-number: 序号 should run 1, 2, 3 … — judged as a whole sequence: one finding per wrong number or shifted block.
//
// The number each row should have is its position among the pairings (1 for the first, …): that is what `fupin fix`
// writes, so every number a message asks for is the one fix would write. A blank 序号 (`empty`) or one that is not a
// whole number (`not-number`) is reported at its cell. The numbered rows are then read as offsets, number − position:
// a row whose offset is 0 is right. Consecutive numbered rows with the same non-zero offset are one run — the rows a
// single slip moved together — and each run is one finding, at its first cell:
// - one row alone (1, 2, 7, 4, 5 or 1, 2, 3, 5, 5, 6): `repeated` when its number is the right number of another row
//   (naming that row), else `wrong`; the rows around it are right and are not reported;
// - a run from the first row to the last (5, 6, 7 …): `start`;
// - a run that goes on to the last numbered row (a number skipped or repeated and everything after it moved):
//   `tail-gap` (numbers skipped: offset > 0), `tail-repeat` (the first number repeats another row's) or `tail`; the
//   message says renumbering from there to the end, or `fupin fix`, mends them all;
// - a run that ends before the last row (a block of rows moved): `block`, naming its first and last cells.
// No message asks for the number a cell already has: a run's offset is never 0.
import type { FixEdit, RegisterRow } from '../model.js';
import { allDigits, compact, numberText } from '../normalize.js';
import { PositionRuns } from '../int-tables.js';
import { isBlankText as isBlank } from '../row-facts.js';
import { cellIs } from '../register.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'serial-number',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '序号应从 1 开始依次连续编号',
      en: 'The "序号" (number) column should number the rows 1, 2, 3 … without gaps or repeats',
    },
    messages: {
      zh: {
        empty: '{cell} 序号为空：请填写 {expected}',
        'not-number': '{cell} 序号“{value}”不是整数：请改为 {expected}',
        wrong: '{cell} 序号 {value} 不对，按顺序这一行是第 {expected} 个：请改为 {expected}',
        repeated: '{cell} 序号 {value} 与第 {first} 行重复，按顺序这一行是第 {expected} 个：请改为 {expected}',
        start: '{cell} 序号从 {value} 开始，不是从 1 开始：请从这一行起依次改为 1、2、3……（fupin fix 可一次重新编号）',
        'tail-gap':
          '{cell} 序号跳过了 {missing}，从这一行到最后一行都多了 {shift}：请从这一行起依次改为 {expected}、{next}……（fupin fix 可一次重新编号）',
        'tail-repeat':
          '{cell} 序号 {value} 与第 {first} 行重复，从这一行到最后一行都少了 {shift}：请从这一行起依次改为 {expected}、{next}……（fupin fix 可一次重新编号）',
        tail: '{cell} 序号 {value} 起与行的顺序不符，从这一行到最后一行都要改：请依次改为 {expected}、{next}……（fupin fix 可一次重新编号）',
        block:
          '{cell} 至 {lastCell} 的序号 {value}–{lastValue} 与行的顺序不符：请依次改为 {expected}–{lastExpected}（fupin fix 可一次重新编号）',
      },
      en: {
        empty: '{cell}: the number is empty; type {expected}',
        'not-number': '{cell}: the number "{value}" is not a whole number; change it to {expected}',
        wrong: '{cell}: number {value} is wrong, this is row {expected} in order; change it to {expected}',
        repeated: '{cell}: number {value} repeats row {first}, and this is row {expected} in order; change it to {expected}',
        start: '{cell}: numbering starts at {value}, not 1; number the rows 1, 2, 3 … from here (fupin fix renumbers them all)',
        'tail-gap':
          '{cell}: the numbering skips {missing}, so every number from here to the last row is {shift} too high; number them {expected}, {next} … from here (fupin fix renumbers them all)',
        'tail-repeat':
          '{cell}: number {value} repeats row {first}, so every number from here to the last row is {shift} too low; number them {expected}, {next} … from here (fupin fix renumbers them all)',
        tail: '{cell}: from number {value} to the last row the numbers do not follow the rows; number them {expected}, {next} … from here (fupin fix renumbers them all)',
        block:
          '{cell} to {lastCell}: numbers {value}–{lastValue} do not follow the rows; number them {expected}–{lastExpected} (fupin fix renumbers them all)',
      },
    },
  },
  create(ctx) {
    const seq = ctx.register.columns.find((c) => c.key === 'seq');
    if (!seq) return {};
    /**
     * Per position (0-based): the sheet row, and the number written (NaN: blank or not a number), as runs (PositionRuns:
     * rows one after another and numbers that follow them are one run each, where columns touched 8 bytes a row).
     */
    const rows = new PositionRuns();
    const values = new PositionRuns();
    let count = 0;
    /** Cells and texts that are not the plain letter + row and digits of the value (kept for exact reports). */
    const oddCells = new Map<number, string>();
    const oddTexts = new Map<number, string>();
    /** A row standing for the 序号 cell of a position seen earlier: what reportCell reads. */
    const seqCell = (at: number): RegisterRow => {
      const row = rows.get(at);
      const text = oddTexts.get(at) ?? numberText(values.get(at));
      return { row, fields: { seq: { text, norm: '', cell: oddCells.get(at) ?? `${seq.letter}${row}`, kind: 'string' } }, extra: {} };
    };
    return {
      row(row) {
        const at = count++;
        const expected = at + 1;
        rows.push(row.row);
        const field = row.fields.seq;
        if (isBlank(field?.text)) {
          values.push(NaN);
          ctx.reportCell(row, 'seq', 'empty', { expected }, undefined, [ctx.edit(row, 'seq', String(expected))]);
          return;
        }
        const value = wholeNumber(field!.text, field!.kind, field!.raw);
        values.push(value ?? NaN);
        if (value === undefined) {
          ctx.reportCell(row, 'seq', 'not-number', { expected }, undefined, [ctx.edit(row, 'seq', String(expected))]);
          return;
        }
        if (!cellIs(field!, seq.letter, row.row)) oddCells.set(at, field!.cell);
        // a text cell of plain digits (no leading 0) is its number's text (wholeNumber read it as it is)
        if (!(field!.kind !== 'number' && plainDigits(field!.text)) && field!.text !== numberText(value)) oddTexts.set(at, (' ' + field!.text).slice(1));
      },
      end() {
        const n = count;
        const offset = (i: number): number => values.get(i) - (i + 1);
        /** The last position with a number: a run reaching it moved everything after its start. */
        let lastNumbered = n - 1;
        while (lastNumbered >= 0 && Number.isNaN(values.get(lastNumbered))) lastNumbered--;
        for (let i = 0; i < n; ) {
          const d = offset(i);
          if (Number.isNaN(d) || d === 0) {
            i++;
            continue;
          }
          let j = i;
          while (j + 1 < n && offset(j + 1) === d) j++;
          report(i, j, d);
          i = j + 1;
        }

        function report(i: number, j: number, shift: number): void {
          const value = values.get(i);
          const expected = i + 1;
          // the row where this number is right (its position), when it has that number
          const owner = value >= 1 && value <= n && value - 1 !== i && values.get(value - 1) === value ? rows.get(value - 1) : undefined;
          const cell = seqCell(i);
          // the repair: every row of the run gets its position (what fupin fix writes)
          const fix: FixEdit[] = [];
          for (let k = i; k <= j; k++) fix.push(ctx.edit(k === i ? cell : seqCell(k), 'seq', String(k + 1)));
          if (i === 0 && j === lastNumbered && j > 0) {
            ctx.reportCell(cell, 'seq', 'start', { expected }, undefined, fix);
          } else if (i === j) {
            if (owner !== undefined) ctx.reportCell(cell, 'seq', 'repeated', { expected, first: owner }, undefined, fix);
            else ctx.reportCell(cell, 'seq', 'wrong', { expected }, undefined, fix);
          } else if (j === lastNumbered) {
            const next = expected + 1;
            if (shift > 0) {
              const missing = shift === 1 ? String(expected) : `${expected}–${value - 1}`;
              ctx.reportCell(cell, 'seq', 'tail-gap', { expected, next, shift, missing }, undefined, fix);
            } else if (owner !== undefined) {
              ctx.reportCell(cell, 'seq', 'tail-repeat', { expected, next, shift: -shift, first: owner }, undefined, fix);
            } else ctx.reportCell(cell, 'seq', 'tail', { expected, next }, undefined, fix);
          } else {
            const last = seqCell(j).fields.seq!;
            ctx.reportCell(cell, 'seq', 'block', { expected, lastExpected: j + 1, lastCell: last.cell, lastValue: last.text }, undefined, fix);
          }
        }
      },
    };
  },
});

/** 1-9 ASCII digits, the first not 0 unless alone: numberText of the number they are. */
function plainDigits(t: string): boolean {
  return t.length > 0 && t.length <= 9 && !(t.length > 1 && t.charCodeAt(0) === 48) && allDigits(t);
}

/** A positive whole number as a clerk writes a 序号 ("7", "007", a numeric 7); undefined otherwise. */
function wholeNumber(text: string, kind: string, raw: unknown): number | undefined {
  if (kind === 'number' && typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  // the usual cell, 1-9 ASCII digits, is its number (compact leaves it as it is)
  if (text.length > 0 && text.length <= 9 && allDigits(text)) return Number(text);
  const t = compact(text);
  return /^\d{1,9}$/.test(t) ? Number(t) : undefined;
}
