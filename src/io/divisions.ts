// Loads the national division list (src/data/divisions.json, dist/data/divisions.json after tsc) once per process.
import { readFile } from 'node:fs/promises';
import { DivisionIndex, unpackTownTable, type DivisionData, type TownTableText } from '../core/divisions.js';
import { EMBEDDED } from './embedded.js';

let cached: Promise<DivisionIndex> | undefined;

/** Where the build stores the township tables' numbers (scripts/bundle.mjs, packTownTable), from the package root. */
const TOWN_TABLE_BYTES = 'dist/data/town-table.bin';

/**
 * The township tables' numbers beside the list: inside the one-file build, else dist/data/town-table.bin next to the
 * list this module imports; undefined when there are none (src/ under vitest: the index then makes its own tables).
 */
async function townTableBytes(): Promise<Uint8Array | undefined> {
  if (EMBEDDED) {
    const b64 = EMBEDDED.files[TOWN_TABLE_BYTES];
    return b64 === undefined ? undefined : Buffer.from(b64, 'base64');
  }
  return readFile(new URL('../data/town-table.bin', import.meta.url)).catch(() => undefined);
}

/** The list with its township tables: the build's text part (names, lengths) joined to its bytes; none when they do not match. */
function withTownTable(data: DivisionData, bytes: Uint8Array | undefined): DivisionData {
  const text = data.townTable as unknown as TownTableText | undefined;
  if (!text || !('keyNames' in text)) return data;
  const { townTable: _, ...list } = data;
  const table = bytes && unpackTownTable(bytes, text);
  return table ? { ...list, townTable: table } : list;
}

/**
 * The division index, built on first use and shared afterwards. The JSON is imported relative to this
 * module, so it is found in src/ under vitest/tsx and in dist/ after `tsc` (which copies it there).
 */
export function loadDivisions(): Promise<DivisionIndex> {
  cached ??= Promise.all([import('../data/divisions.json', { with: { type: 'json' } }), townTableBytes()]).then(
    ([mod, bytes]: [{ default: unknown }, Uint8Array | undefined]) => new DivisionIndex(withTownTable(mod.default as DivisionData, bytes)),
    (err: unknown) => {
      cached = undefined;
      throw new Error(`cannot load the division list (data/divisions.json): ${err instanceof Error ? err.message : String(err)}`);
    },
  );
  return cached;
}
