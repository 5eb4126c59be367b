// addressIdentity (household.ts) reads every address as main's reading before its fast paths did (a copy of it below is the
// reference): a 组 number already written as digits is not rewritten, and an address without punctuation is not copied.
// Any order, with and without the division list, texts differing in width, spaces, 同上, and with the register's area.
import { describe, expect, it } from 'vitest';
import { addressIdentity, chineseNumber, householdWho, townHead, type AddressIdentity } from '../../src/core/household.js';
import type { DivisionIndex } from '../../src/core/divisions.js';
import type { Area, RegisterRow } from '../../src/core/model.js';
import { compact, isDittoMark } from '../../src/core/normalize.js';
import { divisions } from '../helpers/divisions.js';
import { mulberry32 } from '../../scripts/lib/deterministic.mjs';

const idx = divisions();

// ── the reading before the memo (household.ts at main 20a85d8), kept as the reference ─────────────────────────────
const PUNCT = /[()[\]{}<>【】〔〕《》「」『』"'`‘’“”.,，。、;；:：!！?？·•\-_—–~～/\\|*＊#＃]/gu;
const VILLAGE_COMMITTEE = /村?村(?:民委员会|委会|委)/g;
const RESIDENTS_COMMITTEE = /(?:社区)?(?:居民委员会|居委会)/g;
const CN_NUMERAL = new Set(Array.from('零〇一二两三四五六七八九十百'));
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
function refGroups(t: string): string {
  let at = t.indexOf('组');
  if (at < 0) return t;
  let out = '';
  let from = 0;
  for (; at >= 0; at = t.indexOf('组', at + 1)) {
    if (t[at + 1] === '织') continue;
    const suffix = t.startsWith('村民小', at - 3) ? at - 3 : t[at - 1] === '小' ? at - 1 : at;
    let start = suffix;
    if (isDigit(t[start - 1])) while (start > from && isDigit(t[start - 1])) start--;
    else while (start > from && CN_NUMERAL.has(t[start - 1]!)) start--;
    if (start === suffix) continue;
    const digits = t.slice(start, suffix);
    const n = isDigit(digits[0]) ? Number(digits) : chineseNumber(digits);
    if (n === undefined) continue;
    const lead = start > from && t[start - 1] === '第' ? start - 1 : start;
    out += `${t.slice(from, lead)}${n}组`;
    from = at + 1;
  }
  return from === 0 ? t : out + t.slice(from);
}
function refFirstOf(s: string, a: string, b: string, from: number): number | undefined {
  const i = s.indexOf(a, from);
  const j = s.indexOf(b, from);
  if (i < 0 && j < 0) return undefined;
  return i >= 0 && (j < 0 || i < j) ? i + a.length : j + b.length;
}
function reference(text: string, divisions?: DivisionIndex): AddressIdentity {
  let s = compact(text);
  if (s === '' || (s.length <= 6 && isDittoMark(s))) return { county: '', village: '', detail: '' };
  s = s.replace(PUNCT, '');
  let county = '';
  if (divisions) {
    const lead = divisions.leadingCounty(s);
    county = lead.county?.code ?? '';
    if (lead.end > 0) s = s.slice(lead.end);
  }
  if (s.includes('委')) s = s.replace(VILLAGE_COMMITTEE, '村').replace(RESIDENTS_COMMITTEE, '社区');
  s = refGroups(s);
  const town = townHead(s);
  let end = refFirstOf(s, '村', '社区', town + 1);
  if (town > 0 && (s.startsWith('村', town) || s.startsWith('社区', town))) end ??= refFirstOf(s, '村', '社区', town);
  if (end === undefined) return { county, village: s, detail: '' };
  return { county, village: s.slice(0, end), detail: s.slice(end) };
}

// ── a corpus of addresses as clerks write them ──────────────────────────────────────────────────────────────────
const rng = (seed: number): (() => number) => mulberry32(seed);

const HEADS = ['', '湖南省', '湖南', '湖南省怀化市', '怀化市', '怀化', '怀化市溆浦县', '溆浦县', '溆浦', '湖南省怀化市溆浦县', '湖南溆浦县', '宁乡县', '宁乡市', '长沙市宁乡市',
  '湘西州', '湘西土家族苗族自治州凤凰县', '麻阳县', '鹤城区', '怀化市鹤城区', '攸县', '南县', '新县城', '城区', '广东省广州市', '湖南省广州市', '北京市朝阳区', '大同市', '鼓楼区', '吉首市', '株洲县', '岳阳市屈原管理区', '屈原管理区'];
const TOWNS = ['', '卢峰镇', '桥江镇', '龙潭镇', '小横垅乡', '城关镇', '卢峰', '新镇', '后塘乡', '后塘瑶族乡', '村头镇', '红星街道', '城南街道办事处', '星镇', '大杨镇', '麻塘集镇', '双井街道'];
const VILLAGES = ['', '红星村', '孙家坪村', '大湾村', '新镇村', '大湾村村委会', '大湾村委会', '大湾村民委员会', '城东社区', '城东社区居委会', '龙洞居委会', '大同市村', '村', '社区', '红星', '东山村', '星镇村', '同上村'];
const GROUPS = ['', '3组', '03组', '第3组', '三组', '第十二组', '3村民小组', '三小组', '组织部', '12组', '〇组', '第组', '二十组', '１２组', '0组', '99999999999999999999组', '组'];
const TAILS = ['', '12号', '38号', '(老屋)', '-1', '、2栋', 'A栋', '附1号', '村', '社区', '3村', '5社区', '第', '第三', '一', ' ', '　'];
const NOISE = [' ', '　', '（', '）', ',', '，', '#', '１', '2', 'ａ', '〃', '\t', '第', '组', '村', '镇'];

function address(r: () => number): string {
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  let s = pick(HEADS) + pick(TOWNS) + pick(VILLAGES) + pick(GROUPS) + pick(TAILS);
  if (r() < 0.3) s += pick(GROUPS) + pick(TAILS);
  // a character of noise somewhere: spaces, brackets, full-width digits, a ditto mark
  if (r() < 0.4) {
    const at = Math.floor(r() * (s.length + 1));
    s = s.slice(0, at) + pick(NOISE) + s.slice(at);
  }
  return s;
}

const FIXED = [
  '', ' ', '同上', ' 同 上 ', '〃', '"', 'ditto', '溆浦县卢峰镇红星村22组38号', '溆浦县卢峰镇红星村２２组３８号', '溆浦县 卢峰镇 红星村 22组 38号',
  '溆浦县卢峰镇红星村第3组', '溆浦县卢峰镇红星村第３组', '溆浦县卢峰镇红星村03组', '溆浦县卢峰镇红星村3村民小组', '溆浦县卢峰镇3村5组', '溆浦县卢峰镇3社区',
  '溆浦县卢峰镇3组', '溆浦县新镇村3组', '溆浦县卢峰镇', '卢峰镇', '溆浦县', '123', '3组', '红星村', '溆浦县卢峰镇红星村村委会3组', '溆浦县卢峰镇红星村3组村委会',
  '溆浦县卢峰镇红星村12345678901234567890组', '怀化市溆浦县卢峰镇红星村1组', '湖南省怀化市溆浦县卢峰镇红星村1组', '溆浦县城区1号', '溆浦县城1号', '攸县1组',
  '大同市村1组', '溆浦县卢峰镇红星村〇组', '溆浦县卢峰镇红星村十组', '溆浦县卢峰镇第', '溆浦县卢峰镇第1', '溆浦县卢峰街1号', '溆浦县卢峰街道1号', '溆浦县卢峰苏1号',
];

function corpus(n: number, seed: number): string[] {
  const r = rng(seed);
  const out = [...FIXED];
  for (let i = 0; i < n; i++) out.push(address(r));
  return out;
}

describe('addressIdentity: its fast paths read as main did', () => {
  const texts = corpus(20_000, 18);

  it('equals the reading of main for every text (with the division list)', () => {
    const bad = texts.filter((t) => JSON.stringify(addressIdentity(t, idx)) !== JSON.stringify(reference(t, idx)));
    expect(bad).toEqual([]);
  });

  it('the same without the division list', () => {
    const bad = texts.filter((t) => JSON.stringify(addressIdentity(t)) !== JSON.stringify(reference(t)));
    expect(bad).toEqual([]);
  });

  it('in another order, asked again (the county chains leadingCounty keeps full), the answers do not change', () => {
    const r = rng(7);
    const shuffled = [...texts].sort(() => r() - 0.5);
    const bad = shuffled.filter((t) => JSON.stringify(addressIdentity(t, idx)) !== JSON.stringify(reference(t, idx)));
    expect(bad).toEqual([]);
  });

  it('over 25,000 distinct villages, with 组 numbers of every length, the answers do not change', () => {
    const many: string[] = [];
    for (let i = 0; i < 25_000; i++) many.push(`溆浦县卢峰镇${String.fromCharCode(0x4e00 + (i % 5000))}${String.fromCharCode(0x4e00 + Math.floor(i / 5000))}村${i % 30}组${i}号`);
    const bad = [...many, ...many.slice(0, 100)].filter((t) => JSON.stringify(addressIdentity(t, idx)) !== JSON.stringify(reference(t, idx)));
    expect(bad).toEqual([]);
  });

  it('texts differing only in width and spaces read alike; 同上 reads as no address', () => {
    const a = addressIdentity('溆浦县卢峰镇红星村22组38号', idx);
    expect(a).toEqual({ county: '431224', village: '卢峰镇红星村', detail: '22组38号' });
    expect(addressIdentity('溆浦县卢峰镇红星村２２组３８号', idx)).toEqual(a);
    expect(addressIdentity(' 溆浦县 卢峰镇　红星村 22组 38号 ', idx)).toEqual(a);
    expect(addressIdentity('溆浦县卢峰镇红星村第22组38号', idx)).toEqual(a);
    expect(addressIdentity('同上', idx)).toEqual({ county: '', village: '', detail: '' });
    expect(addressIdentity('溆浦县卢峰镇3村5组', idx)).toEqual({ county: '431224', village: '卢峰镇3村', detail: '5组' });
  });

  it('householdWho: the register area stands for the county only when the address names none', () => {
    const row = (address: string): RegisterRow => ({ row: 5, fields: { name: { text: '张三' }, address: { text: address } } }) as unknown as RegisterRow;
    const xupu = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县' } as Area;
    const hecheng = { level: 'county', province: '湖南省', city: '怀化市', county: '鹤城区' } as Area;
    for (const t of ['溆浦县卢峰镇红星村3组', '卢峰镇红星村3组', '鹤城区卢峰镇红星村3组', '同上']) {
      for (const area of [xupu, hecheng, undefined]) {
        const who = householdWho(row(t), idx, area);
        const ref = reference(t, idx);
        // (the key's parts are kept apart too: name and village, joined as the key)
        expect({ key: who!.key, detail: who!.detail, county: who!.county }).toEqual({ key: `张三|${ref.village}`, detail: ref.detail, county: ref.county || (area ? idx.placeOf(area)!.code : '') });
        expect(`${who!.name}|${who!.village}`).toBe(who!.key);
      }
    }
  });
});
