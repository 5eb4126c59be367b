// The process entry (bin/fupin.js, the one-file build, the executables): a clerk's double-click or drop, else the command line.
import { clerkLaunch } from './clerk.js';
import { run } from './main.js';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = (await clerkLaunch(argv)) ?? (await run(argv));
  } catch (err) {
    // run() reports its own failures; this is the last line of defence.
    const why = err instanceof Error ? err.message : String(err);
    process.stderr.write(`fupin: 内部错误 internal error: ${why}\n`);
    process.exitCode = 2;
  }
}
