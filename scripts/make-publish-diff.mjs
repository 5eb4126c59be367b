// npm run fixtures:publish-diff — registers for fupin publish and fupin diff (issue 15), with the truth computed here from
// this script's own data (never by fupin):
//
//   fixtures/publish/怀化市/溆浦县.xlsx  a register with every personal column a clerk adds (身份证号码, 家庭人口, 家庭年收入,
//                                     贫困原因, 家庭成员, 备注) and the help given (帮扶措施, 帮扶资金(元), 脱贫状态); names with
//                                     compound surnames, middle dots and notes; addresses with 组, 号, roads, and none
//   fixtures/publish-truth.json        per row the published place and masked name, per organisation the households and
//                                     amount, and every personal string that must never be published (`secrets`)
//   fixtures/diff/old/怀化市/溆浦县.xlsx  a county register
//   fixtures/diff/new/怀化市/溆浦县.xlsx  the same register sent again: 3 pairings added, 2 removed, rows reordered and
//                                     renumbered, one address respelt (村委会三组 → 村3组), one 组 corrected, one phone changed
//   fixtures/diff/new-csv/怀化市/溆浦县.csv  the new version saved as CSV (GBK) by Excel: the same changes
//   fixtures/diff/same/怀化市/溆浦县.xlsx the old version again, byte for byte: nothing changed
//   fixtures/diff-truth.json           the planted changes
//
// Deterministic: a seeded PRNG and fixed workbook dates.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/deterministic.mjs';
import { delimited, registerGrid, workbook } from './lib/register-book.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rand = mulberry32(20171205);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙朱胡郭何高罗郑梁谢宋唐许邓曹彭曾肖田'];
const GIVEN = [...'秋菊建国春梅志强桂英德明玉兰红军秀珍海涛金花小平'];
const TOWNS = {
  卢峰镇: ['大湾村', '沿河村', '长乐村'],
  低庄镇: ['响水村', '桐木村'],
  观音阁镇: ['杨柳村', '烟园村'],
  大江口镇: ['荷花村', '油洋村'],
  两丫坪镇: ['檀木村', '两丫坪社区'],
};
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ORGS = [
  { name: '溆浦县慈善会', type: 'charity' },
  { name: '怀化市慈善总会', type: 'charity' },
  { name: '怀化市教育基金会', type: 'foundation' },
  { name: '溆浦县红枫义工协会', type: 'social' },
];

