// fupin rollup: a city folder → its 统计表, a province folder → the provincial table, city 统计表 files → the provincial total.
import path from 'node:path';
import { renderMessage } from '../../core/catalogue.js';
import type { DivisionIndex } from '../../core/divisions.js';
import { fillTemplate } from '../../core/i18n.js';
import type { Lang, Problem, Register, RollupTable } from '../../core/model.js';
import { reconcileCityTable } from '../../core/reconcile.js';
import { canonicalCity, columnSums, cityRowOf, HUNAN_CITIES, provinceFromCityTables, rollupCity, rollupProvince } from '../../core/rollup.js';
import { ROLLUP_NOTES } from '../../core/stats-messages.js';
import { type ReadResult, type StatsTableFound } from '../../io/registers.js';
import { OutputError, writeFileAtomic } from '../../io/safe-write.js';
import { writeStatsTable } from '../../io/writers/stats.js';
import { formDate } from '../../io/writers/template-book.js';
import { formatRollupCsv } from '../../formatters/rollup-csv.js';
import { formatRollupJson } from '../../formatters/rollup-json.js';
import { formatRollupPretty } from '../../formatters/rollup-pretty.js';
import type { RollupProblem, RollupReport } from '../../formatters/rollup-report.js';
import { EXIT, UsageError } from '../errors.js';
import { type CliIO, useColor } from '../io.js';
import { readInputs } from '../inputs.js';
import type { LimitFlags } from '../limits.js';
import { parseLang } from './validate.js';

export interface RollupFlags extends LimitFlags {
  format: string;
  lang: string;
  output?: string;
  by?: string;
  orgs?: string;
  unit?: string;
  date?: string;
  strict?: boolean;
  force?: boolean;
  encoding?: string;
  area?: string;
  color?: boolean;
}

/** What rollup itself says (not the core's notes and checks), zh and en by id. */
const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    'table-area': '无法确定这张统计表是哪个市州的，未计入全省表：请在“填报单位”一行写明市州（如 怀化市慈善总会），或把文件放在市州文件夹里、以市州命名',
    'province-table': '这是一张全省统计表，与其他输入一起汇总时不计入：只给市州统计表或登记表',
    'other-city-table': '这是{city}的统计表，不属于{area}，未计入{area}统计表',
    'tables-used': '以下市州没有登记表，按其统计表的合计计入：{names}',
    'duplicate-table': '{city}已有一张统计表（{first}），这一张也计入了全省表，{city}因此被重复计算：请删去重复的一张',
    'no-input': '{paths} 中没有可汇总的登记表或统计表',
    'no-area': '无法确定登记表属于哪个市州、县市区：请按 市州/县市区.xlsx 存放，或用 --area 指定（例如 --area 怀化市溆浦县）',
    'bad-format': '--format 只能是 pretty、json 或 csv（收到 “{value}”）',
    'bad-output': '-o 只能写 .xlsx（附3 表格）、.csv 或 .json 文件（收到 “{value}”）',
    'bad-by': '--by 只能是 city（收到 “{value}”）',
    'no-paths': '请指定要汇总的文件夹或统计表，例如：fupin rollup 怀化市',
    written: '已写出：{file}',
  },
  en: {
    'table-area': 'cannot tell which city this table is for, so it was left out of the provincial table; write the city on the 填报单位 line (e.g. 怀化市慈善总会), or keep the file in the city folder, named after the city',
    'province-table': 'this is a provincial table; with other inputs it is not counted: give city tables or registers only',
    'other-city-table': 'this is the table of {city}, not of {area}; left out of the {area} table',
    'tables-used': 'No registers for these cities; their 统计表 totals were counted: {names}',
    'duplicate-table': '{city} already has a table ({first}); this one was counted too, so {city} counts twice: delete the duplicate',
    'no-input': 'no registers or 统计表 to roll up in {paths}',
    'no-area': 'cannot tell which city or county the registers belong to; store them as city/county.xlsx or give --area (e.g. --area 怀化市溆浦县)',
    'bad-format': '--format must be pretty, json or csv (got "{value}")',
    'bad-output': '-o must name an .xlsx (the 附3 form), .csv or .json file (got "{value}")',
    'bad-by': '--by must be city (got "{value}")',
    'no-paths': 'give the folders or 统计表 files to roll up, e.g. fupin rollup 怀化市',
    written: 'written: {file}',
  },
};

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[lang][id] ?? id, data);
}

