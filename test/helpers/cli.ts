// Runs the CLI in-process, as the binary does (src/cli/main.ts `run` with argv after `fupin`), with captured output.
// Faster than spawning bin/fupin.js and sees the source, not dist/; the e2e helpers' `fupin()` spawns the built CLI.
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface CliOptions {
  cwd?: string;
  /** The environment the run sees (default: only NO_COLOR=1, so the language is zh unless --lang or FUPIN_LANG says). */
  env?: Record<string, string | undefined>;
}

export async function runCli(argv: string[], opts: CliOptions = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 120,
    env: opts.env ?? { NO_COLOR: '1' },
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await run(argv, io);
  return { code, out, err };
}
