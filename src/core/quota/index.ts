// The quota feature's public surface: the 附4 table as data, reading custom tables, checking a ledger, the JSON shape.
export * from './table.js';
export * from './faults.js';
export * from './parse.js';
// parse-json.ts (zod) is not re-exported: importers of this surface (check, rollup, quota) would load zod on every run.
// The one reader of JSON quota tables (io/quota-table.ts) imports it when it meets one.
export * from './check.js';
export { quotaText, type Text } from './messages.js';
