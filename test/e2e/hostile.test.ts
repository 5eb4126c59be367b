// Hostile input end to end: `fupin validate fixtures/hostile` answers every crafted file in one call (under 30 s of CPU,
// 1 GiB), and reading them leaves Object.prototype untouched. CPU time, not the wall clock: a loaded machine slows the
// clock's count but not the work a crafted file makes fupin do.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../src/io/load.js';
import { BIN, ROOT, STACK_LINE, tempDir } from './helpers.js';

const HOSTILE = path.join(ROOT, 'fixtures/hostile');
const USAGE_WRAPPER = path.join(ROOT, 'test/helpers/usage-wrapper.mjs');
const LIMIT_MS = 30_000;
const LIMIT_KIB = 1024 * 1024;

/** File-level rule ids a refusal may carry (a read gate may add its own `file-…` ids). */
const REFUSAL = /^(file-[a-z-]+|required-column)$/;

interface JsonProblem {
  rule: string;
  severity: string;
  row?: number;
  cell?: string;
  message: string;
}
interface JsonFile {
  file: string;
  sheet?: string;
  rows: number;
  problems: JsonProblem[];
}

let dir: { dir: string; cleanup: () => void };
let names: string[];
let run: { status: number | null; signal: string | null; cpuMs: number; maxRssKiB: number; stdout: string; stderr: string };
let files: JsonFile[] = [];

beforeAll(() => {
  dir = tempDir();
  cpSync(HOSTILE, dir.dir, { recursive: true });
  // too big to commit: a 50 MB single line after a register header
  writeFileSync(path.join(dir.dir, 'long-line.csv'), `序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式\r\n1,${'溆浦县慈善会'.repeat(50 * 1024 * 1024 / 18)}\r\n`);
  names = readdirSync(dir.dir).filter((n) => n !== 'README.md').sort();
  const usageFile = path.join(dir.dir, '..', `${path.basename(dir.dir)}.usage.json`);
  const r = spawnSync(process.execPath, [USAGE_WRAPPER, usageFile, BIN, 'validate', '--format', 'json', dir.dir], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 64 * 1024 * 1024,
    // a hang, not slowness: the budget is checked on CPU time below
    timeout: 10 * LIMIT_MS,
  });
  let usage = { maxRssKiB: Number.NaN, cpuMs: Number.NaN };
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
    rmSync(usageFile, { force: true });
  } catch {
    // the child died before writing it (killed, out of memory): the assertions below say so
  }
  run = { status: r.status, signal: r.signal, ...usage, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  try {
    files = (JSON.parse(run.stdout) as { files: JsonFile[] }).files;
  } catch {
    files = [];
  }
  // longer than the child may run (10 × the time limit), so a hang shows as the child killed, not as the hook timed out
}, 20 * LIMIT_MS);

afterAll(() => dir?.cleanup());

const reportsOf = (name: string) => files.filter((f) => f.file === name || f.file.endsWith(`/${name}`));
const refusalOf = (name: string): JsonProblem | undefined => {
  const r = reportsOf(name);
  if (r.length !== 1 || r[0]!.rows !== 0) return undefined;
  return r[0]!.problems.find((p) => p.row === undefined && p.severity === 'error' && REFUSAL.test(p.rule));
};

