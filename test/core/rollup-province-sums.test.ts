// rollupProvince checks each city's row against the 合计 of the city's own table without making that table (its rows
// ordered by name, its notes: only byCity reads it, made when first read). Held to the table itself on seeded random
// provinces: the city-distinct note is given exactly when, and with the figures, the table's 合计 says; the problems
// are those of placing the registers, once each, in city order; byCity reads the same tables every time.
import { describe, expect, it } from 'vitest';
import type { AreaGuess, Register } from '../../src/core/model.js';
import { rollupProvince } from '../../src/core/rollup.js';
import { mulberry32 as random } from '../../scripts/lib/deterministic.mjs';
import { HUNAN } from '../helpers/profile.js';
import { counted, FORM_HEADER, makeRegister } from '../helpers/register.js';

const CITIES: Record<string, string[]> = { 长沙市: ['长沙县', '浏阳市', '宁乡市'], 怀化市: ['溆浦县', '鹤城区', '中方县', '会同县'], 株洲市: ['醴陵市', '攸县'] };
const ORGS = ['慈善总会', '教育基金会', '社工服务中心', '扶贫开发协会', '爱心家园'];
const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十'];

function province(seed: number): Register[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const regs: Register[] = [];
  let n = 0;
  for (const [city, counties] of Object.entries(CITIES)) {
    if (next() < 0.15) continue;
    const units: { area: AreaGuess; place: string }[] = [];
    if (next() < 0.7) units.push({ area: { level: 'city', city, source: 'path' }, place: city });
    for (const county of counties) if (next() < 0.7) units.push({ area: { level: 'county', city, county, source: 'path' }, place: county });
    // a county-level register whose county is unknown: not placed in its city's table (a problem)
    if (next() < 0.3) units.push({ area: { level: 'county', city, source: 'path' }, place: city });
    for (const { area, place } of units) {
      const rows: unknown[][] = [FORM_HEADER];
      const count = 1 + Math.floor(next() * 12);
      for (let r = 1; r <= count; r++) {
        // households met again in other counties of the city (same name, village and phone), organisations of the city's
        const home = pick(NAMES);
        const village = `${pick(counties)}卢峰镇大坪村${1 + Math.floor(next() * 3)}组`;
        const org = next() < 0.5 ? `${city}${pick(ORGS)}` : `${place}${pick(ORGS)}`;
        rows.push([r, next() < 0.05 ? '' : org, next() < 0.05 ? '' : home, village, next() < 0.5 ? `1390745${String(NAMES.indexOf(home)).padStart(4, '0')}` : '']);
      }
      regs.push(makeRegister(rows as Parameters<typeof makeRegister>[0], { file: `${city}/${place}-${n++}.xlsx`, area }));
    }
  }
  if (next() < 0.5) regs.push(makeRegister([FORM_HEADER, [1, '湖南省慈善总会', '郑一', '溆浦县卢峰镇大坪村9组', '']], { file: '省本级.xlsx', area: { level: 'province', province: '湖南省', source: 'path' } }));
  return regs;
}

describe('rollupProvince: each city row against its table', () => {
  it('notes a city exactly when its table says so, with its figures; problems once each', () => {
    let notes = 0;
    let problems = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const regs = province(seed);
      const r = rollupProvince(counted(regs), { cityOrder: HUNAN.cityNames, province: HUNAN.name });
      const tables = r.byCity;
      // read twice: the same tables (made once, kept)
      expect(r.byCity).toBe(tables);
      const withRegs = HUNAN.cityNames.filter((c) => regs.some((x) => x.area.city === c && x.area.level !== 'province'));
      expect(tables.map((t) => t.area)).toEqual(withRegs);
      const distinct = r.table.notes.filter((m) => m.id === 'rollup/city-distinct');
      const expected = tables.flatMap((t) => {
        const row = r.table.rows.find((x) => x.unit === t.area)!;
        const sum = t.total.subtotal;
        if (sum.units === row.subtotal.units && sum.households === row.subtotal.households) return [];
        return [{ city: t.area, units: row.subtotal.units, households: row.subtotal.households, sumUnits: sum.units, sumHouseholds: sum.households }];
      });
      expect(distinct.map((m) => m.data)).toEqual(expected);
      notes += distinct.length;
      // a county-level register with no county: one problem, in the order the cities are tallied
      const unplaced = withRegs.flatMap((c) => regs.filter((x) => x.area.city === c && x.area.level === 'county' && !x.area.county).map((x) => x.file));
      expect(r.problems.map((p) => [p.messageId, p.data?.file])).toEqual(unplaced.map((f) => ['unknown', f]));
      problems += unplaced.length;
    }
    // the seeds give both answers
    expect(notes).toBeGreaterThan(5);
    expect(problems).toBeGreaterThan(5);
  });
});
