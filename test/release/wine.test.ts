// Smoke test of fupin-win-x64.exe under Wine (Windows version 10): the same JSON and Chinese text as
// `node bin/fupin.js`, a 附3 written to a Chinese path, a drop and a double-click. Runs with the release tests when
// `wine` is installed (Debian: apt-get install wine wine64); FUPIN_WINE_TEST=1 makes a missing wine a failure.
// Wine's pipes break Node's stdio (EBADF in node:net), so the executable's output goes to files, never to pipes.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from '../e2e/helpers.js';
import { artefact, expectSameAsNode, RELEASE_TESTS, VERSION } from './artefacts.js';

const wineInstalled = spawnSync('wine', ['--version'], { encoding: 'utf8' }).status === 0;
const WINE_REQUIRED = process.env.FUPIN_WINE_TEST === '1';
if (RELEASE_TESTS && !wineInstalled) {
  const why = 'wine is not installed: fupin-win-x64.exe is NOT smoke-tested (apt-get install wine wine64)';
  if (WINE_REQUIRED) throw new Error(why);
  console.warn(`SKIP ${why}`);
}

/** A Wine prefix kept between runs (creating one takes ~20 s), set to Windows 10; no Mono or Gecko prompts. */
const PREFIX = process.env.FUPIN_WINE_PREFIX ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'fupin-release', 'wine-prefix');
const WINE_ENV = { ...process.env, WINEPREFIX: PREFIX, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', NO_COLOR: '1', DISPLAY: '', FUPIN_NO_OPEN: '1' };

function prepareWine(): void {
  mkdirSync(PREFIX, { recursive: true });
  const boot = wineRaw(['wineboot', '--init']);
  if (boot.code !== 0) throw new Error(`wineboot failed: ${boot.stderr}`);
  const reg = wineRaw(['wine', 'reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/t', 'REG_SZ', '/d', 'win10', '/f']);
  if (reg.code !== 0) throw new Error(`setting the Windows version failed: ${reg.stderr}`);
  // one wineserver for all the runs (each run would otherwise start its own: ~2 s against ~8 s a run)
  spawnSync('wineserver', ['-p60'], { env: WINE_ENV, stdio: 'ignore', timeout: 60_000 }); // it daemonises: no pipes to wait for
}

/** A Linux path as the Windows program sees it (Wine maps / to drive Z:). */
const winPath = (p: string) => `Z:${p.replaceAll('/', '\\')}`;

let io: string | undefined;
/**
 * Runs a Wine command with stdin, stdout and stderr in files: Wine's helper processes (services.exe, wineserver) outlive
 * the command and would hold a pipe open, and Wine's pipes break Node's stdio anyway (EBADF in node:net).
 */
function wineRaw(argv: string[], opts: { cwd?: string; input?: string } = {}) {
  io ??= mkdtempSync(path.join(os.tmpdir(), 'fupin-wine-io-'));
  const file = (n: string) => path.join(io!, n);
  writeFileSync(file('in'), opts.input ?? '');
  const fds = [openSync(file('in'), 'r'), openSync(file('out'), 'w'), openSync(file('err'), 'w')];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: opts.cwd ?? ROOT, stdio: fds, env: WINE_ENV, timeout: 300_000 });
  for (const fd of fds) closeSync(fd);
  return { code: r.status ?? -1, stdout: readFileSync(file('out'), 'utf8'), stderr: readFileSync(file('err'), 'utf8') };
}

/** fupin-win-x64.exe with these arguments. */
const wine = (args: string[], opts: { cwd?: string; input?: string } = {}) => wineRaw(['wine', artefact('fupin-win-x64.exe'), ...args], opts);

