// place-memo: addresses that differ only in characters no place name holds get one key, and placesIn gives them the same matches.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DivisionIndex } from '../../src/core/divisions.js';
import { compact } from '../../src/core/normalize.js';
import { addressKey, BoundedCache, findingKey, placesMemo } from '../../src/core/place-memo.js';
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
