// End-to-end: organisations and households written many ways (fixtures/identity, made by scripts/make-fixtures.mjs) are
// counted once by the built CLI's rollup, validate reports exactly the findings the generator planted (one per 同上,
// one per wrong 序号, no shared-phone for the same head), and a 统计表 with its 单位 over two columns reads cleanly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE } from './helpers.js';
import { measures, type Row } from './stats-rows.js';

interface Planted {
  rule: string;
  severity: string;
  cell: string;
}
interface Truth {
  city: string;
  rows: (Row & { spellings: Record<string, string[]> })[];
  total: Omit<Row, 'unit'>;
  files: { file: string; sheet?: string; rows: number; problems: Planted[] }[];
  stats: string;
}

const FIXTURES = path.join(ROOT, 'fixtures');
const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'identity-truth.json'), 'utf8')) as Truth;
const TIMEOUT = 120_000;

const truthRows = truth.rows.map((r) => ({ unit: r.unit, ...measures(r) }));

function json(args: string[]) {
  const r = fupin([...args.slice(0, 1), '--format', 'json', ...args.slice(1)], { cwd: FIXTURES });
  expect(r.stderr).not.toMatch(STACK_LINE);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

describe('fixtures/identity: one organisation, one household, whatever the spelling', () => {
  it('the truth itself has what the scenario needs: spelling variants, and households counted once', () => {
    const spelt = truth.rows.flatMap((r) => Object.values(r.spellings)).filter((s) => s.length > 1);
    expect(spelt.length).toBeGreaterThanOrEqual(4);
    expect(truth.files.flatMap((f) => f.problems.map((p) => p.rule))).toEqual(
      expect.arrayContaining(['org-name-variant', 'duplicate-pairing', 'joint-household', 'ditto-mark', 'serial-number']),
    );
  });

  it(
    'rollup: every row of the city table equals the generator’s figures',
    () => {
      const { doc } = json(['rollup', 'identity']);
      expect(doc.level).toBe('city');
      expect(doc.area).toBe(truth.city);
      const byUnit = new Map((doc.rows as Row[]).map((r) => [r.unit, { unit: r.unit, ...measures(r) }]));
      for (const r of truthRows) expect(byUnit.get(r.unit), r.unit).toEqual(r);
      expect(doc.rows).toHaveLength(truthRows.length);
      expect(measures(doc.total)).toEqual(measures(truth.total));
    },
    TIMEOUT,
  );

  it(
    'validate: each register reports exactly the planted findings (exit 1: the duplicate pairings are errors)',
    () => {
      const { code, doc } = json(['validate', 'identity']);
      expect(code).toBe(1);
      // paths as the report writes them (relative to the folder given, or to the current one): compared from 怀化市/ on
      const files = (doc.files as { file: string; sheet?: string; rows: number; problems: Planted[] }[]).map((f) => ({ ...f, file: f.file.replace(/^identity\//, '') }));
      expect(files.map((f) => f.file).sort()).toEqual(truth.files.map((f) => f.file).sort());
      const key = (p: Planted) => `${p.cell} ${p.rule} ${p.severity}`;
      for (const t of truth.files) {
        const got = files.find((f) => f.file === t.file)!;
        expect(got.rows, t.file).toBe(t.rows);
        if (t.sheet) expect(got.sheet).toBe(t.sheet);
        expect(got.problems.map(key).sort(), t.file).toEqual(t.problems.map(key).sort());
      }
      // the same head with the same phone in the same village is never "a phone on a different household"
      expect(files.flatMap((f) => f.problems).filter((p) => p.rule === 'shared-phone')).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a 统计表 with 单位 over two columns (县 merged down A, the counties in B) reads with the same figures and no warning',
    () => {
      // a city 统计表 alone rolls up into the provincial table; --by city gives the city table back as read
      const { code, doc } = json(['rollup', '--by', 'city', truth.stats]);
      expect(code).toBe(0);
      const city = (doc.byCity as { area: string; rows: Row[] }[]).find((t) => t.area === truth.city)!;
      expect(city.rows.map((r) => ({ unit: r.unit, ...measures(r) }))).toEqual(truthRows);
      const pretty = fupin(['rollup', truth.stats], { cwd: FIXTURES });
      expect(pretty.stdout).not.toMatch(/警告|错误/);
      expect(pretty.stdout).toContain('没有发现问题');
    },
    TIMEOUT,
  );
});
