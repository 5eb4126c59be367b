// Every pretty formatter fits the terminal it is given: at 60, 80 and 120 columns no line is wider, counted in display
// columns (CJK two), also where the console draws ambiguous characters (box drawing, “ ”, ✔✖▲ℹ) two columns wide.
// The reports are the example ledger's, as `validate` and `rollup` make them.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../src/core/household.js';
import { planRollup } from '../../src/core/ledger/plan-rollup.js';
import { pairings } from '../../src/core/ledger/visitors.js';
import { checkQuota } from '../../src/core/quota/index.js';
import { readLedger } from '../../src/io/read-ledger.js';
import { formatCheckPretty } from '../../src/formatters/check-pretty.js';
import { formatPretty } from '../../src/formatters/pretty.js';
import { formatQuotaPretty } from '../../src/formatters/quota-pretty.js';
import { formatRollupPretty } from '../../src/formatters/rollup-pretty.js';
import type { RollupReport } from '../../src/formatters/rollup-report.js';
import { renderReports, type ValidationReport } from '../../src/formatters/report.js';
import { displayWidth, type WidthOptions } from '../../src/formatters/text-width.js';
import { ROOT } from '../e2e/helpers.js';
import { readForTest } from '../helpers/ledger.js';
import { HUNAN, HUNAN_2016 } from '../helpers/profile.js';
import { ACTUALS } from './quota-actuals.js';
import { sampleReport } from './report-fixture.js';

const WIDTHS = [60, 80, 120] as const;
const LEDGER = path.join(ROOT, 'fixtures/ledger');

/** The widest line, in display columns. */
function widest(text: string, o: WidthOptions): { width: number; line: string } {
  let best = { width: 0, line: '' };
  for (const line of text.split('\n')) {
    const w = displayWidth(line, o);
    if (w > best.width) best = { width: w, line };
  }
  return best;
}

let validation: ValidationReport;
let rollup: RollupReport;

// the example ledger read in-process, as validate and rollup read it (no process to spawn)
beforeAll(async () => {
  const v = await readForTest([LEDGER]);
  validation = renderReports(v.reports, 'zh');
  const { ledger } = await readLedger([LEDGER], { profile: HUNAN, visitors: () => [pairings(new HouseholdIndex(HUNAN.divisions))] });
  const plan = planRollup(ledger);
  if (!plan || plan === 'no-area') throw new Error('the example ledger rolls up');
  rollup = { title: HUNAN.titles.stats, table: plan.table, byCity: plan.byCity, problems: [], source: plan.source, leftOut: { rows: 0, files: [] }, lang: 'zh' };
});

describe.each([false, true])('no line wider than the terminal (ambiguous characters double: %s)', (ambiguousWide) => {
  const o: WidthOptions = ambiguousWide ? { ambiguousWide: true } : {};
  const layout = (width: number) => ({ width, ...(ambiguousWide ? { ambiguousWide: true } : {}) });

  it.each(WIDTHS)('validate at %i columns', (width) => {
    for (const lang of ['zh', 'en'] as const) {
      const out = formatPretty({ ...validation, lang }, { color: false, explain: false, ...layout(width) });
      const w = widest(out, o);
      expect(w.width, w.line).toBeLessThanOrEqual(width);
      // with colour the same lines, only painted
      const coloured = formatPretty({ ...validation, lang }, { color: true, explain: true, ...layout(width) });
      expect(widest(coloured, o).width).toBeLessThanOrEqual(width);
    }
  });

  it.each(WIDTHS)('rollup (provincial table and every city table) at %i columns', (width) => {
    const out = formatRollupPretty(rollup, { color: true, ...layout(width) });
    const w = widest(out, o);
    expect(w.width, w.line).toBeLessThanOrEqual(width);
    expect(out).toContain('湘西土家族苗族自治州'.slice(0, 4));
  });

  it.each(WIDTHS)('check, quota and a hand-made report with hostile text at %i columns', (width) => {
    const check = formatCheckPretty(sampleReport(), { color: false, ...layout(width) });
    expect(widest(check, o).width, widest(check, o).line).toBeLessThanOrEqual(width);
    const quota = formatQuotaPretty(checkQuota(HUNAN_2016, ACTUALS, HUNAN.cityNames), { color: false, lang: 'zh', ...layout(width) });
    expect(widest(quota, o).width, widest(quota, o).line).toBeLessThanOrEqual(width);
  });
});

