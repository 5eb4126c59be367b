// The entries keep V8's young generation small (src/cli/young-generation.ts, called by mainThenExit and first thing in the
// one-file build): fewer fresh pages touched, the same output. A process that keeps ~50,000 objects alive while it
// allocates grows its young generation by itself (to 32 MB); after smallYoungGeneration it stays at 2 MB. Runs the built
// module (dist/cli/young-generation.js, tsc's output) in a fresh process, where the flag is the process's own.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN_MODULE = pathToFileURL(path.join(ROOT, 'dist/cli/young-generation.js')).href;

/** The young generation's size after a burst of allocation that keeps ~50,000 objects alive, with or without the call. */
function youngSpace(small: boolean): number {
  const code = `
    import v8 from 'node:v8';
    import { smallYoungGeneration } from ${JSON.stringify(BIN_MODULE)};
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const first = size();
    if (${small}) smallYoungGeneration();
    const keep = new Array(50000);
    for (let i = 0; i < 400000; i++) keep[i % 50000] = { i, t: 'x' + i };
    process.stdout.write(JSON.stringify({ first, after: size() }));
    process.exit();
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const { first, after } = JSON.parse(r.stdout) as { first: number; after: number };
  expect(first).toBeGreaterThan(0);
  return after / first;
}

describe('smallYoungGeneration', () => {
  it('keeps the young generation near its first size, where it would otherwise grow to many times that', () => {
    const grown = youngSpace(false);
    const small = youngSpace(true);
    // (V8 reports the first half of its first size before the first collection: 1 MB, then 2 MB)
    expect(small).toBeLessThanOrEqual(2);
    expect(grown).toBeGreaterThanOrEqual(4 * small);
  }, 60_000);
});
