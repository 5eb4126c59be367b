// The command line as data: every command, its arguments and options, with catalogue ids for their help texts.
// main.ts builds commander from this, and the help (Chinese by default) is generated from it, never written per command.

/** One option: commander's flags string, the catalogue id of its help, and what commander needs to parse it. */
export interface OptionSpec {
  flags: string;
  help: string;
  choices?: readonly string[];
  /** The default value given to the command when the option is absent. */
  default?: string;
  /** Shown in the help's own section for read limits (they matter only for refused files, whose messages name them). */
  limit?: boolean;
}

export interface ArgumentSpec {
  /** commander syntax: `<kind>`, `[paths...]`, `[dir]`. */
  name: string;
  /** The catalogue id of the name the help shows instead (`diff 旧 新` / `diff OLD NEW`), when commander's is not it. */
  shown?: string;
  help: string;
  default?: string;
}

export interface CommandSpec {
  name: string;
  help: string;
  args: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
}

const lang: OptionSpec = { flags: '--lang <lang>', help: 'help/opt-lang', choices: ['zh', 'en'] };
const noColor: OptionSpec = { flags: '--no-color', help: 'help/opt-no-color' };
const debug: OptionSpec = { flags: '--debug', help: 'help/opt-debug' };
const encoding: OptionSpec = { flags: '--encoding <name>', help: 'help/opt-encoding' };
const area: OptionSpec = { flags: '--area <area>', help: 'help/opt-area' };
const force: OptionSpec = { flags: '--force', help: 'help/opt-force' };
const orgs: OptionSpec = { flags: '--orgs <file>', help: 'help/opt-orgs' };
const strict: OptionSpec = { flags: '--strict', help: 'help/opt-strict' };
const roster: OptionSpec = { flags: '--roster <files...>', help: 'roster/opt-roster' };
const focus: OptionSpec = { flags: '--focus <files...>', help: 'focus/opt-focus' };

/** The --max-… read limits (src/io/limits.ts), and how a flag's number becomes a limit. */
export const LIMIT_OPTIONS = [
  { flags: '--max-file-mb <n>', key: 'maxFileMb', limit: 'maxFileBytes', scale: 1048576 },
  { flags: '--max-unzipped-mb <n>', key: 'maxUnzippedMb', limit: 'maxUncompressedBytes', scale: 1048576 },
  { flags: '--max-zip-ratio <n>', key: 'maxZipRatio', limit: 'maxCompressionRatio', scale: 1 },
  { flags: '--max-cells <n>', key: 'maxCells', limit: 'maxCells', scale: 1 },
  { flags: '--max-merges <n>', key: 'maxMerges', limit: 'maxMerges', scale: 1 },
  { flags: '--max-merged-cells <n>', key: 'maxMergedCells', limit: 'maxMergedCells', scale: 1 },
  { flags: '--max-defined-names <n>', key: 'maxDefinedNames', limit: 'maxDefinedNames', scale: 1 },
  { flags: '--max-cell-chars <n>', key: 'maxCellChars', limit: 'maxCellChars', scale: 1 },
  { flags: '--max-seconds <n>', key: 'maxSeconds', limit: 'maxMillis', scale: 1000 },
] as const;

const limits: OptionSpec[] = LIMIT_OPTIONS.map((l) => ({ flags: l.flags, help: `help/opt-${l.flags.slice(2).split(' ')[0]}`, limit: true }));

const province: OptionSpec = { flags: '--province <name>', help: 'help/opt-province' };

/** What every command that reads registers takes. */
const reading: OptionSpec[] = [lang, province, encoding, area, noColor, debug, ...limits];

