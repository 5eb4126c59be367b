// HouseholdIndex: one household per name and address, split only when both rows carry phones that share nothing — in every order the compact store goes through.
import { describe, expect, it } from 'vitest';
import { HouseholdIndex, detach } from '../../src/core/household.js';

describe('HouseholdIndex.idFor', () => {
  it('keeps one household while phones are missing or shared, and numbers the others', () => {
    const h = new HouseholdIndex();
    const k = '张三|溆浦县卢峰镇红星村3组';
    expect(h.idFor(k, [])).toBe(k); // no phone yet
    expect(h.idFor(k, ['13912345678'])).toBe(k); // no phone on record: same household, phone learnt
    expect(h.idFor(k, ['13912345678', '0745-1234567'])).toBe(k); // shares one: both kept
    expect(h.idFor(k, ['07451234567'])).toBe(`${k}#1`); // shares nothing with 139…/0745-…: another household
    expect(h.idFor(k, ['0745-1234567'])).toBe(k); // the second phone learnt above
    expect(h.idFor(k, ['07451234567'])).toBe(`${k}#1`);
    expect(h.idFor(k, [])).toBe(k); // no phone: the first household
    expect(h.idFor(k, ['18800001111'])).toBe(`${k}#2`);
  });

  it('a household with one phone, then another phone only: two households; then no phone: the first', () => {
    const h = new HouseholdIndex();
    const k = '李四|辰溪县';
    expect(h.idFor(k, ['13900000001'])).toBe(k);
    expect(h.idFor(k, ['13900000002'])).toBe(`${k}#1`);
    expect(h.idFor(k, ['13900000002', '13900000001'])).toBe(k); // the first household that shares one
    expect(h.idFor('王五|辰溪县', ['13900000002'])).toBe('王五|辰溪县'); // another key: its own household
  });

  it('ids are equal to the key but are strings of their own', () => {
    const line = '1,溆浦县慈善会,张三,溆浦县卢峰镇红星村3组,13912345678';
    const key = line.split(',')[3]!;
    const h = new HouseholdIndex();
    const id = h.idFor(key, []);
    expect(id).toBe(key);
    expect(detach(key)).toBe(key);
  });
});

/** The index as first written (a list of households with a Set of phones per key): the compact one must agree with it. */
class ReferenceIndex {
  private readonly groups = new Map<string, { id: string; phones: Set<string> }[]>();
  private counter = 0;
  idFor(base: string, phones: string[]): string {
    let list = this.groups.get(base);
    if (!list) {
      list = [];
      this.groups.set(base, list);
    }
    for (const h of list) {
      if (phones.length === 0 || h.phones.size === 0 || phones.some((p) => h.phones.has(p))) {
        for (const p of phones) h.phones.add(p);
        return h.id;
      }
    }
    const id = list.length === 0 ? base : `${base}#${++this.counter}`;
    list.push({ id, phones: new Set(phones) });
    return id;
  }
}

describe('HouseholdIndex against the Set-based index', () => {
  it('gives the same ids over 20,000 random rows', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const ours = new HouseholdIndex();
    const ref = new ReferenceIndex();
    const ids: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const key = `户${rand(300)}|村${rand(3)}`;
      const phones = Array.from({ length: rand(4) }, () => `1390000${String(rand(12)).padStart(4, '0')}`);
      const a = ours.idFor(key, phones);
      const b = ref.idFor(key, phones);
      if (a !== b) ids.push(`${i}: ${a} != ${b}`);
    }
    expect(ids).toEqual([]);
  });
});
