// fupin fix PATH... --out DIR: safe, mechanical repairs written to copies (inputs are never written), and every change listed.
//
// Exit codes: 0 = the copies were written (or nothing needed repairing); 1 = some input could not be read, so it was
// not repaired (the others were); 2 = the job could not be done (bad usage, nothing readable, an output refused).
// The output folder holds every readable input: the repaired copies, the files that needed nothing copied as they are,
// and an orgs.csv found at the top of a folder given — so `fupin validate DIR` (and rollup) work on it as on the inputs.
// Files that cannot be read are listed, not copied. Problems that need a person (a phone destroyed by Excel, an empty
// required cell) stay: run `fupin validate DIR` to see them.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { areaLabel } from '../../core/area.js';
import { renderMessage } from '../../core/catalogue.js';
import { computeFixes, describeFix, type Fix } from '../../core/fix.js';
import { fillTemplate } from '../../core/i18n.js';
import { validateRegisters } from '../../core/inspect.js';
import type { Lang } from '../../core/model.js';
import { allRules } from '../../core/rules/index.js';
import { shownPath } from '../../io/display-path.js';
import { assertOutsideInputs, copyTarget, type FixedCopy, uniqueTarget, writeFixedCsv, writeFixedXlsx } from '../../io/fix-writer.js';
import { type ReadResult } from '../../io/registers.js';
import { OutputError, writeFileAtomic } from '../../io/safe-write.js';
import { EXIT, UsageError } from '../errors.js';
import { readInputs } from '../inputs.js';
import type { LimitFlags } from '../limits.js';
import type { CliIO } from '../io.js';
import { parseLang } from './validate.js';

export interface FixFlags extends LimitFlags {
  out?: string;
  format: string;
  lang: string;
  orgs?: string;
  encoding?: string;
  area?: string;
  force?: boolean;
  /** List the changes, write nothing (no --out needed). */
  dryRun?: boolean;
  color?: boolean;
}

const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    'bad-format': '--format 只能是 pretty 或 json（收到 “{value}”）',
    'no-paths': '请指定要修复的登记表文件或文件夹，例如：fupin fix 溆浦县.xlsx --out 修复后',
    'no-out': '请用 --out 指定副本写到哪个文件夹（原文件不会被修改），例如：fupin fix {example} --out 修复后；只想看会改什么，加 --dry-run',
    'no-files': '{paths} 中没有表格文件（.xlsx、.xlsm、.csv）',
    'nothing-readable': '没有一个文件能读出登记表，未做任何修改',
    header: '{file} → {out}（{count} 处修改）',
    'header-dry': '{file}（将修改 {count} 处，--dry-run 未写出）',
    'unchanged-dry': '无需修改：{files}',
    'csv-note': '  CSV 副本按 UTF-8（带 BOM，逗号分隔）写出，Excel/WPS 可直接打开；原文件编码为 {encoding}',
    unchanged: '无需修改（原样复制）：{files}',
    unreadable: '无法读取，未修复：{file}（{message}）',
    skipped: '  {cell} 未修改：该单元格是公式',
    summary: '共修改 {files} 个文件、{changes} 个单元格。需要人工核对的问题（如被 Excel 改坏的电话号码、空着的必填项）不会自动修改：请用 fupin validate {target} 查看。',
    'summary-dry': '共将修改 {files} 个文件、{changes} 个单元格（--dry-run：未写出任何文件）。',
    'summary-none': '没有可以自动修复的内容。',
  },
  en: {
    'bad-format': '--format must be pretty or json (got "{value}")',
    'no-paths': 'give the register files or folders to repair, e.g. fupin fix 溆浦县.xlsx --out fixed',
    'no-out': 'give the folder for the repaired copies with --out (inputs are never changed), e.g. fupin fix {example} --out fixed; add --dry-run to only list the changes',
    'no-files': 'no spreadsheet files (.xlsx, .xlsm, .csv) in {paths}',
    'nothing-readable': 'no register could be read; nothing was changed',
    header: '{file} → {out} ({count} changes)',
    'header-dry': '{file} ({count} changes, not written: --dry-run)',
    'unchanged-dry': 'nothing to repair: {files}',
    'csv-note': '  the CSV copy is written as UTF-8 with BOM, comma-separated (Excel and WPS open it); the original was {encoding}',
    unchanged: 'nothing to repair (copied as they are): {files}',
    unreadable: 'could not be read, not repaired: {file} ({message})',
    skipped: '  {cell} not changed: the cell holds a formula',
    summary: '{changes} cells changed in {files} files. Problems that need a person (phones destroyed by Excel, empty required cells) are not repaired: run fupin validate {target} to see them.',
    'summary-dry': '{changes} cells in {files} files would change (--dry-run: nothing written).',
    'summary-none': 'nothing to repair.',
  },
};

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[lang][id]!, data);
}

