// The pure parts of fupin serve: safe upload names, and the page's texts (every id the page asks for is in the
// catalogue's serve group) and markup (nothing the CSP would block, nothing that turns text into HTML).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueEntries } from '../../src/formatters/catalogue/index.js';
import { contentDisposition } from '../../src/serve/server.js';
import { numbered, uploadPath } from '../../src/serve/upload-name.js';
import { ROOT } from '../e2e/helpers.js';

describe('uploadPath', () => {
  it('keeps a folder upload\'s relative path', () => {
    expect(uploadPath('怀化市/溆浦县.xlsx')).toEqual(['怀化市', '溆浦县.xlsx']);
    expect(uploadPath('收件箱\\怀化市\\溆浦县.xlsx')).toEqual(['收件箱', '怀化市', '溆浦县.xlsx']);
    expect(uploadPath('./a//b.csv')).toEqual(['a', 'b.csv']);
  });
  it('refuses .. anywhere, empty names and very deep ones', () => {
    for (const bad of ['..', '../a.csv', 'a/../b.csv', 'a\\..\\..\\b.csv', ' .. /x', '', '/', '././', `${'a/'.repeat(20)}x.csv`]) expect(uploadPath(bad), bad).toBeUndefined();
  });
  it('makes Windows-unsafe names safe', () => {
    expect(uploadPath('nul')).toEqual(['_nul']);
    expect(uploadPath('LPT1.xlsx')).toEqual(['_LPT1.xlsx']);
    expect(uploadPath('a:b*c?.csv')).toEqual(['a_b_c_.csv']);
    expect(uploadPath('name. . ')).toEqual(['name']);
    expect(uploadPath('x\u0000y.csv')).toEqual(['x_y.csv']);
    const long = uploadPath(`${'长'.repeat(300)}.xlsx`)![0]!;
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
  it('numbers a taken name before its extension', () => {
    expect(numbered('溆浦县.xlsx', 2)).toBe('溆浦县 (2).xlsx');
    expect(numbered('README', 3)).toBe('README (3)');
  });
});

describe('the page', () => {
  const html = readFileSync(path.join(ROOT, 'web/index.html'), 'utf8');
  const js = readFileSync(path.join(ROOT, 'web/app.js'), 'utf8');
  const serve = new Set([...catalogueEntries().keys()].filter((id) => id.startsWith('serve/')).map((id) => id.slice(6)));

  it('asks only for texts the catalogue has (static ids, and the ids it builds from severities, kinds and filters)', () => {
    const ids = [...html.matchAll(/data-t="([^"]+)"/g)].map((m) => m[1]!);
    ids.push(...[...js.matchAll(/\bt\('([a-z0-9-]*[a-z0-9])'/g)].map((m) => m[1]!));
    for (const s of ['error', 'warning', 'info']) ids.push(`sev-${s}`, `filter-${s}`);
    for (const k of ['annotated', 'stats', 'quota', 'cards', 'publish', 'zip']) ids.push(`dl-${k}`);
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !serve.has(id))).toEqual([]);
  });

  it('has nothing a strict CSP blocks and never writes HTML from data', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(js).not.toMatch(/https?:\/\//);
  });

  it('names a download for every browser', () => {
    expect(contentDisposition('附3-统计表.xlsx')).toBe(`attachment; filename="_3-___.xlsx"; filename*=UTF-8''${encodeURIComponent('附3-统计表.xlsx')}`);
  });
});
