// fupin publish end to end (issue 15): the built CLI on the generated fixture (truth from scripts/make-publish-diff.mjs),
// and the leak guarantee over every fixture folder in every output format (xlsx read back cell by cell).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readLedger } from '../../src/io/read-ledger.js';
import { emptySecrets, findLeak, secretsVisitor, type Secrets } from '../helpers/leaks.js';
import { HUNAN } from '../helpers/profile.js';
import { runCli } from '../helpers/cli.js';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/publish-truth.json'), 'utf8')) as {
  rows: { head: string; org: string; orgType: string; town: string; village: string; amount: number; status: string }[];
  byOrg: { org: string; households: number; amount: number }[];
  totals: { pairings: number; households: number; orgs: number; amount: number };
  secrets: string[];
};

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Every cell of a workbook as text, one per line. */
async function workbookText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? ''))));
  });
  return out.join('\n');
}

describe('fupin publish (built CLI)', () => {
  it('writes the listing of the generated register as its truth says, masked', () => {
    const r = fupin(['publish', 'fixtures/publish', '--format', 'json']);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as { entries: Record<string, unknown>[]; byOrg: { org: string; households: number; amount: number }[]; totals: unknown; note: string };
    expect(got.entries.map((e) => [e.head, e.org, e.orgType, e.town, e.village, e.amount, e.status])).toEqual(truth.rows.map((t) => [t.head, t.org, t.orgType, t.town, t.village, t.amount, t.status]));
    expect(new Map(got.byOrg.map((o) => [o.org, [o.households, o.amount]]))).toEqual(new Map(truth.byOrg.map((o) => [o.org, [o.households, o.amount]])));
    expect(got.totals).toEqual(truth.totals);
    expect(got.note).toContain('张*');
    for (const s of truth.secrets) expect(r.stdout.includes(s), `leaks ${s}`).toBe(false);
  }, 120_000);

  it('publish fixtures/ledger -o 公示.xlsx writes a marked workbook with the listing and both summaries; it is never read back as a register', async () => {
    const out = path.join(tmp.dir, '公示.xlsx');
    const r = fupin(['publish', 'fixtures/ledger', '-o', out]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(1); // fixtures/ledger has a row without a head of household: left out, said, exit 1
    expect(r.stderr).toContain('公示名单');
    // the row left out is named: file and row
    expect(r.stderr).toContain('1 行缺户主姓名或帮扶单位，未列入公示：\n  怀化市/沅陵县.xlsx 第 8 行没有户主姓名\n');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['公示名单', '按单位汇总', '按地区汇总']);
    expect(wb.keywords).toBe('fupin:publish');
    const again = fupin(['validate', out, '--format', 'json']);
    expect((JSON.parse(again.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
    expect(again.stdout).toContain('file-own-output');
  }, 120_000);

  it('--level township shows no village; English headers with --lang en; a bad -o is a usage error', () => {
    const t = fupin(['publish', 'fixtures/publish', '--level', 'township', '--format', 'json']);
    const entries = (JSON.parse(t.stdout) as { entries: Record<string, string>[] }).entries;
    expect(entries.every((e) => e.village === '')).toBe(true);
    const html = fupin(['publish', 'fixtures/publish', '--format', 'html', '--lang', 'en']);
    expect(html.stdout).toContain('<th>Household (masked)</th>');
    // the CSV carries the mark in its title row: a folder holding it and the register counts the register only
    const dir = path.join(tmp.dir, 'with-csv');
    const csv = path.join(dir, '怀化市', '公示.csv');
    mkdirSync(path.dirname(csv), { recursive: true });
    expect(fupin(['publish', 'fixtures/publish', '-o', csv]).code).toBe(0);
    copyFileSync(path.join(ROOT, 'fixtures/publish/怀化市/溆浦县.xlsx'), path.join(dir, '怀化市', '溆浦县.xlsx'));
    const roll = fupin(['rollup', dir, '--format', 'json']);
    expect((JSON.parse(roll.stdout) as { total: { subtotal: { households: number } } }).total.subtotal.households).toBe(truth.totals.households);
    const bad = fupin(['publish', 'fixtures/publish', '-o', path.join(tmp.dir, 'x.docx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(STACK_LINE);
  }, 120_000);
});

/** Fixture folders holding registers (hostile files have their own tests). */
function fixtureRoots(): string[] {
  const base = path.join(ROOT, 'fixtures');
  const roots: string[] = [];
  for (const name of readdirSync(base)) {
    const p = path.join(base, name);
    if (!statSync(p).isDirectory() || name === 'hostile') continue;
    if (name === 'situations' || name === 'diff') for (const sub of readdirSync(p)) roots.push(path.join(p, sub));
    else roots.push(p);
  }
  return roots;
}

/** Fixture folders with no register to publish (a focus list, 统计表 only): publish refuses them with exit 2. */
const NOTHING_TO_PUBLISH = new Set(['fixtures/focus', 'fixtures/identity-stats', 'fixtures/situations/tables']);

describe('no fixture leaks into any publish output', () => {
  for (const root of fixtureRoots()) {
    const rel = path.relative(ROOT, root);
    it(rel, async () => {
      const secrets: Secrets = emptySecrets();
      await readLedger([root], { profile: HUNAN, visitors: () => [secretsVisitor(secrets, HUNAN.divisions)] });
      const outputs: [string, string][] = [];
      // two runs a fixture (each reads it once): JSON on stdout with the .xlsx, HTML on stdout with the .csv
      const stem = rel.replace(/[/\\]/g, '_');
      const xlsx = path.join(tmp.dir, `${stem}.xlsx`);
      const json = await runCli(['publish', root, '--format', 'json', '-o', xlsx], { cwd: tmp.dir });
      // only the folders known to hold no register are refused: a publish that refused everything would check nothing
      expect(json.code === 2).toBe(NOTHING_TO_PUBLISH.has(rel.split(path.sep).join('/')));
      if (json.code === 2) {
        // nothing to publish (no readable register): said in one line, nothing written
        expect(json.err).not.toMatch(STACK_LINE);
        return;
      }
      const csv = path.join(tmp.dir, `${stem}.csv`);
      const html = await runCli(['publish', root, '--format', 'html', '--lang', 'en', '-o', csv], { cwd: tmp.dir });
      expect(html.code).toBeLessThan(2);
      outputs.push(['json', json.out], ['xlsx', await workbookText(xlsx)], ['html', html.out], ['csv', readFileSync(csv, 'utf8')]);
      const listing = JSON.parse(json.out) as { title: string; note: string };
      for (const [format, text] of outputs) {
        const leak = findLeak(text, secrets, [listing.title, listing.note]);
        expect(leak, `${rel}: ${format} leaks ${leak}`).toBeUndefined();
      }
    }, 120_000);
  }
});
