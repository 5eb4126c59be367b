// Generates fixtures/quota/: city ledgers built to sit exactly on, one below, and above the 附4 minimums, a city 统计表, and custom quota tables (good and with typos).
//
// Usage: node scripts/make-quota-fixtures.mjs
//
// Deterministic (fixed names, phones and workbook dates; zip timestamps fixed), so running it twice gives the same bytes.
// Registers use the official 附2 layout as scripts/make-fixtures.mjs writes it: "附2：", the merged title, the 填报单位 line,
// the five official headers, the pairings, two empty numbered template rows and the closing 备注 line.
// What each scenario must produce is written by hand in test/e2e/quota-cli.test.ts (not computed here, not by fupin).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { stampZipDates } from './lib/deterministic.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures/quota');
const FIXED_DATE = new Date(Date.UTC(2016, 8, 12, 1, 30, 0));
const FOOTER_TEXT = '备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。';
const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];
const THIN = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// ── places ──────────────────────────────────────────────────────────────────────────────────

const divisions = JSON.parse(readFileSync(join(ROOT, 'src/data/divisions.json'), 'utf8'));
const hunan = divisions.provinces.find((p) => p.code === '43');
const FUNCTIONAL = /管理区|园区|示范区|开发区/u;
const stem = (name) => name.replace(/(土家族苗族自治州|苗族侗族自治县|侗族自治县|苗族自治县|瑶族自治县|自治县|自治州|县|市|区)$/u, '');
const STEMS = hunan.cities.flatMap((c) => [{ stem: stem(c.name), owner: c.name }, ...c.counties.map((k) => ({ stem: stem(k.name), owner: k.name }))]);
const namesOther = (text, ...own) => STEMS.some((s) => s.stem.length >= 2 && !own.includes(s.owner) && text.includes(s.stem));

function city(name) {
  const c = hunan.cities.find((x) => x.name === name);
  if (!c) throw new Error(`divisions.json has no ${name}`);
  return c;
}
/** The city's counties (functional zones left out), each with one rural township that names no other place. */
function countiesOf(cityName) {
  const c = city(cityName);
  return c.counties
    .filter((k) => !FUNCTIONAL.test(k.name))
    .map((k) => {
      const usable = (t) => !namesOther(t, k.name, c.name);
      // a rural township, else (an urban district) a 街道
      const town = k.towns.find((t) => /[乡镇]$/u.test(t) && usable(t)) ?? k.towns.find((t) => /街道$/u.test(t) && usable(t));
      if (!town) throw new Error(`${k.name}: no usable township`);
      return { name: k.name, city: c.name, town };
    });
}

// ── people ──────────────────────────────────────────────────────────────────────────────────

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙朱胡郭何高罗郑梁谢宋唐许邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任姚卢姜钟谭陆汪范'];
const GIVEN = ['建国', '春花', '秀英', '桂兰', '国华', '志强', '德胜', '玉梅', '满秀', '长生', '冬梅', '水生', '金凤', '福生', '小平', '红军', '运来', '桂香', '友德', '正华'];
const VILLAGES = ['大坪', '桐木', '枫林', '茶园', '白岩', '青山', '柳树', '竹园', '高坪', '团结', '和平', '向阳', '兴隆', '太平', '檀木'].filter((v) => !namesOther(v));
let personNo = 0;
/** The next household: a unique name, an address in `county` (its township, a village, a group), a unique mobile. */
function household(county) {
  const n = personNo++;
  const name = SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
  const village = VILLAGES[n % VILLAGES.length];
  const place = /街道$/u.test(county.town) ? `${village}社区${(n % 9) + 1}栋` : `${village}村${(n % 9) + 1}组`;
  const address = `${county.name}${county.town}${place}`;
  const phone = `139${String(74500000 + n).padStart(8, '0')}`;
  return { name, address, phone };
}

// ── writing ─────────────────────────────────────────────────────────────────────────────────


function newBook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Administrator';
  wb.lastModifiedBy = 'Administrator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

const written = [];
async function writeBook(rel, wb) {
  const buf = stampZipDates(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_DATE);
  writeText(rel, buf);
}
function writeText(rel, data) {
  const abs = join(OUT, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, data);
  written.push(rel);
}

/**
 * One 附2 register. `unit` is the area as the title names it (溆浦县, 怀化市本级), `orgs` [{ name, households: [...] }].
 * Every household is one pairing row.
 */
