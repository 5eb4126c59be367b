// Tests for resolveArea (flag > path > sheet, conflicts reported) and areaLabel, on the real division list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaLabel, forgetReadings, resolveArea, type AreaInput } from '../../src/core/area.js';
import { DivisionIndex, type DivisionData } from '../../src/core/divisions.js';

const data = JSON.parse(readFileSync(new URL('../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData;
const idx = new DivisionIndex(data);

type Input = Omit<AreaInput, 'province'> & { province?: string };

/** The guess (the province Hunan unless given) without the conflicts list when empty, for one-line comparisons. */
function area(input: Input) {
  const { conflicts, ...rest } = resolve(input);
  return conflicts.length > 0 ? { ...rest, conflicts } : rest;
}

function resolve(input: Input) {
  return resolveArea({ province: '湖南省', ...input }, idx);
}

const XUPU = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', code: '431224' } as const;

describe('resolveArea from the --area flag', () => {
  it('reads a county with or without its city, and a bare short name', () => {
    expect(area({ flag: '怀化市溆浦县' })).toEqual({ ...XUPU, source: 'flag', evidence: '怀化市溆浦县' });
    expect(area({ flag: '溆浦县' })).toEqual({ ...XUPU, source: 'flag', evidence: '溆浦县' });
    expect(area({ flag: '溆浦' })).toEqual({ ...XUPU, source: 'flag', evidence: '溆浦' });
    expect(area({ flag: '宁乡县' })).toMatchObject({ level: 'county', city: '长沙市', county: '宁乡市', code: '430182' });
  });

  it('reads 市本级 (city from the flag or the path) and 省本级', () => {
    expect(area({ flag: '怀化市本级' })).toEqual({
      level: 'city', province: '湖南省', city: '怀化市', code: '4312', source: 'flag', evidence: '怀化市本级',
    });
    expect(area({ flag: '湘西州本级' })).toMatchObject({ level: 'city', city: '湘西土家族苗族自治州', code: '4331' });
    expect(area({ flag: '市本级', pathSegments: ['ledger', '怀化市', 'a.xlsx'] })).toEqual({
      level: 'city', province: '湖南省', city: '怀化市', code: '4312', source: 'flag', evidence: '市本级',
    });
    expect(area({ flag: '省本级' })).toEqual({ level: 'province', province: '湖南省', code: '43', source: 'flag', evidence: '省本级' });
    expect(area({ flag: '省本级', province: '广东省' })).toMatchObject({ level: 'province', province: '广东省', code: '44' });
  });

  it('wins over the path, and says when they disagree', () => {
    const g = resolve({ flag: '辰溪县', pathSegments: ['怀化市', '溆浦县.xlsx'] });
    expect(g).toMatchObject({ level: 'county', county: '辰溪县', source: 'flag' });
    expect(g.conflicts).toEqual([{ source: 'path', text: '溆浦县.xlsx', names: '怀化市溆浦县' }]);
    expect(g.evidence).toBe('辰溪县');
  });

  it('leaves 市本级 unknown when no source names the city', () => {
    expect(area({ flag: '市本级' })).toMatchObject({ level: 'unknown', province: '湖南省', source: 'flag' });
  });
});

describe('resolveArea from the path', () => {
  it('reads the ledger layout', () => {
    expect(area({ pathSegments: ['ledger', '怀化市', '溆浦县.xlsx'] })).toEqual({ ...XUPU, source: 'path', evidence: '溆浦县.xlsx' });
    expect(area({ pathSegments: ['/', 'home', 'clerk', 'ledger', '怀化市', '市本级.csv'] })).toEqual({
      level: 'city', province: '湖南省', city: '怀化市', code: '4312', source: 'path', evidence: '市本级.csv',
    });
    expect(area({ pathSegments: ['省本级.xlsx'] })).toEqual({ level: 'province', province: '湖南省', code: '43', source: 'path', evidence: '省本级.xlsx' });
  });

  it('reads file names that carry more than the place', () => {
    expect(area({ pathSegments: ['溆浦县登记表.xlsx'] })).toMatchObject({ ...XUPU, source: 'path' });
    expect(area({ pathSegments: ['怀化市溆浦县2016年结对帮扶登记表.xlsx'] })).toMatchObject({ ...XUPU, source: 'path' });
    expect(area({ pathSegments: ['inbox', '03-溆浦县.csv'] })).toMatchObject({ ...XUPU, source: 'path' });
    expect(area({ pathSegments: ['怀化市', '溆浦.xlsx'] })).toMatchObject({ ...XUPU, source: 'path' });
  });

  it('prefers the county named by the file over a folder of another city, and reports it', () => {
    const g = resolve({ pathSegments: ['长沙市', '溆浦县.xlsx'] });
    expect(g).toMatchObject({ ...XUPU, source: 'path' });
    expect(g.conflicts).toEqual([{ source: 'path', text: '长沙市', names: '长沙市' }]);
    expect(g.evidence).toBe('溆浦县.xlsx');
  });

  it('takes a county folder when the file name has no place', () => {
    expect(area({ pathSegments: ['怀化市', '溆浦县', '2016登记表.xlsx'] })).toMatchObject({ ...XUPU, source: 'path', evidence: '溆浦县' });
  });
});

describe('resolveArea from the sheet', () => {
  it('reads the 填报单位 line before the title', () => {
    expect(area({ pathSegments: ['inbox', 'Book1.xlsx'], sheetLines: ['县市区慈善组织精准扶贫结对帮扶登记表', '填报单位：溆浦县慈善会  填报日期：2016年12月'] })).toMatchObject({
      ...XUPU,
      source: 'sheet',
      evidence: '填报单位:溆浦县慈善会 填报日期:2016年12月',
    });
    expect(area({ sheetLines: ['怀化市溆浦县慈善组织精准扶贫结对帮扶登记表'] })).toMatchObject({ ...XUPU, source: 'sheet' });
  });

  it('takes a city or province unit in 填报单位 as 本级', () => {
    expect(area({ sheetLines: ['填报单位：怀化市慈善总会'] })).toMatchObject({ level: 'city', city: '怀化市', source: 'sheet' });
    expect(area({ sheetLines: ['填报单位：湖南省慈善总会'] })).toMatchObject({ level: 'province', province: '湖南省', source: 'sheet' });
  });

  it('loses to the path, and the disagreement is kept', () => {
    const g = resolve({ pathSegments: ['怀化市', '溆浦县.xlsx'], sheetLines: ['填报单位：辰溪县慈善会'] });
    expect(g).toMatchObject({ ...XUPU, source: 'path' });
    expect(g.conflicts).toEqual([{ source: 'sheet', text: '填报单位:辰溪县慈善会', names: '怀化市辰溪县' }]);
  });
});

describe('resolveArea with nothing to go on', () => {
  it('is unknown, keeping a city named only as context', () => {
    expect(area({ pathSegments: ['inbox', 'Book1.xlsx'], sheetLines: ['县市区慈善组织精准扶贫结对帮扶登记表'] })).toEqual({
      level: 'unknown', source: 'none',
    });
    expect(area({ pathSegments: ['怀化市', 'Book1.xlsx'] })).toEqual({
      level: 'unknown', province: '湖南省', city: '怀化市', code: '4312', source: 'path', evidence: '怀化市',
    });
  });
});

describe('areaLabel', () => {
  it('labels each level', () => {
    expect(areaLabel(XUPU)).toBe('怀化市溆浦县');
    expect(areaLabel({ level: 'city', province: '湖南省', city: '怀化市' })).toBe('怀化市本级');
    expect(areaLabel({ level: 'province', province: '湖南省' })).toBe('湖南省本级');
    expect(areaLabel({ level: 'county', city: '怀化市', county: '怀化市洪江管理区' })).toBe('怀化市洪江管理区');
    expect(areaLabel({ level: 'unknown', city: '怀化市' })).toBeUndefined();
  });
});

describe('resolveArea keeps its readings for the next register', () => {
  // the same texts under different folders (so different cities as hints), reporter lines, flags, sheet names
  const inputs: Input[] = [];
  for (const city of ['怀化市', '衡阳市', '长沙市', '湘西土家族苗族自治州']) {
    for (const file of ['溆浦县.xlsx', '市本级.xlsx', '03-溆浦.xlsx', '登记表.xlsx', '祁东县.xlsx', '宁乡县.xlsx']) {
      inputs.push({ pathSegments: ['ledger', city, file], sheetName: 'Sheet1', sheetLines: ['县市区慈善组织精准扶贫结对帮扶登记表', '填报单位：溆浦县慈善会'] });
      inputs.push({ pathSegments: ['ledger', city, file], sheetName: '祁东县', sheetLines: ['填报单位：湖南省慈善总会'] });
      inputs.push({ pathSegments: ['ledger', city, '2024', file], flag: '市本级', sheetLines: ['怀化市慈善总会'] });
    }
  }
  inputs.push({ flag: '溆浦' }, { flag: '省本级' }, { pathSegments: ['东莞市', '虎门镇.xlsx'], province: '广东省' }, { pathSegments: ['x', '长沙市溆浦县.xlsx'] });

  it('answers as a fresh index does, in any order', () => {
    const warm = new DivisionIndex(data);
    const fresh = inputs.map((input) => {
      forgetReadings(warm);
      return resolveArea({ province: '湖南省', ...input }, warm);
    });
    forgetReadings(warm);
    for (const order of [inputs.map((_, i) => i), inputs.map((_, i) => inputs.length - 1 - i), inputs.map((_, i) => (i * 7) % inputs.length)]) {
      for (const i of order) expect(resolveArea({ province: '湖南省', ...inputs[i]! }, warm), JSON.stringify(inputs[i])).toEqual(fresh[i]);
    }
  });

  it('stays right past the readings it keeps (thousands of different file names)', () => {
    const warm = new DivisionIndex(data);
    const names = Array.from({ length: 5000 }, (_, i) => `${String(i).padStart(4, '0')}-${i % 3 === 0 ? '溆浦' : i % 3 === 1 ? '市本级' : '登记表'}.xlsx`);
    const expected = new Map(['溆浦', '市本级', '登记表'].map((n) => [n, resolveArea({ province: '湖南省', pathSegments: ['ledger', '怀化市', `0000-${n}.xlsx`] }, idx)]));
    for (const name of names) {
      const got = resolveArea({ province: '湖南省', pathSegments: ['ledger', '怀化市', name] }, warm);
      const e = expected.get(name.slice(5, -5))!;
      expect({ ...got, evidence: undefined }).toEqual({ ...e, evidence: undefined });
    }
  });
});
