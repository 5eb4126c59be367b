// The bundle is rebuilt under running CLIs without a moment in which a file they load is missing (the `rollup -o`
// flake: `rm -rf dist/bundle` under a running fupin made it exit 2 with "Cannot find module …/chunk-….js").
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { rebuildInPlace } from '../../scripts/lib/swap-dir.mjs';
import { tempDir } from '../e2e/helpers.js';

describe('rebuildInPlace', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const dir = path.join(t.dir, 'bundle');
  const write = (files: Record<string, string>) => async (tmp: string) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(tmp, name), text);
  };

  it('moves the new files over the old ones, the entry last; an older build’s chunk stays until it is an hour old', async () => {
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'bin.js'), 'old bin');
    writeFileSync(path.join(dir, 'chunk-OLD.js'), 'old chunk');
    await rebuildInPlace(dir, write({ 'bin.js': 'new bin', 'chunk-NEW.js': 'new chunk' }), ['bin.js']);
    expect(readFileSync(path.join(dir, 'bin.js'), 'utf8')).toBe('new bin');
    expect(readFileSync(path.join(dir, 'chunk-NEW.js'), 'utf8')).toBe('new chunk');
    // a fupin started before the rebuild may still import the old chunk
    expect(existsSync(path.join(dir, 'chunk-OLD.js'))).toBe(true);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(dir, 'chunk-OLD.js'), twoHoursAgo, twoHoursAgo);
    await rebuildInPlace(dir, write({ 'bin.js': 'newer bin', 'chunk-NEW.js': 'new chunk' }), ['bin.js']);
    expect(existsSync(path.join(dir, 'chunk-OLD.js'))).toBe(false);
    expect(existsSync(`${dir}.${process.pid}.tmp`)).toBe(false);
  });

  it('a failed build leaves the old bundle as it was', async () => {
    const before = readFileSync(path.join(dir, 'bin.js'), 'utf8');
    await expect(rebuildInPlace(dir, async () => { throw new Error('syntax error'); }, ['bin.js'])).rejects.toThrow('syntax error');
    expect(readFileSync(path.join(dir, 'bin.js'), 'utf8')).toBe(before);
  });
});