describe('how validate and rollup give way on a narrow terminal', () => {
  it('validate: a table at 80 and 120 columns, one block per finding at 60', () => {
    const at = (width: number) => formatPretty(validation, { color: false, explain: false, width });
    expect(at(120)).toContain('┌');
    expect(at(80)).toContain('┌');
    const narrow = at(60);
    expect(narrow).not.toContain('┌');
    // the finding's cell, column and value on one line, the message indented under it
    const lines = narrow.split('\n');
    const i = lines.findIndex((l) => l.startsWith('  E7 联系方式 “1.39123E+10”'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toMatch(/^ {6}错误 E7 联系方式“1\.39123E\+10”被 Excel 改成了科学计数/);
  });

  it('rollup: the whole form at 120 and 80, two halves at 60, a list below the narrowest table', () => {
    const tables = (width: number) => formatRollupPretty({ ...rollup, byCity: [] }, { color: false, width }).split('\n').filter((l) => l.startsWith('┌')).length;
    expect(tables(120)).toBe(1);
    expect(tables(80)).toBe(1);
    expect(tables(60)).toBe(2);
    const list = formatRollupPretty({ ...rollup, byCity: [] }, { color: false, width: 40 });
    expect(list).not.toContain('┌');
    expect(list).toContain('（各类写作：参与单位数量/扶贫脱贫户数）');
    expect(widest(list, {}).width).toBeLessThanOrEqual(40);
  });

  it('not a terminal: no width to fit — tables in the 120-column layout (never the list), sentences left unwrapped', () => {
    const tables = (text: string): string[] => text.split('\n').filter((l) => /^ *[┌│├└]/u.test(l));
    const piped = formatPretty(validation, { color: false, explain: false });
    expect(tables(piped)).toEqual(tables(formatPretty(validation, { color: false, explain: false, width: 120 })));
    expect(piped.trimEnd().split('\n').at(-1)).toMatch(/^共检查 \d+ 个文件.*提示 \d+ 个。$/u);
    const rolled = formatRollupPretty(rollup, { color: false });
    expect(tables(rolled)).toEqual(tables(formatRollupPretty(rollup, { color: false, width: 120 })));
  });

  it('ASCII markers for consoles whose fonts lack ✔ ✖ ▲ ℹ', () => {
    const out = formatPretty(validation, { color: false, explain: false, width: 100, asciiMarkers: true });
    expect(out).not.toMatch(/[✔✖▲ℹ]/u);
    expect(out).toMatch(/^x 娄底市\/双峰县\.xlsx/mu);
    expect(out).toMatch(/^v 另有 \d+ 张登记表没有发现问题。/mu);
    expect(formatCheckPretty(sampleReport(), { color: false, width: 100, asciiMarkers: true })).not.toMatch(/[✔✖▲ℹ]/u);
  });

  it('double-width box drawing: every table line of a console that draws ─ │ two columns wide is equally wide', () => {
    const o = { ambiguousWide: true };
    const out = formatRollupPretty({ ...rollup, byCity: [] }, { color: false, width: 120, ambiguousWide: true });
    const tableLines = out.split('\n').filter((l) => /^[┌│├└]/u.test(l));
    expect(new Set(tableLines.map((l) => displayWidth(l, o))).size).toBe(1);
    const v = formatPretty(validation, { color: false, explain: false, width: 100, ambiguousWide: true });
    const first = v.split('\n').filter((l) => /^ {2}[┌│├└]/u.test(l)).slice(0, 8);
    expect(new Set(first.map((l) => displayWidth(l, o))).size).toBe(1);
  });
});
