// The one-file build run from a V8 start-up snapshot (what the Linux executable does: scripts/release.mjs, SEA useSnapshot)
// answers as the one-file build run plainly. The snapshot is made here by this Node (`node --build-snapshot`) in another
// folder, in English, with colour forced and another time zone: none of that may stay in it — argv, the environment, the
// working folder, the clock and the terminal are read when it runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const ONE_FILE = path.join(ROOT, 'dist/fupin.cjs');
const RUN_ENV = { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', NO_COLOR: '1', HOME: '/nonexistent-home' };

function run(argv: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, env, encoding: 'utf8', input: '', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the one-file build from a start-up snapshot', () => {
  let tmp: { dir: string; cleanup: () => void };
  let blob: string;
  beforeAll(() => {
    tmp = tempDir();
    blob = path.join(tmp.dir, 'fupin.blob');
    const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', ONE_FILE], {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH ?? '', FUPIN_LANG: 'en', FORCE_COLOR: '1', TZ: 'Pacific/Kiritimati', HOME: tmp.dir },
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
  });
  afterAll(() => tmp?.cleanup());

  // (`node --snapshot-blob` gives the snapshot's main no script name: a placeholder keeps argv as fupin reads it)
  const fromSnapshot = (args: string[], env: Record<string, string>) => run(['--snapshot-blob', blob, 'fupin', ...args], env);
  const plain = (args: string[], env: Record<string, string>) => run([ONE_FILE, ...args], env);

  it.each([
    [['--version']],
    [['validate', 'fixtures/ledger/省本级.xlsx']],
    [['validate', '--format', 'json', 'fixtures/ledger']],
    [['check', 'fixtures/ledger']],
    [['validate', 'no-such-file.xlsx']],
    [['nonsense']],
  ])('fupin %j prints the same and exits the same', (args) => {
    const want = plain(args, RUN_ENV);
    const got = fromSnapshot(args, RUN_ENV);
    expect(got).toEqual(want);
    expect(want.stdout.length + want.stderr.length).toBeGreaterThan(0);
  });

  it('reads the language, colour and time zone of the run, not of the machine that made the snapshot', () => {
    for (const env of [{ ...RUN_ENV, FUPIN_LANG: 'en' }, { ...RUN_ENV, TZ: 'Asia/Shanghai' }, { ...RUN_ENV, NO_COLOR: '', FORCE_COLOR: '1' }]) {
      const args = ['validate', 'fixtures/ledger/省本级.xlsx'];
      expect(fromSnapshot(args, env)).toEqual(plain(args, env));
    }
    expect(fromSnapshot(['validate', 'fixtures/ledger/省本级.xlsx'], RUN_ENV).stdout).toMatch(/没有发现问题/);
  });
});
