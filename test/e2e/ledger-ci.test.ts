// A ledger checks itself as a stock CI runner would: only what is committed, PATH=/usr/bin:/bin, no registry reachable.
// fupin init → git commit → a fresh clone runs `sh .fupin/check.sh`; the textconv and init --update use the same vendored fupin.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir, type RunResult } from './helpers.js';

const SYSTEM_PATH = '/usr/bin:/bin';

/** A stock runner has node in /usr/bin; where this machine has it elsewhere, a symlink stands in while the tests run. */
function nodeOnSystemPath(): () => void {
  if (existsSync('/usr/bin/node') || existsSync('/bin/node')) return () => undefined;
  symlinkSync(process.execPath, '/usr/bin/node'); // needs root, as on a CI machine; fails loudly otherwise
  return () => unlinkSync('/usr/bin/node');
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=fupin-test', '-c', 'user.email=test@fupin.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The runner's view: a fresh clone of what was committed, nothing else. */
function cloneOf(repo: string, into: string): string {
  git(path.dirname(into), 'clone', '--quiet', repo, into);
  return into;
}

/**
 * `sh .fupin/check.sh` with nothing but /usr/bin:/bin on PATH, a fresh HOME, and npm pointed at an address that
 * refuses connections and told to stay offline: anything asking a registry for fupin would fail.
 */
function checkSh(cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync('/bin/sh', ['.fupin/check.sh'], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: SYSTEM_PATH,
      HOME: path.join(cwd, '.home'),
      LANG: 'C.UTF-8',
      NO_COLOR: '1',
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_offline: 'true',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// generous: each case spawns git and fupin on a loaded 2-core machine
describe('a ledger made by fupin init checks itself in CI with the fupin it holds', () => {
  let tmp: { dir: string; cleanup: () => void };
  let repo: string;
  let restoreNode: () => void;

  beforeAll(() => {
    restoreNode = nodeOnSystemPath();
    tmp = tempDir();
    repo = path.join(tmp.dir, '湖南台账');
    const r = fupin(['init', repo], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    git(tmp.dir, 'init', '--quiet', repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', '台账');
  });
  afterAll(() => {
    tmp.cleanup();
    restoreNode();
  });

  it('clean (blank) registers: exit 0, no annotation that is an error or a warning', () => {
    const clone = cloneOf(repo, path.join(tmp.dir, 'runner-clean'));
    const r = checkSh(clone, { GITHUB_ACTIONS: 'true' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::(error|warning)/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^fupin check：通过。.*退出码 0$/);
  });

  it('a committed defective register: exit 1 and ::error annotations on its cells (GitHub), pretty report elsewhere', () => {
    copyFileSync(path.join(ROOT, 'fixtures/ledger/怀化市/沅陵县.xlsx'), path.join(repo, '怀化市/沅陵县.xlsx'));
    git(repo, 'commit', '--quiet', '-am', '沅陵县登记表');
    const clone = cloneOf(repo, path.join(tmp.dir, 'runner-defect'));

    const gh = checkSh(clone, { GITHUB_ACTIONS: 'true' });
    expect(gh.code).toBe(1);
    expect(gh.stderr).toBe('');
    expect(gh.stdout).toMatch(/^::error file=怀化市\/沅陵县\.xlsx,line=8,title=required-cell C8::C8 /m);
    expect(gh.stdout).not.toMatch(STACK_LINE);

    const plain = checkSh(clone);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('沅陵县.xlsx');
    expect(plain.stdout).toContain('✖ 未通过');
    expect(plain.stdout).not.toContain('::error');
  });

  it('stops with exit 2 and a reason when the vendored fupin was altered', () => {
    const clone = cloneOf(repo, path.join(tmp.dir, 'runner-altered'));
    writeFileSync(path.join(clone, '.fupin/fupin.cjs'), `${readFileSync(path.join(clone, '.fupin/fupin.cjs'), 'utf8')}\n// edited\n`);
    const r = checkSh(clone, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fupin init --update');
  });

  it('stops with exit 2 and a reason when the runner has no node', () => {
    const clone = cloneOf(repo, path.join(tmp.dir, 'runner-no-node'));
    const r = spawnSync('/bin/sh', ['.fupin/check.sh'], { cwd: clone, encoding: 'utf8', env: { PATH: path.join(tmp.dir, 'empty-bin') } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到 node');
  });

  it('git diff shows a register row by row through the vendored fupin (the textconv the README gives)', () => {
    const r = spawnSync('git', ['-c', 'diff.fupin.textconv=node .fupin/fupin.cjs cat', '-c', 'core.quotepath=off', 'show', '--format=', 'HEAD'], {
      cwd: path.join(repo, '怀化市'), // git runs the textconv at the top of the work tree, wherever it is called from
      encoding: 'utf8',
      env: { ...process.env, PATH: SYSTEM_PATH },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('怀化市/沅陵县.xlsx');
    expect(r.stdout).toMatch(/^ 序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式$/m);
    expect(r.stdout).toMatch(/^\+5,沅陵县慈善会,,沅陵县五强溪镇樟树村1组,/m);
  });

  it('init --update on a ledger from fupin 0.1.0 (npx in its CI files) replaces those and says what changed', () => {
    const old = path.join(tmp.dir, 'old-ledger');
    mkdirSync(path.join(old, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(old, 'fupin.config.json'), '{ "province": "湖南省" }\n');
    writeFileSync(path.join(old, '.github/workflows/fupin.yml'), 'jobs:\n  check:\n    steps:\n      - run: npx --yes fupin@0.1.0 check --format github .\n');
    writeFileSync(path.join(old, '.gitlab-ci.yml'), '# our own pipeline\nbuild:\n  script: [make]\n');
    writeFileSync(path.join(old, 'README.md'), '用 npx --yes fupin@0.1.0 check . 检查\n');
    const r = fupin(['init', '--update', old], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^已把 fupin 放进台账：fupin \d+\.\d+\.\d+\S*（sha256 [0-9a-f]{12}…）$/m);
    expect(r.stdout).toMatch(/\.github\/workflows\/fupin\.yml\s+已改为调用 \.fupin\/check\.sh/);
    expect(r.stdout).toMatch(/\.gitlab-ci\.yml\s+保留原样/);
    expect(r.stdout).toMatch(/\.fupin\/fupin\.cjs\s+新写出/);
    expect(r.stdout).toContain('README.md 还在说用 npx');
    expect(readFileSync(path.join(old, '.github/workflows/fupin.yml'), 'utf8')).toContain('run: sh .fupin/check.sh');
    expect(readFileSync(path.join(old, '.gitlab-ci.yml'), 'utf8')).toBe('# our own pipeline\nbuild:\n  script: [make]\n');
    expect(readFileSync(path.join(old, 'README.md'), 'utf8')).toBe('用 npx --yes fupin@0.1.0 check . 检查\n');

    // an older vendored copy is replaced and both versions and hashes are named
    writeFileSync(path.join(old, '.fupin/fupin.cjs'), '// fupin 0.0.9 — one-file build\n');
    const again = fupin(['init', '--update', old, '--lang', 'en'], { cwd: tmp.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^The ledger's fupin was updated: fupin 0\.0\.9 \(sha256 [0-9a-f]{12}…\) → fupin \S+ \(sha256 [0-9a-f]{12}…\)$/m);
    expect(fupin(['init', '--update', old], { cwd: tmp.dir }).stdout).toMatch(/^台账里的 fupin 已是这个版本/);

    const notLedger = fupin(['init', '--update', path.join(tmp.dir, 'runner-clean', '怀化市')], { cwd: tmp.dir });
    expect(notLedger.code).toBe(2);
    expect(notLedger.stderr).toContain('不是 fupin 台账');
  });
});
