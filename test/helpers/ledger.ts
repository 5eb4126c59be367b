// Reading fixtures the way the commands do (readLedger with the validation visitor), for tests of io and writers.
import { validationReports } from '../../src/core/ledger/report.js';
import { pairings, validation } from '../../src/core/ledger/visitors.js';
import { HouseholdIndex } from '../../src/core/household.js';
import type { Ledger } from '../../src/core/ledger/model.js';
import type { FileReport } from '../../src/core/model.js';
import { allRules } from '../../src/core/rules/index.js';
import { readLedger, type ReadLedgerOptions } from '../../src/io/read-ledger.js';
import { HUNAN } from './profile.js';

export interface ReadForTest {
  ledger: Ledger;
  reports: FileReport[];
}

/** The ledger of `paths` (Hunan's profile), validated; `streamCsvFrom: 0` streams every CSV. */
export async function readForTest(paths: string[], opts: Partial<ReadLedgerOptions> & { strict?: boolean } = {}): Promise<ReadForTest> {
  const index = new HouseholdIndex();
  const { ledger } = await readLedger(paths, {
    profile: HUNAN,
    visitors: (registry) => [validation(allRules, { strict: Boolean(opts.strict), divisions: HUNAN.divisions, ...(registry ? { registry } : {}) }), pairings(index)],
    ...opts,
  });
  return { ledger, reports: validationReports(ledger) };
}
