// A clerk's executable started from Explorer: which starts are a drop or a double-click, and what a drop writes where.
// The commands run in this process through clerkLaunch() with a packaged environment simulated.
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clerkLaunch as launch, clerkLaunchKind, type ClerkEnv } from '../../src/cli/clerk.js';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { resultFolderName } from '../../src/io/drop-folder.js';
import { ROOT, tempDir } from './helpers.js';

const clerkLaunch = (argv: string[], io: CliIO, env: ClerkEnv) => launch(argv, run, io, env);

function captureIO(cwd: string): CliIO & { out: () => string } {
  const chunks: string[] = [];
  return {
    stdout: (t) => void chunks.push(t),
    stderr: (t) => void chunks.push(t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 120,
    env: { NO_COLOR: '1' },
    cwd,
    out: () => chunks.join(''),
  };
}

const NOW = new Date(2016, 11, 31, 9, 5);

function packaged(platform: NodeJS.Platform = 'win32'): ClerkEnv & { waited: () => number } {
  let waited = 0;
  return {
    packaged: true,
    platform,
    now: () => NOW,
    waitForEnter: async () => void waited++,
    waited: () => waited,
  };
}

describe('clerkLaunchKind', () => {
  const ledger = path.join(ROOT, 'fixtures/ledger');
  it('is never a clerk launch outside the packaged executable', () => {
    expect(clerkLaunchKind([], { packaged: false, platform: 'win32' })).toBeUndefined();
    expect(clerkLaunchKind([ledger], { packaged: false, platform: 'win32' })).toBeUndefined();
  });
  it('no arguments is a double-click on Windows only (a Linux terminal gets the help)', () => {
    expect(clerkLaunchKind([], { packaged: true, platform: 'win32' })).toBe('double-click');
    expect(clerkLaunchKind([], { packaged: true, platform: 'linux' })).toBeUndefined();
  });
  it('a drop is only existing absolute paths; a subcommand, a relative or a missing path is the command line', () => {
    const on = { packaged: true, platform: 'win32' as const };
    expect(clerkLaunchKind([ledger, path.join(ledger, '省本级.xlsx')], on)).toBe('drop');
    expect(clerkLaunchKind(['validate', ledger], on)).toBeUndefined();
    expect(clerkLaunchKind(['fixtures/ledger'], { ...on, platform: 'linux' })).toBeUndefined();
    expect(clerkLaunchKind([path.join(ledger, 'nowhere.xlsx')], on)).toBeUndefined();
    expect(clerkLaunchKind([ledger, '--format'], on)).toBeUndefined();
  });
});

describe('resultFolderName', () => {
  it('is the first input without its extension, then -fupin检查结果- and the local time', () => {
    expect(resultFolderName([path.join(ROOT, 'fixtures/ledger/怀化市/溆浦县.xlsx')], NOW)).toBe('溆浦县-fupin检查结果-20161231-0905');
    expect(resultFolderName([path.join(ROOT, 'fixtures/ledger/怀化市')], NOW)).toBe('怀化市-fupin检查结果-20161231-0905');
  });
});

describe('a drop onto the executable', () => {
  let tmp: { dir: string; cleanup: () => void };
  let inbox: string;
  beforeAll(() => {
    tmp = tempDir();
    inbox = path.join(tmp.dir, '收件箱');
    mkdirSync(inbox);
    cpSync(path.join(ROOT, 'fixtures/ledger/怀化市'), path.join(inbox, '怀化市'), { recursive: true });
  });
  afterAll(() => tmp.cleanup());

  it('a file: annotated copy, 附3 and transcript in a new folder beside it; exit code of validate; waits for Enter', async () => {
    mkdirSync(path.join(inbox, '单个'));
    cpSync(path.join(ROOT, 'fixtures/ledger/怀化市/沅陵县.xlsx'), path.join(inbox, '单个/沅陵县.xlsx'));
    const file = path.join(inbox, '单个/沅陵县.xlsx');
    const io = captureIO(tmp.dir);
    const env = packaged();
    expect(await clerkLaunch([file], io, env)).toBe(1);
    expect(env.waited()).toBe(1);
    const out = path.join(inbox, '单个/沅陵县-fupin检查结果-20161231-0905');
    expect(readdirSync(out).sort()).toEqual(['检查结果.txt', '沅陵县.xlsx', '附3-统计表.xlsx']);
    const text = io.out();
    expect(text).toContain('C8');
    expect(text).toContain('✖ 检查完毕：发现需要修改的地方');
    expect(text).toContain(`附3 统计表已写出：${path.join(out, '附3-统计表.xlsx')}`);
    expect(text.trimEnd().endsWith('按回车键关闭窗口')).toBe(true);
    const transcript = readFileSync(path.join(out, '检查结果.txt'), 'utf8');
    expect(transcript.startsWith('\uFEFF')).toBe(true);
    expect(transcript).toContain('C8');
    expect(transcript).not.toMatch(/(?<!\r)\n/); // CRLF for Notepad
  });

  it('dropped twice in the same minute: a second folder (-2), nothing written into the first', async () => {
    const folder = path.join(inbox, '怀化市');
    const env = packaged();
    expect(await clerkLaunch([folder], captureIO(tmp.dir), env)).toBe(1);
    expect(await clerkLaunch([folder], captureIO(tmp.dir), env)).toBe(1);
    const made = readdirSync(inbox).filter((n) => n.startsWith('怀化市-')).sort();
    expect(made).toEqual(['怀化市-fupin检查结果-20161231-0905', '怀化市-fupin检查结果-20161231-0905-2']);
    // the copies mirror the folder; never inside the dropped folder itself
    expect(readdirSync(path.join(inbox, made[0]!))).toContain('溆浦县.xlsx');
    expect(readdirSync(path.join(inbox, '怀化市')).some((n) => n.includes('fupin检查结果'))).toBe(false);
  });

  it('a clean register: exit 0 and the good news', async () => {
    const io = captureIO(tmp.dir);
    expect(await clerkLaunch([path.join(inbox, '怀化市/会同县.xlsx')], io, packaged())).toBe(0);
    expect(io.out()).toContain('✔ 检查完毕：没有发现错误');
  });

  it('a double-click opens the checking page until Enter, and says how to drop files', async () => {
    const io = captureIO(tmp.dir);
    const opened: string[] = [];
    let enter!: () => void;
    const env = { ...packaged(), waitForEnter: () => new Promise<void>((resolve) => (enter = resolve)), openPage: (url: string) => void opened.push(url) };
    const done = clerkLaunch([], io, env);
    await vi.waitUntil(() => opened.length === 1, { timeout: 30_000 });
    expect(opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
    expect((await fetch(opened[0]!)).status).toBe(200);
    expect(io.out()).toContain(opened[0]);
    expect(io.out()).toContain('拖到 fupin 的图标上');
    expect(io.out()).toContain('按回车键关闭窗口');
    enter();
    expect(await done).toBe(0);
    await expect(fetch(opened[0]!)).rejects.toThrow();
    expect(io.out()).toContain('fupin 检查页面已停止');
  });

  it('speaks English when FUPIN_LANG=en', async () => {
    const io = captureIO(tmp.dir);
    io.env.FUPIN_LANG = 'en';
    expect(await clerkLaunch([], io, packaged())).toBe(0);
    expect(io.out()).toContain('drag registers or folders onto the fupin icon');
    expect(io.out()).toContain('press Enter to close it');
  });

  it('from a command line it does nothing (the CLI runs)', async () => {
    expect(await clerkLaunch(['--version'], captureIO(tmp.dir), packaged())).toBeUndefined();
  });
});
