// fupin quota: checks registers (or city 统计表) against the 附4 minimums — per city, per type, per organisation — and prints or writes the result.
import path from 'node:path';
import { BUILTIN_QUOTA_TABLE } from '../../core/config.js';
import { HouseholdIndex } from '../../core/household.js';
import { configPath } from '../../io/config.js';
import { gatherActuals, keepsAddresses } from '../../core/ledger/quota-actuals.js';
import { pairings } from '../../core/ledger/visitors.js';
import { checkQuota, type QuotaReport } from '../../core/quota/index.js';
import { render } from '../../formatters/catalogue/index.js';
import { formatQuotaJson } from '../../formatters/quota-json.js';
import { formatQuotaPretty } from '../../formatters/quota-pretty.js';
import { writeQuotaProgress } from '../../io/writers/quota-progress.js';
import { EXIT, usage } from '../errors.js';
import { terminalLayout, useColor } from '../io.js';
import { encodingOf, ledgerConfig, openLedger, profileFor, type ReadingFlags } from '../ledger.js';
import { checkTarget, reportWritten } from '../outputs.js';
import type { CommandFn } from './index.js';
import { quotaTable } from '../quota-table.js';

interface QuotaFlags extends ReadingFlags {
  format: 'pretty' | 'json';
  table?: string;
  output?: string;
  force?: boolean;
  color?: boolean;
}

const quota: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as QuotaFlags;
  const inputs = paths as string[];
  if (inputs.length === 0) throw usage('quota/no-paths');
  if (flags.output) {
    if (path.extname(flags.output).toLowerCase() !== '.xlsx') throw usage('quota/bad-output', { value: flags.output });
    await checkTarget(flags.output, ctx, { force: flags.force, inputs });
  }
  const config = await ledgerConfig(inputs, ctx.io.cwd);
  const profile = await profileFor(flags.province ?? config?.config.province);
  // --table, else the ledger's config names one, else the province's built-in table
  const configured = config && config.config.quotaTable !== BUILTIN_QUOTA_TABLE ? configPath(config, config.config.quotaTable) : undefined;
  const table = await quotaTable(flags.table ?? configured, profile, ctx, encodingOf(flags));

  const { ledger } = await openLedger(inputs, flags, ctx, (_registry, p) => [pairings(new HouseholdIndex(p.divisions), (r) => keepsAddresses(r.area.level))], config ? { config } : {});
  if (ledger.files.length === 0) throw usage('input/no-files', { paths: inputs });

  const gathered = gatherActuals(ledger, table, profile);
  if (gathered.actuals.areas.length === 0) throw usage('quota/nothing', { paths: inputs, notes: gathered.notes.map((n) => `\n  ${render(n, ctx.lang)}`).join('') });
  const report: QuotaReport = checkQuota(table, gathered.actuals, profile.cityNames);
  report.notes = [...gathered.notes, ...report.notes];
  // areas in the table's order (省本级 first), whatever order the input was read in
  const order = new Map(table.rows.map((r, i) => [r.unit, i]));
  report.areas.sort((a, b) => (order.get(a.unit) ?? order.size) - (order.get(b.unit) ?? order.size));
  if (report.areas.length === 0) throw usage('quota/none-in-table', { names: report.notInTable });

  if (flags.output) {
    const written = await writeQuotaProgress(path.resolve(ctx.io.cwd, flags.output), report, table, {
      force: Boolean(flags.force),
      inputs: [...ledger.files.map((f) => f.abs), ...(flags.table ? [path.resolve(ctx.io.cwd, flags.table)] : []), ...(ledger.registryFile ? [ledger.registryFile] : [])],
      say: (m) => render(m, ctx.lang),
      cwd: ctx.io.cwd,
    });
    reportWritten(written, ctx);
  }

  if (flags.format === 'json') ctx.io.stdout(formatQuotaJson(report, ctx.lang));
  else ctx.io.stdout(formatQuotaPretty(report, { color: useColor(ctx.io, flags.color), ...terminalLayout(ctx.io), lang: ctx.lang }));
  return report.met ? EXIT.ok : EXIT.problems;
};

export default quota;
