// The command line: parses flags with commander, runs one command, returns its exit code. Never calls process.exit.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError } from './errors.js';
import { type CliIO, processIO } from './io.js';

const VERSION = '0.1.0';

function debugWanted(argv: string[]): boolean {
  return argv.includes('--debug') || process.env.FUPIN_DEBUG === '1';
}

/** Common options of the commands that read registers. */
function readingOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', '消息语言 zh | en / message language').default('zh'))
    .option('--encoding <name>', 'CSV 编码（默认自动识别：UTF-8/UTF-16/GB18030） / CSV encoding (auto by default)')
    .option('--area <area>', '登记表所属地区，例如 怀化市溆浦县、怀化市本级、省本级 / area of the registers')
    .option('--no-color', '不用颜色 / no colour')
    .option('--debug', '出错时显示技术细节 / show stack traces');
}

export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = debugWanted(argv);
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('fupin')
    .description('慈善组织精准扶贫结对帮扶登记表：校验、汇总、任务核对 / charity pairing registers: validate, roll up, check quotas')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('（用 fupin --help 查看用法 / see fupin --help）')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride();

  readingOptions(
    program
      .command('validate')
      .description('逐格检查登记表（.xlsx/.csv，可给文件夹） / check registers cell by cell')
      .argument('[paths...]', '登记表文件或文件夹 / register files or folders')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json']).default('pretty'))
      .option('--strict', '警告也算不通过；地址不在本县按错误处理 / warnings fail too')
      .option('--explain', '显示识别过程：编码、表头、列对应、地区 / show what was detected')
      .option('--verbose', '列出每一张没有问题的登记表 / list every clean register'),
  ).action(async (paths: string[], flags) => {
    const { validateCommand } = await import('./commands/validate.js');
    exitCode = await validateCommand(paths, flags, io);
  });

  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return EXIT.failed;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander
      return e.exitCode === 0 ? EXIT.ok : EXIT.failed;
    }
    if (e instanceof UsageError) {
      io.stderr(`fupin: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr(`fupin: 无法完成：${err?.message ?? String(e)} / could not finish\n`);
    if (debug && err?.stack) io.stderr(`${err.stack}\n`);
    else io.stderr('（加 --debug 可查看技术细节 / add --debug for details）\n');
    return EXIT.failed;
  }
}
