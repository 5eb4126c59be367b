// Bundles the tsc output (dist/cli/bin.js) twice, with esbuild-wasm (pure WebAssembly, nothing downloaded at install):
// - dist/bundle/: ES modules for bin/fupin.js, one file for start-up and one chunk per lazily loaded command, the division
//   index read from dist/data/divisions.bin beside it (a clerk's one-file check starts ~30 % faster than from ~60 separate
//   modules);
// - dist/fupin.cjs: everything in one CommonJS file that runs with nothing beside it (`node fupin.cjs …`): the packed
//   division index, the templates, fupin serve's page (web/) and the version are inside. It is what a ledger vendors under .fupin/ and what the executables run.
//
// The parse worker (src/io/parse-worker.ts: files read and parsed ahead of the main thread) is bundled the same way, as
// dist/bundle/parse-worker.cjs, its text replacing src/io/parse-worker-code.ts (`parseWorker`).
// The legacy-format worker (.xls/.et/.ods/.xlsb through SheetJS, src/io/legacy-worker.ts) is bundled first, on its own,
// as dist/bundle/legacy-worker.cjs (one CommonJS file with the library in it); its text then replaces the module
// src/io/legacy-worker-code.ts (`legacyWorker`), so the worker starts from that text and needs no file at run time. In the
// one-file build both workers' texts are embedded files instead (`oneFileWorkers`), which the executables keep as assets.
import { build } from 'esbuild-wasm';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rebuildInPlace } from './lib/swap-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

// ── the plugins both builds use ──────────────────────────────────────────────────────────────
/**
 * archiver-utils (under exceljs's streaming writer) calls the deprecated `new Buffer(x)`: Node warns on stderr about it
 * once the code is bundled (no longer under node_modules). The same calls as Buffer.alloc/Buffer.from.
 */
const noDeprecatedBuffer = {
  name: 'no-deprecated-buffer',
  setup(b) {
    b.onLoad({ filter: /archiver-utils[\\/]index\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace('new Buffer(0)', 'Buffer.alloc(0)').replace(/new Buffer\(/g, 'Buffer.from('),
      loader: 'js',
    }));
  },
};

/**
 * zod's `z` namespace (and zod/v4/core's) carries `locales`, every language's error messages (64 modules, ~40 % of zod's code in the
 * bundle): esbuild cannot drop them from the namespace, so every run compiled them (~the zod chunk's 100 ms under
 * load). fupin never reads `z.locales` (its messages come from its own catalogue; zod's English default stays): an empty
 * namespace instead.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales', namespace: 'fupin-empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'fupin-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * Node built-ins a run loads only when it uses them. Every page a process touches costs here (a fresh page ~15-40 µs on the
 * virtual machines fupin is measured on), and each built-in module is compiled and run when first loaded:
 * - `import process from 'node:process'` (chalk's supports-color) makes an ES module of the process object, which reads
 *   every property of it: process.stdin is opened, process.report loaded (~150 pages, ~3 ms of a 50-row validate). The
 *   global is the same object, read by nothing but its getters' owners.
 * - commander requires node:child_process at load for the one thing fupin never does with it (run an executable
 *   subcommand): child_process, dgram and their internals are loaded when `spawn` is first called instead.
 */
