// Shared by the release tests: where `npm run release` put the artefacts, and whether to test them at all.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fupin, ROOT, type RunResult } from '../e2e/helpers.js';

export const RELEASE = path.join(ROOT, 'release');
export const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The release tests run when FUPIN_RELEASE_TEST=1 (.ci/run sets it after `npm run release`); then a missing artefact
 * fails them. Otherwise they are skipped: `npm test` does not build executables.
 */
export const RELEASE_TESTS = process.env.FUPIN_RELEASE_TEST === '1';

export function artefact(name: string): string {
  const file = path.join(RELEASE, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run release first`);
  return file;
}

/** A Node single executable carries its blob and has the fuse flipped to :1 by postject. */
export const SEA_FUSE_ON = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1';

/** The executable's run of `args` gives the same stdout bytes, stderr and exit code as `node bin/fupin.js` here. */
export function expectSameAsNode(args: string[], ours: RunResult): void {
  const reference = fupin(args);
  expect(ours.stderr).toBe(reference.stderr);
  expect(ours.code).toBe(reference.code);
  expect(ours.stdout.length).toBeGreaterThan(100);
  expect(ours.stdout === reference.stdout).toBe(true); // not toBe: a diff of megabytes helps nobody
}
