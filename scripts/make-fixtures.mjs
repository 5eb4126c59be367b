// Generates fixtures/: the example province ledger, one register per reading scenario and defect family, a mailbox of broken files, and their expected results.
//
// Usage: node scripts/make-fixtures.mjs   (npm run fixtures)
//
// Deterministic: a seeded PRNG, fixed workbook dates and fixed zip timestamps, so running it twice gives
// byte-identical files. Place names come from src/data/divisions.json (湖南省, code 43). The ground truth
// (fixtures/ledger-truth.json) is computed from this script's own data model, never by fupin's code.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mulberry32, stampZipDates } from './lib/deterministic.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures');
const FIXED_DATE = new Date(Date.UTC(2016, 8, 12, 1, 30, 0));
const FOOTER_TEXT = '备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。';

// ── deterministic randomness ────────────────────────────────────────────────────────────────

let rand = mulberry32(20160727);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ── places ──────────────────────────────────────────────────────────────────────────────────

const divisions = JSON.parse(readFileSync(join(ROOT, 'src/data/divisions.json'), 'utf8'));
const hunan = divisions.provinces.find((p) => p.code === '43');
if (!hunan) throw new Error('divisions.json has no 湖南省 (43)');

/** The 附4 order and quota (DOMAIN §6): 本级, 县市区, 基金会 选定 / low end of 扶贫户数, 社会服务机构 likewise. */
const QUOTA = [
  ['长沙市', 15, 85, 5, 10, 5, 5],
  ['株洲市', 15, 65, 3, 9, 5, 5],
  ['衡阳市', 10, 70, 3, 9, 3, 3],
  ['岳阳市', 10, 70, 3, 9, 3, 3],
  ['常德市', 10, 70, 3, 9, 3, 3],
  ['郴州市', 10, 70, 3, 9, 3, 3],
  ['湘潭市', 10, 60, 3, 9, 2, 2],
  ['怀化市', 10, 60, 3, 9, 2, 2],
  ['邵阳市', 8, 52, 2, 9, 2, 2],
  ['娄底市', 8, 52, 2, 5, 2, 2],
  ['永州市', 8, 52, 2, 5, 2, 2],
  ['益阳市', 6, 44, 2, 5, 2, 2],
  ['张家界市', 6, 44, 2, 5, 2, 2],
  ['湘西土家族苗族自治州', 6, 44, 2, 5, 2, 2],
].map(([city, benji, counties, fSel, fLow, sSel, sLow]) => ({ city, benji, counties, fSel, fLow, sSel, sLow }));
const PROVINCE_QUOTA = { benji: 30, fSel: 5, fLow: 15, sSel: 5, sLow: 5 };

/** Cities that fall short on purpose (recorded in the truth). */
const SHORT = {
  湘潭市: { countyCharityTotal: 50 }, // 县市区 charity households 50 < 60
  张家界市: { foundations: 1, foundationHouseholds: 3 }, // 1 foundation < 2, 3 households < 5
  邵阳市: { benji: 6 }, // 市本级 charity households 6 < 8
};

const AREA_CODE = {
  长沙市: '0731', 株洲市: '0731', 湘潭市: '0731', 衡阳市: '0734', 邵阳市: '0739', 岳阳市: '0730', 常德市: '0736',
  张家界市: '0744', 益阳市: '0737', 郴州市: '0735', 永州市: '0746', 怀化市: '0745', 娄底市: '0738', 湘西土家族苗族自治州: '0743',
};

const FUNCTIONAL = /管理区|园区|示范区|开发区/u;
const cityByName = new Map(hunan.cities.map((c) => [c.name, c]));
for (const q of QUOTA) if (!cityByName.has(q.city)) throw new Error(`divisions.json has no ${q.city}`);

const stem = (name) => name.replace(/(土家族苗族自治州|苗族侗族自治县|侗族自治县|苗族自治县|瑶族自治县|自治县|自治州|县|市|区)$/u, '');
const ALL_STEMS = [];
for (const c of hunan.cities) {
  ALL_STEMS.push({ stem: stem(c.name), owner: c.name });
  for (const k of c.counties) if (!FUNCTIONAL.test(k.name)) ALL_STEMS.push({ stem: stem(k.name), owner: k.name });
}
/** A town or village name that names another county or city ("石门", "新田") would confuse address checks. */
function namesOtherPlace(text, ...own) {
  return ALL_STEMS.some((s) => s.stem.length >= 2 && !own.includes(s.owner) && text.includes(s.stem));
}

const VILLAGE_STEMS = [
  '大坪', '桐木', '龙潭', '石门', '新田', '枫林', '金竹', '杉木', '茶园', '白岩', '黄土', '青山', '柳树', '竹园', '马鞍',
  '响水', '岩头', '塘湾', '高坪', '长坡', '团结', '和平', '红星', '光明', '胜利', '向阳', '兴隆', '太平', '檀木', '枧田',
  '铁山', '罗家', '杨柳', '荷花', '田心', '坪上', '水井', '油茶', '板栗', '牛角', '凤凰', '桃花', '梨树', '松林', '柏树',
  '楠木', '花桥', '石桥', '沙坪', '官庄', '新屋', '樟树', '井冲', '麻溪', '木洞', '排楼', '瓦屋',
].filter((v) => !namesOtherPlace(v) && !/[乡镇街道县市区州村社]/u.test(v));

function prepareCounty(city, county) {
  const clean = county.towns.filter((t) => !namesOtherPlace(t, county.name, city.name));
  const rural = clean.filter((t) => /[乡镇]$/u.test(t));
  return {
    code: county.code,
    name: county.name,
    city: city.name,
    towns: rural.length ? rural : clean.filter((t) => /街道$/u.test(t)),
    allTowns: county.towns,
  };
}

const CITIES = QUOTA.map((q) => {
  const city = cityByName.get(q.city);
  const counties = city.counties.filter((k) => !FUNCTIONAL.test(k.name)).map((k) => prepareCounty(city, k));
  return { name: city.name, code: city.code, quota: q, counties };
});
/** A township stem used by no Hunan township (so an address naming it is unknown, not in another county). */
function assertUnknownTown(town) {
  const st = town.replace(/[乡镇]$/u, '');
  if (hunan.cities.some((c) => c.counties.some((k) => k.towns.some((t) => t.includes(st))))) throw new Error(`${town} is a real township`);
  if (namesOtherPlace(st)) throw new Error(`${town} names another place`);
}
const countyByName = new Map();
for (const c of CITIES) for (const k of c.counties) countyByName.set(k.name, k);
const county = (name) => {
  const k = countyByName.get(name);
  if (!k) throw new Error(`no county ${name} in divisions.json`);
  return k;
};

// ── people, phones, addresses, ID numbers ────────────────────────────────────────────────────

const SURNAMES = ('王李张刘陈杨黄赵吴周徐孙朱胡郭何高罗郑梁谢宋唐许邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任姚卢姜钟谭陆汪范金石廖贾夏向舒龙麻滕覃符易贺'
  + '李王张刘陈杨周谭彭罗曾').split('');
const GIVEN2 = [
  '建国', '春花', '秀英', '桂兰', '国华', '志强', '德胜', '玉梅', '满秀', '长生', '冬梅', '水生', '金凤', '福生', '小平', '红军',
  '运来', '光明', '桂香', '友德', '正华', '海军', '新民', '玉兰', '凤英', '细妹', '建华', '秋菊', '铁牛', '满堂', '双喜', '桂花',
  '元生', '正国', '爱华', '春生', '木生', '月娥', '菊香', '仁义', '德明', '卫东', '跃进', '和平', '志刚', '翠兰', '小英', '顺发',
  '庆云', '炳炎', '家旺', '永福', '昌盛', '先云', '四妹', '满姣', '群英', '桃秀', '伏生', '松林',
];
const GIVEN1 = ['伟', '芳', '勇', '军', '杰', '娟', '强', '敏', '静', '丽', '明', '平', '刚', '林', '华', '斌', '英', '兵', '涛', '霞'];

function personName(twoChar = false) {
  const s = pick(SURNAMES);
  return twoChar || chance(0.18) ? s + pick(GIVEN1) : s + pick(GIVEN2);
}

const usedPhones = new Set();
const MOBILE_PREFIXES = ['139', '138', '137', '136', '135', '134', '150', '151', '152', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '189', '177', '199', '191', '173'];
function mobile() {
  for (;;) {
    const m = pick(MOBILE_PREFIXES) + String(int(0, 99999999)).padStart(8, '0');
    if (!usedPhones.has(m)) {
      usedPhones.add(m);
      return m;
    }
  }
}
function landline(cityName) {
  const area = AREA_CODE[cityName] ?? '0745';
  for (;;) {
    const local = area === '0731' ? '8' + String(int(0, 9999999)).padStart(7, '0') : String(int(2, 8)) + String(int(0, 999999)).padStart(6, '0');
    const digits = area + local;
    if (!usedPhones.has(digits)) {
      usedPhones.add(digits);
      return `${area}-${local}`;
    }
  }
}
const FULL_WIDTH = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheck = (body) => '10X98765432'[[...body].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i], 0) % 11];
function idNumber(countyCode) {
  const y = int(1940, 1985);
  const m = int(1, 12);
  const d = int(1, 28);
  const body = `${countyCode}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(int(10, 999)).padStart(3, '0')}`;
  return body + idCheck(body);
}
function idEndingX(countyCode) {
  for (;;) {
    const id = idNumber(countyCode);
    if (id.endsWith('X')) return id;
  }
}

const usedHouseholds = new Set();
/** A household somewhere in a county: name, address parts, phone. Unique by name + village/group. */
function household(k, { twoChar = false, phoneStyle } = {}) {
  for (;;) {
    const town = pick(k.towns);
    const street = /街道$/u.test(town);
    const village = pick(VILLAGE_STEMS.filter((v) => !k.allTowns.some((t) => t.includes(v))));
    const place = street ? `${village}社区` : `${village}村${int(1, 12)}组`;
    const name = personName(twoChar);
    const key = `${name}|${k.name}${town}${place}`;
    if (usedHouseholds.has(key)) continue;
    usedHouseholds.add(key);
    return { id: key, name, county: k, town, place, phone: makePhone(k.city, phoneStyle) };
  }
}

