// DivisionIndex.leadingCounty remembers the county chains it has read (溆浦县, 怀化市溆浦县 …) and answers later addresses
// starting with one from that memo: held equal to an index that has read nothing yet, where the chain is followed by
// 村 or 城 (a village or a town named after the county: the memo is not used there) and where it is not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DivisionIndex, type DivisionData } from '../../src/core/divisions.js';

const data = (): DivisionData => JSON.parse(readFileSync(new URL('../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData;

describe('leadingCounty from its remembered chains', () => {
  it('answers as an index that remembers nothing, after the chain has been read, with 村, 城 or anything else after it', () => {
    const primed = new DivisionIndex(data());
    // (攸县: a county of two characters, whose name a following 城 may make a town's: 攸县城关镇 names no county)
    for (const t of ['溆浦县卢峰镇大湾村3组', '怀化市溆浦县卢峰镇大湾村3组', '湖南省怀化市溆浦县桥江镇', '辰溪县城郊乡', '麻阳苗族自治县吕家坪镇', '攸县酒埠江镇', '株洲市攸县酒埠江镇']) {
      primed.leadingCounty(t);
    }
    const heads = ['溆浦县', '怀化市溆浦县', '湖南省怀化市溆浦县', '辰溪县', '麻阳苗族自治县', '攸县', '株洲市攸县'];
    const tails = ['城关镇', '城东社区', '城郊乡', '城', '村3组', '村', '卢峰镇', '3组', '', '县城', '城北村'];
    let asked = 0;
    for (const head of heads) {
      for (const tail of tails) {
        const t = head + tail;
        const fresh = new DivisionIndex(data()).leadingCounty(t);
        const got = primed.leadingCounty(t);
        expect({ county: got.county?.code, end: got.end }, t).toEqual({ county: fresh.county?.code, end: fresh.end });
        asked++;
      }
    }
    expect(asked).toBe(heads.length * tails.length);
  });
});
