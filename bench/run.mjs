// Benchmark runner (npm run bench): times fupin against the tools a user would otherwise use, prints the table and writes bench/out/results.json.
//
// Usage: node bench/run.mjs [--runs 3] [--only csvUtf8,r50k] [--no-baselines]
//
// Each command runs as a child process; its wall time is measured around the spawn and its peak memory
// is the child's max RSS (`/usr/bin/time -f %M` when present, else the child reports its own
// getrusage maxRSS through a small wrapper). Every figure is the median of the runs. Baselines missing on
// this machine (python3, openpyxl) are named and skipped; a fupin command that does not exist yet
// (rollup while it is being written) is reported as unavailable, not as a failure.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, generateRoster, OUT } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FUPIN = join(ROOT, 'bin', 'fupin.js');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(flag('--runs') ?? process.env.BENCH_RUNS ?? 3));
const ONLY = flag('--only')?.split(',');
const NO_BASELINES = args.includes('--no-baselines');
/** A command slower than this on its first run is not repeated: the whole bench must stay under 5 minutes. */
const REPEAT_LIMIT_MS = 45_000;
/** No single run may take longer than this. */
const RUN_TIMEOUT_MS = 120_000;

const hasTime = existsSync(TIME);
const tmp = join(OUT, 'tmp');

/** Python programs of the baselines: each prints the number of rows it read. */
const PY_CSV = `
import csv, sys
n = 0
with open(sys.argv[1], encoding=sys.argv[2], newline='') as f:
    for row in csv.reader(f):
        n += 1
print(n)
`;
const PY_OPENPYXL = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += 1
print(n)
`;
const PY_OPENPYXL_TREE = `
import os, sys, openpyxl
files = rows = 0
for root, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        if not name.endswith('.xlsx'):
            continue
        wb = openpyxl.load_workbook(os.path.join(root, name), read_only=True, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                rows += 1
        wb.close()
        files += 1
print(files, rows)
`;
/** Fallback when /usr/bin/time is absent: the child prints its own peak RSS (KiB) on stderr's last line. */
const PY_RSS_SUFFIX = `
import resource
sys.stderr.write('\\n@maxrss %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;
const NODE_RSS_WRAPPER = join(ROOT, 'bench', 'rss-wrapper.mjs');

function pythonHas(module) {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Run a command once: wall ms, peak RSS in KiB, exit status, stderr. */
function runOnce(cmd, cmdArgs, { cwd = ROOT, lang = 'node' } = {}) {
  mkdirSync(tmp, { recursive: true });
  const rssFile = join(tmp, 'rss.txt');
  rmSync(rssFile, { force: true });
  let argv;
  if (hasTime) {
    argv = [TIME, ['-f', '%M', '-o', rssFile, cmd, ...cmdArgs]];
  } else if (lang === 'node') {
    argv = [process.execPath, [NODE_RSS_WRAPPER, rssFile, ...cmdArgs]];
  } else {
    argv = [cmd, cmdArgs];
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * MiB, timeout: RUN_TIMEOUT_MS });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stderr = r.stderr?.toString('utf8') ?? '';
  let rssKiB;
  if (existsSync(rssFile)) rssKiB = Number(readFileSync(rssFile, 'utf8').trim().split(/\s+/).pop());
  const m = /@maxrss (\d+)/.exec(stderr);
  if (m) rssKiB = Number(m[1]);
  return { ms, rssKiB, status: r.status, signal: r.signal, timedOut: r.error?.code === 'ETIMEDOUT', stdout: r.stdout?.toString('utf8') ?? '', stderr };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median wall time and peak memory of several runs; `ok` decides whether a run counts. */
function measure(label, cmd, cmdArgs, opts = {}, ok = (r) => r.status === 0) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = runOnce(cmd, cmdArgs, opts);
    if (!ok(r)) {
      return { label, available: false, reason: r.timedOut ? `timeout after ${RUN_TIMEOUT_MS / 1000} s` : firstLine(r.stderr) || `exit ${r.status ?? r.signal}`, status: r.status };
    }
    runs.push(r);
    process.stderr.write(`    ${label}: ${(r.ms / 1000).toFixed(2)} s, ${r.rssKiB ? (r.rssKiB / 1024).toFixed(0) + ' MiB' : '? MiB'}\n`);
    if (r.ms > REPEAT_LIMIT_MS) break;
  }
  return {
    label,
    available: true,
    runs: runs.length,
    ms: median(runs.map((r) => r.ms)),
    peakMiB: median(runs.map((r) => (r.rssKiB ? r.rssKiB / 1024 : undefined))),
    stdout: runs[0].stdout,
  };
}

function firstLine(s) {
  return s.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('Command exited')) ?? '';
}

