// What a double-click on fupin-win-x64.exe does: for now a page of instructions in the console; later the local web page.
import type { Lang } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import type { CliIO } from './io.js';

/** The command line, `run` of main.ts: argv in, exit code out (passed in, so the clerk's modules load only when needed). */
export type RunCli = (argv: string[], io: CliIO) => Promise<number>;


/** How to drop files onto the executable, until Enter. */
async function showHowToDrop(io: CliIO, waitForEnter: () => Promise<void>): Promise<number> {
  const lang: Lang = io.env.FUPIN_LANG === 'en' ? 'en' : 'zh';
  io.stdout(`${render({ id: 'clerk/how-to' }, lang)}\n\n${render({ id: 'clerk/close' }, lang)}\n`);
  await waitForEnter();
  return 0;
}

/** A double-click on the executable (no arguments). Returns the exit code. */
export async function startClerkPage(run: RunCli, io: CliIO, waitForEnter: () => Promise<void>): Promise<number> {
  // Issue 13 plugs `fupin serve` in here: this line becomes `return run(['serve', '--open'], io);`
  return showHowToDrop(io, waitForEnter);
}
