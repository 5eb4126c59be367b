// The artefacts of `npm run release`: SHA256SUMS verifies; the Linux executable, with no node on PATH, gives the
// same bytes as `node bin/fupin.js`, writes a 附3 from a read-only Chinese-named folder, handles a clerk's drop and
// vendors its own one-file build; the Windows executable carries fupin's version information; arm64 is an aarch64 ELF
// that gives the same rollup JSON under qemu-user when that is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from '../e2e/helpers.js';
import { artefact, expectSameAsNode, RELEASE, RELEASE_TESTS, SEA_FUSE_ON, VERSION } from './artefacts.js';

const ARM64_SYSROOT = '/usr/aarch64-linux-gnu';
const ARM64_EMULATED = existsSync('/usr/bin/qemu-aarch64') && existsSync(path.join(ARM64_SYSROOT, 'lib/ld-linux-aarch64.so.1'));
if (RELEASE_TESTS && !ARM64_EMULATED) console.warn('SKIP running fupin-linux-arm64: qemu-user and libc6-arm64-cross are not installed');

/** No node anywhere on PATH: the executable must carry everything. */
const NO_NODE = { PATH: '/nonexistent', LANG: 'C.UTF-8', NO_COLOR: '1' };

function exe(bin: string, args: string[], opts: { cwd?: string; input?: string; home?: string } = {}) {
  const r = spawnSync(bin, args, {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    input: opts.input ?? '',
    env: { ...NO_NODE, HOME: opts.home ?? '/nonexistent-home' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      h.update(path.relative(dir, p));
      if (e.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe.skipIf(!RELEASE_TESTS)('release artefacts (npm run release)', { timeout: 180_000 }, () => {
  let linux: string;
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => {
    linux = artefact('fupin-linux-x64');
    tmp = tempDir();
  });
  afterAll(() => tmp?.cleanup());

  it('SHA256SUMS names every artefact and every sum matches', () => {
    const lines = readFileSync(artefact('SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const listed = lines.map((l) => {
      const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(l);
      expect(m, l).not.toBeNull();
      expect(sha256(path.join(RELEASE, m![2]!)), m![2]).toBe(m![1]);
      return m![2];
    });
    expect(listed).toEqual(readdirSync(RELEASE).filter((n) => n !== 'SHA256SUMS').sort());
    expect(listed).toEqual(expect.arrayContaining(['fupin-linux-x64', 'fupin-win-x64.exe', `fupin-${VERSION}.tgz`]));
  });

  it('every executable is a Node single executable with fupin injected', () => {
    for (const name of readdirSync(RELEASE).filter((n) => n.startsWith('fupin-') && !n.endsWith('.tgz'))) {
      const bytes = readFileSync(path.join(RELEASE, name));
      expect(bytes.includes(SEA_FUSE_ON), name).toBe(true);
      expect(bytes.includes(`// fupin ${VERSION} - one-file build`), name).toBe(true);
    }
  });

  it('the Linux executable says its version with no node on PATH', () => {
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: NO_NODE }).status).not.toBe(0);
    const r = exe(linux, ['--version']);
    expect(r.error).toBeUndefined();
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.each([
    ['validate', ['validate', '--format', 'json', 'fixtures/ledger']],
    ['rollup', ['rollup', '--format', 'json', 'fixtures/ledger']],
    ['check (GitHub annotations)', ['check', '--format', 'github', 'fixtures/ledger']],
    // the legacy worker's code is an asset of the executable, not part of its script (scripts/release.mjs seaMain)
    ['validate of an .xls (the legacy worker)', ['validate', '--format', 'json', 'fixtures/legacy/xls/registers/wrapped-header.xls']],
  ])('%s: byte-identical output and the same exit code as node bin/fupin.js', (_name, args) => {
    expectSameAsNode(args, exe(linux, args));
  });

  it('with a parse worker (FUPIN_WORKERS=1, its code an asset), the same rollup JSON as node bin/fupin.js', () => {
    const args = ['rollup', '--format', 'json', 'fixtures/ledger'];
    const r = spawnSync(linux, args, { cwd: ROOT, encoding: 'utf8', env: { ...NO_NODE, FUPIN_WORKERS: '1' } });
    expect(r.stderr).toBe('');
    expectSameAsNode(args, { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
  });

  it('copied into a read-only folder with a Chinese name, it writes a 附3 with rollup -o identical to node bin/fupin.js', () => {
    const home = path.join(tmp.dir, '只读 文件夹');
    mkdirSync(home);
    const copy = path.join(home, 'fupin');
    copyFileSync(linux, copy);
    chmodSync(copy, 0o555);
    chmodSync(home, 0o555);
    const out = path.join(tmp.dir, '输出 结果');
    mkdirSync(out);
    const args = (file: string) => ['rollup', path.join(ROOT, 'fixtures/ledger/怀化市'), '--date', '2016年12月31日', '-o', file];
    const r = exe(copy, args('附3-统计表.xlsx'), { cwd: out });
    chmodSync(home, 0o755);
    expect(r.stderr).toBe('已写出：附3-统计表.xlsx\n');
    // 沅陵县.xlsx has a row without 户主姓名: the table is written, and the exit code says something was left out
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('共 1 行未计入');
    expect(readFileSync(path.join(out, '附3-统计表.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(fupin(args('附3-node.xlsx'), { cwd: out }).code).toBe(1);
    const cat = (f: string) => fupin(['cat', path.join(out, f)]);
    expect(cat('附3-统计表.xlsx').stdout).toBe(cat('附3-node.xlsx').stdout);
    expect(cat('附3-统计表.xlsx').stdout).toContain('合计');
  });

  it('a folder dropped onto it: annotated copies, the 附3 and the transcript in a new folder beside it; the input untouched', () => {
    const inbox = path.join(tmp.dir, '邮件 附件');
    const dropped = path.join(inbox, '怀化市');
    cpSync(path.join(ROOT, 'fixtures/ledger/怀化市'), dropped, { recursive: true });
    const before = treeHash(dropped);
    const r = exe(linux, [dropped], { input: '\n' });
    expect(r.code).toBe(1); // the example city has seeded errors
    expect(r.stdout).toContain('按回车键关闭窗口');
    expect(treeHash(dropped)).toBe(before);
    const made = readdirSync(inbox).filter((n) => n !== '怀化市');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^怀化市-fupin检查结果-\d{8}-\d{4}$/);
    const result = path.join(inbox, made[0]!);
    const files = readdirSync(result).sort();
    expect(files).toContain('附3-统计表.xlsx');
    expect(files).toContain('检查结果.txt');
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(readdirSync(dropped).length + 1);
    const transcript = readFileSync(path.join(result, '检查结果.txt'), 'utf8');
    expect(transcript.startsWith('\uFEFF')).toBe(true);
    expect(transcript).toContain('沅陵县.xlsx');
    expect(transcript).toContain('✖ 检查完毕：发现需要修改的地方');
    expect(transcript).not.toMatch(/\x1b\[/);
  });

  it('serves the checking page from inside itself (fupin serve: page, script, texts), and stops on Ctrl-C', async () => {
    const child = spawn(linux, ['serve', '--no-open'], { cwd: tmp.dir, env: { ...NO_NODE, HOME: '/nonexistent-home', TMPDIR: tmp.dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', () => reject(new Error('serve ended before printing its URL')));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
    expect(await (await fetch(url)).text()).toContain('<script src="app.js"');
    expect(await (await fetch(`${url}app.js`)).text()).toBe(readFileSync(path.join(ROOT, 'web/app.js'), 'utf8'));
    expect(Object.keys(((await (await fetch(`${url}texts.json`)).json()) as { zh: object }).zh)).toContain('drop-here');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('fupin-serve-'))).toEqual([]);
  });

  it('fupin init from the executable vendors the same one-file build as the package', () => {
    const led = path.join(tmp.dir, '台账');
    const r = exe(linux, ['init', led]);
    expect(r.code).toBe(0);
    expect(sha256(path.join(led, '.fupin/fupin.cjs'))).toBe(sha256(path.join(ROOT, 'dist/fupin.cjs')));
  });

  it('the Windows executable is an x64 PE with fupin as its product, version and company', async () => {
    const ResEdit = await import('resedit');
    const bytes = readFileSync(artefact('fupin-win-x64.exe'));
    expect(bytes.readUInt16LE(bytes.readUInt32LE(0x3c) + 4)).toBe(0x8664); // IMAGE_FILE_MACHINE_AMD64
    const res = ResEdit.NtExecutableResource.from(ResEdit.NtExecutable.from(bytes, { ignoreCert: true }));
    const [vi] = ResEdit.Resource.VersionInfo.fromEntries(res.entries);
    const strings = vi!.getStringValues({ lang: 1033, codepage: 1200 });
    expect(strings).toMatchObject({ ProductName: 'fupin', CompanyName: 'fupin', ProductVersion: VERSION, FileVersion: VERSION });
    expect(JSON.stringify(strings)).not.toContain('Node.js Foundation');
    expect(statSync(artefact('fupin-win-x64.exe')).size).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('the arm64 executable, when built, is an aarch64 ELF', () => {
    const name = readdirSync(RELEASE).find((n) => n === 'fupin-linux-arm64');
    if (!name) return; // FUPIN_RELEASE_TARGETS left it out
    const head = readFileSync(path.join(RELEASE, name)).subarray(0, 20);
    expect(head.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(head.readUInt16LE(18)).toBe(183); // EM_AARCH64
  });

  // qemu-user runs it here when installed (Debian: qemu-user libc6-arm64-cross libstdc++6-arm64-cross); slow, so one case
  it.skipIf(!ARM64_EMULATED)('the arm64 executable under qemu-user: its version, and rollup JSON identical to node bin/fupin.js', () => {
    const run = (args: string[]) => exe('/usr/bin/qemu-aarch64', ['-L', ARM64_SYSROOT, artefact('fupin-linux-arm64'), ...args]);
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expectSameAsNode(['rollup', '--format', 'json', 'fixtures/ledger'], run(['rollup', '--format', 'json', 'fixtures/ledger']));
  });
});