/** Phones as clerks type them: mostly mobiles as text, some numeric cells, landlines, two numbers, full-width digits. */
function makePhone(cityName, style) {
  const s = style ?? pickWeighted([['text', 70], ['numeric', 12], ['landline', 7], ['two', 4], ['fullwidth', 4], ['spaced', 3]]);
  switch (s) {
    case 'numeric': {
      const m = mobile();
      return { text: m, value: Number(m), numbers: [m] };
    }
    case 'landline': {
      const l = landline(cityName);
      return { text: l, value: l, numbers: [l.replace('-', '')] };
    }
    case 'two': {
      const m = mobile();
      const l = landline(cityName);
      return { text: `${m}/${l}`, value: `${m}/${l}`, numbers: [m, l.replace('-', '')] };
    }
    case 'fullwidth': {
      const m = mobile();
      return { text: FULL_WIDTH(m), value: FULL_WIDTH(m), numbers: [m] };
    }
    case 'spaced': {
      const m = mobile();
      return { text: m, value: ` ${m} `, numbers: [m] };
    }
    default: {
      const m = mobile();
      return { text: m, value: m, numbers: [m] };
    }
  }
}
function pickWeighted(items) {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of items) {
    if ((r -= w) < 0) return v;
  }
  return items[items.length - 1][0];
}

/** An address as written: from the county on, with the city in front, or from the township only. */
function addressOf(h, style) {
  const s = style ?? pickWeighted([['county', 70], ['city', 15], ['town', 15]]);
  const tail = `${h.town}${h.place}`;
  if (s === 'town') return tail;
  if (s === 'city') return `${h.county.city}${h.county.name}${tail}`;
  return `${h.county.name}${tail}`;
}

// ── organisations ───────────────────────────────────────────────────────────────────────────

/** DOMAIN §4 name rules, written out here so the truth does not depend on fupin's classifier. */
function typeByName(name) {
  if (/慈善总会|慈善会|慈善协会/u.test(name)) return 'charity';
  if (/基金会/u.test(name)) return 'foundation';
  if (/中心|服务社|协会/u.test(name)) return 'social';
  return undefined;
}
function org(name, level, extra = {}) {
  const byName = typeByName(name);
  return { name, type: byName ?? 'social', typeSource: byName ? 'name' : 'default', level, ...extra };
}

const COUNTY_SOCIAL = ['阳光社会工作服务中心', '爱心志愿者协会', '夕阳红养老服务社', '残疾人康复服务中心', '农村实用技术协会', '春蕾助学服务中心', '老年人体育协会', '巾帼家政服务社', '红枫义工协会', '蓝天救援协会'];
const COUNTY_FOUNDATION = ['教育发展基金会', '青少年发展基金会', '扶贫开发基金会'];
const CITY_FOUNDATION = ['教育基金会', '青少年发展基金会', '扶贫开发基金会', '妇女儿童发展基金会'];
const CITY_SOCIAL = ['志愿者协会', '社会组织服务中心', '心理咨询服务中心', '老年服务社'];

function levenshtein(a, b) {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}
/** Distinct organisations of one register must not look like spelling variants of each other. */
function assertDistinctOrgs(file, orgs) {
  for (let i = 0; i < orgs.length; i++) {
    for (let j = i + 1; j < orgs.length; j++) {
      if (levenshtein(orgs[i].name, orgs[j].name) < 3) throw new Error(`${file}: ${orgs[i].name} / ${orgs[j].name} look alike`);
    }
  }
}

// ── one register sheet: layout and expected result ─────────────────────────────────────────

const HEADERS = {
  official: { seq: '序号', org: '扶贫单位或者机构名称', name: '扶贫户主姓名', address: '扶贫家庭住址', phone: '联系方式' },
  alias: { seq: '序号', org: '帮扶单位', name: '户主姓名', address: '家庭住址', phone: '联系电话' },
  wrapped: { seq: '序号', org: '扶贫单位或者\n机构名称', name: '扶贫户\n主姓名', address: '扶贫家庭\n住址', phone: '联系方式' },
};
const OPTIONAL_HEADERS = { idNumber: '身份证号码', familySize: '家庭人口', income: '家庭年收入', povertyCause: '贫困原因', measures: '帮扶措施', remark: '备注' };
const WIDTHS = { seq: 6, org: 30, name: 12, address: 36, phone: 16, idNumber: 21, familySize: 9, income: 11, povertyCause: 10, measures: 16, remark: 12 };

/**
 * Lays out one 附2 register as a grid. `columns`: [{ key, header?, width?, group? }] where key is a register
 * column or `x:<header>` for a column fupin does not know. `rows`: [{ cells: { key: value }, problems: [{ key, rule, severity }] }];
 * 序号 is filled 1, 2, 3 … unless a row gives its own. Returns the grid and the expected { rows, problems }.
 */
function layoutRegister(spec) {
  const cols = spec.columns;
  const width = cols.length;
  const grid = [];
  const merges = [];
  const styles = []; // per row: 'title' | 'fill' | 'header' | 'body' | 'footer' | 'plain'
  const push = (cells, style) => {
    const row = new Array(width).fill(null);
    cells.forEach((v, i) => (row[i] = v));
    grid.push(row);
    styles.push(style);
    return grid.length; // 1-based row number
  };
  if (spec.fujian) push(['附2：'], 'plain');
  if (spec.title) {
    const r = push([spec.title], 'title');
    if (spec.mergeTitle !== false) merges.push([r, 1, r, width]);
  }
  if (spec.fillLine) {
    const r = push([spec.fillLine], 'fill');
    if (spec.mergeTitle !== false) merges.push([r, 1, r, width]);
  }
  if (spec.blankBeforeHeader) push([], 'plain');

  const colOf = new Map(cols.map((c, i) => [c.key, i]));
  const letter = (key) => String.fromCharCode(65 + colOf.get(key));
  const headerText = (c) => c.header ?? HEADERS.official[c.key] ?? OPTIONAL_HEADERS[c.key] ?? c.key.replace(/^x:/, '');
  if (spec.twoRowHeader) {
    const top = push(cols.map((c) => c.group ?? headerText(c)), 'header');
    push(cols.map((c) => (c.group ? headerText(c) : null)), 'header');
    for (let i = 0; i < width; i++) {
      if (!cols[i].group) merges.push([top, i + 1, top + 1, i + 1]);
      else if (i === 0 || cols[i - 1].group !== cols[i].group) {
        let j = i;
        while (j + 1 < width && cols[j + 1].group === cols[i].group) j++;
        if (j > i) merges.push([top, i + 1, top, j + 1]);
      }
    }
  } else {
    push(cols.map(headerText), 'header');
  }

  const problems = [];
  let seq = 0;
  spec.rows.forEach((r, idx) => {
    const values = cols.map((c) => {
      if (c.key === 'seq') {
        if ('seq' in r.cells) return r.cells.seq;
        return idx + 1;
      }
      const v = r.cells[c.key];
      return v === undefined || v === '' ? null : v;
    });
    const rowNo = push(values, 'body');
    const s = r.cells.seq;
    seq = typeof s === 'number' ? s : idx + 1;
    for (const p of r.problems ?? []) {
      if (!colOf.has(p.key)) throw new Error(`problem on missing column ${p.key}`);
      problems.push({ rule: p.rule, severity: p.severity, cell: `${letter(p.key)}${rowNo}` });
    }
  });
  for (let t = 0; t < (spec.templateRows ?? 0); t++) {
    const row = cols.map((c) => (c.key === 'seq' ? seq + t + 1 : null));
    push(row, 'body');
  }
  if (spec.footer !== false) {
    const r = push([spec.footerText ?? FOOTER_TEXT], 'footer');
    merges.push([r, 1, r, width]);
  }
  for (const extra of spec.below ?? []) push(extra, 'plain');

  return {
    name: spec.sheetName ?? 'Sheet1',
    grid,
    merges,
    styles,
    widths: cols.map((c) => c.width ?? WIDTHS[c.key] ?? 12),
    wrapHeader: !!spec.wrapHeader,
    numFmts: spec.numFmts ?? {},
    colKeys: cols.map((c) => c.key),
    expected: { sheet: spec.sheetName ?? 'Sheet1', rows: spec.rows.length, problems },
  };
}

// ── writers ────────────────────────────────────────────────────────────────────────────────

const THIN = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

async function xlsxBuffer(sheets, { creator = 'Administrator' } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
    if (s.raw) {
      s.raw(ws);
      continue;
    }
    ws.columns = s.widths.map((w) => ({ width: w }));
    s.grid.forEach((row, ri) => {
      const style = s.styles[ri];
      const xr = ws.getRow(ri + 1);
      row.forEach((v, ci) => {
        const cell = xr.getCell(ci + 1);
        if (v !== null && v !== undefined) cell.value = v;
        const font = { name: '宋体', size: 11 };
        if (style === 'title') {
          cell.font = { name: '黑体', size: 16, bold: true };
          cell.alignment = { horizontal: 'center', vertical: 'middle' };
        } else if (style === 'header') {
          cell.font = { ...font, bold: true };
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
          cell.border = BORDER;
        } else if (style === 'body') {
          cell.font = font;
          cell.border = BORDER;
          cell.alignment = { vertical: 'middle' };
          const key = s.colKeys?.[ci];
          if (key && s.numFmts[key] && v !== null) cell.numFmt = s.numFmts[key];
          if (typeof v === 'number' && key === 'phone' && !s.numFmts.phone) cell.numFmt = '0';
        } else if (style === 'footer') {
          cell.font = font;
          cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
        } else {
          cell.font = font;
        }
      });
      if (style === 'title') xr.height = 30;
      if (style === 'header' && s.wrapHeader) xr.height = 32;
    });
    for (const [r1, c1, r2, c2] of s.merges) ws.mergeCells(r1, c1, r2, c2);
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return stampZipDates(buf, FIXED_DATE);
}


