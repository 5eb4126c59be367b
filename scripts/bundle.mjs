// Bundles dist/cli/main.js (built by tsc) into dist/bundle/: one file for start-up, one chunk per lazily loaded
// command, the division list left as JSON next to it. A clerk's one-file check starts ~30 % faster than from
// ~60 separate modules. esbuild-wasm: pure WebAssembly, nothing downloaded or compiled at install time.
import { build } from 'esbuild-wasm';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/bundle');
rmSync(out, { recursive: true, force: true });

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
  logLevel: 'warning',
  plugins: [
    {
      // archiver-utils (under exceljs's streaming writer) calls the deprecated `new Buffer(x)`: Node warns on stderr about
      // it once the code is bundled (no longer under node_modules). The same calls as Buffer.alloc/Buffer.from.
      name: 'no-deprecated-buffer',
      setup(b) {
        b.onLoad({ filter: /archiver-utils[\\/]index\.js$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const text = (await readFile(args.path, 'utf8')).replace('new Buffer(0)', 'Buffer.alloc(0)').replace(/new Buffer\(/g, 'Buffer.from(');
          return { contents: text, loader: 'js' };
        });
      },
    },
  ],
  legalComments: 'none',
});
