// Reading a 附3 统计表 from a sheet grid (fupin-made or filled in by hand) and checking its arithmetic (DOMAIN §5).
import { rowAt, rowCountOf } from './sheet-rows.js';
import { looksLikeQuotaTable } from './quota/detect.js';
import { msg, type AreaLevel, type CountPair, type MsgArg, type OrgType, type Problem, type RawCell, type RawSheet, type RollupRow, type RollupTable } from './model.js';
import { cellRef, compact, compareIds, numberText, parseAmount } from './normalize.js';
import { columnSums, emptyRow } from './rollup.js';
import { STATS_RULES } from './stats-messages.js';

export type Group = OrgType | 'subtotal';
export type Measure = 'units' | 'households';
export const GROUPS: readonly Group[] = ['charity', 'foundation', 'social', 'subtotal'];
const MEASURES: readonly Measure[] = ['units', 'households'];

/** The form's column headers, for messages. */
export const COLUMN_LABEL: Record<Group, Record<Measure, string>> = {
  charity: { units: '慈善系统 参与单位数量', households: '慈善系统 扶贫脱贫户数' },
  foundation: { units: '基金会 参与单位数量', households: '基金会 扶贫脱贫户数' },
  social: { units: '社会服务机构 参与单位数量', households: '社会服务机构 扶贫脱贫户数' },
  subtotal: { units: '参与扶贫单位总数', households: '扶贫脱贫农户总数' },
};


/** A1 references of one row's eight figures. */
export type RowRefs = Record<Group, Record<Measure, string>>;

export interface StatsRowRead {
  row: RollupRow;
  /** The 单位 cell as written, and where. */
  label: string;
  labelCell: string;
  /** 1-based sheet row. */
  sheetRow: number;
  refs: RowRefs;
}

export interface StatsTableRead {
  ok: true;
  /** The rows as written; `total` is their column sums (the stated 合计 is in `stated`). */
  table: RollupTable;
  rows: StatsRowRead[];
  /** The 合计 row as the sheet states it, when it has one. */
  stated?: { total: RollupTable['total']; sheetRow: number; refs: RowRefs };
  title?: string;
  /** The 填报单位 line's value, e.g. 怀化市慈善总会. */
  reporter?: string;
  /** The closing 备注 line. */
  remark?: string;
  headerRows: number[];
  /** A city (or 省本级) named by the title or 填报单位 line. */
  areaHint?: string;
  problems: Problem[];
}

export interface StatsTableRejection {
  ok: false;
  reason: string;
  reasonEn: string;
}

export interface StatsReadOptions {
  /** Which table: a city's (rows = 市本级 + counties) or the province's (省本级 + cities); guessed from the labels when absent. */
  level?: 'city' | 'province';
  /** The city (or province) the table is for; default the title/填报单位 hint. */
  area?: string;
  /** Known row units: the city's counties (full names), or the province's cities. Without them, a city table's labels are not checked. */
  units?: readonly string[];
  /** The province the table belongs to: its name and cities (the profile). */
  province?: ProvinceCities;
}

/** What reading a 统计表 needs to know of its province: the profile's name and cities fit. */
export interface ProvinceCities {
  name: string;
  cityNames: readonly string[];
  /** The city a text names in full or short (湘西州, 张家界), if any. */
  city(written: string): { name: string; short: readonly string[] } | undefined;
}

function textAt(sheet: RawSheet, r: number, c: number): string {
  return compact(sheet.rows[r]?.[c]?.text ?? '');
}

