// Running the page until it is told to stop: `fupin serve` (Ctrl-C, the console window closing) and the Windows
// executable's double-click (Enter, or the window closing) share it. The server is started, its address said, the
// browser opened unless not wanted, and on the stop the server is closed and the run's folder deleted.
import type { Lang } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { UsageError } from '../cli/errors.js';
import type { CliIO } from '../cli/io.js';
import { startServer, type RunningServer, type ServeOptions } from './server.js';

export interface ServeRun extends ServeOptions {
  io: CliIO;
  lang: Lang;
  /** Opens the page (the default browser); absent: nothing is opened. */
  open?: (url: string) => void;
  /** `serve`: the URL alone on the first line, then how to stop. `clerk`: the double-click window's words. */
  style: 'serve' | 'clerk';
  /** Another reason to stop besides the signals (the clerk's Enter). */
  until?: Promise<void>;
  /** Called once the server listens (tests). */
  onStart?: (server: RunningServer) => void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/** Serves until a signal or `until`; resolves to the exit code (0: stopped as asked). */
export async function serveUntilStopped(run: ServeRun): Promise<number> {
  const say = (id: string, data?: Record<string, string | number>): string => render({ id: `serve/${id}`, ...(data ? { data } : {}) }, run.lang);
  let server: RunningServer;
  try {
    server = await startServer(run);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError({ id: 'serve/cannot-listen', data: { port: run.port, why: code } });
    throw e;
  }
  if (run.style === 'serve') run.io.stdout(`${server.url}\n${say('started')}\n`);
  else run.io.stdout(`${say('clerk-started', { url: server.url })}\n`);
  run.open?.(server.url);
  run.onStart?.(server);

  let handler: (() => void) | undefined;
  const signalled = new Promise<void>((resolve) => {
    handler = () => resolve();
    for (const s of SIGNALS) process.on(s, handler);
  });
  try {
    await Promise.race([signalled, ...(run.until ? [run.until] : [])]);
  } finally {
    for (const s of SIGNALS) process.off(s, handler!);
    await server.stop();
  }
  run.io.stdout(`${say('stopped')}\n`);
  return 0;
}
