// What each command loads before it reads a file: zod (~390 KB, 0.1-0.2 s to load on a busy machine) only when a config
// file or a custom JSON quota table is read — never on the static import path of the entry or of any command. Walks
// the built bundle (dist/bundle, made by `npm run build`) from bin.js: a command's static imports, transitively.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DIR = path.join(ROOT, 'dist/bundle');
const text = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
const staticImports = (f: string) => [...text(f).matchAll(/(?:^|\n)\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]!);
const dynamicImports = (f: string) => [...text(f).matchAll(/import\(["']\.\/([^"']+)["']\)/g)].map((m) => m[1]!);

function closure(f: string, seen = new Set<string>()): Set<string> {
  if (seen.has(f)) return seen;
  seen.add(f);
  for (const g of staticImports(f)) closure(g, seen);
  return seen;
}

describe('start-up path of the built bundle', () => {
  const commands = dynamicImports('bin.js');

  it('finds the commands bin.js loads on demand, and zod among the chunks', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    // the test would pass for nothing if zod were not in the bundle under this name at all
    const all = new Set(commands.flatMap((c) => [...closure(c)]).concat([...closure('bin.js')]));
    const withZod = [...all].flatMap((f) => dynamicImports(f)).some((f) => [...closure(f)].some((g) => text(g).includes('ZodError')));
    expect(withZod).toBe(true);
  });

  it.each(['bin.js', ...dynamicImports('bin.js')])('%s does not load zod before it is needed', (entry) => {
    const loaded = [...closure(entry)].filter((f) => text(f).includes('ZodError'));
    expect(loaded).toEqual([]);
  });
});

// node:crypto costs every run ~8 ms to load: safe-write's temporary names take Web Crypto's getter (loaded when a file is
// written), so nothing on the entry's static path imports it.
describe('node:crypto is not loaded at start', () => {
  it('bin.js and its static imports do not import node:crypto', () => {
    const loading = [...closure('bin.js')].filter((f) => /(?:from|import)\s*["'](?:node:)?crypto["']/.test(text(f)));
    expect(loading).toEqual([]);
  });
});

// Node built-ins a run loads only when it uses them (scripts/bundle.mjs, lazyBuiltins): an ES import of node:process reads
// every property of the process object (stdin opened, process.report loaded: ~150 pages touched, ~3 ms), and commander's
// node:child_process (with dgram and net's child-process parts) is for executable subcommands, which fupin has none of.
describe('built-ins not loaded at start', () => {
  const loaded = new Set([...closure('bin.js'), ...dynamicImports('bin.js').flatMap((c) => [...closure(c)])]);
  it('no ES import of node:process on any command\'s static path', () => {
    expect([...loaded].filter((f) => /(?:from|import)\s*["'](?:node:)?process["']/.test(text(f)))).toEqual([]);
  });
  it('commander requires node:child_process only when it spawns', () => {
    const eager = /^\s*(?:var|let|const)\s+\w+\s*=\s*(?:__)?require\(["'](?:node:)?child_process["']\)/m;
    expect(text('bin.js')).toMatch(/childProcessLoaded \?\?= (?:__)?require\(["']node:child_process["']\)/);
    expect([...closure('bin.js')].filter((f) => eager.test(text(f)))).toEqual([]);
  });
});

// scripts/bundle.mjs writes every character above U+007F as an escape: V8 then keeps the source one byte per character
// (the one-file build's ~7 MB, twice that in the executable's start-up snapshot otherwise) and Node decodes it on its
// ASCII fast path. The files bin.js loads, the workers and the one-file build.
describe('built code is ASCII', () => {
  const loaded = new Set([...closure('bin.js'), ...dynamicImports('bin.js').flatMap((c) => [...closure(c)])]);
  it.each([...loaded, 'parse-worker.cjs', 'legacy-worker.cjs', '../fupin.cjs', '../cjs/fupin.cjs', '../cjs/zod.cjs', '../cjs/exceljs.cjs'])('%s', (f) => {
    const code = readFileSync(path.join(DIR, f), 'utf8');
    expect(code.length).toBeGreaterThan(100);
    expect(code.match(/[^\x00-\x7f]/u)?.[0]).toBeUndefined();
  });
});

// dist/cjs/fupin.cjs (bin/fupin.js on Node 20, run from a V8 code cache): every run reads it whole, so exceljs and zod are
// files of their own beside it, required when first used; and it has no import() left, which code compiled from a cache
// could not run (no loader callback).
describe('the code-cached start-up file', () => {
  const cjs = readFileSync(path.join(ROOT, 'dist/cjs/fupin.cjs'), 'utf8');
  it('is one function expression, wrapped as Node wraps a CommonJS module (bin/fupin.js compiles it as it is)', () => {
    const body = cjs.slice(cjs.indexOf('\n') + 1);
    expect(body.startsWith('(function (exports, require, module, __filename, __dirname) { ')).toBe(true);
    expect(body.endsWith('\n})')).toBe(true);
  });
  it('has no dynamic import', () => {
    expect(cjs.match(/\bimport\(/g)).toBeNull();
  });
  it('carries neither exceljs nor zod, and requires them only inside code run on demand', () => {
    expect(cjs).not.toContain('ZodError');
    expect(cjs).not.toContain('ExcelJS');
    expect(readFileSync(path.join(ROOT, 'dist/cjs/exceljs.cjs'), 'utf8')).toContain('ExcelJS');
    expect(cjs).toMatch(/require\("\.\/zod\.cjs"\)/);
    expect(cjs).toMatch(/require\("\.\/exceljs\.cjs"\)/);
    expect(readFileSync(path.join(ROOT, 'dist/cjs/zod.cjs'), 'utf8')).toContain('ZodError');
    // fupin's own code only (~0.8 MB minified; with exceljs and zod it was 2 MB)
    expect(cjs.length).toBeLessThan(1_200_000);
  });
});
