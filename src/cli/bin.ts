// The process entry (bin/fupin.js, the one-file build, the executables): a clerk's double-click or drop, else the command line.
import { render } from '../formatters/catalogue/index.js';
import { isPackagedExecutable } from '../io/package-root.js';
import { processIO } from './io.js';
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
