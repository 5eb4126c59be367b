// Atomic output: refuses existing files without force, never writes over an input, leaves no temporary file behind.
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutput, ensureFolder, OutputError, RENAME_RETRY_MS, temporaryName, writeFileAtomic, type FsOps } from '../../src/io/safe-write.js';
import { render } from '../../src/formatters/catalogue/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fupin-safe-write-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (s: string) => Buffer.from(s, 'utf8');

async function refusal(p: Promise<unknown>): Promise<OutputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OutputError) return e;
    throw e;
  }
  throw new Error('expected an OutputError');
}

describe('writeFileAtomic', () => {
  it('writes a new file and returns its absolute path, with nothing else left in the folder', async () => {
    const target = path.join(dir, '附3-统计表.xlsx');
    expect(await writeFileAtomic(target, bytes('new'))).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['附3-统计表.xlsx']);
  });

  it('refuses an existing file without force, in Chinese and English, and leaves it as it was', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    const e = await refusal(writeFileAtomic(target, bytes('new')));
    expect(e.kind).toBe('exists');
    expect(render(e.msg, 'zh')).toBe(`文件已存在：${target}。加 --force 覆盖`);
    expect(render(e.msg, 'en')).toBe(`file exists: ${target}; add --force to overwrite it`);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('overwrites an existing file with force', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, bytes('new'), { force: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('never writes over an input, even with force: same path, a symlink to it, a hard link to it', async () => {
    const input = path.join(dir, '溆浦县.xlsx');
    writeFileSync(input, 'register');
    const viaSymlink = path.join(dir, 'link.xlsx');
    symlinkSync(input, viaSymlink);
    const viaHardLink = path.join(dir, 'hard.xlsx');
    linkSync(input, viaHardLink);
    for (const target of [input, path.join(dir, '.', '溆浦县.xlsx'), viaSymlink, viaHardLink]) {
      const e = await refusal(writeFileAtomic(target, bytes('cards'), { force: true, inputs: [input] }));
      expect(e.kind).toBe('is-input');
    }
    expect(readFileSync(input, 'utf8')).toBe('register');
  });

  it('refuses a folder as the target', async () => {
    mkdirSync(path.join(dir, 'sub'));
    expect((await refusal(writeFileAtomic(path.join(dir, 'sub'), bytes('x'), { force: true }))).kind).toBe('is-directory');
  });

  it('makes the missing folders of the target, as ESLint -o does', async () => {
    const target = path.join(dir, '输出', '怀化市', '统计表.xlsx');
    await checkOutput(target);
    expect(existsSync(path.join(dir, '输出'))).toBe(false); // checking makes nothing
    expect(await writeFileAtomic(target, bytes('x'))).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('x');
    expect(readdirSync(path.dirname(target))).toEqual(['统计表.xlsx']);
  });

  it('a file where a folder should be: one line naming it, before and during the write', async () => {
    writeFileSync(path.join(dir, 'out'), 'a file');
    const target = path.join(dir, 'out', 'sub', 'x.xlsx');
    for (const e of [await refusal(checkOutput(target)), await refusal(writeFileAtomic(target, bytes('x')))]) {
      expect(e.kind).toBe('not-a-folder');
      expect(render(e.msg, 'zh')).toBe(`无法建立文件夹 ${path.dirname(target)}：${path.join(dir, 'out')} 是一个文件，不是文件夹。请换一个路径`);
      expect(e.message).not.toContain('\n');
    }
  });

  it('a folder that cannot be made (no permission, read-only disk) is one line with the reason, in zh and en', async () => {
    for (const [code, zh, en] of [
      ['EACCES', '没有写权限', 'permission denied'],
      ['EROFS', '磁盘或文件夹是只读的', 'read-only file system'],
    ] as const) {
      const mkdir: FsOps['mkdir'] = async () => {
        throw Object.assign(new Error(`${code}: denied, mkdir`), { code });
      };
      const target = path.join(dir, 'new', 'x.xlsx');
      const e = await refusal(writeFileAtomic(target, bytes('x'), { fs: { mkdir } }));
      expect(e.kind).toBe('folder-failed');
      expect(render(e.msg, 'zh')).toBe(`无法建立文件夹 ${path.dirname(target)}：${zh}。请换一个有写权限的位置`);
      expect(render(e.msg, 'en')).toBe(`cannot make the folder ${path.dirname(target)}: ${en}; choose a place you can write to`);
      expect((await refusal(ensureFolder(path.join(dir, 'other'), { fs: { mkdir } }))).kind).toBe('folder-failed');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to write inside an input folder (the next read would count it), case-insensitively on Windows', async () => {
    const ledger = path.join(dir, 'ledger');
    mkdirSync(path.join(ledger, '怀化市'), { recursive: true });
    const inside = path.join(ledger, '怀化市', '统计表.xlsx');
    const e = await refusal(writeFileAtomic(inside, bytes('x'), { inputs: [ledger] }));
    expect(e.kind).toBe('inside-input');
    expect(render(e.msg, 'zh')).toContain(`不能写到要读取的文件夹 ${ledger} 里面`);
    expect(existsSync(inside)).toBe(false);
    // beside the folder is fine
    await writeFileAtomic(path.join(dir, 'ledger-统计表.xlsx'), bytes('x'), { inputs: [ledger] });
    // a differently cased path names the same folder on Windows, not on Linux
    const upper = path.join(dir, 'LEDGER', '怀化市', '统计表.xlsx');
    expect((await refusal(checkOutput(upper, { inputs: [ledger], platform: 'win32' }))).kind).toBe('inside-input');
    await checkOutput(upper, { inputs: [ledger], platform: 'linux' });
  });

  it('over an input file inside an input folder says so (is-input), whatever the order of the inputs', async () => {
    const ledger = path.join(dir, 'ledger');
    mkdirSync(ledger);
    const input = path.join(ledger, '市本级.xlsx');
    writeFileSync(input, 'register');
    for (const inputs of [[ledger, input], [input, ledger]]) {
      expect((await refusal(writeFileAtomic(input, bytes('x'), { force: true, inputs }))).kind).toBe('is-input');
    }
    expect(readFileSync(input, 'utf8')).toBe('register');
  });

  it('an input file named in another case is the same file on Windows', async () => {
    const input = path.join(dir, '溆浦县.xlsx');
    writeFileSync(input, 'register');
    const other = path.join(dir, '溆浦县.XLSX');
    expect((await refusal(checkOutput(other, { inputs: [input], platform: 'win32', force: true }))).kind).toBe('is-input');
    await checkOutput(other, { inputs: [input], platform: 'linux', force: true });
  });

  it('retries a rename held up by antivirus or OneDrive (EPERM, EBUSY), with growing waits, then succeeds', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    const waits: number[] = [];
    let failures = 3;
    const rename: FsOps['rename'] = async (a, b) => {
      if (failures-- > 0) throw Object.assign(new Error('EBUSY'), { code: failures % 2 ? 'EBUSY' : 'EPERM' });
      const { rename: real } = await import('node:fs/promises');
      return real(a, b);
    };
    await writeFileAtomic(target, bytes('new'), { force: true, fs: { rename }, sleep: async (ms) => void waits.push(ms), platform: 'win32' });
    expect(waits).toEqual(RENAME_RETRY_MS.slice(0, 3));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('a file still locked after the retries (open in Excel on Windows) gets "文件正被 Excel/WPS 打开，请关闭后重试"', async () => {
    const target = path.join(dir, '怀化市统计表.xlsx');
    writeFileSync(target, 'old');
    const waits: number[] = [];
    const rename: FsOps['rename'] = async () => {
      throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
    };
    const e = await refusal(writeFileAtomic(target, bytes('new'), { force: true, fs: { rename }, sleep: async (ms) => void waits.push(ms), platform: 'win32' }));
    expect(waits).toEqual(RENAME_RETRY_MS);
    expect(e.kind).toBe('locked');
    expect(render(e.msg, 'zh')).toBe(`文件正被 Excel/WPS 打开，请关闭后重试：${target}`);
    expect(render(e.msg, 'en')).toBe(`the file is open in Excel/WPS; close it and try again: ${target}`);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['怀化市统计表.xlsx']); // no temporary file left
  });

  it('elsewhere EACCES is a permission problem, not a lock: no retries, the reason in words', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    const waits: number[] = [];
    const rename: FsOps['rename'] = async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    const e = await refusal(writeFileAtomic(target, bytes('new'), { force: true, fs: { rename }, sleep: async (ms) => void waits.push(ms), platform: 'linux' }));
    expect(waits).toEqual([]);
    expect(e.kind).toBe('write-failed');
    expect(render(e.msg, 'zh')).toBe(`写不进 ${target}：没有写权限`);
  });

  it('Excel\'s ~$ lock file beside the target names the lock on any platform', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    writeFileSync(path.join(dir, '~$out.xlsx'), 'lock');
    const rename: FsOps['rename'] = async () => {
      throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
    };
    const e = await refusal(writeFileAtomic(target, bytes('new'), { force: true, fs: { rename }, sleep: async () => undefined, platform: 'darwin' }));
    expect(e.kind).toBe('locked');
  });

  it('keeps the temporary name under 255 bytes whatever the length of a Chinese file name', () => {
    const long = path.join(dir, `${'湖南省慈善组织精准扶贫结对帮扶统计表'.repeat(4)}.xlsx`);
    const tmp = path.basename(temporaryName(long));
    expect(Buffer.byteLength(tmp)).toBeLessThan(255);
    expect(tmp.startsWith('.湖南省')).toBe(true);
    expect(temporaryName(long)).not.toBe(temporaryName(long));
  });

  it('shows paths in refusals from the working folder when given it (as the CLI does)', async () => {
    writeFileSync(path.join(dir, 'a.xlsx'), 'old');
    const e = await refusal(checkOutput(path.join(dir, 'a.xlsx'), { cwd: dir }));
    expect(render(e.msg, 'zh')).toBe('文件已存在：a.xlsx。加 --force 覆盖');
    expect(render(e.msg, 'en')).toBe('file exists: a.xlsx; add --force to overwrite it');
  });

  it('an unknown error code is named by its code, never by an English error text in a Chinese sentence', async () => {
    const open = (async () => {
      throw Object.assign(new Error('EINVAL: invalid argument, open'), { code: 'EINVAL' });
    }) as unknown as FsOps['open'];
    const e = await refusal(writeFileAtomic(path.join(dir, 'out.xlsx'), bytes('x'), { fs: { open } }));
    expect(render(e.msg, 'zh')).toBe(`写不进 ${path.join(dir, 'out.xlsx')}：系统错误 EINVAL（文件是否在 Excel/WPS 里打开着，或没有写权限？）`);
    expect(render(e.msg, 'zh')).not.toContain('invalid argument');
  });

  it('a failed write leaves no temporary file behind', async () => {
    // a read-only folder: the temporary file cannot be created (root ignores the mode, so the refusal is simulated then)
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(dir, 0o555);
    const open = (async () => {
      throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    }) as unknown as FsOps['open'];
    const e = await refusal(writeFileAtomic(path.join(dir, 'out.xlsx'), bytes('x'), asRoot ? { fs: { open } } : {}));
    expect(e.kind).toBe('write-failed');
    expect(render(e.msg, 'zh')).toBe(`写不进 ${path.join(dir, 'out.xlsx')}：没有写权限`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failure while writing the temporary file removes it and leaves the old file alone', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    // bytes the file handle cannot write: the temporary file exists by then, and must go
    const e = await refusal(writeFileAtomic(target, 42 as unknown as Uint8Array, { force: true }));
    expect(e.kind).toBe('write-failed');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('removes its signal handlers when done', async () => {
    const before = process.listenerCount('SIGINT');
    await writeFileAtomic(path.join(dir, 'a.xlsx'), bytes('x'));
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
