// How the entries set up V8's heap for a run (mainThenExit, and the one-file build before it loads its code).
import v8 from 'node:v8';

/**
 * Keeps V8's young generation at the size it has when the command starts (2-4 MB) for the whole run, rather than letting
 * it grow to 2 × 16 MB after collections that keep much alive — as start-up does: the code's objects, the catalogue, the
 * division index. Every page the heap first touches is a page fault (~19 µs quiet, ~40 µs under load on the machines fupin is
 * measured on); a young generation that stays small reuses pages it has touched. Measured (page faults, median of 5-7
 * interleaved runs, load 7-10): 50-row validate 6,300 -> 5,850; the 200k-row CSV ~31,000 -> ~25,000 and peak memory
 * 137 -> 111 MB; the province rollup ~16,000 -> ~14,000; the 50k-row xlsx ~20,200 -> ~18,300; CPU time within noise.
 * V8 raises a factor below 2 to 2 when it sets up a heap (so `node --semi-space-growth-factor=1` does nothing, and a
 * worker thread started later sets it back to 2 for the process): set here, on the running heap. Never stops a run.
 */
export function smallYoungGeneration(): void {
  try {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // a runtime without the flag: its default
  }
}
