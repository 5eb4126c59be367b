// The legacy-format worker's code when fupin runs from a bundle: scripts/bundle.mjs replaces this module with the
// text of dist/bundle/legacy-worker.cjs, so that a one-file build carries the worker inside it (no file to find at run
// time). Unbundled (tsc output, tests) it is undefined, and src/io/legacy.ts reads that file instead.
export const LEGACY_WORKER_CODE: string | undefined = undefined;
