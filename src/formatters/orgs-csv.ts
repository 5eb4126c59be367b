// orgs --format csv and -o orgs.csv: the org registry (单位名称,类型,层级,地区) for the clerk to correct — UTF-8 with BOM, CRLF.
import { stringify } from 'csv-stringify/sync';
import { neutralizeCsvField } from '../core/neutralize.js';
import { registryRecords, type OrgsReport } from './orgs-report.js';

/** Exactly the columns registryFromRows reads back, one organisation per line; text neutralised for spreadsheets. */
export function formatOrgsCsv(report: OrgsReport): string {
  const records = registryRecords(report.orgs, report.province).map((r) => r.map(neutralizeCsvField));
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}
