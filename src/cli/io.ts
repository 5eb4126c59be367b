// What a command may touch of the outside world: output streams, terminal facts, environment. Injected for tests.
// Also how the terminal is described to the formatters, and what happens when the reader of stdout goes away.
import { fstatSync, writeSync } from 'node:fs';
import { renderBoth } from '../formatters/catalogue/index.js';
import type { TerminalLayout } from '../formatters/layout.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal (colour, tables sized to it). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The operating system (default the running one): Windows consoles draw and lack some characters. */
  platform?: NodeJS.Platform;
  /** The user's locale, e.g. zh-CN (default from Intl): a Chinese Windows console uses code page 936. */
  locale?: string;
}

/**
 * A reader that goes away (`fupin … | head -5`, a closed console) ends the output, not the command: what is still to
 * be printed is dropped without a word and the command finishes (an -o file is still written) with its own exit code.
 * Without a listener Node throws the stream's EPIPE at the top level: "Error: write EPIPE … Node.js v20". Any other
 * failure of the stream is one line on stderr and exit 2. Installed once per stream, by processIO.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, onFailure: () => void = () => undefined): void {
  const marked = stream as NodeJS.WriteStream & { fupinPipeGuard?: boolean };
  if (marked.fupinPipeGuard) return;
  marked.fupinPipeGuard = true;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    const code = err?.code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET') return;
    onFailure();
    if (stream !== process.stderr) process.stderr.write(`fupin: ${renderBoth({ id: 'output/stream-failed', data: { reason: code ?? 'EIO' } })}\n`);
    process.once('exit', () => {
      process.exitCode = 2;
    });
  });
}

export function processIO(): CliIO {
  watchStandardStreams();
  const stdout = standardWriter('stdout');
  const stderr = standardWriter('stderr');
  return {
    stdout: stdout.write,
    stderr: stderr.write,
    stdoutIsTTY: !stdout.direct && Boolean(process.stdout.isTTY),
    stderrIsTTY: !stderr.direct && Boolean(process.stderr.isTTY),
    columns: (stdout.direct ? undefined : process.stdout.columns) ?? 120,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    // (no locale: terminalLayout asks for the system's only on Windows' own console — setting up Intl costs ~20 ms)
  };
}

/** The standard streams Node has made so far (process.stdout/stderr are made when first read): what mainThenExit waits for. */
const made = new Set<'stdout' | 'stderr'>();
let watching = false;

/** Records when Node makes process.stdout or process.stderr (whoever reads them first: fupin, Node's warnings …). */
function watchStandardStreams(): void {
  if (watching) return;
  watching = true;
  for (const name of ['stdout', 'stderr'] as const) {
    const d = Object.getOwnPropertyDescriptor(process, name);
    const get = d?.get;
    if (!get || !d.configurable) {
      made.add(name); // not Node's lazy getter: taken as made
      continue;
    }
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: d.enumerable ?? true,
      get() {
        made.add(name);
        return get.call(process) as unknown;
      },
    });
  }
}

/** The standard streams made by now (all of them when processIO never ran: a test, an embedder). */
export function standardStreamsMade(): NodeJS.WriteStream[] {
  if (!watching) return [process.stdout, process.stderr];
  return [...made].map((name) => process[name]);
}

/** Set when a blocking write on fd 1 or 2 failed: both writers go through Node's streams from then on. */
let directFailed = false;

/**
 * Writing to stdout or stderr. A file, a pipe or a socket (how a script, the bench, `> out.json` or `| less` takes the
 * output) is written with blocking writes on the descriptor: Node's stream for a pipe or socket is a net.Socket, and
 * making it (node:net, its stream and perf modules) and its first write cost ~5-10 ms and ~70-190 memory pages of a run
 * (s27). A terminal, a character device (/dev/null) or Windows goes through Node's stream as before. When a blocking
 * write fails (EAGAIN on a descriptor another process made non-blocking, EPIPE when the reader went away, a full disk),
 * what is left of it and everything after goes through the stream, which waits, ends quietly or reports as it always did
 * (endQuietlyOnClosedPipe).
 */
