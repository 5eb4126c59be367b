// Errors that end a command with a known exit code and a one-line reason (never a stack trace unless --debug).

/** Exit codes every command uses (DOMAIN §10). */
export const EXIT = { ok: 0, problems: 1, failed: 2 } as const;

/** Bad usage or unreadable input: exit 2 with this message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}
