// fupin quota: checks registers (or city 统计表) against the 附4 minimums — per city, per type, per organisation — and prints or writes the result.
import path from 'node:path';
import { renderMessage } from '../../core/catalogue.js';
import type { County, DivisionIndex } from '../../core/divisions.js';
import { householdBaseKey } from '../../core/household.js';
import type { Lang, OrgSummary, Register, RollupTable } from '../../core/model.js';
import { isBlank } from '../../core/normalize.js';
import {
  HUNAN_2016,
  addressInCounty,
  actualsFromRollup,
  checkQuota,
  demoSiteActual,
  namesCity,
  quotaText,
  type DemoSiteActual,
  type OutsideHousehold,
  type QuotaActuals,
  type QuotaReport,
  type QuotaTable,
  type Text,
} from '../../core/quota/index.js';
import { rollupProvince } from '../../core/rollup.js';
import type { EncodingName } from '../../io/csv.js';
import { QuotaTableFileError, readQuotaTableFile } from '../../io/quota-table.js';
import type { ReadResult } from '../../io/registers.js';
import { checkOutput, OutputError } from '../../io/safe-write.js';
import { writeQuotaProgress } from '../../io/writers/quota-progress.js';
import { loadDivisions } from '../../io/divisions.js';
import { formatQuotaPretty } from '../../formatters/quota-pretty.js';
import { formatQuotaJson } from '../../formatters/quota-json.js';
import { EXIT, UsageError } from '../errors.js';
import { type CliIO, useColor } from '../io.js';
import { encodingOf, readInputs } from '../inputs.js';
import type { LimitFlags } from '../limits.js';
import { parseLang } from './validate.js';

export interface QuotaFlags extends LimitFlags {
  format: string;
  lang: string;
  table?: string;
  output?: string;
  orgs?: string;
  force?: boolean;
  encoding?: string;
  area?: string;
  color?: boolean;
}

const t = (zh: string, en: string): Text => ({ zh, en });

// ── the quota table ─────────────────────────────────────────────────────────────────────────

/** The built-in table, or the --table file; a table with errors ends the command (exit 2) listing every cell at fault. */
async function loadTable(file: string | undefined, lang: Lang, encoding: EncodingName | undefined): Promise<QuotaTable> {
  if (!file) return HUNAN_2016;
  let result;
  try {
    result = await readQuotaTableFile(file, { ...(encoding ? { encoding } : {}), divisions: await loadDivisions() });
  } catch (e) {
    if (e instanceof QuotaTableFileError) throw new UsageError(lang === 'zh' ? e.zh : e.en);
    throw e;
  }
  if ('table' in result) return result.table;
  const head =
    lang === 'zh'
      ? `任务分配表 ${file} 有 ${result.errors.length} 处错误，未使用；请改正后再试：`
      : `the quota table ${file} has ${result.errors.length} error(s) and was not used; correct them and try again:`;
  throw new UsageError([head, ...result.errors.map((e) => `  ${e.message[lang]}`)].join('\n'));
}

// ── from what was read to actual figures ────────────────────────────────────────────────────

/** The demonstration site's county in the division list, and a test "does this address lie in it". */
export function siteTest(divisions: DivisionIndex, site: { city: string; county: string }): (address: string) => boolean {
  const county: County | undefined = divisions.county(site.county, site.city);
  if (!county) return (address) => addressInCounty(address, site);
  const scope = { province: county.city.province.name, city: county.city.name, county: county.name, code: county.code };
  return (address) => {
    const named = divisions.placesIn(address, scope).filter((m) => m.level !== 'province');
    // an address naming no place at all: the name-only test decides (it says no unless 溆浦 is written)
    if (named.length === 0) return addressInCounty(address, site);
    const inside = (p: Parameters<DivisionIndex['within']>[0]): boolean => divisions.within(p, county);
    const related = (p: Parameters<DivisionIndex['within']>[0]): boolean => inside(p) || divisions.within(county, p);
    if (named.some((m) => !m.places.some(related))) return false;
    return named.some((m) => m.places.some(inside));
  };
}