function standardWriter(name: 'stdout' | 'stderr'): { direct: boolean; write: (text: string) => void } {
  const fd = name === 'stdout' ? 1 : 2;
  const viaStream = (chunk: string | Uint8Array): void => {
    const stream = process[name];
    endQuietlyOnClosedPipe(stream);
    stream.write(chunk);
  };
  let direct = blockingTarget(fd);
  if (!direct) {
    endQuietlyOnClosedPipe(process[name]);
    return { direct: false, write: (t) => viaStream(t) };
  }
  return {
    direct: true,
    write: (text) => {
      if (!direct || directFailed) return viaStream(text);
      const bytes = Buffer.from(text, 'utf8');
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      } catch {
        direct = false;
        // both streams from now on: `2>&1` into one pipe keeps stdout's queued bytes ahead of later stderr lines
        directFailed = true;
        viaStream(bytes.subarray(at));
      }
    },
  };
}

/** Whether a descriptor is a regular file, a pipe or a socket (never a terminal), outside Windows. */
function blockingTarget(fd: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    const st = fstatSync(fd);
    return st.isFile() || st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/** Colour on a terminal unless NO_COLOR is set or --no-color was given; FORCE_COLOR forces it. */
export function useColor(io: CliIO, flag: boolean | undefined, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}

/** Flags a command may offer to override what terminalLayout works out. */
export interface LayoutFlags {
  /** --width N: lay out for N columns (also when not a terminal). */
  width?: number;
  /** --ambiguous-wide / --no-ambiguous-wide. */
  ambiguousWide?: boolean;
  /** --ascii: ASCII markers. */
  ascii?: boolean;
}

/** Locales whose Windows console code page (936, 950, 932, 949) draws ambiguous characters two columns wide. */
const CJK_LOCALE = /^(zh|ja|ko)\b/i;

/**
 * Whether the console is Windows' own (conhost) rather than Windows Terminal, VS Code, ConEmu or mintty, which draw
 * ambiguous characters one column wide and fall back to fonts that have ✔ ✖ ℹ.
 */
function legacyWindowsConsole(io: CliIO): boolean {
  const env = io.env;
  return (io.platform ?? process.platform) === 'win32' && !env.WT_SESSION && !env.TERM_PROGRAM && !env.ConEmuANSI && !env.TERM;
}

/**
 * How the formatters should draw on this output (pass it into formatPretty, formatRollupPretty …):
 * - width: the terminal's columns when stdout is one, else undefined (no limit, as always when piped or redirected);
 * - ambiguousWide: box drawing, curly quotes, ✔✖▲ℹ take two columns — the Windows console in a Chinese, Japanese or
 *   Korean locale (code page 936 …). FUPIN_AMBIGUOUS=wide|narrow overrides;
 * - asciiMarkers: v x ! i for ✔ ✖ ▲ ℹ — the Windows console, whose fonts (Consolas, NSimSun) lack them.
 *   FUPIN_MARKERS=ascii|unicode overrides.
 * Flags, when a command has them, override both.
 */
export function terminalLayout(io: CliIO, flags: LayoutFlags = {}): TerminalLayout {
  const legacy = legacyWindowsConsole(io);
  const envAmbiguous = io.env.FUPIN_AMBIGUOUS?.toLowerCase();
  const envMarkers = io.env.FUPIN_MARKERS?.toLowerCase();
  const ambiguousWide =
    flags.ambiguousWide ??
    (envAmbiguous === 'wide' ? true : envAmbiguous === 'narrow' ? false : legacy && CJK_LOCALE.test(io.locale ?? Intl.DateTimeFormat().resolvedOptions().locale));
  const asciiMarkers = flags.ascii ?? (envMarkers === 'ascii' ? true : envMarkers === 'unicode' ? false : legacy);
  const width = flags.width ?? (io.stdoutIsTTY && io.columns > 0 ? io.columns : undefined);
  return {
    ...(width !== undefined ? { width } : {}),
    ...(ambiguousWide ? { ambiguousWide: true } : {}),
    ...(asciiMarkers ? { asciiMarkers: true } : {}),
  };
}
