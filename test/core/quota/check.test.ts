// Checking actual figures against 附4: per-area minimums, per-organisation guidance, the 溆浦县 site, the JSON shape.
import { describe, expect, it } from 'vitest';
import type { OrgSummary, RollupRow, RollupTable } from '../../../src/core/model.js';
import {
  actualsFromRollup,
  addressInCounty,
  checkQuota,
  demoSiteActual,
  type AreaActuals,
  type QuotaActuals,
  type Requirement,
} from '../../../src/core/quota/index.js';
import { HUNAN, HUNAN_2016, QUOTA_OPTS } from '../../helpers/profile.js';
import { render } from '../../../src/formatters/catalogue/index.js';
import { quotaReportToJson } from '../../../src/formatters/quota-json.js';
import type { Msg } from '../../../src/core/model.js';

const zh = (m: Msg): string => render(m, 'zh');
const en = (m: Msg): string => render(m, 'en');


/** id → [required, upper, actual, shortfall, met, over], for one-line comparisons. */
function table(reqs: Requirement[]): Record<string, [number, number | null, number, number, boolean, boolean]> {
  return Object.fromEntries(reqs.map((r) => [r.id, [r.required, r.upper ?? null, r.actual, r.shortfall, r.met, r.over]]));
}

function city(name: string, figures: Omit<AreaActuals, 'level' | 'area' | 'city'>): AreaActuals {
  return { level: 'city', area: name, city: name, ...figures };
}

// 怀化市 in 附4: 本级 10, 县市区 60, 基金会 3 / 9-12, 社会服务机构 2 / 2-5.
const HUAIHUA_EXACT = city('怀化市', {
  charityLocalHouseholds: 10, charityCountyHouseholds: 60,
  foundationOrgs: 3, foundationHouseholds: 9, socialOrgs: 2, socialHouseholds: 2,
});
// 长沙市 in 附4: 15, 85, 5 / 10-15, 5 / 5-10. One household short of 基金会 扶贫户数' low end 10.
const CHANGSHA_SHORT = city('长沙市', {
  charityLocalHouseholds: 15, charityCountyHouseholds: 85,
  foundationOrgs: 5, foundationHouseholds: 9, socialOrgs: 5, socialHouseholds: 5,
});
// 湘西州 in 附4: 6, 44, 2 / 5-10, 2 / 2-5. Above every upper end.
const XIANGXI_OVER = city('湘西土家族苗族自治州', {
  charityLocalHouseholds: 7, charityCountyHouseholds: 45,
  foundationOrgs: 3, foundationHouseholds: 11, socialOrgs: 3, socialHouseholds: 6,
});