/** A usage error in both languages, Chinese first. */
function usage(id: string, data: Record<string, string | number> = {}): UsageError {
  return new UsageError(`${msg('zh', id, data)} / ${msg('en', id, data)}`);
}

/** The result of rolling up, before it is printed. */
export interface RollupOutcome {
  table: RollupTable;
  /** Province: each city's own table (from its registers, else as read), in table order. */
  byCity: RollupTable[];
  problems: RollupProblem[];
}

function rendered(p: Problem, lang: Lang, where: { file?: string; sheet?: string }): RollupProblem {
  const out: RollupProblem = { rule: p.rule, severity: p.severity, message: renderMessage(p, lang) };
  if (where.file !== undefined) out.file = where.file;
  if (where.sheet !== undefined) out.sheet = where.sheet;
  if (p.row !== undefined) out.row = p.row;
  if (p.cell !== undefined) out.cell = p.cell;
  if (p.column !== undefined) out.column = p.column;
  if (p.value !== undefined) out.value = p.value;
  return out;
}

function inputProblem(lang: Lang, id: string, t: StatsTableFound, severity: 'error' | 'warning', data: Record<string, string> = {}): RollupProblem {
  return { file: t.file, sheet: t.sheet, rule: 'rollup-input', severity, message: msg(lang, id, data) };
}

/** A warning on every table of a city after its first: the provincial table counts each of them. */
function duplicateProblems(lang: Lang, byCity: Map<string, StatsTableFound[]>): RollupProblem[] {
  const out: RollupProblem[] = [];
  for (const [city, list] of byCity) {
    for (const t of list.slice(1)) out.push(inputProblem(lang, 'duplicate-table', t, 'warning', { city, first: list[0]!.file }));
  }
  return out;
}

/** The city's counties in the division list's order; functional zones only when they have a register. */
export function countyOrder(divisions: DivisionIndex, city: string, registers: readonly Register[]): string[] {
  const present = new Set(registers.map((r) => r.area.county).filter((c): c is string => Boolean(c)));
  return divisions
    .countiesOf(city)
    .filter((c) => !c.zone || present.has(c.name))
    .map((c) => c.name);
}

/** A 统计表's city: what the table says, else its folder or file name. */
function cityOfTable(t: StatsTableFound): string | undefined {
  return canonicalCity(t.read.table.area) ?? (t.city ? canonicalCity(t.city) : undefined);
}

const CITY_ORDER = HUNAN_CITIES.map((c) => c.name);

function byTableOrder(a: RollupTable, b: RollupTable): number {
  const at = (t: RollupTable): number => {
    const i = CITY_ORDER.indexOf(t.area);
    return i < 0 ? CITY_ORDER.length : i;
  };
  return at(a) - at(b);
}

/**
 * Decides what the inputs are and builds the table (pure apart from what `read` already holds):
 * - registers of one city (市本级 and counties) → that city's 统计表; its 统计表, if also given, is reconciled;
 * - registers of 省本级 or of several cities → the provincial table (cities with only a 统计表 count by its 合计);
 * - no registers, one 统计表 → that table, checked; several city 统计表 → the provincial table.
 * Undefined when there is nothing to roll up.
 */