/** The node:fs/promises functions fupin's code imports (lazyBuiltins: each loads the module when first called). */
const LAZY_FSP = ['access', 'appendFile', 'copyFile', 'link', 'lstat', 'mkdir', 'mkdtemp', 'open', 'opendir', 'readdir', 'readFile', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'unlink', 'utimes', 'writeFile'];

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    // only chalk's vendored supports-color, whose one use is a default import: another importer (a namespace import
    // would get nothing but `default`) stops the build rather than run with a process of undefined properties
    b.onResolve({ filter: /^(node:)?process$/ }, (args) => {
      if (args.kind !== 'import-statement') return undefined;
      if (!/[\\/]supports-color[\\/]index\.js$/.test(args.importer)) throw new Error(`bundle: ${args.importer} imports node:process; lazy-builtins rewrites only supports-color's default import (scripts/bundle.mjs)`);
      return { path: 'process', namespace: 'fupin-process' };
    });
    b.onLoad({ filter: /.*/, namespace: 'fupin-process' }, () => ({ contents: 'export default process;', loader: 'js' }));
    // fupin's own `import { readFile } from 'node:fs/promises'`: functions that load the module when first called. A
    // bundled module's imports run when the code loads, and Node 20's fs/promises loads readline's interface with it
    // (~5 ms and ~200 memory pages on every run, --version included) while a one-file check or a folder of xlsx reads
    // with blocking calls and may call none of them. A name this list lacks fails the build (esbuild: no such export).
    b.onResolve({ filter: /^(node:)?fs\/promises$/ }, (args) =>
      args.kind === 'import-statement' && /[\\/]dist[\\/]/.test(args.importer) && !/[\\/]node_modules[\\/]/.test(args.importer)
        ? { path: 'fs/promises', namespace: 'fupin-lazy-fsp' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'fupin-lazy-fsp' }, () => ({
      contents: `let fsp;\nconst fs = () => (fsp ??= require('node:fs/promises'));\n${LAZY_FSP.map((n) => `export const ${n} = (...a) => fs().${n}(...a);\n`).join('')}`,
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!code.includes(eager)) throw new Error('bundle: commander no longer requires node:child_process as scripts/bundle.mjs expects (lazy-builtins)');
      return {
        contents: code.replace(eager, "let childProcessLoaded;\nconst childProcess = { spawn: (...a) => (childProcessLoaded ??= require('node:child_process')).spawn(...a) };"),
        loader: 'js',
      };
    });
  },
};

// ── ASCII output ─────────────────────────────────────────────────────────────────────────────
/**
 * The code with every character above U+007F written as a \uXXXX escape (esbuild escapes them in strings, not in regular
 * expressions nor comments). V8 keeps an all-ASCII source as one byte per character, and Node decodes it on its fast
 * path: a source with one Chinese character in a regex is two bytes per character throughout (the one-file build's
 * ~8 MB source was 16 MB in the Linux executable's start-up snapshot, read on every start) and is decoded as UTF-8 on
 * every run. An escape means the same character in a string, a template, a regular expression (with or without the u
 * flag) and a comment; `\X` (an identity escape of a non-ASCII character) becomes the escape alone. No code here uses
 * String.raw, where the raw text of a template would show the difference.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    const esc = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + esc;
  });
}

/** asciiOnly over the .js/.cjs files of a folder, in place. */
function asciiFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (!/\.c?js$/.test(name)) continue;
    const file = path.join(dir, name);
    const code = readFileSync(file, 'utf8');
    const ascii = asciiOnly(code);
    if (ascii !== code) writeFileSync(file, ascii);
  }
}

// ── tables made now rather than on every run ─────────────────────────────────────────────────
// The division index with every table it derives from the list (name forms, name → places maps, the township names with
// their counties …) is made here from the tsc output and packed into dist/data/divisions.bin (src/core/divisions-packed.ts),
// which both builds read in place: no run parses the list's JSON nor builds a Map over its names. The file names the byte
// length of dist/data/divisions.json it was made from: a list changed without this step is read itself (slower, the same).
{
  const file = path.join(dist, 'data', 'divisions.json');
  const text = readFileSync(file);
  const data = JSON.parse(text.toString('utf8'));
  // (a dist/data/divisions.json from before carried township tables of its own: gone, the list alone is read)
  delete data.townTable;
  const { DivisionIndex } = await import(pathToFileURL(path.join(dist, 'core', 'divisions.js')).href);
  const { packDivisions } = await import(pathToFileURL(path.join(dist, 'core', 'divisions-packed.js')).href);
  const bytes = packDivisions(new DivisionIndex(data).packTables(text.length));
  const bin = path.join(dist, 'data', 'divisions.bin');
  // renamed into place: a fupin started by another build's tests never reads it half written
  if (bytes) {
    writeFileSync(`${bin}.${process.pid}.tmp`, bytes);
    renameSync(`${bin}.${process.pid}.tmp`, bin);
  } else {
    // (the one-file build carries the packed index only: a big-endian machine reads it, but does not write it)
    process.stderr.write('bundle: the packed division index is made on a little-endian machine only\n');
    process.exit(1);
  }
  // the township tables of earlier builds
  rmSync(path.join(dist, 'data', 'town-table.bin'), { force: true });
}

