// fupin check's report in the format asked for: the readable report, JSON, GitHub annotations or JUnit XML.
import { allRules } from '../core/rules/index.js';
import { formatCheckJson } from './check-json.js';
import { formatCheckPretty } from './check-pretty.js';
import type { CheckReport } from './check-report.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import type { TerminalLayout } from './layout.js';

export type CheckFormat = 'pretty' | 'json' | 'github' | 'junit';

export function formatCheck(report: CheckReport, format: CheckFormat, opts: TerminalLayout & { color: boolean; verbose?: boolean }): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report, { rules: allRules.map((r) => r.meta.id) });
    case 'pretty': {
      // the pretty report lists each city's table only with --verbose: the provincial table has a row per city
      const rollup = report.rollup && !opts.verbose ? withoutCities(report.rollup) : report.rollup;
      return formatCheckPretty({ ...report, ...(rollup ? { rollup } : {}) }, opts);
    }
  }
}

/**
 * The rollup with no city tables, its keys in their order. Not a spread: spreading reads every property, and byCity is
 * made when first read (src/core/rollup.ts's rollupProvince), so a spread would build every city's table to drop it.
 */
export function withoutCities<R extends { byCity?: unknown[] }>(rollup: R): R {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rollup)) out[key] = key === 'byCity' ? [] : rollup[key as keyof R];
  out.byCity = [];
  return out as R;
}
