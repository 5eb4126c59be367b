// Micro-benchmark of the identity keys (household and organisation) over 200,000 generated rows: time per pass and heap kept by HouseholdIndex.
//
// Usage: npm run build && node --expose-gc bench/identity-keys.mjs [--rows 200000] [--runs 5] [--dist DIR]
// (--dist: another build's dist/ folder, to compare with an earlier commit)
// Runs against dist/ (what the CLI runs). Rows are Hunan addresses written the ways clerks write them (with and
// without the province/city/county prefix, 三组/3组/第3组, 村委会, full-width digits) and organisation names with and
// without their area in front. Prints the median CPU time of the runs for: the two key functions alone, and
// HouseholdIndex.idOf over every row (one index per run), with the heap the index keeps. householdBaseKey is timed
// with the rows in random county order (the worst case) and sorted by county (a register's rows share its prefix).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../scripts/lib/deterministic.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROWS = flag('--rows', 200_000);
const RUNS = flag('--runs', 5);

const distAt = args.indexOf('--dist');
const DIST = distAt >= 0 ? args[distAt + 1] : join(ROOT, 'dist');
const household = await import(join(DIST, 'core/household.js'));
const { DivisionIndex } = await import(join(DIST, 'core/divisions.js'));
const divisions = new DivisionIndex(JSON.parse(readFileSync(join(DIST, 'data/divisions.json'), 'utf8')));

const rand = mulberry32(20240601);
const pick = (list) => list[Math.floor(rand() * list.length)];
const hunan = divisions.province('湖南省');
const counties = hunan.cities.flatMap((c) => c.counties.filter((k) => !k.zone && k.towns.length > 0));
const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢');
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红春生福林德海清');
const VILLAGE = Array.from('大小新老红东西南北长高马石龙凤桃花竹山水田坪湾塘冲溪岭');
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const FULL = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function addressText(k, town, village, group, house, style) {
  const city = k.city.name;
  switch (style) {
    case 0: return `湖南省${city}${k.name}${town}${village}村${group}组${house}号`;
    case 1: return `${k.name}${town}${village}村${CN[group - 1]}组`;
    case 2: return `${town}${village}村第${group}组`;
    case 3: return `${city}${k.name}${town}${village}村委会${String(group).padStart(2, '0')}组`;
    case 4: return `${town}${village}村${FULL(String(group))}组`;
    default: return `${k.name} ${town} ${village}村 ${group}组`;
  }
}

const rows = [];
const areas = [];
const areaOf = new Map();
/** What each row is about: a third of the rows repeat an earlier household, written another way. */
const specs = [];
for (let i = 0; i < ROWS; i++) {
  let spec;
  if (specs.length > 0 && rand() < 0.3) spec = pick(specs);
  else {
    const k = pick(counties);
    spec = {
      k,
      town: pick(k.towns),
      village: pick(VILLAGE) + pick(VILLAGE),
      name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''),
      group: 1 + Math.floor(rand() * 12),
      house: 1 + Math.floor(rand() * 60),
      phone: rand() < 0.8 ? `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}` : '',
    };
    specs.push(spec);
  }
  const { k } = spec;
  const address = addressText(k, spec.town, spec.village, spec.group, spec.house, Math.floor(rand() * 6));
  const orgStyle = Math.floor(rand() * 4);
  const org = orgStyle === 0 ? `湖南省${k.city.name}${k.name}慈善会` : orgStyle === 1 ? `${k.name}慈善会` : orgStyle === 2 ? `${k.city.name}慈善总会` : `${k.name}（爱心）志愿者协会`;
  const field = (text, cell) => ({ text, norm: text, cell, kind: 'string' });
  rows.push({ row: i + 2, fields: { org: field(org, `B${i + 2}`), name: field(spec.name, `C${i + 2}`), address: field(address, `D${i + 2}`), phone: field(spec.phone, `E${i + 2}`) }, extra: {} });
  // one area object per county, as each register has one
  if (!areaOf.has(k.code)) areaOf.set(k.code, { level: 'county', province: '湖南省', city: k.city.name, county: k.name, code: k.code, source: 'path' });
  areas.push(areaOf.get(k.code));
}
console.log(`households written: ${specs.length}`);

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
/** Median CPU time (user + system, ms) of fn over the runs: less disturbed than wall time on a shared machine. */
function time(fn) {
  const out = [];
  for (let r = 0; r < RUNS; r++) {
    globalThis.gc?.();
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    out.push((d.user + d.system) / 1000);
  }
  return median(out);
}

// warm-up: the division index builds its name maps on first use
household.householdBaseKey(rows[0], divisions);
household.orgKeyOf(rows[0], divisions);

let sink = 0;
const baseMs = time(() => {
  for (const row of rows) sink += (household.householdBaseKey(row, divisions) ?? '').length;
});
// the same rows in register order: a county register is one county, its prefix on every row
// (copied in that order, so that memory order does not decide the figure)
const byCounty = rows
  .map((row, i) => ({ row, code: areas[i].code }))
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  .map(({ row }) => structuredClone(row));
const sortedMs = time(() => {
  for (const row of byCounty) sink += (household.householdBaseKey(row, divisions) ?? '').length;
});
const orgMs = time(() => {
  for (const row of rows) sink += (household.orgKeyOf(row, divisions) ?? '').length;
});
const indexMs = time(() => {
  const index = new household.HouseholdIndex(divisions);
  for (let i = 0; i < rows.length; i++) sink += index.idOf(rows[i], areas[i]).length;
});
// heap kept by one index, and how many households it found (untimed)
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const index = new household.HouseholdIndex(divisions);
let ids = rows.map((row, i) => index.idOf(row, areas[i]));
const distinct = new Set(ids).size;
ids = undefined;
globalThis.gc?.();
const keptBytes = process.memoryUsage().heapUsed - heapBefore;
sink += index ? 0 : 1;
const orgs = new Set(rows.map((r) => household.orgKeyOf(r, divisions)));
const mb = (n) => (n / 1024 / 1024).toFixed(1);
console.log(`rows ${ROWS}, runs ${RUNS} (median), node ${process.version}${globalThis.gc ? '' : ' (no --expose-gc: heap figures are rough)'}`);
console.log(`householdBaseKey   ${baseMs.toFixed(0)} ms  (${((baseMs * 1e6) / ROWS).toFixed(0)} ns/row), rows in random county order`);
console.log(`householdBaseKey   ${sortedMs.toFixed(0)} ms  (${((sortedMs * 1e6) / ROWS).toFixed(0)} ns/row), rows by county (as registers are)`);
console.log(`orgKeyOf           ${orgMs.toFixed(0)} ms  (${((orgMs * 1e6) / ROWS).toFixed(0)} ns/row)`);
console.log(`HouseholdIndex.idOf ${indexMs.toFixed(0)} ms  (${((indexMs * 1e6) / ROWS).toFixed(0)} ns/row), heap kept by the index ${mb(keptBytes)} MiB`);
console.log(`distinct households ${distinct}, distinct org keys ${orgs.size}${sink < 0 ? '' : ''}`);
