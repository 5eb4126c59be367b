// walkInputs: each file once, whatever names it is reached by; links followed after the real paths, second names said.
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkInputs } from '../../src/io/walk.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fupin-walk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(rel: string, text = 'x'): string {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return abs;
}

const names = (files: { display: string }[]) => files.map((f) => f.display);

describe('walkInputs', () => {
  it('reads a plain folder in name order, passing over what is not a spreadsheet', async () => {
    file('b/平江县.xlsx');
    file('a/溆浦县.csv');
    file('a/说明.docx');
    const w = await walkInputs([dir]);
    expect(names(w.files)).toEqual(['a/溆浦县.csv', 'b/平江县.xlsx']);
    expect(w.passedOver).toEqual(['a/说明.docx']);
    expect(w.skipped).toEqual([]);
  });

  it('names each file by its path under the folder given, as path.join and path.relative make it (odd names, deep folders, links)', async () => {
    const odd = ['溆浦县', 'a b', '...x', 'x..', '-n', '%41', 'back\\slash', 'é', '名 称.副本', 'z'];
    let n = 0;
    for (const a of odd) for (const b of odd.slice(0, 4)) file(`${a}/${b}/${odd[n++ % odd.length]}.xlsx`);
    file('top.csv');
    file('深/1/2/3/4/5/doc.docx');
    symlinkSync(path.join(dir, '溆浦县'), path.join(dir, 'zz-link'));
    for (const root of [dir, `${dir}/`, path.join(dir, 'a b')]) {
      const w = await walkInputs([root]);
      const abs = path.resolve(root);
      const all = [...w.files, ...w.others];
      expect(all.length).toBeGreaterThan(root === dir ? 20 : 2);
      for (const f of all) {
        expect(f.abs).toBe(path.join(abs, f.display));
        expect(f.display).toBe(path.relative(abs, f.abs));
      }
      for (const sk of w.skipped) expect(sk.display).toBe(path.relative(abs, path.join(abs, sk.display)));
    }
  });

  it('reads a hard-linked register once and names its second name', async () => {
    const real = file('a/溆浦县.xlsx');
    mkdirSync(path.join(dir, 'b'));
    linkSync(real, path.join(dir, 'b/溆浦县-副本.xlsx'));
    const w = await walkInputs([dir]);
    expect(names(w.files)).toEqual(['a/溆浦县.xlsx']);
    expect(w.skipped).toMatchObject([{ display: 'b/溆浦县-副本.xlsx', why: 'same-file', sameAs: 'a/溆浦县.xlsx' }]);
  });

  it('follows a link to a file outside the folder, and names a link to a file inside it by the real path', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'fupin-walk-out-'));
    try {
      writeFileSync(path.join(outside, '外县.xlsx'), 'y');
      const root = path.join(dir, 'ledger');
      const real = file('ledger/z/平江县.xlsx');
      // links sort before the real file ("0…" < "z"), yet the real path is the one read
      symlinkSync(real, path.join(root, '0-平江县.xlsx'));
      symlinkSync(path.join(outside, '外县.xlsx'), path.join(root, '1-外县.xlsx'));
      const w = await walkInputs([root]);
      expect(names(w.files)).toEqual(['z/平江县.xlsx', '1-外县.xlsx']);
      expect(w.skipped).toMatchObject([{ display: '0-平江县.xlsx', why: 'same-file', sameAs: 'z/平江县.xlsx' }]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('walks a folder reached through a link once, and does not loop on a link to a parent', async () => {
    const root = path.join(dir, 'ledger');
    file('ledger/岳阳市/平江县.xlsx');
    symlinkSync(path.join(root, '岳阳市'), path.join(root, '0-岳阳'), 'dir');
    symlinkSync(root, path.join(root, '岳阳市', 'loop'), 'dir');
    const w = await walkInputs([root]);
    expect(names(w.files)).toEqual(['岳阳市/平江县.xlsx']);
    expect(w.skipped).toMatchObject([
      { display: '0-岳阳', why: 'same-folder', sameAs: '岳阳市' },
      { display: '岳阳市/loop', why: 'same-folder' },
    ]);
  });

  it('names a link whose target is gone', async () => {
    file('a/溆浦县.xlsx');
    symlinkSync(path.join(dir, 'gone.xlsx'), path.join(dir, 'a/旧表.xlsx'));
    const w = await walkInputs([dir]);
    expect(names(w.files)).toEqual(['a/溆浦县.xlsx']);
    expect(w.skipped).toMatchObject([{ display: 'a/旧表.xlsx', why: 'broken-link' }]);
  });

  it('a folder given twice, or a file given beside its folder, is read once without a word', async () => {
    const f = file('a/溆浦县.xlsx');
    const w = await walkInputs([dir, path.join(dir, 'a'), f]);
    expect(names(w.files)).toEqual(['a/溆浦县.xlsx']);
    expect(w.skipped).toEqual([]);
  });

  it('a file given by a second name on the command line is named, not read twice', async () => {
    const real = file('溆浦县.xlsx');
    const other = path.join(dir, '溆浦县-link.xlsx');
    linkSync(real, other);
    const w = await walkInputs([real, other], dir);
    expect(w.files.map((f) => f.abs)).toEqual([real]);
    expect(w.skipped).toMatchObject([{ why: 'same-file', sameAs: real }]);
  });

  it('a folder that cannot be opened, and one nested too deep, are said, not silently left out', async () => {
    file('a/溆浦县.xlsx');
    file('b/平江县.xlsx');
    file(`${Array.from({ length: 22 }, (_, i) => `d${i}`).join('/')}/深处.xlsx`);
    const { readdirSync, statSync } = await import('node:fs');
    const fs = {
      stat: (p: string) => statSync(p, { bigint: true, throwIfNoEntry: false }),
      readdir: (p: string) => {
        if (p.endsWith(`${path.sep}b`)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return readdirSync(p, { withFileTypes: true });
      },
    };
    const w = await walkInputs([dir], dir, { fs });
    expect(names(w.files)).toEqual(['a/溆浦县.xlsx']);
    expect(w.skipped.map((s) => [s.display.split('/').length, s.why])).toEqual([
      [1, 'folder-unreadable'],
      [21, 'too-deep'],
    ]);
  });

  it('a subfolder given before its folder is walked once without a word (it is no link)', async () => {
    file('A/B/平江县.xlsx');
    const w = await walkInputs([path.join(dir, 'A/B'), path.join(dir, 'A')], dir);
    expect(names(w.files)).toEqual(['平江县.xlsx']);
    expect(w.skipped).toEqual([]);
  });

  it('a file that cannot be looked at is still read (its reader says what is wrong), never left out', async () => {
    file('A/溆浦县.xlsx');
    file('B/平江县.xlsx');
    const { readdirSync, statSync } = await import('node:fs');
    const fs = {
      stat: (p: string) => {
        if (p.endsWith('溆浦县.xlsx')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return statSync(p, { bigint: true, throwIfNoEntry: false });
      },
      readdir: (p: string) => readdirSync(p, { withFileTypes: true }),
    };
    const w = await walkInputs([dir], dir, { fs });
    expect(names(w.files)).toEqual(['A/溆浦县.xlsx', 'B/平江县.xlsx']);
    expect(w.skipped).toEqual([]);
  });

  it('on Windows, two spellings of one path are one file', async () => {
    const real = file('溆浦县.xlsx');
    const w = await walkInputs([real, real.replace('.xlsx', '.XLSX')], dir, { platform: 'win32' });
    expect(w.files).toHaveLength(1);
    expect(w.missing).toHaveLength(process.platform === 'win32' ? 0 : 1);
  });
});
