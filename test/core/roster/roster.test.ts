// Roster matching (by ID, else by name within county/township/village), near names, masking; focus places and their
// tolerant names; reading a roster sheet and refusing a register.
import { describe, expect, it } from 'vitest';
import { buildFocusList, focusRowsFromSheets } from '../../../src/core/focus/list.js';
import { FocusIndex } from '../../../src/core/focus/match.js';
import type { AreaGuess, RawSheet, RegisterRow } from '../../../src/core/model.js';
import { countyOfCell, fitPlaces, placeOfAddress, splitLocal, townshipStem } from '../../../src/core/places.js';
import { maskId, RosterIndex } from '../../../src/core/roster/match.js';
import { rosterFromSheets } from '../../../src/core/roster/read.js';
import { divisions } from '../../helpers/profile.js';

const sheet = (rows: string[][], name = 'Sheet1'): RawSheet => ({ name, rows: rows.map((r) => r.map((text) => ({ text, kind: 'string' as const }))), merges: [] });
const XUPU: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' };
const field = (text: string, cell: string) => ({ text, norm: text, cell, kind: 'string' as const });
const row = (n: number, name: string, address: string, id = ''): RegisterRow => ({
  row: n,
  fields: { name: field(name, `C${n}`), address: field(address, `D${n}`), ...(id ? { idNumber: field(id, `F${n}`) } : {}) },
  extra: {},
});

const ID_A = '431224195001011007';
const ID_B = '431224197001050005';
const roster = rosterFromSheets(
  '建档立卡.xlsx',
  [
    sheet([
      ['溆浦县建档立卡贫困户名单'],
      ['县', '乡镇', '行政村', '户主姓名', '证件号码', '人数'],
      ['溆浦县', '卢峰镇', '大湾村', '王秋菊', ID_A, '3'],
      ['溆浦县', '卢峰镇', '新田村', '张秋菊', '', '2'],
      ['溆浦县', '桥江镇', '大湾村', '李志强', '431224196001111109', '4'],
      ['', '', '', '', '', ''],
      ['合计', '', '', '', '', '9'],
    ]),
  ],
  0,
  divisions,
);

describe('reading a roster', () => {
  it('finds the header below a title and reads every household, stopping at 合计', () => {
    expect(roster.ok).toBe(true);
    if (!roster.ok) return;
    expect(roster.roster.headerRow).toBe(2);
    expect(roster.roster.entries.map((e) => [e.name, e.row])).toEqual([
      ["王秋菊", 3],
      ["张秋菊", 4],
      ["李志强", 5],
    ]);
    expect(roster.roster.entries[0]!.place).toEqual({ county: '431224', township: '卢峰', village: '大湾' });
  });
  it('refuses a register (it names the helping unit) and a sheet with no roster header', () => {
    const reg = rosterFromSheets('r.xlsx', [sheet([['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址']])], 0, divisions);
    expect(reg).toMatchObject({ ok: false, why: 'register' });
    expect(rosterFromSheets('x.xlsx', [sheet([['a', 'b'], ['1', '2']])], 0, divisions)).toMatchObject({ ok: false, why: 'no-header' });
  });
});

describe('RosterIndex: ID first, then name within the place', () => {
  const index = new RosterIndex(roster.ok ? [roster.roster] : [], divisions);
  it('matches by ID number, and says when the name differs', () => {
    expect(index.lookup(row(4, '王秋菊', '卢峰镇大湾村3组', ID_A), XUPU).match).toMatchObject({ how: 'id' });
    expect(index.lookup(row(5, '王秋局', '卢峰镇大湾村3组', ID_A), XUPU).match).toMatchObject({ how: 'id', nameDiffers: true });
  });
  it('matches a legacy 15-digit ID number to the 18-digit one it became, either way round', () => {
    const legacy = (id18: string) => id18.slice(0, 6) + id18.slice(8, 17);
    expect(index.lookup(row(4, '王秋菊', '卢峰镇大湾村3组', legacy(ID_A)), XUPU).match).toMatchObject({ how: 'id' });
    const old = rosterFromSheets('低保.csv', [sheet([['户主姓名', '身份证号码', '县'], ['王秋菊', legacy(ID_A), '溆浦县']])], 0, divisions);
    const byOld = new RosterIndex(old.ok ? [old.roster] : [], divisions);
    const hit = byOld.lookup(row(4, '王秋菊', '卢峰镇大湾村3组', ID_A), XUPU).match;
    expect(hit).toMatchObject({ how: 'id' });
    expect(hit).not.toHaveProperty('idDiffers');
  });
  it('matches by name in the same village (committee and county spellings tolerated), and says when the ID differs', () => {
    expect(index.lookup(row(6, '张秋菊', '湖南省怀化市溆浦县卢峰镇新田村委会2组'), XUPU).match).toMatchObject({ how: 'name-village' });
    expect(index.lookup(row(7, '王秋菊', '卢峰镇大湾村3组', ID_B), XUPU).match).toMatchObject({ how: 'name-village', idDiffers: true });
  });
  it('never matches a name in another village, township or county', () => {
    expect(index.lookup(row(8, '张秋菊', '卢峰镇大湾村2组'), XUPU).match).toBeUndefined();
    expect(index.lookup(row(9, '李志强', '卢峰镇大湾村2组'), XUPU).match).toBeUndefined();
    expect(index.lookup(row(10, '张秋菊', '辰溪县卢峰镇新田村'), XUPU).match).toBeUndefined();
  });
  it('offers names one character off in the same village as candidates', () => {
    const found = index.lookup(row(11, '张秋局', '卢峰镇新田村2组'), XUPU);
    expect(found.match).toBeUndefined();
    expect(found.near?.map((e) => e.name)).toEqual(['张秋菊']);
  });
  it('masks ID numbers: first 6 and last 4 shown', () => {
    expect(maskId(ID_A)).toBe('431224********1007');
    expect(maskId(ID_A)).not.toContain('19500101');
  });
});

