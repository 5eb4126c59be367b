// What a run loads before it needs it (start-up, s27): bin/fupin.js is a CommonJS script (no ES module loader set up
// for the entry on Node 20), node:worker_threads is loaded only when a parse pool opens, and rollup loads its terminal
// table (chalk, node:tty), its CSV writer and the 统计表 workbook's code only for the format or output that asks for them.
// Each lazy path still prints what it printed (every format, every output kind); the preload below lists the modules
// Node loaded by the end of the run (process.moduleLoadList).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fupin, ROOT, tempDir } from './helpers.js';

const hasNodeCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const LEDGER = path.join(ROOT, 'fixtures/ledger');

describe('modules loaded at start', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const preload = path.join(tmp.dir, 'loaded.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.FUPIN_TEST_LOADED, process.moduleLoadList.join('\\n')));\n");
  let n = 0;
  /** The run's result and the built-in modules it loaded. */
  const run = (args: string[], env: Record<string, string> = {}) => {
    const list = path.join(tmp.dir, `loaded-${n++}.txt`);
    const r = fupin(args, { env: { ...env, NODE_OPTIONS: `-r ${preload}`, FUPIN_TEST_LOADED: list } });
    const loaded = existsSync(list) ? readFileSync(list, 'utf8').split('\n') : [];
    return { ...r, loaded: (name: string) => loaded.includes(`NativeModule ${name}`) };
  };

  it('bin/fupin.js is a CommonJS script', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'bin/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // Node 20 runs dist/cjs/fupin.cjs: no ES module is loaded, so the loader never makes a module job (Node ≥ 22.1 imports
    // dist/bundle's ES modules from the script)
    if (!hasNodeCache) expect(r.loaded('internal/modules/esm/module_job')).toBe(false);
  });

  it('a rollup to JSON loads neither the terminal table (node:tty) nor node:worker_threads; workers asked for load it', () => {
    const json = run(['rollup', '--format', 'json', LEDGER]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toHaveProperty('rows');
    expect(json.loaded('worker_threads')).toBe(false);
    expect(json.loaded('tty')).toBe(false);
    const pooled = run(['rollup', '--format', 'json', LEDGER], { FUPIN_WORKERS: '1', FUPIN_WORKERS_WAIT: '1' });
    expect(pooled.loaded('worker_threads')).toBe(true);
    expect(pooled.stdout).toBe(json.stdout);
    expect(pooled.code).toBe(json.code);
  });

  it('a validate to JSON loads neither node:worker_threads nor node:fs/promises', () => {
    const r = run(['validate', '--format', 'json', path.join(LEDGER, '永州市/零陵区.xlsx')]);
    expect(JSON.parse(r.stdout)).toHaveProperty('files');
    expect(r.loaded('worker_threads')).toBe(false);
    // the bundles' fs/promises functions load the module when first called (scripts/bundle.mjs lazyBuiltins), and
    // nothing a one-file check runs calls one: the ledger's config is looked for with blocking calls
    expect(r.loaded('fs/promises')).toBe(false);
    expect(run(['--version']).loaded('fs/promises')).toBe(false);
  });

  it('a command that calls fs/promises loads it then, and works (a ledger with its config; a file written)', () => {
    const out = path.join(tmp.dir, 'check.json');
    const r = run(['check', '--format', 'json', '-o', out, LEDGER]);
    expect(r.code).toBeLessThan(2);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('validate');
  });
});

describe('rollup: formats and outputs loaded on demand', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('pretty (with and without colour), CSV and every -o kind print and write what they did', async () => {
    const pretty = fupin(['rollup', LEDGER]);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('合计');
    const coloured = fupin(['rollup', LEDGER], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toContain('\u001b[');
    const csv = fupin(['rollup', '--format', 'csv', LEDGER]);
    expect(csv.code).toBe(1);
    expect(csv.stdout.split('\n')[0]).toContain(',');
    const json = fupin(['rollup', '--format', 'json', LEDGER]);

    const outCsv = path.join(tmp.dir, 'r.csv');
    const outJson = path.join(tmp.dir, 'r.json');
    const outXlsx = path.join(tmp.dir, 'r.xlsx');
    expect(fupin(['rollup', '--format', 'json', '-o', outCsv, LEDGER]).stdout).toBe(json.stdout);
    expect(readFileSync(outCsv, 'utf8')).toBe(csv.stdout);
    fupin(['rollup', '--format', 'json', '-o', outJson, LEDGER]);
    expect(readFileSync(outJson, 'utf8')).toBe(json.stdout);
    const x = fupin(['rollup', '--format', 'json', '--by', 'city', '--date', '2026年11月27日', '-o', outXlsx, LEDGER]);
    expect(x.code).toBe(json.code);
    // the 统计表 reads back as the table it was written from (the workbook's code, loaded on demand, wrote it)
    const back = fupin(['rollup', '--format', 'json', outXlsx]);
    expect(JSON.parse(back.stdout).total).toEqual(JSON.parse(json.stdout).total);
    expect(existsSync(path.join(tmp.dir, 'r-怀化市.xlsx'))).toBe(true);
  });
});

