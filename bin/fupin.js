#!/usr/bin/env node
// Entry point: hands argv to the CLI layer and turns its result into the process exit code.
// dist/bundle is dist/cli bundled by scripts/bundle.mjs (faster start-up); both are made by `npm run build`.
import { run } from '../dist/bundle/main.js';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // run() reports its own failures; this is the last line of defence.
    process.stderr.write(`fupin: 内部错误 internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
