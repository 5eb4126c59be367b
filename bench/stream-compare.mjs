// Compares the whole-file CSV path with the streaming prototype (src/io/csv-stream.ts + src/core/stream.ts) on one CSV: same problems? time and peak memory of each.
// Usage: node bench/stream-compare.mjs FILE.csv   (needs dist/: npm run build)   — or, internally, node bench/stream-compare.mjs --child whole|stream FILE
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(ROOT, 'dist', p));

async function child(mode, file) {
  const abs = path.resolve(file);
  const t0 = performance.now();
  const { loadDivisions } = await dist('io/divisions.js');
  const { resolveArea } = await dist('core/area.js');
  const { allRules } = await dist('core/rules/index.js');
  const divisions = await loadDivisions();
  const pathSegments = abs.split(path.sep).filter(Boolean);
  const areaOf = (titleLines) => resolveArea({ pathSegments, sheetLines: titleLines }, divisions);
  const options = { strict: false, divisions };
  const skip = new Set((process.env.RULES_EXCLUDE ?? '').split(',').filter(Boolean));
  const rules = allRules.filter((r) => !skip.has(r.meta.id));
  let rows = 0;
  let problems = [];
  if (mode === 'whole') {
    const { loadFile } = await dist('io/load.js');
    const { findRegisters, validateRegisters } = await dist('core/inspect.js');
    const { areaLabel } = await dist('core/area.js');
    const loaded = await loadFile({ abs, display: file, explicit: true });
    const found = findRegisters(loaded, areaOf);
    for (const r of validateRegisters(found, file, loaded.detected, rules, options, areaLabel)) {
      rows += r.rows;
      problems.push(...r.problems);
    }
  } else {
    const { streamCsvRows } = await dist('io/csv-stream.js');
    const { RegisterStream } = await dist('core/stream.js');
    const s = new RegisterStream({
      sheetName: path.basename(abs, path.extname(abs)),
      ctx: { file, format: 'csv', area: { level: 'unknown', source: 'none' }, detected: {} },
      rules,
      options,
      areaOf,
    });
    await streamCsvRows(abs, (row) => s.push(row));
    for (const r of s.end().registers) {
      rows += r.rowCount;
      problems.push(...r.problems);
    }
  }
  const ms = performance.now() - t0;
  const digest = createHash('sha1').update(JSON.stringify(problems.map((p) => [p.rule, p.messageId, p.row, p.cell, p.severity, p.data]))).digest('hex');
  process.stdout.write(JSON.stringify({ mode, ms: Math.round(ms), rows, problems: problems.length, digest, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  const file = process.argv[2];
  const out = {};
  for (const mode of ['whole', 'stream']) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    out[mode] = JSON.parse(r.stdout);
    console.log(out[mode]);
  }
  const same = out.whole.digest === out.stream.digest && out.whole.rows === out.stream.rows;
  console.log(same ? 'same rows and problems' : 'DIFFERENT results');
  process.exit(same ? 0 : 1);
}
