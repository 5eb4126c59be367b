#!/usr/bin/env node
// Entry point: hands argv to the CLI layer (src/cli/bin.ts), which sets the process exit code.
// dist/bundle is dist/cli bundled by scripts/bundle.mjs (faster start-up); both are made by `npm run build`.
import module from 'node:module';

// Node ≥ 22.1 keeps V8's compiled code of dist/bundle between runs (in NODE_COMPILE_CACHE, else the system's temporary
// folder; Node checks each file's content before it uses its entry). Node 20 has no such cache: nothing happens there.
// A cache that cannot be used or written never stops a command.
try {
  module.enableCompileCache?.();
} catch {
  // no cache
}
const { mainThenExit } = await import('../dist/bundle/bin.js');

// runs the command, then ends the process as soon as its output is out (src/cli/bin.ts)
await mainThenExit();
