// Identity across spellings (household.ts): organisation keys, address identity, and HouseholdIndex — one household per name and village, split by phones, details and counties — in every order the compact store goes through.
import { describe, expect, it } from 'vitest';
import {
  addressIdentity,
  chineseNumber,
  detach,
  HouseholdIndex,
  RowHandOver,
  rowHandOver,
  householdBaseKey,
  orgIdentity,
  phoneCode,
  orgKeyOf,
  type HouseholdWho,
} from '../../src/core/household.js';
import type { Area, AreaGuess, RegisterRow } from '../../src/core/model.js';
import { divisions } from '../helpers/divisions.js';
import { RowFacts } from '../../src/core/row-facts.js';

const idx = divisions();
const org = (s: string): string => orgIdentity(s, idx);
const addr = (s: string): string => {
  const a = addressIdentity(s, idx);
  return `${a.county}|${a.village}|${a.detail}`;
};


/** A row's household id as rollup names it: its number in the index, then its id text. */
const idOf = (h: HouseholdIndex, row: RegisterRow, area?: Area): string | undefined => {
  const no = h.noOf(row, area);
  return no === undefined ? undefined : h.idText(no);
};
const idFor = (h: HouseholdIndex, w: HouseholdWho, phones: readonly string[]): string => h.idText(h.noFor(w, phones));

describe('orgIdentity: one organisation, one key', () => {
  it.each([
    ['湖南省怀化市慈善总会', '怀化市慈善总会'],
    ['湖南怀化市慈善总会', '怀化市慈善总会'],
    ['湖南省 怀化市 慈善总会', '怀化市慈善总会'],
    ['怀化市慈善总会 ', '怀化市慈善总会'],
    ['怀化市（慈善总会）', '怀化市(慈善总会)'],
    ['湖南省怀化市溆浦县慈善会', '溆浦县慈善会'],
    ['怀化市溆浦县慈善会', '溆浦县慈善会'],
    ['湖南省溆浦县慈善会', '溆浦县慈善会'],
    ['湖南省湘西州慈善总会', '湘西土家族苗族自治州慈善总会'],
    ['湘西州慈善总会', '湘西土家族苗族自治州慈善总会'],
    ['湘潭市湘潭县慈善会', '湘潭县慈善会'],
    ['株洲市攸县慈善会', '攸县慈善会'],
    ['长沙市长沙县爱心助学基金会', '长沙县爱心助学基金会'],
    ['湖南省长沙市岳麓区阳光社工服务中心', '长沙市岳麓区阳光社工服务中心'],
    ['宁乡县慈善总会', '宁乡市慈善总会'],
    ['湖南省怀化市溆浦县卢峰镇慈善会', '溆浦县卢峰镇慈善会'],
  ])('%s = %s', (a, b) => {
    expect(org(a)).toBe(org(b));
  });

  it.each([
    ['怀化市慈善总会', '溆浦县慈善总会'],
    ['湖南省慈善总会', '怀化市慈善总会'],
    ['湖南省慈善总会', '湖南省怀化市慈善总会'],
    ['湘潭市慈善会', '湘潭县慈善会'],
    ['邵阳市慈善总会', '邵阳县慈善总会'],
    ['溆浦县慈善会', '辰溪县慈善会'],
    ['溆浦县卢峰镇慈善会', '溆浦县慈善会'],
    ['怀化市慈善总会', '怀化慈善总会'], // a short form with nothing below it is not read as a place
    ['湖南省广州市慈善会', '广州市慈善会'], // 广州市 is not in 湖南省: nothing is dropped
    ['长沙市慈善总会', '长沙县慈善总会'],
  ])('%s ≠ %s', (a, b) => {
    expect(org(a)).not.toBe(org(b));
  });

  it('keeps names that start with no place, and a name that is only places, as written (text-level key)', () => {
    expect(org('爱心助学协会')).toBe('爱心助学协会');
    expect(org('湖南省怀化市')).toBe('湖南省怀化市');
    expect(org('  ')).toBe('');
  });

  it('a ditto mark with nothing above to refer to names no organisation', () => {
    expect(org('同上')).toBe('');
    expect(org(' 〃 ')).toBe('');
    const row: RegisterRow = { row: 4, fields: { org: { text: '同上', norm: '同上', cell: 'B4', kind: 'string' } }, extra: {} };
    expect(orgKeyOf(row, idx)).toBeUndefined();
  });

  it('without the division list the key is text-level (spaces, brackets, punctuation only)', () => {
    expect(orgIdentity('怀化市 慈善总会')).toBe('怀化市慈善总会');
    expect(orgIdentity('湖南省怀化市慈善总会')).not.toBe(orgIdentity('怀化市慈善总会'));
  });
});

