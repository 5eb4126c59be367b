// Register.expectedRows sizes the cross-row tables before the rows come: it must follow the cells a sheet holds, not the
// last row it declares (a few hundred crafted bytes can put one cell at A1048576), and never exceed ROWS_HINT_CAP.
import { describe, expect, it } from 'vitest';
import { LedgerBuilder, ROWS_HINT_CAP } from '../../../src/core/ledger/builder.js';
import type { LeanRows, RawCell, RawSheet } from '../../../src/core/model.js';
import { HUNAN } from '../../helpers/profile.js';

const text = (t: string): RawCell => ({ text: t, kind: 'string' });
const HEADER = ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系电话'].map(text);
const row = (i: number): RawCell[] => [text(String(i)), text('县红十字会'), text(`张${i}`), text('溆浦县卢峰镇'), text('13907450000')];

/** A lean sheet whose rows 0..rowCount-1 are `at(r)`, holding `cells` cells. */
function leanSheet(rowCount: number, cells: number, at: (r: number) => RawCell[] | undefined): RawSheet {
  const lean: LeanRows = { rowCount, cellCount: cells, row: at, hasText: () => true };
  return { name: 'Sheet1', rows: [], merges: [], lean };
}

function expectedRowsOf(sheet: RawSheet): number | undefined {
  const b = new LedgerBuilder({ profile: HUNAN, visitors: [] });
  b.addGrid({ file: 'a.xlsx', abs: '/x/a.xlsx', pathSegments: ['a.xlsx'], explicit: true }, [sheet], {}, 'xlsx');
  const ledger = b.finish({});
  const regs = ledger.files.flatMap((f) => f.registers);
  expect(regs).toHaveLength(1);
  return regs[0]!.register.expectedRows;
}

describe('the rows hint of a register', () => {
  it('follows the rows a sheet holds', () => {
    const n = 40;
    expect(expectedRowsOf(leanSheet(n + 1, (n + 1) * 5, (r) => (r === 0 ? HEADER : row(r))))).toBe(n);
  });

  it('a sheet declaring a million rows but holding a few cells is sized by its cells', () => {
    const last = 1_048_575;
    const sheet = leanSheet(last + 1, 5 * 4 + 1, (r) => (r === 0 ? HEADER : r < 4 ? row(r) : r === last ? [text('x')] : undefined));
    const hint = expectedRowsOf(sheet)!;
    expect(hint).toBeLessThanOrEqual(21);
  });

  it('is never more than the cap, however many cells', () => {
    const last = 1_048_575;
    const sheet = leanSheet(last + 1, 5 * (last + 1), (r) => (r === 0 ? HEADER : r < 4 ? row(r) : undefined));
    expect(expectedRowsOf(sheet)).toBe(ROWS_HINT_CAP);
  });
});
