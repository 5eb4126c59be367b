// npm run fixtures:rosters — a county's rosters beside its register (issue 14), and the truth a correct fupin gives,
// computed here from this script's own data (never by fupin): fixtures/rosters/ and fixtures/rosters-truth.json.
//
//   ledger/fupin.config.json     names the rosters and the focus list (check picks them up)
//   ledger/怀化市/溆浦县.csv       the register: pairings in 4 townships, 12 villages
//   ledger/名单/建档立卡.xlsx      the 建档立卡 roster (县, 乡镇, 行政村, 户主姓名, 证件号码, 人数, 贫困户属性, 脱贫状态)
//   ledger/名单/低收入家庭.csv     the 民政 low-income list (姓名, 身份证号码, 家庭住址, 保障类别): some households on both
//   ledger/重点地区.csv           a focus list hitting some townships and villages of the register (and one it cannot match)
//
// Planted: a paired household on no list (roster-missing), a name typo with the right name listed in its village
// (roster-missing, naming the candidate), an ID number that differs from the roster's for the same name and village
// (roster-mismatch at the ID cell), a name that differs from the roster's for the same ID number (roster-mismatch at
// the name cell). Every other paired household is listed, matched by ID or by name and village.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { delimited, registerGrid, workbook } from './lib/register-book.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'rosters');
const LEDGER = join(OUT, 'ledger');

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(i) {
  const body = `431224${19500101 + (i % 28) + 10000 * (i % 40)}`.slice(0, 14) + String(100 + i).slice(-3);
  const sum = [...body].reduce((n, d, k) => n + Number(d) * W[k], 0);
  return body + '10X98765432'[sum % 11];
}

const TOWNS = ['卢峰镇', '桥江镇', '龙潭镇', '水东镇'];
const VILLAGES = [['大湾村', '新田村', '石门村'], ['大湾村', '茶溪村', '枫木村'], ['新田村', '白岩村', '高坪村'], ['杉木村', '黄土村', '竹园村']];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙朱胡郭何高罗郑梁谢宋唐许邓曹彭曾'];
const GIVEN = ['秋菊', '建国', '春梅', '志强', '桂英', '德明', '玉兰', '红军', '秀珍', '海涛'];
const ORGS = [
  { name: '溆浦县慈善会', type: 'charity' },
  { name: '溆浦县教育基金会', type: 'foundation' },
  { name: '溆浦县阳光社会工作服务中心', type: 'social' },
];

// the listed households: 5 per village, in order
const households = [];
let n = 0;
TOWNS.forEach((town, t) =>
  VILLAGES[t].forEach((village, v) => {
    for (let k = 0; k < 5; k++) {
      const i = n++;
      households.push({ i, name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 3 + t) % GIVEN.length], town, village, group: (k % 3) + 1, id: idNumber(i), size: 2 + (i % 4), phone: `1390731${String(1000 + i).padStart(4, '0')}` });
    }
  }),
);
const byName = new Set();
for (const h of households) {
  // names unique across the county (so no planted look-alike by accident)
  while (byName.has(h.name)) h.name = h.name[0] + '小' + h.name.slice(1);
  byName.add(h.name);
}
// the planted typo's right name must be one character from its typo
const typoTarget = households[8]; // 卢峰镇新田村, not paired
typoTarget.name = '张秋菊';
const typo = '张秋局';

// the pairings: in each village the first 3 households, except 水东镇竹园村 (nobody paired there)
const pairs = [];
for (const h of households) {
  const k = h.i % 5;
  if (k >= 3 || (h.town === '水东镇' && h.village === '竹园村')) continue;
  pairs.push({ h, org: ORGS[h.i % 3], name: h.name, id: h.i % 2 === 0 ? h.id : '', listed: true, how: h.i % 2 === 0 ? 'id' : 'name-village' });
}
// planted: the typo (on no list; the right name is in its village), an ID mismatch, a name mismatch, a household on no list
pairs.push({ h: typoTarget, org: ORGS[0], name: typo, id: '', listed: false, plant: 'roster-missing', cellCol: 'C' });
const idm = households[1];
const idmPair = pairs.find((p) => p.h === idm);
idmPair.id = idNumber(900);
idmPair.how = 'name-village';
idmPair.plant = 'roster-mismatch';
idmPair.cellCol = 'F';
const nmm = households[2];
const nmmPair = pairs.find((p) => p.h === nmm);
nmmPair.name = nmm.name.slice(0, -1) + (nmm.name.endsWith('国') ? '强' : '国');
nmmPair.id = nmm.id;
nmmPair.how = 'id';
nmmPair.plant = 'roster-mismatch';
nmmPair.cellCol = 'C';
const stranger = { i: 999, name: '欧阳明德', town: '桥江镇', village: '茶溪村', group: 5, id: '', phone: '13907319999' };
pairs.push({ h: stranger, org: ORGS[2], name: stranger.name, id: '', listed: false, plant: 'roster-missing', cellCol: 'C' });

// the 民政 list: the households of 龙潭镇 (also on 建档立卡, same ID) and two of its own in 水东镇杉木村
const minzheng = households.filter((h) => h.town === '龙潭镇').map((h) => ({ ...h }));
const extra = [
  { i: 700, name: '覃玉兰', town: '水东镇', village: '杉木村', group: 4, id: idNumber(700), size: 1 },
  { i: 701, name: '舒德明', town: '水东镇', village: '杉木村', group: 4, id: idNumber(701), size: 2 },
];
minzheng.push(...extra);
pairs.push({ h: extra[0], org: ORGS[1], name: extra[0].name, id: '', listed: true, how: 'name-village', phone: '13907318700' });

