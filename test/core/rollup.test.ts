// Counting 附3 by hand-checked figures: joint households, spelling variants, typing by column/registry/name/default, 合计.
import { describe, expect, it } from 'vitest';
import type { AreaGuess, CountPair, RollupRow, RollupTable } from '../../src/core/model.js';
import { registryFromRows } from '../../src/core/orgs.js';
import { provinceFromCityTables } from '../../src/core/ledger/plan-rollup.js';
import { rollupCity as rollupCityOf, rollupProvince as rollupProvinceOf, summariseOrgs as summariseOrgsOf, type RollupOptions } from '../../src/core/rollup.js';
import type { Register } from '../../src/core/model.js';
import type { DivisionIndex } from '../../src/core/divisions.js';
import { divisions } from '../helpers/divisions.js';
import { HUNAN } from '../helpers/profile.js';
import { counted, FORM_HEADER, makeRegister, words } from '../helpers/register.js';

/** `divisions`: household and organisation keys read across place-name spellings (they are made as the rows are counted). */
type Opts = RollupOptions & { divisions?: DivisionIndex };
const rollupCity = (regs: Register[], { divisions: d, ...opts }: Opts = {}) => rollupCityOf(counted(regs, d), opts);
const rollupProvince = (regs: Register[], { divisions: d, ...opts }: Opts = {}) =>
  rollupProvinceOf(counted(regs, d), { cityOrder: HUNAN.cityNames, province: HUNAN.name, ...opts });
const summariseOrgs = (regs: Register[]) => summariseOrgsOf(counted(regs), { cityOrder: HUNAN.cityNames });

const cityArea = (city: string): AreaGuess => ({ level: 'city', city, source: 'path' });
const countyArea = (city: string, county: string): AreaGuess => ({ level: 'county', city, county, source: 'path' });

// 怀化市本级: 张三 is helped by the charity federation and a foundation (joint); the social centre is spelt two ways;
// row 7 has no household name and is left out.
const huaihuaCity = makeRegister(
  [
    FORM_HEADER,
    [1, '怀化市慈善总会', '张三', '溆浦县卢峰镇大坪村3组', '13907451234'],
    [2, '怀化市慈善总会', '李四', '溆浦县龙潭镇桐木村1组', ''],
    [3, '怀化市教育基金会', '张 三', '溆浦县卢峰镇大坪村3组', '13907451234'],
    [4, '怀化市（阳光）社工服务中心', '王五', '溆浦县低庄镇1组', ''],
    [5, '怀化市(阳光)社工服务中心 ', '赵六', '溆浦县低庄镇2组', ''],
    [6, '怀化市慈善总会', '', '溆浦县卢峰镇', ''],
  ],
  { file: '怀化市/市本级.xlsx', area: cityArea('怀化市') },
);

