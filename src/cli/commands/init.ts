// fupin init DIR: lays out a ready ledger repository (blank registers per 市州 and county, config, README, git and CI files).
import path from 'node:path';
import { render } from '../../formatters/catalogue/index.js';
import { describeUpdate } from '../../formatters/init-update.js';
import { InitError, initLedger } from '../../io/init.js';
import { CHECK_SCRIPT, LedgerToolsError, TEXTCONV, updateLedgerTools } from '../../io/ledger-tools.js';
import { EXIT, usage, UsageError } from '../errors.js';
import { profileFor } from '../ledger.js';
import { progress } from '../progress.js';
import { version } from '../version.js';
import type { CommandFn } from './index.js';

interface InitFlags {
  province?: string;
  year?: string;
  force?: boolean;
  /** Refresh the vendored fupin (.fupin/) of an existing ledger. */
  update?: boolean;
}

const init: CommandFn = async ([dir], raw, ctx) => {
  const flags = raw as InitFlags;
  if (typeof dir !== 'string' || !dir) throw usage('init/no-dir');
  if (flags.update) {
    try {
      ctx.io.stdout(describeUpdate(await updateLedgerTools(path.resolve(ctx.io.cwd, dir)), ctx.lang, TEXTCONV));
    } catch (e) {
      if (e instanceof LedgerToolsError) throw new UsageError(e.msg);
      throw e;
    }
    return EXIT.ok;
  }
  const profile = await profileFor(flags.province);
  // the year: --year, else the year of the province's built-in quota table, else this year
  const yearText = flags.year ?? String(profile.quotaTable?.year ?? new Date().getFullYear());
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText.trim()) || year < 2000 || year > 2100) throw usage('init/bad-year', { value: yearText });
  const bar = progress(ctx.io, ctx.lang);
  let result;
  try {
    result = await initLedger(path.resolve(ctx.io.cwd, dir), { profile, year, force: Boolean(flags.force), version: await version(), onFile: bar.tick });
  } catch (e) {
    if (e instanceof InitError) throw new UsageError(e.msg);
    throw e;
  } finally {
    bar.done();
  }
  const units = render({ id: profile.cities.some((c) => c.layout === 'townships') ? 'init/units-mixed' : 'init/units-counties' }, ctx.lang);
  const data = { dir, created: result.created.length, kept: result.kept.length, cities: result.cities, counties: result.counties, province: result.province, units, check: CHECK_SCRIPT, textconv: TEXTCONV };
  ctx.io.stdout(`${render({ id: result.kept.length ? 'init/done-kept' : 'init/done', data }, ctx.lang)}\n${render({ id: 'init/next', data }, ctx.lang)}\n`);
  return EXIT.ok;
};

export default init;
