// fupin orgs — being written (issue 3/4); this placeholder keeps the build green until it lands.
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

export async function orgsCommand(_paths: string[], _flags: Record<string, unknown>, _io: CliIO): Promise<number> {
  throw new UsageError('fupin orgs: 尚未完成 / not finished yet');
}
