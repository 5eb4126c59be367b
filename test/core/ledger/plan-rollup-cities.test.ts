// A province's rollup makes each city's own table (a tally of the city's registers alone) only when `byCity` is read
// (check, quota, rollup --by city): what it reads must be what the tables made at once were — each city's rollupCity,
// in the profile's order — the same every time it is read, and the plan's fields in the same order as before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../../src/core/household.js';
import { countyOrder, planRollup, type RollupPlan } from '../../../src/core/ledger/plan-rollup.js';
import { pairings } from '../../../src/core/ledger/visitors.js';
import { rollupCity, type CountedRegister } from '../../../src/core/rollup.js';
import type { Ledger } from '../../../src/core/ledger/model.js';
import type { RollupTable } from '../../../src/core/model.js';
import { readLedger } from '../../../src/io/read-ledger.js';
import { ROOT } from '../../e2e/helpers.js';
import { HUNAN } from '../../helpers/profile.js';

async function planOf(folder: string): Promise<{ ledger: Ledger; plan: RollupPlan }> {
  const { ledger } = await readLedger([path.join(ROOT, 'fixtures', folder)], { profile: HUNAN, visitors: () => [pairings(new HouseholdIndex(HUNAN.divisions))] });
  const plan = planRollup(ledger);
  if (!plan || plan === 'no-area') throw new Error(`${folder} rolls up`);
  return { ledger, plan };
}

/** The cities' tables as they were made at once: rollupCity of each city's counted registers, in the profile's order. */
function eager(ledger: Ledger, plan: RollupPlan): RollupTable[] {
  const { profile } = ledger;
  const byCity = new Map<string, CountedRegister[]>();
  for (const r of plan.counted) {
    const a = r.register.area;
    if ((a.level === 'city' || a.level === 'county') && a.city) byCity.set(a.city, [...(byCity.get(a.city) ?? []), r]);
  }
  const opts = { cityOrder: profile.cityNames, province: profile.name, ...(ledger.registry ? { registry: ledger.registry } : {}) };
  const tables = [...byCity].map(([city, regs]) => rollupCity(regs, { ...opts, city, countyOrder: countyOrder(profile, city, regs.map((x) => x.register)) }).table);
  const at = (t: RollupTable): number => (profile.cityNames.includes(t.area) ? profile.cityNames.indexOf(t.area) : profile.cityNames.length);
  return tables.sort((a, b) => at(a) - at(b));
}

describe("a province plan's city tables, made when read", () => {
  it('are the tables each city rolls up to alone, in table order, made once', async () => {
    const { ledger, plan } = await planOf('ledger');
    expect(plan.table.level).toBe('province');
    // the example ledger has cities of registers only (a city counted from its 统计表 is read as it is, not made)
    expect(ledger.files.flatMap((f) => f.tables)).toHaveLength(0);
    const want = eager(ledger, plan);
    expect(want.length).toBeGreaterThan(2);
    const first = plan.byCity;
    expect(JSON.parse(JSON.stringify(first))).toEqual(JSON.parse(JSON.stringify(want)));
    expect(plan.byCity).toBe(first);
    // the plan's fields in the order they always had (a report that lists the plan lists them so)
    expect(Object.keys(plan)).toEqual(['table', 'byCity', 'findings', 'rowsLeftOut', 'filesLeftOut', 'counted', 'source', 'orgs']);
    // a copy of the plan copies the tables
    expect({ ...plan }.byCity).toBe(first);
  });

  it('are the same whether read before or after the rest of the plan', async () => {
    const a = await planOf('ledger');
    const b = await planOf('ledger');
    const early = JSON.stringify(a.plan.byCity);
    JSON.stringify(b.plan.table);
    JSON.stringify(b.plan.orgs);
    expect(JSON.stringify(b.plan.byCity)).toBe(early);
    expect(JSON.stringify(a.plan.table)).toBe(JSON.stringify(b.plan.table));
  });
});