function mergeAt(sheet: RawSheet, r: number, c: number) {
  return sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

/** A cell's text, or the text of the merged block it lies in. */
function mergedText(sheet: RawSheet, r: number, c: number): string {
  const m = mergeAt(sheet, r, c);
  return m ? textAt(sheet, m.top, m.left) : textAt(sheet, r, c);
}

function groupOf(t: string): Group | undefined {
  if (/基金会/.test(t)) return 'foundation';
  if (/慈善/.test(t)) return 'charity';
  if (/社会服务|民非|社会组织/.test(t)) return 'social';
  if (/小计|总计|^合计/.test(t)) return 'subtotal';
  return undefined;
}

function measureOf(t: string): Measure | undefined {
  if (/户/.test(t)) return 'households';
  if (/单位|数量|机构|个数/.test(t)) return 'units';
  return undefined;
}

const UNIT_HEADER = /^(单位|单位名称|县市区|市州|地区|区域)$/;
const MEASURE_WORDS = /参与单位数量|扶贫脱贫户数|参与扶贫单位总数|扶贫脱贫农户总数|参与单位|户数/;

/** Cheap detection: a 统计表 has the 附3 measure headers (or 慈善系统 and 基金会 side by side) near the top and no 户主 column. */
export function looksLikeStatsTable(sheet: RawSheet): boolean {
  if (looksLikeQuotaTable(sheet)) return false;
  let measures = false;
  let groups = false;
  // rowAt: a big sheet held compactly is not built whole to look at its top
  for (let r = 0; r < Math.min(rowCountOf(sheet), 20); r++) {
    const texts = (rowAt(sheet, r) ?? []).map((c) => compact(c?.text ?? ''));
    if (texts.some((t) => /户主|姓名|家庭住址/.test(t) && !t.startsWith('备注'))) return false;
    if (texts.some((t) => MEASURE_WORDS.test(t))) measures = true;
    if (texts.some((t) => t.includes('慈善系统')) && texts.some((t) => t.includes('基金会'))) groups = true;
  }
  return measures || groups;
}

interface Layout {
  headerRows: number[];
  /** 0-based index of the first data row. */
  dataStart: number;
  unitCol: number;
  /**
   * The columns the 单位 header covers, unitCol first: the header merged across A:B, or followed by blank header cells
   * before the first figure column. Forms put the level (县, 县市区) in the first, merged down, and the names in the next.
   */
  unitCols: number[];
  cols: Partial<Record<Group, Partial<Record<Measure, number>>>>;
}

function findLayout(sheet: RawSheet): Layout | undefined {
  const limit = Math.min(sheet.rows.length, 30);
  for (let r = 0; r < limit; r++) {
    const width = Math.max(sheet.rows[r]?.length ?? 0, sheet.rows[r + 1]?.length ?? 0);
    let unitCol = -1;
    const groupAt: (Group | undefined)[] = [];
    for (let c = 0; c < width; c++) {
      const t = mergedText(sheet, r, c);
      if (unitCol < 0 && UNIT_HEADER.test(t)) unitCol = c;
      groupAt[c] = groupOf(t);
    }
    const found = new Set(groupAt.filter((g) => g !== undefined));
    if (unitCol < 0 || !found.has('charity') || !found.has('foundation') || !found.has('social')) continue;
    // A group label in one unmerged cell covers the column after it too (hand-made tables).
    for (let c = 1; c < width; c++) {
      if (groupAt[c] === undefined && groupAt[c - 1] !== undefined && !mergeAt(sheet, r, c - 1) && textAt(sheet, r, c) === '') {
        if (c < 2 || groupAt[c - 2] !== groupAt[c - 1]) groupAt[c] = groupAt[c - 1];
      }
    }
    const next = (sheet.rows[r + 1] ?? []).map((_, c) => textAt(sheet, r + 1, c));
    const twoRows = next.some((t) => MEASURE_WORDS.test(t) || /户|数量|总数/.test(t));
    const cols: Layout['cols'] = {};
    for (let c = 0; c < width; c++) {
      if (c === unitCol) continue;
      const own = mergedText(sheet, r, c);
      const below = twoRows ? textAt(sheet, r + 1, c) : '';
      let group = groupAt[c];
      if (group === undefined && /总数/.test(below + own)) group = 'subtotal';
      if (group === undefined) continue;
      const measure = measureOf(below) ?? (twoRows ? undefined : measureOf(own.replace(/慈善系统|基金会|社会服务机构/g, '')));
      const g = (cols[group] ??= {});
      if (measure && g[measure] === undefined) g[measure] = c;
      else if (!measure) {
        // No measure words: the group's first column is units, the second households.
        if (g.units === undefined) g.units = c;
        else if (g.households === undefined) g.households = c;
      }
    }
    const complete = (['charity', 'foundation', 'social'] as const).every((g) => cols[g]?.units !== undefined && cols[g]?.households !== undefined);
    if (!complete) continue;
    const headerRows = twoRows ? [r + 1, r + 2] : [r + 1];
    return { headerRows, dataStart: r + (twoRows ? 2 : 1), unitCol, unitCols: unitColumns(sheet, r, twoRows, unitCol, cols), cols };
  }
  return undefined;
}

/** The columns of the 单位 header (Layout.unitCols): merged across, then blank header cells up to the first figure column. */
function unitColumns(sheet: RawSheet, r: number, twoRows: boolean, unitCol: number, cols: Layout['cols']): number[] {
  const figures = Object.values(cols).flatMap((g) => Object.values(g ?? {})).filter((c): c is number => c !== undefined);
  const right = figures.filter((c) => c > unitCol);
  const out = [unitCol];
  if (right.length === 0) return out;
  const firstFigure = Math.min(...right);
  const merge = mergeAt(sheet, r, unitCol);
  for (let c = unitCol + 1; c < firstFigure; c++) {
    const covered = merge !== undefined && c <= merge.right;
    const blank = mergedText(sheet, r, c) === '' && (!twoRows || mergedText(sheet, r + 1, c) === '');
    if (!covered && !blank) break;
    out.push(c);
  }
  return out;
}

/** Level words a form writes in a 单位 cell beside or above the names (县 merged down, 县市区): not a unit. */
const LEVEL_LABEL = /^(?:县|市|区|州|县市区|县区|区县|县市|市县|市州|县级|县\(市、?区\)|县\(市\)|县区市)$/u;

/**
 * A data row's 单位 as written, and the column of its cell: across the unit columns, the last name that is not a level
 * word (鹤城区 in B beside 县 merged down A); else the level word; else ''. A cell merged across (市本级 over A:B) is
 * read once, at its top-left cell.
 */
function unitLabel(sheet: RawSheet, r: number, layout: Layout): { label: string; col: number } {
  let name: { label: string; col: number } | undefined;
  let level: { label: string; col: number } | undefined;
  for (const c of layout.unitCols) {
    const merge = mergeAt(sheet, r, c);
    const label = merge ? textAt(sheet, merge.top, merge.left) : textAt(sheet, r, c);
    if (label === '') continue;
    // a name merged down over several rows belongs to its first row only (a level word may span many)
    const col = merge ? merge.left : c;
    if (LEVEL_LABEL.test(label)) level ??= { label, col };
    else if (!merge || merge.top === r || merge.bottom === merge.top) name = { label, col };
  }
  return name ?? level ?? { label: '', col: layout.unitCol };
}

/** Text lines above the header: the title and the 填报单位 line. */
function readPreamble(sheet: RawSheet, before: number): { title?: string; reporter?: string } {
  const out: { title?: string; reporter?: string } = {};
  for (let r = 0; r < before; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      const t = compact(cell?.text ?? '');
      if (!t) continue;
      if (!out.title && /统计表|结对帮扶/.test(t) && !/^附/.test(t)) out.title = (cell?.text ?? '').replace(/\s+/g, ' ').trim();
      const m = /填报单位[:：]?(.*?)(?:填报日期|日期|$)/.exec(t);
      if (m && m[1] && !out.reporter) out.reporter = m[1].replace(/[（(]盖章[)）]/g, '');
    }
  }
  return out;
}

