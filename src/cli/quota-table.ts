// The quota table a command checks against: --table (or the config's file), else the province's built-in table.
import path from 'node:path';
import type { ProvinceProfile } from '../core/profile.js';
import type { QuotaTable } from '../core/quota/index.js';
import { render } from '../formatters/catalogue/index.js';
import { QuotaTableFileError, readQuotaTableFile } from '../io/quota-table.js';
import type { CommandContext } from './commands/index.js';
import { usage, UsageError } from './errors.js';
import type { encodingOf } from './ledger.js';

/** The --table file, else the province's built-in table; a table with errors ends the command (exit 2) listing every cell at fault. */
export async function quotaTable(file: string | undefined, profile: ProvinceProfile, ctx: CommandContext, encoding?: ReturnType<typeof encodingOf>): Promise<QuotaTable> {
  if (!file) {
    if (!profile.quotaTable) throw usage('quota/no-builtin', { province: profile.name });
    return profile.quotaTable;
  }
  let result;
  try {
    result = await readQuotaTableFile(path.resolve(ctx.io.cwd, file), { ...(encoding ? { encoding } : {}), province: profile.name, divisions: profile.divisions });
  } catch (e) {
    if (e instanceof QuotaTableFileError) throw new UsageError(e.msg);
    throw e;
  }
  if ('table' in result) return result.table;
  throw usage('quota/table-errors', { file, count: result.errors.length, errors: result.errors.map((x) => `\n  ${render(x.message, ctx.lang)}`).join('') });
}

