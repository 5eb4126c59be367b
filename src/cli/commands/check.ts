// fupin check [DIR]: a whole ledger at once — validate every register, roll up, reconcile, check quotas — with one exit code.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { deadlineStatus } from '../../core/config.js';
import { HouseholdIndex } from '../../core/household.js';
import { checkLedger } from '../../core/ledger/check.js';
import { keepsAddresses } from '../../core/ledger/quota-actuals.js';
import { pairings, validation } from '../../core/ledger/visitors.js';
import { allRules } from '../../core/rules/index.js';
import { formatCheck, type CheckFormat } from '../../formatters/check-format.js';
import { renderCheck } from '../../formatters/check-report.js';
import { slashPath } from '../../io/display-path.js';
import { usage } from '../errors.js';
import { terminalLayout, useColor } from '../io.js';
import { configuredQuotaTable, ledgerSettings } from '../ledger-config.js';
import { openLedger, profileFor } from '../ledger.js';
import { openLists, type ListFlags } from '../whom.js';
import { whomCoverage } from '../../core/roster/coverage.js';
import { whom } from '../../core/roster/visitor.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface CheckFlags extends ListFlags {
  format: CheckFormat;
  output?: string;
  force?: boolean;
  strict?: boolean;
  color?: boolean;
  verbose?: boolean;
}

function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const check: CommandFn = async ([dirArg], raw, ctx) => {
  const flags = raw as CheckFlags;
  const dir = typeof dirArg === 'string' && dirArg ? dirArg : '.';
  const root = path.resolve(ctx.io.cwd, dir);
  const st = await stat(root).catch(() => undefined);
  if (!st) throw usage('check/missing', { dir });
  if (!st.isDirectory()) throw usage('check/not-dir', { dir });

  // the report may go into the ledger (CI keeps fupin-junit.xml there): only the registers themselves are inputs
  if (flags.output) await checkTarget(flags.output, ctx, { force: flags.force });
  const settings = await ledgerSettings(root, ctx);
  const { loaded, configFile, orgs } = settings;
  const config = loaded.config;
  const strict = Boolean(flags.strict) || config.strict;
  // the ledger's rosters and focus lists ("rosters"/"focus" in fupin.config.json, or --roster/--focus): roster findings
  // are the registers' own; the count gains the roster and focus sections, as rollup's does
  const lists = await openLists(flags, loaded, await profileFor(config.province), ctx);
  const { roster } = lists;
  const whomVisitor = whom(roster, lists.focus);
  const { ledger, profile } = await openLedger(
    [root],
    { ...flags, ...(config.province ? { province: config.province } : {}) },
    ctx,
    (registry, p) => [
      validation(allRules, { strict, divisions: p.divisions, ...(registry ? { registry } : {}), ...(roster ? { roster } : {}) }),
      pairings(new HouseholdIndex(p.divisions), (r) => keepsAddresses(r.area.level)),
      ...(whomVisitor ? [whomVisitor] : []),
    ],
    { config: loaded, ...(orgs ? { orgs } : {}), lists: lists.files },
  );
  if (ledger.files.length === 0 && ledger.passedOver.length === 0) throw usage('check/no-files', { dir });

  const table = await configuredQuotaTable(settings, profile, ctx);
  const shown = (file: string): string => slashPath(path.relative(root, path.resolve(root, file)));
  const result = checkLedger({ ledger, profile, config, quotaTable: table, strict, shown });
  const rel = slashPath(path.relative(ctx.io.cwd, root));
  const report = renderCheck(
    result,
    {
      root: dir,
      pathPrefix: rel === '' ? '' : `${rel}/`,
      config: {
        ...(loaded.file ? { file: configFile } : {}),
        province: profile.name,
        ...(config.year !== undefined ? { year: config.year } : {}),
        quotaTable: config.quotaTable,
        strict,
        quotaFindings: config.quotaFindings,
      },
      deadlines: deadlineStatus(config.deadlines, localDate(new Date())),
      title: profile.titles.stats,
      lang: ctx.lang,
      ...(result.rollup ? { whom: whomCoverage(ledger, result.rollup.counted, lists, profile.divisions) } : {}),
    },
    ledger.passedOver,
  );

  const opts = { ...terminalLayout(ctx.io), verbose: Boolean(flags.verbose) };
  if (flags.output) {
    // a file has no terminal: no width to fit
    const text = formatCheck(report, flags.format, { verbose: opts.verbose, color: false });
    await writeOutput(flags.output, Buffer.from(text, 'utf8'), ctx, { force: flags.force, inputs: ledger.files.map((f) => f.abs) });
    ctx.io.stdout(formatCheck(report, 'pretty', { ...opts, color: useColor(ctx.io, flags.color) }));
  } else {
    ctx.io.stdout(formatCheck(report, flags.format, { ...opts, color: flags.format === 'pretty' && useColor(ctx.io, flags.color) }));
  }
  return report.summary.exitCode;
};

export default check;