describe('addressIdentity: one place, one identity', () => {
  const SAME = [
    '湖南省怀化市溆浦县卢峰镇大湾村3组',
    '卢峰镇大湾村3组',
    '溆浦县卢峰镇大湾村三组',
    '溆浦县卢峰镇大湾村第3组',
    '溆浦县卢峰镇大湾村第三组',
    '溆浦县卢峰镇大湾村03组',
    '溆浦县卢峰镇大湾村３组',
    '溆浦县卢峰镇大湾村委会3组',
    '溆浦县卢峰镇大湾村村委会3组',
    '溆浦县卢峰镇大湾村民委员会3组',
    '溆浦县卢峰镇大湾村3村民小组',
    '怀化市溆浦县卢峰镇大湾村三小组',
    '湖南省溆浦县卢峰镇大湾村3组',
    '怀化溆浦卢峰镇大湾村3组',
    '溆浦县 卢峰镇 大湾村 3组',
    '溆浦县卢峰镇（大湾村）3组',
  ];
  it.each(SAME)('%s is 卢峰镇大湾村 3组', (a) => {
    expect(addressIdentity(a, idx)).toMatchObject({ village: '卢峰镇大湾村', detail: '3组' });
  });

  it('takes the county off the front and keeps it apart', () => {
    expect(addr('湖南省怀化市溆浦县卢峰镇大湾村3组')).toBe('431224|卢峰镇大湾村|3组');
    expect(addr('卢峰镇大湾村3组')).toBe('|卢峰镇大湾村|3组');
    expect(addr('怀化市卢峰镇大湾村3组')).toBe('|卢峰镇大湾村|3组');
    expect(addr('辰溪县卢峰镇大湾村3组')).toBe('431223|卢峰镇大湾村|3组');
  });

  it.each([
    ['卢峰镇大湾村3组', '卢峰镇大湾村4组'],
    ['卢峰镇大湾村3组', '卢峰镇大湾村13组'],
    ['卢峰镇大湾村3组', '卢峰镇大湾村3组5号'],
    ['卢峰镇大湾村', '桥江镇大湾村'],
    ['卢峰镇大湾村3组', '桥江镇大湾村3组'],
    ['卢峰镇大湾村3组', '卢峰镇小湾村3组'],
    ['卢峰镇大湾村3组', '大湾村3组'], // without its township: not known to be the same place
    ['卢峰镇三星村1组', '卢峰镇1星村1组'], // a numeral in a village name is not a 组 number
    ['卢峰镇十里村2组', '卢峰镇10里村2组'],
  ])('%s ≠ %s', (a, b) => {
    expect(addr(a)).not.toBe(addr(b));
  });

  it('writes 组 numbers in digits, and nothing else', () => {
    expect(addressIdentity('卢峰镇大湾村十二组', idx).detail).toBe('12组');
    expect(addressIdentity('卢峰镇大湾村第二十组', idx).detail).toBe('20组');
    expect(addressIdentity('卢峰镇大湾村二十三组', idx).detail).toBe('23组');
    expect(addressIdentity('卢峰镇大湾村两组', idx).detail).toBe('2组');
    expect(addressIdentity('卢峰镇三星村五组', idx)).toMatchObject({ village: '卢峰镇三星村', detail: '5组' });
    expect(addressIdentity('卢峰镇大湾村组织部', idx).detail).toBe('组织部');
    expect([chineseNumber('十'), chineseNumber('十五'), chineseNumber('一百零五'), chineseNumber('一〇'), chineseNumber('')]).toEqual([10, 15, 105, 10, undefined]);
    expect(chineseNumber('三星')).toBeUndefined();
  });

  it('reads 居委会 as 社区, and a village named like a township (新镇村) as a village', () => {
    expect(addr('溆浦县卢峰镇城东社区居委会5号')).toBe(addr('溆浦县卢峰镇城东社区5号'));
    expect(addr('卢峰镇城东居委会5号')).toBe(addr('卢峰镇城东社区5号'));
    expect(addressIdentity('新镇村3组', idx)).toMatchObject({ village: '新镇村', detail: '3组' });
    expect(addressIdentity('村头镇村头村2组', idx)).toMatchObject({ village: '村头镇村头村', detail: '2组' });
  });

  it('an empty address or an unresolved ditto mark is no address', () => {
    expect(addressIdentity('', idx)).toEqual({ county: '', village: '', detail: '' });
    expect(addressIdentity('同上', idx)).toEqual({ county: '', village: '', detail: '' });
  });
});

