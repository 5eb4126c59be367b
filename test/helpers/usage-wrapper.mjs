// Runs a node script in this process and, on exit, writes what it used to a JSON file: peak memory (KiB) and CPU time
// (ms, user + system). CPU time, unlike the wall clock, does not grow when other jobs load the machine.
// Usage: node test/helpers/usage-wrapper.mjs OUT_FILE SCRIPT [ARGS...]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...rest] = process.argv.slice(2);
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
});
process.argv = [process.argv[0], resolve(script), ...rest];
await import(pathToFileURL(resolve(script)).href);