// The built-in quota tables are checked here, with zod, as a custom JSON table is (src/core/quota/builtin-check.ts): a run
// reads them without zod, so a table that does not pass fails the build, never a clerk's run.
{
  const read = (name) => JSON.parse(readFileSync(path.join(dist, 'data', name), 'utf8'));
  const { DivisionIndex } = await import(pathToFileURL(path.join(dist, 'core', 'divisions.js')).href);
  const { builtinQuotaTableFaults } = await import(pathToFileURL(path.join(dist, 'core', 'quota', 'builtin-check.js')).href);
  const faults = builtinQuotaTableFaults(new DivisionIndex(read('divisions.json')), read('provinces.json'), read('quota-tables.json'));
  if (faults.length) {
    process.stderr.write(`bundle: the built-in quota tables (src/data/quota-tables.json) do not pass their check:\n${faults.map((f) => `  ${f}\n`).join('')}`);
    process.exit(1);
  }
}

const out = path.join(dist, 'bundle');

// dist/bundle is built beside itself and moved in file by file, bin.js last (scripts/lib/swap-dir.mjs): a fupin already
// running from it (a test, a clerk's long rollup) never misses a chunk it loads later. Before, `rm -rf dist/bundle` under
// a running CLI made it exit 2 with "Cannot find module …/chunk-….js" (the `rollup -o` test flake).
/** Replaces src/io/legacy-worker-code.ts by the worker's text in both builds (set once the worker is built). */
/**
 * A worker (dist/io/<name>.js) bundled on its own as <tmp>/<name>.cjs; returns the plugin that replaces the module
 * src/io/<name>-code.ts by that text (`export const <exported> = "…"`), for both builds.
 */
