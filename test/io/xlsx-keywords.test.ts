// core.xml's keywords found in the bytes (keywordsAt) as the expression over the decoded part finds them.
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scripts/lib/deterministic.mjs';
import { keywordsAt } from '../../src/io/xlsx-reader.js';

/** What reading the part as text found (the reader's expression before keywordsAt). */
function byText(b: Buffer): string | undefined {
  return /<(?:\w+:)?keywords[^>]*>([^<]*)</u.exec(b.toString('utf8'))?.[1];
}

function byBytes(b: Buffer): string | undefined {
  const at = keywordsAt(b);
  return at < 0 ? undefined : b.toString('utf8', at, b.indexOf(0x3c, at));
}

const BITS = ['<', '>', ':', '/', 'keywords', 'keyword', 'Keywords', 'cp', 'x_1', 'é', '_', ' ', 'fupin:v1', '&amp;', '中文', '\n', '<cp:keywords>', '</cp:keywords>', '<keywords/>'];
const BYTES = [[0xff], [0xc3], [0xe4, 0xb8], [0xef, 0xbb, 0xbf], [0xe2, 0x80, 0x8b]];

describe('keywordsAt', () => {
  it('finds what the expression finds in the text, for 20,000 seeded parts with odd tags and bytes that are not UTF-8', () => {
    const r = rng(1127);
    let found = 0;
    for (let n = 0; n < 20000; n++) {
      const parts: Buffer[] = [];
      for (let k = Math.floor(r() * 14); k > 0; k--) {
        parts.push(r() < 0.15 ? Buffer.from(BYTES[Math.floor(r() * BYTES.length)]!) : Buffer.from(BITS[Math.floor(r() * BITS.length)]!));
      }
      const b = Buffer.concat(parts);
      const want = byText(b);
      if (want !== undefined) found++;
      expect(byBytes(b)).toBe(want);
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('reads a real core.xml', () => {
    const xml = '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x"><dc:title>表</dc:title><cp:keywords>fupin 附3</cp:keywords></cp:coreProperties>';
    expect(byBytes(Buffer.from(xml))).toBe('fupin 附3');
    expect(byBytes(Buffer.from('<cp:keywords></cp:keywords>'))).toBe('');
    expect(keywordsAt(Buffer.from('<cp:coreProperties/>'))).toBe(-1);
  });
});
