// The build's check of the built-in quota tables (scripts/bundle.mjs fails the build on any fault): a run reads them
// without zod, so what it reads must be the table parseQuotaJson's full check reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfileData } from '../../../src/core/profile.js';
import { builtinQuotaTableFaults } from '../../../src/core/quota/builtin-check.js';
import { parseQuotaJson } from '../../../src/core/quota/parse-json.js';
import { divisions, HUNAN, HUNAN_2016 } from '../../helpers/profile.js';

const json = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../src/data/${file}`, import.meta.url), 'utf8'));
const data = json('provinces.json') as ProfileData;
const tables = json('quota-tables.json') as Record<string, Record<string, unknown>>;
const hunan = tables['湖南省-2016']!;
const withHunan = (table: unknown): Record<string, unknown> => ({ ...tables, '湖南省-2016': table });

describe('built-in quota tables, checked at build', () => {
  it('the shipped tables pass, and what a run reads without zod is the table the full check reads', () => {
    expect(builtinQuotaTableFaults(divisions, data, tables)).toEqual([]);
    const { $comment: _, ...table } = hunan;
    const checked = parseQuotaJson(table, 'built-in', { province: '湖南省', citiesOf: (p) => (p === '湖南省' ? HUNAN.cityNames : undefined) });
    expect('table' in checked && checked.table).toEqual(HUNAN_2016);
  });

  it('a table with a key the JSON form does not have, or a figure of the wrong type, fails the build', () => {
    const rows = hunan.rows as Record<string, unknown>[];
    const badKey = withHunan({ ...hunan, rows: [{ ...rows[0], households: 3 }, ...rows.slice(1)] });
    expect(builtinQuotaTableFaults(divisions, data, badKey)).toEqual([expect.stringMatching(/湖南省-2016: json-unknown-key at rows\[0\]\.households$/)]);
    const badType = withHunan({ ...hunan, year: '2016' });
    expect(builtinQuotaTableFaults(divisions, data, badType)).toEqual([expect.stringMatching(/湖南省-2016: json-[a-z-]+ at year$/)]);
  });

  it('a table naming a city the province does not have fails the build', () => {
    const rows = hunan.rows as Record<string, unknown>[];
    const i = rows.findIndex((r) => r.unit === '怀化市' || r.city === '怀化市');
    expect(i).toBeGreaterThanOrEqual(0);
    const row = rows[i]!;
    const moved = withHunan({ ...hunan, rows: rows.map((r, j) => (j === i ? { ...row, ...(row.city !== undefined ? { city: '火星市' } : { unit: '火星市' }) } : r)) });
    const faults = builtinQuotaTableFaults(divisions, data, moved);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults[0]).toMatch(/^湖南省's quota table 湖南省-2016: /);
  });

  it('a province whose table is missing from quota-tables.json fails the build', () => {
    const { '湖南省-2016': _, ...rest } = tables;
    expect(builtinQuotaTableFaults(divisions, data, rest)).toEqual(["湖南省's quota table 湖南省-2016: not in quota-tables.json"]);
  });
});
