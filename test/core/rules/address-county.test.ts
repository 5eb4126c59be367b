// address-county: an address naming another county, city or province than the register's, on the real division list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../../src/formatters/catalogue/index.js';
import type { AreaGuess } from '../../../src/core/model.js';
import { DivisionIndex, type DivisionData } from '../../../src/core/divisions.js';
import rule from '../../../src/core/rules/address-county.js';
import { validateRegister } from '../../../src/core/validate.js';
import { brief, FORM_HEADER, makeRegister } from '../../helpers/register.js';

const data = JSON.parse(readFileSync(new URL('../../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData;
const divisions = new DivisionIndex(data);

const XUPU: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', code: '431224', source: 'path' };
const HUAIHUA: AreaGuess = { level: 'city', province: '湖南省', city: '怀化市', code: '4312', source: 'path' };
const HUNAN: AreaGuess = { level: 'province', province: '湖南省', code: '43', source: 'path' };

/** A register whose rows have these addresses (rows 4, 5, …). */
function register(area: AreaGuess, addresses: string[]) {
  return makeRegister(
    [FORM_HEADER, ...addresses.map((a, i) => [i + 1, '溆浦县慈善会', `张${'一二三四五六七八九'[i]}`, a, '13912345678'])],
    { headerRow: 3, area },
  );
}

const run = (reg: ReturnType<typeof register>, strict = false, withDivisions = true) =>
  validateRegister(reg, [rule], { strict, divisions: withDivisions ? divisions : undefined });

describe('address-county', () => {
  it('passes addresses in the county, by county, city, township, old name or no place at all', () => {
    const reg = register(XUPU, [
      '怀化市溆浦县卢峰镇大坪村3组',
      '溆浦县龙潭镇长坡村',
      '卢峰镇新田村',
      '湖南省怀化市溆浦县思蒙镇',
      '溆浦龙潭镇',
      '大坪村3组',
      '孝坪镇', // a township of 辰溪县 without its county: address-township's question, not this rule's
    ]);
    expect(run(reg)).toEqual([]);
  });

  it('warns when the address is in another county, naming the most specific place', () => {
    const reg = register(XUPU, ['溆浦县卢峰镇', '辰溪县孝坪镇大坪村', '湖南省长沙市宁乡县花明楼镇', '湘西州吉首市', '北京市朝阳区']);
    const problems = run(reg);
    expect(problems.map(brief)).toEqual([
      { rule: 'address-county', severity: 'warning', cell: 'D5', messageId: 'elsewhere' },
      { rule: 'address-county', severity: 'warning', cell: 'D6', messageId: 'elsewhere' },
      { rule: 'address-county', severity: 'warning', cell: 'D7', messageId: 'elsewhere' },
      { rule: 'address-county', severity: 'warning', cell: 'D8', messageId: 'elsewhere' },
    ]);
    expect(problems.map((p) => p.data?.found)).toEqual(['怀化市辰溪县', '长沙市宁乡市', '湘西土家族苗族自治州吉首市', '北京市朝阳区']);
    expect(renderProblem(problems[0], 'zh')).toBe(
      'D5 家庭住址“辰溪县孝坪镇大坪村”属于 怀化市辰溪县，不在本表所属的 怀化市溆浦县：请核对地址，或把该户登记到 怀化市辰溪县 的登记表',
    );
    expect(renderProblem(problems[0], 'en')).toBe(
      'D5: the address "辰溪县孝坪镇大坪村" is in 怀化市辰溪县, not in 怀化市溆浦县 where this register belongs; check the address, or enter this household in the register of 怀化市辰溪县',
    );
  });

  it('is an error with --strict', () => {
    const reg = register(XUPU, ['辰溪县孝坪镇大坪村']);
    expect(run(reg, true).map(brief)).toEqual([{ rule: 'address-county', severity: 'error', cell: 'D4', messageId: 'elsewhere' }]);
  });

  it('checks a 市本级 register against its city and a 省本级 register against its province', () => {
    const city = run(register(HUAIHUA, ['溆浦县卢峰镇', '辰溪县孝坪镇', '长沙县黄花镇']));
    expect(city.map((p) => [p.cell, p.data?.found, p.data?.expected])).toEqual([['D6', '长沙市长沙县', '怀化市']]);
    const province = run(register(HUNAN, ['溆浦县卢峰镇', '湘西州吉首市', '湖北省恩施州']));
    expect(province.map((p) => [p.cell, p.data?.found, p.data?.expected])).toEqual([['D6', '恩施土家族苗族自治州', '湖南省']]);
  });

  it('skips without the division list or when the area is unknown', () => {
    expect(run(register(XUPU, ['辰溪县孝坪镇']), false, false)).toEqual([]);
    expect(run(register({ level: 'unknown', source: 'none' }, ['辰溪县孝坪镇']))).toEqual([]);
  });
});
