// The quota feature's public surface: the 附4 table as data, reading custom tables, checking a ledger, the JSON shape.
export * from './table.js';
export * from './faults.js';
export * from './parse.js';
export * from './parse-json.js';
export * from './check.js';
export { quotaText, type Text } from './messages.js';