function python(script, scriptArgs) {
  return [PYTHON, ['-c', hasTime ? script : script + PY_RSS_SUFFIX, ...scriptArgs], { lang: 'python' }];
}

/** fupin exits 0 (clean) or 1 (problems found); 2 means it could not do the job. */
const fupinOk = (r) => (r.status === 0 || r.status === 1) && r.stdout.length > 0;

function fupin(...cmdArgs) {
  return [process.execPath, [FUPIN, ...cmdArgs], { lang: 'node' }];
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('bench: dist/ is missing — run `npm run build` first (npm ci does it through `prepare`)');
    process.exit(2);
  }
  const started = Date.now();
  console.error('bench: generating inputs (bench/out/, skipped when up to date) …');
  const manifest = await generate({ log: (s) => console.error(s) });
  const c = manifest.cases;

  const missing = [];
  const havePython = existsSync(PYTHON);
  const haveOpenpyxl = havePython && pythonHas('openpyxl');
  if (!havePython) missing.push(`${PYTHON} (Python csv baselines)`);
  else if (!haveOpenpyxl) missing.push('openpyxl (apt-get install python3-openpyxl) — openpyxl baselines');
  if (!hasTime) console.error(`bench: ${TIME} not found: peak memory comes from the children's own getrusage`);

  const baselines = {};
  const baseline = (key, label, spec, available) => {
    if (NO_BASELINES || !available) return undefined;
    if (!(key in baselines)) {
      console.error(`  baseline ${label} …`);
      baselines[key] = measure(label, spec[0], spec[1], spec[2]);
      if (!baselines[key].available) missing.push(`${label}: ${baselines[key].reason}`);
    }
    return baselines[key].available ? baselines[key] : undefined;
  };

  const CASES = [
    {
      key: 'r50',
      name: 'validate 50-row xlsx',
      input: c.r50,
      run: fupin('validate', '--format', 'json', c.r50.path),
      base: () => baseline('node0', 'node -e 0', [process.execPath, ['-e', '0'], { lang: 'node' }], true),
      maxRatio: 3,
    },
    {
      key: 'r50k',
      name: 'validate 50k-row xlsx',
      input: c.r50k,
      run: fupin('validate', '--format', 'json', c.r50k.path),
      base: () => baseline('openpyxl50k', 'openpyxl read-only', python(PY_OPENPYXL, [c.r50k.path]), haveOpenpyxl),
      maxRatio: 0.5,
      maxMiB: 400,
    },
    {
      key: 'csvUtf8',
      name: 'validate 200k-row CSV UTF-8',
      input: c.csvUtf8,
      run: fupin('validate', '--format', 'json', c.csvUtf8.path),
      base: () => baseline('pycsvUtf8', 'python csv (utf-8)', python(PY_CSV, [c.csvUtf8.path, 'utf-8-sig']), havePython),
      maxRatio: 3,
      maxMiB: 300,
    },
    {
      key: 'csvGbk',
      name: 'validate 200k-row CSV GBK',
      input: c.csvGbk,
      run: fupin('validate', '--format', 'json', c.csvGbk.path),
      base: () => baseline('pycsvGbk', 'python csv (gb18030)', python(PY_CSV, [c.csvGbk.path, 'gb18030']), havePython),
      maxRatio: 3,
      maxMiB: 300,
    },
    {
      key: 'province',
      name: `rollup province (${c.province.files} files)`,
      input: c.province,
      run: fupin('rollup', '--format', 'json', c.province.path),
      base: () => baseline('openpyxlTree', 'openpyxl script, all files', python(PY_OPENPYXL_TREE, [c.province.path]), haveOpenpyxl),
      maxRatio: 1,
    },
    {
      // issue 14: a 100k-household roster against the example ledger adds under 1 s to validate
      key: 'roster',
      name: 'validate example ledger + 100k roster',
      input: { rows: 100_000, bytes: 0 },
      run: fupin('validate', '--format', 'json', join(ROOT, 'fixtures', 'ledger'), '--roster', generateRoster().path),
      base: () => measure('fupin validate example ledger', ...fupin('validate', '--format', 'json', join(ROOT, 'fixtures', 'ledger')), fupinOk),
      maxAddMs: 1000,
    },
  ].filter((k) => !ONLY || ONLY.includes(k.key));

  const results = [];
  for (const k of CASES) {
    console.error(`  ${k.name} …`);
    const f = measure(`fupin ${k.key}`, k.run[0], k.run[1], k.run[2], fupinOk);
    const b = k.base();
    const row = {
      key: k.key,
      case: k.name,
      rows: k.input.rows,
      bytes: k.input.bytes,
      available: f.available,
      ...(f.available
        ? {
            ms: round(f.ms),
            runs: f.runs,
            peakMiB: round(f.peakMiB),
            rowsPerSec: round(k.input.rows / (f.ms / 1000)),
            mbPerSec: round(k.input.bytes / MiB / (f.ms / 1000), 2),
          }
        : { reason: f.reason }),
      baseline: b ? { name: b.label, ms: round(b.ms), peakMiB: round(b.peakMiB), runs: b.runs } : undefined,
      target: { maxRatio: k.maxRatio, ...(k.maxMiB ? { maxMiB: k.maxMiB } : {}) },
    };
    if (f.available && b) row.ratio = round(f.ms / b.ms, 2);
    if (f.available && b && k.maxAddMs !== undefined) row.addedMs = round(f.ms - b.ms);
    if (f.available) {
      const timeMet = k.maxAddMs !== undefined ? (row.addedMs === undefined ? undefined : row.addedMs <= k.maxAddMs) : row.ratio === undefined ? undefined : row.ratio <= k.maxRatio;
      const memMet = k.maxMiB === undefined || row.peakMiB === undefined ? undefined : row.peakMiB <= k.maxMiB;
      row.met = timeMet === false || memMet === false ? false : timeMet === undefined && memMet === undefined ? undefined : timeMet ?? memMet;
      row.timeMet = timeMet;
      row.memMet = memMet;
    }
    results.push(row);
  }

  printTable(results);
  if (missing.length) console.log(`\nbaselines not measured: ${missing.join('; ')}`);
  const doc = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    runsPerCase: RUNS,
    peakMemory: hasTime ? '/usr/bin/time -f %M' : 'child getrusage',
    missingBaselines: missing,
    seconds: round((Date.now() - started) / 1000, 1),
    results,
  };
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(doc, null, 2) + '\n');
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\nresults: bench/out/results.json (${doc.seconds} s in all, median of ${RUNS} run(s) per command)`);
}

function round(x, d = 0) {
  if (x === undefined) return undefined;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function printTable(rows) {
  const secs = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
  const head = ['case', 'fupin', 'baseline', 'base time', 'ratio', 'target', 'met?', 'rows/s', 'MB/s', 'peak MiB'];
  const body = rows.map((r) => {
    const target = `≤ ${r.target.maxRatio}×${r.target.maxMiB ? `, ≤ ${r.target.maxMiB} MiB` : ''}`;
    if (!r.available) return [r.case, 'unavailable', r.baseline?.name ?? '—', secs(r.baseline?.ms), '—', target, '—', '—', '—', `(${r.reason})`.slice(0, 60)];
    const met = r.met === undefined ? '?' : r.met ? 'yes' : `NO${r.timeMet === false ? ' (time)' : ''}${r.memMet === false ? ' (mem)' : ''}`;
    return [
      r.case,
      secs(r.ms),
      r.baseline?.name ?? '— (not found)',
      secs(r.baseline?.ms),
      r.ratio === undefined ? '—' : `${r.ratio}×`,
      target,
      met,
      String(r.rowsPerSec),
      String(r.mbPerSec),
      r.peakMiB === undefined ? '?' : `${r.peakMiB}${r.baseline?.peakMiB !== undefined ? ` (base ${r.baseline.peakMiB})` : ''}`,
    ];
  });
  const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))));
  const line = (cells) => cells.map((s, i) => s + ' '.repeat(widths[i] - width(s))).join('  ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

await main();
