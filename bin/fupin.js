#!/usr/bin/env node
// Entry point: hands argv to the CLI layer (src/cli/bin.ts), which sets the process exit code.
// dist/bundle is dist/cli bundled by scripts/bundle.mjs (faster start-up), dist/cjs/fupin.cjs the same code as one
// CommonJS file for Node 20's code cache; all are made by `npm run build`.
//
// A CommonJS script (bin/package.json): Node runs it without starting its ES module loader, which an ES module entry
// made it set up, resolve, load and link for this one file first (~10 ms and ~150 memory pages a run). Node 20's path
// (runCached) needs nothing of it; Node ≥ 22.1 imports dist/bundle's ES modules from here.
'use strict';
const Module = require('node:module');

// Node ≥ 22.1 keeps V8's compiled code of dist/bundle between runs (in NODE_COMPILE_CACHE, else the system's temporary
// folder; Node checks each file's content before it uses its entry). Node 20 has no such cache for ES modules: there
// the CLI runs from dist/cjs/fupin.cjs with a V8 code cache of its own, in the same folder (runCached below).
// NODE_DISABLE_COMPILE_CACHE=1 turns either off. A cache that cannot be used or written never stops a command.
const cacheOff = Boolean(process.env.NODE_DISABLE_COMPILE_CACHE);
if (typeof Module.enableCompileCache === 'function' || cacheOff || !runCached()) {
  try {
    Module.enableCompileCache?.();
  } catch {
    // no cache
  }
  // runs the command, then ends the process as soon as its output is out (src/cli/bin.ts)
  import('../dist/bundle/bin.js').then(({ mainThenExit }) => mainThenExit());
}

/**
 * Node 20: runs dist/cjs/fupin.cjs (which runs the command and ends the process, as dist/bundle/bin.js's mainThenExit)
 * compiled through vm.Script with V8's code cache. The file is already the function Node's Module.wrap would make of a
 * CommonJS module (scripts/bundle.mjs): the string read is compiled as it is, with no second 0.8 MB copy of it. What
 * V8 compiled for a run (the top level and every function the run called) is written once, when a run ends without a
 * usable cache, and the next runs deserialise it instead of parsing and compiling again (~15 % of a 50-row validate's
 * CPU time). An entry is named by the Node version, the architecture,
 * the file's content (the key scripts/bundle.mjs writes on its first line: V8 checks an entry only against the source's
 * length, so a rebuilt or updated fupin must never find an older entry under its name) and the command (a `--version`
 * run caches little of what a validate compiles); writing one removes the entries of other contents a day old. V8 rejects an entry
 * made with other flags or a corrupt one (the script is then compiled from source and the entry written anew). False when
 * there is no dist/cjs/fupin.cjs (the ES bundle runs instead).
 */
