// Generates the benchmark inputs into bench/out/ (deterministic, seeded): registers of 50 and 50k rows (xlsx), 200k and 1M rows (CSV), a whole province, 2,000 small files.
//
// Usage: node bench/generate.mjs [--force]
//
// Layout (the area of each register comes from its path, as in a real ledger):
//   bench/out/r50/怀化市/溆浦县.xlsx          50 pairings
//   bench/out/r50-plain/register.xlsx         the same outside a ledger, naming no county (no area: no address checks)
//   bench/out/r50k/怀化市/溆浦县.xlsx         50,000 pairings (written with shared strings, as Excel does)
//   bench/out/csv-utf8/怀化市/溆浦县.csv      200,000 pairings, UTF-8 with BOM, CRLF (Excel "CSV UTF-8")
//   bench/out/csv-gbk/怀化市/溆浦县.csv       the same rows in GBK (Excel "CSV (逗号分隔)" on Chinese Windows)
//   bench/out/csv-1m/怀化市/溆浦县.csv        1,000,000 pairings, UTF-8
//   bench/out/many/<市州>/<县市区>/登记表-NNNN.xlsx  2,000 registers of 20 pairings, spread over the counties
//   bench/out/province/<市州>/<县市区>.xlsx   every county of the 14 市州 (functional zones — codes xxxx7x — skipped),
//                                             plus each 市本级 and the 省本级: 60 pairings each
//   bench/out/roster100k/建档立卡.csv         a 建档立卡 roster of 100,000 households (issue 14)
//   bench/out/roster100k-xlsx/建档立卡.xlsx   the same roster as an .xlsx with shared strings (issue 18)
// A manifest (bench/out/manifest.json) records rows and bytes per case; a case is made when first asked for and
// remade only when the generator's version changes or --force is given.

import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mulberry32 } from '../scripts/lib/deterministic.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'bench', 'out');
const VERSION = 4;
const FIXED_DATE = new Date(Date.UTC(2016, 8, 12, 1, 30, 0));
const TITLE = '县市区慈善组织精准扶贫结对帮扶登记表';
const FOOTER = '备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。';
const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码', '家庭人口'];


const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力云峰国荣成林春梅海波金凤兵志宏光德福生贵祥水清松柏'];
const CHARITY_SUFFIX = ['慈善会', '慈善总会'];
const FOUNDATIONS = ['教育发展基金会', '青少年发展基金会', '扶贫开发基金会'];
const SOCIAL = ['社会工作服务中心', '爱心协会', '志愿者协会', '老年人服务中心', '助学服务社'];
const PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '173', '177', '180', '181', '186', '187', '188', '189', '199'];

const divisions = JSON.parse(readFileSync(join(ROOT, 'src/data/divisions.json'), 'utf8'));
const hunan = divisions.provinces.find((p) => p.code === '43');
const isFunctionalZone = (county) => county.code[4] === '7';

/** One area's register as rows of cell values: deterministic for a given seed. */
function makeRows(n, seed, { city, county, level }) {
  const rand = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const place = county ?? hunan.cities.find((c) => c.name === '怀化市').counties.find((k) => k.name === '溆浦县');
  const towns = place.towns?.length ? place.towns : ['城关镇'];
  const owner = level === 'province' ? '湖南省' : level === 'city' ? city.name : place.name;
  // a handful of organisations per area, the charity lead unit helping most households
  const orgs = [
    `${owner}${pick(CHARITY_SUFFIX)}`,
    `${owner}${pick(FOUNDATIONS)}`,
    `${owner}${pick(FOUNDATIONS)}`,
    `${owner}${pick(SOCIAL)}`,
    `${owner}${pick(SOCIAL)}`,
  ];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const org = r < 0.6 ? orgs[0] : r < 0.75 ? orgs[1] : r < 0.85 ? orgs[2] : r < 0.93 ? orgs[3] : orgs[4];
    const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '');
    const town = pick(towns);
    const address = `${place.name}${town}${pick(SURNAMES)}家${pick(['村', '坪村', '湾村', '冲村'])}${int(1, 30)}组${int(1, 99)}号`;
    const phone = pick(PREFIXES) + String(int(0, 99_999_999)).padStart(8, '0');
    const birth = `${int(1940, 1995)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`;
    const body = `${place.code}${birth}${String(int(0, 999)).padStart(3, '0')}`;
    rows.push([i + 1, org, name, address, phone, body + checkDigit(body), int(1, 7)]);
  }
  return rows;
}

/** GB 11643 check digit. */
function checkDigit(body17) {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * W[i];
  return '10X98765432'[s % 11];
}

