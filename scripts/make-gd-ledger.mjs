// npm run fixtures:gd — a second province's example ledger: fixtures/ledger-gd/ (广东省: 省本级 and its 21 cities, 东莞市 and
// 中山市 kept by township), its own 附4 quota table, and fixtures/ledger-gd-truth.json computed by this script's own model
// (never by fupin): the provincial table, each city's table and every quota requirement.
//
// Deterministic: a seeded PRNG, fixed workbook dates; running it twice gives the same bytes.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/deterministic.mjs';
import { countRow, delimited, registerGrid, totalOf, workbook } from './lib/register-book.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'ledger-gd');
const PROVINCE = '广东省';
const rand = mulberry32(20200615);
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const divisions = JSON.parse(readFileSync(join(ROOT, 'src/data/divisions.json'), 'utf8'));
const gd = divisions.provinces.find((p) => p.name === PROVINCE);
const ZONE = /管理区|园区|示范区|开发区|新区|合作区/u;
const TOWN = /(?:镇|乡|街道)$/u;

const SURNAMES = [...'陈李黄张梁林刘吴罗杨何郑谢周郭钟曾邓冯许蔡彭潘卢丘廖赖欧叶蒋温邱伍苏'];
const GIVEN = [...'伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀兰霞平刚桂英华建国志红春梅海燕文斌金凤玉玲'];
const used = new Set();
/** A person's name nobody else in the ledger has (so households are told apart by name alone). */
function person() {
  for (;;) {
    const n = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}
const mobile = () => `13${between(5, 9)}${String(between(0, 99999999)).padStart(8, '0')}`;

/** A household of a county (or township): name, address in one of its townships, phone; its key is the name. */
function household(place) {
  const town = place.town ?? pick(place.towns);
  const name = person();
  return { key: name, name, address: `${place.name === town ? '' : place.name}${town}${pick(['石岗', '新村', '龙田', '上围', '水口', '南坑'])}村${between(1, 12)}组`, phone: mobile() };
}

const files = [];
const write = (rel, buf) => {
  const abs = join(OUT, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, buf);
  files.push(rel);
};

/** One register: its rows as written, and the pairings counted (org, type, household key). */
async function register(rel, title, unit, pairings) {
  const rows = pairings.map((p) => [p.org, p.h.name, p.h.address, p.h.phone]);
  write(rel, await workbook([{ name: 'Sheet1', grid: registerGrid({ title, unit, rows }), merges: [[1, 1, 1, 5]] }]));
  return pairings.map((p) => ({ org: p.org, type: p.type, household: p.h.key }));
}

rmSync(OUT, { recursive: true, force: true });

const truth = { province: PROVINCE, cities: {}, table: null, quota: {} };
const provinceRows = [];
const quotaRows = [];

// 省本级: the provincial charity federation (households in 梅州市) and a provincial foundation
const meizhou = gd.cities.find((c) => c.name === '梅州市');
const meixian = meizhou.counties.find((k) => !ZONE.test(k.name));
const place = (county) => ({ name: county.name, towns: county.towns.filter((t) => TOWN.test(t)) });
{
  const ps = [];
  for (let i = 0; i < 6; i++) ps.push({ org: '广东省慈善总会', type: 'charity', h: household(place(meixian)) });
  for (let i = 0; i < 3; i++) ps.push({ org: '广东省扶贫开发基金会', type: 'foundation', h: household(place(meixian)) });
  const counted = await register('省本级.xlsx', '广东省本级慈善组织精准扶贫结对帮扶登记表', '广东省慈善总会', ps);
  provinceRows.push(countRow('省本级', counted));
  const q = { charityLocal: 5, foundationOrgs: 1, foundationHouseholds: '3-5', socialOrgs: 1, socialHouseholds: '1-2' };
  quotaRows.push({ unit: '省本级', ...q });
  truth.quota['省本级'] = {
    'charity-local': [q.charityLocal, 6],
    'foundation-orgs': [1, 1],
    'foundation-households': [3, 3],
    'social-orgs': [1, 0],
    'social-households': [1, 0],
  };
}

for (const city of gd.cities.filter((c) => !/直辖/u.test(c.name))) {
  const byTownship = city.counties.length === 1 && city.counties[0].name === city.name;
  const units = byTownship
    ? city.counties[0].towns.filter((t) => TOWN.test(t)).slice(0, 2).map((t) => ({ name: city.name, town: t, towns: [t], label: t }))
    : city.counties.filter((k) => !ZONE.test(k.name)).slice(0, 2).map((k) => ({ ...place(k), label: k.name }));
  const cityPairings = [];
  const rows = [];
  // 市本级: the city's 慈善会 (3-4 households), sometimes a foundation, a social organisation
  const own = [];
  for (let i = 0, n = between(3, 4); i < n; i++) own.push({ org: `${city.name}慈善会`, type: 'charity', h: household(pick(units)) });
  const cityFoundation = rand() < 0.6;
  if (cityFoundation) for (let i = 0; i < 2; i++) own.push({ org: `${city.name}扶贫基金会`, type: 'foundation', h: household(pick(units)) });
  own.push({ org: `${city.name}社会工作服务中心`, type: 'social', h: household(pick(units)) });
  // a household helped by two types (the charity and the social centre): counted once in the total
  own.push({ ...own[0], org: `${city.name}社会工作服务中心`, type: 'social' });
  const cityCounted = await register(`${city.name}/市本级.xlsx`, `${city.name}本级慈善组织精准扶贫结对帮扶登记表`, `${city.name}慈善会`, own);
  rows.push(countRow('市本级', cityCounted));
  cityPairings.push(...cityCounted);
  let countyCharity = new Set();
  for (const u of units) {
    const ps = [];
    for (let i = 0, n = between(3, 5); i < n; i++) ps.push({ org: `${u.label}慈善会`, type: 'charity', h: household(u) });
    if (rand() < 0.5) ps.push({ org: `${u.label}爱心志愿者协会`, type: 'social', h: household(u) });
    if (rand() < 0.3) ps.push({ org: `${u.label}教育基金会`, type: 'foundation', h: household(u) });
    const counted = await register(`${city.name}/${u.label}.xlsx`, `${byTownship ? city.name : ''}${u.label}慈善组织精准扶贫结对帮扶登记表`, `${u.label}慈善会`, ps);
    rows.push(countRow(u.label, counted));
    cityPairings.push(...counted);
    for (const p of counted) if (p.type === 'charity') countyCharity.add(p.household);
  }
  truth.cities[city.name] = { rows, total: totalOf(rows) };
  provinceRows.push(countRow(city.name, cityPairings));
  // the quota: minimums set so that some cities fall short (the truth says where and by how much)
  const local = new Set(cityCounted.filter((p) => p.type === 'charity').map((p) => p.household)).size;
  const foundations = new Set(cityPairings.filter((p) => p.type === 'foundation').map((p) => p.org)).size;
  const foundationHomes = rows.reduce((n, r) => n + r.foundation.households, 0);
  const socials = new Set(cityPairings.filter((p) => p.type === 'social').map((p) => p.org)).size;
  const socialHomes = rows.reduce((n, r) => n + r.social.households, 0);
  const q = { charityLocal: 3, charityCounty: 8, foundationOrgs: 1, foundationHouseholds: '2-4', socialOrgs: 2, socialHouseholds: '2-3' };
  quotaRows.push({ unit: city.name, ...q });
  truth.quota[city.name] = {
    'charity-local': [3, local],
    'charity-county': [8, countyCharity.size],
    'foundation-orgs': [1, foundations],
    'foundation-households': [2, foundationHomes],
    'social-orgs': [2, socials],
    'social-households': [2, socialHomes],
  };
}
const total = totalOf(provinceRows);
truth.table = { level: 'province', area: PROVINCE, rows: provinceRows, total };

// the province's own 附4 (no built-in table exists for 广东省): CSV in the 附4 layout, named by the config
write(
  '附4-广东省任务分配表.csv',
  delimited(
    [
      ['广东省慈善组织帮扶任务分配指导建议表（2020年）'],
      ['单位', '慈善系统', '', '', '基金会', '', '社会服务机构', ''],
      ['', '本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数'],
      ...quotaRows.map((q) => [q.unit, q.charityLocal, q.charityCounty ?? '', (q.charityLocal ?? 0) + (q.charityCounty ?? 0), q.foundationOrgs, q.foundationHouseholds, q.socialOrgs, q.socialHouseholds]),
    ],
    { encoding: 'utf8' },
  ),
);
write('fupin.config.json', Buffer.from(`${JSON.stringify({ province: PROVINCE, year: 2020, quotaTable: '附4-广东省任务分配表.csv' }, null, 2)}\n`));

// every requirement: required, actual, shortfall, met
for (const [area, reqs] of Object.entries(truth.quota)) {
  truth.quota[area] = Object.fromEntries(
    Object.entries(reqs).map(([id, [required, actual]]) => [id, { required, actual, shortfall: Math.max(0, required - actual), met: actual >= required }]),
  );
}
writeFileSync(join(ROOT, 'fixtures', 'ledger-gd-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
console.log(`fixtures/ledger-gd: ${files.length} files; truth in fixtures/ledger-gd-truth.json`);
