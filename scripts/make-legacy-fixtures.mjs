// npm run legacy-fixtures: the register fixtures saved as Excel 97-2003 (.xls) and OpenDocument (.ods) by LibreOffice,
// into fixtures/legacy/{xls,ods}/ at the same relative paths (registers/…, ledger/…), for the test that a register read
// from .xls or .ods is reported exactly as the same register read from .xlsx (test/e2e/legacy-formats.test.ts).
//
// Needs LibreOffice (`apt-get install libreoffice-calc-nogui`, `soffice` on the PATH) only when run: the files it makes
// are committed, so tests and CI never need it. Run it again after `npm run fixtures` changes the .xlsx fixtures.
//
// Determinism: LibreOffice writes the same .xls bytes for the same input. An .ods is a zip stamped with the time of
// the run and a rendered thumbnail: it is rewritten here with the entries in LibreOffice's order, fixed dates, no
// thumbnail and the root elements' namespace declarations sorted. What is left to the machine is the list of font
// faces LibreOffice finds installed (content.xml/styles.xml declare them); it changes no cell.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { stampZipDates } from './lib/deterministic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const OUT = path.join(FIXTURES, 'legacy');
/** The folders whose .xlsx registers are converted. */
const SOURCES = ['registers', 'ledger'];
const ZIP_DATE = new Date(Date.UTC(2016, 8, 12, 9, 30, 0));

function soffice() {
  for (const bin of ['soffice', 'libreoffice']) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return bin;
  }
  console.error('make-legacy-fixtures: LibreOffice (soffice) not found. Install it, e.g. apt-get install libreoffice-calc-nogui');
  process.exit(2);
}

function xlsxUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xlsxUnder(abs));
    else if (e.name.endsWith('.xlsx')) out.push(abs);
  }
  return out;
}

// ── a deterministic .ods ─────────────────────────────────────────────────────────────────────

/** The entries of a zip, from its central directory (LibreOffice writes data descriptors, whose sizes are there). */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compSize);
    entries.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** A zip of `entries`: `mimetype` stored, the rest deflated at level 9, no data descriptors, fixed dates. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const stored = e.name === 'mimetype';
    const body = stored ? e.data : zlib.deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(e.data) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(stored ? 0 : 8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(stored ? 0 : 8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return stampZipDates(Buffer.concat([...locals, cd, eocd]), ZIP_DATE);
}

/** Sort the namespace declarations of an XML part's root element (LibreOffice writes them in hash order). */
function sortRootNamespaces(xml) {
  return xml.replace(/<(office:document-[a-z]+) ([^>]*)>/, (_, tag, attrs) => `<${tag} ${(attrs.match(/\S+="[^"]*"/g) ?? []).sort().join(' ')}>`);
}

function deterministicOds(buf) {
  const entries = unzip(buf)
    .filter((e) => !e.name.startsWith('Thumbnails/'))
    .map((e) => (e.name.endsWith('.xml') ? { ...e, data: Buffer.from(sortRootNamespaces(e.data.toString('utf8')), 'utf8') } : e));
  // the manifest must not list the thumbnail that is left out
  for (const e of entries) {
    if (e.name === 'META-INF/manifest.xml') {
      e.data = Buffer.from(e.data.toString('utf8').replace(/\s*<manifest:file-entry[^>]*manifest:full-path="Thumbnails\/[^"]*"[^>]*\/>/g, ''), 'utf8');
    }
  }
  return zip(entries);
}

// ── conversion ───────────────────────────────────────────────────────────────────────────────

const bin = soffice();
const profile = mkdtempSync(path.join(tmpdir(), 'fupin-lo-'));
const work = mkdtempSync(path.join(tmpdir(), 'fupin-legacy-'));
rmSync(OUT, { recursive: true, force: true });
let made = 0;
try {
  const files = SOURCES.flatMap((s) => xlsxUnder(path.join(FIXTURES, s)));
  // one LibreOffice call per source folder and format: starting it is the slow part
  const byDir = new Map();
  for (const f of files) {
    const rel = path.relative(FIXTURES, path.dirname(f));
    if (!byDir.has(rel)) byDir.set(rel, []);
    byDir.get(rel).push(f);
  }
  for (const [rel, group] of byDir) {
    for (const format of ['xls', 'ods']) {
      const tmp = path.join(work, format, rel);
      mkdirSync(tmp, { recursive: true });
      const filter = format === 'xls' ? 'xls:MS Excel 97' : 'ods:calc8';
      const r = spawnSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', tmp, ...group], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (r.status !== 0) throw new Error(`soffice failed for ${rel} (${format}): ${r.stderr}`);
      const dest = path.join(OUT, format, rel);
      mkdirSync(dest, { recursive: true });
      for (const f of group) {
        const name = `${path.basename(f, '.xlsx')}.${format}`;
        const made1 = path.join(tmp, name);
        if (!existsSync(made1)) throw new Error(`soffice made no ${path.join(rel, name)}`);
        const bytes = readFileSync(made1);
        writeFileSync(path.join(dest, name), format === 'ods' ? deterministicOds(bytes) : bytes);
        made++;
      }
    }
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(
  path.join(OUT, 'README.md'),
  `<!-- Generated by scripts/make-legacy-fixtures.mjs: do not edit. -->
# fixtures/legacy/

The .xlsx registers of \`fixtures/registers/\` and \`fixtures/ledger/\` saved by LibreOffice as Excel 97-2003 (\`xls/\`)
and OpenDocument (\`ods/\`), at the same relative paths. \`test/e2e/legacy-formats.test.ts\` checks that fupin reports each
exactly as it reports its .xlsx original (file name and the reader's own \`detected\` entries aside).

Remake with \`npm run legacy-fixtures\` (needs LibreOffice; tests do not).
`,
);
console.log(`make-legacy-fixtures: ${made} files under ${path.relative(ROOT, OUT)}/`);
