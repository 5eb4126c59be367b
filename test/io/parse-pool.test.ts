// The parse workers (src/io/parse-pool.ts): a pooled read gives exactly the serial read's ledger and reports, on every
// fixture folder (broken, hostile, legacy files among them); a worker that dies or says nothing is told as a serial read
// tells it, never a crash; the pool is used only when it can win.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { ParsePool, poolSize } from '../../src/io/parse-pool.js';
import { packageFile } from '../../src/io/package-root.js';
import { walkInputs } from '../../src/io/walk.js';
import { readForTest } from '../helpers/ledger.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const saved = process.env.FUPIN_WORKERS;
afterEach(() => {
  if (saved === undefined) delete process.env.FUPIN_WORKERS;
  else process.env.FUPIN_WORKERS = saved;
});

/**
 * Everything a command is made from: the ledger's files (with their visitors' results), passed-over files and registry
 * problems, and the validation reports; Maps and Sets as their entries, the profile (the same object in both) named only.
 */
function text(x: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(x, (k, v: unknown) => {
    if (k === 'profile' || k === 'divisions') return `[${k}]`;
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[seen]';
      seen.add(v);
      if (v instanceof Map) return { map: [...v] };
      if (v instanceof Set) return { set: [...v] };
    }
    return v;
  });
}

const savedWait = process.env.FUPIN_WORKERS_WAIT;
afterEach(() => {
  if (savedWait === undefined) delete process.env.FUPIN_WORKERS_WAIT;
  else process.env.FUPIN_WORKERS_WAIT = savedWait;
});

async function readWith(workers: string, paths: string[], extra: Parameters<typeof readForTest>[1] = {}): Promise<string> {
  process.env.FUPIN_WORKERS = workers;
  // every pooled file through a worker (else the main thread reads the first files of a small folder while they start)
  process.env.FUPIN_WORKERS_WAIT = '1';
  const r = await readForTest(paths, extra);
  const { files, passedOver, registryProblems } = r.ledger;
  return text({ files, passedOver, registryProblems, reports: r.reports });
}

describe('a pooled read is the serial read', () => {
  it('the parse worker is built (npm run build): the pool tests below read through it', () => {
    expect(readFileSync(packageFile('dist', 'bundle', 'parse-worker.cjs'), 'utf8')).toContain('parse worker');
  });

  const folders: [string, string[]][] = [
    ['fixtures/ledger', ['fixtures/ledger']],
    ['fixtures/ledger-gd', ['fixtures/ledger-gd']],
    ['fixtures/situations (text, pictures, Word, several sheets, resent, supplement, 统计表)', ['fixtures/situations']],
    ['fixtures/identity', ['fixtures/identity']],
    ['fixtures/broken (empty, truncated, renamed, .xls, junk)', ['fixtures/broken']],
    ['fixtures/hostile (bombs, encrypted, malformed, limits)', ['fixtures/hostile']],
    ['fixtures/legacy (.xls and .ods: left to the legacy worker)', ['fixtures/legacy']],
    ['fixtures/registers and a file named twice', ['fixtures/registers', 'fixtures/registers/defects-serial.xlsx']],
  ];
  it.each(folders)('%s', async (_name, rel) => {
    const paths = rel.map((p) => path.join(ROOT, p));
    const serial = await readWith('0', paths);
    for (const workers of ['1', '3']) expect(await readWith(workers, paths)).toBe(serial);
    expect(serial.length).toBeGreaterThan(1000);
  });

  it('with read limits, an encoding and CSVs streamed from 0 bytes (streamed ones stay on the main thread)', async () => {
    const paths = [path.join(ROOT, 'fixtures/ledger'), path.join(ROOT, 'fixtures/broken')];
    for (const extra of [{ limits: { maxCells: 400, maxCellChars: 50 } }, { encoding: 'gb18030' as const }, { streamCsvFrom: 0 }]) {
      const serial = await readWith('0', paths, extra);
      expect(await readWith('2', paths, extra)).toBe(serial);
    }
  });

  it('progress (onFile) is told in input order, once a file', async () => {
    const seen: Record<string, string[]> = {};
    for (const w of ['0', '2']) {
      const files: string[] = [];
      process.env.FUPIN_WORKERS = w;
      await readForTest([path.join(ROOT, 'fixtures/situations')], { onFile: (done, total, file) => files.push(`${done}/${total} ${file}`) });
      seen[w] = files;
    }
    expect(seen['2']).toEqual(seen['0']);
    expect(seen['0']!.length).toBeGreaterThan(5);
  });
});

describe('when the pool is used', () => {
  it('only when FUPIN_WORKERS=n asks for it (the main thread alone is faster since reads block and sheets scan as bytes)', () => {
    expect(poolSize({})).toBe(0);
    expect(poolSize({ FUPIN_WORKERS: '' })).toBe(0);
    expect(poolSize({ FUPIN_WORKERS: '0' })).toBe(0);
    expect(poolSize({ FUPIN_WORKERS: '2' })).toBe(2);
    expect(poolSize({ FUPIN_WORKERS: ' 1 ' })).toBe(1);
    expect(poolSize({ FUPIN_WORKERS: '99' })).toBe(16);
    expect(poolSize({ FUPIN_WORKERS: 'many' })).toBe(0); // not a number: as if unset
  });
});

