// Writes the 附4 任务分配表 (a quota table, by default the built-in 2016 one) by filling templates/附4-任务分配表.xlsx.
import { addRanges, formatRange, type QuotaTable, type QuotaTotals } from '../../core/quota/table.js';
import { loadTemplate, namedCell, resizeRows, setNumber, setText, toBuffer } from './template-book.js';

/** 合计 as the table states it; computed from the rows only when the table has no 合计 row. */
function totalsOf(table: QuotaTable): QuotaTotals {
  if (table.total) return table.total;
  const sum = (f: (r: QuotaTable['rows'][number]) => number | undefined) => table.rows.reduce((s, r) => s + (f(r) ?? 0), 0);
  const [first, ...rest] = table.rows;
  return {
    charityLocal: sum((r) => r.charityLocal),
    charityCounty: sum((r) => r.charityCounty),
    charitySubtotal: sum((r) => r.charitySubtotal),
    foundationOrgs: sum((r) => r.foundationOrgs),
    socialOrgs: sum((r) => r.socialOrgs),
    ...(first
      ? {
          foundationHouseholds: rest.reduce((a, r) => addRanges(a, r.foundationHouseholds), first.foundationHouseholds),
          socialHouseholds: rest.reduce((a, r) => addRanges(a, r.socialHouseholds), first.socialHouseholds),
        }
      : {}),
  };
}

/**
 * The filled 附4. Figures are written as the table states them — the built-in table's 合计 row included, which does not
 * add up in the source (fupin quota reports that; the form reproduces the notice). Ranges are text ("9-12").
 * The template's 备注 (the notice's four notes) is kept for the built-in table; another table's notes replace it.
 */
export async function writeQuotaForm(table: QuotaTable): Promise<Buffer> {
  const { wb, ws } = await loadTemplate('quota');
  const start = namedCell(wb, 'data_start');
  const total = namedCell(wb, 'total_row').row;
  const c0 = start.col;
  resizeRows(ws, start.row, total - start.row, Math.max(table.rows.length, 1), c0 + 7);
  const totalRow = start.row + Math.max(table.rows.length, 1);

  if (table.origin !== 'built-in') {
    const title = namedCell(wb, 'title');
    if (table.name) setText(ws.getCell(title.row, title.col), table.name);
    setText(ws.getCell(totalRow + 1, c0 + 1), table.notes.join('\n'));
  }
  const put = (r: number, t: QuotaTotals) => {
    setNumber(ws.getCell(r, c0 + 1), t.charityLocal);
    setNumber(ws.getCell(r, c0 + 2), t.charityCounty);
    setNumber(ws.getCell(r, c0 + 3), t.charitySubtotal);
    setNumber(ws.getCell(r, c0 + 4), t.foundationOrgs);
    setText(ws.getCell(r, c0 + 5), t.foundationHouseholds ? formatRange(t.foundationHouseholds) : '');
    setNumber(ws.getCell(r, c0 + 6), t.socialOrgs);
    setText(ws.getCell(r, c0 + 7), t.socialHouseholds ? formatRange(t.socialHouseholds) : '');
  };
  table.rows.forEach((row, i) => {
    setText(ws.getCell(start.row + i, c0), row.unit);
    put(start.row + i, row);
  });
  put(totalRow, totalsOf(table));
  return toBuffer(wb, 'quota');
}

/** The 附4 form for a province without a built-in table: its units (省本级 and the cities), figures and notes blank to fill in. */
export async function writeBlankQuotaForm(units: readonly string[], title?: string): Promise<Buffer> {
  const { wb, ws } = await loadTemplate('quota');
  const start = namedCell(wb, 'data_start');
  const total = namedCell(wb, 'total_row').row;
  const c0 = start.col;
  resizeRows(ws, start.row, total - start.row, Math.max(units.length, 1), c0 + 7);
  const totalRow = start.row + Math.max(units.length, 1);
  if (title) {
    const t = namedCell(wb, 'title');
    setText(ws.getCell(t.row, t.col), title);
  }
  units.forEach((u, i) => {
    setText(ws.getCell(start.row + i, c0), u);
    for (let c = 1; c <= 7; c++) setText(ws.getCell(start.row + i, c0 + c), '');
  });
  for (let c = 1; c <= 7; c++) setText(ws.getCell(totalRow, c0 + c), '');
  setText(ws.getCell(totalRow + 1, c0 + 1), '');
  return toBuffer(wb, 'quota');
}
