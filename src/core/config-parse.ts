// Reads fupin.config.json: its schema (zod) and messages that name the key at fault and say what to write instead. Loaded only
// when a ledger has a config file (io/config.ts): a run without one never loads zod.
import { z } from 'zod';
import { BUILTIN_QUOTA_TABLE, CONFIG_FILE, CONFIG_KEYS, validDeadlineDate, type ConfigIssue, type ConfigParse, type FupinConfig } from './config.js';
import type { Msg } from './model.js';

const deadlineSchema = z.strictObject({
  name: z.string().trim().min(1),
  date: z.string().refine(validDeadlineDate),
});

export const configSchema = z.strictObject({
  /** Absent: the default province (src/data/provinces.json), filled in by whoever loads the config. */
  province: z.string().trim().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  quotaTable: z.string().trim().min(1).default(BUILTIN_QUOTA_TABLE),
  orgs: z.string().trim().min(1).optional(),
  strict: z.boolean().default(false),
  quotaFindings: z.enum(['info', 'error']).default('info'),
  deadlines: z.array(deadlineSchema).default([]),
  rosters: z.array(z.string().trim().min(1)).optional(),
  focus: z.array(z.string().trim().min(1)).optional(),
});

/** Keys the messages say what to write for (config/expected-…). */
const EXPECTED_KEYS = new Set([...CONFIG_KEYS, 'deadlines[].name', 'deadlines[].date']);

function expected(generic: string): Msg {
  // an entry of a list (rosters[0], deadlines[1]) is described by its list's text when it has none of its own
  const key = EXPECTED_KEYS.has(generic) ? generic : generic.replace(/\[\]$/, '');
  return EXPECTED_KEYS.has(key) ? { id: `config/expected-${key.replace('[].', '-')}` } : { id: 'term/none' };
}

function issue(id: string, data: Msg['data'], key: string): ConfigIssue {
  return { key, msg: { id: `config/${id}`, ...(data ? { data } : {}) } };
}

/** deadlines[1].date as written by a user; the EXPECTED entry is deadlines[].date. */
function keyText(path: readonly PropertyKey[]): { shown: string; generic: string } {
  let shown = '';
  let generic = '';
  for (const p of path) {
    if (typeof p === 'number') {
      shown += `[${p}]`;
      generic += '[]';
    } else {
      const s = String(p);
      shown += shown ? `.${s}` : s;
      generic += generic ? `.${s}` : s;
    }
  }
  return { shown, generic };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function shownValue(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

function closest(key: string, known: readonly string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(key, k);
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.k : undefined;
}

/**
 * Validates parsed JSON as a config. Every problem is reported (not only the first), each naming its key.
 * `file` is how the messages name the file (fupin.config.json, or its path).
 */
export function parseConfig(input: unknown, file: string = CONFIG_FILE): ConfigParse {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [issue('not-object', { file }, '')] };
  }
  const result = configSchema.safeParse(input);
  if (result.success) {
    const c = result.data;
    const config: FupinConfig = {
      ...(c.province !== undefined ? { province: c.province } : {}),
      quotaTable: c.quotaTable,
      strict: c.strict,
      quotaFindings: c.quotaFindings,
      deadlines: c.deadlines.map((d) => ({ name: d.name, date: d.date })),
      ...(c.rosters !== undefined ? { rosters: c.rosters } : {}),
      ...(c.focus !== undefined ? { focus: c.focus } : {}),
      ...(c.year !== undefined ? { year: c.year } : {}),
      ...(c.orgs !== undefined ? { orgs: c.orgs } : {}),
    };
    return { ok: true, config };
  }
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const problem of result.error.issues) {
    if (problem.code === 'unrecognized_keys') {
      const where = keyText(problem.path);
      const known = where.generic.startsWith('deadlines') ? ['name', 'date'] : [...CONFIG_KEYS];
      for (const k of problem.keys) {
        const key = where.shown ? `${where.shown}.${k}` : k;
        if (seen.has(key)) continue;
        seen.add(key);
        const near = closest(k, known);
        issues.push(issue('unknown-key', { file, key, hint: near ? { id: 'config/did-you-mean', data: { key: near } } : '', keys: known }, key));
      }
      continue;
    }
    const where = keyText(problem.path);
    if (seen.has(where.shown)) continue;
    seen.add(where.shown);
    const got = valueAt(input, problem.path);
    if (got === undefined) issues.push(issue('missing', { file, key: where.shown, expected: expected(where.generic) }, where.shown));
    else issues.push(issue('bad-value', { file, key: where.shown, got: shownValue(got), expected: expected(where.generic) }, where.shown));
  }
  return { ok: false, issues };
}

/** Parses the file's text: JSON syntax errors name the line and column; then parseConfig. A UTF-8 BOM is allowed. */
export function parseConfigText(text: string, file: string = CONFIG_FILE): ConfigParse {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(detail);
    const lc = /line (\d+) column (\d+)/.exec(detail);
    let line = lc ? Number(lc[1]) : 1;
    let column = lc ? Number(lc[2]) : 1;
    if (!lc && pos) {
      const before = body.slice(0, Number(pos[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    }
    const data = { file, line, column, detail: detail.replace(/^.*?:\s*/, '').slice(0, 80) };
    return { ok: false, issues: [issue('bad-json', data, '')] };
  }
  return parseConfig(json, file);
}
