// What a double-click on fupin-win-x64.exe does: the checking page of `fupin serve` (src/serve), opened in the default
// browser, until the clerk presses Enter or closes the window; should the page not start, the console's instructions
// for dropping files onto the executable instead.
import type { Lang } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import type { CliIO } from './io.js';

/** The command line, `run` of main.ts: argv in, exit code out (passed in, so the clerk's modules load only when needed). */
export type RunCli = (argv: string[], io: CliIO) => Promise<number>;

/** How to drop files onto the executable, until Enter. */
async function showHowToDrop(io: CliIO, lang: Lang, waitForEnter: () => Promise<void>): Promise<number> {
  io.stdout(`${render({ id: 'clerk/how-to' }, lang)}\n\n${render({ id: 'clerk/close' }, lang)}\n`);
  await waitForEnter();
  return 0;
}

/** A double-click on the executable (no arguments): the page until Enter. Returns the exit code. */
export async function startClerkPage(io: CliIO, waitForEnter: () => Promise<void>, open?: (url: string) => void): Promise<number> {
  const lang: Lang = io.env.FUPIN_LANG === 'en' ? 'en' : 'zh';
  const { serveUntilStopped } = await import('../serve/run.js');
  try {
    return await serveUntilStopped({ io, lang, port: 0, flags: {}, style: 'clerk', until: waitForEnter(), ...(open ? { open } : {}) });
  } catch (e) {
    // in the catalogue's words, as the command line says it (a usage error's own message is its catalogue id)
    const { failureOf } = await import('./failure.js');
    const why = failureOf(e).msgs.map((m) => render(m, lang)).join('\n');
    io.stderr(`${render({ id: 'clerk/crashed', data: { why } }, lang)}\n`);
    return showHowToDrop(io, lang, waitForEnter);
  }
}
