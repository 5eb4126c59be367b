// fupin diff end to end (issue 15): the built CLI between generated versions of a county register, against the changes
// scripts/make-publish-diff.mjs planted (fixtures/diff-truth.json).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_COMMAND, gitattributes, TEXTCONV } from '../../src/io/ledger-tools.js';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

interface Truth {
  added: { name: string; org: string }[];
  removed: { name: string; org: string }[];
  changed: { name: string; org: string; field: string; before: string; after: string }[];
  unchanged: number;
  oldPairings: number;
  newPairings: number;
}
const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/diff-truth.json'), 'utf8')) as Truth;

interface DiffJson {
  added: { household: { name: string }; org: string; file: string; cell: string }[];
  removed: { household: { name: string }; org: string; file: string; cell: string }[];
  changed: { household: { name: string }; org: string; field: string; before: string; after: string; old: { file: string; cell: string }; new: { file: string; cell: string } }[];
  summary: { added: number; removed: number; changed: number; same: number; old: number; new: number };
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

function expectPlanted(got: DiffJson): void {
  expect(byName(got.added.map((a) => ({ name: a.household.name, org: a.org })))).toEqual(byName(truth.added));
  expect(byName(got.removed.map((a) => ({ name: a.household.name, org: a.org })))).toEqual(byName(truth.removed));
  expect(byName(got.changed.map((c) => ({ name: c.household.name, org: c.org, field: c.field, before: c.before, after: c.after })))).toEqual(byName(truth.changed));
  expect(got.summary).toMatchObject({ added: truth.added.length, removed: truth.removed.length, changed: truth.changed.length, same: truth.unchanged, old: truth.oldPairings, new: truth.newPairings });
}

describe('fupin diff (built CLI)', () => {
  it('between two folders lists exactly the planted changes, with the cells in both files; exit 1', () => {
    const r = fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new', '--format', 'json']);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(1);
    const got = JSON.parse(r.stdout) as DiffJson;
    expectPlanted(got);
    for (const c of got.changed) {
      expect(c.old.cell).toMatch(/^[DE]\d+$/);
      expect(c.new.cell).toMatch(/^[DE]\d+$/);
      expect(c.old.file).toBe('怀化市/溆浦县.xlsx');
    }
  }, 120_000);

  it('the new version saved as CSV (GBK) gives the same changes', () => {
    const r = fupin(['diff', 'fixtures/diff/old/怀化市/溆浦县.xlsx', 'fixtures/diff/new-csv/怀化市/溆浦县.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    expectPlanted(JSON.parse(r.stdout) as DiffJson);
  }, 120_000);

  it('two identical folders: nothing changed, exit 0', () => {
    const r = fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/same']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('两个版本的结对没有变化');
    const en = fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/same', '--lang', 'en']);
    expect(en.stdout).toContain('no pairing changed');
  }, 120_000);

  it('pretty output groups by county; -o 变更.xlsx is written and marked', async () => {
    const out = path.join(tmp.dir, '变更.xlsx');
    const r = fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('怀化市溆浦县');
    expect(r.stdout.split('\n').filter((l) => l.includes('│ + 新增 │'))).toHaveLength(truth.added.length);
    for (const a of truth.added) expect(r.stdout).toMatch(new RegExp(`│ \\+ 新增 │ ${a.name}（`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.keywords).toBe('fupin:diff');
    const ws = wb.worksheets[0]!;
    // title, header, then one row per change
    expect(ws.rowCount).toBe(2 + truth.added.length + truth.removed.length + truth.changed.length);
  }, 120_000);

  it('an unreadable file is trouble: exit 2, named, no stack trace; a missing path too', () => {
    const bad = path.join(tmp.dir, '坏.xlsx');
    writeFileSync(bad, 'not a workbook');
    const r = fupin(['diff', 'fixtures/diff/old/怀化市/溆浦县.xlsx', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const missing = fupin(['diff', 'fixtures/diff/old', path.join(tmp.dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(STACK_LINE);
  }, 120_000);

  it('takes two paths, OLD then NEW: the help says so in both languages; one or three paths is a usage message, exit 2', () => {
    const help = fupin(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe('用法：fupin diff [选项] 旧 新');
    expect(help.stdout).toMatch(/^ {2}旧 新 {2}两个路径，先旧版本，后新版本/m);
    const en = fupin(['diff', '--help', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('Usage: fupin diff [options] OLD NEW');
    expect(en.stdout).toMatch(/^ {2}OLD NEW {2}two paths, the old version first, then the new one/m);
    expect(fupin(['--help']).stdout).toMatch(/^ {2}diff 旧 新 /m);
    for (const [args, words] of [
      [['diff'], '给了 0 个'],
      [['diff', 'fixtures/diff/old'], '给了 1 个'],
      [['diff', 'fixtures/diff/old', 'fixtures/diff/new', 'fixtures/diff/same'], '给了 3 个路径'],
    ] as const) {
      const r = fupin([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^fupin：diff (要两个路径|只比较两个版本)/);
      expect(r.stderr).toContain(words);
      expect(r.stderr).toContain('fupin diff --help');
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    const one = fupin(['diff', 'fixtures/diff/old', '--lang', 'en']);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe('fupin: diff takes two paths, the old version first, then the new one (files or folders), and got 1. E.g. fupin diff "溆浦县".xlsx "溆浦县（修改）".xlsx (see fupin diff --help)\n');
  }, 120_000);

  const hasGit = spawnSync('git', ['--version']).status === 0;
  it.skipIf(!hasGit)('git diff in a ledger set up as its README says shows the changes by household (the vendored one-file build)', () => {
    const led = path.join(tmp.dir, 'ledger');
    mkdirSync(path.join(led, '怀化市'), { recursive: true });
    mkdirSync(path.join(led, '.fupin'));
    copyFileSync(path.join(ROOT, 'dist/fupin.cjs'), path.join(led, '.fupin/fupin.cjs'));
    writeFileSync(path.join(led, '.gitattributes'), gitattributes());
    const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { cwd: led, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1' } });
    copyFileSync(path.join(ROOT, 'fixtures/diff/old/怀化市/溆浦县.xlsx'), path.join(led, '怀化市/溆浦县.xlsx'));
    for (const cmd of ['git init -q .', TEXTCONV, DIFF_COMMAND, 'git add -A', 'git -c user.name=t -c user.email=t@example.com commit -qm old']) expect(sh(cmd).status, cmd).toBe(0);
    copyFileSync(path.join(ROOT, 'fixtures/diff/new/怀化市/溆浦县.xlsx'), path.join(led, '怀化市/溆浦县.xlsx'));
    const r = sh('git -c core.quotepath=off diff');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('fupin diff 怀化市/溆浦县.xlsx');
    for (const a of truth.added) expect(r.stdout).toMatch(new RegExp(`│ \\+ 新增 │ ${a.name}（`));
    for (const c of truth.changed) expect(r.stdout).toMatch(new RegExp(`│ ~ 改动 │ ${c.name}（`));
    expect(r.stdout).toContain(`新增 ${truth.added.length} 条、删除 ${truth.removed.length} 条、改动 ${truth.changed.length} 条`);
    // cells are shown in the register's own path, not git's temporary copy
    expect(r.stdout).not.toContain('git-blob');
    // git log -p keeps the row-by-row textconv
    expect(sh('git log -p --no-ext-diff -1').status).toBe(0);
  }, 180_000);
});
