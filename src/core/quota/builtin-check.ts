// The build's check of the built-in quota tables (src/data/quota-tables.json): each is read as a custom JSON table would be
// (parseQuotaJson: zod's shape check, then the figures and cities), and what a run reads without zod (buildProfile,
// quotaTableFromJson) must be the same table. scripts/bundle.mjs fails the build on any fault, so a run never needs zod
// for them.
import type { DivisionIndex } from '../divisions.js';
import { buildProfile, builtinQuotaOptions, type ProfileData } from '../profile.js';
import { parseQuotaJson } from './parse-json.js';

/** Whether two JSON-like values hold the same data (key order aside). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What is wrong with the built-in quota tables, one line each (in English: for whoever builds fupin); empty when nothing. */
export function builtinQuotaTableFaults(divisions: DivisionIndex, data: ProfileData, tables: Record<string, unknown>): string[] {
  const faults: string[] = [];
  for (const [province, own] of Object.entries(data.provinces)) {
    if (!own.quotaTable) continue;
    const name = `${province}'s quota table ${own.quotaTable}`;
    const raw = tables[own.quotaTable];
    if (raw === undefined) {
      faults.push(`${name}: not in quota-tables.json`);
      continue;
    }
    const bare = buildProfile(province, divisions, data);
    if (!bare) {
      faults.push(`${name}: the division list has no province ${province}`);
      continue;
    }
    const { $comment: _, ...table } = (typeof raw === 'object' && raw !== null ? raw : { value: raw }) as Record<string, unknown>;
    const checked = parseQuotaJson(typeof raw === 'object' && raw !== null ? table : raw, 'built-in', builtinQuotaOptions(bare));
    if (!('table' in checked)) {
      for (const e of checked.errors) faults.push(`${name}: ${e.id}${e.path ? ` at ${e.path}` : ''}`);
      continue;
    }
    let read;
    try {
      read = buildProfile(province, divisions, data, (id) => tables[id])?.quotaTable;
    } catch (e) {
      faults.push(`${name}: read without the check: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (!sameData(read, checked.table)) faults.push(`${name}: read without the check, it is not the table the check reads`);
  }
  return faults;
}