describe.skipIf(!RELEASE_TESTS || !wineInstalled)('fupin-win-x64.exe under Wine (Windows 10)', { timeout: 300_000 }, () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => {
    prepareWine();
    tmp = tempDir();
  }, 600_000);
  afterAll(() => {
    // The wineserver is left to stop by itself (-p60: a minute after its last program). `wineserver -k` here killed every
    // program of the prefix, which other runs share: two test runs at once (one machine, one user) had the later one's
    // last .exe killed mid-run (exit 0 instead of 1).
    tmp?.cleanup();
    if (io) rmSync(io, { recursive: true, force: true });
  });

  it('runs as Windows 10 and says its version', () => {
    expect(wineRaw(['wine', 'cmd', '/c', 'ver']).stdout).toMatch(/Windows 10\.0/);
    expect(wine(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.each([
    ['validate --format json', ['validate', '--format', 'json', 'fixtures/ledger']],
    ['rollup --format json', ['rollup', '--format', 'json', 'fixtures/ledger']],
    ['validate in Chinese (pretty)', ['validate', 'fixtures/ledger/怀化市']],
  ])('%s: the same bytes and exit code as node bin/fupin.js (paths with /)', (_name, args) => {
    expectSameAsNode(args, wine(args));
  });

  it('writes a 附3 (rollup -o), an empty 附3 form (template) and cards to a Chinese folder, readable by node bin/fupin.js', () => {
    const out = path.join(tmp.dir, '输出 结果');
    mkdirSync(out);
    const rollup = wine(['rollup', 'fixtures/ledger/怀化市', '--date', '2016年12月31日', '-o', winPath(path.join(out, '附3-统计表.xlsx'))]);
    // 沅陵县.xlsx has a row without 户主姓名: the table is written, and the exit code says something was left out
    expect(rollup.code).toBe(1);
    expect(fupin(['rollup', 'fixtures/ledger/怀化市', '--date', '2016年12月31日', '-o', path.join(out, '附3-node.xlsx')]).code).toBe(1);
    const cat = (f: string) => fupin(['cat', path.join(out, f)]).stdout;
    expect(cat('附3-统计表.xlsx')).toBe(cat('附3-node.xlsx'));
    expect(cat('附3-统计表.xlsx')).toContain('合计');

    expect(wine(['template', 'stats', '--area', '怀化市', '-o', winPath(path.join(out, '空白统计表.xlsx'))]).code).toBe(0);
    expect(fupin(['template', 'stats', '--area', '怀化市', '-o', path.join(out, '空白-node.xlsx')]).code).toBe(0);
    expect(cat('空白统计表.xlsx')).toBe(cat('空白-node.xlsx'));
    expect(cat('空白统计表.xlsx')).toContain('市本级');
    expect(wine(['cards', 'fixtures/ledger/怀化市/溆浦县.xlsx', '-o', winPath(path.join(out, '帮扶卡.xlsx'))]).code).toBe(0);
    expect(readFileSync(path.join(out, '帮扶卡.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('a folder dropped onto it: results in a new folder beside it, window waits for Enter', () => {
    const inbox = path.join(tmp.dir, '收件箱');
    cpSync(path.join(ROOT, 'fixtures/ledger/怀化市'), path.join(inbox, '怀化市'), { recursive: true });
    const r = wine([winPath(path.join(inbox, '怀化市'))], { cwd: tmp.dir, input: '\r\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('按回车键关闭窗口');
    expect(r.stderr).not.toMatch(STACK_LINE);
    const made = readdirSync(inbox).filter((n) => n !== '怀化市');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^怀化市-fupin检查结果-\d{8}-\d{4}$/);
    expect(existsSync(path.join(inbox, made[0]!, '附3-统计表.xlsx'))).toBe(true);
    expect(readFileSync(path.join(inbox, made[0]!, '检查结果.txt'), 'utf8')).toContain('\r\n');
  });

  it('a double-click (no arguments) starts the checking page, says how to drop files, and closes on Enter', () => {
    const r = wine([], { input: '\r\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\//);
    expect(r.stdout).toContain('拖到 fupin 的图标上');
    expect(r.stdout).toContain('按回车键关闭窗口');
    expect(r.stdout).toContain('fupin 检查页面已停止');
  });
});
