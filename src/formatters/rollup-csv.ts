// rollup --format csv: the 附3 table as CSV for Excel — UTF-8 with BOM, CRLF, the form's two header rows, 合计 last; text
// neutralised. Further sections follow as `rollup -o` adds sheets: each after an empty line and a title line.
import { stringify } from 'csv-stringify/sync';
import type { RollupTable } from '../core/model.js';
import { neutralizeCsvField } from '../core/neutralize.js';
import { figuresOf, GROUP_HEADERS, MEASURE_HEADERS, type RollupReport } from './rollup-report.js';
import { whomSheets } from './whom-sheets.js';

type Cell = string | number;

/** The form's two header rows: group names over two columns each, then the eight measures. */
export function headerRecords(): Cell[][] {
  return [['单位', ...GROUP_HEADERS.flatMap((g) => [g, ''])], ['', ...MEASURE_HEADERS]];
}

/** One table's records: header rows, a row per unit, 合计. */
export function tableRecords(t: RollupTable): Cell[][] {
  return [...headerRecords(), ...t.rows.map((r) => [r.unit, ...figuresOf(r)]), ['合计', ...figuresOf(t.total)]];
}

function encode(records: Cell[][]): string {
  return stringify(
    records.map((r) => r.map(neutralizeCsvField)),
    { record_delimiter: 'windows' },
  );
}

/**
 * The table as CSV. With --by city the provincial table comes first, then each city's table after an empty line and a
 * title line naming the city (each section keeps the form's header rows and ends with its 合计). With rosters or focus
 * lists, their sections come last the same way, titled and laid out as the sheets `rollup -o` adds (名单核对: the counts,
 * then a row per listed household still without a helper, IDs masked; 重点地区: a row per focus place, zero rows kept).
 */
export function formatRollupCsv(report: RollupReport): string {
  let out = encode(tableRecords(report.table));
  for (const t of report.byCity ?? []) {
    out += `\r\n${encode([[`${report.title}（${t.area}）`], ...tableRecords(t)])}`;
  }
  // (an empty line only ever separates sections: the sheet's blank spacer row is left out)
  for (const sheet of whomSheets(report)) out += `\r\n${encode([[sheet.name], ...sheet.rows.filter((r) => r.length > 0)])}`;
  return `\uFEFF${out}`;
}
