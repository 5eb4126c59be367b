// The process entry (bin/fupin.js, the one-file build, the executables): a clerk's double-click or drop, else the command line.
import { render } from '../formatters/catalogue/index.js';
import { isPackagedExecutable } from '../io/package-root.js';
import { processIO, standardStreamsMade } from './io.js';
import { run } from './main.js';

/** Only the packaged executable can be started by Explorer: the clerk's module is loaded there and nowhere else. */
async function clerkLaunch(argv: string[]): Promise<number | undefined> {
  if (!isPackagedExecutable()) return undefined;
  const clerk = await import('./clerk.js');
  return clerk.clerkLaunch(argv, run, processIO());
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = (await clerkLaunch(argv)) ?? (await run(argv));
  } catch (err) {
    // run() reports its own failures; this is the last line of defence.
    const why = err instanceof Error ? err.message : String(err);
    const lang = process.env.FUPIN_LANG === 'en' ? 'en' : 'zh';
    process.stderr.write(`${lang === 'zh' ? 'fupin：' : 'fupin: '}${render({ id: 'cli/internal', data: { detail: why } }, lang)}\n`);
    process.exitCode = 2;
  }
}

/**
 * main() and then the end of the process, as soon as what it wrote is out (the entries call this; tests call main/run).
 *
 * A command resolves only once its work is done: outputs renamed into place, the server stopped, the clerk's Enter read.
 * Left to itself, Node would still wait before ending for V8's background work to finish — optimising compiles of hot
 * functions, concurrent marking — none of which any output needs (NodePlatform::DrainTasks after the last event): 33 ms
 * of a 275 ms 50-row validate on a quiet machine (main 20a85d8), more on a busy one. process.exit() keeps the exit code
 * and still runs the 'exit' handlers (safe-write removes a temporary file there). Output still being written (a
 * Windows terminal or pipe writes asynchronously) is waited for first; a stream that fails instead ends the process as
 * before, by itself.
 */
export async function mainThenExit(argv?: string[]): Promise<void> {
  await main(argv);
  // (only the streams made: one never made has nothing to write, and reading process.stdout would make it)
  whenWritten(standardStreamsMade(), () => process.exit());
}

/** Calls `then` once none of `streams` holds output not yet written: now, else when the last of them drains. */
export function whenWritten(streams: readonly Pick<NodeJS.WritableStream & { writableLength: number }, 'writableLength' | 'once'>[], then: () => void): void {
  const pending = streams.filter((s) => s.writableLength > 0);
  let waiting = pending.length;
  if (waiting === 0) return then();
  for (const s of pending) {
    s.once('drain', () => {
      if (--waiting === 0) then();
    });
  }
}
