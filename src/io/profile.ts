// Loads the province profile: the division list, src/data/provinces.json and the built-in quota tables (quota-tables.json).
import { buildProfile, type ProfileData, type ProvinceProfile } from '../core/profile.js';
import provinces from '../data/provinces.json' with { type: 'json' };
import quotaTables from '../data/quota-tables.json' with { type: 'json' };
import { loadDivisions } from './divisions.js';

const DATA = provinces as unknown as ProfileData;
const TABLES = quotaTables as unknown as Record<string, unknown>;

/** The default province when nothing names one (data, not code). */
export function defaultProvince(): string {
  return DATA.default;
}

/** The profile of `province` (default: the data's default province); undefined when the division list does not know it. */
export async function loadProfile(province?: string): Promise<ProvinceProfile | undefined> {
  return buildProfile(province ?? DATA.default, await loadDivisions(), DATA, (id) => TABLES[id]);
}
