// The one-file build (dist/fupin.cjs: what `fupin init` vendors and the executables run) carries exceljs and zod as
// embedded files compiled when first used (scripts/bundle.mjs, embeddedLibs), not in its code: a workbook written
// (exceljs) and a config read (zod) give what the package's own bin/fupin.js gives.
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from './helpers.js';

const ONE_FILE = path.join(ROOT, 'dist/fupin.cjs');

function oneFile(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [ONE_FILE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the one-file build\'s embedded libraries', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('are not in its code, only as embedded files', () => {
    const code = readFileSync(ONE_FILE, 'utf8');
    expect(code).not.toContain('ZodError');
    expect(code).not.toContain('ExcelJS');
    expect(code).toContain('"dist/cjs/zod.cjs"');
    expect(code).toContain('"dist/cjs/exceljs.cjs"');
  });

  it('zod: a ledger with a config file (fupin.config.json) reads as from the package', () => {
    const args = ['rollup', '--format', 'json', 'fixtures/ledger-gd'];
    const a = oneFile(args);
    const b = fupin(args);
    expect(a.stderr).toBe(b.stderr);
    expect(a.code).toBe(b.code);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toBeTruthy();
  }, 120_000);

  it('zod: a JSON quota table with a typo is refused with the same words (exit 2)', () => {
    const args = ['quota', '--table', 'fixtures/quota/tables/typo-range.json', 'fixtures/quota/just-meets'];
    const a = oneFile(args);
    const b = fupin(args);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/rows\[2\]\.foundationHouseholds/u);
    expect(a.code).toBe(b.code);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stdout).toBe(b.stdout);
  }, 120_000);
  it('zod: a JSON quota table read whole gives the same figures', () => {
    const args = ['quota', '--format', 'json', '--table', 'fixtures/quota/tables/corrected.json', 'fixtures/quota/just-meets'];
    const a = oneFile(args);
    const b = fupin(args);
    expect(a.code).toBe(b.code);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
  }, 120_000);

  it('exceljs: a template written reads back as the package\'s', () => {
    const a = oneFile(['template', 'register', '-o', path.join(tmp.dir, 'a.xlsx')]);
    const b = fupin(['template', 'register', '-o', path.join(tmp.dir, 'b.xlsx')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(statSync(path.join(tmp.dir, 'a.xlsx')).size).toBeGreaterThan(1000);
    expect(oneFile(['cat', path.join(tmp.dir, 'a.xlsx')]).stdout).toBe(fupin(['cat', path.join(tmp.dir, 'b.xlsx')]).stdout);
  }, 120_000);
});
