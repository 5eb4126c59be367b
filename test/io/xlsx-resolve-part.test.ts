// resolvePart's usual case (plainPart: a target that names a plain path) answers as the path read in full does.
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scripts/lib/deterministic.mjs';
import { resolvePart, resolvePartInFull } from '../../src/io/xlsx-reader.js';

const BITS = ['xl', 'worksheets', 'sheet1.xml', '.', '..', '', '/', '//', '\\', '?x', '#y', '.rels', '_rels', '表', 'a b', '%20', '...', '.x', 'x.'];

describe('resolvePart', () => {
  it('answers as resolvePartInFull for usual and odd targets under usual and odd folders (20,000 seeded)', () => {
    const r = rng(27);
    const pick = () => BITS[Math.floor(r() * BITS.length)]!;
    const usual = [['xl/', 'worksheets/sheet1.xml'], ['', 'xl/workbook.xml'], ['xl/', '/xl/styles.xml'], ['xl/', 'sharedStrings.xml'], ['', '/xl/workbook.xml']];
    for (const [base, target] of usual) {
      expect(resolvePart(base!, target!)).toBe(resolvePartInFull(base!, target!));
    }
    expect(resolvePart('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    for (let n = 0; n < 20000; n++) {
      const parts = () => Array.from({ length: Math.floor(r() * 5) }, () => (r() < 0.5 ? pick() : 'p')).join(r() < 0.8 ? '/' : '');
      const base = r() < 0.5 ? 'xl/' : r() < 0.5 ? '' : `${parts()}/`;
      const target = `${r() < 0.2 ? '/' : ''}${parts()}`;
      expect(resolvePart(base, target)).toBe(resolvePartInFull(base, target));
    }
  });
});
