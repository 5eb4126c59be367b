// What a command may touch of the outside world: output streams, terminal facts, environment. Injected for tests.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal (colour, tables sized to it). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns ?? 120,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour on a terminal unless NO_COLOR is set or --no-color was given; FORCE_COLOR forces it. */
export function useColor(io: CliIO, flag: boolean | undefined, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}
