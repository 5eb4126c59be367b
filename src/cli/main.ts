// The command line: parses flags with commander, runs one command, returns its exit code. Never calls process.exit.
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../io/errors.js';
import { EXIT, UsageError } from './errors.js';
import { limitOptions } from './limits.js';
import { type CliIO, processIO } from './io.js';
import { packageVersion } from '../io/package-root.js';

function debugWanted(argv: string[]): boolean {
  return argv.includes('--debug') || process.env.FUPIN_DEBUG === '1';
}

/** Common options of the commands that read registers. */
function readingOptions(cmd: Command): Command {
  return limitOptions(cmd)
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
    .version(packageVersion(), '-V, --version')
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
      .option('--verbose', '列出每一张没有问题的登记表 / list every clean register')
      .option('--annotate <dir>', '把标注了问题的副本写到该文件夹（原文件不动；CSV 写成 .xlsx） / write annotated copies to DIR')
      .option('--fix', '先机械修复到 --out 文件夹，再检查副本 / repair into --out DIR, then validate the copies')
      .option('--out <dir>', '--fix 的副本文件夹 / folder for the --fix copies')
      .option('--force', '覆盖已存在的副本 / overwrite existing copies'),
  ).action(async (paths: string[], flags) => {
    const { validateCommand } = await import('./commands/validate.js');
    exitCode = await validateCommand(paths, flags, io);
  });

  readingOptions(
    program
      .command('rollup')
      .description('登记表汇总为附3统计表：县市区 → 市州 → 全省 / registers → city 统计表 → provincial total')
      .argument('[paths...]', '市州文件夹、全省文件夹或统计表文件 / a city folder, a province folder, or 统计表 files')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json', 'csv']).default('pretty'))
      .option('-o, --output <file>', '写出附3统计表 .xlsx（或 .csv/.json） / write the filled 附3 form')
      .addOption(new Option('--by <what>', '另外列出每个市州的统计表 / also print each city table').choices(['city']))
      .option('--orgs <file>', '单位名录 orgs.csv（默认取文件夹里的 orgs.csv） / org registry')
      .option('--unit <text>', '附3 的填报单位 / the 填报单位 line of the form')
      .option('--date <text>', '附3 的填报日期（默认今天） / the date line of the form')
      .option('--strict', '警告也算不通过 / warnings fail too')
      .option('--force', '覆盖已存在的输出文件 / overwrite an existing output file'),
  ).action(async (paths: string[], flags) => {
    const { rollupCommand } = await import('./commands/rollup.js');
    exitCode = await rollupCommand(paths, flags, io);
  });

  readingOptions(
    program
      .command('quota')
      .description('按附4任务下限核对：各市州、各类型、各单位 / check the 附4 minimums per city, type and organisation')
      .argument('[paths...]', '全省或市州文件夹、统计表文件 / a province or city folder, or 统计表 files')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json']).default('pretty'))
      .option('--table <file>', '任务分配表（CSV/XLSX/JSON，默认内置 2016 年湖南附4） / quota table (default: built-in Hunan 2016)')
      .option('-o, --output <file>', '写出附4进度表 .xlsx / write the 附4 form with actual figures')
      .option('--orgs <file>', '单位名录 orgs.csv / org registry')
      .option('--force', '覆盖已存在的输出文件 / overwrite an existing output file'),
  ).action(async (paths: string[], flags) => {
    const { quotaCommand } = await import('./commands/quota.js');
    exitCode = await quotaCommand(paths, flags, io);
  });

  readingOptions(
    program
      .command('orgs')
      .description('列出全部帮扶单位：类型、层级、地区、户数、类型依据 / list organisations with their type and how it was decided')
      .argument('[paths...]', '登记表文件或文件夹 / register files or folders')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json', 'csv']).default('pretty'))
      .option('-o, --output <file>', '写出 orgs.csv 供核对修改 / write an orgs.csv to correct')
      .option('--orgs <file>', '已有的单位名录 orgs.csv / existing org registry')
      .option('--strict', '有组织类型无法判断（按社会服务机构计）时也算不通过 / a guessed type fails too')
      .option('--force', '覆盖已存在的输出文件 / overwrite an existing output file'),
  ).action(async (paths: string[], flags) => {
    const { orgsCommand } = await import('./commands/orgs.js');
    exitCode = await orgsCommand(paths, flags, io);
  });

  program
    .command('template')
    .description('写出空白的正式表格：register 附2 登记表、stats 附3 统计表、quota 附4 任务分配表、card 附1 结对帮扶卡 / write a blank official form')
    .argument('<kind>', 'register | stats | quota | card')
    .option('-o, --output <file>', '写到这个文件（默认 附2-登记表.xlsx 等，在当前文件夹） / output file')
    .option('--area <area>', '地区，写进标题或填报单位一行，例如 怀化市溆浦县 / area for the title')
    .option('--rows <n>', '空白行数（register 默认 30，stats 默认 10） / number of blank rows')
    .option('--force', '覆盖已有文件 / overwrite an existing file')
    .addOption(new Option('--lang <lang>', '消息语言 zh | en / message language').default('zh'))
    .action(async (kind: string, flags) => {
      const { templateCommand } = await import('./commands/template.js');
      exitCode = await templateCommand(kind, flags, io);
    });

  readingOptions(
    program
      .command('cards')
      .description('按登记表为每个结对生成一张附1 结对帮扶卡（每张一页 A4） / one 附1 card per pairing, from registers')
      .argument('[paths...]', '登记表文件或文件夹 / register files or folders')
      .option('-o, --output <file>', '写出的 .xlsx 文件 / output .xlsx file')
      .option('--force', '覆盖已有文件 / overwrite an existing file'),
  ).action(async (paths: string[], flags) => {
    const { cardsCommand } = await import('./commands/cards.js');
    exitCode = await cardsCommand(paths, flags, io);
  });

  readingOptions(
    program
      .command('fix')
      .description('机械修复登记表（空格、全角数字、姓名空格、序号、数字电话、单位写法），写到副本并列出每处修改 / safe repairs into copies, every change listed')
      .argument('[paths...]', '登记表文件或文件夹 / register files or folders')
      .option('--out <dir>', '副本写到这个文件夹（原文件不会被修改） / folder for the repaired copies (inputs are never changed)')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json']).default('pretty'))
      .option('--orgs <file>', '单位名录 orgs.csv：单位名称按名录统一 / org registry: names unified to it')
      .option('--dry-run', '只列出会修改什么，不写文件 / list the changes, write nothing')
      .option('--force', '覆盖已存在的副本 / overwrite existing copies'),
  ).action(async (paths: string[], flags) => {
    const { fixCommand } = await import('./commands/fix.js');
    exitCode = await fixCommand(paths, flags, io);
  });

  program
    .command('cat')
    .description('把登记表或统计表打印成规范 CSV（供 git diff 使用） / print a register or 统计表 as canonical CSV (git diff textconv)')
    .argument('<file>', '一个 .xlsx/.csv 文件 / one file')
    .addOption(new Option('--lang <lang>', '消息语言 zh | en / message language').default('zh'))
    .option('--encoding <name>', 'CSV 编码（默认自动识别） / CSV encoding')
    .option('--debug', '出错时显示技术细节 / show stack traces')
    .action(async (file: string, flags) => {
      const { catCommand } = await import('./commands/cat.js');
      exitCode = await catCommand(file, flags, io);
    });

  program
    .command('init')
    .description('建一个登记表台账：每个市州一个文件夹、每个县市区一张空白登记表，另有设置、单位名录、说明和 CI 文件 / lay out a ledger repository')
    .argument('<dir>', '台账文件夹（应为空，或用 --force） / the ledger folder (empty, or --force)')
    .option('--province <name>', '省份 / province', '湖南省')
    .option('--year <year>', '年度 / year', '2016')
    .option('--force', '文件夹不空时只补上缺少的文件（不覆盖、不删除） / add only missing files to a non-empty folder')
    .option('--update', '把已有台账里的 fupin（.fupin/）换成正在运行的这个版本，并说明改了什么 / refresh the vendored fupin of an existing ledger')
    .addOption(new Option('--lang <lang>', '消息语言 zh | en / message language').default('zh'))
    .option('--debug', '出错时显示技术细节 / show stack traces')
    .action(async (dir: string, flags) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(dir, flags, io);
    });

  limitOptions(program.command('check'))
    .description('检查整个台账：逐格检查登记表、汇总、核对任务，给出一个退出码 / check a whole ledger: validate, roll up, quotas, one exit code')
    .argument('[dir]', '台账文件夹（默认当前文件夹） / the ledger folder (default .)', '.')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json', 'github', 'junit']).default('pretty'))
    .option('-o, --output <file>', '把 --format 的结果写到文件（如 JUnit 报告），屏幕上显示 pretty / write the --format output to a file, pretty to stdout')
    .option('--strict', '警告也算不通过（同设置 "strict": true） / warnings fail too')
    .option('--verbose', '列出每一张没有问题的登记表和每个市州的统计表 / list clean registers and every city table')
    .addOption(new Option('--lang <lang>', '消息语言 zh | en / message language').default('zh'))
    .option('--encoding <name>', 'CSV 编码（默认自动识别） / CSV encoding (auto by default)')
    .option('--no-color', '不用颜色 / no colour')
    .option('--debug', '出错时显示技术细节 / show stack traces')
    .action(async (dir: string, flags) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(dir, flags, io);
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
    if (e instanceof InputError) {
      io.stderr(`fupin: ${e.message}\n`);
      return EXIT.failed;
    }
    const err = e as Error;
    io.stderr(`fupin: 无法完成：${err?.message ?? String(e)} / could not finish\n`);
    if (debug && err?.stack) io.stderr(`${err.stack}\n`);
    else io.stderr('（加 --debug 可查看技术细节 / add --debug for details）\n');
    return EXIT.failed;
  }
}