function format(...choices: string[]): OptionSpec {
  return { flags: '-f, --format <format>', help: 'help/opt-format', choices, default: choices[0]! };
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    help: 'help/cmd-validate',
    args: [{ name: '[paths...]', help: 'help/arg-registers' }],
    options: [
      format('pretty', 'json'),
      strict,
      { flags: '--explain', help: 'help/opt-explain' },
      { flags: '--verbose', help: 'help/opt-verbose' },
      { flags: '--annotate <dir>', help: 'help/opt-annotate' },
      { flags: '--fix', help: 'help/opt-fix' },
      { flags: '--out <dir>', help: 'help/opt-fix-out' },
      orgs,
      roster,
      focus,
      force,
      ...reading,
    ],
  },
  {
    name: 'rollup',
    help: 'help/cmd-rollup',
    args: [{ name: '[paths...]', help: 'help/arg-rollup' }],
    options: [
      format('pretty', 'json', 'csv'),
      { flags: '-o, --output <file>', help: 'help/opt-rollup-output' },
      { flags: '--by <what>', help: 'help/opt-by', choices: ['city'] },
      orgs,
      { flags: '--unit <text>', help: 'help/opt-unit' },
      { flags: '--date <text>', help: 'help/opt-date' },
      roster,
      focus,
      strict,
      force,
      ...reading,
    ],
  },
  {
    name: 'quota',
    help: 'help/cmd-quota',
    args: [{ name: '[paths...]', help: 'help/arg-rollup' }],
    options: [
      format('pretty', 'json'),
      { flags: '--table <file>', help: 'help/opt-table' },
      { flags: '-o, --output <file>', help: 'help/opt-quota-output' },
      orgs,
      force,
      ...reading,
    ],
  },
  {
    name: 'orgs',
    help: 'help/cmd-orgs',
    args: [{ name: '[paths...]', help: 'help/arg-registers' }],
    options: [
      format('pretty', 'json', 'csv'),
      { flags: '-o, --output <file>', help: 'help/opt-orgs-output' },
      orgs,
      { flags: '--strict', help: 'help/opt-orgs-strict' },
      force,
      ...reading,
    ],
  },
  {
    name: 'template',
    help: 'help/cmd-template',
    args: [{ name: '<kind>', help: 'help/arg-kind' }],
    options: [
      { flags: '-o, --output <file>', help: 'help/opt-template-output' },
      { flags: '--area <area>', help: 'help/opt-template-area' },
      { flags: '--rows <n>', help: 'help/opt-rows' },
      province,
      force,
      lang,
      noColor,
      debug,
    ],
  },
  {
    name: 'cards',
    help: 'help/cmd-cards',
    args: [{ name: '[paths...]', help: 'help/arg-registers' }],
    options: [{ flags: '-o, --output <file>', help: 'help/opt-cards-output' }, force, ...reading],
  },
  {
    name: 'publish',
    help: 'publish/help',
    args: [{ name: '[paths...]', help: 'help/arg-registers' }],
    options: [
      format('pretty', 'json', 'html'),
      { flags: '-o, --output <file>', help: 'publish/opt-output' },
      { flags: '--level <level>', help: 'publish/opt-level', choices: ['village', 'township'], default: 'village' },
      orgs,
      force,
      ...reading,
    ],
  },
  {
    name: 'diff',
    help: 'diff/help',
    // commander takes any number (git's diff driver passes seven); the help shows the two a clerk gives
    args: [{ name: '[paths...]', shown: 'diff/arg-names', help: 'diff/arg-paths' }],
    options: [format('pretty', 'json'), { flags: '-o, --output <file>', help: 'diff/opt-output' }, { flags: '--git-external', help: 'diff/opt-git' }, force, ...reading],
  },
  {
    name: 'fix',
    help: 'help/cmd-fix',
    args: [{ name: '[paths...]', help: 'help/arg-registers' }],
    options: [
      { flags: '--out <dir>', help: 'help/opt-out' },
      format('pretty', 'json'),
      orgs,
      { flags: '--dry-run', help: 'help/opt-dry-run' },
      force,
      ...reading,
    ],
  },
  {
    name: 'cat',
    help: 'help/cmd-cat',
    args: [{ name: '<file>', help: 'help/arg-file' }],
    options: [lang, encoding, noColor, debug],
  },
  {
    name: 'init',
    help: 'help/cmd-init',
    args: [{ name: '<dir>', help: 'help/arg-ledger' }],
    options: [
      province,
      { flags: '--year <year>', help: 'help/opt-year' },
      { flags: '--force', help: 'help/opt-init-force' },
      { flags: '--update', help: 'help/opt-init-update' },
      lang,
      noColor,
      debug,
    ],
  },
  {
    name: 'check',
    help: 'help/cmd-check',
    args: [{ name: '[dir]', help: 'help/arg-check', default: '.' }],
    options: [
      format('pretty', 'json', 'github', 'junit'),
      { flags: '-o, --output <file>', help: 'help/opt-check-output' },
      force,
      strict,
      { flags: '--verbose', help: 'help/opt-check-verbose' },
      roster,
      focus,
      lang,
      encoding,
      noColor,
      debug,
      ...limits,
    ],
  },
  {
    name: 'serve',
    help: 'help/cmd-serve',
    args: [],
    options: [{ flags: '--port <n>', help: 'help/opt-port', default: '0' }, { flags: '--no-open', help: 'help/opt-no-open' }, province, lang, debug, ...limits],
  },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