const row = (n: number, name: string, address: string, phone = ''): RegisterRow => ({
  row: n,
  fields: {
    name: { text: name, norm: name, cell: `C${n}`, kind: 'string' },
    address: { text: address, norm: address, cell: `D${n}`, kind: 'string' },
    phone: { text: phone, norm: phone, cell: `E${n}`, kind: 'string' },
  },
  extra: {},
});
const XUPU: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' };
const CHENXI: AreaGuess = { level: 'county', province: '湖南省', city: '怀化市', county: '辰溪县', source: 'path' };
const CITY: AreaGuess = { level: 'city', province: '湖南省', city: '怀化市', source: 'path' };

describe('HouseholdIndex.noOf: the same household across spellings', () => {
  it('one household whatever the prefix, 组 spelling or committee word', () => {
    const h = new HouseholdIndex(idx);
    const ids = [
      row(4, '张三', '湖南省怀化市溆浦县卢峰镇大湾村3组'),
      row(5, '张三', '卢峰镇大湾村3组'),
      row(6, '张 三', '溆浦县卢峰镇大湾村三组'),
      row(7, '张三', '溆浦县卢峰镇大湾村委会03组', '13907451234'),
      row(8, '张三', '卢峰镇大湾村第３组', '139 0745 1234'),
    ].map((r) => idOf(h, r, XUPU));
    expect(new Set(ids).size).toBe(1);
    expect(householdBaseKey(row(4, '张三', '湖南省怀化市溆浦县卢峰镇大湾村3组'), idx)).toBe('张三|卢峰镇大湾村3组');
  });

  it('the same head, phone and village is one household even when the 组 or house number differs or is missing', () => {
    const h = new HouseholdIndex(idx);
    const a = idOf(h, row(4, '李四', '卢峰镇大湾村3组', '13907451234'), XUPU);
    expect(idOf(h, row(5, '李四', '卢峰镇大湾村', '13907451234'), XUPU)).toBe(a);
    expect(idOf(h, row(6, '李四', '溆浦县卢峰镇大湾村3组12号', '13907451234/0745-3221234'), XUPU)).toBe(a);
    expect(idOf(h, row(7, '李四', '卢峰镇大湾村4组', '0745-3221234'), XUPU)).toBe(a); // the second number, learnt above
  });

  it('different places stay different households', () => {
    const h = new HouseholdIndex(idx);
    const a = idOf(h, row(4, '王五', '卢峰镇大湾村3组'), XUPU);
    expect(idOf(h, row(5, '王五', '卢峰镇大湾村4组'), XUPU)).not.toBe(a); // no phone says they are one
    expect(idOf(h, row(6, '王五', '桥江镇大湾村3组'), XUPU)).not.toBe(a);
    expect(idOf(h, row(7, '王五', '大湾村3组'), XUPU)).not.toBe(a);
    expect(idOf(h, row(8, '王六', '卢峰镇大湾村3组'), XUPU)).not.toBe(a);
    // the same phone in another village: another household (shared-phone's business)
    const b = idOf(h, row(9, '赵六', '卢峰镇大湾村3组', '13907451234'), XUPU);
    expect(idOf(h, row(10, '赵六', '卢峰镇小湾村3组', '13907451234'), XUPU)).not.toBe(b);
    // the same village and details, phones that share nothing: two households of the same name
    const c = idOf(h, row(11, '钱七', '卢峰镇大湾村3组', '13907451111'), XUPU);
    expect(idOf(h, row(12, '钱七', '卢峰镇大湾村3组', '13907452222'), XUPU)).not.toBe(c);
  });

  it('two counties are two households: the county named by the address, else the register’s', () => {
    const h = new HouseholdIndex(idx);
    const a = idOf(h, row(4, '孙八', '卢峰镇大湾村3组'), XUPU);
    expect(idOf(h, row(5, '孙八', '怀化市溆浦县卢峰镇大湾村3组'), CITY)).toBe(a); // 市本级 writing the county
    expect(idOf(h, row(6, '孙八', '卢峰镇大湾村3组'), CITY)).toBe(a); // no county known: not told apart
    expect(idOf(h, row(7, '孙八', '卢峰镇大湾村3组'), CHENXI)).not.toBe(a); // another county's register
    expect(idOf(h, row(8, '孙八', '溆浦县卢峰镇大湾村3组'), CHENXI)).toBe(a); // an address in 溆浦县, wherever written
  });

  it('rows without a name have no household; without the division list keys are text-level', () => {
    const h = new HouseholdIndex();
    expect(idOf(h, row(4, '', '卢峰镇大湾村3组'))).toBeUndefined();
    const a = idOf(h, row(5, '周九', '溆浦县卢峰镇大湾村三组'));
    expect(idOf(h, row(6, '周九', '溆浦县卢峰镇大湾村第3组'))).toBe(a); // 组 spellings need no list
    expect(idOf(h, row(7, '周九', '湖南省怀化市溆浦县卢峰镇大湾村3组'))).not.toBe(a);
  });
});