/** The city the title or 填报单位 line names (in full or short), when the province is known. */
function areaHintOf(texts: (string | undefined)[], province: ProvinceCities | undefined): string | undefined {
  if (!province) return undefined;
  for (const t of texts) {
    if (!t) continue;
    for (const name of province.cityNames) {
      const c = province.city(name)!;
      if (t.includes(c.name) || c.short.some((short) => short.length >= 2 && t.includes(short))) return c.name;
    }
  }
  return undefined;
}

type Cell = RawCell | undefined;

/** A figure as read: its value (0 when empty or unreadable) and the problem kind, if any. */
function readNumber(cell: Cell): { value: number; bad?: 'not-number' | 'negative' | 'fraction' } {
  if (!cell || cell.kind === 'empty') return { value: 0 };
  const text = compact(cell.text);
  if (text === '' || /^[-—–－/／无]$/.test(text)) return { value: 0 };
  let n: number | undefined;
  if (typeof cell.raw === 'number') n = cell.raw;
  else if (cell.kind !== 'error' && cell.kind !== 'boolean') n = parseAmount(cell.text);
  if (n === undefined || !Number.isFinite(n)) return { value: 0, bad: 'not-number' };
  if (n < 0) return { value: n, bad: 'negative' };
  if (!Number.isInteger(n)) return { value: n, bad: 'fraction' };
  return { value: n };
}