describe('places and focus lists', () => {
  it('splits township and village and compares them by stem', () => {
    expect(splitLocal('白土镇大林村')).toEqual({ township: '白土', village: '大林' });
    expect(splitLocal('溪口镇龙洞居委会')).toEqual({ township: '溪口', village: '龙洞' });
    expect(townshipStem('后坪苗族土家族乡')).toBe(townshipStem('后坪乡'));
    expect(fitPlaces({ county: '1', township: '三建', village: '' }, { county: '1', township: '三建', village: 'x' })).toBe('township');
    expect(fitPlaces({ county: '1', township: '三建', village: '' }, { county: '2', township: '三建', village: '' })).toBe('none');
  });
  it('resolves short county names (秀山县 → 秀山土家族苗族自治县), tolerates 乡/镇, and reports what it cannot match', () => {
    const list = buildFocusList(
      [
        { category: '深度贫困乡镇', county: '秀山县', township: '隘口镇' },
        { category: '定点攻坚村', county: '丰都县', township: '三建镇', village: '' },
        { category: '定点攻坚村', county: '万盛经开区', township: '石林镇', village: '庙坝村' },
      ],
      ['t'],
      divisions,
      '重庆市',
    );
    expect(list.places.map((p) => p.unresolved ?? 'ok')).toEqual(['ok', 'ok', 'county']);
    const index = new FocusIndex(list, divisions);
    const code = list.places[0]!.countyCode;
    expect(index.placesOf(placeOfAddress('秀山土家族苗族自治县隘口镇百岁村3组', divisions))).toEqual([0]);
    expect(index.placesOf({ county: code, township: '溪口', village: '' })).toEqual([]);
    expect(index.placesOf(placeOfAddress('丰都县三建乡夜力坪村', divisions))).toEqual([1]);
  });
  it('splits a 街道办事处 whole, and an ethnic township; a word that is no township word is not split', () => {
    expect(splitLocal('凤山街道办事处大兴社区')).toEqual({ township: '凤山', village: '大兴' });
    expect(splitLocal('后坪苗族土家族乡大林村')).toEqual({ township: townshipStem('后坪乡'), village: '大林' });
    expect(splitLocal('大林村')).toEqual({ township: '', village: '大林' });
    expect(splitLocal('卢峰镇')).toEqual({ township: '卢峰', village: '' });
  });
  it('one helper reads a 县 cell for rosters and focus lists: full, short or leading name, within the province', () => {
    expect(countyOfCell('秀山县', divisions, '重庆市')?.name).toBe('秀山土家族苗族自治县');
    expect(countyOfCell('溆浦县', divisions)?.name).toBe('溆浦县');
    expect(countyOfCell('溆浦', divisions, '湖南省')?.name).toBe('溆浦县');
    expect(countyOfCell('溆浦县卢峰镇', divisions)?.name).toBe('溆浦县');
    expect(countyOfCell('溆浦县', divisions, '重庆市')).toBeUndefined();
    expect(countyOfCell('', divisions)).toBeUndefined();
  });
  it('says which focus rows it left out: no 类别 or 区县, or a place repeated in its category', () => {
    const list = buildFocusList(
      [
        { category: '重点乡镇', county: '溆浦县', township: '卢峰镇', file: 'f.csv', row: 2 },
        { category: '', county: '溆浦县', township: '桥江乡', file: 'f.csv', row: 3 },
        { category: '重点乡镇', county: '', township: '桥江乡', file: 'f.csv', row: 4 },
        { category: '重点乡镇', county: '溆浦县', township: '卢峰镇', file: 'f.csv', row: 5 },
        { category: '重点村', county: '溆浦县', township: '卢峰镇', file: 'f.csv', row: 6 },
      ],
      ['f.csv'],
      divisions,
      '湖南省',
    );
    expect(list.places.map((p) => [p.category, p.label, p.row])).toEqual([
      ['重点乡镇', '溆浦县卢峰镇', 2],
      ['重点村', '溆浦县卢峰镇', 6],
    ]);
    expect(list.skipped).toEqual([
      { file: 'f.csv', row: 3, why: 'no-category', category: '', place: '溆浦县桥江乡' },
      { file: 'f.csv', row: 4, why: 'no-county', category: '重点乡镇', place: '桥江乡' },
      { file: 'f.csv', row: 5, why: 'duplicate', category: '重点乡镇', place: '溆浦县卢峰镇', first: 2 },
    ]);
    // a row with only a township or village is kept for buildFocusList to name, a blank one is not
    const read = focusRowsFromSheets([sheet([['类别', '区县', '乡镇', '村'], ['', '', '桥江乡', ''], ['', '', '', '']])], 'f.csv');
    expect(read).toEqual({ ok: true, rows: [{ category: '', county: '', township: '桥江乡', village: '', file: 'f.csv', row: 2 }] });
  });
  it('reads a focus sheet by its 类别 and 区县 columns', () => {
    const read = focusRowsFromSheets([sheet([['类别', '区县', '乡镇', '村'], ['重点村', '溆浦县', '桥江乡', '茶溪村委会'], ['', '', '', '']])]);
    expect(read).toEqual({ ok: true, rows: [{ category: '重点村', county: '溆浦县', township: '桥江乡', village: '茶溪村委会' }] });
  });
});
