// Loads the national division list once per process: the index the build packed (dist/data/divisions.bin, made by
// scripts/bundle.mjs from dist/data/divisions.json: read in place, nothing parsed or built), else the list itself
// (src/data/divisions.json under vitest/tsx, or a build without the packed file), indexed now.
import { readFileSync, statSync } from 'node:fs';
import { DivisionIndex, type DivisionData } from '../core/divisions.js';
import { EMBEDDED } from './embedded.js';
import { executableAssetInPlace } from './package-root.js';

let cached: Promise<DivisionIndex> | undefined;

/** Where the build stores the packed index, from the package root (the one-file build carries it under this name). */
export const PACKED_DIVISIONS = 'dist/data/divisions.bin';

/**
 * The packed index beside the list: inside the one-file build, else dist/data/divisions.bin next to the list this module
 * imports, when it was made from a list of the length the list has now (a list changed without a new build is read
 * itself). Undefined when there is none or it does not fit.
 */
function packedIndex(): DivisionIndex | undefined {
  if (EMBEDDED) {
    // the executables keep it as an asset (scripts/release.mjs): read where it lies, not through base64 and back (a 2.4 MB
    // string made and decoded on every run)
    const inPlace = executableAssetInPlace(PACKED_DIVISIONS);
    if (inPlace) return DivisionIndex.read(inPlace);
    const b64 = EMBEDDED.files[PACKED_DIVISIONS];
    return b64 === undefined ? undefined : DivisionIndex.read(Buffer.from(b64, 'base64'));
  }
  // read with blocking calls: nothing else runs while a command waits for the index, and an awaited read of ~1.5 MB goes
  // through libuv's pool in 512 KiB pieces, each a trip (~11 ms of a 50-row validate waiting on a quiet machine)
  const binUrl = new URL('../data/divisions.bin', import.meta.url);
  const orUndefined = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  const bytes = orUndefined(() => readFileSync(binUrl));
  const bin = orUndefined(() => statSync(binUrl));
  const list = orUndefined(() => statSync(new URL('../data/divisions.json', import.meta.url)));
  // a list written after the packed file (tsc run again without the bundle step, a name mended in place — same length)
  // is read itself: the packed file may hold its old names
  if (!bytes || !bin || !list || list.mtimeMs > bin.mtimeMs) return undefined;
  return DivisionIndex.read(bytes, list.size);
}

/** The index built from the list (the JSON is imported relative to this module: src/ under vitest/tsx, dist/ after tsc). */
async function builtIndex(): Promise<DivisionIndex> {
  const mod = (await import('../data/divisions.json', { with: { type: 'json' } })) as { default: unknown };
  return new DivisionIndex(mod.default as DivisionData);
}

/** The division index, read or built on first use and shared afterwards. */
export function loadDivisions(): Promise<DivisionIndex> {
  cached ??= Promise.resolve()
    .then(packedIndex)
    .catch(() => undefined)
    .then((idx) => idx ?? builtIndex())
    .catch((err: unknown) => {
      cached = undefined;
      throw new Error(`cannot load the division list (data/divisions.json): ${err instanceof Error ? err.message : String(err)}`);
    });
  return cached;
}