const usedNames = new Set();
function personName() {
  for (;;) {
    const n = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
    if (!usedNames.has(n)) {
      usedNames.add(n);
      return n;
    }
  }
}
const usedPhones = new Set();
function phone() {
  for (;;) {
    const p = `1${pick(['35', '39', '58', '77', '86'])}${String(int(0, 99999999)).padStart(8, '0')}`;
    if (!usedPhones.has(p)) {
      usedPhones.add(p);
      return p;
    }
  }
}
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber() {
  const body = `431224${int(1940, 1990)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(0, 999)).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}

function place() {
  const town = pick(Object.keys(TOWNS));
  return { town, village: pick(TOWNS[town]), group: int(1, 10) };
}

// ── publish ─────────────────────────────────────────────────────────────────────────────────────────────────────────

function writeBook(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

async function publishFixture() {
  const header = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码', '家庭人口', '家庭年收入', '贫困原因', '家庭成员', '帮扶措施', '帮扶资金(元)', '脱贫状态', '备注'];
  // the heads: ordinary names, compound surnames, a dotted name, a name with a note
  const special = [
    { name: '欧阳建国', masked: '欧阳**' },
    { name: '司马秀', masked: '司马*' },
    { name: '买买提·艾力', masked: '买买提·**' },
    { name: '阿依古丽·吐尔逊', masked: '阿依古丽·**' },
    { name: '谭桂英(已故)', masked: '谭**', bare: '谭桂英' },
    { name: '胡  明', masked: '胡*', bare: '胡明' },
  ];
  const rows = [];
  const truthRows = [];
  const secrets = new Set();
  const orgTotals = new Map();
  for (let i = 0; i < 30; i++) {
    const s = special[i] ?? null;
    const name = s ? s.name : personName();
    const bare = s ? (s.bare ?? name) : name;
    const masked = s ? s.masked : `${bare[0]}${'*'.repeat(bare.length - 1)}`;
    const org = ORGS[i % ORGS.length];
    const p = place();
    // addresses as clerks write them: the county in front or not, 组 in Chinese or digits, a house number, a road
    const g = p.group;
    const n = int(1, 99);
    const committee = p.village.endsWith('村') ? `${p.village.slice(0, -1)}村民委员会` : `${p.village}居委会`;
    const [address, published, detail] = [
      [`溆浦县${p.town}${p.village}${g}组`, { town: p.town, village: p.village }, `${g}组`],
      [`${p.town}${p.village}${CN[g]}组${n}号`, { town: p.town, village: p.village }, `${CN[g]}组${n}号`],
      [`湖南省怀化市溆浦县${p.town}${committee}第${g}组`, { town: p.town, village: p.village }, `第${g}组`],
      [`${p.town}解放路${n + 100}号`, { town: p.town, village: '' }, `解放路${n + 100}号`],
      [`${p.village}${g}组`, { town: '', village: p.village }, `${g}组`],
      [`${p.town}${p.village}${g}组${n}栋${n + 100}室`, { town: p.town, village: p.village }, `${g}组${n}栋${n + 100}室`],
    ][i % 6];
    const ph = phone();
    const id = idNumber();
    const members = `${personName()}（妻）、${personName()}（子）`;
    const note = `低保户，户主${bare}自述${pick(['腿伤', '慢性病', '务农'])}`;
    const amount = int(2, 60) * 100;
    // the measures sometimes name the head and a phone (clerks write that): both must be masked when published
    const measures = i % 5 === 0 ? `为${bare}家修缮住房，联系电话${ph}` : pick(['产业扶持：赠送猪仔', '助学：资助子女学费', '医疗救助', '就业培训']);
    const status = pick(['已脱贫', '未脱贫', '巩固提升']);
    rows.push([org.name, name, address, ph, id, int(2, 6), int(3000, 9000), pick(['因病', '因学', '缺劳力']), members, measures, amount, status, note]);
    for (const x of [bare, ph, id, note, ...members.split('、').map((m) => m.replace(/（.*）/, ''))]) secrets.add(x);
    secrets.add(detail);
    truthRows.push({ head: masked, org: org.name, orgType: org.type, city: '怀化市', county: '溆浦县', ...published, amount, status });
    const t = orgTotals.get(org.name) ?? { org: org.name, orgType: org.type, households: 0, amount: 0 };
    t.households++;
    t.amount += amount;
    orgTotals.set(org.name, t);
  }
  const grid = registerGrid({ title: '溆浦县慈善组织精准扶贫结对帮扶登记表', unit: '溆浦县慈善会', rows, header });
  writeBook(join(ROOT, 'fixtures/publish/怀化市/溆浦县.xlsx'), await workbook([{ name: 'Sheet1', grid }]));
  const truth = {
    about: 'made by scripts/make-publish-diff.mjs: what fupin publish must show for fixtures/publish, and what it must never show',
    rows: truthRows,
    byOrg: [...orgTotals.values()],
    totals: { pairings: truthRows.length, households: truthRows.length, orgs: orgTotals.size, amount: truthRows.reduce((s, r) => s + r.amount, 0) },
    secrets: [...secrets].filter((s) => s.length >= 2).sort(),
  };
  writeFileSync(join(ROOT, 'fixtures/publish-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

// ── diff ────────────────────────────────────────────────────────────────────────────────────────────────────────────

function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function diffFixtures() {
  const households = [];
  for (let i = 0; i < 43; i++) {
    const p = place();
    households.push({ org: ORGS[i % ORGS.length].name, name: personName(), address: `${p.town}${p.village}${p.group}组`, phone: phone(), p });
  }
  const oldList = households.slice(0, 40);
  const removed = [oldList[3], oldList[17]];
  const added = households.slice(40);
  // the old version writes one address the long way (村委会, 组 in Chinese, the county in front): the new one corrects its spelling
  const respelt = oldList[5];
  const respeltOld = `溆浦县${respelt.p.town}${respelt.p.village.replace(/村$/, '')}村委会${CN[respelt.p.group]}组`;
  // a 组 corrected (same phone: the same household), and a phone changed
  const regrouped = oldList[9];
  const regroupedNew = `${regrouped.p.town}${regrouped.p.village}${(regrouped.p.group % 10) + 1}组`;
  const rephoned = oldList[12];
  const rephonedNew = phone();

  const oldRows = oldList.map((h) => [h.org, h.name, h === respelt ? respeltOld : h.address, h.phone]);
  const newList = shuffle([...oldList.filter((h) => !removed.includes(h)), ...added]);
  const newRows = newList.map((h) => [h.org, h.name, h === regrouped ? regroupedNew : h.address, h === rephoned ? rephonedNew : h.phone]);

  const title = '溆浦县慈善组织精准扶贫结对帮扶登记表';
  const oldGrid = registerGrid({ title, unit: '溆浦县慈善会', rows: oldRows });
  const newGrid = registerGrid({ title, unit: '溆浦县慈善会', rows: newRows });
  const oldBook = await workbook([{ name: 'Sheet1', grid: oldGrid }]);
  writeBook(join(ROOT, 'fixtures/diff/old/怀化市/溆浦县.xlsx'), oldBook);
  writeBook(join(ROOT, 'fixtures/diff/same/怀化市/溆浦县.xlsx'), oldBook);
  writeBook(join(ROOT, 'fixtures/diff/new/怀化市/溆浦县.xlsx'), await workbook([{ name: 'Sheet1', grid: newGrid }]));
  writeBook(join(ROOT, 'fixtures/diff/new-csv/怀化市/溆浦县.csv'), delimited(newGrid));

  const truth = {
    about: 'made by scripts/make-publish-diff.mjs: the changes planted between fixtures/diff/old and fixtures/diff/new (and new-csv)',
    added: added.map((h) => ({ name: h.name, org: h.org })),
    removed: removed.map((h) => ({ name: h.name, org: h.org })),
    changed: [
      { name: respelt.name, org: respelt.org, field: 'address', before: respeltOld, after: respelt.address },
      { name: regrouped.name, org: regrouped.org, field: 'address', before: regrouped.address, after: regroupedNew },
      { name: rephoned.name, org: rephoned.org, field: 'phone', before: rephoned.phone, after: rephonedNew },
    ],
    unchanged: oldList.length - removed.length - 3,
    oldPairings: oldList.length,
    newPairings: newList.length,
  };
  writeFileSync(join(ROOT, 'fixtures/diff-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

rmSync(join(ROOT, 'fixtures/publish'), { recursive: true, force: true });
rmSync(join(ROOT, 'fixtures/diff'), { recursive: true, force: true });
await publishFixture();
await diffFixtures();
console.log('fixtures/publish, fixtures/diff and their truth written');
