// Atomic output: refuses existing files without force, never writes over an input, leaves no temporary file behind.
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError, writeFileAtomic } from '../../src/io/safe-write.js';

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
    expect(e.message).toBe(`文件已存在：${target}。加 --force 覆盖 / file exists: ${target}; add --force to overwrite it`);
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

  it('refuses a folder as the target and a folder that does not exist', async () => {
    mkdirSync(path.join(dir, 'sub'));
    expect((await refusal(writeFileAtomic(path.join(dir, 'sub'), bytes('x'), { force: true }))).kind).toBe('is-directory');
    expect((await refusal(writeFileAtomic(path.join(dir, 'nope', 'out.xlsx'), bytes('x')))).kind).toBe('no-folder');
  });

  it.skipIf(process.getuid?.() === 0)('a failed write leaves no temporary file behind', async () => {
    chmodSync(dir, 0o555); // read-only folder: the temporary file cannot be created
    const e = await refusal(writeFileAtomic(path.join(dir, 'out.xlsx'), bytes('x')));
    expect(e.kind).toBe('write-failed');
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