// ── write ──
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(LEDGER, '怀化市'), { recursive: true });
mkdirSync(join(LEDGER, '名单'), { recursive: true });
const header = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码'];
const rows = pairs.map((p) => [p.org.name, p.name, `溆浦县${p.h.town}${p.h.village}${p.h.group}组`, p.h.phone ?? p.phone ?? `1390731${String(5000 + p.h.i)}`, p.id]);
const grid = registerGrid({ title: '县市区慈善组织精准扶贫结对帮扶登记表', unit: '溆浦县慈善会', rows, header });
writeFileSync(join(LEDGER, '怀化市', '溆浦县.csv'), delimited(grid, { encoding: 'utf8' }));
const HEADER_ROW = 3; // title, 填报单位, header
pairs.forEach((p, k) => (p.row = HEADER_ROW + 1 + k));

const jd = [
  ['溆浦县建档立卡贫困户名单'],
  ['县', '乡镇', '行政村', '户主姓名', '证件号码', '人数', '贫困户属性', '脱贫状态'],
  ...households.map((h) => ['溆浦县', h.town, h.village, h.name, h.id, h.size, h.i % 4 === 0 ? '低保贫困户' : '一般贫困户', h.i % 3 === 0 ? '已脱贫' : '未脱贫']),
];
writeFileSync(join(LEDGER, '名单', '建档立卡.xlsx'), await workbook([{ name: '建档立卡', grid: jd }]));
const mz = [['姓名', '身份证号码', '家庭住址', '保障类别'], ...minzheng.map((h) => [h.name, h.id, `溆浦县${h.town}${h.village}${h.group}组`, h.i % 2 ? '低保' : '特困'])];
writeFileSync(join(LEDGER, '名单', '低收入家庭.csv'), delimited(mz, { encoding: 'gbk' }));

const FOCUS = [
  ['重点县', '溆浦县', '', ''],
  ['重点乡镇', '溆浦县', '卢峰镇', ''],
  ['重点乡镇', '溆浦县', '油洋乡', ''],
  ['重点村', '溆浦县', '桥江乡', '茶溪村委会'],
  ['重点村', '溆浦县', '水东镇', '竹园村'],
  ['重点村', '溆浦县', '龙潭镇', '高坪村'],
  ['重点村', '溆浦县', '不存在镇', '大湾村'],
];
// rows fupin must leave out and say so: a place listed twice in its category, a row with no 类别 (header = row 1)
const FOCUS_SKIPPED = [
  { cells: FOCUS[1], why: 'duplicate', first: 3 },
  { cells: ['', '溆浦县', '桥江乡', ''], why: 'no-category' },
];
writeFileSync(join(LEDGER, '重点地区.csv'), delimited([['类别', '区县', '乡镇', '村'], ...FOCUS, ...FOCUS_SKIPPED.map((s) => s.cells)], { encoding: 'utf8' }));
writeFileSync(join(LEDGER, 'fupin.config.json'), `${JSON.stringify({ province: '湖南省', rosters: ['名单/建档立卡.xlsx', '名单/低收入家庭.csv'], focus: ['重点地区.csv'] }, null, 2)}\n`);

// ── truth ──
const listedKey = (h) => h.id;
const allListed = new Map();
for (const h of [...households, ...minzheng]) allListed.set(listedKey(h), h);
const pairedListed = new Set(pairs.filter((p) => p.listed).map((p) => listedKey(p.h)));
const gaps = new Map();
for (const h of allListed.values()) {
  const key = `${h.town}${h.village}`;
  const g = gaps.get(key) ?? { county: '溆浦县', place: key, listed: 0, unpaired: 0 };
  g.listed++;
  if (!pairedListed.has(listedKey(h))) g.unpaired++;
  gaps.set(key, g);
}
const focusRows = FOCUS.map(([category, county, town, village]) => {
  const stem = (s, re) => s.replace(re, '');
  const inIt = pairs.filter((p) => (!town || stem(town, /[乡镇]$/u) === stem(p.h.town, /[乡镇]$/u)) && (!village || stem(village, /(村委会|村)$/u) === stem(p.h.village, /村$/u)) && town !== '不存在镇');
  return { category, place: county + town + village, households: new Set(inIt.map((p) => p.h.i)).size, units: new Set(inIt.map((p) => p.org.name)).size };
});
const truth = {
  $comment: 'Computed by scripts/make-roster-fixtures.mjs from its own data.',
  findings: pairs.filter((p) => p.plant).map((p) => ({ rule: p.plant, cell: `${p.cellCol}${p.row}` })).sort((a, b) => (a.cell < b.cell ? -1 : 1)),
  rosters: {
    listed: allListed.size,
    listedPaired: pairedListed.size,
    pairedNotListed: new Set(pairs.filter((p) => !p.listed).map((p) => p.h.i)).size,
    gaps: [...gaps.values()].filter((g) => g.unpaired > 0).sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : 0)),
  },
  focus: focusRows,
  unresolved: ['溆浦县不存在镇大湾村'],
  unresolvedAt: [{ place: '溆浦县不存在镇大湾村', row: 2 + FOCUS.findIndex((f) => f[2] === '不存在镇') }],
  focusSkipped: FOCUS_SKIPPED.map((s, i) => ({ row: 2 + FOCUS.length + i, why: s.why, ...(s.first ? { first: s.first } : {}) })),
};
writeFileSync(join(ROOT, 'fixtures', 'rosters-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
console.log(`rosters: ${pairs.length} pairings, ${allListed.size} listed households, ${truth.findings.length} planted findings`);
