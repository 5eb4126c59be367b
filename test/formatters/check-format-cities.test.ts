import { describe, expect, it } from 'vitest';
import { withoutCities } from '../../src/formatters/check-format.js';

describe('check pretty: the rollup without its city tables', () => {
  it('never reads byCity (made when first read), keeps every other key in its order, and byCity empty in its place', () => {
    let reads = 0;
    const rollup = { table: { rows: 3 }, problems: ['p'], leftOut: 2 } as Record<string, unknown>;
    Object.defineProperty(rollup, 'byCity', {
      enumerable: true,
      configurable: true,
      get() {
        reads++;
        return [{ city: '长沙市' }];
      },
    });
    rollup.after = 'x';
    const out = withoutCities(rollup as { byCity?: unknown[] });
    expect(reads).toBe(0);
    expect(Object.keys(out)).toEqual(['table', 'problems', 'leftOut', 'byCity', 'after']);
    expect(out.byCity).toEqual([]);
    expect((out as Record<string, unknown>).table).toBe(rollup.table);
  });
});
