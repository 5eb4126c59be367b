// fupin diff OLD NEW [--format json] [-o 变更.xlsx]: what changed between two versions of a register (core/diff).
// Exit 0 when no pairing changed, 1 when some did, 2 on trouble (like diff): a file that could not be read.
import path from 'node:path';
import { diffRows, hasChanges, planDiff, versionOf } from '../../core/diff/diff.js';
import { HouseholdIndex } from '../../core/household.js';
import type { Ledger } from '../../core/ledger/model.js';
import { render, renderProblem } from '../../formatters/catalogue/index.js';
import { diffTable, formatDiffJson, formatDiffPretty } from '../../formatters/diff.js';
import { writeTablesWorkbook } from '../../io/writers/tables.js';
import { EXIT, usage } from '../errors.js';
import { openLedger, type ReadingFlags } from '../ledger.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface DiffFlags extends ReadingFlags {
  output?: string;
  format?: string;
  force?: boolean;
}

const diff: CommandFn = async ([oldPath, newPath], raw, ctx) => {
  const flags = raw as DiffFlags;
  if (typeof oldPath !== 'string' || typeof newPath !== 'string') throw usage('diff/no-paths');
  if (flags.output && path.extname(flags.output).toLowerCase() !== '.xlsx') throw usage('diff/bad-output', { value: flags.output });
  if (flags.output) await checkTarget(flags.output, ctx, { force: flags.force, inputs: [oldPath, newPath] });

  // one household index over both versions: a household is the same in both whatever its address spelling
  let index: HouseholdIndex | undefined;
  const visitors = (_r: unknown, p: { divisions: HouseholdIndex['divisions'] }) => [diffRows((index ??= new HouseholdIndex(p.divisions)))];
  const say = (id: string, data?: Record<string, string | number>): void => ctx.io.stderr(`${render({ id, ...(data ? { data } : {}) }, ctx.lang)}\n`);
  let trouble = false;
  const read = async (p: string, side: 'old' | 'new'): Promise<Ledger> => {
    const { ledger } = await openLedger([p], flags, ctx, visitors);
    const sideName = render({ id: `diff/side-${side}` }, ctx.lang);
    for (const f of ledger.files) {
      if (f.kind !== 'unreadable' && f.kind !== 'not-register') continue;
      trouble = true;
      say('diff/unreadable', { side: sideName, file: f.file, reason: f.failure ? renderProblem(f.failure, ctx.lang) : '' });
    }
    if (!ledger.files.some((f) => f.registers.length > 0)) throw usage('diff/no-registers', { side: sideName, paths: [p] });
    return ledger;
  };
  const before = await read(oldPath, 'old');
  const after = await read(newPath, 'new');
  const plan = planDiff(versionOf(before), versionOf(after));

  if (flags.format === 'json') ctx.io.stdout(formatDiffJson(plan));
  else ctx.io.stdout(formatDiffPretty(plan, ctx.lang));
  if (flags.output) {
    const title = render({ id: 'diff/title', data: { old: oldPath, new: newPath } }, ctx.lang);
    const bytes = await writeTablesWorkbook({ kind: 'diff', title, tables: [diffTable(plan, ctx.lang)] });
    await writeOutput(flags.output, bytes, ctx, { force: flags.force, inputs: [...before.files, ...after.files].map((f) => f.abs) });
  }
  if (trouble) return EXIT.failed;
  return hasChanges(plan) ? EXIT.problems : EXIT.ok;
};

export default diff;
