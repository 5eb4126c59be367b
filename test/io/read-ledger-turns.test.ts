// readLedger reads files with blocking calls: it must still let the event loop turn now and then (timers, Ctrl-C's
// clean-up, `fupin serve`'s other requests), not only once its last file is read.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readForTest } from '../helpers/ledger.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures/ledger');
const dir = mkdtempSync(path.join(tmpdir(), 'fupin-turns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readLedger and the event loop', () => {
  it('turns it while reading a folder of many files', async () => {
    // 80 registers of one county (copies, not links: each is read)
    const county = path.join(dir, '怀化市', '溆浦县');
    mkdirSync(county, { recursive: true });
    for (let i = 0; i < 80; i++) copyFileSync(path.join(FIXTURES, '永州市', '零陵区.xlsx'), path.join(county, `登记表-${String(i).padStart(2, '0')}.xlsx`));
    let turns = 0;
    let counting = false;
    let stop = false;
    const spin = (): void => {
      if (stop) return;
      if (counting) turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    let first = 0;
    let last = 0;
    let turnsAtFirst = 0;
    // no parse workers: waiting for them would turn the loop anyway
    const workers = process.env.FUPIN_WORKERS;
    process.env.FUPIN_WORKERS = '0';
    await readForTest([dir], {
      onFile: (done, total) => {
        if (done === 1) {
          counting = true;
          first = Date.now();
          turnsAtFirst = turns;
        }
        // the last file is read after this: the turn check before it sees at least this much reading since the last turn
        if (done === total - 1) last = Date.now();
      },
    }).finally(() => {
      if (workers === undefined) delete process.env.FUPIN_WORKERS;
      else process.env.FUPIN_WORKERS = workers;
    });
    stop = true;
    expect(first).toBeGreaterThan(0);
    // a turn at least every 50 ms of reading: with 50 ms or more between the first file's end and the start of the last
    // file, the check before the last file turned (a fast machine may not need to). Counted to the last file's START:
    // a machine that stalls inside the last file alone must not fail this.
    if (last - first >= 50) expect(turns - turnsAtFirst).toBeGreaterThan(0);
  });
});