describe('checkQuota: per-area minimums', () => {
  const report = checkQuota(HUNAN_2016, { areas: [HUAIHUA_EXACT, CHANGSHA_SHORT, XIANGXI_OVER] }, HUNAN.cityNames);
  const [huaihua, changsha, xiangxi] = report.areas;

  it('a city exactly meeting every minimum: all shortfalls 0, met', () => {
    expect(huaihua!.unit).toBe('怀化市');
    expect(table(huaihua!.requirements)).toEqual({
      'charity-local': [10, null, 10, 0, true, false],
      'charity-county': [60, null, 60, 0, true, false],
      'foundation-orgs': [3, null, 3, 0, true, false],
      'foundation-households': [9, 12, 9, 0, true, false],
      'social-orgs': [2, null, 2, 0, true, false],
      'social-households': [2, 5, 2, 0, true, false],
    });
    expect(huaihua!.met).toBe(true);
    expect(zh(huaihua!.verdict)).toBe('怀化市：达到全部 6 项任务下限');
    expect(huaihua!.notes).toEqual([]);
  });

  it('a city one household short in one category: shortfall 1 exactly there', () => {
    const rows = table(changsha!.requirements);
    expect(rows['foundation-households']).toEqual([10, 15, 9, 1, false, false]);
    expect(Object.entries(rows).filter(([, r]) => r[3] !== 0).map(([id]) => id)).toEqual(['foundation-households']);
    expect(changsha!.met).toBe(false);
    expect(zh(changsha!.verdict)).toBe('长沙市：1 项未达任务下限：基金会 扶贫户数差 1');
    expect(en(changsha!.verdict)).toBe('长沙市: short of 1 minimum(s): foundation households ("扶贫户数") short by 1');
  });

  it('a city over every upper end: met, with over as information', () => {
    expect(xiangxi!.unit).toBe('湘西州');
    expect(table(xiangxi!.requirements)).toEqual({
      'charity-local': [6, null, 7, 0, true, false],
      'charity-county': [44, null, 45, 0, true, false],
      'foundation-orgs': [2, null, 3, 0, true, false],
      'foundation-households': [5, 10, 11, 0, true, true],
      'social-orgs': [2, null, 3, 0, true, false],
      'social-households': [2, 5, 6, 0, true, true],
    });
    expect(xiangxi!.met).toBe(true);
    expect(xiangxi!.notes.map((n) => zh(n))).toEqual([
      '基金会 扶贫户数实际 11，超出建议上限 10（仅供参考）',
      '社会服务机构 扶贫户数实际 6，超出建议上限 5（仅供参考）',
    ]);
  });

  it('overall: not met because of 长沙市; faults from the table; rows not in the input listed', () => {
    expect(report.met).toBe(false);
    expect(report.tableFaults.map((f) => f.column)).toEqual(['foundationHouseholds', 'socialOrgs', 'socialHouseholds']);
    expect(report.notInInput).toHaveLength(15 - 3);
    expect(report.notInInput[0]).toBe('省本级');
    expect(report.orgChecks).toBe('skipped');
    expect(report.demoChecks).toBe('skipped');
    expect(report.notes.map((n) => zh(n))).toEqual([
      '只读到统计表，没有登记表，未逐个单位核对分配指导户数',
      '没有读到 省本级、怀化市本级 的登记表住址，未核对示范点（怀化市溆浦县）',
    ]);
  });

  it('省本级 has no 县市区 requirement; an area not in the table is listed, not checked', () => {
    const r = checkQuota(HUNAN_2016, {
      areas: [
        { level: 'province', area: '省本级', charityLocalHouseholds: 29, foundationOrgs: 5, foundationHouseholds: 15, socialOrgs: 5, socialHouseholds: 5 },
        city('武汉市', { foundationOrgs: 0, foundationHouseholds: 0, socialOrgs: 0, socialHouseholds: 0 }),
      ],
    }, HUNAN.cityNames);
    expect(r.areas).toHaveLength(1);
    expect(table(r.areas[0]!.requirements)).toEqual({
      'charity-local': [30, null, 29, 1, false, false],
      'foundation-orgs': [5, null, 5, 0, true, false],
      'foundation-households': [15, 20, 15, 0, true, false],
      'social-orgs': [5, null, 5, 0, true, false],
      'social-households': [5, 10, 5, 0, true, false],
    });
    expect(r.notInTable).toEqual(['武汉市']);
  });
});

// ── from 附3 统计表 ──────────────────────────────────────────────────────────────────────

function row(unit: string, level: RollupRow['level'], c: [number, number], f: [number, number], s: [number, number]): RollupRow {
  return {
    unit, level,
    charity: { units: c[0], households: c[1] },
    foundation: { units: f[0], households: f[1] },
    social: { units: s[0], households: s[1] },
    subtotal: { units: c[0] + f[0] + s[0], households: c[1] + f[1] + s[1] },
  };
}
const zero = { units: 0, households: 0 };
const HUAIHUA_TABLE: RollupTable = {
  level: 'city',
  area: '怀化市',
  rows: [
    row('市本级', 'city', [2, 10], [1, 4], [1, 2]),
    { ...row('溆浦县', 'county', [1, 35], [1, 3], [0, 0]), city: '怀化市', county: '溆浦县' },
    { ...row('辰溪县', 'county', [1, 25], [1, 2], [1, 1]), city: '怀化市', county: '辰溪县' },
  ],
  total: { charity: zero, foundation: zero, social: zero, subtotal: zero },
  notes: [],
};
const PROVINCE_TABLE: RollupTable = {
  level: 'province',
  area: '湖南省',
  rows: [
    row('省本级', 'province', [1, 30], [5, 20], [5, 10]),
    { ...row('长沙市', 'city', [8, 99], [5, 10], [5, 5]), city: '长沙市' },
    { ...row('怀化市', 'city', [1, 1], [0, 0], [0, 0]), city: '怀化市' },
  ],
  total: { charity: zero, foundation: zero, social: zero, subtotal: zero },
  notes: [],
};

