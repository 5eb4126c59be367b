// Loads the national division list (src/data/divisions.json, dist/data/divisions.json after tsc) once per process.
import { DivisionIndex, type DivisionData } from '../core/divisions.js';

let cached: Promise<DivisionIndex> | undefined;

/**
 * The division index, built on first use and shared afterwards. The JSON is imported relative to this
 * module, so it is found in src/ under vitest/tsx and in dist/ after `tsc` (which copies it there).
 */
export function loadDivisions(): Promise<DivisionIndex> {
  cached ??= import('../data/divisions.json', { with: { type: 'json' } }).then(
    (mod: { default: unknown }) => new DivisionIndex(mod.default as DivisionData),
    (err: unknown) => {
      cached = undefined;
      throw new Error(`cannot load the division list (data/divisions.json): ${err instanceof Error ? err.message : String(err)}`);
    },
  );
  return cached;
}
