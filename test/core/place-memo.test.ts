// place-memo: addresses that differ only in characters no place name holds get one key, and placesIn gives them the same matches.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DivisionIndex } from '../../src/core/divisions.js';
import { compact } from '../../src/core/normalize.js';
import { addressKey, BoundedCache, findingKey, FindingKeys, placesMemo } from '../../src/core/place-memo.js';
import { loadDivisions } from '../../src/io/divisions.js';

let idx: DivisionIndex;
beforeAll(async () => {
  idx = await loadDivisions();
});

const scope = { province: '湖南省', city: '怀化市', county: '溆浦县' };

describe('address keys', () => {
  it('digits and punctuation become one placeholder each (addressKey) or one per run (findingKey); Han characters stay', () => {
    const a = compact('溆浦县卢峰镇红星村22组38号');
    const b = compact('溆浦县卢峰镇红星村1组9号');
    expect(addressKey(idx, a)).toBe('溆浦县卢峰镇红星村\u0001\u0001组\u0001\u0001号');
    expect(findingKey(idx, a)).toBe('溆浦县卢峰镇红星村\u0001组\u0001号');
    expect(findingKey(idx, a)).toBe(findingKey(idx, b));
    expect(addressKey(idx, a)).not.toBe(addressKey(idx, b));
    expect(findingKey(idx, compact('溆浦县卢峰镇东山村1组'))).not.toBe(findingKey(idx, compact('溆浦县卢峰镇西山村1组')));
  });

  it('addresses with one addressKey have the same place matches, offsets included', () => {
    const texts = ['怀化市溆浦县卢峰镇红星村12组', '怀化市溆浦县卢峰镇红星村34组', '怀化市溆浦县卢峰镇红星村ab组', '怀化市溆浦县卢峰镇红星村#$组'];
    const keys = new Set(texts.map((t) => addressKey(idx, compact(t))));
    expect(keys.size).toBe(1);
    const first = idx.placesIn(texts[0]!, scope);
    expect(first.map((m) => `${m.level}:${m.text}@${m.index}`)).toEqual(['city:怀化市@0', 'county:溆浦县@3', 'town:卢峰镇@6']);
    for (const t of texts) expect(idx.placesIn(t, scope)).toEqual(first);
    const places = placesMemo(idx, scope);
    expect(places(compact(texts[1]!))).toEqual(first);
  });

  it('keeps the characters place names hold (brackets, hyphens)', () => {
    expect(addressKey(idx, '(溆浦)-1')).toBe('(溆浦)-\u0001');
  });

  it('placesMemo answers as placesIn, asked the same text twice, texts of one length one after another, and scopes in turn', () => {
    const other = { province: '湖南省', city: '怀化市', county: '辰溪县' };
    // equal lengths, different places; the same text under two scopes (the last-text answer is per scope)
    const texts = ['溆浦县卢峰镇红星村1组', '溆浦县低庄镇大湾村1组', '辰溪县辰阳镇西门村1组', '溆浦县卢峰镇红星村1组'].map(compact);
    expect(new Set(texts.map((t) => t.length)).size).toBe(1);
    const here = placesMemo(idx, scope);
    const there = placesMemo(idx, other);
    const places = (found: ReturnType<typeof here>) => found.map((m) => `${m.level}:${m.index}:${m.text}:${m.places.map((p) => p.name).join(",")}`);
    for (const t of [...texts, ...texts.slice().reverse()]) {
      for (let twice = 0; twice < 2; twice++) {
        expect(places(here(t)), t).toEqual(places(idx.placesIn(t, scope)));
        expect(places(there(t)), t).toEqual(places(idx.placesIn(t, other)));
      }
    }
    expect(places(here(texts[0]!))).not.toEqual(places(here(texts[1]!)));
  });

  it('a bounded cache starts again when full', () => {
    const c = new BoundedCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('c')).toBe(3);
  });
});

describe('FindingKeys (findingKey as a number, no key string made)', () => {
  const texts = [
    '溆浦县卢峰镇红星村22组38号', '溆浦县卢峰镇红星村1组9号', '溆浦县卢峰镇红星村1组', '溆浦县卢峰镇东山村1组', '溆浦县卢峰镇西山村1组',
    '(溆浦)-1', '(溆浦)-12', '(溆浦)--1', 'abc', 'a-b', '12', '', '溆浦县𠀀村1组', '溆浦县𠀁村1组', '溆浦县\ud800村1组',
    '溆浦县\udc00村1组', '溆浦县\ud800\ud800村', '溆浦县🙂村', '溆浦县🙃村', '卢峰镇\u0001组', '卢峰镇1组', '卢峰镇a1组', '卢峰镇 1组',
    '怀化市溆浦县卢峰镇红星村ab组', '怀化市溆浦县卢峰镇红星村#$组', '［溆浦］1', '【溆浦】1',
  ]
    .map((t) => (t.includes('\ud800') || t.includes('\udc00') ? t : compact(t)))
    // a high surrogate met paired, then alone (its kind is remembered from the first), at the end, before a digit (as given)
    .concat(['村𠀀1', '村\ud840', '村\ud8401', '\ud840', '\ud840\ud840\udc00', '1\ud840村', '\udc00\ud840']);

  it('gives equal numbers exactly to addresses with equal findingKeys', () => {
    const keys = new FindingKeys(idx);
    const nos = texts.map((t) => keys.no(t));
    for (let i = 0; i < texts.length; i++) {
      for (let j = 0; j < texts.length; j++) {
        const sameKey = findingKey(idx, texts[i]!) === findingKey(idx, texts[j]!);
        expect(nos[i] === nos[j], `${JSON.stringify(texts[i])} / ${JSON.stringify(texts[j])}`).toBe(sameKey);
      }
    }
    // numbered 0, 1, 2 … in the order first met, and asking again changes nothing
    expect(Math.max(...nos) + 1).toBe(new Set(texts.map((t) => findingKey(idx, t))).size);
    expect(texts.map((t) => keys.no(t))).toEqual(nos);
    expect(keys.epoch).toBe(0);
  });

  it('starts its numbering again when full (eviction), and says so by its epoch', () => {
    const keys = new FindingKeys(idx, 3);
    expect([keys.no('甲村'), keys.no('乙村'), keys.no('丙村'), keys.no('甲村')]).toEqual([0, 1, 2, 0]);
    expect(keys.epoch).toBe(0);
    expect(keys.no('丁村')).toBe(0); // the fourth key: a new epoch, numbered from 0
    expect(keys.epoch).toBe(1);
    expect(keys.count).toBe(1);
    expect(keys.no('甲村')).toBe(1); // forgotten, numbered anew
  });

  it('keeps many keys apart through its table growing', () => {
    const keys = new FindingKeys(idx);
    const seen = new Map<string, number>();
    for (let v = 0; v < 5000; v++) {
      const t = `卢峰镇${String.fromCharCode(0x4e00 + (v % 2000))}${String.fromCharCode(0x4e00 + Math.floor(v / 2000))}村${v}组`;
      const no = keys.no(t);
      const key = findingKey(idx, t);
      if (seen.has(key)) expect(no).toBe(seen.get(key));
      else {
        expect(no).toBe(seen.size);
        seen.set(key, no);
      }
    }
    expect(keys.count).toBe(seen.size);
  });
});
