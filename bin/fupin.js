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
  const file = path.join(__dirname, '..', 'dist', 'cjs', 'fupin.cjs');
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  // the cache entry's name ends in the command (a --version run caches little of what a validate compiles) and says
  // whether V8's tiering was tuned: an entry is made and read under one set of V8 flags (V8 rejects any other)
  const command = /^[a-z]{2,12}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const tuned = command !== 'other' && command !== 'serve' && tuneTiering();
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
    cacheFile = path.join(dir, `${prefix}${key}-${command}${tuned ? '-tuned' : ''}.v8`);
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet, or none can be read (in a folder that is not this user's own: none is written either)
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // at the end of the run (the CLI ends the process with process.exit once its output is out): the code it compiled
    process.once('exit', () => {
      try {
        if (tuned) process[Symbol.for('fupin.tiering')].retune();
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
 * Node 20 (V8 11.3), a command that ends when its job is done (not `fupin serve`): V8's optimising compiler (TurboFan)
 * inlines less (a cumulative 200 bytes of bytecode, not 920) and starts on a function after twice the work (interrupt
 * budget 135,168). Most runs last well under a second; on 2 cores TurboFan's four background threads spent about as much
 * CPU as the main thread (perf, the province rollup) and took its core, for code that then ran a few milliseconds. The
 * province rollup 0.50 → 0.44 s, 2,000 files 2.15 → 2.03 s (commit 22727ad has the figures).
 * Called before fupin's code is compiled (the flags are part of what V8's code cache checks) and never for a run whose
 * own command line sets V8's tiering (or freezes V8's flags: changing them would then stop V8). Only heuristics: V8 reads
 * them anew for each function it compiles, so setting them after start-up is safe, unlike a collector's flags (setting
 * --single-threaded-gc at run time crashed V8). A built-in module Node compiles later (node:zlib, a worker's own start)
 * does without Node's cache of it, made under the default flags; a worker's start and a streamed CSV (a long run) ask
 * for the defaults again (src/io/tiering.ts). V8 12 (Node 22, the executables) has no --interrupt-budget and would print
 * an error: there nothing is set. True when the flags were set.
 */
function tuneTiering() {
  if (!process.versions.v8.startsWith('11.3.')) return false;
  // V8 reads its flags with - or _ between words
  const own = /^--(?:no-)?(?:(?:freeze-flags-after-init|jitless|opt|turbofan|max-opt|turbo-inlining)(?:=|$)|interrupt-budget|max-inlined)/;
  if (process.execArgv.some((a) => own.test(a.replace(/_/g, '-')))) return false;
  const v8 = require('node:v8');
  const flags = '--max-inlined-bytecode-size-cumulative=200 --interrupt-budget=135168';
  v8.setFlagsFromString(flags);
  let now = true;
  // src/io/tiering.ts: code that does not suit the tuning (a worker) asks for V8's defaults for the rest of the run;
  // runCached sets the tuning again before it writes the cache entry, which must be made under the flags it is read under
  process[Symbol.for('fupin.tiering')] = {
    untune() {
      if (now) v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=920 --interrupt-budget=67584');
      now = false;
    },
    retune() {
      if (!now) v8.setFlagsFromString(flags);
      now = true;
    },
  };
  return true;
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

