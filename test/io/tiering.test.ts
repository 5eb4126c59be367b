// src/io/tiering.ts: where bin/fupin.js tuned V8's tiering (Node 20) it leaves a hook on process; a worker's start (the
// legacy reader's, the parse pool's) and a streamed CSV ask it for V8's defaults for the rest of the run. Without a hook
// (tests, Node 22, the executables) asking does nothing. bin/fupin.js's side (the cache entry made under the flags it is
// read under after an .xls run) is in test/e2e/compile-cache.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLegacyBuffer } from '../../src/io/legacy.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { defaultTiering } from '../../src/io/tiering.js';
import { readForTest } from '../helpers/ledger.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOOK = Symbol.for('fupin.tiering');
const hooked = process as unknown as Record<symbol, unknown>;

/** A hook that counts what it is asked. */
function countingHook(): { untune: number } {
  const asked = { untune: 0 };
  hooked[HOOK] = { untune: () => asked.untune++ };
  return asked;
}

afterEach(() => {
  delete hooked[HOOK];
  delete process.env.FUPIN_WORKERS;
  delete process.env.FUPIN_WORKERS_WAIT;
});

describe('defaultTiering', () => {
  it('asks the hook bin/fupin.js left, and does nothing without one', () => {
    expect(() => defaultTiering()).not.toThrow();
    const asked = countingHook();
    defaultTiering();
    expect(asked.untune).toBe(1);
  });

  it("the legacy reader's worker asks for V8's defaults before it starts", async () => {
    const asked = countingHook();
    const bytes = readFileSync(path.join(ROOT, 'fixtures/legacy/xls/registers/numeric-cells.xls'));
    const read = await readLegacyBuffer(bytes, 'xls', DEFAULT_LIMITS);
    expect(read.sheets.length).toBeGreaterThan(0);
    expect(asked.untune).toBeGreaterThanOrEqual(1);
  });

  it('a streamed CSV asks (a long run), a CSV read whole does not', async () => {
    const csv = [path.join(ROOT, 'fixtures/identity/怀化市/辰溪县.csv')];
    const asked = countingHook();
    await readForTest(csv);
    expect(asked.untune).toBe(0);
    const streamed = await readForTest(csv, { streamCsvFrom: 0 });
    expect(streamed.ledger.files.length).toBe(1);
    expect(asked.untune).toBe(1);
  });

  it("the parse pool's workers ask too (FUPIN_WORKERS=2), and a serial read does not", async () => {
    const asked = countingHook();
    process.env.FUPIN_WORKERS = '0';
    await readForTest([path.join(ROOT, 'fixtures/ledger/永州市')]);
    expect(asked.untune).toBe(0);
    process.env.FUPIN_WORKERS = '2';
    process.env.FUPIN_WORKERS_WAIT = '1';
    await readForTest([path.join(ROOT, 'fixtures/ledger/永州市')]);
    expect(asked.untune).toBe(2);
  });
});
