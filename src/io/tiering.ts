// bin/fupin.js tunes V8's tiering for fupin's own short runs on Node 20 (its tuneTiering: the optimising compiler inlines
// less and starts later). Code that does not suit it asks for V8's default tiering for the rest of the run: a worker (its
// start compiles Node's own modules, whose cache was made under the default flags; the legacy reader's large parser gains
// from full inlining: a 50-row .xls validate measured 0.57 s tuned, 0.55 s so, 0.56 s never tuned) and a streamed CSV (a
// long run: the 200k-row CSV took 1.37 s never tuned, 1.42 s tuned, with less CPU; the 1M-row CSV 5.54 and 5.62 s).

/** What bin/fupin.js leaves on process when it tuned V8 (nothing when it did not). */
interface TieringHook {
  untune(): void;
}

const HOOK = Symbol.for('fupin.tiering');

/** V8's default tiering from now on in this run; nothing where bin/fupin.js tuned nothing (tests, Node 22, executables). */
export function defaultTiering(): void {
  (process as unknown as Record<symbol, TieringHook | undefined>)[HOOK]?.untune();
}
