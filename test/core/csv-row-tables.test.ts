// The cross-row tables of the 200k-row CSV's rules held to the plain code they stand for: PositionRuns (serial-number's
// rows and 序号 values) against a plain array, TextKeys' find and findJoined (filled and hashed in one pass) against
// entries added by addUnits with hashUnits, and shared-phone (the first household of a number in the map's value, its row
// by the map's entry) against a plain count of every number's first household and row.
import { describe, expect, it } from 'vitest';
import { NumberMap, PositionRuns, TextKeys } from '../../src/core/int-tables.js';
import type { RegisterRow } from '../../src/core/model.js';
import { orgKeyOf } from '../../src/core/household.js';
import { RowFacts } from '../../src/core/row-facts.js';
import jointRule from '../../src/core/rules/joint-household.js';
import { divisions } from '../helpers/divisions.js';
import rule from '../../src/core/rules/shared-phone.js';
import { FORM_HEADER, makeRegister, problemsOf, type CellInput } from '../helpers/register.js';
import { mulberry32 as random } from '../../scripts/lib/deterministic.mjs';

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

describe('PositionRuns', () => {
  const special = [NaN, 0, -0, 1, 2, 0.5, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e20, -1, -(2 ** 31), Infinity, -Infinity, 7];

  it('gives back every number pushed, read in order, backwards and at random (runs, breaks, NaN, -0, huge numbers)', () => {
    const next = random(27);
    for (let n = 0; n < 60; n++) {
      const runs = new PositionRuns();
      const plain: number[] = [];
      const length = Math.floor(next() * 3000);
      let v = Math.floor(next() * 10);
      for (let i = 0; i < length; i++) {
        // mostly one after another (rows, right numbers), with gaps, repeats, blanks and odd values between
        const r = next();
        if (r < 0.8) v++;
        else if (r < 0.88) v += Math.floor(next() * 5) - 2;
        else if (r < 0.95) {
          const s = pick(next, special);
          runs.push(s);
          plain.push(s);
          continue;
        } else v = Math.floor(next() * 1e6);
        runs.push(v);
        plain.push(v);
      }
      expect(runs.length).toBe(plain.length);
      const same = (i: number): void => expect(Object.is(runs.get(i), plain[i]), `${n}/${i}: ${runs.get(i)} ${plain[i]}`).toBe(true);
      for (let i = 0; i < plain.length; i++) same(i);
      for (let i = plain.length - 1; i >= 0; i--) same(i);
      for (let k = 0; k < 500 && plain.length > 0; k++) same(Math.floor(next() * plain.length));
      expect(() => runs.get(plain.length)).toThrow(RangeError);
      expect(() => runs.get(-1)).toThrow(RangeError);
    }
  });
});

describe('TextKeys find and findJoined', () => {
  it('find texts added by addUnits (hashUnits), and what they add addUnits finds', () => {
    const next = random(28);
    const parts = ['', '张三', '李', '|', '卢峰镇大湾村', 'a|b', '\u0001', '村'.repeat(300), '𠀋', '\uffff', '\ud800'];
    const units = new Uint16Array(4096);
    const fill = (s: string): number => {
      for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
      return s.length;
    };
    const a = new TextKeys();
    const b = new TextKeys();
    for (let n = 0; n < 4000; n++) {
      const x = pick(next, parts) + (next() < 0.5 ? String(Math.floor(next() * 40)) : '');
      const y = pick(next, parts) + (next() < 0.5 ? String(Math.floor(next() * 40)) : '');
      const text = `${x}|${y}`;
      const length = fill(text);
      const hash = TextKeys.hashUnits(units, length);
      // a: added through addUnits, looked up by find and findJoined
      if (next() < 0.5) a.addUnits(units, length, hash);
      const inA = a.find(text);
      expect(a.findJoined(x, 0x7c, y), text).toBe(inA);
      if (inA >= 0) expect(a.addUnits(units, length, hash)).toBe(inA);
      // b: added through find / findJoined and addFound, looked up by addUnits (which adds only what is not there)
      const found = next() < 0.5 ? b.find(text) : b.findJoined(x, 0x7c, y);
      const no = found >= 0 ? found : b.addFound();
      const size = b.size;
      expect(b.addUnits(units, length, hash), text).toBe(no);
      expect(b.size).toBe(size);
    }
    expect(a.size).toBeGreaterThan(100);
  });
});

describe('NumberMap.entryOf', () => {
  it('is the number of keys held when the key was added, -1 for a key not held', () => {
    const next = random(29);
    const map = new NumberMap();
    const entry = new Map<number, number>();
    for (let n = 0; n < 20_000; n++) {
      const key = 1 + Math.floor(next() * 30_000) * (next() < 0.1 ? 2 ** 20 : 1);
      const size = map.size;
      if (map.getOrSet(key, n) === undefined) entry.set(key, size);
      expect(map.entryOf(key)).toBe(entry.get(key));
    }
    for (let k = 1; k < 40_000; k += 7) expect(map.entryOf(k)).toBe(entry.get(k) ?? -1);
  });
});

