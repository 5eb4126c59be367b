// Test helper: the division index from the real src/data/divisions.json, built once per test file.
import { readFileSync } from 'node:fs';
import { DivisionIndex, type DivisionData } from '../../src/core/divisions.js';

let built: DivisionIndex | undefined;

/** The national division list as the CLI loads it (src/io/divisions.ts), read synchronously for tests. */
export function divisions(): DivisionIndex {
  built ??= new DivisionIndex(JSON.parse(readFileSync(new URL('../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData);
  return built;
}
