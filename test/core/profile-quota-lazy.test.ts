// A profile's built-in quota table is read when first asked for (start-up, s27): the same table as reading it at once,
// read once, and absent exactly when the province has none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProfile, builtinQuotaOptions, type ProfileData } from '../../src/core/profile.js';
import { quotaTableFromJson } from '../../src/core/quota/parse.js';
import type { QuotaTableData } from '../../src/core/quota/parse-json.js';
import { divisions } from '../helpers/profile.js';

const json = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${file}`, import.meta.url), 'utf8'));
const data = json('provinces.json') as ProfileData;
const tables = json('quota-tables.json') as Record<string, unknown>;

describe('profile.quotaTable', () => {
  it('equals the table read at once, is read once and only when asked for', () => {
    let asked = 0;
    const p = buildProfile('湖南省', divisions, data, (id) => {
      asked++;
      return tables[id];
    })!;
    expect(asked).toBe(0);
    expect('quotaTable' in p).toBe(true);
    const first = p.quotaTable;
    expect(asked).toBe(1);
    expect(p.quotaTable).toBe(first);
    expect(asked).toBe(1);
    const id = data.provinces['湖南省']!.quotaTable!;
    const { $comment: _, ...raw } = tables[id] as Record<string, unknown>;
    const atOnce = quotaTableFromJson(raw as QuotaTableData, 'built-in', builtinQuotaOptions(p));
    expect('table' in atOnce && atOnce.table).toEqual(first);
    expect(first?.year).toBeGreaterThan(2000);
  });

  it('is absent for a province without one, and without a reader', () => {
    const without = Object.entries(data.provinces).find(([, own]) => !own.quotaTable)?.[0];
    if (without) {
      const p = buildProfile(without, divisions, data, (id) => tables[id]);
      if (p) {
        expect('quotaTable' in p).toBe(false);
        expect(p.quotaTable).toBeUndefined();
      }
    }
    const noReader = buildProfile('湖南省', divisions, data)!;
    expect('quotaTable' in noReader).toBe(false);
  });

  it('a broken built-in table still fails, when read', () => {
    const p = buildProfile('湖南省', divisions, data, () => ({ year: 'not a year' }))!;
    expect(() => p.quotaTable).toThrow();
  });
});
