// A ledger's fupin.config.json as fupin check uses it: loaded, its paths checked, its quota table resolved. Each fault
// names the config file and the key (exit 2), before any register is read.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_QUOTA_TABLE } from '../core/config.js';
import type { Msg } from '../core/model.js';
import { compact } from '../core/normalize.js';
import type { ProvinceProfile } from '../core/profile.js';
import type { QuotaTable } from '../core/quota/index.js';
import { configPath, loadConfig, type LoadedConfig } from '../io/config.js';
import { slashPath } from '../io/display-path.js';
import type { CommandContext } from './commands/index.js';
import { usage, UsageError } from './errors.js';
import { profileFor } from './ledger.js';
import { quotaTable } from './quota-table.js';

export interface LedgerConfig {
  loaded: LoadedConfig;
  /** The config file as shown in messages (relative to the working folder). */
  configFile: string;
  /** The org registry the config names, as an absolute path. */
  orgs?: string;
}

export async function ledgerSettings(root: string, ctx: CommandContext): Promise<LedgerConfig> {
  const loaded = await loadConfig(root, ctx.io.cwd);
  const config = loaded.config;
  const configFile = loaded.file ? slashPath(path.relative(ctx.io.cwd, loaded.file)) || 'fupin.config.json' : 'fupin.config.json';
  if (config.province !== undefined && !(await profileFor(config.province).catch(() => undefined))) {
    throw usage('check/config-province', { file: configFile, value: config.province });
  }
  let orgs: string | undefined;
  if (config.orgs !== undefined) {
    orgs = configPath(loaded, config.orgs);
    if (!(await stat(orgs).catch(() => undefined))?.isFile()) throw usage('check/config-orgs', { file: configFile, orgs: config.orgs });
  }
  return { loaded, configFile, ...(orgs ? { orgs } : {}) };
}

/**
 * The quota table the config names: the province's built-in one or a file. A province without a built-in table, or a
 * table of another province, is not used: the message says why (check reports it and goes on).
 */
export async function configuredQuotaTable(settings: LedgerConfig, profile: ProvinceProfile, ctx: CommandContext): Promise<QuotaTable | Msg> {
  const { loaded, configFile } = settings;
  const name = loaded.config.quotaTable;
  let table: QuotaTable | Msg;
  try {
    table = name === BUILTIN_QUOTA_TABLE && !profile.quotaTable
      ? { id: 'quota/no-builtin', data: { province: profile.name } }
      : await quotaTable(name === BUILTIN_QUOTA_TABLE ? undefined : configPath(loaded, name), profile, ctx);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError({ id: 'check/quota-table', data: { file: configFile, why: e.msg } });
    throw e;
  }
  // the table's province by full or short name (湖南省, 湖南): one of another province is not checked against this one
  if ('rows' in table && (profile.divisions.province(compact(table.province))?.name ?? table.province) !== profile.name) {
    return { id: 'check/quota-province', data: { table: table.province, province: profile.name } };
  }
  return table;
}
