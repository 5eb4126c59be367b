// A failure in the catalogue's words: what `fupin` prints when a command cannot finish (cli/main.ts) and what the local
// page shows when a check or a comparison cannot (serve/server.ts) — one reading of the error for both.
import type { Msg } from '../core/model.js';
import { ConfigError } from '../io/config.js';
import { InputError } from '../io/errors.js';
import { OutputError } from '../io/safe-write.js';
import { EXIT, UsageError } from './errors.js';

export interface Failure {
  /** One message per line, in the catalogue's words. */
  msgs: Msg[];
  exitCode: number;
  /** An error fupin did not expect (its stack is shown with --debug). */
  unexpected?: Error;
}

/** The messages and exit code of an error thrown by a command (commander's own errors aside). */
export function failureOf(e: unknown): Failure {
  if (e instanceof UsageError) return { msgs: [e.msg], exitCode: e.exitCode };
  if (e instanceof InputError || e instanceof OutputError) return { msgs: [e.msg], exitCode: EXIT.failed };
  if (e instanceof ConfigError) return { msgs: e.issues.map((i) => i.msg), exitCode: EXIT.failed };
  const err = e instanceof Error ? e : new Error(String(e));
  return { msgs: [{ id: 'cli/internal', data: { detail: err.message } }], exitCode: EXIT.failed, unexpected: err };
}
