// Bundles dist/cli/main.js (built by tsc) into dist/bundle/: one file for start-up, one chunk per lazily loaded
// command, the division list left as JSON next to it. A clerk's one-file check starts ~30 % faster than from
// ~60 separate modules. esbuild-wasm: pure WebAssembly, nothing downloaded or compiled at install time.
//
// The legacy-format worker (.xls/.et/.ods/.xlsb through SheetJS, src/io/legacy-worker.ts) is bundled first, on its
// own, as dist/bundle/legacy-worker.cjs (one CommonJS file with the library in it); its text then replaces the module
// src/io/legacy-worker-code.ts in the main bundle (`legacyWorkerPlugin`), so the worker starts from that text and
// needs no file at run time. A one-file build (a Node single executable) bundling dist/cli/main.js gets the same by
// using `legacyWorkerPlugin(await buildLegacyWorker())` in its own esbuild call.
import { build } from 'esbuild-wasm';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/bundle');

/** Bundle the worker (tsc output + @e965/xlsx + its code pages) into dist/bundle/legacy-worker.cjs; returns its text. */
export async function buildLegacyWorker() {
  const file = path.join(out, 'legacy-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'dist/io/legacy-worker.js')],
    outfile: file,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
  });
  return readFileSync(file, 'utf8');
}

/**
 * archiver-utils (under exceljs's streaming writer) calls the deprecated `new Buffer(x)`: Node warns on stderr about it
 * once the code is bundled (no longer under node_modules). The same calls as Buffer.alloc/Buffer.from.
 */
export const noDeprecatedBuffer = {
  name: 'no-deprecated-buffer',
  setup(b) {
    b.onLoad({ filter: /archiver-utils[\\/]index\.js$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8').replace('new Buffer(0)', 'Buffer.alloc(0)').replace(/new Buffer\(/g, 'Buffer.from(');
      return { contents: text, loader: 'js' };
    });
  },
};

/** An esbuild plugin giving src/io/legacy-worker-code.ts (as dist/io/legacy-worker-code.js) the worker's text. */
export function legacyWorkerPlugin(code) {
  return {
    name: 'fupin-legacy-worker-code',
    setup(b) {
      b.onLoad({ filter: /[\\/]io[\\/]legacy-worker-code\.js$/ }, () => ({
        contents: `export const LEGACY_WORKER_CODE = ${JSON.stringify(code)};\n`,
        loader: 'js',
      }));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  rmSync(out, { recursive: true, force: true });
  const workerCode = await buildLegacyWorker();
  await build({
    entryPoints: [path.join(root, 'dist/cli/main.js')],
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // the division list stays a JSON file imported at run time (dist/data/divisions.json), not a JS literal
    external: ['../data/divisions.json'],
    // CommonJS dependencies (commander, cli-table3, csv-parse's cjs parts) need require in an ES module bundle
    banner: { js: "import { createRequire as __fupinCreateRequire } from 'node:module'; const require = __fupinCreateRequire(import.meta.url);" },
    plugins: [legacyWorkerPlugin(workerCode), noDeprecatedBuffer],
    logLevel: 'warning',
    legalComments: 'none',
  });
}
