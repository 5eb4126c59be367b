// End to end: the parse workers (src/io/parse-pool.ts) change nothing a user sees. The same commands on a folder holding
// the example ledger, a 附3 fupin wrote (its own output), .xls and .ods registers, broken and hostile files give the same
// stdout, stderr and exit code with FUPIN_WORKERS=0 (every file on the main thread) and FUPIN_WORKERS=2 (forced on), from
// the package (bin/fupin.js) and from the one-file build (dist/fupin.cjs, whose worker starts from the text it carries).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fupin, ROOT, tempDir } from './helpers.js';

let dir: { dir: string; cleanup: () => void };
let folder: string;

beforeAll(() => {
  dir = tempDir();
  folder = path.join(dir.dir, '台账');
  cpSync(path.join(ROOT, 'fixtures/ledger'), folder, { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/legacy/xls/registers'), path.join(folder, '旧格式'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/legacy/ods/registers'), path.join(folder, 'ods'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/broken'), path.join(folder, '坏文件'), { recursive: true });
  for (const f of ['truncated.xlsx', 'encrypted.xlsx', 'malformed-xml.xlsx', 'long-cell.csv']) {
    cpSync(path.join(ROOT, 'fixtures/hostile', f), path.join(folder, '坏文件', f));
  }
  // an own output among the registers: never read as one
  const r = fupin(['rollup', folder, '-o', path.join(folder, '附3-统计表.xlsx')]);
  expect(r.stderr).toContain('附3-统计表.xlsx');
});
afterAll(() => dir.cleanup());

const ONE_FILE = path.join(ROOT, 'dist/fupin.cjs');
function run(entry: string, args: string[], workers: string) {
  const r = spawnSync(process.execPath, [entry, ...args], {
    cwd: dir.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', FUPIN_WORKERS: workers, FUPIN_WORKERS_WAIT: workers === '0' ? '' : '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('pooled and serial reads say the same', () => {
  it('the one-file build carries the parse worker (its workers start from that text, no file beside it)', () => {
    // the worker's text is one of its embedded files (base64; the executables keep it as an asset)
    const worker = readFileSync(path.join(path.dirname(ONE_FILE), 'bundle', 'parse-worker.cjs'), 'utf8');
    expect(worker).toContain('is not in the parse worker');
    expect(readFileSync(ONE_FILE, 'utf8')).toContain(Buffer.from(worker).toString('base64'));
  });

  it.each([
    ['bin/fupin.js validate --format json', BIN, ['validate', '--format', 'json', '台账']],
    ['bin/fupin.js rollup --format json', BIN, ['rollup', '--format', 'json', '台账']],
    ['bin/fupin.js validate (pretty, English)', BIN, ['validate', '台账', '--lang', 'en']],
    ['dist/fupin.cjs check --format json', ONE_FILE, ['check', '--format', 'json', '台账']],
  ])('%s', (_label, entry, args) => {
    const serial = run(entry, args, '0');
    const pooled = run(entry, args, '2');
    expect(serial.code === 0 || serial.code === 1).toBe(true);
    expect(pooled.stdout).toBe(serial.stdout);
    expect(pooled.stderr).toBe(serial.stderr);
    expect(pooled.code).toBe(serial.code);
    expect(serial.stdout.length).toBeGreaterThan(500);
  });
});
