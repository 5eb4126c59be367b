// The tally reads a PairingTable's organisations, spellings and types by number (eachCountNo), voting once per
// organisation, spelling and type met together: held equal to the row-by-row way (eachCount, what a PairingRows without
// numbers gives) on seeded random registers — spellings, 类型 texts readable and not, rows without a name or an
// organisation, organisations met again in later registers — in every table, organisation list and note.
import { describe, expect, it } from 'vitest';
import type { AreaGuess, Register } from '../../src/core/model.js';
import type { PairingRows } from '../../src/core/ledger/pairing-table.js';
import { rollupCity, rollupProvince, summariseOrgs, type CountedRegister } from '../../src/core/rollup.js';
import { mulberry32 as random } from '../../scripts/lib/deterministic.mjs';
import { HUNAN } from '../helpers/profile.js';
import { counted, FORM_HEADER, makeRegister } from '../helpers/register.js';

const ORGS = ['慈善总会', '慈善会', '教育基金会', '社工服务中心', '扶贫开发协会', '爱心家园', '红十字会'];
const TYPES = ['', '', '基金会', '慈善组织', '社会服务机构', '其他', '社会组织'];
const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十'];

/** The same rows without their numbers: the tally reads them row by row. */
function rowByRow(c: CountedRegister): CountedRegister {
  const rows = c.rows;
  const plain: PairingRows = {
    length: rows.length,
    householdText: (no) => rows.householdText(no),
    eachCount: (fn) => rows.eachCount(fn),
    [Symbol.iterator]: () => rows[Symbol.iterator](),
  };
  return { register: c.register, rows: plain };
}

function registers(seed: number): Register[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: Register[] = [];
  const places: [string, string | undefined][] = [['怀化市', undefined], ['怀化市', '溆浦县'], ['怀化市', '鹤城区'], ['长沙市', '长沙县'], ['长沙市', undefined]];
  const count = 1 + Math.floor(next() * 6);
  for (let k = 0; k < count; k++) {
    const [city, county] = pick(places);
    const area: AreaGuess = county ? { level: 'county', city, county, source: 'path' } : { level: 'city', city, source: 'path' };
    const typed = next() < 0.5;
    const rows: unknown[][] = [typed ? [...FORM_HEADER, '类型'] : FORM_HEADER];
    const n = 1 + Math.floor(next() * 25);
    for (let r = 1; r <= n; r++) {
      const base = pick(ORGS);
      // spellings of one organisation: with and without the place, brackets, spaces
      const org = next() < 0.08 ? '' : pick([`${county ?? city}${base}`, `湖南省${county ?? city}${base}`, `${county ?? city}（${base}）`, `${county ?? city}${base} `]);
      const name = next() < 0.08 ? '' : pick(NAMES);
      const row = [r, org, name, `${county ?? '鹤城区'}卢峰镇大坪村${1 + Math.floor(next() * 4)}组`, next() < 0.5 ? '13907451234' : ''];
      rows.push(typed ? [...row, pick(TYPES)] : row);
    }
    out.push(makeRegister(rows as Parameters<typeof makeRegister>[0], { file: `${city}/${county ?? '市本级'}-${k}.xlsx`, area }));
  }
  return out;
}

describe('Tally by number', () => {
  it('counts, types and lists as row by row', () => {
    const opts = { cityOrder: HUNAN.cityNames, province: HUNAN.name };
    for (let seed = 1; seed <= 80; seed++) {
      const regs = counted(registers(seed));
      const plain = regs.map(rowByRow);
      expect(regs[0]!.rows.eachCountNo).toBeDefined();
      const a = rollupProvince(regs, opts);
      const b = rollupProvince(plain, opts);
      expect(a.table).toEqual(b.table);
      expect(a.byCity).toEqual(b.byCity);
      expect(a.orgs).toEqual(b.orgs);
      expect(a.leftOut).toEqual(b.leftOut);
      expect(a.problems).toEqual(b.problems);
      const city = rollupCity(regs, { ...opts, city: '怀化市' });
      const cityPlain = rollupCity(plain, { ...opts, city: '怀化市' });
      expect(city.table).toEqual(cityPlain.table);
      expect(city.orgs).toEqual(cityPlain.orgs);
      expect(summariseOrgs(regs, opts)).toEqual(summariseOrgs(plain, opts));
    }
  });

  it('reads row by row numbers too big to combine exactly', () => {
    const regs = counted(registers(7));
    const big = regs.map((c): CountedRegister => {
      const rows = c.rows;
      // the same rows, every text's number moved up by 2^17: byNumber cannot combine them and falls back
      const shifted: PairingRows = {
        length: rows.length,
        householdText: (no) => rows.householdText(no),
        eachCount: (fn) => rows.eachCount(fn),
        eachCountNo: (fn) => rows.eachCountNo!((h, o, s, t, row) => fn(h, o === 0 ? 0 : o + (1 << 17), s + (1 << 17), t === 0 ? 0 : t + (1 << 17), row)),
        countText: (no) => rows.countText!(no - (1 << 17)),
        [Symbol.iterator]: () => rows[Symbol.iterator](),
      };
      return { register: c.register, rows: shifted };
    });
    const opts = { cityOrder: HUNAN.cityNames, province: HUNAN.name };
    expect(rollupProvince(big, opts).orgs).toEqual(rollupProvince(regs.map(rowByRow), opts).orgs);
    expect(rollupProvince(big, opts).table).toEqual(rollupProvince(regs, opts).table);
  });
});
