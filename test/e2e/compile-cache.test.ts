// bin/fupin.js turns on Node's compile cache where Node has one (module.enableCompileCache, Node ≥ 22.1; a no-op on
// Node 20): a cache that is cold, warm, corrupt or cannot be written never changes what a command prints or its exit code.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fupin, tempDir } from './helpers.js';

const ARGS = ['validate', '--format', 'json', 'fixtures/ledger/永州市/零陵区.xlsx'];
const hasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Every file under a folder (the cache keeps one folder per Node version). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('compile cache', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const cacheDir = path.join(tmp.dir, 'cache');

  it('cold, warm, corrupt, unusable or off: the same output and exit code', () => {
    const off = fupin(ARGS, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off.stderr).toBe('');
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toHaveProperty('files');
    const cold = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    const warm = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    const written = filesUnder(cacheDir);
    // Node ≥ 22.1 writes the cache; Node 20 has none and nothing is written
    if (hasCache) expect(written.length).toBeGreaterThan(0);
    else expect(written).toEqual([]);
    // every cache entry overwritten with garbage: Node must reject it, not run it
    for (const f of written) writeFileSync(f, Buffer.alloc(64, 0x5a));
    const corrupt = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    // a "folder" that is a file: the cache can be neither read nor written
    const blocker = path.join(tmp.dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const unusable = fupin(ARGS, { env: { NODE_COMPILE_CACHE: blocker } });
    for (const r of [cold, warm, corrupt, unusable]) {
      expect(r.code).toBe(off.code);
      expect(r.stdout).toBe(off.stdout);
      expect(r.stderr).toBe('');
    }
  }, 120_000);
});