/** The distinct households (by name + address) of some registers, with where each is written; blank addresses apart. */
function householdsOf(registers: readonly Register[], divisions?: DivisionIndex): { list: OutsideHousehold[]; blankAddress: number } {
  const seen = new Set<string>();
  const list: OutsideHousehold[] = [];
  let blankAddress = 0;
  for (const reg of registers) {
    for (const row of reg.rows) {
      const key = householdBaseKey(row, divisions);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      const address = row.fields.address;
      if (!address || isBlank(address.text)) {
        blankAddress++;
        continue;
      }
      list.push({
        name: (row.fields.name?.text ?? '').trim(),
        address: address.text.trim(),
        file: reg.file,
        cell: address.cell,
      });
    }
  }
  return { list, blankAddress };
}

/** How many households of a city appear in more than one of its rows (市本级 and each county are rows). */
function crossRowHouseholds(registers: readonly Register[], divisions?: DivisionIndex): number {
  const rowsOf = new Map<string, Set<string>>();
  for (const reg of registers) {
    const unit = reg.area.level === 'city' ? '市本级' : (reg.area.county ?? '');
    for (const row of reg.rows) {
      const key = householdBaseKey(row, divisions);
      if (key === undefined) continue;
      const set = rowsOf.get(key) ?? new Set<string>();
      set.add(unit);
      rowsOf.set(key, set);
    }
  }
  return [...rowsOf.values()].filter((s) => s.size > 1).length;
}

export interface Gathered {
  actuals: QuotaActuals;
  /** Notes about the input: unreadable files, registers of no known area, tables not used. */
  notes: Text[];
  /** Registers counted. */
  registers: number;
  /** 统计表 used. */
  tables: number;
}

/**
 * Actual figures from what readRegisters found: registers (rolled up per city, 省本级 apart, organisations summarised
 * for the per-organisation checks, addresses of the demonstration site's units), and 统计表 for the cities that have
 * no registers in the input (their per-organisation checks are then not possible).
 */