// stdout and stderr to a file, a pipe or a socket are written with blocking writes on the descriptor (src/cli/io.ts
// standardWriter): no net.Socket made for a pipe. What is printed, where and with which exit code stays as it was.
describe('output written on the descriptor', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const big = ['validate', '--format', 'json', path.join(ROOT, 'fixtures/ledger')];
  const sh = (script: string) => spawnSync('sh', ['-c', script], { cwd: tmp.dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const node = JSON.stringify(process.execPath);
  const bin = JSON.stringify(BIN);
  const args = big.map((a) => JSON.stringify(a)).join(' ');

  it('a pipe (a socket here) and a file get the same bytes, stderr too; node:net is not loaded', () => {
    const piped = fupin(big);
    expect(piped.stdout.length).toBeGreaterThan(100_000); // more than a pipe holds: written in pieces
    const r = sh(`${node} ${bin} ${args} > out.json 2> err.txt; echo $? > rc.txt`);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(tmp.dir, 'out.json'), 'utf8')).toBe(piped.stdout);
    expect(readFileSync(path.join(tmp.dir, 'err.txt'), 'utf8')).toBe(piped.stderr);
    expect(Number(readFileSync(path.join(tmp.dir, 'rc.txt'), 'utf8'))).toBe(piped.code);
    // through a real pipe to a slow reader
    const slow = sh(`${node} ${bin} ${args} | (sleep 0.3; cat)`);
    expect(slow.stdout).toBe(piped.stdout);
    const err = sh(`${node} ${bin} valdiate 2>&1 >/dev/null | cat`);
    expect(err.stdout).toMatch(/valdiate/);
    const preload = path.join(tmp.dir, 'net.cjs');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.FUPIN_TEST_LOADED, String(process.moduleLoadList.includes('NativeModule net'))));\n");
    const list = path.join(tmp.dir, 'net.txt');
    fupin(big, { env: { NODE_OPTIONS: `-r ${preload}`, FUPIN_TEST_LOADED: list } });
    expect(readFileSync(list, 'utf8')).toBe('false');
  });

  it('a reader that goes away ends the output quietly, exit code as before', () => {
    const r = sh(`(${node} ${bin} ${args} 2> err.txt; echo $? > rc.txt) | head -c 100 > /dev/null`);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(tmp.dir, 'err.txt'), 'utf8')).toBe('');
    expect(Number(readFileSync(path.join(tmp.dir, 'rc.txt'), 'utf8'))).toBe(fupin(big).code);
  });

  // a descriptor another process made non-blocking: the blocking write meets EAGAIN once the pipe is full, and the rest
  // goes through Node's stream, which waits for the reader (Python sets the flag: Node makes its children's stdio blocking)
  const python = spawnSync('python3', ['-c', 'import fcntl'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!python)('a non-blocking pipe and a slow reader: every byte still arrives', () => {
    const expected = fupin(big).stdout;
    const py = `import os,fcntl; fl=fcntl.fcntl(1,fcntl.F_GETFL); fcntl.fcntl(1,fcntl.F_SETFL,fl|os.O_NONBLOCK); os.execv(${JSON.stringify(process.execPath)}, [${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}, ${big.map((a) => JSON.stringify(a)).join(', ')}])`;
    writeFileSync(path.join(tmp.dir, 'nb.py'), py);
    const r = sh(`python3 nb.py | (sleep 0.5; cat)`);
    expect(r.stdout.length).toBe(expected.length);
    expect(r.stdout).toBe(expected);
  });
});
