// fupin fix PATH... --out DIR: safe, mechanical repairs written to copies (inputs are never written), and every change listed.
//
// Exit codes: 0 = the copies were written (or nothing needed repairing); 1 = some input could not be read, so it was
// not repaired (the others were); 2 = the job could not be done (bad usage, nothing readable, an output refused).
// The output folder holds every readable input: the repaired copies, the files that needed nothing copied as they are,
// and an orgs.csv found at the top of a folder given — so `fupin validate DIR` (and rollup) work on it as on the inputs.
import { usage } from '../errors.js';
import { repairInto, type RepairFlags } from '../repair.js';
import type { CommandFn } from './index.js';

interface FixFlags extends RepairFlags {
  out?: string;
}

const fix: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as FixFlags;
  const inputs = paths as string[];
  if (inputs.length === 0) throw usage('fix/no-paths');
  if (!flags.out && !flags.dryRun) throw usage('fix/no-out', { example: inputs.join(' ') });
  return repairInto(inputs, flags.out, flags, ctx);
};

export default fix;