describe('actualsFromRollup', () => {
  it('a city table: 市本级 → 本级, counties summed → 县市区, other types summed over all rows', () => {
    const a = actualsFromRollup(HUAIHUA_TABLE, { knownCities: HUNAN.cityNames });
    expect(a.areas).toEqual([
      city('怀化市', {
        charityLocalHouseholds: 10, charityCountyHouseholds: 35 + 25,
        foundationOrgs: 1 + 1 + 1, foundationHouseholds: 4 + 3 + 2, socialOrgs: 1 + 0 + 1, socialHouseholds: 2 + 0 + 1,
      }),
    ]);
    expect(a.orgs).toBeUndefined();
    expect(a.notes!.map((n) => zh(n))).toEqual([
      '怀化市：基金会和社会服务机构的单位数按各行相加，同一单位在两行出现会重复计数（读到登记表时按单位名称去重）',
      '怀化市：各行户数相加，同一户在两行出现会重复计数',
    ]);
  });

  it('a provincial table: 省本级 row, city rows checked on 小计; a city table for the same city wins', () => {
    const a = actualsFromRollup([PROVINCE_TABLE, HUAIHUA_TABLE], { knownCities: HUNAN.cityNames });
    expect(a.areas.map((x) => x.area)).toEqual(['怀化市', '省本级', '长沙市']);
    const r = checkQuota(HUNAN_2016, a, HUNAN.cityNames);
    const changsha = r.areas.find((x) => x.area === '长沙市')!;
    expect(table(changsha.requirements)['charity-subtotal']).toEqual([100, null, 99, 1, false, false]);
    expect(changsha.requirements.map((x) => x.id)).not.toContain('charity-local');
    expect(zh(changsha.notes[0]!)).toBe('长沙市：只有市州合计，本级与县市区未分开，慈善系统按小计核对');
    const huaihua = r.areas.find((x) => x.area === '怀化市')!;
    expect(huaihua.met).toBe(true);
    expect(table(r.areas.find((x) => x.area === '省本级')!.requirements)['charity-local']).toEqual([30, null, 30, 0, true, false]);
  });

  it('with the org list, an organisation in two rows counts once', () => {
    const org = (name: string, type: OrgSummary['type'], level: OrgSummary['level'], households: number, county?: string): OrgSummary => ({
      key: name, name, spellings: [name], type, typeSource: 'name', level, city: '怀化市', ...(county ? { county } : {}), households,
    });
    const orgs = [
      org('怀化市慈善总会', 'charity', 'city', 10),
      org('怀化市扶贫基金会', 'foundation', 'city', 4),
      org('怀化市扶贫基金会', 'foundation', 'county', 3, '溆浦县'),
      org('辰溪县教育基金会', 'foundation', 'county', 2, '辰溪县'),
      org('怀化市爱心服务中心', 'social', 'city', 2),
      org('辰溪县助学服务社', 'social', 'county', 1, '辰溪县'),
    ];
    const a = actualsFromRollup(HUAIHUA_TABLE, { orgs, knownCities: HUNAN.cityNames });
    expect(a.areas[0]!.foundationOrgs).toBe(2);
    expect(a.areas[0]!.socialOrgs).toBe(2);
    const r = checkQuota(HUNAN_2016, a, HUNAN.cityNames);
    expect(table(r.areas[0]!.requirements)['foundation-orgs']).toEqual([3, null, 2, 1, false, false]);
    expect(r.orgChecks).toBe('done');
    // 怀化市扶贫基金会 at county level helps 3 (guidance 2-4): fine; 市级 4 (3-5): fine; 辰溪县教育基金会 2: fine;
    // 怀化市爱心服务中心 市级社会服务机构 2 (1-2): fine; 怀化市慈善总会 10 (3-10): fine.
    expect(r.orgFindings).toEqual([]);
  });
});