function fillLine(label) {
  return label ? `填报单位：${label}慈善会                填报日期：2016年9月12日` : '填报日期：2016年9月12日';
}

async function writeSmallXlsx(abs, rows, label) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Administrator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('Sheet1');
  ws.columns = [6, 30, 12, 36, 16, 21, 9].map((width) => ({ width }));
  ws.addRow([TITLE]);
  ws.addRow([fillLine(label)]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.addRow([FOOTER]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.mergeCells(2, 1, 2, HEADER.length);
  ws.mergeCells(rows.length + 4, 1, rows.length + 4, HEADER.length);
  ws.getColumn(5).numFmt = '@';
  mkdirSync(dirname(abs), { recursive: true });
  await wb.xlsx.writeFile(abs);
}

async function writeLargeXlsx(abs, rows, label) {
  mkdirSync(dirname(abs), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: abs, useSharedStrings: true, useStyles: true });
  wb.creator = 'Administrator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('Sheet1');
  ws.columns = [6, 30, 12, 36, 16, 21, 9].map((width) => ({ width }));
  // merges only on rows not yet committed
  const title = ws.addRow([TITLE]);
  const fill = ws.addRow([fillLine(label)]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.mergeCells(2, 1, 2, HEADER.length);
  title.commit();
  fill.commit();
  ws.addRow(HEADER).commit();
  for (const r of rows) ws.addRow(r).commit();
  const footer = ws.addRow([FOOTER]);
  ws.mergeCells(rows.length + 4, 1, rows.length + 4, HEADER.length);
  footer.commit();
  await ws.commit();
  await wb.commit();
}

function csvText(rows, label) {
  const quote = (v) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const width = HEADER.length;
  const pad = (cells) => Array.from({ length: width }, (_, i) => (cells[i] === undefined ? '' : quote(cells[i]))).join(',');
  const lines = [pad([TITLE]), pad([fillLine(label)]), pad(HEADER)];
  for (const r of rows) lines.push(pad(r));
  lines.push(pad([FOOTER]));
  return lines.join('\r\n') + '\r\n';
}

/** A 建档立卡 roster of `n` households across every Hunan county (seeded): its header, then one row per household. */
function rosterRows(n) {
  const rand = mulberry32(14);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const counties = hunan.cities.flatMap((c) => c.counties.filter((k) => !isFunctionalZone(k) && k.towns?.length));
  const rows = [['县', '乡镇', '行政村', '户主姓名', '证件号码', '人数', '贫困户属性', '脱贫状态']];
  for (let i = 0; i < n; i++) {
    const county = pick(counties);
    const birth = `${int(1940, 1995)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`;
    const body = `${county.code}${birth}${String(int(0, 999)).padStart(3, '0')}`;
    const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '');
    rows.push([county.name, pick(county.towns), `${pick(SURNAMES)}家${pick(['村', '坪村', '湾村', '冲村'])}`, name, body + checkDigit(body), String(int(1, 7)), pick(['一般贫困户', '低保贫困户', '特困供养户']), pick(['已脱贫', '未脱贫'])]);
  }
  return rows;
}

