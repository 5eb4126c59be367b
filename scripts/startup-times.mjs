// Start-up time of the executables in release/ against `node bin/fupin.js` and `node dist/fupin.cjs`: each command's
// wall time, runs interleaved (every program once per round) so a busy machine slows all of them alike; the median.
//   node scripts/startup-times.mjs [--runs 7] [--exe LABEL=PATH ...]
// Two tasks: `--version` (start-up alone) and `validate fixtures/ledger/省本级.xlsx` (a 55-row register). The Windows
// executable is timed under Wine when wine is installed: that figure includes Wine's own start, not Windows'.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const extra = args.flatMap((a, i) => (args[i - 1] === '--exe' ? [a.split('=')] : []));

// the Wine prefix test/release/wine.test.ts made (Windows 10)
const WINEPREFIX = process.env.FUPIN_WINE_PREFIX ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'fupin-release', 'wine-prefix');
const env = { ...process.env, NO_COLOR: '1', WINEDEBUG: '-all', WINEPREFIX, WINEDLLOVERRIDES: 'mscoree,mshtml=' };

const programs = [
  ['node bin/fupin.js', [process.execPath, path.join(root, 'bin/fupin.js')]],
  ['node dist/fupin.cjs', [process.execPath, path.join(root, 'dist/fupin.cjs')]],
  ['release/fupin-linux-x64', [path.join(root, 'release/fupin-linux-x64')]],
  ...extra.map(([label, file]) => [label, [path.resolve(file)]]),
];
const wine = spawnSync('wine', ['--version']).status === 0 && existsSync(path.join(root, 'release/fupin-win-x64.exe')) && existsSync(WINEPREFIX);
if (wine) {
  programs.push(['wine release/fupin-win-x64.exe', ['wine', path.join(root, 'release/fupin-win-x64.exe')]]);
  spawnSync('wineserver', ['-p60'], { env, stdio: 'ignore' }); // one wineserver for all runs: what is timed is the program, not Wine's start
}
const present = programs.filter(([, cmd]) => cmd[0] === 'wine' || existsSync(cmd.at(-1)));

const tasks = [
  ['--version', ['--version']],
  ['validate 55-row register', ['validate', 'fixtures/ledger/省本级.xlsx']],
];

const times = new Map();
for (let r = 0; r < runs; r++) {
  for (const [task, targs] of tasks) {
    for (const [label, cmd] of present) {
      const t0 = process.hrtime.bigint();
      // Wine's pipes break Node's stdio: its output goes nowhere ('ignore' is a null device, not a pipe)
      const res = spawnSync(cmd[0], [...cmd.slice(1), ...targs], { cwd: root, env, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 0 && res.status !== 1) throw new Error(`${label} ${targs.join(' ')} exited ${res.status}`);
      const key = `${task}\u0000${label}`;
      times.set(key, [...(times.get(key) ?? []), ms]);
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
process.stdout.write(`median of ${runs} interleaved runs (ms)\n\n| program | ${tasks.map(([t]) => t).join(' | ')} |\n|---|${tasks.map(() => '---:').join('|')}|\n`);
for (const [label] of present) {
  process.stdout.write(`| ${label} | ${tasks.map(([t]) => Math.round(median(times.get(`${t}\u0000${label}`)))).join(' | ')} |\n`);
}
if (wine) spawnSync('wineserver', ['-k'], { env, stdio: 'ignore' });
