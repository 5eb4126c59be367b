// Rebuilds an output folder (dist/bundle) without a moment in which it is missing or half written: the build goes to a
// sibling folder, then each file is renamed over its old self (atomic on one file system), the entry files last, and
// only then are the old build's other files removed. A fupin process already running from the folder (a test, a clerk's
// long rollup) still finds every chunk it loads later; before, `rm -rf dist/bundle` under it made it exit 2 with
// "Cannot find module …/chunk-….js" (the `rollup -o` tests did, with a build running beside the test suite), or exit 1
// with a stack trace when it started in the gap.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** How long a file of an earlier build is kept after a rebuild no longer has it. */
const STALE_MS = 60 * 60 * 1000;

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...filesUnder(dir, r));
    else out.push(r);
  }
  return out;
}

/**
 * Runs `build(tmpDir)`, then moves its files into `dir`: all but `entries` first, `entries` (e.g. bin.js) last, then
 * removes the files of earlier builds that the new one no longer has, once they are an hour old.
 */
export async function rebuildInPlace(dir, build, entries = []) {
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await build(tmp);
    mkdirSync(dir, { recursive: true });
    const fresh = filesUnder(tmp);
    const last = new Set(entries);
    for (const rel of [...fresh.filter((f) => !last.has(f)), ...fresh.filter((f) => last.has(f))]) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      renameSync(path.join(tmp, rel), path.join(dir, rel));
    }
    // the old build's files the new one lacks (chunks named by an older content hash) stay a while: a fupin started
    // before this build may still import one of them; they go once they are older than STALE_MS
    const keep = new Set(fresh);
    const now = Date.now();
    for (const rel of filesUnder(dir)) {
      if (keep.has(rel)) continue;
      const abs = path.join(dir, rel);
      if (now - statSync(abs).mtimeMs > STALE_MS) rmSync(abs, { force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