/** Each case's generator, by key; a case is made only when asked for and not already made by this VERSION. */
const GENERATORS = {
  /** A 建档立卡 roster of 100,000 households across every Hunan county (issue 14: against the example ledger). */
  async roster100k() {
    const abs = join(OUT, 'roster100k', '建档立卡.csv');
    const rows = rosterRows(100_000);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, `\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    return { path: abs, rows: rows.length - 1, bytes: statSync(abs).size };
  },
  /** The same roster as an .xlsx, written with shared strings as Excel does (ID numbers as text, 人数 as numbers). */
  async rosterXlsx() {
    const abs = join(OUT, 'roster100k-xlsx', '建档立卡.xlsx');
    const rows = rosterRows(100_000);
    mkdirSync(dirname(abs), { recursive: true });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: abs, useSharedStrings: true, useStyles: true });
    wb.creator = 'Administrator';
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    const ws = wb.addWorksheet('建档立卡');
    rows.forEach((r, i) => ws.addRow(i === 0 ? r : r.map((v, c) => (c === 5 ? Number(v) : v))).commit());
    await ws.commit();
    await wb.commit();
    return { path: abs, rows: rows.length - 1, bytes: statSync(abs).size };
  },
  async r50() {
    const r50 = join(OUT, 'r50', '怀化市', '溆浦县.xlsx');
    await writeSmallXlsx(r50, makeRows(50, 50, XUPU_AREA), '溆浦县');
    return { path: r50, rows: 50, bytes: statSync(r50).size };
  },
  async r50plain() {
    // the same register outside a ledger: no area from its path (its 填报单位 line still names the county)
    const abs = join(OUT, 'r50-plain', 'register.xlsx');
    await writeSmallXlsx(abs, makeRows(50, 50, XUPU_AREA), '');
    return { path: abs, rows: 50, bytes: statSync(abs).size };
  },
  async r50k() {
    const r50k = join(OUT, 'r50k', '怀化市', '溆浦县.xlsx');
    await writeLargeXlsx(r50k, makeRows(50_000, 50_000, XUPU_AREA), '溆浦县');
    return { path: r50k, rows: 50_000, bytes: statSync(r50k).size };
  },
  async csvUtf8() {
    return writeCsv('csv-utf8', 200_000, 'utf8');
  },
  async csvGbk() {
    return writeCsv('csv-gbk', 200_000, 'gbk');
  },
  async csv1m() {
    return writeCsv('csv-1m', 1_000_000, 'utf8');
  },
  async province() {
    const provinceDir = join(OUT, 'province');
    rmSync(provinceDir, { recursive: true, force: true });
    let files = 0;
    let bytes = 0;
    let seed = 1;
    const put = async (abs, rows, label) => {
      await writeSmallXlsx(abs, rows, label);
      files++;
      bytes += statSync(abs).size;
    };
    const xupu = XUPU_AREA.county;
    await put(join(provinceDir, '省本级.xlsx'), makeRows(60, seed++, { level: 'province', county: xupu }), '湖南省');
    for (const city of hunan.cities) {
      const seat = city.counties.find((k) => !isFunctionalZone(k));
      await put(join(provinceDir, city.name, '市本级.xlsx'), makeRows(60, seed++, { city, county: seat, level: 'city' }), city.name);
      for (const county of city.counties) {
        if (isFunctionalZone(county)) continue;
        await put(join(provinceDir, city.name, `${county.name}.xlsx`), makeRows(60, seed++, { city, county, level: 'county' }), county.name);
      }
    }
    return { path: provinceDir, rows: files * 60, bytes, files };
  },
  async many() {
    // 2,000 small registers (20 pairings each), one folder per county: 怀化市/溆浦县/登记表-0001.xlsx
    const dir = join(OUT, 'many');
    rmSync(dir, { recursive: true, force: true });
    const counties = hunan.cities.flatMap((city) => city.counties.filter((k) => !isFunctionalZone(k)).map((county) => ({ city, county })));
    let bytes = 0;
    for (let i = 0; i < MANY_FILES; i++) {
      const { city, county } = counties[i % counties.length];
      const abs = join(dir, city.name, county.name, `登记表-${String(i + 1).padStart(4, '0')}.xlsx`);
      await writeSmallXlsx(abs, makeRows(20, 10_000 + i, { city, county, level: 'county' }), county.name);
      bytes += statSync(abs).size;
    }
    return { path: dir, rows: MANY_FILES * 20, bytes, files: MANY_FILES };
  },
};

const MANY_FILES = 2000;
const huaihua = hunan.cities.find((c) => c.name === '怀化市');
const XUPU_AREA = { city: huaihua, county: huaihua.counties.find((k) => k.name === '溆浦县'), level: 'county' };

async function writeCsv(dirName, n, enc) {
  const text = csvText(makeRows(n, n, XUPU_AREA), '溆浦县');
  const abs = join(OUT, dirName, '怀化市', '溆浦县.csv');
  mkdirSync(dirname(abs), { recursive: true });
  const buf = enc === 'utf8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) : iconv.encode(text, 'gbk');
  writeFileSync(abs, buf);
  return { path: abs, rows: n, bytes: buf.length, encoding: enc === 'utf8' ? 'utf-8' : 'gb18030' };
}

/** The inputs of the cases `keys` (all by default), made when missing; returns the manifest of every case made so far. */
export async function generate({ force = false, keys = Object.keys(GENERATORS), log = console.log } = {}) {
  const manifestPath = join(OUT, 'manifest.json');
  let manifest = { version: VERSION, cases: {} };
  if (!force && existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.version === VERSION) manifest = m;
  }
  if (manifest.version !== VERSION || force) manifest = { version: VERSION, cases: {} };
  mkdirSync(OUT, { recursive: true });
  for (const key of keys) {
    const have = manifest.cases[key];
    if (have && existsSync(have.path)) continue;
    const t0 = Date.now();
    manifest.cases[key] = await GENERATORS[key]();
    log(`  made ${key.padEnd(9)} ${manifest.cases[key].bytes} bytes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log('generating bench/out …');
  await generate({ force: process.argv.includes('--force') });
  console.log('done');
}
