// npm run test:corpus: validates every file of ../shared/corpus (sheetjs/ and xlsx-world/) in one fupin call and prints a
// table of outcomes by reason and format; fails on a crash, a stack trace, a timeout, an unanswered file or a budget overrun.
//
// Usage: node scripts/test-corpus.mjs [CORPUS_DIR]   (default: ../shared/corpus beside the repository)
// Skips with a message (exit 0) when the folder does not exist; when it exists, both sheetjs/ and xlsx-world/ must be
// there. Exit 1 when fupin crashed, printed a stack trace, timed out, printed no JSON, left a spreadsheet file without an
// answer, or went over the time or memory budget. Exit 2 from fupin is expected here: none of the corpus files is a
// register, so "nothing could be read" is the right verdict.
//
// Outcomes: "read" means fupin got the workbook's cells (it then says "not a register", or "no cells" for a workbook
// with none); "refused: RULE" means it could not read the file and said why (an encrypted, broken or unsupported file).
// Peak memory is measured with GNU time (/usr/bin/time) when it is installed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'corpus'));
const PARTS = ['sheetjs', 'xlsx-world'];
/** Budgets for the whole run (1,407 files, 2 cores): measured 40 s and 0.7 GiB on a loaded machine (issue 16). */
const TIMEOUT_MS = 180_000;
const MAX_RSS_MB = 1536;
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
/** What fupin's walker reads or refuses by name (src/io/walk.ts SPREADSHEET_EXTENSIONS), grouped by format for the table. */
const FORMAT_OF = {
  '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xltx': 'xlsx', '.xltm': 'xlsx',
  '.xls': 'xls', '.xlt': 'xls', '.et': 'et', '.ett': 'et', '.ods': 'ods', '.fods': 'ods',
  '.xlsb': 'xlsb', '.numbers': 'numbers', '.csv': 'csv', '.tsv': 'csv',
};
const FORMATS = ['xlsx', 'xls', 'et', 'ods', 'xlsb', 'numbers', 'csv'];
/** The formats issue 16 brought in: counted on their own line, before/after. */
const LEGACY = new Set(['xls', 'et', 'ods', 'xlsb']);

if (!existsSync(CORPUS) || !statSync(CORPUS).isDirectory()) {
  console.log(`test:corpus: ${CORPUS} not found — skipped (CI puts shared/ beside the clone)`);
  process.exit(0);
}
const failures = [];
for (const p of PARTS) if (!existsSync(join(CORPUS, p))) failures.push(`${join(CORPUS, p)} is missing`);

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(abs));
    else if (e.isFile()) out.push(relative(CORPUS, abs).split(sep).join('/'));
  }
  return out;
}
const all = walk(CORPUS);
const expected = all.filter((f) => FORMAT_OF[extname(f).toLowerCase()]);

// one call over the whole corpus, under GNU time when there is one (peak resident memory of fupin itself)
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const tmp = mkdtempSync(join(tmpdir(), 'fupin-corpus-'));
const timeOut = join(tmp, 'time.txt');
const fupin = [join(ROOT, 'bin', 'fupin.js'), 'validate', '--format', 'json', '--lang', 'en', CORPUS];
const [cmd, args] = timeBin ? [timeBin, ['-o', timeOut, '-f', '%M %e', process.execPath, ...fupin]] : [process.execPath, fupin];
const t0 = Date.now();
const r = spawnSync(cmd, args, {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  maxBuffer: 256 * 1024 * 1024,
  timeout: TIMEOUT_MS,
});
const seconds = (Date.now() - t0) / 1000;
let peakMb;
if (timeBin && existsSync(timeOut)) {
  const m = /(\d+) [\d.]+\s*$/.exec(readFileSync(timeOut, 'utf8'));
  if (m) peakMb = Math.round(Number(m[1]) / 1024);
}
rmSync(tmp, { recursive: true, force: true });