function usage(id: string, data: Record<string, string | number> = {}): UsageError {
  return new UsageError(`${msg('zh', id, data)} / ${msg('en', id, data)}`);
}

/** One repaired file, as reported. */
export interface FixedFile {
  file: string;
  /** Where the copy was written (shown relative to the working folder); absent with --dry-run. */
  out?: string;
  format: 'xlsx' | 'csv';
  /** The input's encoding (CSV). The copy is UTF-8 with BOM. */
  encoding?: string;
  changes: Fix[];
  skipped: Fix[];
}

export interface FixRun {
  files: FixedFile[];
  /** Readable files that needed no repair; copied unchanged so the output folder holds the whole set. */
  unchanged: string[];
  unreadable: { file: string; rule: string; message: string }[];
  dryRun: boolean;
}

/**
 * Computes the repairs of every register read and writes the copies under `out` (unless dryRun). Shared by
 * `fupin fix` and `fupin validate --fix`. Throws OutputError when a copy cannot be written.
 */
export async function runFix(
  read: ReadResult,
  opts: { out?: string; inputs: readonly string[]; force?: boolean; dryRun?: boolean; lang: Lang; cwd: string },
): Promise<FixRun> {
  const run: FixRun = { files: [], unchanged: [], unreadable: [], dryRun: Boolean(opts.dryRun) };
  const ruleOptions = { strict: false, divisions: read.divisions, ...(read.registry ? { registry: read.registry } : {}) };
  const used = new Set<string>();
  const inputs = read.files.map((x) => x.abs);
  /** A file that needs no repair is copied as it is (byte for byte): the output folder is the whole repaired set. */
  const copyUnchanged = async (abs: string): Promise<void> => {
    if (opts.dryRun || !opts.out) return;
    const target = uniqueTarget(copyTarget(abs, opts.inputs, opts.out), used);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, await readFile(abs), { force: Boolean(opts.force), inputs });
  };
  // the org registry found at the top of a folder goes with the copies, so that validating them classifies alike
  if (read.registryFile && opts.inputs.some((i) => path.dirname(path.resolve(read.registryFile!)) === path.resolve(i))) {
    await copyUnchanged(path.resolve(read.registryFile));
  }
  for (const f of read.files) {
    if (f.failure) {
      run.unreadable.push({ file: f.file, rule: f.failure.rule, message: renderMessage(f.failure, opts.lang) });
      continue;
    }
    if (f.registers.length === 0) {
      await copyUnchanged(f.abs);
      run.unchanged.push(f.file);
      continue;
    }
    const reports = validateRegisters(f, f.file, f.detected, allRules, ruleOptions, areaLabel);
    const fixes = reports.flatMap((r) => (r.register ? computeFixes(r.register, r.problems, read.registry ? { registry: read.registry } : {}) : []));
    if (fixes.length === 0) {
      await copyUnchanged(f.abs);
      run.unchanged.push(f.file);
      continue;
    }
    const format = f.registers[0]!.format;
    const encoding = format === 'csv' ? f.detected.encoding?.value : undefined;
    if (opts.dryRun || !opts.out) {
      run.files.push({ file: f.file, format, ...(encoding ? { encoding } : {}), changes: fixes, skipped: [] });
      continue;
    }
    const ext = format === 'csv' ? '.csv' : path.extname(f.abs).toLowerCase() === '.xlsx' ? undefined : '.xlsx';
    const target = uniqueTarget(copyTarget(f.abs, opts.inputs, opts.out, ext), used);
    const copy: FixedCopy =
      format === 'csv'
        ? await writeFixedCsv(f.abs, encoding, fixes, target, { force: Boolean(opts.force), inputs })
        : await writeFixedXlsx(f.abs, fixes, target, { force: Boolean(opts.force), inputs });
    run.files.push({
      file: f.file,
      out: shownPath(opts.cwd, copy.out),
      format,
      ...(encoding ? { encoding } : {}),
      changes: [...copy.applied, ...copy.guarded].sort((a, b) => a.row - b.row || a.col - b.col),
      skipped: copy.skipped,
    });
  }
  return run;
}

function changeJson(f: Fix, lang: Lang) {
  return {
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    column: f.column,
    before: f.before,
    after: f.after,
    ...(f.rule ? { rule: f.rule } : {}),
    reason: f.reason,
    ...(f.also ? { also: f.also } : {}),
    message: describeFix(f, lang),
  };
}

