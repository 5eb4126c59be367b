// fupin rollup: a city folder → its 统计表, a province folder → the provincial table, city 统计表 files → the provincial total.
import path from 'node:path';
import { HouseholdIndex } from '../../core/household.js';
import { planRollup } from '../../core/ledger/plan-rollup.js';
import { problemMsg } from '../../core/ledger/quota-actuals.js';
import { pairings } from '../../core/ledger/visitors.js';
import type { RollupTable } from '../../core/model.js';
import { render } from '../../formatters/catalogue/index.js';
import { formatRollupJson } from '../../formatters/rollup-json.js';
import { renderFinding, type RollupReport } from '../../formatters/rollup-report.js';
import { EXIT, usage } from '../errors.js';
import { terminalLayout, useColor } from '../io.js';
import { ledgerConfig, openLedger, profileFor } from '../ledger.js';
import { openLists, type ListFlags } from '../whom.js';
import { whom } from '../../core/roster/visitor.js';
import { whomCoverage } from '../../core/roster/coverage.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface RollupFlags extends ListFlags {
  format: 'pretty' | 'json' | 'csv';
  output?: string;
  by?: 'city';
  unit?: string;
  date?: string;
  strict?: boolean;
  force?: boolean;
  color?: boolean;
}

const OUTPUTS = ['.xlsx', '.csv', '.json'];

// The terminal table (chalk, with node:tty), the CSV writer and the 统计表 workbook's code are loaded when the format or
// the output asks for them: a `--format json` run loaded all three (~6 ms and ~300 memory pages of start-up, s27).
const csvOf = async (report: RollupReport) => (await import('../../formatters/rollup-csv.js')).formatRollupCsv(report);

const rollup: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as RollupFlags;
  const inputs = paths as string[];
  const ext = flags.output ? path.extname(flags.output).toLowerCase() : undefined;
  if (flags.output && !OUTPUTS.includes(ext ?? '')) throw usage('rollup/bad-output', { value: flags.output });
  if (inputs.length === 0) throw usage('rollup/no-paths');
  if (flags.output) await checkTarget(flags.output, ctx, { force: flags.force, inputs });

  const config = await ledgerConfig(inputs, ctx.io.cwd);
  const lists = await openLists(flags, config, await profileFor(flags.province ?? config?.config.province), ctx);
  const whomVisitor = whom(lists.roster, lists.focus);
  const { ledger, profile } = await openLedger(
    inputs,
    flags,
    ctx,
    (_registry, p) => [pairings(new HouseholdIndex(p.divisions)), ...(whomVisitor ? [whomVisitor] : [])],
    { ...(config ? { config } : {}), lists: lists.files },
  );
  const plan = planRollup(ledger);
  if (plan === 'no-area') throw usage('rollup/no-area');
  if (!plan) {
    const why = ledger.files.filter((f) => f.failure).slice(0, 3).map((f) => ({ id: 'rollup/why', data: { file: f.file, why: problemMsg(f.failure!) } }));
    throw usage('rollup/no-input', { paths: inputs, why });
  }
  const report: RollupReport = {
    title: profile.titles.stats,
    table: plan.table,
    ...(flags.by === 'city' && plan.table.level === 'province' ? { byCity: plan.byCity } : {}),
    problems: plan.findings.map((f) => renderFinding(f, ctx.lang)),
    source: plan.source,
    leftOut: {
      rows: plan.rowsLeftOut.reduce((n, l) => n + l.rows.length, 0),
      files: plan.filesLeftOut.map((f) => ({ file: f.file, why: render(f.why, ctx.lang) })),
    },
    lang: ctx.lang,
  };
  // the roster and focus sections count the registers the table counts, households as the table identifies them
  Object.assign(report, whomCoverage(ledger, plan.counted, lists, profile.divisions));

  if (flags.format === 'json') ctx.io.stdout(formatRollupJson(report));
  else if (flags.format === 'csv') ctx.io.stdout(await csvOf(report));
  else {
    const { formatRollupPretty } = await import('../../formatters/rollup-pretty.js');
    ctx.io.stdout(formatRollupPretty(report, { color: useColor(ctx.io, flags.color), ...terminalLayout(ctx.io) }));
  }

  if (flags.output) {
    const readFrom = [...ledger.files.map((f) => f.abs), ...(ledger.registryFile ? [ledger.registryFile] : [])];
    const write = (file: string, bytes: Uint8Array) => writeOutput(file, bytes, ctx, { force: flags.force, inputs: readFrom });
    if (ext === '.xlsx') {
      const [{ whomSheets }, { writeStatsTable }, { formDate }] = await Promise.all([
        import('../../formatters/whom-sheets.js'),
        import('../../io/writers/stats.js'),
        import('../../io/writers/template-book.js'),
      ]);
      const date = flags.date ?? formDate(new Date());
      const form = (t: RollupTable, sheets: ReturnType<typeof whomSheets> = []) =>
        writeStatsTable(t, { title: profile.titles.stats, ...(flags.unit ? { unitLine: flags.unit } : {}), date, sheets });
      await write(flags.output, await form(report.table, whomSheets(report)));
      // with --by city each city's form goes beside it (全省.xlsx → 全省-怀化市.xlsx …): the template is one sheet
      const stem = flags.output.slice(0, flags.output.length - ext.length);
      for (const t of report.byCity ?? []) await write(`${stem}-${t.area}${ext}`, await form(t));
    } else if (ext === '.csv') await write(flags.output, Buffer.from(await csvOf(report), 'utf8'));
    else await write(flags.output, Buffer.from(formatRollupJson(report), 'utf8'));
  }

  const errors = plan.findings.filter((p) => p.severity === 'error').length;
  const warnings = plan.findings.filter((p) => p.severity === 'warning').length;
  // a count that left rows or files out is not a clean count: the clerk must see it before signing
  const leftOut = report.leftOut.rows > 0 || report.leftOut.files.length > 0;
  return errors > 0 || leftOut || (flags.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
};

export default rollup;