const who = (key: string, detail = '', county = ''): HouseholdWho => ({ key, detail, county });

describe('HouseholdIndex.noFor', () => {
  it('keeps one household while phones are missing or shared, and numbers the others', () => {
    const h = new HouseholdIndex();
    const k = '张三|溆浦县卢峰镇红星村3组';
    expect(idFor(h, who(k), [])).toBe(k); // no phone yet
    expect(idFor(h, who(k), ['13912345678'])).toBe(k); // no phone on record: same household, phone learnt
    expect(idFor(h, who(k), ['13912345678', '0745-1234567'])).toBe(k); // shares one: both kept
    expect(idFor(h, who(k), ['07451234567'])).toBe(`${k}#1`); // shares nothing with 139…/0745-…: another household
    expect(idFor(h, who(k), ['0745-1234567'])).toBe(k); // the second phone learnt above
    expect(idFor(h, who(k), ['07451234567'])).toBe(`${k}#1`);
    expect(idFor(h, who(k), [])).toBe(k); // no phone: the first household
    expect(idFor(h, who(k), ['18800001111'])).toBe(`${k}#2`);
  });

  it('a household with one phone, then another phone only: two households; then no phone: the first', () => {
    const h = new HouseholdIndex();
    const k = '李四|辰溪县';
    expect(idFor(h, who(k), ['13900000001'])).toBe(k);
    expect(idFor(h, who(k), ['13900000002'])).toBe(`${k}#1`);
    expect(idFor(h, who(k), ['13900000002', '13900000001'])).toBe(k); // the first household that shares one
    expect(idFor(h, who('王五|辰溪县'), ['13900000002'])).toBe('王五|辰溪县'); // another key: its own household
  });

  it('ids are the name, village and detail of the first row; details, phones and counties in every store form', () => {
    const h = new HouseholdIndex();
    const k = '张三|卢峰镇大湾村';
    expect(idFor(h, who(k, '3组', '431224'), [])).toBe(`${k}3组`);
    expect(idFor(h, who(k, '4组', '431224'), [])).toBe(`${k}4组`); // another detail, no phone: another household
    expect(idFor(h, who(k, '3组', ''), ['13900000001'])).toBe(`${k}3组`); // county unknown: compatible; phone learnt
    expect(idFor(h, who(k, '', '431224'), ['13900000001'])).toBe(`${k}3组`); // same village and phone
    expect(idFor(h, who(k, '3组', '431223'), [])).toBe(`${k}3组#1`); // another county
    expect(idFor(h, who(k, '4组', '431223'), [])).toBe(`${k}4组#2`);
  });

  it('ids are equal to the key but are strings of their own', () => {
    const line = '1,溆浦县慈善会,张三,溆浦县卢峰镇红星村3组,13912345678';
    const key = line.split(',')[3]!;
    const h = new HouseholdIndex();
    const id = idFor(h, who(key), []);
    expect(id).toBe(key);
    expect(detach(key)).toBe(key);
  });
});

