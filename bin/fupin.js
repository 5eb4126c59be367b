#!/usr/bin/env node
// Entry point: hands argv to the CLI layer (src/cli/bin.ts), which sets the process exit code.
// dist/bundle is dist/cli bundled by scripts/bundle.mjs (faster start-up); both are made by `npm run build`.
import { main } from '../dist/bundle/bin.js';

await main();