const PLACEHOLDER = /^(\.+|…+)$/;
const TOTAL = /^(合计|总计|全市合计|全省合计)$/;
const PROVINCE_LEVEL = /^(省本级|省直|省级)$/;
const CITY_LEVEL = /^(市本级|州本级|市直|州直|市级|本级)$/;

/** The county (or city) of `names` a label means: exact, or the same without 县/市/区 when that is unique. */
export function matchUnit(label: string, names: readonly string[]): string | undefined {
  const t = compact(label);
  if (names.includes(t)) return t;
  const stem = (s: string): string => s.replace(/(自治县|土家族苗族自治州|县|市|区|州)$/u, '');
  const hits = names.filter((n) => stem(n) === stem(t) && stem(t).length >= 2);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Reads a 统计表: title, two-row header (merged group cells, wrapped or spaced text), the unit rows, 合计 and
 * 备注; figures from values or formulas' cached results. Checks every figure (stats-number), each row's 小计
 * (stats-subtotal-units, stats-subtotal-households), 合计 (stats-total) and the row labels (stats-unknown-unit).
 */
export function readStatsTable(sheet: RawSheet, opts: StatsReadOptions = {}): StatsTableRead | StatsTableRejection {
  const layout = findLayout(sheet);
  if (!layout) {
    return {
      ok: false,
      reason: '找不到统计表的表头（单位、慈善系统、基金会、社会服务机构及其参与单位数量、扶贫脱贫户数）',
      reasonEn: 'no 统计表 header found (单位, 慈善系统, 基金会, 社会服务机构 with their unit and household columns)',
    };
  }
  const problems: Problem[] = [];
  const preamble = readPreamble(sheet, layout.headerRows[0]! - 1);
  const areaHint = areaHintOf([preamble.reporter, preamble.title], opts.province);
  const canonicalCity = (label: string): string | undefined => opts.province?.city(label)?.name;

  const refsOf = (r: number): RowRefs => {
    const refs = {} as RowRefs;
    for (const g of GROUPS) {
      const cols = layout.cols[g];
      refs[g] = {
        units: cols?.units !== undefined ? cellRef(cols.units, r + 1) : '',
        households: cols?.households !== undefined ? cellRef(cols.households, r + 1) : '',
      };
    }
    return refs;
  };

  interface Raw {
    r: number;
    label: string;
    /** The column of the 单位 cell the label was read from. */
    labelCol: number;
    values: Record<Group, CountPair>;
    hasSubtotal: Record<Measure, boolean>;
    /** A figure of the row could not be read as a whole number ≥ 0 (its 小计 is then not checked). */
    bad: boolean;
  }
  /** Columns with an unreadable figure: their 合计 is not checked (the figure is already reported). */
  const badColumns = new Set<number>();
  const dataRows: Raw[] = [];
  let totalRow: Raw | undefined;
  let remark: string | undefined;

  for (let r = layout.dataStart; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const first = cells.map((c) => compact(c?.text ?? '')).find((t) => t !== '') ?? '';
    if (first.startsWith('备注')) {
      remark = (cells.find((c) => compact(c?.text ?? '') !== '')?.text ?? '').trim();
      break;
    }
    const { label, col: labelCol } = unitLabel(sheet, r, layout);
    const numberCells = GROUPS.flatMap((g) => MEASURES.map((m) => layout.cols[g]?.[m])).filter((c): c is number => c !== undefined);
    const empty = numberCells.every((c) => textAt(sheet, r, c) === '');
    if (empty && (label === '' || PLACEHOLDER.test(label) || LEVEL_LABEL.test(label))) continue;
    if (totalRow) continue; // only 备注 and signatures follow 合计
    const values = {} as Record<Group, CountPair>;
    const hasSubtotal = { units: false, households: false };
    let rowBad = false;
    for (const g of GROUPS) {
      values[g] = { units: 0, households: 0 };
      for (const m of MEASURES) {
        const c = layout.cols[g]?.[m];
        if (c === undefined) continue;
        const cell = cells[c];
        if (g === 'subtotal') hasSubtotal[m] = true;
        const { value, bad } = readNumber(cell);
        values[g][m] = value;
        if (bad) {
          rowBad = true;
          badColumns.add(c);
          problems.push(
            problem('stats-number', bad, r, c, {
              value: cell?.text ?? '',
              unit: label || msg('term/row-n', { row: r + 1 }),
              column: COLUMN_LABEL[g][m],
            }),
          );
        }
      }
    }
    const raw: Raw = { r, label, labelCol, values, hasSubtotal, bad: rowBad };
    if (TOTAL.test(label)) totalRow = raw;
    else dataRows.push(raw);
  }

  // Which table this is, and what each label means.
  const level: 'city' | 'province' =
    opts.level ??
    (dataRows.some((d) => PROVINCE_LEVEL.test(d.label)) ||
    dataRows.filter((d) => canonicalCity(d.label)).length > dataRows.length / 2
      ? 'province'
      : 'city');
  const known = opts.units ?? (level === 'province' ? opts.province?.cityNames : undefined);
  const area = opts.area ?? areaHint ?? (level === 'province' ? (opts.province?.name ?? '') : '');
  const rows: StatsRowRead[] = [];
  const firstRowOf = new Map<string, number>();
  for (const d of dataRows) {
    const labelCell = cellRef(d.labelCol, d.r + 1);
    let row: RollupRow;
    if (d.label === '') {
      problems.push({ rule: 'stats-unknown-unit', messageId: 'blank', severity: 'warning', row: d.r + 1, cell: labelCell, value: '' });
      row = emptyRow('', 'unknown');
    } else if (level === 'province' && PROVINCE_LEVEL.test(d.label)) {
      row = emptyRow('省本级', 'province');
    } else if (level === 'city' && CITY_LEVEL.test(d.label)) {
      row = emptyRow('市本级', 'city', area ? { city: area } : {});
    } else if (level === 'province') {
      const city = (opts.units ? matchUnit(d.label, opts.units) : undefined) ?? canonicalCity(d.label);
      if (!city || (opts.units && !opts.units.includes(city))) problems.push(unknownUnit(d, labelCell, area, level));
      row = emptyRow(city ?? d.label, 'city', { city: city ?? d.label });
    } else {
      const county = known ? matchUnit(d.label, known) : undefined;
      if (known && !county) problems.push(unknownUnit(d, labelCell, area, level));
      row = emptyRow(county ?? d.label, 'county', { ...(area ? { city: area } : {}), county: county ?? d.label });
    }
    for (const g of GROUPS) row[g] = { ...d.values[g] };
    if (row.unit !== '') {
      const seen = firstRowOf.get(row.unit);
      if (seen !== undefined) {
        problems.push({
          rule: 'stats-unknown-unit',
          messageId: 'duplicate',
          severity: 'warning',
          row: d.r + 1,
          cell: labelCell,
          value: d.label,
          data: { firstRow: seen },
        });
      } else firstRowOf.set(row.unit, d.r + 1);
    }
    if (!d.bad) checkSubtotal(d.r, row, d.label || msg('term/row-n', { row: d.r + 1 }), d.hasSubtotal, layout, problems);
    else for (const m of MEASURES) if (!d.hasSubtotal[m]) row.subtotal[m] = row.charity[m] + row.foundation[m] + row.social[m];
    rows.push({ row, label: d.label, labelCell, sheetRow: d.r + 1, refs: refsOf(d.r) });
  }

  const tableRows = rows.map((r) => r.row);
  const total = columnSums(tableRows);
  // A row without 小计 columns: its subtotal is derived, never read (the 合计 check then uses the derived figures).
  let stated: StatsTableRead['stated'];
  if (totalRow) {
    const t = totalRow;
    stated = { total: t.values, sheetRow: t.r + 1, refs: refsOf(t.r) };
    for (const g of GROUPS) {
      for (const m of MEASURES) {
        const c = layout.cols[g]?.[m];
        if (c === undefined || badColumns.has(c)) continue;
        const expected = total[g][m];
        if (t.values[g][m] !== expected) {
          problems.push(
            problem('stats-total', 'sum', t.r, c, {
              value: numberText(t.values[g][m]),
              expected,
              column: COLUMN_LABEL[g][m],
            }),
          );
        }
      }
    }
  }

  const table: RollupTable = { level, area, rows: tableRows, total, notes: [] };
  const out: StatsTableRead = { ok: true, table, rows, headerRows: layout.headerRows, problems: sortByCell(problems) };
  if (stated) out.stated = stated;
  if (preamble.title) out.title = preamble.title;
  if (preamble.reporter) out.reporter = preamble.reporter;
  if (remark) out.remark = remark;
  if (areaHint) out.areaHint = areaHint;
  return out;
}

function problem(rule: string, messageId: string, r: number, c: number, data: Record<string, MsgArg>): Problem {
  const p: Problem = {
    rule,
    messageId,
    severity: STATS_RULES[rule]!.severity,
    row: r + 1,
    cell: cellRef(c, r + 1),
    data,
  };
  if (typeof data.column === 'string') p.column = data.column;
  if (data.value !== undefined) p.value = String(data.value);
  return p;
}

function unknownUnit(d: { r: number; label: string }, cell: string, area: string, level: AreaLevel): Problem {
  return {
    rule: 'stats-unknown-unit',
    messageId: 'unknown',
    severity: 'warning',
    row: d.r + 1,
    cell,
    value: d.label,
    data: {
      area: area || msg(level === 'province' ? 'term/this-province' : 'term/this-city'),
      kind: msg(level === 'province' ? 'term/city-kind' : 'term/county-kind'),
    },
  };
}

/** 参与扶贫单位总数 = the three units; 扶贫脱贫农户总数 between the largest type and the sum of the three. */
function checkSubtotal(r: number, row: RollupRow, unit: MsgArg, has: Record<Measure, boolean>, layout: Layout, problems: Problem[]): void {
  const cols = layout.cols.subtotal ?? {};
  const units = row.charity.units + row.foundation.units + row.social.units;
  if (!has.units) row.subtotal.units = units;
  else if (row.subtotal.units !== units && cols.units !== undefined) {
    problems.push(problem('stats-subtotal-units', 'sum', r, cols.units, { value: numberText(row.subtotal.units), expected: units, unit }));
  }
  const homes = (['charity', 'foundation', 'social'] as const).map((t) => ({ t, n: row[t].households }));
  const sum = homes.reduce((s, h) => s + h.n, 0);
  const max = homes.reduce((a, b) => (b.n > a.n ? b : a));
  if (!has.households) {
    row.subtotal.households = sum;
    return;
  }
  if (cols.households === undefined) return;
  const value = row.subtotal.households;
  if (value > sum) {
    problems.push(problem('stats-subtotal-households', 'too-many', r, cols.households, { value: numberText(value), sum, unit }));
  } else if (value < max.n) {
    problems.push(
      problem('stats-subtotal-households', 'too-few', r, cols.households, {
        value: numberText(value),
        max: max.n,
        type: msg(`term/type-${max.t}`),
        unit,
      }),
    );
  }
}

function sortByCell(problems: Problem[]): Problem[] {
  const colOf = (cell?: string): number => {
    const letters = /^[A-Z]+/.exec(cell ?? '')?.[0] ?? '';
    return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  };
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colOf(a.cell) - colOf(b.cell) || compareIds(a.rule, b.rule));
}
