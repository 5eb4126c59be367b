// npm run fixtures:situations — the folders a city clerk really gets after weeks of email (issue 10), and the figures a
// correct rollup gives for each, computed here from this script's own data (never by fupin): fixtures/situations/ and
// fixtures/situations-truth.json.
//
//   city/                 怀化市: 市本级, 溆浦县, 辰溪县 — the clean base every situation starts from
//   resent/溆浦县 (1).xlsx  溆浦县 sent again: 2 pairings added, 1 removed, 1 phone changed (a second version)
//   supplement/溆浦县-补报.xlsx  3 more pairings for 溆浦县 (a supplement: counted with the main register)
//   unicode/辰溪县.txt      辰溪县 saved by Excel as "Unicode 文本" (UTF-16, tabs) instead of .xlsx
//   unicode/…              a note, a Word file, a PDF and a picture beside it (passed over, each named)
//   noname/溆浦县.xlsx      溆浦县 with one pairing whose 户主姓名 is empty (left out of the count: exit 1)
//   sheets/怀化市.xlsx      the whole city in one workbook, one sheet per county (and 市本级), named after them
//   tables/怀化市统计表.xlsx  the city's own 附3 as a clerk fills it (its 单位 column in two merged columns)
//
// Deterministic: a seeded PRNG and fixed workbook dates.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/deterministic.mjs';
import { countRow, delimited, registerGrid, totalOf, workbook } from './lib/register-book.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'situations');
const rand = mulberry32(20161201);
const pick = (list) => list[Math.floor(rand() * list.length)];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙朱胡郭何高罗郑梁谢宋唐许邓曹彭曾肖田'];
const GIVEN = [...'秋菊建国春梅志强桂英德明玉兰红军秀珍海涛金花小平'];
const used = new Set();
function person() {
  for (;;) {
    const n = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}
const mobile = () => `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
const PLACES = {
  溆浦县: ['卢峰镇', '桥江镇', '龙潭镇', '低庄镇'],
  辰溪县: ['辰阳镇', '潭湾镇', '孝坪镇'],
};
function household(county) {
  return { name: person(), address: `怀化市${county}${pick(PLACES[county])}${pick(['大湾', '黄茅园', '桐木', '新田'])}村${1 + Math.floor(rand() * 9)}组`, phone: mobile() };
}
/** A pairing: organisation, its type, the household. */
const p = (org, type, h) => ({ org, type, h });

/** A zip with its entries stored (what a Word document is underneath, enough to be recognised as one). */
function storedZip(entries) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const files = [];
function write(rel, buf) {
  const abs = join(OUT, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, buf);
  files.push(rel);
}
const rowsOf = (pairings) => pairings.map((x) => [x.org, x.h.name, x.h.address, x.h.phone]);
const counted = (pairings) => pairings.filter((x) => x.h.name).map((x) => ({ org: x.org, type: x.type, household: x.h.name }));
const sheet = (name, title, unit, pairings) => ({ name, grid: registerGrid({ title, unit, rows: rowsOf(pairings) }), merges: [[1, 1, 1, 5]] });

rmSync(OUT, { recursive: true, force: true });

// ── the base city ─────────────────────────────────────────────────────────────────────────
const cityLevel = [
  ...Array.from({ length: 4 }, () => p('怀化市慈善总会', 'charity', household('溆浦县'))),
  p('怀化市教育基金会', 'foundation', household('辰溪县')),
  p('怀化市阳光社会工作服务中心', 'social', household('溆浦县')),
];
const xupu = [
  ...Array.from({ length: 6 }, () => p('溆浦县慈善会', 'charity', household('溆浦县'))),
  p('溆浦县爱心志愿者协会', 'social', household('溆浦县')),
];
const chenxi = [...Array.from({ length: 5 }, () => p('辰溪县慈善会', 'charity', household('辰溪县'))), p('辰溪县教育发展基金会', 'foundation', household('辰溪县'))];

const TITLE = (county) => `${county}慈善组织精准扶贫结对帮扶登记表`;
write('city/市本级.xlsx', await workbook([sheet('Sheet1', '怀化市本级慈善组织精准扶贫结对帮扶登记表', '怀化市慈善总会', cityLevel)]));
write('city/溆浦县.xlsx', await workbook([sheet('Sheet1', TITLE('溆浦县'), '溆浦县慈善会', xupu)]));
write('city/辰溪县.xlsx', await workbook([sheet('Sheet1', TITLE('辰溪县'), '辰溪县慈善会', chenxi)]));

/** The city table of some registers, as DOMAIN §5 counts it: 市本级, then the counties in the division list's order (辰溪县 before 溆浦县). */
function cityTable(parts) {
  const rows = [countRow('市本级', counted(parts.cityLevel)), countRow('辰溪县', counted(parts.chenxi)), countRow('溆浦县', counted(parts.xupu))];
  return { rows, total: totalOf(rows) };
}
const truth = { base: cityTable({ cityLevel, xupu, chenxi }) };

// ── 溆浦县 sent again, changed ─────────────────────────────────────────────────────────────
const resent = [...xupu.slice(1)]; // the first pairing removed
resent[1] = { ...resent[1], h: { ...resent[1].h, phone: mobile() } }; // a phone corrected
resent.push(p('溆浦县慈善会', 'charity', household('溆浦县')), p('溆浦县慈善会', 'charity', household('溆浦县'))); // two added
write('resent/溆浦县 (1).xlsx', await workbook([sheet('Sheet1', TITLE('溆浦县'), '溆浦县慈善会', resent)]));
truth.resent = { ...cityTable({ cityLevel, xupu: resent, chenxi }), counted: '溆浦县 (1).xlsx', onlyHere: 2, onlyThere: 1, changed: 1 };

// ── a supplement: more pairings for 溆浦县 ───────────────────────────────────────────────────
const extra = Array.from({ length: 3 }, () => p('溆浦县慈善会', 'charity', household('溆浦县')));
write('supplement/溆浦县-补报.xlsx', await workbook([sheet('Sheet1', `${TITLE('溆浦县')}（补报）`, '溆浦县慈善会', extra)]));
truth.supplement = cityTable({ cityLevel, xupu: [...xupu, ...extra], chenxi });

// ── Excel's "Unicode 文本" export, and what else lies in a mailbox folder ─────────────────────
write('unicode/辰溪县.txt', delimited(registerGrid({ title: TITLE('辰溪县'), unit: '辰溪县慈善会', rows: rowsOf(chenxi) }), { delimiter: '\t', encoding: 'utf16le' }));
write('unicode/说明.txt', Buffer.from('各县请于12月20日前报送登记表。\r\n联系人：张科长\r\n', 'utf8'));
write('unicode/通知.docx', storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
write('unicode/通知.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
write('unicode/照片.png', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082', 'hex'));
truth.unicode = { ...truth.base, passedOver: ['说明.txt', '通知.docx', '通知.pdf', '照片.png'] };

// ── a pairing whose 户主姓名 is empty ────────────────────────────────────────────────────────
const noname = [...xupu, p('溆浦县慈善会', 'charity', { name: '', address: '怀化市溆浦县卢峰镇', phone: mobile() })];
write('noname/溆浦县.xlsx', await workbook([sheet('Sheet1', TITLE('溆浦县'), '溆浦县慈善会', noname)]));
truth.noname = { ...truth.base, leftOutRows: 1, row: 4 + noname.length - 1 };

// ── one workbook, one sheet per county ──────────────────────────────────────────────────────
write(
  'sheets/怀化市.xlsx',
  await workbook([
    sheet('市本级', '怀化市本级慈善组织精准扶贫结对帮扶登记表', '怀化市慈善总会', cityLevel),
    // the sheets say nothing of their county but their names (a copied title, a city-wide 填报单位)
    { name: '溆浦县', grid: registerGrid({ title: '怀化市慈善组织精准扶贫结对帮扶登记表', unit: '怀化市慈善总会', rows: rowsOf(xupu) }) },
    { name: '辰溪县', grid: registerGrid({ title: '怀化市慈善组织精准扶贫结对帮扶登记表', unit: '怀化市慈善总会', rows: rowsOf(chenxi) }) },
  ]),
);
truth.sheets = truth.base;

// ── the city's own 附3, 单位 in two merged columns (the level label merged down in A, the names in B) ──────
const fig = (r) => [r.charity.units, r.charity.households, r.foundation.units, r.foundation.households, r.social.units, r.social.households, r.subtotal.units, r.subtotal.households];
const base = truth.base;
write(
  'tables/怀化市统计表.xlsx',
  await workbook([
    {
      name: '附3',
      grid: [
        ['附3：'],
        ['湖南省慈善组织精准扶贫结对帮扶统计表'],
        ['填报单位：怀化市慈善总会（盖章）', null, null, null, null, null, null, null, '填报日期：2016年12月20日'],
        ['单位', null, '慈善系统', null, '基金会', null, '社会服务机构（民非）', null, '小计', null],
        [null, null, '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'],
        ['市本级', null, ...fig(base.rows[0])],
        ['县', '辰溪县', ...fig(base.rows[1])],
        [null, '溆浦县', ...fig(base.rows[2])],
        ['合计', null, ...fig(base.total)],
        ['备注：此统计表由市州填写，存档一份，上报省一份。'],
      ],
      merges: [
        [2, 1, 2, 10],
        [4, 1, 5, 2],
        [4, 3, 4, 4],
        [4, 5, 4, 6],
        [4, 7, 4, 8],
        [4, 9, 4, 10],
        [6, 1, 6, 2],
        [7, 1, 8, 1],
        [9, 1, 9, 2],
      ],
    },
  ]),
);
truth.tables = base;

writeFileSync(join(ROOT, 'fixtures', 'situations-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
console.log(`fixtures/situations: ${files.length} files; truth in fixtures/situations-truth.json`);
