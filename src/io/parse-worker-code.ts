// The parse worker's code when fupin runs from a bundle: scripts/bundle.mjs replaces this module with the text of
// dist/bundle/parse-worker.cjs, so that a one-file build carries the worker inside it (no file to find at run time).
// Unbundled (tsc output, tests) it is undefined, and src/io/parse-pool.ts reads that file instead.
export const PARSE_WORKER_CODE: string | undefined = undefined;
