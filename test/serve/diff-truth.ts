// The changes scripts/make-publish-diff.mjs planted between fixtures/diff/old and fixtures/diff/new (and new-csv), and the
// check that the page's comparison shows exactly them: shared by the server test and the browser test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../e2e/helpers.js';

export interface DiffTruth {
  added: { name: string }[];
  removed: { name: string }[];
  changed: { name: string; before: string; after: string }[];
}

export const DIFF_TRUTH = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/diff-truth.json'), 'utf8')) as DiffTruth;

/** One row of the page's table of changes: its kind, the head's name, the cells as `fupin diff` shows them. */
export interface ShownChange {
  kind: string | null;
  name: string | null;
  cells: string[];
}

/** Exactly the planted households added, removed and changed; each change before → after, at `where` (both files' cells). */
export function expectPlanted(rows: ShownChange[], where: RegExp): void {
  const names = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.name).sort();
  expect(names('added')).toEqual(DIFF_TRUTH.added.map((a) => a.name).sort());
  expect(names('removed')).toEqual(DIFF_TRUTH.removed.map((a) => a.name).sort());
  expect(names('changed')).toEqual(DIFF_TRUTH.changed.map((a) => a.name).sort());
  for (const c of DIFF_TRUTH.changed) {
    const row = rows.find((r) => r.kind === 'changed' && r.name === c.name)!;
    expect(row.cells[3]).toContain(`“${c.before}” → “${c.after}”`);
    expect(row.cells[4]).toMatch(where);
  }
}

/** Rows in 变更.xlsx (after its title and header): one per planted change. */
export const PLANTED_ROWS = DIFF_TRUTH.added.length + DIFF_TRUTH.removed.length + DIFF_TRUTH.changed.length;