export function buildRollup(read: ReadResult, lang: Lang): RollupOutcome | undefined {
  const problems: RollupProblem[] = [];
  for (const f of read.files) if (f.failure) problems.push(rendered(f.failure, lang, { file: f.file }));
  for (const p of read.registryProblems) problems.push(rendered(p, lang, { file: String(p.data?.file ?? read.registryFile ?? 'orgs.csv') }));

  const registers = read.files.flatMap((f) => f.registers);
  const found = read.files.flatMap((f) => f.tables);
  const opts = { lang, divisions: read.divisions, ...(read.registry ? { registry: read.registry } : {}) };
  const tableProblems = (t: StatsTableFound): void => {
    for (const p of t.read.problems) problems.push(rendered(p, lang, { file: t.file, sheet: t.sheet }));
  };
  const coreProblems = (list: readonly Problem[]): void => {
    for (const p of list) problems.push(rendered(p, lang, { file: String(p.data?.file ?? '') }));
  };
  /**
   * The city 统计表 by city, each table's own problems reported; a provincial table among the inputs is passed over
   * (warning) and a table whose city cannot be told is left out (error).
   */
  const cityTablesOf = (tables: readonly StatsTableFound[]): Map<string, StatsTableFound[]> => {
    const byCity = new Map<string, StatsTableFound[]>();
    for (const t of tables) {
      tableProblems(t);
      if (t.read.table.level === 'province') {
        problems.push(inputProblem(lang, 'province-table', t, 'warning'));
        continue;
      }
      const city = cityOfTable(t);
      if (!city) {
        problems.push(inputProblem(lang, 'table-area', t, 'error'));
        continue;
      }
      byCity.set(city, [...(byCity.get(city) ?? []), t]);
    }
    return byCity;
  };
  /** A city 统计表 as read, with its city as area. */
  const asRead = (t: StatsTableFound, city: string): RollupTable => ({ ...t.read.table, area: city });

  // ── no registers: 统计表 only ──────────────────────────────────────────────────────
  if (registers.length === 0) {
    if (found.length === 0) return undefined;
    if (found.length === 1) {
      const t = found[0]!;
      tableProblems(t);
      const table = t.read.table.level === 'city' ? asRead(t, cityOfTable(t) ?? t.read.table.area) : t.read.table;
      return { table, byCity: [], problems };
    }
    const seen = cityTablesOf(found);
    const cityTables = [...seen].flatMap(([city, list]) => list.map((t) => asRead(t, city)));
    problems.push(...duplicateProblems(lang, seen));
    if (cityTables.length === 0) return { table: provinceFromCityTables([], undefined, { lang }), byCity: [], problems };
    cityTables.sort(byTableOrder);
    return { table: provinceFromCityTables(cityTables, undefined, { lang }), byCity: cityTables, problems };
  }

  // ── registers ───────────────────────────────────────────────────────────────────────
  const provinceRegs = registers.filter((r) => r.area.level === 'province');
  const regsByCity = new Map<string, Register[]>();
  for (const r of registers) {
    if ((r.area.level === 'city' || r.area.level === 'county') && r.area.city) {
      regsByCity.set(r.area.city, [...(regsByCity.get(r.area.city) ?? []), r]);
    }
  }
  if (provinceRegs.length === 0 && regsByCity.size === 0 && found.length === 0) {
    throw usage('no-area');
  }
  const tablesOf = cityTablesOf(found);
  const onlyCity = regsByCity.size === 1 ? [...regsByCity.keys()][0]! : undefined;
  const reconcile = (city: string, computed: RollupTable): void => {
    for (const t of tablesOf.get(city) ?? []) {
      for (const p of reconcileCityTable(t.read, computed)) problems.push(rendered(p, lang, { file: t.file, sheet: t.sheet }));
    }
  };

  // One city's registers (and perhaps its own 统计表): the city's table.
  if (provinceRegs.length === 0 && onlyCity && [...tablesOf.keys()].every((c) => c === onlyCity)) {
    const r = rollupCity(registers, { ...opts, city: onlyCity, countyOrder: countyOrder(read.divisions, onlyCity, registers) });
    coreProblems(r.problems);
    reconcile(onlyCity, r.table);
    return { table: r.table, byCity: [], problems };
  }

  // The province: 省本级 and the cities' registers; cities with only a 统计表 count by its 合计.
  const p = rollupProvince(registers, opts);
  coreProblems(p.problems);
  const byCity: RollupTable[] = [];
  for (const [city, regs] of regsByCity) {
    const r = rollupCity(regs, { ...opts, city, countyOrder: countyOrder(read.divisions, city, regs) });
    byCity.push(r.table);
    reconcile(city, r.table);
  }
  const fromTables = [...tablesOf.keys()].filter((c) => !regsByCity.has(c));
  problems.push(...duplicateProblems(lang, new Map(fromTables.map((c) => [c, tablesOf.get(c)!]))));
  let table = p.table;
  if (fromTables.length) {
    const rows = table.rows.map((row) => {
      const t = row.level === 'city' && row.city && fromTables.includes(row.city) ? tablesOf.get(row.city)! : undefined;
      if (!t) return row;
      if (t.length > 1) table.notes.push(fillTemplate(ROLLUP_NOTES[lang]['duplicate-table']!, { city: row.city!, count: t.length }));
      return { ...row, ...columnSums(t.map((x) => cityRowOf(x.read.table, row.city))) };
    });
    for (const city of fromTables) {
      for (const t of tablesOf.get(city)!) byCity.push(asRead(t, city));
    }
    // the core named these cities as having no data: say instead what they were counted from
    const missingBefore = CITY_ORDER.filter((c) => !regsByCity.has(c));
    const missingNow = missingBefore.filter((c) => !fromTables.includes(c));
    const stale = fillTemplate(ROLLUP_NOTES[lang]['missing-cities']!, { names: missingBefore.join('、') });
    const notes = table.notes.filter((n) => n !== stale);
    if (missingNow.length) notes.push(fillTemplate(ROLLUP_NOTES[lang]['missing-cities']!, { names: missingNow.join('、') }));
    notes.push(msg(lang, 'tables-used', { names: fromTables.join('、') }));
    table = { ...table, rows, total: columnSums(rows), notes };
  }
  byCity.sort(byTableOrder);
  return { table, byCity, problems };
}

