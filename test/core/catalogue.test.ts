// The one catalogue: every message in both languages with the same placeholders, English free of Chinese outside quotes,
// and every message id the code names present (a missing one throws at render time).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueEntries, hasMessage, render } from '../../src/formatters/catalogue/index.js';

const entries = [...catalogueEntries()];
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Han characters outside quotes ("…", “…”, 「…」) and outside placeholders: what an English reader could not read. */
export function unquotedHan(s: string): string[] {
  const stripped = s
    .replace(/"[^"]*"/g, '')
    .replace(/“[^”]*”/g, '')
    .replace(/「[^」]*」/g, '')
    .replace(/\{\w+\}/g, '');
  return [...stripped.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]);
}

describe('message catalogue', () => {
  it('has messages', () => {
    expect(entries.length).toBeGreaterThan(300);
  });

  // {detail} is a reader's or library's own text (English, technical): English may show it, Chinese leaves it out
  it.each(entries.map(([id, e]) => [id, e] as const))('%s: zh and en, same placeholders ({detail} only in English)', (_id, e) => {
    expect(e.zh).not.toBe('');
    expect(e.en).not.toBe('');
    expect(placeholders(e.en).filter((p) => p !== 'detail' || placeholders(e.zh).includes('detail'))).toEqual(placeholders(e.zh));
  });

  it('English has no Chinese outside quoted names', () => {
    const bad = entries.filter(([, e]) => unquotedHan(e.en).length > 0).map(([id, e]) => `${id}: ${unquotedHan(e.en).join(' ')}`);
    expect(bad).toEqual([]);
  });

  it('ids are group/name, kebab-case', () => {
    for (const [id] of entries) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/);
  });

  it('renders nested messages and lists in the language', () => {
    expect(render({ id: 'term/quoted', data: { text: 'x' } }, 'zh')).toBe('“x”');
    expect(render({ id: 'rollup/missing-counties', data: { names: ['a', 'b'] } }, 'zh')).toBe('以下县市区没有登记表：a、b');
    expect(render({ id: 'rollup/missing-counties', data: { names: ['a', 'b'] } }, 'en')).toBe('No register for these counties: a, b');
  });

  it('every literal message id in the source is in the catalogue', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = path.join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bid: '([a-z0-9-]+\/[A-Za-z0-9-]+)'/g)) if (!hasMessage(m[1]!)) missing.push(`${path.relative(root, f)}: ${m[1]}`);
      for (const m of text.matchAll(/\b(?:usage|msg|quotaText)\('([a-z0-9-]+(?:\/[A-Za-z0-9-]+)?)'/g)) {
        const id = m[0].startsWith('quotaText') ? `quota/${m[1]}` : m[1]!;
        if (id.includes('/') && !hasMessage(id)) missing.push(`${path.relative(root, f)}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
