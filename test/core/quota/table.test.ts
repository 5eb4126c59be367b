// The built-in 附4 table: transcribed exactly, its own 合计 faults found by summing the rows by hand.
import { describe, expect, it } from 'vitest';
import { columnSums, guidanceFor, resolveCity, tableFaults, type QuotaTable } from '../../../src/core/quota/index.js';
import { parseQuotaGrid } from '../../../src/core/quota/parse.js';
import { HUNAN_2016_TEXT, grid, withCell } from './fixtures.js';
import { HUNAN, HUNAN_2016, QUOTA_OPTS } from '../../helpers/profile.js';
import { render } from '../../../src/formatters/catalogue/index.js';
import { quotaReportToJson } from '../../../src/formatters/quota-json.js';
import type { Msg } from '../../../src/core/model.js';

const zh = (m: Msg): string => render(m, 'zh');
const en = (m: Msg): string => render(m, 'en');


describe('HUNAN_2016', () => {
  it('holds the 15 rows as written, short forms kept and full city names added', () => {
    expect(HUNAN_2016.rows.map((r) => r.unit)).toEqual([
      '省本级', '长沙市', '株洲市', '衡阳市', '岳阳市', '常德市', '郴州市', '湘潭市', '怀化市', '邵阳市', '娄底市', '永州市',
      '益阳市', '张家界', '湘西州',
    ]);
    const zjj = HUNAN_2016.rows.find((r) => r.unit === '张家界')!;
    expect(zjj.city).toBe('张家界市');
    expect(HUNAN_2016.rows.find((r) => r.unit === '湘西州')!.city).toBe('湘西土家族苗族自治州');
    const province = HUNAN_2016.rows[0]!;
    expect(province).toEqual({
      unit: '省本级', level: 'province', charityLocal: 30, charitySubtotal: 30,
      foundationOrgs: 5, foundationHouseholds: { min: 15, max: 20 }, socialOrgs: 5, socialHouseholds: { min: 5, max: 10 },
    });
    expect(province.charityCounty).toBeUndefined();
    expect(HUNAN_2016.total).toEqual({
      charityLocal: 162, charityCounty: 838, charitySubtotal: 1000, foundationOrgs: 43,
      foundationHouseholds: { min: 30, max: 100 }, socialOrgs: 41, socialHouseholds: { min: 20, max: 50 },
    });
  });

  it('equals the table read from a grid typed in from the source (the parser and the constant agree)', () => {
    const parsed = parseQuotaGrid(grid(HUNAN_2016_TEXT), { file: '附4.csv', csv: true }, QUOTA_OPTS);
    if (!('table' in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.table.rows).toEqual(HUNAN_2016.rows);
    expect(parsed.table.total).toEqual(HUNAN_2016.total);
    expect(parsed.table.demoSite).toEqual(HUNAN_2016.demoSite);
    // note 2 gives the city and county guidance; the province's 5-15 comes from the notice body, not the notes
    expect(parsed.table.perOrg.map((g) => [g.level, g.type, g.households])).toEqual(
      HUNAN_2016.perOrg.filter((g) => g.level !== 'province').map((g) => [g.level, g.type, g.households]),
    );
  });

  it('carries the per-organisation guidance of note 2 and the body', () => {
    const g = (level: 'province' | 'city' | 'county', type: 'charity' | 'foundation' | 'social') =>
      guidanceFor(HUNAN_2016, level, type)!.households;
    expect(g('city', 'charity')).toEqual({ min: 3, max: 10 });
    expect(g('city', 'foundation')).toEqual({ min: 3, max: 5 });
    expect(g('city', 'social')).toEqual({ min: 1, max: 2 });
    expect(g('county', 'charity')).toEqual({ min: 5, max: 8 });
    expect(g('county', 'foundation')).toEqual({ min: 2, max: 4 });
    expect(g('county', 'social')).toEqual({ min: 1 });
    expect(g('province', 'charity')).toEqual({ min: 5, max: 15 });
    // 5-15 is the charity system's (the body's 市级/县 figures are note 2's 慈善会 ones); 附4's 省本级 row gives
    // 5 foundations 15-20 households in all, so no per-foundation minimum of 5 can be meant
    expect(guidanceFor(HUNAN_2016, 'province', 'foundation')).toBeUndefined();
    expect(guidanceFor(HUNAN_2016, 'province', 'social')).toBeUndefined();
    expect(HUNAN_2016.demoSite).toMatchObject({
      city: '怀化市',
      county: '溆浦县',
      units: [{ unit: '省本级', level: 'province' }, { unit: '怀化市本级', level: 'city', city: '怀化市' }],
    });
  });

  it('resolves the 14 cities by full and short names, and nothing else', () => {
    expect(resolveCity('张家界', HUNAN.cityNames)).toBe('张家界市');
    expect(resolveCity('湘西州', HUNAN.cityNames)).toBe('湘西土家族苗族自治州');
    expect(resolveCity('湘西', HUNAN.cityNames)).toBe('湘西土家族苗族自治州');
    expect(resolveCity('长沙', HUNAN.cityNames)).toBe('长沙市');
    expect(resolveCity('长沙县', HUNAN.cityNames)).toBeUndefined();
    expect(resolveCity('武汉市', HUNAN.cityNames)).toBeUndefined();
  });
});

describe('tableFaults', () => {
  // Sums by hand, row order 省本级, 长沙, 株洲, 衡阳, 岳阳, 常德, 郴州, 湘潭, 怀化, 邵阳, 娄底, 永州, 益阳, 张家界, 湘西.
  const charityLocal = 30 + 15 + 15 + 10 * 6 + 8 * 3 + 6 * 3; // 162
  const charityCounty = 0 + 85 + 65 + 70 * 4 + 60 * 2 + 52 * 3 + 44 * 3; // 838
  const foundationOrgs = 5 + 5 + 3 * 7 + 2 * 6; // 43
  const socialOrgs = 5 + 5 + 5 + 3 * 4 + 2 * 8; // 43
  const foundationMin = 15 + 10 + 9 * 8 + 5 * 5; // 122
  const foundationMax = 20 + 15 + 12 * 8 + 10 * 5; // 181
  const socialMin = 5 * 3 + 3 * 4 + 2 * 8; // 43
  const socialMax = 10 * 3 + 8 * 4 + 5 * 8; // 102

  it('the hand sums are what DOMAIN says', () => {
    expect([charityLocal, charityCounty, charityLocal + charityCounty]).toEqual([162, 838, 1000]);
    expect([foundationOrgs, socialOrgs, foundationMin, foundationMax, socialMin, socialMax]).toEqual([43, 43, 122, 181, 43, 102]);
  });

  it('column sums of the built-in rows match the hand sums', () => {
    expect(columnSums(HUNAN_2016.rows)).toEqual({
      charityLocal, charityCounty, charitySubtotal: 1000, foundationOrgs,
      foundationHouseholds: { min: foundationMin, max: foundationMax }, socialOrgs,
      socialHouseholds: { min: socialMin, max: socialMax },
    });
  });

  it('reports exactly the three faults of the built-in 合计 row', () => {
    const faults = tableFaults(HUNAN_2016);
    expect(faults.map((f) => [f.kind, f.column, f.stated, f.computed])).toEqual([
      ['total', 'foundationHouseholds', { min: 30, max: 100 }, { min: foundationMin, max: foundationMax }],
      ['total', 'socialOrgs', 41, socialOrgs],
      ['total', 'socialHouseholds', { min: 20, max: 50 }, { min: socialMin, max: socialMax }],
    ]);
    expect(zh(faults[0]!.message)).toBe('合计行“基金会 扶贫户数”写的是 30-100，各行相加为 122-181');
    expect(zh(faults[1]!.message)).toBe('合计行“社会服务机构 选定”写的是 41，各行相加为 43');
    expect(zh(faults[2]!.label)).toBe('社会服务机构 扶贫户数');
  });

  it('a corrected custom table reports none', () => {
    let rows = grid(HUNAN_2016_TEXT);
    rows = withCell(rows, 'F19', '122-181');
    rows = withCell(rows, 'G19', '43');
    rows = withCell(rows, 'H19', '43-102');
    const parsed = parseQuotaGrid(rows, { file: 'quota-2016-fixed.csv', csv: true }, QUOTA_OPTS);
    if (!('table' in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(tableFaults(parsed.table)).toEqual([]);
  });

  it('finds a row whose 小计 is not 本级 + 县市区, and a stated open range vs a closed sum', () => {
    const table: QuotaTable = {
      ...HUNAN_2016,
      rows: HUNAN_2016.rows.map((r) => (r.unit === '株洲市' ? { ...r, charitySubtotal: 81 } : r)),
      total: { ...HUNAN_2016.total, charitySubtotal: 1001, foundationHouseholds: { min: 122 }, socialOrgs: 43, socialHouseholds: { min: 43, max: 102 } },
    };
    const faults = tableFaults(table);
    expect(faults.map((f) => [f.kind, f.column, f.unit ?? null, f.stated, f.computed])).toEqual([
      ['total', 'foundationHouseholds', null, { min: 122 }, { min: 122, max: 181 }],
      ['subtotal', 'charitySubtotal', '株洲市', 81, 80],
    ]);
  });
});