async function register(rel, unit, reporter, orgs) {
  const wb = newBook();
  const ws = wb.addWorksheet('Sheet1', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.columns = [6, 30, 12, 36, 16].map((width) => ({ width }));
  const font = { name: '宋体', size: 11 };
  ws.addRow(['附2：']).getCell(1).font = font;
  const title = ws.addRow([`${unit}慈善组织精准扶贫结对帮扶登记表`]);
  title.getCell(1).font = { name: '黑体', size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  ws.mergeCells(title.number, 1, title.number, 5);
  const fill = ws.addRow([`填报单位：${reporter}          填报日期：2016年9月12日`]);
  fill.getCell(1).font = font;
  ws.mergeCells(fill.number, 1, fill.number, 5);
  const head = ws.addRow(HEADER);
  head.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  let seq = 0;
  for (const org of orgs) {
    for (const h of org.households) {
      const row = ws.addRow([++seq, org.name, h.name, h.address, h.phone]);
      for (let c = 1; c <= 5; c++) {
        row.getCell(c).font = font;
        row.getCell(c).border = BORDER;
      }
    }
  }
  for (let i = 0; i < 2; i++) {
    const row = ws.addRow([++seq]);
    for (let c = 1; c <= 5; c++) row.getCell(c).border = BORDER;
  }
  const foot = ws.addRow([FOOTER_TEXT]);
  foot.getCell(1).font = font;
  ws.mergeCells(foot.number, 1, foot.number, 5);
  await writeBook(rel, wb);
}

/** `n` new households in `county`. */
const homes = (county, n) => Array.from({ length: n }, () => household(county));

/**
 * A city folder: 市本级 and one register per county. `plan.city` = [{ name, households, in? }] (in: the county where they live,
 * default the city's first county); `plan.counties[i]` = orgs of the i-th county: [{ suffix, households }].
 */
async function cityLedger(folder, cityName, plan) {
  const counties = countiesOf(cityName);
  const home = (name) => counties.find((k) => k.name === name) ?? counties[0];
  const cityOrgs = plan.city.map((o) => ({
    name: o.name,
    households: o.split ? o.split.flatMap(([county, n]) => homes(home(county), n)) : homes(home(o.in), o.households),
  }));
  await register(`${folder}/${cityName}/市本级.xlsx`, `${cityName}本级`, `${cityName}慈善总会`, cityOrgs);
  for (const [i, k] of counties.entries()) {
    const orgs = (plan.counties[i] ?? []).map((o) => ({ name: `${k.name}${o.suffix}`, households: homes(k, o.households) }));
    if (orgs.length === 0) throw new Error(`${cityName}: no plan for ${k.name}`);
    await register(`${folder}/${cityName}/${k.name}.xlsx`, k.name, `${k.name}慈善会`, orgs);
  }
  return counties;
}

const charity = (n) => ({ suffix: '慈善会', households: n });
const foundation = (n) => ({ suffix: '教育发展基金会', households: n });
const social = (n, suffix = '阳光社会工作服务中心') => ({ suffix, households: n });

// ── scenarios ───────────────────────────────────────────────────────────────────────────────

rmSync(OUT, { recursive: true, force: true });

// 益阳市 (附4: 本级 6, 县市区 44, 基金会 2 / 5-10, 社会服务机构 2 / 2-5): every minimum met exactly, every organisation
// inside its guidance. Counties in list order: 资阳区 赫山区 南县 桃江县 安化县 沅江市.
await cityLedger('just-meets', '益阳市', {
  city: [
    { name: '益阳市慈善总会', households: 6 },
    { name: '益阳市教育基金会', households: 3 },
  ],
  counties: [
    [charity(8), foundation(2)],
    [charity(8), social(1)],
    [charity(7), social(1, '爱心志愿者协会')],
    [charity(7)],
    [charity(7)],
    [charity(7)],
  ],
});

// 怀化市 (10, 60, 3 / 9-12, 2 / 2-5): short by exactly one household in one category — 基金会 扶贫户数 8 of 9.
// Also: 中方县慈善会 has 4 households (county guidance 5-8: short by 1; 鹤城区 has 6 so 县市区 is still 60), and one
// 市本级 household lives in 鹤城区, outside the demonstration site 溆浦县 (附4 note 1). Counties in list order:
// 鹤城区 中方县 沅陵县 辰溪县 溆浦县 会同县 麻阳 新晃 芷江 靖州 通道 洪江市.
await cityLedger('short-by-one', '怀化市', {
  city: [
    { name: '怀化市慈善总会', households: 10, in: '溆浦县' },
    { name: '怀化市教育基金会', split: [['溆浦县', 2], ['鹤城区', 1]] },
  ],
  counties: [
    [charity(6), foundation(3)],
    [charity(4), social(1)],
    [charity(5), foundation(2)],
    [charity(5), social(1, '爱心志愿者协会')],
    [charity(5)],
    [charity(5)],
    [charity(5)],
    [charity(5)],
    [charity(5)],
    [charity(5)],
    [charity(5)],
    [charity(5)],
  ],
});

// 湘潭市 (10, 60, 3 / 9-12, 2 / 2-5): above every upper end and every organisation above its guidance — all minimums met.
// 本级 12; 县市区 5 × 13 = 65; foundations 4 (6 + 6 at city level, 5 + 5 in counties) = 22 households; social service
// organisations 3 (3 + 3 at city level, 2 in 湘潭县) = 8 households. Counties: 雨湖区 岳塘区 湘潭县 湘乡市 韶山市.
await cityLedger('over-upper', '湘潭市', {
  city: [
    { name: '湘潭市慈善总会', households: 12 },
    { name: '湘潭市教育基金会', households: 6 },
    { name: '湘潭市青少年发展基金会', households: 6 },
    { name: '湘潭市志愿者协会', households: 3 },
    { name: '湘潭市社会组织服务中心', households: 3 },
  ],
  counties: [
    [charity(13), foundation(5)],
    [charity(13), foundation(5)],
    [charity(13), social(2)],
    [charity(13)],
    [charity(13)],
  ],
});

// 益阳市's 附3 统计表 with the figures of just-meets, as a city sends it to the province (no registers behind it).
{
  const wb = newBook();
  const ws = wb.addWorksheet('统计表');
  ws.columns = [16, 12, 12, 12, 12, 12, 12, 12, 12].map((width) => ({ width }));
  ws.addRow(['附3：']);
  ws.addRow(['湖南省慈善组织精准扶贫结对帮扶统计表']);
  ws.mergeCells('A2:I2');
  ws.addRow(['填报单位：益阳市慈善总会          填报日期：2016年9月20日']);
  ws.mergeCells('A3:I3');
  ws.addRow(['单位', '慈善系统', null, '基金会', null, '社会服务机构（民非）', null, '小计', null]);
  ws.addRow([null, '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数']);
  for (const m of ['A4:A5', 'B4:C4', 'D4:E4', 'F4:G4', 'H4:I4']) ws.mergeCells(m);
  // 市本级, 资阳区 赫山区 南县 桃江县 安化县 沅江市 (as just-meets)
  const rows = [
    ['市本级', 1, 6, 1, 3, 0, 0],
    ['资阳区', 1, 8, 1, 2, 0, 0],
    ['赫山区', 1, 8, 0, 0, 1, 1],
    ['南县', 1, 7, 0, 0, 1, 1],
    ['桃江县', 1, 7, 0, 0, 0, 0],
    ['安化县', 1, 7, 0, 0, 0, 0],
    ['沅江市', 1, 7, 0, 0, 0, 0],
  ];
  const sum = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const [unit, cu, ch, fu, fh, su, sh] of rows) {
    const figures = [cu, ch, fu, fh, su, sh, cu + fu + su, ch + fh + sh];
    figures.forEach((v, i) => (sum[i] += v));
    ws.addRow([unit, ...figures]);
  }
  ws.addRow(['合计', ...sum]);
  ws.addRow(['备注：此统计表由市州填写，存档一份，上报省一份。']);
  for (let r = 4; r <= ws.rowCount - 1; r++) for (let c = 1; c <= 9; c++) ws.getCell(r, c).border = BORDER;
  await writeBook('stats/益阳市/统计表.xlsx', wb);
}

// ── custom quota tables ─────────────────────────────────────────────────────────────────────

/** 附4 as the source writes it, but with a 合计 row that adds up (the source's 41, 30-100, 20-50 corrected). */
const UNITS = [
  ['省本级', 30, '', 30, 5, '15-20', 5, '5-10'],
  ['长沙市', 15, 85, 100, 5, '10-15', 5, '5-10'],
  ['株洲市', 15, 65, 80, 3, '9-12', 5, '5-10'],
  ['衡阳市', 10, 70, 80, 3, '9-12', 3, '3-8'],
  ['岳阳市', 10, 70, 80, 3, '9-12', 3, '3-8'],
  ['常德市', 10, 70, 80, 3, '9-12', 3, '3-8'],
  ['郴州市', 10, 70, 80, 3, '9-12', 3, '3-8'],
  ['湘潭市', 10, 60, 70, 3, '9-12', 2, '2-5'],
  ['怀化市', 10, 60, 70, 3, '9-12', 2, '2-5'],
  ['邵阳市', 8, 52, 60, 2, '9-12', 2, '2-5'],
  ['娄底市', 8, 52, 60, 2, '5-10', 2, '2-5'],
  ['永州市', 8, 52, 60, 2, '5-10', 2, '2-5'],
  ['益阳市', 6, 44, 50, 2, '5-10', 2, '2-5'],
  ['张家界', 6, 44, 50, 2, '5-10', 2, '2-5'],
  ['湘西州', 6, 44, 50, 2, '5-10', 2, '2-5'],
];
const TOTAL = ['合计', 162, 838, 1000, 43, '122-181', 43, '43-102'];
const NOTES = [
  '1、省慈善总会扶贫点是怀化市溆浦县，省本级与怀化市本级共同确定在溆浦县选择扶贫对象。',
  '2、分配指导建议：市级慈善会3-10户、市级基金会3-5户、市级社会服务机构1-2户；县市区慈善会5-8户、县级基金会2-4户、县级社会服务机构至少1户。',
];
const GRID_HEAD = [
  ['附4：'],
  ['全省慈善组织帮扶任务分配指导建议表（2016年，合计已更正）'],
  ['单位', '慈善系统', '', '', '基金会', '', '社会服务机构', ''],
  ['', '本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数'],
];
/** Rows 1-4 head, 5 省本级, 6 长沙市, 7 株洲市 … 19 湘西州, 20 合计, 21 备注. */
function quotaGrid(edit = (rows) => rows) {
  return [...GRID_HEAD, ...edit(UNITS.map((r) => [...r])), TOTAL, [`备注：${NOTES[0]}`], [NOTES[1]]];
}
const csvText = (grid) => `${grid.map((r) => r.map((v) => (/[,"\n]/u.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n')}\r\n`;
const utf8Bom = (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

async function quotaXlsx(rel, grid) {
  const wb = newBook();
  const ws = wb.addWorksheet('任务分配表');
  ws.columns = [14, 12, 12, 12, 12, 14, 12, 14].map((width) => ({ width }));
  for (const r of grid) ws.addRow(r.map((v) => (v === '' ? null : v)));
  for (const m of ['A2:H2', 'A3:A4', 'B3:D3', 'E3:F3', 'G3:H3']) ws.mergeCells(m);
  for (let r = 3; r <= 20; r++) for (let c = 1; c <= 8; c++) ws.getCell(r, c).border = BORDER;
  await writeBook(rel, wb);
}

writeText('tables/corrected.csv', utf8Bom(csvText(quotaGrid())));
await quotaXlsx('tables/corrected.xlsx', quotaGrid());
const toRow = ([unit, charityLocal, charityCounty, charitySubtotal, foundationOrgs, foundationHouseholds, socialOrgs, socialHouseholds]) => ({
  unit,
  ...(charityLocal !== '' ? { charityLocal } : {}),
  ...(charityCounty !== '' ? { charityCounty } : {}),
  charitySubtotal,
  foundationOrgs,
  foundationHouseholds,
  socialOrgs,
  socialHouseholds,
});
const corrected = {
  name: '全省慈善组织帮扶任务分配指导建议表（2016年，合计已更正）',
  year: 2016,
  province: '湖南省',
  rows: UNITS.map(toRow),
  total: toRow(TOTAL),
  perOrg: [
    { level: 'province', type: 'charity', households: '5-15' },
    { level: 'city', type: 'charity', households: '3-10' },
    { level: 'city', type: 'foundation', households: '3-5' },
    { level: 'city', type: 'social', households: '1-2' },
    { level: 'county', type: 'charity', households: '5-8' },
    { level: 'county', type: 'foundation', households: '2-4' },
    { level: 'county', type: 'social', households: '1以上' },
  ],
  demoSite: { city: '怀化市', county: '溆浦县', units: ['省本级', '怀化市本级'] },
  notes: NOTES,
};
delete corrected.total.unit;
writeText('tables/corrected.json', `${JSON.stringify(corrected, null, 2)}\n`);

// typos: 株洲市 基金会 扶贫户数 written "9-" (cell F7); 长沙市 written 长汐市 (cell A6)
writeText('tables/typo-range.csv', utf8Bom(csvText(quotaGrid((rows) => ((rows[2][5] = '9-'), rows)))));
await quotaXlsx('tables/typo-city.xlsx', quotaGrid((rows) => ((rows[1][0] = '长汐市'), rows)));
const typoJson = structuredClone(corrected);
typoJson.rows[2].foundationHouseholds = '9-';
writeText('tables/typo-range.json', `${JSON.stringify(typoJson, null, 2)}\n`);

console.log(`fixtures/quota: ${written.length} files`);
for (const f of written) console.log(`  ${f}`);