// ── a worker that dies, or says nothing ──────────────────────────────────────────────────────

const limits = { ...DEFAULT_LIMITS };
async function files(n: number) {
  const w = await walkInputs([path.join(ROOT, 'fixtures/ledger')], ROOT);
  return w.files.slice(0, n).map((found, index) => ({ index, found }));
}

describe('a worker that fails', () => {
  it('dies on its second file: that file and every later one are left to the main thread (undefined), none lost', async () => {
    const jobs = await files(6);
    // a stand-in worker: answers the first file as left to the main thread, then exits
    const code = `const { workerData } = require('node:worker_threads'); let n = 0;
      workerData.port.on('message', (m) => { if (++n === 2) process.exit(3); workerData.port.postMessage({ id: m.id, defer: 'error' }); });
      workerData.port.postMessage({ ready: true });`;
    const pool = (await ParsePool.open(jobs, { limits, streamFrom: 1 << 20, env: { FUPIN_WORKERS: '1' }, code }))!;
    expect(pool).toBeDefined();
    expect(await pool.up()).toBe(true);
    const got = [];
    for (const j of jobs) got.push(await pool.take(j.index));
    pool.close();
    expect(got).toEqual(jobs.map(() => undefined));
  });

  it('says nothing for --max-seconds: its file is a file-limit (maxMillis), the rest are read on the main thread', async () => {
    const jobs = await files(3);
    // up (it says so, as the real worker does), then silent
    const code = `const { workerData } = require('node:worker_threads'); workerData.port.on('message', () => {}); workerData.port.postMessage({ ready: true });`;
    const pool = (await ParsePool.open(jobs, { limits: { ...limits, maxMillis: 300 }, streamFrom: 1 << 20, env: { FUPIN_WORKERS: '1' }, code }))!;
    expect(await pool.up()).toBe(true);
    const first = await pool.take(0);
    expect(first?.failure).toMatchObject({ rule: 'file-limit', messageId: 'maxMillis' });
    expect(first?.file).toBe(jobs[0]!.found.display);
    expect(await pool.take(1)).toBeUndefined();
    expect(await pool.take(2)).toBeUndefined();
    pool.close();
  });

  it('a worker slow to start (a loaded machine) is not a file-limit: the main thread reads what it comes to meanwhile, then the worker reads ahead', async () => {
    const jobs = await files(4);
    // 1.2 s before it listens and says it is up, with a limit of 300 ms
    const code = `const { workerData } = require('node:worker_threads'); const t = Date.now() + 1200; while (Date.now() < t) {}
      workerData.port.on('message', (m) => workerData.port.postMessage({ id: m.id, loaded: { file: m.display, abs: m.abs, sheets: [{ name: 'S', rows: [[{ text: 'x' }]] }], detected: {} } }));
      workerData.port.postMessage({ ready: true });`;
    const pool = (await ParsePool.open(jobs, { limits: { ...limits, maxMillis: 300 }, streamFrom: 1 << 20, env: { FUPIN_WORKERS: '1' }, code }))!;
    // not up yet: the main thread reads the first file itself (undefined), without waiting for the worker
    expect(await pool.take(0)).toBeUndefined();
    expect(await pool.up()).toBe(true);
    for (const j of jobs.slice(1)) {
      const got = await pool.take(j.index);
      expect(got?.failure).toBeUndefined();
      expect(got?.sheets.length).toBeGreaterThan(0);
    }
    pool.close();
  });

  it('a main thread busy past the limit does not stop a worker that answered meanwhile', async () => {
    const jobs = await files(4);
    // a stand-in worker that answers each file at once: what is tested is the watchdog, not how fast a busy machine
    // parses (a real worker starved past the limit by a loaded machine would make this test fail for nothing)
    const code = `const { workerData } = require('node:worker_threads');
      workerData.port.on('message', (m) => workerData.port.postMessage({ id: m.id, loaded: { file: m.display, abs: m.abs, sheets: [{ name: 'S', rows: [[{ text: 'x' }]] }], detected: {} } }));
      workerData.port.postMessage({ ready: true });`;
    const pool = (await ParsePool.open(jobs, { limits: { ...limits, maxMillis: 1000 }, streamFrom: 1 << 20, env: { FUPIN_WORKERS: '1' }, code }))!;
    expect(await pool.up()).toBe(true);
    expect((await pool.take(0))?.sheets.length).toBeGreaterThan(0); // the worker is up; the next file is on its way
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      // the rules of a big file: the watchdog's time passes, the worker's answer waits in the port
    }
    for (const j of jobs.slice(1)) {
      const got = await pool.take(j.index);
      expect(got?.failure).toBeUndefined();
      expect(got?.sheets.length).toBeGreaterThan(0);
    }
    pool.close();
  });
});