export function gatherActuals(read: ReadResult, table: QuotaTable, lang: Lang): Gathered {
  const notes: Text[] = [];
  const registers = read.files.flatMap((f) => f.registers);
  for (const f of read.files) {
    if (f.failure && f.tables.length === 0) {
      notes.push(t(`${f.file} 无法读取，未计入：${renderMessage(f.failure, 'zh')}`, `${f.file} could not be read and is not counted: ${renderMessage(f.failure, 'en')}`));
    }
  }
  const placed = registers.filter((r) => r.area.level === 'province' || ((r.area.level === 'city' || r.area.level === 'county') && r.area.city));
  const unplaced = registers.filter((r) => !placed.includes(r));
  if (unplaced.length) {
    const names = [...new Set(unplaced.map((r) => r.file))].join('、');
    notes.push(
      t(
        `${unplaced.length} 张登记表不知道属于哪个地区，未计入：${names}（按 省本级.xlsx、市州/市本级.xlsx、市州/县.xlsx 放置，或用 --area 指定）`,
        `${unplaced.length} register(s) of no known area are not counted: ${names} (place them as 省本级.xlsx, <city>/市本级.xlsx, <city>/<county>.xlsx, or give --area)`,
      ),
    );
  }

  const tables: RollupTable[] = [];
  let orgs: OrgSummary[] | undefined;
  const registerCities = new Set(placed.flatMap((r) => (r.area.level !== 'province' && r.area.city ? [r.area.city] : [])));
  const provinceRegisters = placed.some((r) => r.area.level === 'province');

  // 统计表 first: a provincial table's city rows give way to city tables and registers, later entries win
  let tablesUsed = 0;
  const provinceTables: RollupTable[] = [];
  for (const f of read.files) {
    for (const st of f.tables) {
      const tbl = st.read.table;
      if (tbl.level === 'province') {
        provinceTables.push(tbl);
        tablesUsed++;
        continue;
      }
      const city = st.city ?? (tbl.area || undefined);
      if (!city) {
        notes.push(t(`统计表 ${st.file}（${st.sheet}）不知道属于哪个市州，未使用：请把它放在市州文件夹里，或在填报单位一行写明市州`, `statistics table ${st.file} (${st.sheet}) names no city and was not used`));
        continue;
      }
      if (registerCities.has(city)) {
        notes.push(t(`${city}：已读到登记表，按登记表核对，统计表 ${st.file} 未使用`, `${city}: counted from its registers; the statistics table ${st.file} was not used`));
        continue;
      }
      tables.push({ ...tbl, area: city, rows: tbl.rows.map((r) => ({ ...r, city })) });
      tablesUsed++;
    }
  }

  // registers: one city table per city (市本级 + counties), and the 省本级 row when 省本级 registers were read
  const rolled = placed.length ? rollupProvince(placed, { ...(read.registry ? { registry: read.registry } : {}), lang, divisions: read.divisions }) : undefined;
  if (rolled) {
    tables.push(...rolled.byCity);
    orgs = rolled.orgs;
  }
  // the provincial 统计表: its 省本级 row and the cities nothing else covers
  for (const p of provinceTables) {
    tables.push({ ...p, rows: p.rows.filter((r) => (r.level === 'province' ? !provinceRegisters : !registerCities.has(r.city ?? r.unit))) });
  }
  if (rolled && provinceRegisters) tables.push({ ...rolled.table, rows: rolled.table.rows.filter((r) => r.level === 'province') });

  const actuals = actualsFromRollup(tables, orgs ? { orgs } : {});
  // "households summed over rows" matters only where a household really is in two rows: registers tell
  if (actuals.notes) {
    const quiet = new Set(
      [...registerCities].filter((city) => crossRowHouseholds(placed.filter((r) => r.area.level !== 'province' && r.area.city === city), read.divisions) === 0),
    );
    actuals.notes = actuals.notes.filter((n) => ![...quiet].some((area) => n.zh === quotaText('rollup-households-summed', { area }).zh));
  }
  const statsOnly = new Set(actuals.areas.filter((a) => a.level === 'city' && !registerCities.has(a.area)).map((a) => a.area));
  if (orgs && statsOnly.size) {
    const names = [...statsOnly].join('、');
    notes.push(t(`${names} 只有统计表，没有登记表，这些市州未逐个单位核对分配指导户数`, `${names}: statistics tables only, no registers: per-organisation guidance not checked there`));
  }

  // the demonstration site: the households of the units bound to it (省本级, 怀化市本级), from their registers
  const site = table.demoSite;
  if (site) {
    const inSite = siteTest(read.divisions, site);
    const found: DemoSiteActual[] = [];
    const missing: string[] = [];
    for (const unit of site.units) {
      const covered =
        unit.level === 'province'
          ? actuals.areas.some((a) => a.level === 'province')
          : actuals.areas.some((a) => a.level === 'city' && namesCity(a.area, unit.city ?? ''));
      if (!covered) continue;
      const regs = placed.filter((r) =>
        unit.level === 'province' ? r.area.level === 'province' : r.area.level === 'city' && namesCity(r.area.city ?? '', unit.city ?? ''),
      );
      if (regs.length === 0) {
        missing.push(unit.unit);
        continue;
      }
      const { list, blankAddress } = householdsOf(regs, read.divisions);
      found.push(demoSiteActual(unit.unit, list, site, inSite));
      if (blankAddress) {
        notes.push(t(`${unit.unit} 有 ${blankAddress} 户没有填写住址，未核对是否在示范点`, `${unit.unit}: ${blankAddress} household(s) without an address; not checked against the demonstration site`));
      }
    }
    if (found.length || missing.length === 0) actuals.demoSite = found;
    if (found.length && missing.length) {
      notes.push(t(`没有读到 ${missing.join('、')} 的登记表住址，其示范点未核对`, `no register addresses for ${missing.join(', ')}: demonstration site not checked for them`));
    }
  }

  return { actuals, notes, registers: placed.length, tables: tablesUsed };
}