/** The index as first written (a list of households with a Set of phones per key): the compact one must agree with it. */
class ReferenceIndex {
  private readonly groups = new Map<string, { id: string; phones: Set<string>; detail: string; county: string }[]>();
  private counter = 0;
  idFor(key: string, detail: string, county: string, phones: string[]): string {
    let list = this.groups.get(key);
    if (!list) {
      list = [];
      this.groups.set(key, list);
    }
    for (const h of list) {
      if (county && h.county && county !== h.county) continue;
      const same = phones.length && h.phones.size ? phones.some((p) => h.phones.has(p)) : detail === h.detail;
      if (same) {
        for (const p of phones) h.phones.add(p);
        h.county ||= county;
        return h.id;
      }
    }
    let id = key + detail;
    if (list.some((h) => h.id === id)) id = `${id}#${++this.counter}`;
    list.push({ id, phones: new Set(phones), detail, county });
    return id;
  }
}

describe('HouseholdIndex against the Set-based index', () => {
  /**
   * `groups` names and villages; each row's phones drawn from `pool` numbers of its group's own (few: a group's one
   * household stays in the columns long, learning phones there) or of all groups'.
   */
  const compare = (groups: number, pool: number, own: boolean): string[] => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const ours = new HouseholdIndex();
    // fed the phones' codes too, as RowFacts feeds it (phones compared as numbers), and sized at once
    const withCodes = new HouseholdIndex();
    withCodes.reserve(5_000);
    const ref = new ReferenceIndex();
    const ids: string[] = [];
    const phone = (g: number): string => {
      const r = rand(20);
      const n = (own ? g * pool : 0) + rand(pool);
      // leading zeros, and a number too long to have a code, among the usual mobiles
      if (r === 0) return `0745${String(n).padStart(7, '0')}`;
      if (r === 1) return `1390000${String(n).padStart(9, '0')}`;
      return `139${String(n).padStart(8, '0')}`;
    };
    for (let i = 0; i < 20_000; i++) {
      const g = rand(groups);
      const key = `户${g % 1000}|村${Math.floor(g / 1000)}`;
      const detail = ['', '1组', '2组'][rand(3)]!;
      const county = ['', '431224', '431223'][rand(own ? 1.1 : 3)]!;
      const phones = Array.from({ length: rand(4) }, () => phone(g));
      const a = idFor(ours, who(key, detail, county), phones);
      const b = ref.idFor(key, detail, county, phones);
      const c = withCodes.idText(withCodes.noFor(who(key, detail, county), phones, phones.map(phoneCode)));
      if (a !== b || c !== b) ids.push(`${i}: ${a} / ${c} != ${b}`);
    }
    return ids;
  };

  it('gives the same ids over 20,000 random rows', () => {
    expect(compare(900, 12, false)).toEqual([]);
  });

  it('gives the same ids when each household gives a few phones of its own, learnt while it is the only one of its group', () => {
    expect(compare(3_000, 3, true)).toEqual([]);
  });
});

