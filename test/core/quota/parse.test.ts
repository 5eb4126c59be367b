// Custom quota tables: CSV/XLSX grids in the 附4 layout and JSON, refused with the exact cell or path at fault.
import { describe, expect, it } from 'vitest';
import {
  guidanceFromNotes,
  parseCountValue,
  parseQuotaGrid,
  parseRangeValue,
  type QuotaParseResult,
  type QuotaTableError,
} from '../../../src/core/quota/index.js';
import { parseQuotaJson } from '../../../src/core/quota/parse-json.js';
import { HUNAN_2016_TEXT, grid, withCell } from './fixtures.js';
import { HUNAN, HUNAN_2016, QUOTA_OPTS } from '../../helpers/profile.js';
import { render } from '../../../src/formatters/catalogue/index.js';
import { quotaReportToJson } from '../../../src/formatters/quota-json.js';
import type { Msg } from '../../../src/core/model.js';

const zh = (m: Msg): string => render(m, 'zh');
const en = (m: Msg): string => render(m, 'en');


const SRC = { file: 'quota.csv', csv: true };

function errorsOf(result: QuotaParseResult): QuotaTableError[] {
  if ('table' in result) throw new Error('expected the table to be refused');
  return result.errors;
}

function flat(errors: QuotaTableError[]): [string, string | undefined][] {
  return errors.map((e) => [e.id, e.cell ?? e.path]);
}

describe('parseRangeValue / parseCountValue', () => {
  it.each(['9-12', '9－12', '9~12', '9～12', '9至12', '9—12', '9 - 12', '9-12户', '９-１２'])('reads %s as 9-12', (text) => {
    expect(parseRangeValue(text)).toEqual({ ok: true, value: { min: 9, max: 12 } });
  });
  it('reads one number as min = max, half-open forms as no upper end, blank as nothing', () => {
    expect(parseRangeValue('15')).toEqual({ ok: true, value: { min: 15, max: 15 } });
    expect(parseRangeValue(15)).toEqual({ ok: true, value: { min: 15, max: 15 } });
    for (const t of ['≥1', '>=1', '1以上', '至少1', '不少于1', '至少1户']) {
      expect(parseRangeValue(t)).toEqual({ ok: true, value: { min: 1 } });
    }
    expect(parseRangeValue([9, 12])).toEqual({ ok: true, value: { min: 9, max: 12 } });
    expect(parseRangeValue({ min: 9 })).toEqual({ ok: true, value: { min: 9 } });
    expect(parseRangeValue('  ')).toEqual({ ok: true, value: undefined });
  });
  it.each([
    ['9-', 'range-open-end'],
    ['12-9', 'range-reversed'],
    ['-9', 'negative'],
    ['~9', 'range-open-start'],
    ['9.5-12', 'not-whole'],
    ['九到十二', 'not-range'],
  ])('refuses %s (%s)', (text, id) => {
    const r = parseRangeValue(text);
    expect(r.ok ? null : r.failure.id).toBe(id);
  });
  it('counts: "30 " is 30; negative, decimal, text and ranges refused', () => {
    expect(parseCountValue('30 ')).toEqual({ ok: true, value: 30 });
    expect(parseCountValue('5户')).toEqual({ ok: true, value: 5 });
    const id = (v: unknown) => {
      const r = parseCountValue(v);
      return r.ok ? null : r.failure.id;
    };
    expect([id('-5'), id(-5), id('3.5'), id('十五'), id('3-5')]).toEqual(['negative', 'negative', 'not-whole', 'not-number', 'count-is-range']);
  });
});

