// compareIds orders problem ids as localeCompare did (without setting up ICU's collator on every run).
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../../src/core/file-problems.js';
import { compareIds } from '../../src/core/normalize.js';
import { allRules } from '../../src/core/rules/index.js';
import { STATS_RULES } from '../../src/core/stats-messages.js';
import { REGISTER_EMPTY } from '../../src/core/ledger/check.js';

describe('compareIds', () => {
  const ids = [...new Set([...allRules.map((r) => r.meta.id), ...Object.keys(FILE_PROBLEMS), ...Object.keys(STATS_RULES), REGISTER_EMPTY])];

  it('every id is kebab-case ASCII, where code-unit order is the collator order', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('orders every pair of known ids as localeCompare does', () => {
    expect(ids.length).toBeGreaterThan(20);
    for (const a of ids) for (const b of ids) expect([a, b, compareIds(a, b)]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
  });
});
