// npm run legacy-fixtures: the register fixtures saved as Excel 97-2003 (.xls) and OpenDocument (.ods) by LibreOffice,
// into fixtures/legacy/{xls,ods}/ at the same relative paths (registers/…, ledger/…), for the test that a register read
// from .xls or .ods is reported exactly as the same register read from .xlsx (test/e2e/legacy-formats.test.ts).
//
// Needs LibreOffice (`apt-get install libreoffice-calc-nogui`, `soffice` on the PATH) only when run: the files it makes
// are committed, so tests and CI never need it. Run it again after `npm run fixtures` changes the .xlsx fixtures.
// Reads zips with fupin's own reader (dist/io/zip.js): `npm run build` first.
//
// Determinism: LibreOffice writes the fonts it finds installed into both formats (as fallbacks), so it is shown only
// the DejaVu fonts it depends on (a fontconfig of that one folder); then it writes the same .xls bytes for the same
// input. An .ods is a zip stamped with the time of the run and a rendered thumbnail: it is rewritten here with the
// entries in LibreOffice's order, fixed dates, no thumbnail, and what LibreOffice writes in hash order (namespace
// declarations, master pages) sorted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZipArchive } from '../dist/io/zip.js';
import { zip } from './lib/zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const OUT = path.join(FIXTURES, 'legacy');
/** The folders whose .xlsx registers are converted. */
const SOURCES = ['registers', 'ledger'];

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

/** What LibreOffice writes in hash order: the root element's namespace declarations, the master pages (one per sheet). */
function sortHashOrdered(xml) {
  return xml
    .replace(/<(office:document-[a-z]+) ([^>]*)>/, (_, tag, attrs) => `<${tag} ${(attrs.match(/\S+="[^"]*"/g) ?? []).sort().join(' ')}>`)
    .replace(/(<office:master-styles>)([\s\S]*?)(<\/office:master-styles>)/, (_, open, body, close) => {
      const pages = body.match(/<style:master-page[\s\S]*?<\/style:master-page>/g) ?? [];
      return pages.join('') === body ? open + [...pages].sort().join('') + close : open + body + close;
    });
}

/** The entries of an .ods as fupin's own zip reader reads them (LibreOffice writes data descriptors: their sizes are in the directory). */
function unzip(buf) {
  const archive = ZipArchive.open(buf, { maxUncompressedBytes: 512 * 1024 * 1024, maxCompressionRatio: 1000 });
  return archive.entries().map((e) => ({ name: e.name, data: Buffer.from(archive.read(e)) }));
}

/** mimetype first and stored (as ODF requires), the rest deflated; fixed dates (scripts/lib/zip.mjs). */
function deterministicOds(buf) {
  const entries = unzip(buf)
    .filter((e) => !e.name.startsWith('Thumbnails/'))
    .map((e) => (e.name.endsWith('.xml') ? { ...e, data: Buffer.from(sortHashOrdered(e.data.toString('utf8')), 'utf8') } : e));
  // the manifest must not list the thumbnail that is left out
  for (const e of entries) {
    if (e.name === 'META-INF/manifest.xml') {
      e.data = Buffer.from(e.data.toString('utf8').replace(/\s*<manifest:file-entry[^>]*manifest:full-path="Thumbnails\/[^"]*"[^>]*\/>/g, ''), 'utf8');
    }
  }
  return zip(entries.map((e) => (e.name === 'mimetype' ? { ...e, method: 0 } : e)));
}

// ── conversion ───────────────────────────────────────────────────────────────────────────────

/** The fonts LibreOffice may see: the DejaVu fonts it is installed with, nothing else the machine has. */
const FONTS = '/usr/share/fonts/truetype/dejavu';

const bin = soffice();
if (!existsSync(FONTS)) {
  console.error(`make-legacy-fixtures: ${FONTS} not found (LibreOffice installs it: fonts-dejavu-core)`);
  process.exit(2);
}
const profile = mkdtempSync(path.join(tmpdir(), 'fupin-lo-'));
const fontsConf = path.join(profile, 'fonts.conf');
writeFileSync(fontsConf, `<?xml version="1.0"?>\n<fontconfig><dir>${FONTS}</dir><cachedir>${path.join(profile, 'fc-cache')}</cachedir></fontconfig>\n`);
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
        env: { ...process.env, FONTCONFIG_FILE: fontsConf },
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
