// fupin validate: check registers cell by cell and print the problems (pretty for clerks, json for scripts).
import { renderMessage } from '../../core/catalogue.js';
import type { FileReport, Lang } from '../../core/model.js';
import { allRules } from '../../core/rules/index.js';
import { formatJson } from '../../formatters/json.js';
import { formatPretty } from '../../formatters/pretty.js';
import { renderReports } from '../../formatters/report.js';
import { shownPath } from '../../io/display-path.js';
import { OutputError } from '../../io/safe-write.js';
import { EXIT, UsageError } from '../errors.js';
import { type CliIO, useColor } from '../io.js';
import { encodingOf, readInputs } from '../inputs.js';
import type { LimitFlags } from '../limits.js';
import { validationReports } from '../validation-reports.js';

export interface ValidateFlags extends LimitFlags {
  format: string;
  lang: string;
  strict?: boolean;
  encoding?: string;
  area?: string;
  explain?: boolean;
  color?: boolean;
  verbose?: boolean;
  /** Write annotated copies of the registers into this folder. */
  annotate?: string;
  /** Repair into `out` first, then validate the copies. */
  fix?: boolean;
  out?: string;
  force?: boolean;
}

export function parseLang(s: string): Lang {
  if (s === 'zh' || s === 'en') return s;
  throw new UsageError(`--lang 只能是 zh 或 en（收到 “${s}”） / --lang must be zh or en`);
}

export async function validateCommand(paths: string[], flags: ValidateFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  if (flags.format !== 'pretty' && flags.format !== 'json') {
    throw new UsageError(`--format 只能是 pretty 或 json（收到 “${flags.format}”） / --format must be pretty or json`);
  }
  encodingOf(flags);
  if (paths.length === 0) throw new UsageError('请指定要检查的登记表文件或文件夹，例如：fupin validate 溆浦县.xlsx / give files or folders to check');
  if (flags.fix) {
    if (!flags.out) throw new UsageError('--fix 需要 --out 文件夹：修复后的副本写到那里，原文件不会被修改 / --fix needs --out DIR (inputs are never changed)');
    const { fixCommand } = await import('./fix.js');
    const fixed = await fixCommand(
      paths,
      { out: flags.out, format: 'pretty', lang: flags.lang, ...(flags.encoding ? { encoding: flags.encoding } : {}), ...(flags.area ? { area: flags.area } : {}), force: Boolean(flags.force) },
      { ...io, stdout: io.stderr },
    );
    if (fixed === EXIT.failed) return fixed;
    const { fix: _fix, out: _out, ...rest } = flags;
    // what is printed is what still needs a person; an unreadable input keeps the exit code ≥ 1
    return Math.max(fixed, await validateCommand([flags.out], rest, io));
  }

  const read = await readInputs(paths, flags, io, lang, {
    // large CSV registers are validated as they are read, never held whole
    validate: { rules: allRules, strict: Boolean(flags.strict) },
  });
  if (read.files.length === 0) {
    throw new UsageError(`${paths.join('、')} 中没有表格文件（.xlsx、.xlsm、.csv） / no spreadsheet files found`);
  }

  const reports: FileReport[] = validationReports(read, allRules, Boolean(flags.strict), (f) => shownPath(io.cwd, f));
  const report = renderReports(reports, lang, renderMessage, read.passedOver);

  if (flags.annotate) {
    const { annotateReports, describeAnnotated } = await import('../../io/annotate.js');
    try {
      io.stderr(describeAnnotated(await annotateReports(reports, read, flags.annotate, { lang, force: Boolean(flags.force), inputs: paths }), lang));
    } catch (e) {
      if (e instanceof OutputError) throw new UsageError(e.message);
      throw e;
    }
  }

  if (flags.format === 'json') io.stdout(formatJson(report));
  else
    io.stdout(
      formatPretty(report, {
        color: useColor(io, flags.color),
        width: io.stdoutIsTTY ? io.columns : 120,
        explain: Boolean(flags.explain),
        verbose: Boolean(flags.verbose),
      }),
    );

  const registersRead = reports.some((r) => r.register) || read.files.some((f) => f.tables.length > 0);
  if (!registersRead) return EXIT.failed; // nothing could be read at all: the job could not be done
  const { errors, warnings } = report.summary;
  if (errors > 0 || (flags.strict && warnings > 0)) return EXIT.problems;
  return EXIT.ok;
}