function runCached() {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  // the cache entry's last name part: a --version run caches little of what a validate compiles
  const command = /^[a-z]{2,12}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  // before the script is compiled, after node:vm is (a built-in module compiled under other flags than Node's were
  // built with does without Node's cache of it); a command's entry is always made and read under the same flags
  if (command !== 'other') tuneTiering();
  const file = path.join(__dirname, '..', 'dist', 'cjs', 'fupin.cjs');
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  let cacheFile;
  let cachedData;
  let prefix;
  try {
    const dir = process.env.NODE_COMPILE_CACHE || path.join(tmpdir(), 'node-compile-cache');
    // V8 runs what an entry holds: an entry is read, and written, only in a folder this user owns and no one else may
    // write to (the default folder is in the system's temporary folder, shared by every user of the machine)
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownFolder(fs.statSync(dir))) throw new Error('a cache folder others may write to');
    const key = /^\/\/ fupin-cache-key ([0-9a-f]{16})\n/.exec(source)?.[1];
    if (key === undefined) throw new Error('a start-up file that names no content');
    prefix = `fupin-${process.version}-${process.arch}-`;
    cacheFile = path.join(dir, `${prefix}${key}-${command}.v8`);
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet, or none can be read (in a folder that is not this user's own: none is written either)
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // at the end of the run (the CLI ends the process with process.exit once its output is out): the code it compiled
    process.once('exit', () => {
      try {
        const data = script.createCachedData();
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        try {
          fs.writeFileSync(tmp, data);
          fs.renameSync(tmp, cacheFile);
          // entries of another content (an earlier build or version of fupin) not written for a day are let go; a day's
          // grace keeps two versions of fupin used by turns from removing each other's entries on every run
          const own = path.basename(cacheFile).slice(prefix.length, prefix.length + 16);
          const dir = path.dirname(cacheFile);
          for (const f of fs.readdirSync(dir)) {
            if (!f.startsWith(prefix) || !f.endsWith('.v8') || f.slice(prefix.length, prefix.length + 16) === own) continue;
            if (Date.now() - fs.statSync(path.join(dir, f)).mtimeMs > 86_400_000) fs.rmSync(path.join(dir, f), { force: true });
          }
        } finally {
          fs.rmSync(tmp, { force: true });
        }
      } catch {
        // not written: the next run compiles again
      }
    });
  }
  const cjs = new Module(file);
  cjs.filename = file;
  script.runInThisContext().call(cjs.exports, cjs.exports, Module.createRequire(file), cjs, file, path.dirname(file));
  return true;
}

/**
 * Node 20 (V8 11.3): V8's optimising compiler (TurboFan) inlines less per function (a cumulative 200 bytes of bytecode
 * instead of 920) and starts on a function after twice the default work (interrupt budget 135,168 instead of 67,584).
 * Most of fupin's runs last well under a second: on the 2-core machines it runs on, TurboFan's background threads (four
 * in Node's pool) spent about as much CPU compiling as the main thread spent running (perf, the province rollup), and took
 * the main thread's core from it; the code they made ran for a few milliseconds. Measured 2026-11-27 21:46-21:50 UTC,
 * interleaved medians, each build with its own warmed cache: the province rollup 0.50 → 0.44-0.47 s (CPU 0.74 → 0.60-0.63
 * s, faults 10,100 → 9,160), the 2,000-file folder 2.15 → 2.03 s (CPU 3.19 → 2.68 s), the 50k-row workbook 0.91 → 0.87 s,
 * the 50-row workbook and the 200k-row CSV unchanged, the 1M-row CSV 5.54 → 5.62 s (the one case that runs long enough
 * for fuller inlining to pay: +1.5 %) with 13 MB less memory.
 * Set by runCached before fupin's code is compiled, for a command (not for --version or --help: node:v8 loads Node's
 * streams, ~10 ms, and those runs compile little): V8's code cache records the flags it was made under and rejects an
 * entry made under others, so each command's entry is made and read under the same flags (test/e2e/compile-cache).
 * Heuristics only (no collector flags: a collector's threading changed at run time crashed V8, s27). Other V8 versions
 * name them differently and would print an error for each: there nothing is set. Not in the ES-module path (Node 22,
 * or no cache) nor in the executables (Node 22, whose start-up snapshot and code cache are made under the default flags).
 */
function tuneTiering() {
  if (!process.versions.v8.startsWith('11.3.')) return;
  require('node:v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=200 --interrupt-budget=135168');
}

/**
 * os.tmpdir() without loading node:os (~0.6 ms and ~20 memory pages of every run) where its rule is short: on POSIX it is
 * TMPDIR, TMP or TEMP, else /tmp, without a trailing slash (Node's lib/os.js). Windows asks node:os.
 */
function tmpdir() {
  if (process.platform === 'win32') return require('node:os').tmpdir();
  let dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  return dir;
}

/** A folder only its owner may write to, and that owner is this process's user (always so where there are no user ids). */
function ownFolder(st) {
  if (typeof process.getuid !== 'function') return true;
  return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

