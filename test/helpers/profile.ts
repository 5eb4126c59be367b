// Province profiles for tests, built from the shipped data (the division list, provinces.json, quota-tables.json).
import { readFileSync } from 'node:fs';
import { DivisionIndex, type DivisionData } from '../../src/core/divisions.js';
import { buildProfile, type ProfileData, type ProvinceProfile } from '../../src/core/profile.js';

const json = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${file}`, import.meta.url), 'utf8'));

export const divisions = new DivisionIndex(json('divisions.json') as DivisionData);
const data = json('provinces.json') as ProfileData;
const tables = json('quota-tables.json') as Record<string, unknown>;

export function profile(province: string): ProvinceProfile {
  const p = buildProfile(province, divisions, data, (id) => tables[id]);
  if (!p) throw new Error(`no profile for ${province}`);
  return p;
}

export const HUNAN = profile('湖南省');
export const GUANGDONG = profile('广东省');

/** The built-in 2016 Hunan 附4 (src/data/quota-tables.json), as the profile parsed it. */
export const HUNAN_2016 = HUNAN.quotaTable!;

/** Quota parse options for a table of Hunan (or, when it says so, of another province, with that province's cities). */
export const QUOTA_OPTS = {
  province: '湖南省',
  provinces: divisions.provinces.map((p) => p.name),
  citiesOf: (p: string) => (p === '湖南省' ? HUNAN.cityNames : p === '广东省' ? GUANGDONG.cityNames : undefined),
};
