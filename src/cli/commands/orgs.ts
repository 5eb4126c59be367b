// fupin orgs: every organisation in the registers with its type, level, area, households and how the type was decided;
// -o orgs.csv writes the registry for the clerk to correct. Exit 0 even when some types are default guesses (1 with --strict).
import path from 'node:path';
import { renderMessage } from '../../core/catalogue.js';
import { fillTemplate } from '../../core/i18n.js';
import type { Lang, Problem } from '../../core/model.js';
import { summariseOrgs } from '../../core/rollup.js';
import { type ReadResult } from '../../io/registers.js';
import { OutputError, writeFileAtomic } from '../../io/safe-write.js';
import { formatOrgsCsv } from '../../formatters/orgs-csv.js';
import { formatOrgsJson } from '../../formatters/orgs-json.js';
import { formatOrgsPretty } from '../../formatters/orgs-pretty.js';
import { countOrgs, type OrgsReport } from '../../formatters/orgs-report.js';
import type { RollupProblem } from '../../formatters/rollup-report.js';
import { EXIT, UsageError } from '../errors.js';
import { type CliIO, useColor } from '../io.js';
import { readInputs } from '../inputs.js';
import type { LimitFlags } from '../limits.js';
import { parseLang } from './validate.js';

export interface OrgsFlags extends LimitFlags {
  format: string;
  lang: string;
  output?: string;
  orgs?: string;
  force?: boolean;
  strict?: boolean;
  encoding?: string;
  area?: string;
  color?: boolean;
}

const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    'bad-format': '--format 只能是 pretty、json 或 csv（收到 “{value}”）',
    'bad-output': '-o 只能写 .csv（单位名录 orgs.csv）或 .json 文件（收到 “{value}”）',
    'no-paths': '请指定登记表文件或文件夹，例如：fupin orgs 怀化市',
    'no-registers': '{paths} 中没有可读的登记表',
    written: '已写出：{file}',
  },
  en: {
    'bad-format': '--format must be pretty, json or csv (got "{value}")',
    'bad-output': '-o must name a .csv (the orgs.csv registry) or .json file (got "{value}")',
    'no-paths': 'give register files or folders, e.g. fupin orgs 怀化市',
    'no-registers': 'no readable registers in {paths}',
    written: 'written: {file}',
  },
};

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[lang][id] ?? id, data);
}

function usage(id: string, data: Record<string, string | number> = {}): UsageError {
  return new UsageError(`${msg('zh', id, data)} / ${msg('en', id, data)}`);
}

function rendered(p: Problem, lang: Lang, file: string): RollupProblem {
  const out: RollupProblem = { file, rule: p.rule, severity: p.severity, message: renderMessage(p, lang) };
  if (p.row !== undefined) out.row = p.row;
  if (p.cell !== undefined) out.cell = p.cell;
  if (p.value !== undefined) out.value = p.value;
  return out;
}

/** The listing of every organisation in what was read (pure apart from `read`). */
export function buildOrgs(read: ReadResult, lang: Lang): OrgsReport {
  const registers = read.files.flatMap((f) => f.registers);
  const problems: RollupProblem[] = [];
  for (const p of read.registryProblems) problems.push(rendered(p, lang, String(p.data?.file ?? read.registryFile ?? 'orgs.csv')));
  for (const f of read.files) if (f.failure && f.tables.length === 0) problems.push(rendered(f.failure, lang, f.file));
  const orgs = summariseOrgs(registers, { lang, divisions: read.divisions, ...(read.registry ? { registry: read.registry } : {}) });
  return { orgs, problems, source: { files: read.files.length, registers: registers.length }, lang };
}

export async function orgsCommand(paths: string[], flags: OrgsFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  if (!['pretty', 'json', 'csv'].includes(flags.format)) throw usage('bad-format', { value: flags.format });
  const ext = flags.output ? path.extname(flags.output).toLowerCase() : undefined;
  if (flags.output && ext !== '.csv' && ext !== '.json') throw usage('bad-output', { value: flags.output });
  if (paths.length === 0) throw usage('no-paths');

  const read = await readInputs(paths, flags, io, lang);
  if (!read.files.some((f) => f.registers.length > 0)) throw usage('no-registers', { paths: paths.join('、') });

  const report = buildOrgs(read, lang);
  if (flags.format === 'json') io.stdout(formatOrgsJson(report));
  else if (flags.format === 'csv') io.stdout(formatOrgsCsv(report));
  else io.stdout(formatOrgsPretty(report, { color: useColor(io, flags.color), width: io.stdoutIsTTY ? io.columns : 120 }));

  if (flags.output) {
    const bytes = Buffer.from(ext === '.json' ? formatOrgsJson(report) : formatOrgsCsv(report), 'utf8');
    const inputs = [...read.files.map((f) => f.abs), ...(read.registryFile ? [path.resolve(read.registryFile)] : [])];
    try {
      await writeFileAtomic(path.resolve(io.cwd, flags.output), bytes, { force: Boolean(flags.force), inputs });
    } catch (e) {
      if (e instanceof OutputError) throw new UsageError(e.message);
      throw e;
    }
    io.stderr(`${msg(lang, 'written', { file: flags.output })}\n`);
  }

  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.filter((p) => p.severity === 'warning').length;
  const guessed = countOrgs(report.orgs).guessed;
  if (errors > 0 || (flags.strict && (warnings > 0 || guessed > 0))) return EXIT.problems;
  return EXIT.ok;
}