if (r.error?.code === 'ETIMEDOUT') failures.push(`timed out after ${TIMEOUT_MS / 1000} s`);
else if (r.signal) failures.push(`killed by ${r.signal}`);
// 2 is right when nothing in the folder is a register (DOMAIN §10): the JSON document must still be there
if (r.status !== 0 && r.status !== 1 && r.status !== 2 && !r.signal) failures.push(`exit code ${r.status} (0, 1 or 2 expected)`);
if (STACK_LINE.test(r.stderr ?? '') || STACK_LINE.test(r.stdout ?? '')) failures.push('a stack trace was printed');
if (peakMb !== undefined && peakMb > MAX_RSS_MB) failures.push(`peak memory ${peakMb} MiB, over the budget of ${MAX_RSS_MB} MiB`);

let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  failures.push('no JSON document on stdout');
}

const byFile = new Map();
for (const f of report?.files ?? []) {
  if (!byFile.has(f.file)) byFile.set(f.file, []);
  byFile.get(f.file).push(f);
}

/** How fupin answered one file: read (its cells were got) or refused with the rule of its file-level error. */
function outcomeOf(reports) {
  if (reports.some((x) => x.sheet !== undefined)) return 'read: register';
  const p = reports[0].problems.find((q) => q.row === undefined && q.severity === 'error');
  if (!p) return 'read: register';
  if (p.rule === 'file-not-register') return 'read: not a register';
  // file-empty is both "0 bytes" (nothing to read) and "a workbook without cells" (read, and empty)
  if (p.rule === 'file-empty' && reports[0].detected?.format?.value !== 'empty') return 'read: no cells';
  return `refused: ${p.rule}`;
}

const table = new Map(); // outcome -> format -> count
const examples = new Map();
const legacy = { read: 0, refused: 0 };
for (const file of expected) {
  const format = FORMAT_OF[extname(file).toLowerCase()];
  const reports = byFile.get(file);
  let outcome;
  if (!reports) {
    outcome = '(no answer)';
    failures.push(`no answer for ${file}`);
  } else {
    outcome = outcomeOf(reports);
    if (outcome.startsWith('refused') && !examples.has(`${outcome} ${format}`)) {
      examples.set(`${outcome} ${format}`, `${file}: ${reports[0].problems[0].message}`);
    }
  }
  if (!table.has(outcome)) table.set(outcome, new Map());
  const row = table.get(outcome);
  row.set(format, (row.get(format) ?? 0) + 1);
  if (LEGACY.has(format)) legacy[outcome.startsWith('read') ? 'read' : 'refused']++;
}

const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
const rows = [...table].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const w = Math.max(...rows.map(([k]) => k.length), 'outcome'.length);
const line = (label, cells) => `${label.padEnd(w)}  ${cells.map((c) => String(c).padStart(8)).join('')}`;
const perPart = PARTS.map((p) => `${p}/ ${expected.filter((f) => f.startsWith(`${p}/`)).length}`).join(', ');
console.log(`corpus: ${CORPUS}`);
console.log(`${expected.length} spreadsheet files (${perPart}; ${all.length - expected.length} other files passed over)`);
console.log(`one call: ${seconds.toFixed(1)} s wall, peak memory ${peakMb !== undefined ? `${peakMb} MiB` : 'not measured (no /usr/bin/time)'}, exit ${r.status ?? r.signal}\n`);
console.log(line('outcome', [...FORMATS, 'total']));
console.log(`${'-'.repeat(w)}  ${'-'.repeat(8 * (FORMATS.length + 1))}`);
for (const [k, m] of rows) console.log(line(k, [...FORMATS.map((f) => m.get(f) ?? ''), sum(m)]));
const totals = FORMATS.map((f) => rows.reduce((n, [, m]) => n + (m.get(f) ?? 0), 0));
console.log(line('total', [...totals, totals.reduce((a, b) => a + b, 0)]));
console.log(`\n.xls/.et/.ods/.xlsb: ${legacy.read} read, ${legacy.refused} refused`);
console.log('\nexample refusals:');
for (const [k, ex] of [...examples].sort()) console.log(`  ${k}: ${ex.slice(0, 200)}`);
if (failures.length) {
  console.error(`\ntest:corpus FAILED:\n  ${failures.slice(0, 30).join('\n  ')}`);
  if (r.stderr) console.error(`\nstderr (first lines):\n${r.stderr.split('\n').slice(0, 15).join('\n')}`);
  process.exit(1);
}
console.log(`\ntest:corpus passed: every file answered, no crash, no stack trace, within ${TIMEOUT_MS / 1000} s and ${MAX_RSS_MB} MiB`);
