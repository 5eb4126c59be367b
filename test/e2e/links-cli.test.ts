// A register reached under a second name (a hard link, a symbolic link, a linked folder) is read and counted once, and
// the second name is said: the 统计表 of a folder with links equals the one without.
import { cpSync, linkSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from './helpers.js';

const LEDGER = path.join(ROOT, 'fixtures/ledger');
let tmp: ReturnType<typeof tempDir>;
let linked: string;

beforeAll(() => {
  tmp = tempDir();
  linked = path.join(tmp.dir, 'ledger');
  cpSync(LEDGER, linked, { recursive: true });
  mkdirSync(path.join(linked, '收件箱'));
  linkSync(path.join(linked, '岳阳市/临湘市.xlsx'), path.join(linked, '收件箱/临湘市-转发.xlsx'));
  symlinkSync(path.join(linked, '怀化市'), path.join(linked, '0-怀化市-链接'), 'dir');
  symlinkSync(path.join(linked, '不存在.xlsx'), path.join(linked, '收件箱/旧表.xlsx'));
});
afterAll(() => tmp.cleanup());

describe('links in a ledger folder', () => {
  it('rollup counts every register once: the same table as without the links', () => {
    const plain = fupin(['rollup', '--format', 'json', LEDGER]);
    const withLinks = fupin(['rollup', '--format', 'json', linked]);
    expect(withLinks.code).toBe(plain.code);
    expect(JSON.parse(withLinks.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('validate names each second name and the broken link, in Chinese and in JSON', () => {
    const r = fupin(['validate', linked]);
    expect(r.stdout).toContain('收件箱/临湘市-转发.xlsx：与 岳阳市/临湘市.xlsx 是同一个文件（链接），只读一次');
    expect(r.stdout).toContain('0-怀化市-链接：与 怀化市 是同一个文件夹（链接），只读一次');
    expect(r.stdout).toContain('收件箱/旧表.xlsx：链接指向的文件已不存在，没有读取');
    const j = JSON.parse(fupin(['validate', '--format', 'json', '--lang', 'en', linked]).stdout);
    // in the order met: the real folders first, then the links in them
    expect(j.passedOver).toEqual(['收件箱/临湘市-转发.xlsx', '收件箱/旧表.xlsx', '0-怀化市-链接']);
    expect(j.passedOverWhy['收件箱/临湘市-转发.xlsx']).toBe('the same file as 岳阳市/临湘市.xlsx (a link), read once');
  });
});
