// fupin check [DIR]: a whole ledger at once — validate every register, roll up, reconcile, check quotas — with one exit code.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_QUOTA_TABLE, deadlineStatus } from '../../core/config.js';
import { HouseholdIndex } from '../../core/household.js';
import { checkLedger } from '../../core/ledger/check.js';
import { keepsAddresses } from '../../core/ledger/quota-actuals.js';
import { pairings, validation } from '../../core/ledger/visitors.js';
import type { Msg } from '../../core/model.js';
import { compact } from '../../core/normalize.js';
import type { QuotaTable } from '../../core/quota/index.js';
import { allRules } from '../../core/rules/index.js';
import { formatCheckJson } from '../../formatters/check-json.js';
import { formatCheckPretty } from '../../formatters/check-pretty.js';
import { renderCheck, type CheckReport } from '../../formatters/check-report.js';
import { formatGithub } from '../../formatters/github.js';
import { formatJunit } from '../../formatters/junit.js';
import { configPath, loadConfig } from '../../io/config.js';
import { usage, UsageError } from '../errors.js';
import { useColor } from '../io.js';
import { openLedger, profileFor, type ReadingFlags } from '../ledger.js';
import { writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';
import { quotaTable } from '../quota-table.js';

type CheckFormat = 'pretty' | 'json' | 'github' | 'junit';

interface CheckFlags extends ReadingFlags {
  format: CheckFormat;
  output?: string;
  strict?: boolean;
  color?: boolean;
  verbose?: boolean;
}

const posix = (p: string): string => p.split(path.sep).join('/');

function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function formatCheck(report: CheckReport, format: CheckFormat, opts: { color: boolean; width: number; verbose?: boolean }): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report, { rules: allRules.map((r) => r.meta.id) });
    case 'pretty': {
      // the pretty report lists each city's table only with --verbose: the provincial table has a row per city
      const rollup = report.rollup && !opts.verbose ? { ...report.rollup, byCity: [] } : report.rollup;
      return formatCheckPretty({ ...report, ...(rollup ? { rollup } : {}) }, opts);
    }
  }
}

const check: CommandFn = async ([dirArg], raw, ctx) => {
  const flags = raw as CheckFlags;
  const dir = typeof dirArg === 'string' && dirArg ? dirArg : '.';
  const root = path.resolve(ctx.io.cwd, dir);
  const st = await stat(root).catch(() => undefined);
  if (!st) throw usage('check/missing', { dir });
  if (!st.isDirectory()) throw usage('check/not-dir', { dir });

  const loaded = await loadConfig(root, ctx.io.cwd);
  const config = loaded.config;
  const configFile = loaded.file ? posix(path.relative(ctx.io.cwd, loaded.file)) || 'fupin.config.json' : 'fupin.config.json';
  if (config.province !== undefined && !(await profileFor(config.province).catch(() => undefined))) {
    throw usage('check/config-province', { file: configFile, value: config.province });
  }
  let orgs: string | undefined;
  if (config.orgs !== undefined) {
    orgs = configPath(loaded, config.orgs);
    if (!(await stat(orgs).catch(() => undefined))?.isFile()) throw usage('check/config-orgs', { file: configFile, orgs: config.orgs });
  }
  const strict = Boolean(flags.strict) || config.strict;
  const { ledger, profile } = await openLedger(
    [root],
    { ...flags, ...(config.province ? { province: config.province } : {}) },
    ctx,
    (registry, p) => [validation(allRules, { strict, divisions: p.divisions, ...(registry ? { registry } : {}) }), pairings(new HouseholdIndex(p.divisions), (r) => keepsAddresses(r.area.level))],
    { config: loaded, ...(orgs ? { orgs } : {}) },
  );
  if (ledger.files.length === 0 && ledger.passedOver.length === 0) throw usage('check/no-files', { dir });

  // the quota table: the built-in one of the province, or the config's file; one for another province is not used
  let table: QuotaTable | Msg;
  try {
    table = config.quotaTable === BUILTIN_QUOTA_TABLE && !profile.quotaTable
      ? { id: 'quota/no-builtin', data: { province: profile.name } }
      : await quotaTable(config.quotaTable === BUILTIN_QUOTA_TABLE ? undefined : configPath(loaded, config.quotaTable), profile, ctx);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError({ id: 'check/quota-table', data: { file: configFile, why: e.msg } });
    throw e;
  }
  if ('rows' in table && compact(table.province).replace(/省$/u, '') !== compact(profile.name).replace(/省$/u, '')) {
    table = { id: 'check/quota-province', data: { table: table.province, province: profile.name } };
  }

  const shown = (file: string): string => posix(path.relative(root, path.resolve(root, file)));
  const result = checkLedger({ ledger, profile, config, quotaTable: table, strict, shown });
  const rel = posix(path.relative(ctx.io.cwd, root));
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
    },
    ledger.passedOver,
  );

  const width = ctx.io.stdoutIsTTY ? ctx.io.columns : 120;
  const opts = { width, verbose: Boolean(flags.verbose) };
  if (flags.output) {
    const text = formatCheck(report, flags.format, { ...opts, color: false, width: 120 });
    await writeOutput(flags.output, Buffer.from(text, 'utf8'), ctx, { force: true, inputs: ledger.files.map((f) => f.abs) });
    ctx.io.stdout(formatCheck(report, 'pretty', { ...opts, color: useColor(ctx.io, flags.color) }));
  } else {
    ctx.io.stdout(formatCheck(report, flags.format, { ...opts, color: flags.format === 'pretty' && useColor(ctx.io, flags.color) }));
  }
  return report.summary.exitCode;
};

export default check;