// 溆浦县: 张三 again (same household as in 市本级); 钱七 helped by the charity and a 协会 (joint);
// 溆浦县爱心家园 fits no name rule (default social unless orgs.csv types it).
const xupu = makeRegister(
  [
    FORM_HEADER,
    [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', '13907451234'],
    [2, '溆浦县慈善会', '钱七', '溆浦县桥江镇1组', ''],
    [3, '溆浦县爱心家园', '孙八', '溆浦县桥江镇2组', ''],
    [4, '溆浦县扶贫开发协会', '钱七', '溆浦县桥江镇1组', ''],
  ],
  { file: '怀化市/溆浦县.xlsx', area: countyArea('怀化市', '溆浦县') },
);

// 鹤城区: a 类型 column types 鹤城区红十字会 (no name rule) as a foundation.
const hecheng = makeRegister(
  [
    [...FORM_HEADER, '类型'],
    [1, '鹤城区红十字会', '周九', '鹤城区城南街道1组', '', '基金会'],
    [2, '鹤城区红十字会', '吴十', '鹤城区城南街道2组', '', ''],
  ],
  { file: '怀化市/鹤城区.xlsx', area: countyArea('怀化市', '鹤城区') },
);

// 中方县: only the template's numbered rows — a register without pairings.
const zhongfang = makeRegister([FORM_HEADER, [1], [2], [3]], { file: '怀化市/中方县.xlsx', area: countyArea('怀化市', '中方县') });

const pair = (units: number, households: number): CountPair => ({ units, households });
function counts(row: RollupRow | RollupTable['total']): number[] {
  return [row.charity, row.foundation, row.social, row.subtotal].flatMap((p) => [p.units, p.households]);
}

describe('rollupCity', () => {
  const registers = [zhongfang, xupu, huaihuaCity, hecheng];

  it('counts each row by hand-checked figures, 市本级 first and counties by name', () => {
    const { table } = rollupCity(registers);
    expect(table.level).toBe('city');
    expect(table.area).toBe('怀化市');
    expect(table.rows.map((r) => [r.unit, r.level, ...counts(r)])).toEqual([
      // 慈善 units/hh, 基金会, 社会服务机构, 小计
      ['市本级', 'city', 1, 2, 1, 1, 1, 2, 3, 4],
      ['鹤城区', 'county', 0, 0, 1, 2, 0, 0, 1, 2],
      ['溆浦县', 'county', 1, 2, 0, 0, 2, 2, 3, 3],
      ['中方县', 'county', 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('合计 is the column sums, households included', () => {
    const { table } = rollupCity(registers);
    expect(table.total).toEqual({ charity: pair(2, 4), foundation: pair(2, 3), social: pair(3, 4), subtotal: pair(7, 9) });
  });

  it('follows the division order when given, and names counties without a register', () => {
    const { table } = rollupCity(registers, { countyOrder: ['鹤城区', '中方县', '沅陵县', '辰溪县', '溆浦县'] });
    expect(table.rows.map((r) => r.unit)).toEqual(['市本级', '鹤城区', '中方县', '溆浦县']);
    expect(words(table.notes)).toContain('以下县市区没有登记表：沅陵县、辰溪县');
  });

  it('writes notes for left-out rows, the default type, joint households and households in two rows', () => {
    const { table } = rollupCity(registers);
    expect(words(table.notes)).toEqual([
      '怀化市/市本级.xlsx 第 7 行没有户主姓名，无法确定帮扶对象，共 1 行未计入',
      '1 个组织无法判断类型，已按社会服务机构（民非）计：溆浦县爱心家园。请在 orgs.csv 中登记其类型',
      '市本级：1 户同时由两类（或三类）组织帮扶，扶贫脱贫农户总数按户只计一次（4 户，三类户数之和为 5）',
      '溆浦县：1 户同时由两类（或三类）组织帮扶，扶贫脱贫农户总数按户只计一次（3 户，三类户数之和为 4）',
      '合计中的扶贫脱贫农户总数是各行相加；其中 1 户在两行以上出现，全表实际涉及 8 户',
    ]);
  });

  it('lists the rows left out in the language of the run: 、 in Chinese, ", " in English', () => {
    const twoLeft = makeRegister(
      [FORM_HEADER, [1, '溆浦县慈善会', '', '溆浦县卢峰镇', ''], [2, '溆浦县慈善会', '钱七', '溆浦县桥江镇1组', ''], [3, '溆浦县慈善会', '', '溆浦县桥江镇', '']],
      { file: '怀化市/溆浦县.xlsx', area: countyArea('怀化市', '溆浦县') },
    );
    const { table } = rollupCity([twoLeft]);
    expect(words(table.notes)).toContain('怀化市/溆浦县.xlsx 第 2、4 行没有户主姓名，无法确定帮扶对象，共 2 行未计入');
    expect(words(table.notes, 'en')).toContain('怀化市/溆浦县.xlsx rows 2, 4 have no head of household, so the pairing is unknown; 2 rows left out');
  });

  it('notes in English on request', () => {
    const { table } = rollupCity([xupu]);
    // English quotes the Chinese terms
    expect(words(table.notes, 'en')).toContain('No "市本级" (city level) register for 怀化市; its "市本级" row is 0');
  });

  it('uses orgs.csv: 溆浦县爱心家园 as a foundation moves 孙八 to 基金会', () => {
    const { registry } = registryFromRows([
      ['单位名称', '类型'],
      ['溆浦县爱心家园', '基金会'],
    ]);
    const { table } = rollupCity(registers, { registry });
    expect(counts(table.rows[2]!)).toEqual([1, 2, 1, 1, 1, 1, 3, 3]);
    expect(words(table.notes).some((n) => n.includes('无法判断类型'))).toBe(false);
  });

  it('leaves out and reports a register of another city or of no known area', () => {
    const changsha = makeRegister([FORM_HEADER, [1, '长沙县慈善会', '刘一', '长沙县星沙街道1组', '']], {
      file: '长沙市/长沙县.xlsx',
      area: countyArea('长沙市', '长沙县'),
    });
    const stray = makeRegister([FORM_HEADER, [1, '某县慈善会', '陈二', '某地', '']], { file: '其他.xlsx' });
    const { table, problems } = rollupCity([huaihuaCity, changsha, stray], { city: '怀化市' });
    expect(table.rows.map((r) => r.unit)).toEqual(['市本级']);
    expect(problems.map((p) => [p.rule, p.messageId, p.severity, p.data?.file])).toEqual([
      ['rollup-area', 'other-city', 'warning', '长沙市/长沙县.xlsx'],
      ['rollup-area', 'unknown', 'warning', '其他.xlsx'],
    ]);
  });
});

describe('summariseOrgs', () => {
  it('lists each organisation once per level and area, spellings merged, with how its type was decided', () => {
    const orgs = summariseOrgs([huaihuaCity, xupu, hecheng]);
    expect(orgs.map((o) => [o.level, o.county ?? '', o.name, o.type, o.typeSource, o.households])).toEqual([
      ['city', '', '怀化市慈善总会', 'charity', 'name', 2],
      ['city', '', '怀化市教育基金会', 'foundation', 'name', 1],
      ['city', '', '怀化市（阳光）社工服务中心', 'social', 'name', 2],
      ['county', '鹤城区', '鹤城区红十字会', 'foundation', 'column', 2],
      ['county', '溆浦县', '溆浦县慈善会', 'charity', 'name', 2],
      ['county', '溆浦县', '溆浦县爱心家园', 'social', 'default', 1], // same type and count: by name (ài before fú)
      ['county', '溆浦县', '溆浦县扶贫开发协会', 'social', 'name', 1],
    ]);
    const centre = orgs.find((o) => o.name.includes('社工服务中心'))!;
    expect(centre.spellings).toEqual(['怀化市（阳光）社工服务中心', '怀化市(阳光)社工服务中心']);
    expect(words([centre.typeDetail!])).toEqual(['名称含“社工服务中心”']);
  });
});

describe('rollupProvince', () => {
  const province = makeRegister(
    [
      FORM_HEADER,
      [1, '湖南省慈善总会', '张三', '溆浦县卢峰镇大坪村3组', '13907451234'],
      [2, '湖南省慈善总会', '郑一', '溆浦县卢峰镇大坪村9组', ''],
    ],
    { file: '省本级.xlsx', area: { level: 'province', province: '湖南省', source: 'path' } },
  );
  const changsha = makeRegister(
    [
      FORM_HEADER,
      [1, '长沙县慈善会', '刘一', '长沙县星沙街道1组', ''],
      [2, '长沙县慈善会', '陈二', '长沙县星沙街道2组', ''],
    ],
    { file: '长沙市/长沙县.xlsx', area: countyArea('长沙市', '长沙县') },
  );
  const result = rollupProvince([province, huaihuaCity, xupu, hecheng, zhongfang, changsha]);

  it('has 省本级 and the 14 cities in 附4 order', () => {
    expect(result.table.rows.map((r) => r.unit)).toEqual([
      '省本级', '长沙市', '株洲市', '衡阳市', '岳阳市', '常德市', '郴州市', '湘潭市', '怀化市', '邵阳市', '娄底市', '永州市',
      '益阳市', '张家界市', '湘西土家族苗族自治州',
    ]);
    expect(result.table.area).toBe('湖南省');
  });

  it('counts a city row across the whole city, households and organisations once', () => {
    const byUnit = new Map(result.table.rows.map((r) => [r.unit, counts(r)]));
    expect(byUnit.get('省本级')).toEqual([1, 2, 0, 0, 0, 0, 1, 2]);
    expect(byUnit.get('长沙市')).toEqual([1, 2, 0, 0, 0, 0, 1, 2]);
    // 怀化市: 慈善 {怀化市慈善总会, 溆浦县慈善会} {张三, 李四, 钱七}; 基金会 {教育基金会, 红十字会} {张三, 周九, 吴十};
    // 社会 {社工中心, 爱心家园, 扶贫开发协会} {王五, 赵六, 孙八, 钱七}; all: 8 households (张三 once).
    expect(byUnit.get('怀化市')).toEqual([2, 3, 2, 3, 3, 4, 7, 8]);
    expect(byUnit.get('株洲市')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(counts(result.table.total)).toEqual([4, 7, 2, 3, 3, 4, 9, 12]);
  });

  it('gives each city its own table, with the same figures as rollupCity', () => {
    expect(result.byCity.map((t) => t.area)).toEqual(['长沙市', '怀化市']);
    const huaihua = result.byCity[1]!;
    expect(counts(huaihua.total)).toEqual([2, 4, 2, 3, 3, 4, 7, 9]);
    expect(result.byCity[0]!.rows.map((r) => [r.unit, ...counts(r)])).toEqual([
      ['市本级', 0, 0, 0, 0, 0, 0, 0, 0],
      ['长沙县', 1, 2, 0, 0, 0, 0, 1, 2],
    ]);
  });

  it('notes the rows left out of a sheet in its own city only, naming the sheet when the workbook has several', () => {
    // one workbook with a sheet for each of two cities, each with a row without a household name
    const file = '收件箱/两市汇总.xlsx';
    const a = makeRegister([FORM_HEADER, [1, '长沙县慈善会', '', '长沙县星沙街道', ''], [2, '长沙县慈善会', '刘一', '长沙县星沙街道1组', '']], {
      file, sheet: '长沙县', area: countyArea('长沙市', '长沙县'),
    });
    const b = makeRegister([FORM_HEADER, [1, '溆浦县慈善会', '钱七', '溆浦县桥江镇1组', ''], [2, '溆浦县慈善会', '', '溆浦县桥江镇', '']], {
      file, sheet: '溆浦县', area: countyArea('怀化市', '溆浦县'),
    });
    const r = rollupProvince([a, b]);
    const [changsha, huaihua] = r.byCity;
    expect(words(changsha!.notes).filter((n) => n.includes('没有户主姓名'))).toEqual([
      '收件箱/两市汇总.xlsx 工作表“长沙县” 第 2 行没有户主姓名，无法确定帮扶对象，共 1 行未计入',
    ]);
    expect(words(huaihua!.notes).filter((n) => n.includes('没有户主姓名'))).toEqual([
      '收件箱/两市汇总.xlsx 工作表“溆浦县” 第 3 行没有户主姓名，无法确定帮扶对象，共 1 行未计入',
    ]);
    expect(words(huaihua!.notes, 'en').filter((n) => n.includes('head of household'))).toEqual([
      '收件箱/两市汇总.xlsx, sheet "溆浦县", rows 3 have no head of household, so the pairing is unknown; 1 rows left out',
    ]);
    // the city's own rollup keeps to its sheet as well
    expect(rollupCity([a, b], { city: '怀化市' }).leftOut.map((l) => l.sheet)).toEqual(['溆浦县']);
  });

  it('says where the province row differs from the city table and which cities have no data', () => {
    expect(words(result.table.notes)).toContain(
      '怀化市：按全市去重，参与单位 7 个、扶贫户 8 户（市统计表合计为 7 个、9 户，因同一组织或农户出现在多个县市区）',
    );
    expect(words(result.table.notes)).toContain(
      '以下市州没有数据，记为 0：株洲市、衡阳市、岳阳市、常德市、郴州市、湘潭市、邵阳市、娄底市、永州市、益阳市、张家界市、湘西土家族苗族自治州',
    );
    expect(words(result.table.notes)).toContain('合计中的扶贫脱贫农户总数是各行相加；其中 1 户在两行以上出现，全表实际涉及 11 户');
  });
});

describe('provinceFromCityTables', () => {
  const row = (unit: string, ...n: number[]): RollupRow => ({
    unit,
    level: 'county',
    charity: pair(n[0]!, n[1]!),
    foundation: pair(n[2]!, n[3]!),
    social: pair(n[4]!, n[5]!),
    subtotal: pair(n[6]!, n[7]!),
  });
  const table = (area: string, rows: RollupRow[]): RollupTable => ({
    level: 'city',
    area,
    rows,
    total: { charity: pair(0, 0), foundation: pair(0, 0), social: pair(0, 0), subtotal: pair(0, 0) },
    notes: [],
  });
  const xiangxi = table('湘西州', [row('州本级', 2, 9, 1, 3, 0, 0, 3, 11), row('吉首市', 3, 10, 0, 0, 1, 1, 4, 11)]);
  const huaihua = table('怀化市', [row('市本级', 1, 2, 1, 1, 1, 2, 3, 4), row('溆浦县', 1, 2, 0, 0, 2, 2, 3, 3)]);
  const provinceRow = row('省本级', 5, 20, 1, 4, 1, 1, 7, 24);

  it('adds each city table up from its rows, in 附4 order, with 省本级 first', () => {
    const t = provinceFromCityTables([xiangxi, huaihua], HUNAN, provinceRow);
    expect(t.level).toBe('province');
    const rows = t.rows.filter((r) => r.subtotal.units > 0).map((r) => [r.unit, r.level, ...counts(r)]);
    expect(rows).toEqual([
      ['省本级', 'province', 5, 20, 1, 4, 1, 1, 7, 24],
      ['怀化市', 'city', 2, 4, 1, 1, 3, 4, 6, 7],
      ['湘西土家族苗族自治州', 'city', 5, 19, 1, 3, 1, 1, 7, 22],
    ]);
    expect(t.rows).toHaveLength(15);
    expect(counts(t.total)).toEqual([12, 43, 3, 8, 5, 6, 20, 53]);
  });

  it('keeps a duplicated city table visible and says so', () => {
    const t = provinceFromCityTables([huaihua, huaihua], HUNAN);
    expect(t.rows.filter((r) => r.unit === '怀化市')).toHaveLength(2);
    expect(words(t.notes)).toEqual([
      '未找到省本级登记表，省本级一行记为 0',
      '怀化市 有 2 张统计表，均已计入：请删去重复的一张',
      '以下市州没有数据，记为 0：长沙市、株洲市、衡阳市、岳阳市、常德市、郴州市、湘潭市、邵阳市、娄底市、永州市、益阳市、张家界市、湘西土家族苗族自治州',
    ]);
    expect(counts(t.total)).toEqual([4, 8, 2, 2, 6, 8, 12, 14]);
  });
});

describe('rollup across place-name spellings (with the division list)', () => {
  // 市本级 writes its own name with and without 湖南省, and the same households with and without their county
  const cityLevel = makeRegister(
    [
      FORM_HEADER,
      [1, '湖南省怀化市慈善总会', '张三', '湖南省怀化市溆浦县卢峰镇大湾村3组', '13907451234'],
      [2, '怀化市慈善总会', '李四', '溆浦县卢峰镇大湾村4组', ''],
      [3, '怀化市 慈善总会', '张三', '卢峰镇大湾村三组', ''], // the same pairing as row 1
      [4, '怀化市慈善总会', '李四', '怀化市溆浦县卢峰镇大湾村委会第4组', ''], // the same pairing as row 2
      [5, '怀化市慈善总会', '王五', '卢峰镇大湾村5组', '13907450005'],
      [6, '怀化市慈善总会', '王五', '溆浦县卢峰镇大湾村', '13907450005'], // same head, phone and village
    ],
    { file: '怀化市/市本级.xlsx', area: { ...cityArea('怀化市'), province: '湖南省' } },
  );
  const county = makeRegister(
    [
      FORM_HEADER,
      [1, '溆浦县慈善会', '张三', '卢峰镇大湾村3组', '13907451234'],
      [2, '怀化市溆浦县慈善会', '赵六', '溆浦县卢峰镇大湾村6组', ''],
      [3, '湖南省溆浦县慈善会', '赵六', '卢峰镇大湾村六组', ''],
      [4, '溆浦县慈善总会', '孙八', '卢峰镇大湾村8组', ''], // another organisation (总会 is not 会)
    ],
    { file: '怀化市/溆浦县.xlsx', area: { ...countyArea('怀化市', '溆浦县'), province: '湖南省' } },
  );

  it('counts each organisation and household once, whatever the spelling', () => {
    const { table, orgs } = rollupCity([cityLevel, county], { city: '怀化市', divisions: divisions() });
    expect(table.rows.map((r) => [r.unit, ...counts(r)])).toEqual([
      ['市本级', 1, 3, 0, 0, 0, 0, 1, 3],
      ['溆浦县', 2, 3, 0, 0, 0, 0, 2, 3],
    ]);
    expect(orgs.map((o) => [o.name, o.households])).toEqual([
      ['怀化市慈善总会', 3],
      ['溆浦县慈善会', 2],
      ['溆浦县慈善总会', 1],
    ]);
    // the province counts 张三 once across 市本级 and 溆浦县
    const p = rollupProvince([cityLevel, county], { divisions: divisions() });
    expect(counts(p.table.rows.find((r) => r.unit === '怀化市')!)).toEqual([3, 5, 0, 0, 0, 0, 3, 5]);
  });

  it('without the division list the prefixes split them (what validate and rollup did before)', () => {
    const { table } = rollupCity([cityLevel, county], { city: '怀化市' });
    expect(table.rows.map((r) => [r.unit, r.subtotal.units, r.subtotal.households])).toEqual([
      ['市本级', 2, 6],
      ['溆浦县', 4, 4],
    ]);
  });
});