// ── the command ─────────────────────────────────────────────────────────────────────────────

export async function quotaCommand(paths: string[], flags: QuotaFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  if (flags.format !== 'pretty' && flags.format !== 'json') {
    throw new UsageError(`--format 只能是 pretty 或 json（收到 “${flags.format}”） / --format must be pretty or json`);
  }
  const encoding = encodingOf(flags);
  if (paths.length === 0) {
    throw new UsageError('请指定全省或市州文件夹、或统计表文件，例如：fupin quota ledger/ / give a province or city folder, or 统计表 files');
  }
  if (flags.output) {
    if (path.extname(flags.output).toLowerCase() !== '.xlsx') {
      throw new UsageError(`-o 只能写 .xlsx 文件（附4 进度表），例如 -o 任务完成情况.xlsx（收到 “${flags.output}”） / -o writes an .xlsx file`);
    }
    // before the long read: the refusals writeFileAtomic would give at the end
    await checkOutput(flags.output, { force: Boolean(flags.force), inputs: paths }).catch((e: unknown) => {
      throw e instanceof OutputError ? new UsageError(e.message) : e;
    });
  }

  const table = await loadTable(flags.table, lang, encoding);

  const read = await readInputs(paths, flags, io, lang);
  if (read.files.length === 0) throw new UsageError(`${paths.join('、')} 中没有表格文件（.xlsx、.xlsm、.csv） / no spreadsheet files found`);

  const gathered = gatherActuals(read, table, lang);
  if (gathered.actuals.areas.length === 0) {
    const why = gathered.notes.map((n) => `  ${n[lang]}`);
    throw new UsageError(
      [
        lang === 'zh'
          ? `${paths.join('、')} 中没有可以核对的登记表或统计表（需要 省本级、市本级 或县市区的登记表，或市州统计表）`
          : `nothing to check in ${paths.join(', ')}: no registers of 省本级, a 市本级 or a county, and no city 统计表`,
        ...why,
      ].join('\n'),
    );
  }
  const report: QuotaReport = checkQuota(table, gathered.actuals);
  report.notes = [...gathered.notes, ...report.notes];
  // areas in the table's order (省本级 first), whatever order the input was read in
  const order = new Map(table.rows.map((r, i) => [r.unit, i]));
  report.areas.sort((a, b) => (order.get(a.unit) ?? order.size) - (order.get(b.unit) ?? order.size));
  if (report.areas.length === 0) {
    throw new UsageError(
      lang === 'zh'
        ? `读到的地区（${report.notInTable.join('、')}）都不在任务分配表中，无法核对；请检查 --table 或文件夹名称`
        : `none of the areas read (${report.notInTable.join(', ')}) is in the quota table; check --table or the folder names`,
    );
  }

  if (flags.output) {
    try {
      const written = await writeQuotaProgress(flags.output, report, table, {
        force: Boolean(flags.force),
        inputs: [...paths, ...(flags.table ? [flags.table] : []), ...(flags.orgs ? [flags.orgs] : [])],
        lang,
      });
      io.stderr(lang === 'zh' ? `已写出 ${written}\n` : `written: ${written}\n`);
    } catch (e) {
      if (e instanceof OutputError) throw new UsageError(lang === 'zh' ? e.zh : e.en);
      throw e;
    }
  }

  if (flags.format === 'json') io.stdout(formatQuotaJson(report, lang));
  else io.stdout(formatQuotaPretty(report, { color: useColor(io, flags.color), width: io.stdoutIsTTY ? io.columns : 100, lang }));

  return report.met ? EXIT.ok : EXIT.problems;
}