describe('parseQuotaGrid', () => {
  const base = grid(HUNAN_2016_TEXT);

  it('refuses a range written "9-" and names F5 (长沙市 · 基金会 扶贫户数)', () => {
    const errors = errorsOf(parseQuotaGrid(withCell(base, 'F5', '9-'), SRC, QUOTA_OPTS));
    expect(flat(errors)).toEqual([['range-open-end', 'F5']]);
    expect(zh(errors[0]!.message)).toBe(
      'F5（长沙市 · 基金会 扶贫户数）的“9-”缺少上限：请写成“9-12”这样的范围，或只写一个数“9”；没有上限请写“9以上”',
    );
    expect(en(errors[0]!.message)).toContain('F5 (长沙市, foundation households ("扶贫户数")): "9-" has no upper end');
  });

  it('refuses a city that does not exist, naming its cell', () => {
    const errors = errorsOf(parseQuotaGrid(withCell(base, 'A6', '长沙县'), SRC, QUOTA_OPTS));
    expect(flat(errors)).toEqual([['unknown-city', 'A6']]);
    expect(zh(errors[0]!.message)).toBe('A6的“长沙县”不是湖南省的市州：请填写市州名称，如 长沙市、株洲市、衡阳市');
  });

  it('names every bad cell at once: reversed range, negative, text, duplicated unit', () => {
    let rows = withCell(base, 'H7', '8-3'); // 衡阳市 社会服务机构 扶贫户数
    rows = withCell(rows, 'B8', '-10'); // 岳阳市 本级
    rows = withCell(rows, 'E9', '三'); // 常德市 基金会 选定
    rows = withCell(rows, 'A10', '长沙'); // 郴州市 row renamed: a second 长沙市
    const errors = errorsOf(parseQuotaGrid(rows, SRC, QUOTA_OPTS));
    expect(flat(errors)).toEqual([
      ['range-reversed', 'H7'],
      ['negative', 'B8'],
      ['not-number', 'E9'],
      ['duplicate-unit', 'A10'],
    ]);
    expect(zh(errors[0]!.message)).toBe('H7（衡阳市 · 社会服务机构 扶贫户数）的“8-3”下限大于上限：请写成“3-8”');
    expect(zh(errors[3]!.message)).toBe('A10的“长沙”与 A5 重复：每个单位只能有一行，请删除或合并其中一行');
  });

  it('refuses a range in a 选定 cell', () => {
    expect(flat(errorsOf(parseQuotaGrid(withCell(base, 'G12', '2-3'), SRC, QUOTA_OPTS)))).toEqual([['count-is-range', 'G12']]);
  });

  it('names a missing column', () => {
    const rows = base.map((r) => r.slice(0, 7)); // no 社会服务机构 扶贫户数
    const errors = errorsOf(parseQuotaGrid(rows, SRC, QUOTA_OPTS));
    expect(flat(errors)).toEqual([['missing-column', 'A2']]);
    expect(zh(errors[0]!.message)).toContain('quota.csv 第 2-3 行：表头中找不到“社会服务机构 扶贫户数”列');
  });

  it('refuses a grid with no header', () => {
    expect(flat(errorsOf(parseQuotaGrid([['长沙市', '15']], SRC, QUOTA_OPTS)))).toEqual([['no-header', undefined]]);
  });

  it('reads a table with no title, merged group cells repeated, full city names and no 合计', () => {
    const rows = [
      ['单位', '慈善系统', '慈善系统', '慈善系统', '基金会', '基金会', '社会服务机构', '社会服务机构'],
      ['单位', '本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数'],
      ['湘西土家族苗族自治州', '6', '44', '50', '2', '5~10', '2', '2至5'],
    ];
    const parsed = parseQuotaGrid(rows, { file: 'q.xlsx', sheet: '附4', csv: false }, QUOTA_OPTS);
    if (!('table' in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.table.rows).toEqual([HUNAN_2016.rows[14]!].map((r) => ({ ...r, unit: '湘西土家族苗族自治州' })));
    expect(parsed.table.total).toBeUndefined();
    expect(parsed.table.perOrg).toEqual([]);
    expect(parsed.table.origin).toBe('q.xlsx · 附4');
  });

  it('checks units against knownCities for another province', () => {
    const rows = [
      ['2017年广东省慈善组织帮扶任务表'],
      ['单位', '慈善系统', '', '', '基金会', '', '社会服务机构', ''],
      ['', '本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数'],
      ['广州', '10', '20', '30', '1', '2-3', '1', '1-2'],
      ['长沙市', '10', '20', '30', '1', '2-3', '1', '1-2'],
    ];
    const errors = errorsOf(parseQuotaGrid(rows, SRC, { ...QUOTA_OPTS, citiesOf: () => ['广州市', '深圳市'] }));
    expect(flat(errors)).toEqual([['unknown-city', 'A5']]);
    expect(zh(errors[0]!.message)).toBe('A5的“长沙市”不是广东省的市州：请填写市州名称，如 广州市、深圳市');
    const ok = parseQuotaGrid(rows.slice(0, 4), SRC, { ...QUOTA_OPTS, citiesOf: () => ['广州市', '深圳市'] });
    if (!('table' in ok)) throw new Error('expected a table');
    expect(ok.table).toMatchObject({ province: '广东省', year: 2017, rows: [{ unit: '广州', city: '广州市' }] });
  });
});

describe('guidanceFromNotes', () => {
  it('reads the body sentence: 慈善组织 = every type, a type-specific rule wins', () => {
    const g = guidanceFromNotes('按省级慈善组织5-15户、市级慈善组织3-10户、县慈善组织5-8户指导结对分配。\n市级基金会3-5户');
    expect(g.map((x) => `${x.level}/${x.type}/${x.households.min}-${x.households.max}`)).toEqual([
      'province/charity/5-15', 'province/foundation/5-15', 'province/social/5-15',
      'city/charity/3-10', 'city/foundation/3-5', 'city/social/3-10',
      'county/charity/5-8', 'county/foundation/5-8', 'county/social/5-8',
    ]);
  });
});

describe('parseQuotaJson', () => {
  const good = {
    name: '测试表',
    year: 2018,
    rows: [
      { unit: '省本级', charityLocal: 30, foundationOrgs: 5, foundationHouseholds: '15-20', socialOrgs: 5, socialHouseholds: [5, 10] },
      { unit: '长沙市', charityLocal: 15, charityCounty: 85, charitySubtotal: 100, foundationOrgs: 5, foundationHouseholds: { min: 10, max: 15 }, socialOrgs: 5, socialHouseholds: '5-10' },
    ],
    total: { socialOrgs: 10 },
    perOrg: [{ level: 'county', type: 'social', households: '至少1' }],
    demoSite: { city: '怀化', county: '溆浦县', units: ['省本级', '怀化市本级'] },
  };

  it('reads a valid table', () => {
    const r = parseQuotaJson(good, 'quota.json', QUOTA_OPTS);
    if (!('table' in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.table.rows[0]).toEqual({ ...HUNAN_2016.rows[0], charitySubtotal: undefined });
    expect(r.table.rows[1]).toEqual(HUNAN_2016.rows[1]);
    expect(r.table.total).toEqual({ socialOrgs: 10 });
    expect(r.table.perOrg).toEqual([{ level: 'county', type: 'social', households: { min: 1 }, source: '' }]);
    expect(r.table.demoSite).toEqual({
      city: '怀化市', county: '溆浦县', source: '',
      units: [{ unit: '省本级', level: 'province' }, { unit: '怀化市本级', level: 'city', city: '怀化市' }],
    });
  });

  it('names the JSON path and the row of a bad figure', () => {
    const bad = structuredClone(good);
    bad.rows[1]!.foundationHouseholds = '9-' as never;
    const errors = errorsOf(parseQuotaJson(bad, 'quota.json', QUOTA_OPTS));
    expect(flat(errors)).toEqual([['range-open-end', 'rows[1].foundationHouseholds']]);
    expect(zh(errors[0]!.message)).toBe(
      'quota.json rows[1].foundationHouseholds（长沙市）的“9-”缺少上限：请写成“9-12”这样的范围，或只写一个数“9”；没有上限请写“9以上”',
    );
  });

  it('names unknown cities, duplicates, wrong types and unknown keys', () => {
    const bad = {
      rows: [
        { unit: '长沙县', foundationOrgs: 1 },
        { unit: '株洲', foundationOrgs: -1 },
        { unit: '株洲市', socialOrgs: true },
        { unit: '湘潭市', foundationOrg: 3 },
      ],
    };
    const errors = errorsOf(parseQuotaJson(bad, 'q.json', QUOTA_OPTS));
    // structure first (zod): the boolean and the misspelt key; figures and names are checked once the shape is right
    expect(flat(errors)).toEqual([
      ['json-type', 'rows[2].socialOrgs'],
      ['json-unknown-key', 'rows[3].foundationOrg'],
    ]);
    expect(zh(errors[0]!.message)).toBe('q.json rows[2].socialOrgs（株洲市）：应为整数（如 3）');
    expect(zh(errors[1]!.message)).toContain('有不认识的字段“foundationOrg”：可用字段为 unit, city, charityLocal');
    const fixed = { rows: [bad.rows[0], bad.rows[1], { unit: '株洲市', socialOrgs: 1 }] };
    expect(flat(errorsOf(parseQuotaJson(fixed, 'q.json', QUOTA_OPTS)))).toEqual([
      ['unknown-city', 'rows[0].unit'],
      ['negative', 'rows[1].foundationOrgs'],
      ['duplicate-unit', 'rows[2].unit'],
    ]);
  });

  it('refuses a value that is not an object, and missing rows', () => {
    expect(flat(errorsOf(parseQuotaJson([1], 'q.json')))).toEqual([['json-not-object', '']]);
    expect(flat(errorsOf(parseQuotaJson({ name: 'x' }, 'q.json')))).toEqual([['json-missing', 'rows']]);
  });
});
