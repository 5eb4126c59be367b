// The address path's fast paths give the answers of the general code they stand before: canonicalGroups' pre-filter
// (groupAsWritten) against the rewriting itself, and DivisionIndex.acceptPlain against accept's general way.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DivisionIndex, type DivisionData, type PlaceMatch } from '../../src/core/divisions.js';
import { canonicalGroups, rewriteGroups } from '../../src/core/household.js';
import { loadDivisions } from '../../src/io/divisions.js';
import { mulberry32 as random } from '../../scripts/lib/deterministic.mjs';

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

describe('canonicalGroups', () => {
  const cases = [
    '大湾村3组', '大湾村03组', '大湾村第3组', '大湾村三组', '大湾村第十二组', '大湾村3村民小组', '大湾村三小组', '组织部', '大湾村组',
    '0组', '第0组', '00组12组', '12组03组', '1234567890123456组', '123456789012345组', '组3组', '3组组织', '村民小组', '第组', '二十组',
  ];

  it('leaves an address whose 组 are written as they print, and rewrites the others as the rewriting does', () => {
    expect(canonicalGroups('大湾村22组38号')).toBe('大湾村22组38号');
    expect(canonicalGroups('大湾村第03组')).toBe('大湾村3组');
    expect(canonicalGroups('大湾村三村民小组')).toBe('大湾村3组');
    for (const t of cases) expect(canonicalGroups(t), t).toBe(rewriteGroups(t, t.indexOf('组')));
  });

  it('agrees with the rewriting on 20,000 random texts of the characters it looks at', () => {
    const next = random(18);
    const units = ['组', '组', '组', '织', '第', '小', '村', '民', '0', '1', '2', '9', '9', '三', '十', '零', '百', '两', '〇', '大', '号', '-'];
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      const len = 1 + Math.floor(next() * 14);
      for (let k = 0; k < len; k++) t += pick(next, units);
      expect(canonicalGroups(t), t).toBe(rewriteGroups(t, t.indexOf('组')));
    }
  });
});

describe('acceptPlain', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const show = (ms: PlaceMatch[]): string =>
    ms.map((m) => `${m.level}:${m.text}@${m.index}/${m.how}=${m.places.map((p) => ('code' in p ? p.code : `${p.name}@${p.county.code}`)).join('|')}`).join(' ');

  /** Texts made of the names the matcher reads (full, short, old and ordinary-word ones) and what may follow them. */
  function texts(idx: DivisionIndex, n: number, seed: number): string[] {
    const next = random(seed);
    const hunan = idx.province('湖南省')!;
    const counties = hunan.cities.flatMap((c) => [...c.counties]);
    const pieces: string[] = ['湖南省', '湖南', '广东省', '广州市', '鼓楼区', '城区', '东城区', '城关镇', '新县城', '攸县', '村', '城', '社区', '大湾', '3组', '12号', '区', '-', ''];
    for (const c of hunan.cities) pieces.push(c.name, c.name.replace(/(?:市|土家族苗族自治州)$/u, ''));
    for (const k of counties) {
      pieces.push(k.name, k.name.slice(0, 2));
      for (const t of k.towns.slice(0, 4)) pieces.push(t, t.replace(/(?:镇|乡|街道)$/u, ''));
    }
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let t = '';
      const len = 1 + Math.floor(next() * 6);
      for (let k = 0; k < len; k++) t += pick(next, pieces);
      out.push(t);
    }
    return out;
  }

  for (const [name, make] of [
    ['the packed index', () => loadDivisions()],
    ['the index built from the list', () => new DivisionIndex(JSON.parse(readFileSync(new URL('../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData)],
  ] as const) {
    it(`gives the general way's matches on 4,000 texts of place names (${name})`, async () => {
      const idx = await make();
      const all = texts(idx, 4000, name.length);
      const scopes = [undefined, { province: '湖南省', city: '怀化市', county: '溆浦县' }, { province: '湖南省', city: '长沙市' }];
      const fast = all.map((t) => scopes.map((s) => show(idx.placesIn(t, s))));
      vi.spyOn(DivisionIndex.prototype as unknown as { acceptPlain: () => null }, 'acceptPlain').mockReturnValue(null);
      const general = all.map((t) => scopes.map((s) => show(idx.placesIn(t, s))));
      expect(fast).toEqual(general);
      // the texts do reach the matcher's other readings (short forms, a name before 村, a county right after a county)
      expect(fast.flat().filter((s) => s !== '').length).toBeGreaterThan(3000);
    }, 120_000);
  }
});
