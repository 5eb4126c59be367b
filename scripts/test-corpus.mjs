// npm run test:corpus: validates every file of ../shared/corpus in one fupin call and counts read vs refused, by reason; fails on a crash, a stack trace, a timeout or an unanswered file.
//
// Usage: node scripts/test-corpus.mjs [CORPUS_DIR]   (default: ../shared/corpus beside the repository)
// Skips with a message (exit 0) when the folder does not exist. Exit 1 when fupin crashed, printed a stack
// trace, timed out, printed no JSON, or left a spreadsheet file without an answer. Exit 2 from fupin is
// expected here: none of the corpus files is a register, so "nothing could be read" is the right verdict.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'corpus'));
const TIMEOUT_MS = 180_000;
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
/** What fupin's walker reads or refuses by name (src/io/walk.ts SPREADSHEET_EXTENSIONS); others are passed over. */
const SPREADSHEET = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.csv', '.tsv', '.xls', '.xlt', '.et', '.ett', '.ods', '.fods', '.xlsb', '.numbers']);

if (!existsSync(CORPUS) || !statSync(CORPUS).isDirectory()) {
  console.log(`test:corpus: ${CORPUS} not found — skipped (CI puts shared/ beside the clone)`);
  process.exit(0);
}

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
const expected = all.filter((f) => SPREADSHEET.has(extname(f).toLowerCase()));

const t0 = Date.now();
const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'fupin.js'), 'validate', '--format', 'json', CORPUS], {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  maxBuffer: 256 * 1024 * 1024,
  timeout: TIMEOUT_MS,
});
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
const failures = [];
if (r.error?.code === 'ETIMEDOUT') failures.push(`timed out after ${TIMEOUT_MS / 1000} s`);
else if (r.signal) failures.push(`killed by ${r.signal}`);
// 2 is right when nothing in the folder is a register (DOMAIN §10): the JSON document must still be there
if (r.status !== 0 && r.status !== 1 && r.status !== 2 && !r.signal) failures.push(`exit code ${r.status} (0, 1 or 2 expected)`);
if (STACK_LINE.test(r.stderr ?? '') || STACK_LINE.test(r.stdout ?? '')) failures.push('a stack trace was printed');

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

/** A file is read when one of its reports is a register; otherwise refused by its file-level problem's rule. */
const outcome = new Map(); // reason -> files
const examples = new Map();
for (const file of expected) {
  const reports = byFile.get(file);
  let reason;
  if (!reports) {
    reason = '(no answer)';
    failures.push(`no answer for ${file}`);
  } else {
    const refusal = reports.every((x) => x.rows === 0 && x.problems.some((p) => p.row === undefined && p.severity === 'error'));
    reason = refusal ? `refused: ${reports[0].problems.find((p) => p.row === undefined && p.severity === 'error').rule}` : 'read';
    if (refusal && !examples.has(reason)) examples.set(reason, `${file}: ${reports[0].problems[0].message}`);
  }
  outcome.set(reason, (outcome.get(reason) ?? 0) + 1);
}

const rows = [...outcome].sort((a, b) => b[1] - a[1]);
const w = Math.max(...rows.map(([k]) => k.length), 10);
console.log(`corpus: ${CORPUS}`);
console.log(`${expected.length} spreadsheet files (${all.length - expected.length} other files passed over), one call, ${seconds} s, exit ${r.status ?? r.signal}\n`);
console.log(`${'outcome'.padEnd(w)}  files`);
console.log(`${'-'.repeat(w)}  -----`);
for (const [k, n] of rows) console.log(`${k.padEnd(w)}  ${String(n).padStart(5)}`);
console.log('\nexample refusals:');
for (const [k, ex] of examples) console.log(`  ${k}: ${ex.slice(0, 160)}`);
if (failures.length) {
  console.error(`\ntest:corpus FAILED:\n  ${failures.slice(0, 30).join('\n  ')}`);
  if (r.stderr) console.error(`\nstderr (first lines):\n${r.stderr.split('\n').slice(0, 15).join('\n')}`);
  process.exit(1);
}
console.log('\ntest:corpus passed: every file answered, no crash, no stack trace');
