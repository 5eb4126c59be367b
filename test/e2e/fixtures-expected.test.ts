// End-to-end: the built CLI's `validate --format json` on fixtures/{registers,broken,ledger} must match fixtures/expected.json exactly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/fupin.js');
const FIXTURES = path.join(ROOT, 'fixtures');

interface ExpectedProblem {
  rule: string;
  severity: string;
  cell?: string;
}
interface ExpectedRegister {
  sheet?: string;
  rows: number;
  problems: ExpectedProblem[];
}
type ExpectedEntry = ExpectedRegister | ExpectedRegister[] | { fileError: string };

interface ReportProblem {
  rule: string;
  severity: string;
  row?: number;
  cell?: string;
  message: string;
}
interface ReportFile {
  file: string;
  sheet?: string;
  rows: number;
  problems: ReportProblem[];
}
interface Report {
  files: ReportFile[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

const manifest = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedEntry> };

function runValidate(dir: string): { status: number | null; report: Report } {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [BIN, 'validate', '--format', 'json', path.join(FIXTURES, dir)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`fupin validate ${dir} did not print JSON (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  return { status: r.status, report };
}

/** Problems as sortable one-liners, so a failure shows exactly which cell and rule differ. */
const lines = (ps: ExpectedProblem[]): string[] => ps.map((p) => `${p.cell ?? '-'} ${p.rule} ${p.severity}`).sort();

function expectedFor(dir: string): [string, ExpectedEntry][] {
  return Object.entries(manifest.files)
    .filter(([key]) => key.startsWith(`${dir}/`))
    .map(([key, e]) => [key.slice(dir.length + 1), e]);
}

for (const dir of ['registers', 'broken', 'ledger'] as const) {
  describe(`validate fixtures/${dir}`, () => {
    const { status, report } = runValidate(dir);
    const byFile = new Map<string, ReportFile[]>();
    for (const f of report.files) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    const expected = expectedFor(dir);

    it('reports exactly the spreadsheet files of the manifest (non-spreadsheets passed over)', () => {
      expect([...byFile.keys()].sort()).toEqual(expected.map(([file]) => file).sort());
    });

    it('exits 1: the folder holds errors', () => {
      expect(status).toBe(1);
    });

    it('summary counts agree with the problems listed', () => {
      const all = report.files.flatMap((f) => f.problems);
      expect(report.summary).toMatchObject({
        files: byFile.size, // distinct files: a workbook with two registers is one file
        errors: all.filter((p) => p.severity === 'error').length,
        warnings: all.filter((p) => p.severity === 'warning').length,
        infos: all.filter((p) => p.severity === 'info').length,
      });
    });

    for (const [file, entry] of expected) {
      it(file, () => {
        const actual = byFile.get(file) ?? [];
        if ('fileError' in entry) {
          expect(actual).toHaveLength(1);
          expect(actual[0].problems.map((p) => ({ rule: p.rule, severity: p.severity, row: p.row, cell: p.cell }))).toEqual([
            { rule: entry.fileError, severity: 'error', row: undefined, cell: undefined },
          ]);
          return;
        }
        const registers = Array.isArray(entry) ? entry : [entry];
        expect(actual.map((a) => a.sheet ?? null)).toHaveLength(registers.length);
        registers.forEach((want, i) => {
          const got = actual[i];
          if (want.sheet !== undefined) expect(got.sheet).toBe(want.sheet);
          expect({ sheet: got.sheet, rows: got.rows, problems: lines(got.problems) }).toEqual({
            sheet: got.sheet,
            rows: want.rows,
            problems: lines(want.problems),
          });
        });
      });
    }
  });
}