/** Text of a cell as Excel writes it into CSV / Unicode text. */
function cellText(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`;
  return String(v);
}

/** A grid as Excel's "CSV (逗号分隔)" (or "Unicode 文本" with a tab): every row padded to the used width, quotes only when needed. */
function delimitedText(grid, delimiter, eol = '\r\n') {
  const width = Math.max(...grid.map((r) => r.length));
  const quote = (s) => (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  return grid.map((r) => Array.from({ length: width }, (_, i) => quote(cellText(r[i]))).join(delimiter)).join(eol) + eol;
}

function encodeText(text, encoding) {
  switch (encoding) {
    case 'gbk':
      return iconv.encode(text, 'gbk');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

const written = [];
function writeOut(rel, buf) {
  const abs = join(OUT, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, buf);
  written.push({ rel, bytes: buf.length });
}

const expected = {};

async function writeRegisterXlsx(rel, sheets, opts) {
  writeOut(rel, await xlsxBuffer(sheets, opts));
  const regs = sheets.filter((s) => s.expected);
  if (regs.length === 1) expected[rel] = regs[0].expected;
  else expected[rel] = regs.map((s) => s.expected);
}
function writeRegisterCsv(rel, sheet, { encoding = 'gbk', delimiter = ',', eol = '\r\n' } = {}) {
  writeOut(rel, encodeText(delimitedText(sheet.grid, delimiter, eol), encoding));
  const { sheet: _omit, ...rest } = sheet.expected; // a CSV has no sheet name of its own
  expected[rel] = rest;
}

// ── the ledger: data model ─────────────────────────────────────────────────────────────────

/**
 * One area's register as data: orgs and pairings. A pairing shows org/name/address/phone as written and
 * points at the organisation and household it is about (household null when the name is left empty).
 */
function newArea(key, level, city, countyName) {
  return { key, level, city, county: countyName, orgs: [], pairings: [], problems: [], notes: [] };
}
function pair(area, o, h, opts = {}) {
  const p = {
    org: o,
    orgText: opts.orgText ?? o.name,
    household: h,
    nameText: opts.nameText ?? (chance(0.02) ? ` ${h.name}` : h.name),
    addressText: opts.addressText ?? addressOf(h, opts.addressStyle) + (chance(0.03) ? '\u3000' : ''),
    phone: opts.phone ?? h.phone,
    extra: {},
    problems: [],
  };
  area.pairings.push(p);
  return p;
}

const areas = [];
const provinceArea = newArea('省本级', 'province');
areas.push(provinceArea);

// 省本级: households in 溆浦县 (附4 note 1)
{
  const xupu = county('溆浦县');
  const orgs = [
    [org('湖南省慈善总会', 'province'), 18],
    [org('湖南省企业家慈善协会', 'province'), 12],
    [org('湖南省教育基金会', 'province'), 4],
    [org('湖南省青少年发展基金会', 'province'), 3],
    [org('湖南省妇女儿童发展基金会', 'province'), 3],
    [org('湖南省光彩事业基金会', 'province'), 4],
    [org('湖南省见义勇为基金会', 'province'), 3],
    [org('湖南省阳光社会工作服务中心', 'province'), 2],
    [org('湖南省青年志愿者协会', 'province'), 2],
    [org('湖南省康复医学服务中心', 'province'), 1],
    [org('湖南省巾帼家政服务社', 'province'), 1],
    [org('湖南省农村专业技术协会', 'province'), 2],
  ];
  for (const [o, n] of orgs) {
    provinceArea.orgs.push(o);
    for (let i = 0; i < n; i++) pair(provinceArea, o, household(xupu), { addressStyle: chance(0.3) ? 'city' : 'county' });
  }
}

/** Counties saved as CSV (about 1 in 8); 湘乡市 is the one saved as UTF-8 with BOM. */
const CSV_COUNTIES = new Map([
  ['浏阳市', 'gbk'], ['攸县', 'gbk'], ['衡南县', 'gbk'], ['平江县', 'gbk'], ['桃源县', 'gbk'], ['桂阳县', 'gbk'], ['道县', 'gbk'],
  ['辰溪县', 'gbk'], ['隆回县', 'gbk'], ['新化县', 'gbk'], ['安化县', 'gbk'], ['慈利县', 'gbk'], ['永顺县', 'gbk'], ['湘乡市', 'utf8-bom'],
  ['汉寿县', 'gbk'],
]);
/** Counties whose register carries a 身份证号码 column (others may get one at random). */
const ID_COUNTIES = new Set(['双峰县']);

for (const c of CITIES) {
  const q = c.quota;
  const short = SHORT[c.name] ?? {};

  // 市本级
  const benji = newArea(`${c.name}/市本级`, 'city', c.name);
  areas.push(benji);
  const homeCounties = c.name === '怀化市' ? [county('溆浦县')] : c.counties;
  const cityHousehold = () => household(pick(homeCounties));
  const cityCharity = org(`${c.name}慈善总会`, 'city');
  benji.orgs.push(cityCharity);
  const benjiN = short.benji ?? q.benji + int(0, 2);
  for (let i = 0; i < benjiN; i++) pair(benji, cityCharity, cityHousehold(), { addressStyle: chance(0.3) ? 'city' : 'county' });

  const foundations = []; // { org, area, n, max }
  const nCityF = short.foundations !== undefined ? Math.min(1, short.foundations) : Math.min(2, q.fSel);
  shuffle(CITY_FOUNDATION).slice(0, nCityF).forEach((suffix) => {
    const o = org(`${c.name}${suffix}`, 'city');
    benji.orgs.push(o);
    foundations.push({ org: o, area: benji, n: short.foundationHouseholds ?? int(3, 5), max: 5 });
  });
  const nCityS = int(1, 2);
  shuffle(CITY_SOCIAL).slice(0, nCityS).forEach((suffix) => {
    const o = org(`${c.name}${suffix}`, 'city');
    benji.orgs.push(o);
    for (let i = 0; i < int(1, 2); i++) pair(benji, o, cityHousehold(), { addressStyle: 'county' });
  });
  if (c.name === '怀化市') {
    // a company that takes part: no name rule fits (typeSource default)
    const o = org('怀化市雪峰山农业发展有限公司', 'city');
    benji.orgs.push(o);
    for (let i = 0; i < 2; i++) pair(benji, o, cityHousehold(), { addressStyle: 'county' });
  }

  // counties
  const n = c.counties.length;
  const target = short.countyCharityTotal ?? q.counties;
  const base = Math.floor(target / n);
  let rem = target - base * n;
  const countyAreas = [];
  for (const k of c.counties) {
    const a = newArea(`${c.name}/${k.name}`, 'county', c.name, k.name);
    a.countyInfo = k;
    areas.push(a);
    countyAreas.push(a);
    const charityName = k.name === '溆浦县' || chance(0.55) ? `${k.name}慈善会` : `${k.name}慈善总会`;
    const charity = org(charityName, 'county');
    a.orgs.push(charity);
    let nc = base + (rem > 0 ? 1 : 0);
    if (rem > 0) rem--;
    if (!short.countyCharityTotal && chance(0.3)) nc++;
    nc = Math.max(5, nc);
    a.charityCount = nc;
    for (let i = 0; i < nc; i++) pair(a, charity, household(k));
    a.charity = charity;
  }
  // county foundations: enough for the 附4 选定 (except a city short on purpose), sometimes more
  let needF = short.foundations !== undefined ? 0 : Math.max(0, q.fSel - nCityF) + (chance(0.5) ? 1 : 0);
  for (const a of shuffle(countyAreas)) {
    if (needF <= 0) break;
    const o = org(`${a.county}${pick(COUNTY_FOUNDATION)}`, 'county');
    a.orgs.push(o);
    foundations.push({ org: o, area: a, n: int(2, 4), max: 4 });
    needF--;
  }
  if (short.foundationHouseholds === undefined) {
    let total = foundations.reduce((s, f) => s + f.n, 0);
    for (let guard = 0; total < q.fLow && guard < 100; guard++) {
      const f = foundations.find((x) => x.n < x.max) ?? foundations[0];
      f.n++;
      total++;
    }
  }
  for (const f of foundations) {
    for (let i = 0; i < f.n; i++) {
      const k = f.area.level === 'county' ? f.area.countyInfo : pick(homeCounties);
      pair(f.area, f.org, household(k), f.area.level === 'city' ? { addressStyle: 'county' } : {});
    }
  }
  // county social organisations: usually 1-2, 1-2 households each
  for (const a of countyAreas) {
    const ns = pickWeighted([[0, 12], [1, 55], [2, 33]]);
    const suffixes = shuffle(COUNTY_SOCIAL).slice(0, ns);
    for (const suffix of suffixes) {
      const o = org(`${a.county}${suffix}`, 'county');
      a.orgs.push(o);
      for (let i = 0; i < int(1, 2); i++) pair(a, o, household(a.countyInfo));
    }
  }
  if (c.name === '湘西土家族苗族自治州') {
    // a taxi drivers' group: no name rule fits (typeSource default)
    const a = countyAreas.find((x) => x.county === '吉首市');
    const o = org('吉首市的哥爱心车队', 'county');
    a.orgs.push(o);
    for (let i = 0; i < 2; i++) pair(a, o, household(a.countyInfo));
  }
}

// ── seeded defects in the ledger ───────────────────────────────────────────────────────────

const areaByKey = new Map(areas.map((a) => [a.key, a]));
const countyArea = (cityName, countyName) => areaByKey.get(`${cityName}/${countyName}`);
const ledgerDefects = [];
function defect(area, p, key, rule, severity, what) {
  p.problems.push({ key, rule, severity });
  ledgerDefects.push({ area: area.key, rule, severity, what, pairing: p });
}
const charityRows = (a) => a.pairings.filter((p) => p.org === a.charity);

{
  // 1. 辰溪县 (GBK CSV): a phone mangled by Excel into scientific notation
  const a = countyArea('怀化市', '辰溪县');
  const p = charityRows(a)[2];
  p.phone = { text: '1.39123E+10', value: '1.39123E+10', numbers: ['13912310'] };
  defect(a, p, 'phone', 'phone-format', 'error', '联系方式被 Excel 存成科学计数法 1.39123E+10');
}
{
  // 2. 沅陵县: a filled row with an empty 户主姓名 (left out of the counts)
  const a = countyArea('怀化市', '沅陵县');
  const h = household(a.countyInfo);
  const rows = charityRows(a);
  const p = { org: a.charity, orgText: a.charity.name, household: null, nameText: '', addressText: addressOf(h, 'county'), phone: h.phone, extra: {}, problems: [] };
  a.pairings.splice(a.pairings.indexOf(rows[3]) + 1, 0, p);
  defect(a, p, 'name', 'required-cell', 'error', '户主姓名为空');
}
{
  // 3. 澧县: the same pairing registered twice (counts once)
  const a = countyArea('常德市', '澧县');
  const first = charityRows(a)[1];
  const p = { ...first, extra: {}, problems: [] };
  a.pairings.splice(a.pairings.indexOf(charityRows(a).at(-1)) + 1, 0, p);
  defect(a, p, 'name', 'duplicate-pairing', 'error', `重复登记：${first.orgText} — ${first.nameText}`);
}
{
  // 4. 新邵县: a household helped by the county charity and by a social organisation (联合帮扶)
  const a = countyArea('邵阳市', '新邵县');
  let social = a.orgs.find((o) => o.type === 'social');
  if (!social) {
    social = org(`${a.county}阳光社会工作服务中心`, 'county');
    a.orgs.push(social);
  }
  const first = charityRows(a)[0];
  const p = { org: social, orgText: social.name, household: first.household, nameText: first.nameText, addressText: first.addressText, phone: first.phone, extra: {}, problems: [] };
  a.pairings.push(p);
  defect(a, p, 'name', 'joint-household', 'info', `联合帮扶：${first.nameText} 由慈善会和${social.name}共同帮扶`);
}
{
  // 5. 溆浦县: one spelling variant of the county charity (an inner space)
  const a = countyArea('怀化市', '溆浦县');
  const p = charityRows(a)[3];
  p.orgText = '溆浦县 慈善会';
  defect(a, p, 'org', 'org-name-variant', 'warning', '单位名称写法不一：“溆浦县 慈善会”');
}
{
  // 6. 中方县: an address in the neighbouring 鹤城区
  const a = countyArea('怀化市', '中方县');
  const p = charityRows(a)[2];
  const neighbour = household(county('鹤城区'));
  p.household = neighbour;
  p.nameText = neighbour.name;
  p.phone = neighbour.phone;
  p.addressText = addressOf(neighbour, 'county');
  defect(a, p, 'address', 'address-county', 'warning', `住址在邻县：${p.addressText}`);
}
{
  // 7. 长沙县: a two-character name typed with an aligning space
  const a = countyArea('长沙市', '长沙县');
  const h = household(a.countyInfo, { twoChar: true });
  const rows = charityRows(a);
  const p = { org: a.charity, orgText: a.charity.name, household: h, nameText: `${h.name[0]} ${h.name[1]}`, addressText: addressOf(h, 'county'), phone: h.phone, extra: {}, problems: [] };
  a.pairings.splice(a.pairings.indexOf(rows[4]) + 1, 0, p);
  defect(a, p, 'name', 'name-spacing', 'warning', `姓名中有空格：“${p.nameText}”`);
}
{
  // 8. 华容县: one phone number given for two different households
  const a = countyArea('岳阳市', '华容县');
  const rows = charityRows(a);
  const p = rows[4];
  const m = mobile();
  rows[1].phone = { text: m, value: m, numbers: [m] };
  p.phone = { text: m, value: m, numbers: [m] };
  defect(a, p, 'phone', 'shared-phone', 'warning', `两户同一电话 ${m}`);
}
{
  // 9. 宜章县: a township that is not in the division list
  const a = countyArea('郴州市', '宜章县');
  const p = charityRows(a)[1];
  const oldTown = '金竹坪乡';
  assertUnknownTown(oldTown);
  p.addressText = `宜章县${oldTown}${p.household.place}`;
  defect(a, p, 'address', 'address-township', 'warning', `乡镇不在区划名单中：${oldTown}`);
}
{
  // 10. 宁远县: a repeated 序号 (the clerk copied a row and did not renumber)
  const a = countyArea('永州市', '宁远县');
  a.repeatSeqAt = 3; // 0-based pairing index whose 序号 repeats the one before
  const p = a.pairings[3];
  defect(a, p, 'seq', 'serial-number', 'warning', '序号重复');
}
{
  // 11. 双峰县 (has a 身份证号码 column): an ID number with a wrong check digit
  const a = countyArea('娄底市', '双峰县');
  a.badIdAt = 2;
  defect(a, a.pairings[2], 'idNumber', 'id-number', 'error', '身份证号码校验位错误');
}
// not defects, but reported: the two organisations no name rule fits
for (const a of areas) {
  for (const o of a.orgs) {
    if (o.typeSource !== 'default') continue;
    const p = a.pairings.find((x) => x.org === o);
    defect(a, p, 'org', 'org-type-guess', 'warning', `无法按名称判断类型，按社会服务机构计：${o.name}`);
  }
}

// ── the ledger: sheets ─────────────────────────────────────────────────────────────────────

const POVERTY = ['因病', '因学', '因残', '缺劳力', '缺技术', '缺资金', '因灾'];
const REMARKS = ['建档立卡户', '低保户', '五保户', '', '', '', ''];

function fillDate() {
  const m = int(9, 11);
  return `${2016}年${m}月${int(1, 28)}日`;
}

async function writeLedgerArea(a) {
  const csvEncoding = a.level === 'county' ? CSV_COUNTIES.get(a.county) : undefined;
  const forcedTwoRow = a.county === '芷江侗族自治县' || a.county === '桑植县';
  const style = csvEncoding ? pickWeighted([['official', 70], ['alias', 30]]) : forcedTwoRow ? 'two' : pickWeighted([['official', 55], ['alias', 25], ['wrapped', 20]]);
  const headers = HEADERS[style === 'two' ? 'official' : style];
  const withId = ID_COUNTIES.has(a.county) || (a.level === 'county' && chance(0.12));
  const withFamily = chance(0.2);
  const withCause = chance(0.2);
  const withRemark = chance(0.25);

  const columns = [
    { key: 'seq', header: headers.seq },
    { key: 'org', header: headers.org },
    { key: 'name', header: headers.name },
    ...(withId ? [{ key: 'idNumber' }] : []),
    { key: 'address', header: headers.address },
    { key: 'phone', header: headers.phone },
    ...(withFamily ? [{ key: 'familySize' }] : []),
    ...(withCause ? [{ key: 'povertyCause' }] : []),
    ...(withRemark ? [{ key: 'remark' }] : []),
  ];
  if (style === 'two') {
    for (const c of columns) if (['name', 'idNumber', 'address', 'phone'].includes(c.key)) c.group = '扶贫对象';
    for (const c of columns) if (c.key === 'name') c.header = '户主姓名';
    for (const c of columns) if (c.key === 'address') c.header = '家庭住址';
  }

  const place = a.level === 'province' ? '湖南省' : a.level === 'city' ? a.city : a.county;
  const leadOrg = a.orgs[0].name;
  const title = a.level === 'county' ? `${place}慈善组织精准扶贫结对帮扶登记表` : `${place}慈善组织精准扶贫结对帮扶登记表（${a.level === 'province' ? '省本级' : '市本级'}）`;

  let seq = 0;
  const rows = a.pairings.map((p, i) => {
    const cells = { org: p.orgText, name: p.nameText, address: p.addressText };
    cells.phone = csvEncoding ? p.phone.text : p.phone.value;
    if (i === a.repeatSeqAt) cells.seq = seq;
    else cells.seq = ++seq;
    if (withId) {
      const code = p.household?.county.code ?? a.countyInfo?.code ?? '431224';
      let id = idNumber(code);
      if (i === a.badIdAt) id = id.slice(0, 17) + '10X98765432'[('10X98765432'.indexOf(id[17]) + 3) % 11];
      cells.idNumber = id;
    }
    if (withFamily) cells.familySize = csvEncoding ? String(int(1, 7)) : int(1, 7);
    if (withCause) cells.povertyCause = pick(POVERTY);
    if (withRemark) cells.remark = pick(REMARKS);
    return { cells, problems: p.problems };
  });

  const sheet = layoutRegister({
    sheetName: csvEncoding ? undefined : chance(0.3) ? '登记表' : 'Sheet1',
    fujian: chance(0.6),
    title,
    fillLine: `填报单位：${leadOrg}            填报日期：${fillDate()}`,
    blankBeforeHeader: chance(0.3),
    columns,
    twoRowHeader: style === 'two',
    wrapHeader: style === 'wrapped',
    rows,
    templateRows: int(2, 6),
  });
  const rel = a.level === 'province' ? 'ledger/省本级.xlsx' : a.level === 'city' ? `ledger/${a.city}/市本级.xlsx` : `ledger/${a.city}/${a.county}.${csvEncoding ? 'csv' : 'xlsx'}`;
  a.file = rel.replace(/^ledger\//, '');
  assertDistinctOrgs(rel, a.orgs);
  if (csvEncoding) writeRegisterCsv(rel, sheet, { encoding: csvEncoding });
  else await writeRegisterXlsx(rel, [sheet]);
  for (const d of ledgerDefects) if (d.area === a.key) d.file = rel;
}

// ── the ledger: ground truth (DOMAIN §5), from the data model above ───────────────────────

function countArea(a) {
  const out = { unit: a.level === 'province' ? '省本级' : a.level === 'city' ? '市本级' : a.county, level: a.level };
  if (a.city) out.city = a.city;
  if (a.county) out.county = a.county;
  const all = new Set();
  let units = 0;
  for (const type of ['charity', 'foundation', 'social']) {
    const orgs = new Set();
    const hh = new Set();
    for (const p of a.pairings) {
      if (p.org.type !== type || !p.household) continue;
      orgs.add(p.org);
      hh.add(p.household.id);
      all.add(p.household.id);
    }
    out[type] = { units: orgs.size, households: hh.size };
    units += orgs.size;
  }
  out.subtotal = { units, households: all.size };
  const sumTypes = out.charity.households + out.foundation.households + out.social.households;
  if (sumTypes !== all.size) out.note = `${sumTypes - all.size} household(s) helped by organisations of two types: the total counts them once`;
  out.file = a.file;
  out.orgs = a.orgs
    .filter((o) => a.pairings.some((p) => p.org === o && p.household))
    .map((o) => {
      const spellings = [...new Set(a.pairings.filter((p) => p.org === o).map((p) => p.orgText))];
      const hh = new Set(a.pairings.filter((p) => p.org === o && p.household).map((p) => p.household.id));
      return { name: o.name, ...(spellings.length > 1 ? { spellings } : {}), type: o.type, typeSource: o.typeSource, households: hh.size };
    });
  return out;
}
const addPair = (x, y) => ({ units: x.units + y.units, households: x.households + y.households });
function sumRows(rows) {
  const zero = { units: 0, households: 0 };
  const t = { charity: zero, foundation: zero, social: zero, subtotal: zero };
  for (const r of rows) for (const k of Object.keys(t)) t[k] = addPair(t[k], r[k]);
  return t;
}
const strip = ({ orgs: _o, file: _f, note: _n, ...r }) => r;

function quotaLine(requirement, required, actual) {
  return { requirement, required, actual, shortfall: Math.max(0, required - actual), met: actual >= required };
}

function buildTruth() {
  const province = countArea(provinceArea);
  const cities = CITIES.map((c) => {
    const rows = areas.filter((a) => a.city === c.name).map(countArea);
    const benji = rows[0];
    const counties = rows.slice(1);
    const total = sumRows(rows);
    const q = c.quota;
    const sum = (type, field) => rows.reduce((s, r) => s + r[type][field], 0);
    const quota = [
      quotaLine('charity-benji', q.benji, benji.charity.households),
      quotaLine('charity-counties', q.counties, counties.reduce((s, r) => s + r.charity.households, 0)),
      quotaLine('foundation-units', q.fSel, sum('foundation', 'units')),
      quotaLine('foundation-households', q.fLow, sum('foundation', 'households')),
      quotaLine('social-units', q.sSel, sum('social', 'units')),
      quotaLine('social-households', q.sLow, sum('social', 'households')),
    ];
    return { city: c.name, rows, total, quota };
  });
  const pq = PROVINCE_QUOTA;
  const provinceQuota = [
    quotaLine('charity-benji', pq.benji, province.charity.households),
    quotaLine('foundation-units', pq.fSel, province.foundation.units),
    quotaLine('foundation-households', pq.fLow, province.foundation.households),
    quotaLine('social-units', pq.sSel, province.social.units),
    quotaLine('social-households', pq.sLow, province.social.households),
  ];
  const provinceRows = [strip(province), ...cities.map((c) => ({ unit: c.city, level: 'city', city: c.city, ...c.total }))];
  const shortfalls = [
    ...provinceQuota.filter((l) => !l.met).map((l) => ({ area: '省本级', ...l })),
    ...cities.flatMap((c) => c.quota.filter((l) => !l.met).map((l) => ({ area: c.city, ...l }))),
  ];
  return {
    about:
      'Ground truth of fixtures/ledger computed by scripts/make-fixtures.mjs from its own data model (not by fupin). ' +
      'Counting follows DOMAIN §5: distinct organisations with at least one household; distinct households per type; ' +
      'a household helped by two types counts once in subtotal.households; a spelling variant is one organisation; a row ' +
      'with an empty 户主姓名 is left out; a duplicate pairing counts once. 合计 (total) rows are arithmetic sums of the rows.',
    province: { area: '湖南省', level: 'province', rows: provinceRows, total: sumRows(provinceRows), provinceLevel: province, quota: provinceQuota },
    cities,
    shortfalls,
    intendedShortfalls: SHORT,
    defaultTypeOrgs: areas.flatMap((a) => a.orgs.filter((o) => o.typeSource === 'default').map((o) => ({ area: a.key, name: o.name, type: o.type, typeSource: o.typeSource }))),
    defects: ledgerDefects.map((d) => ({ file: d.file, area: d.area, rule: d.rule, severity: d.severity, what: d.what })),
  };
}

// ── registers/: one file per reading scenario and per defect family ─────────────────────────

/** Plain clean rows for a county: charity, maybe a foundation, a social organisation. */
function cleanRows(k, n, { charity = `${k.name}慈善会`, social = `${k.name}爱心志愿者协会`, phoneStyle } = {}) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const o = i < n - 2 ? charity : i === n - 2 ? `${k.name}教育发展基金会` : social;
    const h = household(k, phoneStyle ? { phoneStyle } : {});
    rows.push({ cells: { org: o, name: h.name, address: addressOf(h), phone: h.phone.value }, problems: [], h });
  }
  return rows;
}
const countyTitle = (k) => `${k.name}慈善组织精准扶贫结对帮扶登记表`;
const fillLineOf = (k, orgName = `${k.name}慈善会`) => `填报单位：${orgName}            填报日期：${fillDate()}`;
const OFFICIAL_COLUMNS = ['seq', 'org', 'name', 'address', 'phone'].map((key) => ({ key }));
const prob = (key, rule, severity) => ({ key, rule, severity });

async function writeRegisters() {
  // official.xlsx — the 附2 layout as issued
  {
    const k = county('溆浦县');
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 8), templateRows: 5 });
    await writeRegisterXlsx('registers/official.xlsx', [s]);
  }
  // gbk-excel.csv — saved by Excel on Chinese Windows as "CSV (逗号分隔)": GBK, CRLF, no BOM
  {
    const k = county('辰溪县');
    const rows = cleanRows(k, 7, { phoneStyle: 'text' });
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows, templateRows: 3 });
    writeRegisterCsv('registers/gbk-excel.csv', s, { encoding: 'gbk' });
  }
  // utf8-bom.csv — "CSV UTF-8 (逗号分隔)"
  {
    const k = county('中方县');
    const s = layoutRegister({ title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 6, { phoneStyle: 'text' }), templateRows: 2 });
    writeRegisterCsv('registers/utf8-bom.csv', s, { encoding: 'utf8-bom' });
  }
  // utf16.csv — Excel's "Unicode 文本": UTF-16LE with BOM, tab-separated, CRLF (Excel names it .txt; the clerk renamed it)
  {
    const k = county('麻阳苗族自治县');
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 6, { phoneStyle: 'text' }), templateRows: 2 });
    writeRegisterCsv('registers/utf16.csv', s, { encoding: 'utf16le-bom', delimiter: '\t' });
  }
  // second-sheet.xlsx — sheet 1 is a 填表说明 sheet, the register is on sheet 2
  {
    const k = county('会同县');
    const notes = {
      name: '填表说明',
      raw(ws) {
        ws.columns = [{ width: 90 }];
        const lines = [
          '填表说明',
          '一、本表由县市区慈善办填写，每一对结对帮扶关系填写一行。',
          '二、单位名称请填写慈善组织的登记全称，不要用简称。',
          '三、住址请写到乡镇、村、组；电话请填写户主或家人的手机号。',
          '四、填好后报市州慈善总会，本单位存档一份。',
        ];
        lines.forEach((t, i) => {
          ws.getCell(i + 1, 1).value = t;
          ws.getCell(i + 1, 1).font = { name: '宋体', size: i === 0 ? 14 : 11, bold: i === 0 };
        });
      },
    };
    const s = layoutRegister({ sheetName: '登记表', fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 6), templateRows: 3 });
    await writeRegisterXlsx('registers/second-sheet.xlsx', [notes, s]);
  }
  // two-row-header.xlsx — 序号 and 单位 merged down two rows, 扶贫对象 merged over three columns
  {
    const k = county('芷江侗族自治县');
    const columns = [
      { key: 'seq' },
      { key: 'org' },
      { key: 'name', header: '户主姓名', group: '扶贫对象' },
      { key: 'address', header: '家庭住址', group: '扶贫对象' },
      { key: 'phone', header: '联系方式', group: '扶贫对象' },
    ];
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns, twoRowHeader: true, rows: cleanRows(k, 7), templateRows: 3 });
    await writeRegisterXlsx('registers/two-row-header.xlsx', [s]);
  }
  // wrapped-header.xlsx — header names broken across lines inside the cells
  {
    const k = county('靖州苗族侗族自治县');
    const columns = ['seq', 'org', 'name', 'address', 'phone'].map((key) => ({ key, header: HEADERS.wrapped[key] }));
    const s = layoutRegister({ title: countyTitle(k), fillLine: fillLineOf(k), columns, wrapHeader: true, rows: cleanRows(k, 6), templateRows: 4 });
    await writeRegisterXlsx('registers/wrapped-header.xlsx', [s]);
  }
  // columns-reordered.xlsx — household first, organisation later, two columns fupin does not know
  {
    const k = county('通道侗族自治县');
    const columns = [
      { key: 'seq' },
      { key: 'name', header: '户主姓名' },
      { key: 'address', header: '家庭住址' },
      { key: 'phone', header: '联系电话' },
      { key: 'x:村干部', width: 10 },
      { key: 'org', header: '帮扶单位' },
      { key: 'x:帮扶金额', width: 10 },
    ];
    const rows = cleanRows(k, 6).map((r) => ({ ...r, cells: { ...r.cells, 'x:村干部': personName(), 'x:帮扶金额': pick([500, 800, 1000, 1200, 2000]) } }));
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns, rows, templateRows: 2 });
    await writeRegisterXlsx('registers/columns-reordered.xlsx', [s]);
  }
  // multi-register.xlsx — two county registers on two sheets
  {
    const sheets = ['洪江市', '新晃侗族自治县'].map((name) => {
      const k = county(name);
      return layoutRegister({ sheetName: name, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 5), templateRows: 2 });
    });
    await writeRegisterXlsx('registers/multi-register.xlsx', sheets);
  }
  // numeric-cells.xlsx — phones as numbers, income as a number, ID as text, real dates
  {
    const k = county('沅陵县');
    const columns = [
      { key: 'seq' },
      { key: 'org' },
      { key: 'name' },
      { key: 'idNumber' },
      { key: 'address' },
      { key: 'phone' },
      { key: 'familySize' },
      { key: 'income' },
      { key: 'x:结对日期', width: 14 },
    ];
    const rows = cleanRows(k, 6, { phoneStyle: 'numeric' }).map((r, i) => ({
      ...r,
      cells: {
        ...r.cells,
        idNumber: i === 2 ? idEndingX(k.code) : idNumber(k.code),
        familySize: int(1, 6),
        income: [2860.5, 3120, 1980, 4250.75, 2600, 3300][i],
        'x:结对日期': new Date(Date.UTC(2016, 8, 1 + i * 3)),
      },
    }));
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns, rows, templateRows: 2, numFmts: { phone: '0', income: '#,##0.00', 'x:结对日期': 'yyyy"年"m"月"d"日"' } });
    await writeRegisterXlsx('registers/numeric-cells.xlsx', [s]);
  }
  // template-rows.xlsx — many empty numbered rows, the 备注 line, then things below it
  {
    const k = county('鹤城区');
    const h = household(k);
    const s = layoutRegister({
      fujian: true,
      title: countyTitle(k),
      fillLine: fillLineOf(k, '怀化市鹤城区慈善会'),
      columns: OFFICIAL_COLUMNS,
      rows: cleanRows(k, 4, { charity: '怀化市鹤城区慈善会', social: '鹤城区阳光社会工作服务中心' }),
      templateRows: 16,
      below: [
        [],
        ['填表人：李红梅          审核人：张建国          联系电话：0745-2713456'],
        [null, '鹤城区慈善会', h.name, addressOf(h, 'county'), h.phone.text],
      ],
    });
    await writeRegisterXlsx('registers/template-rows.xlsx', [s]);
  }
  // no-title.csv — header on line 1, UTF-8 without BOM, LF line ends (exported by a script, not Excel)
  {
    const k = county('溆浦县');
    const s = layoutRegister({ columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 5, { phoneStyle: 'text' }), templateRows: 0, footer: false });
    // nothing in the file or its name says which county: validated, address checks skipped with an info note
    s.expected.problems.push({ rule: 'area-unknown', severity: 'info' });
    writeRegisterCsv('registers/no-title.csv', s, { encoding: 'utf8', eol: '\n' });
  }

  // ── defect families ──
  const base = (k, rows, extra = {}) => layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows, templateRows: 3, ...extra });

  // required: empty 单位 / 姓名 / 住址 in filled rows; an empty phone is a warning of its own
  {
    const k = county('会同县');
    const rows = cleanRows(k, 8);
    rows[1].cells.org = '';
    rows[1].problems.push(prob('org', 'required-cell', 'error'));
    rows[3].cells.name = '';
    rows[3].problems.push(prob('name', 'required-cell', 'error'));
    rows[4].cells.address = '';
    rows[4].problems.push(prob('address', 'required-cell', 'error'));
    rows[6].cells.phone = '';
    rows[6].problems.push(prob('phone', 'phone-missing', 'warning'));
    await writeRegisterXlsx('registers/defects-required.xlsx', [base(k, rows)]);
  }
  // phone: wrong length, letters, scientific text, a 12-digit number, a bad mobile prefix (and valid forms that must pass)
  {
    const k = county('沅陵县');
    const rows = cleanRows(k, 10, { phoneStyle: 'text' });
    const bad = (i, value) => {
      rows[i].cells.phone = value;
      rows[i].problems.push(prob('phone', 'phone-format', 'error'));
    };
    bad(1, '1390745123');
    rows[2].cells.phone = landline(k.city);
    bad(3, '139O7451234');
    bad(4, '1.39123E+10');
    rows[5].cells.phone = landline(k.city).replace('-', '');
    bad(6, 139074512345);
    bad(7, '12907451234');
    rows[8].cells.phone = `${mobile()}/${landline(k.city)}`;
    rows[9].cells.phone = Number(mobile());
    await writeRegisterXlsx('registers/defects-phone.xlsx', [base(k, rows)]);
  }
  // name: digits, an org word, a single character, alignment spaces
  {
    const k = county('辰溪县');
    const rows = cleanRows(k, 8);
    const set = (i, v, rule, severity) => {
      rows[i].cells.name = v;
      rows[i].problems.push(prob('name', rule, severity));
    };
    set(1, '张3', 'person-name', 'error');
    set(3, '大坪村村委会', 'person-name', 'error');
    set(4, '李', 'person-name', 'error');
    set(5, '张  三', 'name-spacing', 'warning');
    rows[6].cells.name = '欧阳春花';
    await writeRegisterXlsx('registers/defects-name.xlsx', [base(k, rows)]);
  }
  // serial: a gap then a repeat (rows 4–5 numbered 5, 6: one moved block), a non-number, an empty 序号
  {
    const k = county('中方县');
    const rows = cleanRows(k, 11);
    const seqs = [1, 2, 3, 5, 6, 6, 7, '八', 9, '', 11];
    rows.forEach((r, i) => (r.cells.seq = seqs[i]));
    for (const i of [3, 7, 9]) rows[i].problems.push(prob('seq', 'serial-number', 'warning'));
    await writeRegisterXlsx('registers/defects-serial.xlsx', [base(k, rows)]);
  }
  // idnumber: bad check digit, an ID stored as a number, a 15-digit legacy number (warning), valid ones
  {
    const k = county('溆浦县');
    const columns = [{ key: 'seq' }, { key: 'org' }, { key: 'name' }, { key: 'idNumber' }, { key: 'address' }, { key: 'phone' }];
    const rows = cleanRows(k, 6, { phoneStyle: 'text' }).map((r) => ({ ...r, cells: { ...r.cells, idNumber: idNumber(k.code) } }));
    const good = rows[1].cells.idNumber;
    rows[1].cells.idNumber = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    rows[1].problems.push(prob('idNumber', 'id-number', 'error'));
    rows[2].cells.idNumber = idEndingX(k.code);
    rows[3].cells.idNumber = 430624198503127000; // typed into a General cell: Excel keeps 15 significant digits
    rows[3].problems.push(prob('idNumber', 'id-number', 'error'));
    rows[4].cells.idNumber = `${k.code}${'68'}${'0412'}${'371'}`; // old 15-digit number: born 1968-04-12
    rows[4].problems.push(prob('idNumber', 'id-number', 'warning'));
    await writeRegisterXlsx('registers/defects-idnumber.xlsx', [base(k, rows, { columns })]);
  }
  // numbers: negative income, a family size that is not a number (and text numbers that are fine)
  {
    const k = county('洪江市');
    const columns = [...OFFICIAL_COLUMNS, { key: 'familySize' }, { key: 'income' }];
    const rows = cleanRows(k, 6).map((r) => ({ ...r, cells: { ...r.cells, familySize: int(1, 6), income: int(1500, 4800) } }));
    rows[1].cells.income = -1200;
    rows[1].problems.push(prob('income', 'number-value', 'error'));
    rows[2].cells.familySize = 'abc';
    rows[2].problems.push(prob('familySize', 'number-value', 'error'));
    rows[3].cells.income = '1,200';
    rows[4].cells.income = '2600元';
    rows[5].cells.familySize = '5人';
    await writeRegisterXlsx('registers/defects-numbers.xlsx', [base(k, rows, { columns })]);
  }
  // duplicates: the same pairing twice, a joint household, one phone on two households
  {
    const k = county('新晃侗族自治县');
    const charity = `${k.name}慈善会`;
    const social = `${k.name}阳光社会工作服务中心`;
    const hs = Array.from({ length: 6 }, () => household(k, { phoneStyle: 'text' }));
    const row = (o, h, extra = {}) => ({ cells: { org: o, name: h.name, address: addressOf(h, 'county'), phone: h.phone.value, ...extra }, problems: [] });
    const rows = [row(charity, hs[0]), row(charity, hs[1]), row(charity, hs[2]), row(charity, hs[3]), row(charity, hs[0]), row(social, hs[1]), row(social, hs[4]), row(charity, hs[5], { phone: hs[2].phone.value })];
    rows[4].cells.address = rows[0].cells.address;
    rows[5].cells.address = rows[1].cells.address;
    rows[4].problems.push(prob('name', 'duplicate-pairing', 'error'));
    rows[5].problems.push(prob('name', 'joint-household', 'info'));
    rows[7].problems.push(prob('phone', 'shared-phone', 'warning'));
    await writeRegisterXlsx('registers/defects-duplicates.xlsx', [base(k, rows)]);
  }
  // org-variants: an inner space, bracket width, a near-identical name
  {
    const k = county('溆浦县');
    const rows = cleanRows(k, 10);
    const orgs = ['溆浦县慈善会', '溆浦县慈善会', '溆浦县 慈善会', '溆浦县慈善会', '溆浦县（卢峰镇）爱心协会', '溆浦县慈善会', '溆浦县(卢峰镇)爱心协会', '溆浦县（卢峰镇）爱心协会', '溆浦县慈善总会', '溆浦县慈善会'];
    rows.forEach((r, i) => (r.cells.org = orgs[i]));
    for (const i of [2, 6, 8]) rows[i].problems.push(prob('org', 'org-name-variant', 'warning'));
    await writeRegisterXlsx('registers/defects-org-variants.xlsx', [base(k, rows)]);
  }
  // address: another county, another city, an unknown township
  {
    const k = county('辰溪县');
    const rows = cleanRows(k, 7);
    rows.forEach((r) => (r.cells.address = addressOf(r.h, 'county')));
    const other = household(county('泸溪县'));
    rows[1].cells.address = addressOf(other, 'county');
    rows[1].problems.push(prob('address', 'address-county', 'warning'));
    const far = household(county('浏阳市'));
    rows[3].cells.address = addressOf(far, 'city');
    rows[3].problems.push(prob('address', 'address-county', 'warning'));
    const unknownTown = '杨梅坳乡';
    assertUnknownTown(unknownTown);
    rows[5].cells.address = `辰溪县${unknownTown}${rows[5].h.place}`;
    rows[5].problems.push(prob('address', 'address-township', 'warning'));
    await writeRegisterXlsx('registers/defects-address.xlsx', [base(k, rows)]);
  }
}

// ── broken/: a mailbox folder ──────────────────────────────────────────────────────────────

/** A minimal valid OLE2 (CFB v3) file holding an empty BIFF8 "Workbook" stream: what Excel 97-2003 .xls files are. */
function legacyXls() {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const streamSectors = 8; // 4096 bytes: at the mini-stream cutoff, so it lives in regular sectors
  const buf = Buffer.alloc(SECTOR * (1 + 2 + streamSectors));
  // header
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift (512)
  buf.writeUInt16LE(6, 32); // mini sector shift (64)
  buf.writeUInt32LE(0, 40); // directory sectors (0 for v3)
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(0, 52); // transaction signature
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(END, 60); // first mini FAT sector
  buf.writeUInt32LE(0, 64); // mini FAT sectors
  buf.writeUInt32LE(END, 68); // first DIFAT sector
  buf.writeUInt32LE(0, 72); // DIFAT sectors
  buf.writeUInt32LE(0, 76); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(FREE, 76 + 4 * i);
  const sector = (n) => SECTOR * (n + 1);
  // FAT (sector 0)
  const fat = sector(0);
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(FREE, fat + 4 * i);
  buf.writeUInt32LE(FATSECT, fat);
  buf.writeUInt32LE(END, fat + 4); // directory: one sector
  for (let i = 0; i < streamSectors; i++) buf.writeUInt32LE(i === streamSectors - 1 ? END : 3 + i, fat + 4 * (2 + i));
  // directory (sector 1)
  const dir = sector(1);
  const entry = (i, name, type, child, start, size) => {
    const p = dir + 128 * i;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(buf, p);
    buf.writeUInt16LE(n.length, p + 64);
    buf.writeUInt8(type, p + 66);
    buf.writeUInt8(1, p + 67); // black
    buf.writeUInt32LE(FREE, p + 68); // left sibling
    buf.writeUInt32LE(FREE, p + 72); // right sibling
    buf.writeUInt32LE(child, p + 76);
    buf.writeUInt32LE(start, p + 116);
    buf.writeUInt32LE(size, p + 120);
  };
  entry(0, 'Root Entry', 5, 1, END, 0);
  entry(1, 'Workbook', 2, FREE, 2, 4096);
  for (let i = 2; i < 4; i++) {
    const p = dir + 128 * i;
    buf.writeUInt32LE(FREE, p + 68);
    buf.writeUInt32LE(FREE, p + 72);
    buf.writeUInt32LE(FREE, p + 76);
  }
  // Workbook stream (sectors 2..9): BIFF8 BOF (workbook globals) then EOF
  const wb = sector(2);
  buf.writeUInt16LE(0x0809, wb);
  buf.writeUInt16LE(16, wb + 2);
  buf.writeUInt16LE(0x0600, wb + 4); // BIFF8
  buf.writeUInt16LE(0x0005, wb + 6); // workbook globals
  buf.writeUInt16LE(0x0dbb, wb + 8); // build
  buf.writeUInt16LE(0x07cc, wb + 10); // year 1996
  buf.writeUInt16LE(0x000a, wb + 20); // EOF record
  buf.writeUInt16LE(0, wb + 22);
  return buf;
}

async function writeBroken() {
  // two good registers among the attachments
  {
    const k = county('泸溪县');
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 6), templateRows: 3 });
    await writeRegisterXlsx('broken/泸溪县.xlsx', [s]);
    const whole = await xlsxBuffer([s]);
    writeOut('broken/truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expected['broken/truncated.xlsx'] = { fileError: 'file-corrupt' };
  }
  {
    const k = county('凤凰县');
    const s = layoutRegister({ fujian: true, title: countyTitle(k), fillLine: fillLineOf(k), columns: OFFICIAL_COLUMNS, rows: cleanRows(k, 5, { phoneStyle: 'text' }), templateRows: 2 });
    writeRegisterCsv('broken/凤凰县.csv', s, { encoding: 'gbk' });
  }
  writeOut('broken/empty.xlsx', Buffer.alloc(0));
  expected['broken/empty.xlsx'] = { fileError: 'file-empty' };
  writeOut('broken/text-renamed.xlsx', Buffer.from('序号,扶贫单位或者机构名称,扶贫户主姓名\r\n这个文件本来是文本，被改成了 .xlsx 扩展名。\r\n', 'utf8'));
  expected['broken/text-renamed.xlsx'] = { fileError: 'file-corrupt' };
  writeOut('broken/legacy.xls', legacyXls());
  // an .xls whose workbook stream is empty: read through the legacy reader, which finds no worksheet in it
  expected['broken/legacy.xls'] = { fileError: 'file-corrupt' };
  // junk.bin is not a spreadsheet extension: the folder walk passes over it (no entry); named directly it is file-unsupported
  const junk = Buffer.alloc(2048);
  for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(rand() * 256);
  junk[0] = 0x00;
  writeOut('broken/junk.bin', junk);
  // a price list saved as CSV: readable, but no register header
  writeOut(
    'broken/no-header.csv',
    iconv.encode(['商品名称,规格,单价（元）,数量,金额（元）', '大米,25kg/袋,95,40,3800', '食用油,5L/桶,68,40,2720', '棉被,1.5m,120,20,2400', '合计,,,,8920', ''].join('\r\n'), 'gbk'),
  );
  expected['broken/no-header.csv'] = { fileError: 'file-not-register' };
  // not spreadsheets: passed over by the folder walk
  writeOut('broken/notes.txt', encodeText('王主任：\r\n附件是泸溪县和凤凰县的登记表，麻阳的下周补报。\r\n', 'gbk'));
  writeOut('broken/image.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex'));
}

// ── identity/: one organisation or household written many ways (issue 10, items 4 and 6) ─────────

/**
 * fixtures/identity/怀化市/{市本级.xlsx, 溆浦县.xlsx, 辰溪县.csv}: registers where organisations are written with and
 * without their province and city in front (and with a stray inner space), households with and without the
 * province/city/county prefix, 组 as 三组 / 3组 / 第3组 / 03组 / ３组, 村 as 村委会; the same pairing twice in two spellings,
 * the same head with the same phone in the same village under another 组 or none, and households that only look alike
 * (same name and village, another 组; same name, village and 组 in another township). Plus a 同上 in the organisation
 * column, a 〃 in the address column and one wrong 序号. fixtures/identity-stats/怀化市统计表.xlsx is the city's 统计表
 * of these registers with its 单位 column spread over A:B (县 merged down A, the counties in B).
 * The truth (fixtures/identity-truth.json) comes from this data model: which household and organisation each row is
 * about is decided here, never by reading the text back. Its own PRNG, so the other fixtures do not move.
 */
async function writeIdentity() {
  const rnd = mulberry32(20161010);
  const take = (arr) => arr[Math.floor(rnd() * arr.length)];
  const names = new Set();
  const personOf = () => {
    for (;;) {
      const n = take(SURNAMES) + take(GIVEN2);
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };
  const phones = new Set();
  const phoneOf = () => {
    for (;;) {
      const m = take(MOBILE_PREFIXES) + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
      if (!usedPhones.has(m) && !phones.has(m)) {
        phones.add(m);
        return m;
      }
    }
  };
  const xupu = county('溆浦县');
  const chenxi = county('辰溪县');
  for (const [k, towns] of [[xupu, ['卢峰镇', '桥江镇', '龙潭镇', '低庄镇']], [chenxi, ['孝坪镇', '田湾镇']]]) {
    for (const t of towns) if (!k.towns.includes(t)) throw new Error(`${t} is not a township of ${k.name} in divisions.json`);
  }
  const stems = VILLAGE_STEMS.filter((v) => ![...xupu.allTowns, ...chenxi.allTowns].some((t) => t.includes(v)));
  const village = () => take(stems);
  const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

  // organisations: id, official name, type (by the generator's own name rules)
  const mk = (id, name) => ({ id, name, type: typeByName(name) });
  const O = {
    cityCharity: mk('cityCharity', '怀化市慈善总会'),
    cityFoundation: mk('cityFoundation', '怀化市教育基金会'),
    citySocial: mk('citySocial', '怀化市心理咨询服务中心'),
    xupuCharity: mk('xupuCharity', '溆浦县慈善会'),
    xupuFoundation: mk('xupuFoundation', '溆浦县教育发展基金会'),
    xupuSocial: mk('xupuSocial', '溆浦县阳光社会工作服务中心'),
    chenxiCharity: mk('chenxiCharity', '辰溪县慈善会'),
    chenxiSocial: mk('chenxiSocial', '辰溪县爱心志愿者协会'),
  };
  for (const o of Object.values(O)) if (!o.type) throw new Error(`no name rule types ${o.name}`);

  // households: id, county, town, village, group, name, phone ('' for none)
  let hid = 0;
  const hh = (k, town, opts = {}) => ({
    id: `h${++hid}`,
    county: k,
    town,
    village: opts.village ?? village(),
    group: opts.group ?? 1 + Math.floor(rnd() * 12),
    name: opts.name ?? personOf(),
    phone: opts.noPhone ? '' : phoneOf(),
  });
  /** The address of a household in one of the ways clerks write it. */
  const address = (h, style = 'county') => {
    const g = h.group;
    const group = { digit: `${g}组`, cn: `${CN[g - 1]}组`, di: `第${g}组`, zero: `${String(g).padStart(2, '0')}组`, full: `${FULL_WIDTH(String(g))}组` };
    // style: where:group:committee — county | town | city | prov | village (no 组); digit | cn | di | zero | full; cwh: 村委会
    const [where, groupStyle = 'digit', committee] = style.split(':');
    const local = `${h.town}${h.village}${committee === 'cwh' ? '村委会' : '村'}${group[groupStyle]}`;
    const k = h.county;
    if (where === 'town') return local;
    if (where === 'city') return `${k.city}${k.name}${local}`;
    if (where === 'prov') return `湖南省${k.city}${k.name}${local}`;
    if (where === 'village') return `${k.name}${h.town}${h.village}村`; // no 组
    return `${k.name}${local}`;
  };

  // 溆浦县 households
  const X = Array.from({ length: 8 }, (_, i) => hh(xupu, ['卢峰镇', '桥江镇', '龙潭镇', '低庄镇'][i % 4]));
  const twinA = hh(xupu, '卢峰镇', { noPhone: true }); // same name and village as twinB, another 组: two households
  const twinB = hh(xupu, '卢峰镇', { noPhone: true, name: twinA.name, village: twinA.village, group: (twinA.group % 12) + 1 });
  const elsewhere = hh(xupu, '桥江镇', { noPhone: true, name: X[0].name, village: X[0].village, group: X[0].group }); // X[0] in another township
  if (X[0].town === '桥江镇') throw new Error('identity: X[0] must not be in 桥江镇');
  // 辰溪县 households
  const C = Array.from({ length: 6 }, (_, i) => hh(chenxi, ['孝坪镇', '田湾镇'][i % 2]));
  // 市本级 households: in 溆浦县 (附4 note 1), two of them also in the 溆浦县 register
  const M = [X[1], X[2], ...Array.from({ length: 4 }, (_, i) => hh(xupu, ['卢峰镇', '龙潭镇'][i % 2]))];

  /** A row: the organisation and its spelling (or 同上), the household and its address spelling (or 〃), the phone as written. */
  const row = (o, orgText, h, addrStyle, extra = {}) => ({ o, orgText, h, addrText: extra.addrText ?? address(h, addrStyle), phone: extra.phone ?? h.phone, ...extra });
  const files = [
    {
      rel: '怀化市/溆浦县.xlsx',
      k: xupu,
      rows: [
        row(O.xupuCharity, '溆浦县慈善会', X[0], 'county'),
        row(O.xupuCharity, '溆浦县慈善会', X[1], 'town:cn'),
        row(O.xupuCharity, '溆浦县慈善会', X[2], 'prov:di'),
        row(O.xupuCharity, '溆浦县慈善会', X[3], 'city:zero:cwh'),
        row(O.xupuCharity, '溆浦县慈善会', twinA, 'county'),
        row(O.xupuCharity, '溆浦县慈善会', twinB, 'county'),
        row(O.xupuCharity, '溆浦县慈善会', elsewhere, 'county'),
        row(O.xupuCharity, '湖南省怀化市溆浦县慈善会', X[0], 'prov:cn'), // the same pairing as row 1: duplicate, and a variant
        row(O.cityCharity, '怀化市慈善总会', X[1], 'county:di'), // a second organisation: joint help
        row(O.xupuCharity, '怀化市溆浦县慈善会', X[3], 'town:digit'), // the same pairing as row 4
        row(O.xupuSocial, '溆浦县阳光社会工作服务中心', X[4], 'county'),
        row(O.xupuSocial, '溆浦县阳光社会工作服务中心', X[2], 'village'), // same head, phone and village, no 组: X[2]
        row(O.xupuSocial, '同上', X[5], 'town:full', { orgDitto: true }),
        row(O.xupuFoundation, '溆浦县教育发展基金会', X[6], 'county'),
        row(O.xupuFoundation, '溆浦县教育发展基金会', X[7], 'county:zero'),
        row(O.xupuFoundation, '湖南省溆浦县教育发展基金会', X[4], 'prov:full'),
        row(O.xupuCharity, '溆浦县慈善会', X[6], 'city:cn'),
      ],
    },
    {
      rel: '怀化市/辰溪县.csv',
      k: chenxi,
      seqs: [1, 2, 3, 5, 5, 6, 7, 8, 9], // one wrong number (row 4 says 5): one finding
      rows: [
        row(O.chenxiCharity, '辰溪县慈善会', C[0], 'county'),
        row(O.chenxiCharity, '辰溪县慈善会', C[1], 'county:cn'),
        row(O.chenxiCharity, '辰溪县慈善会', C[2], 'town'),
        row(O.chenxiCharity, '怀化市辰溪县慈善会', C[3], 'city:di', { wrongSeq: true }),
        row(O.chenxiCharity, '辰溪县慈善会', C[4], 'county'),
        row(O.chenxiSocial, '辰溪县爱心志愿者协会', C[4], 'county', { addrText: '〃', addrDitto: true }), // 〃 for the row above
        row(O.chenxiSocial, '辰溪县爱心志愿者协会', C[5], 'prov:zero'),
        row(O.chenxiCharity, '辰溪县慈善会', C[1], 'town:di:cwh'), // the same pairing as row 2
        row(O.chenxiSocial, '辰溪县爱心志愿者协会', C[0], 'city:cn'),
      ],
    },
    {
      rel: '怀化市/市本级.xlsx',
      k: null,
      rows: [
        row(O.cityCharity, '怀化市慈善总会', M[0], 'county'),
        row(O.cityCharity, '怀化市慈善总会', M[1], 'town:cn'),
        row(O.cityCharity, '湖南省怀化市慈善总会', M[2], 'city'),
        row(O.cityCharity, '怀化市慈善总会', M[3], 'prov:di'),
        row(O.cityCharity, '怀化市 慈善总会', M[4], 'county:zero'),
        row(O.cityCharity, '怀化市慈善总会', M[2], 'town:cn'), // the same pairing as row 3
        row(O.cityFoundation, '怀化市教育基金会', M[5], 'county'),
        row(O.cityFoundation, '湖南省怀化市教育基金会', M[0], 'city:di'),
        row(O.citySocial, '怀化市心理咨询服务中心', M[3], 'town:full'),
      ],
    },
  ];

  // findings the generator planted, and the figures, from the model
  const truthFiles = [];
  const rowsTruth = {};
  for (const f of files) {
    assertDistinctOrgs(f.rel, [...new Set(f.rows.map((r) => r.o))]);
    const spellings = new Map(); // org id → Map(text → { count, order })
    for (const r of f.rows) {
      if (r.orgDitto) continue;
      const m = spellings.get(r.o.id) ?? new Map();
      if (!m.has(r.orgText)) m.set(r.orgText, { count: 0, order: m.size });
      m.get(r.orgText).count++;
      spellings.set(r.o.id, m);
    }
    const preferred = new Map([...spellings].map(([id, m]) => [id, [...m].sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order)[0][0]]));
    const pairs = new Set();
    const orgsOf = new Map();
    const grid = f.rows.map((r, i) => {
      const problems = [];
      if (r.orgDitto) problems.push(prob('org', 'ditto-mark', 'warning'));
      else if (r.orgText !== preferred.get(r.o.id)) problems.push(prob('org', 'org-name-variant', 'warning'));
      if (r.addrDitto) problems.push(prob('address', 'ditto-mark', 'warning'));
      if (!r.phone) problems.push(prob('phone', 'phone-missing', 'warning'));
      const pk = `${r.o.id}|${r.h.id}`;
      if (pairs.has(pk)) problems.push(prob('name', 'duplicate-pairing', 'error'));
      pairs.add(pk);
      const list = orgsOf.get(r.h.id) ?? [];
      if (!list.includes(r.o.id)) {
        list.push(r.o.id);
        if (list.length === 2) problems.push(prob('name', 'joint-household', 'info'));
      }
      orgsOf.set(r.h.id, list);
      if (r.wrongSeq) problems.push(prob('seq', 'serial-number', 'warning'));
      const cells = { org: r.orgDitto ? '同上' : r.orgText, name: r.h.name, address: r.addrText, phone: r.phone };
      if (f.seqs) cells.seq = f.seqs[i];
      return { cells, problems };
    });
    const k = f.k;
    const sheet = layoutRegister({
      fujian: true,
      title: k ? countyTitle(k) : '怀化市市本级慈善组织精准扶贫结对帮扶登记表',
      fillLine: k ? fillLineOf(k) : `填报单位：怀化市慈善总会            填报日期：2016年12月20日`,
      columns: OFFICIAL_COLUMNS,
      rows: grid,
      templateRows: 2,
    });
    if (f.rel.endsWith('.csv')) writeOut(`identity/${f.rel}`, encodeText(delimitedText(sheet.grid, ','), 'gbk'));
    else writeOut(`identity/${f.rel}`, await xlsxBuffer([sheet]));
    const { sheet: sheetName, ...rest } = sheet.expected;
    truthFiles.push({ file: f.rel, ...(f.rel.endsWith('.csv') ? {} : { sheet: sheetName }), ...rest });

    // the figures of this file's row (DOMAIN §5): distinct organisations with a household, distinct households
    const counted = { unit: k ? k.name : '市本级' };
    const all = new Set();
    let units = 0;
    for (const type of ['charity', 'foundation', 'social']) {
      const orgs = new Set(f.rows.filter((r) => r.o.type === type).map((r) => r.o.id));
      const homes = new Set(f.rows.filter((r) => r.o.type === type).map((r) => r.h.id));
      for (const h of homes) all.add(h);
      counted[type] = { units: orgs.size, households: homes.size };
      units += orgs.size;
    }
    counted.subtotal = { units, households: all.size };
    counted.spellings = Object.fromEntries([...spellings].map(([id, m]) => [O[id].name, [...m.keys()]]));
    rowsTruth[counted.unit] = counted;
  }
  const order = ['市本级', ...hunan.cities.find((c) => c.name === '怀化市').counties.map((c) => c.name)].filter((u) => rowsTruth[u]);
  const rows = order.map((u) => rowsTruth[u]);
  const figures = ({ spellings: _s, ...r }) => r;
  const truth = {
    about:
      'Ground truth of fixtures/identity (怀化市: 市本级, 溆浦县, 辰溪县), computed by scripts/make-fixtures.mjs from its own model ' +
      '(which organisation and household each row is about), not by fupin. rows: the city 统计表 figures (DOMAIN §5), one row per ' +
      'register, spelling variants and duplicate pairings counted once; spellings: how each organisation is written in that file. ' +
      'files: every finding planted, { rule, severity, cell } per register (org-name-variant at each spelling other than the most ' +
      'frequent one, duplicate-pairing, joint-household, phone-missing, ditto-mark, serial-number); nothing else may be reported.',
    city: '怀化市',
    rows,
    total: sumRows(rows.map(figures)),
    files: truthFiles,
    stats: 'identity-stats/怀化市统计表.xlsx',
  };
  writeFileSync(join(OUT, 'identity-truth.json'), JSON.stringify(truth, null, 2) + '\n');
  writeOut('identity-stats/怀化市统计表.xlsx', await statsTableWithUnitColumns(rows.map(figures), truth.total));
}

/**
 * A city 统计表 as some offices draw it: 单位 over two columns (A4:B5 merged), 市本级 and 合计 merged across A:B, the level
 * label 县 merged down column A beside the county names in column B; figures as numbers, 合计 as SUM formulas.
 */
async function statsTableWithUnitColumns(rows, total) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Administrator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('统计表');
  ws.columns = [{ width: 6 }, { width: 12 }, ...Array.from({ length: 8 }, () => ({ width: 11 }))];
  const eight = (r) => [r.charity, r.foundation, r.social, r.subtotal].flatMap((p) => [p.units, p.households]);
  ws.getCell('A1').value = '湖南省慈善组织精准扶贫结对帮扶统计表';
  ws.mergeCells('A1:J1');
  ws.getCell('A2').value = '填报单位：怀化市慈善总会            填报日期：2016年12月20日';
  ws.mergeCells('A2:J2');
  ws.getCell('A4').value = '单位';
  ws.mergeCells('A4:B5');
  const groups = ['慈善系统', '基金会', '社会服务机构（民非）', '小计'];
  const measures = ['参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'];
  groups.forEach((g, i) => {
    ws.getCell(4, 3 + 2 * i).value = g;
    ws.mergeCells(4, 3 + 2 * i, 4, 4 + 2 * i);
  });
  measures.forEach((m, i) => (ws.getCell(5, 3 + i).value = m));
  let r = 6;
  const counties = rows.filter((x) => x.unit !== '市本级');
  for (const x of rows) {
    if (x.unit === '市本级') {
      ws.getCell(r, 1).value = '市本级';
      ws.mergeCells(r, 1, r, 2);
    } else ws.getCell(r, 2).value = x.unit;
    eight(x).forEach((n, i) => (ws.getCell(r, 3 + i).value = n));
    r++;
  }
  const firstCounty = 6 + rows.findIndex((x) => x.unit !== '市本级');
  ws.getCell(firstCounty, 1).value = '县';
  if (counties.length > 1) ws.mergeCells(firstCounty, 1, firstCounty + counties.length - 1, 1);
  ws.getCell(r, 1).value = '合计';
  ws.mergeCells(r, 1, r, 2);
  eight(total).forEach((n, i) => {
    const col = String.fromCharCode(67 + i);
    ws.getCell(r, 3 + i).value = { formula: `SUM(${col}6:${col}${r - 1})`, result: n };
  });
  ws.getCell(r + 1, 1).value = '备注：此统计表由市州填写，存档一份，上报省一份。';
  ws.mergeCells(r + 1, 1, r + 1, 10);
  for (let y = 4; y <= r; y++) for (let x = 1; x <= 10; x++) ws.getCell(y, x).border = BORDER;
  return stampZipDates(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_DATE);
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────

async function main() {
  // remake what this script owns; fixtures/README.md (written by hand) stays
  for (const name of ['ledger', 'registers', 'broken', 'expected.json', 'ledger-truth.json', 'identity', 'identity-stats', 'identity-truth.json']) rmSync(join(OUT, name), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const a of areas) await writeLedgerArea(a);
  // the ledger's defects are known only once the sheets are laid out: turn them into the manifest's cells
  await writeRegisters();
  await writeBroken();
  await writeIdentity(); // last, with its own PRNG: the files above do not move

  const truth = buildTruth();
  writeFileSync(join(OUT, 'ledger-truth.json'), JSON.stringify(truth, null, 2) + '\n');
  const sorted = Object.fromEntries(Object.keys(expected).sort().map((k) => [k, expected[k]]));
  writeFileSync(
    join(OUT, 'expected.json'),
    JSON.stringify(
      {
        about:
          'Expected validate results per spreadsheet file, keyed by path relative to fixtures/. A register: { sheet?, rows, problems: [{ rule, severity, cell }] } ' +
          '(sheet only for xlsx). A workbook with several registers: an array of those, one per register in sheet order. An unreadable file: { fileError: <rule id> }. ' +
          'Files the folder walk passes over (.txt, .png, .bin) have no entry. Generated by scripts/make-fixtures.mjs.',
        files: sorted,
      },
      null,
      2,
    ) + '\n',
  );
  const bytes = written.reduce((s, w) => s + w.bytes, 0);
  const problems = Object.values(expected).flatMap((e) => (Array.isArray(e) ? e : [e])).reduce((s, e) => s + (e.problems?.length ?? 0), 0);
  console.log(`fixtures: ${written.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(expected).length} manifest entries, ${problems} expected problems`);
  for (const s of truth.shortfalls) console.log(`  short: ${s.area} ${s.requirement} ${s.actual}/${s.required}`);
}

await main();
