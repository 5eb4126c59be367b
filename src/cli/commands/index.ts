// The commands, each loaded only when it runs (start-up stays small): name → its function.
import type { Lang } from '../../core/model.js';
import type { CliIO } from '../io.js';

/** What every command receives besides its arguments and flags. */
export interface CommandContext {
  io: CliIO;
  /** The run's language (--lang, FUPIN_LANG, else zh). */
  lang: Lang;
  debug: boolean;
}

/** A command: its positional arguments in spec order, its flags, the context; resolves to the exit code. */
export type CommandFn = (args: unknown[], flags: Record<string, unknown>, ctx: CommandContext) => Promise<number>;

export const COMMAND_LOADERS: Record<string, () => Promise<CommandFn>> = {
  validate: async () => (await import('./validate.js')).default,
  rollup: async () => (await import('./rollup.js')).default,
  quota: async () => (await import('./quota.js')).default,
  orgs: async () => (await import('./orgs.js')).default,
  template: async () => (await import('./template.js')).default,
  cards: async () => (await import('./cards.js')).default,
  publish: async () => (await import('./publish.js')).default,
  diff: async () => (await import('./diff.js')).default,
  fix: async () => (await import('./fix.js')).default,
  cat: async () => (await import('./cat.js')).default,
  init: async () => (await import('./init.js')).default,
  check: async () => (await import('./check.js')).default,
  serve: async () => (await import('./serve.js')).default,
};
