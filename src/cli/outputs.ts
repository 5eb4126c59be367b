// Writing what a command produces, the same way for every command: refusals before a long read, the write itself,
// and one line on stderr naming what was written (relative to the working folder).
import path from 'node:path';
import { shownPath as shownFrom } from '../io/display-path.js';
import type { Ledger } from '../core/ledger/model.js';
import type { FileReport } from '../core/model.js';
import { render, renderProblem } from '../formatters/catalogue/index.js';
import { annotateReports } from '../io/annotate.js';
import { checkOutput, writeFileAtomic, type OutputBytes } from '../io/safe-write.js';
import type { CommandContext } from './commands/index.js';

/** A path as the clerk should read it: relative to the working folder when it is inside it, `/` separators. */
export function shownPath(abs: string, cwd: string): string {
  return shownFrom(cwd, abs);
}

/** Says on stderr that a file was written. */
export function reportWritten(abs: string, ctx: CommandContext): void {
  ctx.io.stderr(`${render({ id: 'cli/written', data: { file: shownPath(abs, ctx.io.cwd) } }, ctx.lang)}\n`);
}

/** The refusals a write would give at the end, checked before a long read. Throws OutputError. */
export async function checkTarget(file: string, ctx: CommandContext, opts: { force?: boolean; inputs?: readonly string[] } = {}): Promise<void> {
  await checkOutput(path.resolve(ctx.io.cwd, file), { force: Boolean(opts.force), inputs: (opts.inputs ?? []).map((i) => path.resolve(ctx.io.cwd, i)) });
}

/** Writes one output file atomically and reports it. */
export async function writeOutput(file: string, bytes: OutputBytes, ctx: CommandContext, opts: { force?: boolean; inputs?: readonly string[] } = {}): Promise<string> {
  const abs = await writeFileAtomic(path.resolve(ctx.io.cwd, file), bytes, {
    force: Boolean(opts.force),
    inputs: (opts.inputs ?? []).map((i) => path.resolve(ctx.io.cwd, i)),
  });
  reportWritten(abs, ctx);
  return abs;
}

/** validate --annotate DIR: an annotated copy of every readable register file, each reported. */
export async function writeAnnotated(reports: FileReport[], ledger: Ledger, dir: string, inputs: readonly string[], force: boolean, ctx: CommandContext): Promise<void> {
  const result = await annotateReports(reports, ledger.files, path.resolve(ctx.io.cwd, dir), {
    lang: ctx.lang,
    force,
    inputs: inputs.map((i) => path.resolve(ctx.io.cwd, i)),
    render: (p) => renderProblem(p, ctx.lang),
  });
  for (const w of result.written) {
    const data = { file: shownPath(w.out, ctx.io.cwd), problems: w.problems, cells: w.cells, ...(w.from ? { from: w.from } : {}) };
    ctx.io.stderr(`${render({ id: w.from ? 'output/annotated-converted' : 'output/annotated', data }, ctx.lang)}\n`);
  }
  for (const n of result.notWritten) ctx.io.stderr(`${render({ id: 'output/not-annotated', data: { file: n.file, why: n.message } }, ctx.lang)}\n`);
}
