// address-township: the 乡/镇/街道 of an address in a county register must be one of the county's townships today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../../src/formatters/catalogue/index.js';
import type { AreaGuess } from '../../../src/core/model.js';
import { DivisionIndex, type DivisionData } from '../../../src/core/divisions.js';
import rule from '../../../src/core/rules/address-township.js';
import { validateRegister } from '../../../src/core/validate.js';
import { brief, FORM_HEADER, makeRegister } from '../../helpers/register.js';

const data = JSON.parse(readFileSync(new URL('../../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData;
const divisions = new DivisionIndex(data);

const XUPU: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', code: '431224', source: 'path' };
const CHENXI: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '辰溪县', source: 'flag' };

function register(area: AreaGuess, addresses: string[]) {
  return makeRegister(
    [FORM_HEADER, ...addresses.map((a, i) => [i + 1, '溆浦县慈善会', `李${'一二三四五六七八九'[i]}`, a, '13912345678'])],
    { headerRow: 3, area },
  );
}

const run = (reg: ReturnType<typeof register>) => validateRegister(reg, [rule], { strict: false, divisions });

describe('address-township', () => {
  it('passes the county’s townships, written after the county, the city or alone', () => {
    const reg = register(XUPU, [
      '怀化市溆浦县卢峰镇大坪村3组',
      '溆浦县龙潭镇长坡村',
      '卢峰镇新田村',
      '湖南省怀化市溆浦县 思蒙镇',
      '怀化市北斗溪镇',
      '溆浦县大坪村3组', // no township named
      '辰溪县城关镇', // another county: address-county's finding
    ]);
    expect(run(reg)).toEqual([]);
  });

  it('accepts an ethnic township written without its ethnic group', () => {
    expect(run(register(CHENXI, ['辰溪县后塘乡', '苏木溪乡']))).toEqual([]);
  });

  it('warns about a township that is not in the county today, saying it may have been merged', () => {
    const problems = run(register(XUPU, ['溆浦县岗东乡枫香村', '岗东乡枫香村', '溆浦县城关镇']));
    expect(problems.map(brief)).toEqual([
      { rule: 'address-township', severity: 'warning', cell: 'D4', messageId: 'unknown' },
      { rule: 'address-township', severity: 'warning', cell: 'D5', messageId: 'unknown' },
      { rule: 'address-township', severity: 'warning', cell: 'D6', messageId: 'unknown' },
    ]);
    expect(problems.map((p) => p.data?.town)).toEqual(['岗东乡', '岗东乡', '城关镇']);
    expect(renderProblem(problems[0], 'zh')).toBe(
      'D4 家庭住址“溆浦县岗东乡枫香村”中的“岗东乡”不在 怀化市溆浦县 现有的乡镇（街道）名录中：可能已撤并，请核对，写明该户现在所属的乡镇（街道）',
    );
  });

  it('names the current township when only 乡/镇 changed, and the county when it is a neighbour’s', () => {
    const problems = run(register(XUPU, ['溆浦县龙潭乡', '孝坪镇大坪村']));
    expect(problems.map((p) => [p.cell, p.messageId, p.data?.town, p.data?.current ?? p.data?.others])).toEqual([
      ['D4', 'renamed', '龙潭乡', '龙潭镇'],
      ['D5', 'elsewhere', '孝坪镇', ['辰溪县']],
    ]);
    expect(renderProblem(problems[1], 'zh')).toBe(
      'D5 家庭住址“孝坪镇大坪村”中的“孝坪镇”不在 怀化市溆浦县 现有的乡镇（街道）名录中，而在 辰溪县：可能已撤并，或该户不属本县，请核对',
    );
  });

  it('checks county registers only', () => {
    const city: AreaGuess = { level: 'city', province: '湖南省', city: '怀化市', code: '4312', source: 'path' };
    expect(run(register(city, ['溆浦县岗东乡']))).toEqual([]);
    expect(validateRegister(register(XUPU, ['溆浦县岗东乡']), [rule], { strict: false })).toEqual([]);
  });
});