describe('HouseholdIndex numbers', () => {
  it('numbers households 0, 1, 2 … in the order first met, one number per household, and idText names each', () => {
    const h = new HouseholdIndex();
    const k = '张三|卢峰镇大湾村';
    expect(h.noFor(who(k, '3组'), ['13900000001'])).toBe(0);
    expect(h.noFor(who('李四|卢峰镇大湾村', '1组'), [])).toBe(1);
    expect(h.noFor(who(k, '5组'), ['13900000001'])).toBe(0); // the phone in common: the same household
    expect(h.noFor(who(k, '3组'), ['13900000009'])).toBe(2); // same detail, another phone: another household, compact store split
    expect(h.noFor(who(k, '3组'), ['13900000001', '13900000009'])).toBe(0); // shares with the first listed first
    expect(h.size).toBe(3);
    expect([0, 1, 2].map((n) => h.idText(n))).toEqual([`${k}3组`, '李四|卢峰镇大湾村1组', `${k}3组#1`]);
    expect(idFor(h, who(k, '3组'), ['13900000009'])).toBe(`${k}3组`); // 139…09 was learnt by the first: listed first
  });
});

describe('HouseholdIndex.nameOf', () => {
  it('gives the 户主姓名 of a household from its key, kept in the columns or listed, a bar in the name kept', () => {
    const h = new HouseholdIndex(idx);
    const row = (name: string, address: string, phone = ''): RegisterRow => ({
      row: 4,
      fields: {
        name: { text: name, norm: name, cell: 'C4', kind: 'string' },
        address: { text: address, norm: address, cell: 'D4', kind: 'string' },
        phone: { text: phone, norm: phone, cell: 'E4', kind: 'string' },
      },
      extra: {},
    });
    const a = h.noOf(row(' 张  三 ', '溆浦县卢峰镇大湾村3组', '13900000001'))!;
    const b = h.noOf(row('李|四', '溆浦县卢峰镇大|湾村1组'))!;
    const c = h.noOf(row('张三', '溆浦县卢峰镇大湾村3组', '13900000009'))!; // another household of the group: listed
    const d = h.noOf(row('王五', '溆浦县卢峰镇大湾村2组', '13900000001 13900000002'))!; // two phones: listed
    expect([a, b, c, d].map((n) => h.nameOf(n))).toEqual(['张三', '李|四', '张三', '王五']);
  });
});

describe('HouseholdIndex phones kept as numbers', () => {
  it('keeps leading zeros, and a phone too long for a number apart, telling households by them as before', () => {
    const h = new HouseholdIndex();
    const k = '王五|大湾村';
    expect(h.noFor(who(k), ['07451234567'])).toBe(0);
    expect(h.noFor(who(k), ['7451234567'])).toBe(1); // not the same number without its 0
    expect(h.noFor(who(k), ['07451234567'])).toBe(0);
    const long = '1234567890123456789';
    expect(h.noFor(who('赵六|大湾村'), [long])).toBe(2);
    expect(h.noFor(who('赵六|大湾村'), [long])).toBe(2);
    expect(h.noFor(who('赵六|大湾村'), ['1234567890123456788'])).toBe(3);
  });
});

describe('phoneCode without a string', () => {
  it('is Number(`1${digits}`) for 1-15 ASCII digits, undefined for anything else, 0 for none', () => {
    const plain = (d: string | undefined) => (d === undefined ? 0 : d.length <= 15 && /^\d+$/.test(d) ? Number(`1${d}`) : undefined);
    const texts = [undefined, '', '0', '00', '7', '0745', '07451234567', '13907451234', '999999999999999', '000000000000000', '1234567890123456', '12a', '１３９', '-1', '1.5', ' 1', '1 ', '/', ':'];
    for (let n = 1; n <= 15; n++) texts.push('9'.repeat(n), '1'.repeat(n), `0${'5'.repeat(n - 1)}`);
    for (const t of texts) expect(phoneCode(t), JSON.stringify(t)).toBe(plain(t));
  });
});

