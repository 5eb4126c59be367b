// Runs a node script (or `-e code`) in this process and, on exit, writes the process's peak RSS in KiB to a file: the bench's fallback when /usr/bin/time is absent.
// Usage: node bench/rss-wrapper.mjs OUT_FILE (SCRIPT | -e CODE) [ARGS...]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, first, ...rest] = process.argv.slice(2);
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
if (first === '-e') {
  new Function(rest[0] ?? '')();
} else {
  process.argv = [process.argv[0], resolve(first), ...rest];
  await import(pathToFileURL(resolve(first)).href);
}
