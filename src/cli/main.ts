// The command line: chooses the language, builds commander from the command table (spec.ts), runs one command and
// returns its exit code. Never calls process.exit; every failure is one line in the run's language (--debug: a stack).
import { Command, CommanderError, Option } from 'commander';
import type { Lang, Msg } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { EXIT, UsageError } from './errors.js';
import { failureOf } from './failure.js';
import { commandHelp, programHelp } from './help.js';
import { type CliIO, processIO } from './io.js';
import { COMMANDS, commandSpec, type CommandSpec } from './spec.js';
import { COMMAND_LOADERS, type CommandContext } from './commands/index.js';
import { version } from './version.js';

/** The language of this run: --lang (anywhere in argv), else FUPIN_LANG, else Chinese. An unknown value is refused later. */
export function languageOf(argv: readonly string[], env: CliIO['env']): { lang: Lang; given?: string } {
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') given = argv[i + 1];
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  }
  const value = given ?? env.FUPIN_LANG;
  return { lang: value === 'en' ? 'en' : 'zh', ...(given !== undefined ? { given } : {}) };
}

function debugWanted(argv: readonly string[], env: CliIO['env']): boolean {
  return argv.includes('--debug') || env.FUPIN_DEBUG === '1';
}

/**
 * A command's options and arguments, as commander parses them. Their help texts are not given to commander: the help
 * screens are made from spec.ts (help.ts), and commander prints nothing else of them — so a run renders none of them.
 */
function addOptions(cmd: Command, spec: CommandSpec): Command {
  for (const o of spec.options) {
    const opt = new Option(o.flags);
    if (o.choices) opt.choices(o.choices);
    if (o.default !== undefined) opt.default(o.default);
    cmd.addOption(opt);
  }
  for (const a of spec.args) cmd.argument(a.name, '', a.default);
  return cmd;
}

/** A commander error in our words: the code says what happened, the message which name it was about. */
function commanderMessage(e: CommanderError, spec: CommandSpec | undefined): Msg | undefined {
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(e.message)?.[1]?.trim();
  const hint = suggestion ? { id: 'cli/did-you-mean', data: { name: suggestion } } : '';
  switch (e.code) {
    case 'commander.unknownCommand':
      return { id: 'cli/unknown-command', data: { name: quoted[0] ?? '', hint } };
    case 'commander.unknownOption':
      return { id: 'cli/unknown-option', data: { name: quoted[0] ?? '', hint } };
    case 'commander.missingArgument':
      return { id: 'cli/missing-argument', data: { name: quoted[0] ?? '' } };
    case 'commander.optionMissingArgument':
      return { id: 'cli/option-missing-value', data: { name: quoted[0] ?? '' } };
    case 'commander.invalidArgument': {
      const flags = quoted[0] ?? '';
      const option = spec?.options.find((o) => o.flags === flags);
      return { id: 'cli/invalid-choice', data: { name: flags.split(/[ ,]+/).find((s) => s.startsWith('--')) ?? flags, value: quoted[1] ?? '', choices: [...(option?.choices ?? [])] } };
    }
    case 'commander.excessArguments':
      return { id: 'cli/excess-arguments', data: { args: quoted } };
    default:
      return undefined;
  }
}

export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { lang, given } = languageOf(argv, io.env);
  const debug = debugWanted(argv, io.env);
  const say = (m: Msg): string => render(m, lang);
  const width = io.stdoutIsTTY ? Math.max(40, io.columns) : 100;
  let exitCode: number = EXIT.ok;
  let running: CommandSpec | undefined;

  const program = new Command()
    .name('fupin')
    .version(await version(), '-V, --version')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => undefined })
    .configureHelp({ formatHelp: () => programHelp(lang, width) })
    .exitOverride();

  // Every command is known to commander (an unknown one is met with "did you mean …"), but only one named in argv gets its
  // options and arguments: commander runs no command whose name is not in argv, and setting up all of them (~150 options)
  // was work every run did for the one command it runs.
  const named = new Set(argv);
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name);
    if (named.has(spec.name)) addOptions(cmd, spec);
    cmd
      .configureHelp({ formatHelp: () => commandHelp(spec, lang, width) })
      .exitOverride();
    cmd.hook('preAction', () => {
      running = spec;
    });
    cmd.action(async (...args: unknown[]) => {
      // commander passes the arguments, then the options object, then the command
      const flags = args[spec.args.length] as Record<string, unknown>;
      const ctx: CommandContext = { io, lang, debug };
      const command = await COMMAND_LOADERS[spec.name]!();
      exitCode = await command(args.slice(0, spec.args.length), flags, ctx);
    });
  }

  if (argv.length === 0) {
    io.stdout(programHelp(lang, width));
    return EXIT.failed;
  }

  try {
    if (given !== undefined && given !== 'zh' && given !== 'en') throw new UsageError({ id: 'cli/bad-lang', data: { value: given } });
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    return failure(e);
  }

  function failure(e: unknown): number {
    const prefix = say({ id: 'cli/error-prefix' });
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0
      if (e.exitCode === 0) return EXIT.ok;
      const spec = running ?? commandSpec(argv.find((a) => !a.startsWith('-')) ?? '');
      const m = commanderMessage(e, spec);
      const hint = spec ? say({ id: 'cli/see-command-help', data: { command: spec.name } }) : say({ id: 'cli/see-help' });
      io.stderr(`${prefix}${m ? say(m) : e.message.replace(/^error:\s*/, '')}${hint}\n`);
      return EXIT.failed;
    }
    const f = failureOf(e);
    for (const m of f.msgs) io.stderr(`${prefix}${say(m)}\n`);
    if (f.unexpected) {
      if (debug && f.unexpected.stack) io.stderr(`${f.unexpected.stack}\n`);
      else io.stderr(`${say({ id: 'cli/debug-hint' })}\n`);
    }
    return f.exitCode;
  }
}