/** The run as one JSON document. */
export function formatFixJson(run: FixRun, lang: Lang): string {
  const changes = run.files.reduce((n, f) => n + f.changes.length, 0);
  const doc = {
    files: run.files.map((f) => ({
      file: f.file,
      ...(f.out ? { out: f.out } : {}),
      format: f.format,
      ...(f.encoding ? { encoding: f.encoding, writtenAs: 'utf-8-bom' } : {}),
      changes: f.changes.map((c) => changeJson(c, lang)),
      ...(f.skipped.length ? { skipped: f.skipped.map((c) => changeJson(c, lang)) } : {}),
    })),
    unchanged: run.unchanged,
    unreadable: run.unreadable,
    dryRun: run.dryRun,
    summary: { files: run.files.length, changes, unchanged: run.unchanged.length, unreadable: run.unreadable.length },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const quote = (s: string, lang: Lang): string => (lang === 'zh' ? `“${s}”` : `"${s}"`);

/** The run for a person: per file, one line per change (cell, column, before → after, why). */
export function formatFixPretty(run: FixRun, lang: Lang, target: string): string {
  const out: string[] = [];
  for (const f of run.files) {
    out.push(
      run.dryRun || !f.out
        ? msg(lang, 'header-dry', { file: f.file, count: f.changes.length })
        : msg(lang, 'header', { file: f.file, out: f.out, count: f.changes.length }),
    );
    const sheets = new Set(f.changes.map((c) => c.sheet));
    for (const c of f.changes) {
      const where = sheets.size > 1 ? `${c.sheet}!${c.cell}` : c.cell;
      const asNumber = c.reason === 'phone-as-text' || c.also?.includes('phone-as-text') ? (lang === 'zh' ? '（数字）' : ' (number)') : '';
      out.push(`  ${where.padEnd(5)} ${c.column ? c.column + '  ' : ''}${quote(c.before, lang)}${asNumber} → ${quote(c.after, lang)}  ${describeFix(c, lang)}`);
    }
    for (const s of f.skipped) out.push(msg(lang, 'skipped', { cell: s.cell }));
    if (f.format === 'csv' && f.out) out.push(msg(lang, 'csv-note', { encoding: f.encoding ?? 'utf-8' }));
  }
  if (run.unchanged.length) out.push(msg(lang, run.dryRun ? 'unchanged-dry' : 'unchanged', { files: run.unchanged.join(lang === 'zh' ? '、' : ', ') }));
  for (const u of run.unreadable) out.push(msg(lang, 'unreadable', u));
  const changes = run.files.reduce((n, f) => n + f.changes.length, 0);
  if (out.length) out.push('');
  if (changes === 0) out.push(msg(lang, 'summary-none'));
  else out.push(msg(lang, run.dryRun ? 'summary-dry' : 'summary', { files: run.files.length, changes, target }));
  return out.join('\n') + '\n';
}

export async function fixCommand(paths: string[], flags: FixFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  if (flags.format !== 'pretty' && flags.format !== 'json') throw usage('bad-format', { value: flags.format });
  if (paths.length === 0) throw usage('no-paths');
  if (!flags.out && !flags.dryRun) throw usage('no-out', { example: paths.join(' ') });
  // paths are resolved as the folder walk resolves them (the process's working folder)
  const out = flags.out && !flags.dryRun ? path.resolve(flags.out) : undefined;
  const inputs = paths.map((p) => path.resolve(p));
  try {
    if (out) assertOutsideInputs(out, inputs);
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError(e.message);
    throw e;
  }

  const read = await readInputs(paths, flags, io, lang);
  if (read.files.length === 0) throw usage('no-files', { paths: paths.join('、') });

  let run: FixRun;
  try {
    run = await runFix(read, { ...(out ? { out } : {}), inputs, force: Boolean(flags.force), dryRun: Boolean(flags.dryRun), lang, cwd: io.cwd });
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError(e.message);
    throw e;
  }
  if (flags.format === 'json') io.stdout(formatFixJson(run, lang));
  else io.stdout(formatFixPretty(run, lang, flags.out ?? ''));

  if (run.files.length === 0 && run.unchanged.length === 0) {
    io.stderr(`fupin: ${msg('zh', 'nothing-readable')} / ${msg('en', 'nothing-readable')}\n`);
    return EXIT.failed;
  }
  return run.unreadable.length ? EXIT.problems : EXIT.ok;
}