async function workerText(tmp, name, exported, plugins = []) {
  const file = path.join(tmp, `${name}.cjs`);
  await build({
    entryPoints: [path.join(dist, 'io', `${name}.js`)],
    outfile: file,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const code = asciiOnly(readFileSync(file, 'utf8'));
  workerCodes[`dist/bundle/${name}.cjs`] = code;
  const filter = new RegExp(`[\\\\/]io[\\\\/]${name}-code\\.js$`);
  return {
    name: `fupin-${name}-code`,
    setup(b) {
      b.onLoad({ filter }, () => ({ contents: `export const ${exported} = ${JSON.stringify(code)};\n`, loader: 'js' }));
    },
  };
}

/** The workers' code by the package path of its file (dist/bundle/legacy-worker.cjs …), as workerText made it. */
const workerCodes = {};

/**
 * The one-file build's worker modules: the text is one of its embedded files (oneFile, below), read when the module is
 * first imported (a legacy file read, a parse pool started). The executables then keep it as an asset beside their main
 * script (scripts/release.mjs moves every embedded file out): not ~2.1 MB of their script's source, which the Linux
 * executable's start-up snapshot carried and every start read.
 */
const oneFileWorkers = {
  name: 'fupin-one-file-workers',
  setup(b) {
    for (const [name, exported] of [['legacy-worker', 'LEGACY_WORKER_CODE'], ['parse-worker', 'PARSE_WORKER_CODE']]) {
      b.onLoad({ filter: new RegExp(`[\\\\/]io[\\\\/]${name}-code\\.js$`) }, () => ({
        contents: `import { EMBEDDED } from './embedded.js';\nexport const ${exported} = Buffer.from(EMBEDDED.files[${JSON.stringify(`dist/bundle/${name}.cjs`)}], 'base64').toString('utf8');\n`,
        loader: 'js',
      }));
    }
  },
};

let legacyWorker;
/** Replaces src/io/parse-worker-code.ts by the parse worker's text in both builds. */
let parseWorker;
await rebuildInPlace(out, async (tmp) => {
  /** The legacy worker (tsc output + @e965/xlsx + its code pages) as one CommonJS file; its text goes into both builds. */
  legacyWorker = await workerText(tmp, 'legacy-worker', 'LEGACY_WORKER_CODE');

  /**
   * The parse worker (src/io/parse-worker.ts, the readers only), the same way. It never reads .xls/.ods/.xlsb (it leaves
   * them to the main thread) nor writes a workbook: the legacy reader and exceljs, imported lazily by the modules it
   * shares, are left out (a module that throws if ever loaded), so it starts quickly.
   */
  parseWorker = await workerText(tmp, 'parse-worker', 'PARSE_WORKER_CODE', [
    {
      name: 'parse-worker-readers-only',
      setup(b) {
        b.onResolve({ filter: /^(\.\/legacy\.js|exceljs)$/ }, (args) => ({ path: args.path, namespace: 'fupin-not-in-parse-worker' }));
        b.onLoad({ filter: /.*/, namespace: 'fupin-not-in-parse-worker' }, (args) => ({
          contents: `throw new Error(${JSON.stringify(`${args.path} is not in the parse worker`)});`,
          loader: 'js',
        }));
      },
    },
  ]);

  // ── dist/bundle: the package's own start-up bundle ─────────────────────────────────────────────
  await build({
    entryPoints: [path.join(dist, 'cli/bin.js')],
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // the division list stays a JSON file, imported only when the packed index beside it is missing or older than it
    external: ['../data/divisions.json'],
    // CommonJS dependencies (commander, cli-table3, csv-parse's cjs parts) need require in an ES module bundle
    banner: { js: "import { createRequire as __fupinCreateRequire } from 'node:module'; const require = __fupinCreateRequire(import.meta.url);" },
    plugins: [legacyWorker, parseWorker, noDeprecatedBuffer, noZodLocales, lazyBuiltins],
    logLevel: 'warning',
    legalComments: 'none',
  });
  asciiFiles(tmp);
}, ['bin.js']);

// ── dist/cjs/exceljs.cjs, zod.cjs: the two large libraries, each one CommonJS file of its own ───────────────────
/**
 * exceljs (with its ~600 KB of dependencies: writing a workbook) and zod (~450 KB: reading a config file or a JSON quota
 * table), each bundled alone. dist/cjs/fupin.cjs (below) requires them from beside it when first used, and the one-file
 * build carries their text as embedded files, compiled when first used (embeddedLibs): every run of either reads its
 * main file whole, and the Linux executable's start-up snapshot holds its main script's source, so neither holds them.
 */
const libCodes = {};
{
  mkdirSync(path.join(dist, 'cjs'), { recursive: true });
  const libs = { exceljs: "module.exports = require('exceljs');\n", zod: "export * from 'zod';\n" };
  for (const [lib, contents] of Object.entries(libs)) {
    const libOut = path.join(dist, 'cjs', `${lib}.cjs`);
    const libTmp = `${libOut}.${process.pid}.tmp`;
    await build({
      stdin: { contents, resolveDir: root, sourcefile: `${lib}-cjs.js` },
      outfile: libTmp,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      plugins: [noDeprecatedBuffer, noZodLocales, lazyBuiltins],
      logLevel: 'warning',
      legalComments: 'none',
    });
    const code = asciiOnly(readFileSync(libTmp, 'utf8'));
    writeFileSync(libTmp, code);
    renameSync(libTmp, libOut);
    libCodes[`dist/cjs/${lib}.cjs`] = code;
  }
}

/**
 * The one-file build's exceljs and zod: the module evaluates the library's embedded text (libCodes) when it is first
 * required — both are imported only by code loaded on demand (src/io/xlsx.ts, config-parse.ts, quota/parse-json.ts).
 * Their code needs only Node's built-ins, which the executables' require gives.
 */
const embeddedLibs = {
  name: 'fupin-embedded-libs',
  setup(b) {
    b.onResolve({ filter: /^(?:exceljs|zod)$/ }, (args) => ({ path: args.path, namespace: 'fupin-embedded-lib' }));
    b.onLoad({ filter: /.*/, namespace: 'fupin-embedded-lib' }, (args) => ({
      contents: `const { EMBEDDED } = require(${JSON.stringify(path.join(dist, 'io', 'embedded.js'))});
const code = Buffer.from(EMBEDDED.files[${JSON.stringify(`dist/cjs/${args.path}.cjs`)}], 'base64').toString('latin1');
const lib = { exports: {} };
require('node:vm').runInThisContext(require('node:module').wrap(code), { filename: ${JSON.stringify(`fupin/${args.path}.cjs`)} })(lib.exports, require, lib, ${JSON.stringify(`${args.path}.cjs`)}, '.');
module.exports = lib.exports;
`,
      loader: 'js',
      resolveDir: dist,
    }));
  },
};

// ── dist/fupin.cjs: one file, nothing beside it ───────────────────────────────────────────────
/** Package files the one-file build carries (read through src/io/package-root.ts readPackageFile). */
function embeddedFiles() {
  const files = {};
  for (const name of readdirSync(path.join(root, 'templates')).filter((n) => n.endsWith('.xlsx')).sort()) {
    files[`templates/${name}`] = readFileSync(path.join(root, 'templates', name)).toString('base64');
  }
  // the packed division index (src/io/divisions.ts reads it from here in this build)
  files['dist/data/divisions.bin'] = readFileSync(path.join(dist, 'data', 'divisions.bin')).toString('base64');
  // the workers' code (oneFileWorkers)
  for (const [name, code] of Object.entries(workerCodes)) files[name] = Buffer.from(code).toString('base64');
  // exceljs and zod (embeddedLibs)
  for (const [name, code] of Object.entries(libCodes)) files[name] = Buffer.from(code).toString('base64');
  // fupin serve's page (web/: index.html, app.js, app.css)
  for (const name of readdirSync(path.join(root, 'web')).sort()) files[`web/${name}`] = readFileSync(path.join(root, 'web', name)).toString('base64');
  return files;
}

const oneFile = {
  name: 'fupin-one-file',
  setup(b) {
    // src/io/embedded.ts is empty in the package; here it carries the version and the templates
    // each file's text behind a getter: a literal in a function not yet run is only in the source, never a string on the
    // heap — a run (or the Linux executable's start-up snapshot) holds the files it reads, not all ~3 MB of them
    b.onLoad({ filter: /[\\/]io[\\/]embedded\.js$/ }, () => ({
      contents: `export const EMBEDDED = { version: ${JSON.stringify(pkg.version)}, files: {\n${Object.entries(embeddedFiles())
        .map(([name, b64]) => `  get ${JSON.stringify(name)}() { return ${JSON.stringify(b64)}; },\n`)
        .join('')}} };`,
      loader: 'js',
    }));
    // no division list: the one-file build reads the packed index it carries (dist/data/divisions.bin, any machine
    // reads it), never the list (~1 MB less to load, and to keep in the executable's start-up snapshot)
    b.onLoad({ filter: /[\\/]data[\\/]divisions\.json$/ }, () => ({
      contents: 'throw new Error("the one-file build carries the packed division index only");',
      loader: 'js',
    }));

  },
};

/**
 * The one-file build's entry. Run as a script it runs the command line. Run to build a start-up snapshot (the Linux
 * executable's, scripts/release.mjs: `useSnapshot`), it loads the code and the division index now, and leaves the
 * command line to the snapshot's main function: everything that reads argv, the environment, the working folder, the clock
 * or the terminal happens when the executable runs, never while the snapshot is made (src/cli/snapshot.ts).
 */
const ONE_FILE_ENTRY = `import { mainThenExit } from './cli/bin.js';
import { buildingSnapshot, prepareSnapshot } from './cli/snapshot.js';
if (buildingSnapshot()) prepareSnapshot(mainThenExit);
else mainThenExit();
`;

// written beside dist/fupin.cjs and renamed over it: a `node dist/fupin.cjs` running meanwhile keeps its whole file
const oneFileTmp = path.join(dist, `fupin.cjs.${process.pid}.tmp`);
await build({
  stdin: { contents: ONE_FILE_ENTRY, resolveDir: dist, sourcefile: 'fupin-one-file.js' },
  outfile: oneFileTmp,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  plugins: [embeddedLibs, oneFile, oneFileWorkers, noDeprecatedBuffer, noZodLocales, lazyBuiltins],
  // The first line names what this is: `fupin init --update` reads the version from it.
  banner: { js: `// fupin ${pkg.version} - one-file build (node fupin.cjs --help). MIT licence; the bundled libraries' notices are at the end.` },
  // package-root.ts only reads import.meta.url when nothing is embedded, which is never the case here
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
  legalComments: 'eof',
});
// A dynamic import of a Node built-in (src/cli/ledger.ts: `await import('node:fs/promises')`) becomes a require: the one-file
// build then runs as a plain script wherever it is compiled with a V8 code cache (vm.Script with cachedData, a SEA with
// useCodeCache), where import() needs a loader callback the cached code does not carry ("A dynamic import callback was not
// specified").
{
  const code = readFileSync(oneFileTmp, 'utf8');
  const plain = asciiOnly(code.replace(/\bimport\("(node:[\w/]+)"\)/g, 'Promise.resolve(require("$1"))'));
  if (plain !== code) writeFileSync(oneFileTmp, plain);
}
renameSync(oneFileTmp, path.join(dist, 'fupin.cjs'));

// ── dist/cjs/fupin.cjs: the start-up file of bin/fupin.js on Node 20 ──────────────────────────────
/**
 * Node 20 has no compile cache for ES modules (module.enableCompileCache is Node ≥ 22.1): every run of `node bin/fupin.js`
 * parsed and compiled dist/bundle's ~1 MB of start-up chunks anew, reading ~25 files through the ES module loader. There,
 * bin/fupin.js runs this file instead: the whole CLI as one CommonJS script, compiled through vm.Script with a V8 code
 * cache it keeps beside Node's own (bin/fupin.js). It is the package's code, not the one-file build: nothing embedded (the
 * packed index, the templates and the workers' code are read from the package folder, as dist/bundle reads them), the
 * division list left out (read from dist/data when the packed index is missing or older), minified as the one-file build
 * is (less source to read on every start). `import.meta.url` is this file's URL (dist/cjs/ is beside dist/bundle/, so
 * '../data/…' is the same folder).
 */
{
  const cjsOut = path.join(dist, 'cjs', 'fupin.cjs');
  const cjsTmp = `${cjsOut}.${process.pid}.tmp`;
  // the workers' code is read from dist/bundle when a worker starts (src/io/legacy.ts, parse-pool.ts), not carried here
  const workersFromFiles = {
    name: 'fupin-workers-from-files',
    setup(b) {
      b.onLoad({ filter: /[\\/]io[\\/](?:legacy|parse)-worker-code\.js$/ }, (args) => ({
        contents: `export const ${/legacy/.test(path.basename(args.path)) ? 'LEGACY_WORKER_CODE' : 'PARSE_WORKER_CODE'} = undefined;\n`,
        loader: 'js',
      }));
    },
  };
  // exceljs and zod: required from beside it when first used (dist/cjs/exceljs.cjs, zod.cjs, made above)
  const libsApart = {
    name: 'fupin-libs-apart',
    setup(b) {
      b.onResolve({ filter: /^(?:exceljs|zod)$/ }, (args) => ({ path: `./${args.path}.cjs`, external: true }));
    },
  };
  await build({
    stdin: { contents: "import { mainThenExit } from './cli/bin.js';\nmainThenExit();\n", resolveDir: dist, sourcefile: 'fupin-cjs.js' },
    outfile: cjsTmp,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    external: ['../data/divisions.json'],
    define: { 'import.meta.url': '__fupinImportMetaUrl' },
    banner: { js: `// fupin ${pkg.version} - bin/fupin.js's start-up file on Node 20 (scripts/bundle.mjs)\nvar __fupinImportMetaUrl=require("node:url").pathToFileURL(__filename).href;` },
    plugins: [libsApart, workersFromFiles, noDeprecatedBuffer, noZodLocales, lazyBuiltins],
    logLevel: 'warning',
    legalComments: 'none',
  });
  // dynamic imports become requires (code compiled from a V8 code cache, like the one-file build's, is then never asked
  // for a loader callback): the Node built-ins, exceljs, and the division list (src/io/divisions.ts reads its `default`)
  const code = readFileSync(cjsTmp, 'utf8')
    .replace(/\bimport\("(node:[\w/]+|\.\/(?:exceljs|zod)\.cjs)"\)/g, 'Promise.resolve(require("$1"))')
    .replace(/\bimport\("\.\.\/data\/divisions\.json",\s*\{\s*with:\s*\{\s*type:\s*"json"\s*\}\s*\}\)/g, 'Promise.resolve({default:require("../data/divisions.json")})');
  const left = code.match(/\bimport\(/g);
  if (left) throw new Error(`bundle: dist/cjs/fupin.cjs still has ${left.length} import() (a CommonJS file run from a code cache has no loader for them)`);
  // its first line names the code by its content: bin/fupin.js keys its cache entries by it (V8 checks an entry against
  // the source's length only, so an entry named by size and time could run an older fupin's code after an update)
  // written already wrapped as Node wraps a CommonJS module (bin/fupin.js compiles it as it is and calls the function):
  // Module.wrap's concatenation was flattened by V8 into a second 0.8 MB copy of the source on every run
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${asciiOnly(code)}\n})`;
  const key = createHash('sha256').update(wrapped).digest('hex').slice(0, 16);
  writeFileSync(cjsTmp, `// fupin-cache-key ${key}\n${wrapped}`);
  renameSync(cjsTmp, cjsOut);
}