describe('HouseholdIndex.noOf after RowFacts noted the same row (RowHandOver)', () => {
  it('gives the numbers it gives alone, for rows noted and rows not, and takes nothing noted with another list or area', () => {
    const rows: RegisterRow[] = [];
    const names = ['张三', '李四', '王五', '张 三'];
    const places = ['溆浦县卢峰镇大湾村3组', '卢峰镇大湾村三组', '桥江镇大湾村3组', '大湾村', ''];
    const phones = ['', '13907451234', '0745-3221234', '13907451234/0745-3221234', '无'];
    for (let i = 0; i < 200; i++) rows.push(row(i + 4, names[i % 4]!, places[(i * 7) % 5]!, phones[(i * 3) % 5]!));
    const alone = new HouseholdIndex(idx);
    const want = rows.map((r) => alone.noOf(r, XUPU));
    const shared = new HouseholdIndex(idx);
    const hand = new RowHandOver();
    const facts = new RowFacts(idx, XUPU, 0, hand);
    const got = rows.map((r, i) => {
      // RowFacts notes most rows first (check's validation visitor), not all
      if (i % 5 !== 0) facts.householdNo(r);
      return shared.noOf(r, XUPU, hand);
    });
    expect(got).toEqual(want);
    // the org key as noted, for rows noted and not, and worked out again for another division list
    const orgRows = rows.map((r, i) => ({ ...r, fields: { ...r.fields, org: { text: ['湖南省怀化市慈善总会', '溆浦县慈善会', '', '同上'][i % 4]! } } }) as RegisterRow);
    const hand4 = new RowHandOver();
    const facts4 = new RowFacts(idx, XUPU, 0, hand4);
    orgRows.forEach((r, i) => {
      if (i % 5 !== 0) facts4.householdNo(r);
      expect(hand4.orgKey(r, idx)).toBe(orgKeyOf(r, idx));
      expect(hand4.orgKey(r, undefined)).toBe(orgKeyOf(r));
    });
    expect(orgRows.map((r) => orgKeyOf(r, idx))).toContain('怀化市慈善总会');
    // noted with another division list: not taken (without one, 溆浦县… and … are other households)
    const plainAlone = new HouseholdIndex();
    const wantPlain = rows.map((r) => plainAlone.noOf(r, XUPU));
    expect(wantPlain).not.toEqual(want);
    const plainShared = new HouseholdIndex();
    const hand2 = new RowHandOver();
    const facts2 = new RowFacts(idx, XUPU, 0, hand2);
    expect(rows.map((r) => (facts2.householdNo(r), plainShared.noOf(r, XUPU, hand2)))).toEqual(wantPlain);
    // noted with another area (its county stands for addresses naming none): not taken
    const other = { level: 'county', province: '湖南省', city: '怀化市', county: '鹤城区' } as Area;
    const otherAlone = new HouseholdIndex(idx);
    const wantOther = rows.map((r) => otherAlone.noOf(r, other));
    expect(wantOther).not.toEqual(want);
    const otherShared = new HouseholdIndex(idx);
    const hand3 = new RowHandOver();
    const facts3 = new RowFacts(idx, XUPU, 0, hand3);
    expect(rows.map((r) => (facts3.householdNo(r), otherShared.noOf(r, other, hand3)))).toEqual(wantOther);
  });

  it('is one per register (rowHandOver), and noOf without one works the row out itself', () => {
    const a = {};
    const b = {};
    expect(rowHandOver(a)).toBe(rowHandOver(a));
    expect(rowHandOver(a)).not.toBe(rowHandOver(b));
    const r = row(4, '张三', '卢峰镇大湾村3组', '13907451234');
    const facts = new RowFacts(idx, XUPU, 0, rowHandOver(a));
    const h = new HouseholdIndex(idx);
    // another household first: the row is h's household 1 and facts' household 0, so a number handed over from facts'
    // own index instead of h's would show
    expect(h.noOf(row(3, '李四', '卢峰镇大湾村4组', '13907450000'), XUPU)).toBe(0);
    facts.householdNo(r);
    expect(h.noOf(r, XUPU, rowHandOver(b))).toBe(1); // nothing noted in b's chain: worked out
    expect(h.noOf(r, XUPU, rowHandOver(a))).toBe(1);
    expect(h.noOf(r, XUPU)).toBe(1);
  });
});