describe('checkQuota: per-organisation guidance and the demonstration site', () => {
  const actuals: QuotaActuals = {
    areas: [HUAIHUA_EXACT],
    orgs: [
      { name: '怀化市慈善总会', type: 'charity', level: 'city', city: '怀化市', households: 2 },
      { name: '溆浦县慈善会', type: 'charity', level: 'county', city: '怀化市', county: '溆浦县', households: 9 },
      { name: '溆浦县爱心服务中心', type: 'social', level: 'county', city: '怀化市', county: '溆浦县', households: 12 },
      { name: '湖南省某某基金会', type: 'foundation', level: 'province', households: 4 },
      { name: '湖南省某某服务中心', type: 'social', level: 'province', households: 15 },
      { name: '某某协会', type: 'social', level: 'unknown', households: 0 },
    ],
    demoSite: [
      {
        area: '省本级', households: 3, inSite: 2,
        outside: [{ name: '张三', address: '怀化市辰溪县潭湾镇', file: '省本级.xlsx', cell: 'D5' }],
      },
      { area: '怀化市本级', households: 2, inSite: 2, outside: [] },
    ],
  };
  const r = checkQuota(HUNAN_2016, actuals, HUNAN.cityNames);

  it('short of the guidance is a warning, over it information, no upper end never over', () => {
    expect(r.orgFindings.map((o) => [o.name, o.kind, o.severity, o.households, o.guidance, o.shortfall, o.area])).toEqual([
      ['怀化市慈善总会', 'short', 'warning', 2, { min: 3, max: 10 }, 1, '怀化市'],
      ['溆浦县慈善会', 'over', 'info', 9, { min: 5, max: 8 }, 0, '怀化市'],
      // 湖南省某某基金会 (4 households): provincial foundations have no per-organisation guidance in the 2016 table
    ]);
    expect(zh(r.orgFindings[0]!.message)).toBe('怀化市慈善总会（市级慈善会）帮扶 2 户，少于分配指导 3-10 户，差 1 户');
    expect(zh(r.orgFindings[1]!.message)).toBe('溆浦县慈善会（县级慈善会）帮扶 9 户，多于分配指导 5-8 户（仅供参考）');
    expect(r.notes.map((n) => zh(n))).toContain('1 个单位的层级不明（文件不在 省本级/市本级/县 的位置），未核对其分配指导');
    // guidance findings do not change `met`
    expect(r.met).toBe(true);
  });

  it('households outside 溆浦县 are listed', () => {
    expect(r.demoChecks).toBe('done');
    expect(r.demoSite.map((d) => [d.area, d.households, d.inSite, d.outside.length, d.met])).toEqual([
      ['省本级', 3, 2, 1, false],
      ['怀化市本级', 2, 2, 0, true],
    ]);
    expect(zh(r.demoSite[0]!.message)).toBe('省本级 有 1 户不在示范点 怀化市溆浦县：张三（怀化市辰溪县潭湾镇，D5）');
  });

  it('demoSiteActual sorts households by address', () => {
    const site = { city: '怀化市', county: '溆浦县' };
    expect(addressInCounty('湖南省怀化市溆浦县卢峰镇大桥村', site, HUNAN.cityNames)).toBe(true);
    expect(addressInCounty('溆浦卢峰镇', site, HUNAN.cityNames)).toBe(true);
    expect(addressInCounty('怀化市辰溪县潭湾镇', site, HUNAN.cityNames)).toBe(false);
    expect(addressInCounty('长沙市溆浦路8号', site, HUNAN.cityNames)).toBe(false);
    const d = demoSiteActual('怀化市本级', [
      { name: '李四', address: '溆浦县桥江镇', cell: 'D4' },
      { name: '王五', address: '怀化市鹤城区', cell: 'D5' },
      { name: '赵六', address: '湖南省怀化市溆浦县龙潭镇', cell: 'D6' },
    ], site, (a) => addressInCounty(a, site, HUNAN.cityNames));
    expect(d).toEqual({ area: '怀化市本级', households: 3, inSite: 2, outside: [{ name: '王五', address: '怀化市鹤城区', cell: 'D5' }] });
  });
});

describe('quotaReportToJson', () => {
  it('per area each requirement with required, actual, shortfall, met; tableFaults with ranges as text', () => {
    const json = quotaReportToJson(checkQuota(HUNAN_2016, { areas: [CHANGSHA_SHORT] }, HUNAN.cityNames), 'zh');
    expect(json.met).toBe(false);
    expect(json.table).toEqual({ name: '全省慈善组织帮扶任务分配指导建议表', source: '湘慈办发〔2016〕6号 附4', year: 2016, province: '湖南省', origin: 'built-in' });
    expect(json.areas[0]!.requirements.find((r) => r.id === 'foundation-households')).toEqual({
      id: 'foundation-households', label: '基金会 扶贫户数', required: 10, upper: 15, actual: 9, shortfall: 1, met: false, over: false,
    });
    expect(json.areas[0]!.requirements.find((r) => r.id === 'charity-local')).toEqual({
      id: 'charity-local', label: '慈善系统 本级', required: 15, upper: null, actual: 15, shortfall: 0, met: true, over: false,
    });
    expect(json.tableFaults.map((f) => [f.column, f.stated, f.computed])).toEqual([
      ['foundationHouseholds', '30-100', '122-181'],
      ['socialOrgs', 41, 43],
      ['socialHouseholds', '20-50', '43-102'],
    ]);
    expect(json.organisations).toEqual({ checked: false, findings: [] });
    expect(json.demoSite).toEqual({ checked: false, findings: [] });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(quotaReportToJson(checkQuota(HUNAN_2016, { areas: [CHANGSHA_SHORT] }, HUNAN.cityNames), 'en').areas[0]!.requirements[0]!.label)
      .toBe('charity system, own level ("本级")');
  });
});