const OUTPUTS = ['.xlsx', '.csv', '.json'] as const;

export async function rollupCommand(paths: string[], flags: RollupFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  if (!['pretty', 'json', 'csv'].includes(flags.format)) throw usage('bad-format', { value: flags.format });
  if (flags.by !== undefined && flags.by !== 'city') throw usage('bad-by', { value: flags.by });
  const ext = flags.output ? path.extname(flags.output).toLowerCase() : undefined;
  if (flags.output && !(OUTPUTS as readonly string[]).includes(ext ?? '')) throw usage('bad-output', { value: flags.output });
  if (paths.length === 0) throw usage('no-paths');

  const read = await readInputs(paths, flags, io, lang);

  const built = buildRollup(read, lang);
  if (!built) {
    // say why: the first few files that could not be read
    const why = read.files
      .filter((f) => f.failure)
      .slice(0, 3)
      .map((f) => `\n  ${f.file}：${renderMessage(f.failure!, lang)}`)
      .join('');
    throw new UsageError(`${msg('zh', 'no-input', { paths: paths.join('、') })} / ${msg('en', 'no-input', { paths: paths.join(', ') })}${why}`);
  }
  const report: RollupReport = {
    table: built.table,
    ...(flags.by === 'city' && built.table.level === 'province' ? { byCity: built.byCity } : {}),
    problems: built.problems,
    source: {
      files: read.files.length,
      registers: read.files.reduce((n, f) => n + f.registers.length, 0),
      tables: read.files.reduce((n, f) => n + f.tables.length, 0),
    },
    lang,
  };

  if (flags.format === 'json') io.stdout(formatRollupJson(report));
  else if (flags.format === 'csv') io.stdout(formatRollupCsv(report));
  else io.stdout(formatRollupPretty(report, { color: useColor(io, flags.color), width: io.stdoutIsTTY ? io.columns : 120 }));

  if (flags.output) await writeOutputs(flags.output, ext!, report, read, flags, io, lang);

  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.filter((p) => p.severity === 'warning').length;
  return errors > 0 || (flags.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
}

/**
 * -o: the 附3 form (.xlsx), or the CSV / JSON of the report. With --by city and .xlsx, each city's form goes to its own
 * file beside it (`全省.xlsx` → `全省-怀化市.xlsx` …): the writer fills a one-sheet template.
 */
async function writeOutputs(target: string, ext: string, report: RollupReport, read: ReadResult, flags: RollupFlags, io: CliIO, lang: Lang): Promise<void> {
  const inputs = [...read.files.map((f) => f.abs), ...(read.registryFile ? [path.resolve(read.registryFile)] : [])];
  const date = flags.date ?? formDate(new Date());
  const jobs: { file: string; bytes: () => Promise<Uint8Array> }[] = [];
  if (ext === '.xlsx') {
    const form = (t: RollupTable) => () => writeStatsTable(t, { ...(flags.unit ? { unitLine: flags.unit } : {}), date, lang });
    jobs.push({ file: target, bytes: form(report.table) });
    const stem = target.slice(0, target.length - ext.length);
    for (const t of report.byCity ?? []) jobs.push({ file: `${stem}-${t.area}${ext}`, bytes: form({ ...t }) });
  } else if (ext === '.csv') {
    jobs.push({ file: target, bytes: async () => Buffer.from(formatRollupCsv(report), 'utf8') });
  } else {
    jobs.push({ file: target, bytes: async () => Buffer.from(formatRollupJson(report), 'utf8') });
  }
  for (const job of jobs) {
    try {
      await writeFileAtomic(path.resolve(io.cwd, job.file), await job.bytes(), { force: Boolean(flags.force), inputs });
      io.stderr(`${msg(lang, 'written', { file: job.file })}\n`);
    } catch (e) {
      if (e instanceof OutputError) throw new UsageError(e.message);
      throw e;
    }
  }
}