describe('fupin validate fixtures/hostile (one call)', () => {
  it('finishes in time, within memory, with exit 1 (problems found) and no stack trace', () => {
    expect(run.signal).toBeNull();
    expect(run.cpuMs).toBeLessThan(LIMIT_MS);
    expect(run.maxRssKiB).toBeLessThan(LIMIT_KIB);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).not.toMatch(STACK_LINE);
    expect(run.status).toBe(1);
  });

  it('answers every file: a register read, or one clear file-level refusal', () => {
    for (const name of names) {
      const reports = reportsOf(name);
      expect(reports.length, name).toBeGreaterThan(0);
      for (const r of reports) {
        if (r.rows > 0) continue;
        const refusal = r.problems.find((p) => p.row === undefined && p.severity === 'error');
        expect(refusal?.rule, `${name}: ${JSON.stringify(r.problems)}`).toMatch(REFUSAL);
        // the message is for a clerk: no internal error text
        expect(refusal!.message, name).not.toMatch(/undefined|\bError\b|TypeError|RangeError|\{detail\}|\{line\}/);
      }
    }
  });

  it('refuses the zip bombs, the encrypted workbook, the fake .ods and the broken files', () => {
    for (const name of ['zip-bomb-shared-strings.xlsx', 'zip-bomb-overlap.xlsx', 'malformed-xml.xlsx', 'truncated.xlsx', 'long-cell.csv', 'long-line.csv']) {
      expect(refusalOf(name), name).toBeDefined();
    }
    expect(refusalOf('encrypted.xlsx')?.rule).toBe('file-encrypted');
    // .ods is read (issue 16): one whose content is garbage is a damaged file
    expect(refusalOf('fake.ods')?.rule).toBe('file-corrupt');
  });

  it('names the line of an over-long CSV cell', () => {
    expect(refusalOf('long-cell.csv')?.message).toMatch(/第 3 行/);
  });

  it('reads the register written with prefixed namespaces', () => {
    expect(reportsOf('prefixed-namespaces.xlsx').map((r) => r.rows)).toEqual([5]);
  });

  it('reads the register on the sheet named __proto__', () => {
    const r = reportsOf('proto-names.xlsx').find((f) => f.sheet === '__proto__');
    expect(r?.rows).toBe(5);
  });

  it('reads the malformed CSVs with every pairing', () => {
    const rows = Object.fromEntries(
      ['formula-cells.csv', 'unclosed-quote.csv', 'nul-late.csv', 'mixed-eol.csv', 'ragged.csv', 'proto-header.csv'].map((n) => [n, reportsOf(n).map((r) => r.rows)]),
    );
    expect(rows).toEqual({
      'formula-cells.csv': [5],
      'unclosed-quote.csv': [5],
      'nul-late.csv': [150],
      'mixed-eol.csv': [4],
      'ragged.csv': [4],
      'proto-header.csv': [2],
    });
  });

  it('shows formula-led cells as the text they are', () => {
    const r = reportsOf('formula-cells.csv')[0]!;
    const c3 = r.problems.find((p) => p.cell === 'C3' && p.rule === 'person-name');
    expect(c3?.severity).toBe('error');
    expect(c3?.message).toContain("@SUM(1+1)*cmd|' /C calc'!A0");
  });
});

describe('reading every hostile file in-process', () => {
  it('leaves Object.prototype and Array.prototype untouched', async () => {
    const before = {
      object: Object.getOwnPropertyNames(Object.prototype).sort(),
      array: Object.getOwnPropertyNames(Array.prototype).sort(),
      protoOfObject: Object.getPrototypeOf(Object.prototype),
    };
    const answered: string[] = [];
    for (const name of names) {
      const abs = path.join(dir.dir, name);
      const loaded = await loadFile({ abs, display: name, explicit: false });
      answered.push(loaded.failure ? `${name}: ${loaded.failure.rule}` : `${name}: ${loaded.sheets.length} sheet(s)`);
      // the sheets read must be plain data: no own __proto__ key turned into a prototype
      for (const sheet of loaded.sheets) {
        expect(Object.getPrototypeOf(sheet)).toBe(Object.prototype);
        for (const row of sheet.rows) if (row) expect(Array.isArray(row)).toBe(true);
      }
    }
    expect(answered).toHaveLength(names.length);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before.object);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(before.array);
    expect(Object.getPrototypeOf(Object.prototype)).toBe(before.protoOfObject);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.x).toBeUndefined();
    expect(probe.A1).toBeUndefined();
  });
});
