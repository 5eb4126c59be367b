// Errors that end a command with a known exit code and a one-line reason (never a stack trace unless --debug).
import type { Msg } from '../core/model.js';

/** Exit codes every command uses (DOMAIN §10). */
export const EXIT = { ok: 0, problems: 1, failed: 2 } as const;

/** Bad usage or unreadable input: exit 2 with this message, rendered in the run's language by the CLI entry. */
export class UsageError extends Error {
  constructor(
    readonly msg: Msg,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(msg.id);
    this.name = 'UsageError';
  }
}

/** A usage error from a catalogue id and its data. */
export function usage(id: string, data?: Msg['data']): UsageError {
  return new UsageError(data ? { id, data } : { id });
}
