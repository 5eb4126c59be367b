// The built CLI reads the division index the build packed (dist/data/divisions.bin, scripts/bundle.mjs); without it, with
// one of another format, cut short, or made from a list the build has since replaced, it builds the index from the list
// (dist/data/divisions.json) and prints exactly the same. Runs a copy of the package (bin/, dist/, templates/) in a temp
// folder, so the real build is never touched.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const ENV = { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' };
const CASES = [
  ['validate', '--format', 'json', 'fixtures/ledger'],
  ['check', 'fixtures/ledger-gd'],
  ['rollup', '--format', 'json', 'fixtures/ledger'],
];

describe('the packed division index of the build', () => {
  let tmp: { dir: string; cleanup: () => void };
  let pkg: string;
  beforeAll(() => {
    tmp = tempDir();
    pkg = path.join(tmp.dir, 'pkg');
    for (const d of ['bin', 'dist', 'templates', 'web', 'package.json']) cpSync(path.join(ROOT, d), path.join(pkg, d), { recursive: true });
  });
  afterAll(() => tmp?.cleanup());

  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(pkg, 'bin/fupin.js'), ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const bin = () => path.join(pkg, 'dist/data/divisions.bin');

  it('missing, of another format, cut short or older than the list: the index is built from the list, and every report is the same', () => {
    const packed = readFileSync(bin());
    const want = CASES.map(run);
    for (const w of want) expect(w.stdout.length).toBeGreaterThan(100);
    const variants: [string, () => void][] = [
      ['missing', () => rmSync(bin())],
      ['another format', () => writeFileSync(bin(), Buffer.concat([packed.subarray(0, 4), Buffer.from([9, 0, 0, 0]), packed.subarray(8)]))],
      ['cut short', () => writeFileSync(bin(), packed.subarray(0, packed.length >> 1))],
      // the list changed after the index was packed (a build's tsc step alone): its length no longer matches
      ['older than the list', () => {
        writeFileSync(bin(), packed);
        appendFileSync(path.join(pkg, 'dist/data/divisions.json'), '\n');
      }],
    ];
    for (const [name, change] of variants) {
      change();
      CASES.forEach((args, i) => expect(run(args), `${name}: ${args.join(' ')}`).toEqual(want[i]));
    }
  }, 600_000);

  it('a list mended in place after the packing (same length, written later): the list is read, not the packed file', () => {
    const own = path.join(tmp.dir, 'mended');
    for (const d of ['bin', 'dist', 'templates', 'web', 'package.json']) cpSync(path.join(ROOT, d), path.join(own, d), { recursive: true });
    const runOwn = (args: string[]) => {
      const r = spawnSync(process.execPath, [path.join(own, 'bin/fupin.js'), ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const args = ['validate', '--format', 'json', 'fixtures/ledger'];
    const before = runOwn(args);
    const json = path.join(own, 'dist/data/divisions.json');
    const text = readFileSync(json, 'utf8');
    // a county renamed character for character: the same byte length, so only the time tells the packed file is old
    const mended = text.replaceAll('溆浦县', '溆浦具');
    expect(Buffer.byteLength(mended)).toBe(Buffer.byteLength(text));
    expect(mended).not.toBe(text);
    writeFileSync(json, mended);
    const packedAt = statSync(path.join(own, 'dist/data/divisions.bin')).mtime;
    utimesSync(json, new Date(packedAt.getTime() + 10_000), new Date(packedAt.getTime() + 10_000));
    const after = runOwn(args);
    expect(after.stdout).not.toBe(before.stdout);
    rmSync(path.join(own, 'dist/data/divisions.bin'));
    expect(after).toEqual(runOwn(args));
  }, 600_000);
});