describe('shared-phone against a plain count', () => {
  it('reports what a count of each number\'s first household and row gives, on 30 seeded registers', () => {
    const next = random(30);
    const names = ['张三', '李四', '王五', '赵六', '钱七', '孙八'];
    const villages = ['溆浦县卢峰镇大桥村', '溆浦县卢峰镇新田村', '溆浦县龙潭镇陈家村'];
    const phones = ['13912345678', '13912345679', '15112345678', '0745-1234567', '1234567890123456789', '12345678901234567', '13800000000'];
    let reports = 0;
    for (let n = 0; n < 30; n++) {
      const table: CellInput[][] = [FORM_HEADER];
      const rows = 20 + Math.floor(next() * 120);
      for (let i = 0; i < rows; i++) {
        let phone = pick(next, phones);
        if (next() < 0.2) phone += `、${pick(next, phones)}`;
        if (next() < 0.1) phone = '';
        table.push([i + 1, '溆浦县慈善会', next() < 0.05 ? '' : pick(next, names), pick(next, villages) + `${1 + Math.floor(next() * 3)}组`, phone]);
      }
      const reg = makeRegister(table, { headerRow: 3 });
      const got = problemsOf(rule, reg).map((p) => `${p.cell} ${p.data?.number} ${p.data?.first} ${p.data?.name}`);
      // the plain count: every number's first household and row, by its digits
      const facts = new RowFacts(undefined, reg.area);
      const first = new Map<string, { household: number; row: number }>();
      const reported = new Set<string>();
      const want: string[] = [];
      for (const row of reg.rows as RegisterRow[]) {
        const household = facts.householdNo(row);
        if (household === undefined) continue;
        const seen = new Set<string>();
        for (const number of facts.phones(row)) {
          if (seen.has(number)) continue;
          seen.add(number);
          const f = first.get(number);
          if (f === undefined) {
            first.set(number, { household, row: row.row });
            continue;
          }
          if (f.household === household || reported.has(`${number} ${household}`)) continue;
          reported.add(`${number} ${household}`);
          want.push(`${row.fields.phone!.cell} ${number} ${f.row} ${facts.householdName(f.household)}`);
        }
      }
      expect(got, `register ${n}`).toEqual(want);
      reports += want.length;
    }
    expect(reports).toBeGreaterThan(100);
  });
});

describe('RowFacts organisations by their text', () => {
  it('orgKey, orgNo, firstPairingBefore and firstPairingText equal a plain count by key, on 30 seeded registers', () => {
    const next = random(31);
    // spellings of one organisation (one key), other organisations, blanks, and 同上
    const orgs = ['溆浦县慈善会', '溆浦县 慈善会', '（溆浦县）慈善会', '溆浦县慈善会。', '怀化市慈善总会', '溆浦县爱心协会', '', ' ', '同上'];
    const names = ['张三', '李四', '王五', '赵六'];
    let joint = 0;
    for (let n = 0; n < 30; n++) {
      const table: CellInput[][] = [FORM_HEADER];
      const rows = 10 + Math.floor(next() * 150);
      for (let i = 0; i < rows; i++) table.push([i + 1, pick(next, orgs), next() < 0.05 ? '' : pick(next, names), '溆浦县卢峰镇大桥村', '']);
      const reg = makeRegister(table, { headerRow: 3 });
      for (const idx of [undefined, divisions()]) {
        const facts = new RowFacts(idx, reg.area);
        // the plain count: org numbers by key in the order first asked, each household's first organisation and its text
        const orgNos = new Map<string, number>();
        const firstOrg = new Map<number, { org: number; text: string; row: number }>();
        for (const row of reg.rows as RegisterRow[]) {
          const key = orgKeyOf(row, idx);
          expect(facts.orgKey(row)).toBe(key);
          // (numbered when first met: the facts number a key when its first text is met)
          if (key !== undefined && !orgNos.has(key)) orgNos.set(key, orgNos.size);
          const org = key === undefined ? undefined : orgNos.get(key);
          expect(facts.orgNo(row)).toBe(org);
          const household = facts.householdNo(row);
          const seen = facts.firstPairingBefore(row);
          if (org === undefined || household === undefined) {
            expect(seen).toBe(undefined);
            continue;
          }
          const f = firstOrg.get(household);
          if (f === undefined) {
            expect(seen).toBe(0);
            firstOrg.set(household, { org, text: row.fields.org?.text ?? '', row: row.row });
          } else {
            expect(seen).toBe(f.org + 1);
            if (f.org !== org) joint++;
          }
          const g = firstOrg.get(household)!;
          expect(facts.firstPairingText(household)).toBe(g.text);
          expect(facts.firstPairingRow(household)).toBe(g.row);
        }
      }
      // and the rule reading them still reports as a whole register
      expect(() => problemsOf(jointRule, reg)).not.toThrow();
    }
    expect(joint).toBeGreaterThan(50);
  });
});
