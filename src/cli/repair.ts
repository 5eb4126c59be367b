// Repairs into copies — `fupin fix` and `fupin validate --fix` alike: plan (core), write the copies (io), list every change.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { planFix } from '../core/ledger/plan-fix.js';
import { repairs } from '../core/ledger/visitors.js';
import { allRules } from '../core/rules/index.js';
import { formatFixJson, formatFixPretty, type FixedFile, type FixRun } from '../formatters/fix.js';
import { render, renderProblem } from '../formatters/catalogue/index.js';
import { assertOutsideInputs, copyTarget, uniqueTarget, writeFixedCsv, writeFixedXlsx, type FixedCopy } from '../io/fix-writer.js';
import { writeFileAtomic } from '../io/safe-write.js';
import type { CommandContext } from './commands/index.js';
import { EXIT, usage } from './errors.js';
import { openLedger, type ReadingFlags } from './ledger.js';
import { shownPath } from './outputs.js';

export interface RepairFlags extends ReadingFlags {
  format?: 'pretty' | 'json';
  force?: boolean;
  dryRun?: boolean;
}

/** Repairs `inputs` into `out` (or only lists the repairs: dryRun) and prints what was done; the exit code. */
export async function repairInto(inputs: readonly string[], out: string | undefined, flags: RepairFlags, ctx: CommandContext): Promise<number> {
  const cwd = ctx.io.cwd;
  const target = out && !flags.dryRun ? path.resolve(cwd, out) : undefined;
  const given = inputs.map((i) => path.resolve(cwd, i));
  if (target) assertOutsideInputs(target, given);

  const { ledger } = await openLedger(inputs, flags, ctx, (registry, profile) => [
    repairs(allRules, { strict: false, divisions: profile.divisions, ...(registry ? { registry } : {}) }, registry ? { registry } : {}),
  ]);
  if (ledger.files.length === 0) throw usage('input/no-files', { paths: inputs });
  const plan = planFix(ledger);

  const run: FixRun = {
    files: [],
    unchanged: plan.unchanged.map((u) => u.file),
    unreadable: plan.unreadable.map((p) => ({ file: p.file, rule: p.rule, message: renderProblem(p, ctx.lang) })),
    dryRun: !target,
  };
  const used = new Set<string>();
  const readFrom = ledger.files.map((f) => f.abs);
  /** A file that needs no repair is copied as it is (byte for byte): the output folder is the whole repaired set. */
  const copyUnchanged = async (abs: string): Promise<void> => {
    if (!target) return;
    const to = uniqueTarget(copyTarget(abs, given, target), used);
    // writeFileAtomic makes the folders (a folder it cannot make is one line, as for every output)
    await writeFileAtomic(to, await readFile(abs), { force: Boolean(flags.force), inputs: readFrom, cwd: ctx.io.cwd });
  };
  // the org registry found at the top of a folder goes with the copies, so that validating them classifies alike
  if (ledger.registryFile && given.some((i) => path.dirname(ledger.registryFile!) === i)) await copyUnchanged(ledger.registryFile);
  for (const u of plan.unchanged) await copyUnchanged(u.abs);
  for (const r of plan.repairs) {
    const file: FixedFile = { file: r.file, format: r.format, ...(r.encoding ? { encoding: r.encoding } : {}), changes: r.fixes, skipped: [] };
    if (target) {
      const ext = r.format === 'csv' ? '.csv' : path.extname(r.abs).toLowerCase() === '.xlsx' ? undefined : '.xlsx';
      const to = uniqueTarget(copyTarget(r.abs, given, target, ext), used);
      const copy: FixedCopy =
        r.format === 'csv'
          ? await writeFixedCsv(r.abs, r.encoding, r.fixes, to, { force: Boolean(flags.force), inputs: readFrom })
          : await writeFixedXlsx(r.abs, r.fixes, to, { force: Boolean(flags.force), inputs: readFrom });
      file.out = shownPath(copy.out, cwd);
      file.changes = [...copy.applied, ...copy.guarded].sort((a, b) => a.row - b.row || a.col - b.col);
      file.skipped = copy.skipped;
      if (copy.from) file.from = copy.from;
    }
    run.files.push(file);
  }

  if (flags.format === 'json') ctx.io.stdout(formatFixJson(run, ctx.lang));
  else ctx.io.stdout(formatFixPretty(run, ctx.lang, out ?? ''));
  if (run.files.length === 0 && run.unchanged.length === 0) {
    ctx.io.stderr(`${render({ id: 'fix/nothing-readable' }, ctx.lang)}\n`);
    return EXIT.failed;
  }
  return run.unreadable.length ? EXIT.problems : EXIT.ok;
}
