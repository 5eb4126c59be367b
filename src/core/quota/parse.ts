// Reads a custom quota table — a grid in the 附4 layout (CSV/XLSX, already parsed) or a JSON value — into a QuotaTable, or says which cell is wrong.
import type { OrgType } from '../model.js';
import { cellRef, compact, normText } from '../normalize.js';
import type { MsgArg } from '../model.js';
import { quotaText, type Text } from './messages.js';
import type { QuotaTableData } from './parse-json.js';
import {
  COLUMN_LABELS,
  QUOTA_COLUMNS,
  RANGE_COLUMNS,
  isProvinceUnit,
  resolveCity,
  type DemoSite,
  type DemoUnit,
  type OrgGuidance,
  type QuotaColumn,
  type QuotaLevel,
  type QuotaRow,
  type QuotaTable,
  type QuotaTotals,
  type Range,
} from './table.js';

/** Why a custom table was refused: the cell (grids) or JSON path at fault, and what to type instead. */
export interface QuotaTableError {
  /** Message id (stable): 'range-open-end', 'unknown-city', 'missing-column' … */
  id: string;
  /** A1 reference, for CSV/XLSX. */
  cell?: string;
  /** JSON path such as rows[3].foundationHouseholds, for JSON. */
  path?: string;
  message: Text;
}

export type QuotaParseResult = { table: QuotaTable } | { errors: QuotaTableError[] };

export interface QuotaParseOptions {
  /** The province the table is for when it does not say (the ledger's); a title (grids) or `province` (JSON) overrides it. */
  province: string;
  /** Full names of a province's cities (short forms are accepted), from the division list; undefined: not checked. */
  citiesOf?: (province: string) => readonly string[] | undefined;
  /** Every province's full name, to find the one a title names. */
  provinces?: readonly string[];
}

// ── one value ───────────────────────────────────────────────────────────────────────────

type Failure = { id: string; data?: Record<string, MsgArg> };
type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; failure: Failure };

const DASH = '[-~〜至到—–−]';
const RANGE_RE = new RegExp(`^(\\d+)${DASH}(\\d+)$`, 'u');
const OPEN_END_RE = new RegExp(`^(\\d+)${DASH}$`, 'u');
const OPEN_START_RE = new RegExp(`^(?:[~〜至到—–])(\\d+)$`, 'u');
const AT_LEAST_RE = /^(?:≥|>=|≧|至少|不少于|不低于)(\d+)$/u;
const AND_UP_RE = /^(\d+)(?:及以上|以上|\+)$/u;
const NEGATIVE_RE = /^[-−]\d+(?:\.\d+)?(?:[-~〜至到—–−]\d+)?$/u;

/** Text as a clerk typed it, for messages. */
export function shown(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function wholeNumber(n: number, text: string): Parsed<number> {
  if (!Number.isFinite(n)) return { ok: false, failure: { id: 'not-number', data: { value: text } } };
  if (n < 0) return { ok: false, failure: { id: 'negative', data: { value: text } } };
  if (!Number.isInteger(n)) return { ok: false, failure: { id: 'not-whole', data: { value: text } } };
  return { ok: true, value: n };
}

/** The unit words a clerk may append to a figure. */
function stripUnitWord(s: string): string {
  return s.replace(/(?:户|个|家)$/u, '');
}

/**
 * One whole number ≥ 0 (选定, 本级, 县市区, 小计). Blank → undefined. "30 " and "30户" read as 30;
 * "3.5", "-3", "三", and a range "3-5" are refused.
 */
export function parseCountValue(v: unknown): Parsed<number> {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v === 'number') return wholeNumber(v, String(v));
  if (typeof v !== 'string') return { ok: false, failure: { id: 'not-number', data: { value: shown(v) } } };
  const t = stripUnitWord(compact(v));
  if (t === '') return { ok: true, value: undefined };
  if (/^\d+(?:\.0+)?$/u.test(t)) return { ok: true, value: Number(t) };
  if (NEGATIVE_RE.test(t)) return { ok: false, failure: { id: 'negative', data: { value: v } } };
  if (/^\d*\.\d+$/u.test(t)) return { ok: false, failure: { id: 'not-whole', data: { value: v } } };
  const range = parseRangeValue(v);
  if (range.ok || range.failure.id.startsWith('range-')) {
    return { ok: false, failure: { id: 'count-is-range', data: { value: v } } };
  }
  return { ok: false, failure: { id: 'not-number', data: { value: v } } };
}

/**
 * A range of households (扶贫户数, guidance). Accepted: "9-12", "9－12", "9~12", "9～12", "9至12", "9—12", "9到12";
 * one number "15" (→ 15-15); half-open "1以上", "≥1", "至少1", "不少于1" (→ min 1, no upper end; in Chinese usage
 * 以上 includes the number itself). JSON may also give [9, 12] or {"min": 9, "max": 12}. Blank → undefined.
 * Refused: "9-" (no upper end), "-9" (negative), "~9" (no lower end), "12-9" (reversed), decimals, text.
 */
export function parseRangeValue(v: unknown): Parsed<Range> {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v === 'number') {
    const n = wholeNumber(v, String(v));
    return n.ok ? { ok: true, value: n.value === undefined ? undefined : { min: n.value, max: n.value } } : n;
  }
  if (Array.isArray(v) || (typeof v === 'object' && v !== null)) {
    const pair = Array.isArray(v)
      ? { min: v[0] as unknown, max: v[1] as unknown }
      : (v as { min?: unknown; max?: unknown });
    const min = parseCountValue(pair.min);
    if (!min.ok) return { ok: false, failure: { ...min.failure, data: { value: shown(v) } } };
    const max = pair.max === undefined || pair.max === null ? ({ ok: true, value: undefined } as const) : parseCountValue(pair.max);
    if (!max.ok) return { ok: false, failure: { ...max.failure, data: { value: shown(v) } } };
    if (min.value === undefined) return { ok: false, failure: { id: 'not-range', data: { value: shown(v) } } };
    return checkOrder(min.value, max.value, shown(v));
  }
  if (typeof v !== 'string') return { ok: false, failure: { id: 'not-range', data: { value: shown(v) } } };
  const t = stripUnitWord(compact(v));
  if (t === '') return { ok: true, value: undefined };
  let m: RegExpMatchArray | null;
  if (/^\d+(?:\.0+)?$/u.test(t)) return { ok: true, value: { min: Number(t), max: Number(t) } };
  if ((m = t.match(RANGE_RE))) return checkOrder(Number(m[1]), Number(m[2]), v);
  if ((m = t.match(AT_LEAST_RE)) || (m = t.match(AND_UP_RE))) return { ok: true, value: { min: Number(m[1]) } };
  if ((m = t.match(OPEN_END_RE))) {
    const low = Number(m[1]);
    return { ok: false, failure: { id: 'range-open-end', data: { value: v, low, example: low + 3 } } };
  }
  if (NEGATIVE_RE.test(t)) return { ok: false, failure: { id: 'negative', data: { value: v } } };
  if ((m = t.match(OPEN_START_RE))) {
    const high = Number(m[1]);
    return { ok: false, failure: { id: 'range-open-start', data: { value: v, high, example: Math.max(0, high - 3) } } };
  }
  if (/^\d*\.\d+(?:[-~至到—–−]\d*\.?\d+)?$/u.test(t)) return { ok: false, failure: { id: 'not-whole', data: { value: v } } };
  return { ok: false, failure: { id: 'not-range', data: { value: v } } };
}

function checkOrder(min: number, max: number | undefined, text: string): Parsed<Range> {
  if (max !== undefined && min > max) {
    return { ok: false, failure: { id: 'range-reversed', data: { value: text, low: min, high: max } } };
  }
  return { ok: true, value: max === undefined ? { min } : { min, max } };
}

// ── notes (备注) ────────────────────────────────────────────────────────────────────────

const LEVEL_WORDS: [RegExp, QuotaLevel][] = [
  [/^(?:省级|省本级)/u, 'province'],
  [/^(?:市级|市州|市本级)/u, 'city'],
  [/^(?:县市区|县级|县区|县)/u, 'county'],
];
const TYPE_WORDS: [RegExp, OrgType[]][] = [
  [/^(?:慈善总会|慈善会|慈善协会)/u, ['charity']],
  [/^基金会/u, ['foundation']],
  [/^(?:社会服务机构|民非|民办非企业单位)/u, ['social']],
  [/^慈善组织/u, ['charity', 'foundation', 'social']],
];

/**
 * Per-organisation guidance written in notes, as 附4 note 2 and the notice body word it: "市级慈善会3-10户",
 * "县级社会服务机构至少1户", "省级慈善组织5-15户" (慈善组织 = all three types). A rule naming one type wins over a
 * 慈善组织 rule for the same level, whatever the order.
 */
export function guidanceFromNotes(text: string): OrgGuidance[] {
  const precise = new Map<string, OrgGuidance>();
  const broad = new Map<string, OrgGuidance>();
  for (const sentence of normText(text).split(/[\n；;。]/u)) {
    for (let part of sentence.split(/[、，,]/u)) {
      part = compact(part).replace(/^.*[:：]/u, '').replace(/^(?:\d+|按|其中)/u, '').replace(/^[、.．]/u, '');
      const level = LEVEL_WORDS.find(([re]) => re.test(part));
      if (!level) continue;
      const rest = part.replace(level[0], '');
      const type = TYPE_WORDS.find(([re]) => re.test(rest));
      if (!type) continue;
      const figure = rest
        .replace(type[0], '')
        .replace(/^各/u, '')
        .match(/^(?:(?:至少|不少于|不低于|≥|>=)\d+|\d+(?:[-~〜至到—–−]\d+)?(?:及以上|以上)?)/u);
      if (!figure) continue;
      const range = parseRangeValue(figure[0]);
      if (!range.ok || range.value === undefined) continue;
      const into = type[1].length === 1 ? precise : broad;
      for (const t of type[1]) {
        const key = `${level[1]}|${t}`;
        if (!into.has(key)) into.set(key, { level: level[1], type: t, households: range.value, source: sentence.trim() });
      }
    }
  }
  for (const [key, g] of broad) if (!precise.has(key)) precise.set(key, g);
  const order = (g: OrgGuidance): number =>
    ['province', 'city', 'county'].indexOf(g.level) * 3 + ['charity', 'foundation', 'social'].indexOf(g.type);
  return [...precise.values()].sort((a, b) => order(a) - order(b));
}

/**
 * The demonstration site written in notes, as 附4 note 1 words it: "…扶贫点是怀化市溆浦县，省本级与怀化市本级共同确定在
 * 溆浦县选择扶贫对象". Undefined when no note reads that way.
 */
export function demoSiteFromNotes(notes: readonly string[], knownCities: readonly string[]): DemoSite | undefined {
  for (const note of notes) {
    const text = compact(note);
    const site = text.match(/(?:扶贫点|示范点)(?:是|为|设在|在)?(\p{Script=Han}+?[市州])(\p{Script=Han}+?[县区市])/u);
    if (!site) continue;
    const units: DemoUnit[] = [];
    for (const piece of text.split(/[与和及、，,]/u)) {
      if (/^省本级/u.test(piece)) units.push({ unit: '省本级', level: 'province' });
      const m = piece.match(/^(\p{Script=Han}{2,10}?[市州])本级/u);
      if (m) units.push({ unit: `${m[1]}本级`, level: 'city', city: resolveCity(m[1], knownCities) ?? m[1] });
    }
    if (units.length === 0) continue;
    return { city: resolveCity(site[1], knownCities) ?? site[1], county: site[2], units, source: note };
  }
  return undefined;
}

// ── shared table building ───────────────────────────────────────────────────────────────

/** Where a value sits, for messages: an A1 cell or a JSON path, and how to name it. */
export interface Loc {
  cell?: string;
  path?: string;
  at: MsgArg;
}


function provinceIn(text: string, provinces: readonly string[]): string | undefined {
  const t = compact(text);
  return provinces.find((p) => t.includes(p) || t.includes(p.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '')));
}

/** Collects the rows and errors of one table (grids and JSON alike). */
export class Builder {
  readonly errors: QuotaTableError[] = [];
  readonly rows: QuotaRow[] = [];
  private readonly seen = new Map<string, Loc>();
  readonly cities: readonly string[] | undefined;

  constructor(
    readonly province: string,
    knownCities: readonly string[] | undefined,
  ) {
    this.cities = knownCities;
  }

  fail(loc: Loc, failure: Failure): void {
    this.errors.push({
      id: failure.id,
      ...(loc.cell ? { cell: loc.cell } : {}),
      ...(loc.path !== undefined ? { path: loc.path } : {}),
      message: quotaText(failure.id, { at: loc.at, ...failure.data }),
    });
  }

  /** Read the figure columns; `get` gives the raw value and where it is. */
  figures(get: (column: QuotaColumn) => { value: unknown; loc: Loc } | undefined): QuotaTotals {
    const out: QuotaTotals = {};
    for (const column of QUOTA_COLUMNS) {
      const cell = get(column);
      if (!cell) continue;
      if (RANGE_COLUMNS.has(column)) {
        const p = parseRangeValue(cell.value);
        if (!p.ok) this.fail(cell.loc, p.failure);
        else if (p.value !== undefined) (out as Record<string, Range>)[column] = p.value;
      } else {
        const p = parseCountValue(cell.value);
        if (!p.ok) this.fail(cell.loc, p.failure);
        else if (p.value !== undefined) (out as Record<string, number>)[column] = p.value;
      }
    }
    return out;
  }

  /** Add a unit row: check its name against the province's cities and the rows before it. */
  row(unitText: string, unitLoc: Loc, figures: QuotaTotals, city?: string): void {
    const unit = normText(unitText);
    let level: 'province' | 'city';
    let full: string | undefined;
    if (isProvinceUnit(unit)) {
      level = 'province';
    } else {
      level = 'city';
      if (this.cities) {
        full = city ? resolveCity(city, this.cities) : resolveCity(unit, this.cities);
        if (full === undefined) {
          const examples = this.cities.slice(0, 3);
          this.fail(unitLoc, { id: 'unknown-city', data: { value: city ?? unit, province: this.province, examples } });
          return;
        }
      } else {
        full = city ?? unit;
      }
    }
    const key = level === 'province' ? '#province' : compact(full ?? unit);
    const first = this.seen.get(key);
    if (first) {
      this.fail(unitLoc, { id: 'duplicate-unit', data: { value: unit, first: first.cell ?? first.path ?? '' } });
      return;
    }
    this.seen.set(key, unitLoc);
    this.rows.push({
      unit,
      level,
      ...(full !== undefined ? { city: full } : {}),
      ...(figures.charityLocal !== undefined ? { charityLocal: figures.charityLocal } : {}),
      ...(figures.charityCounty !== undefined ? { charityCounty: figures.charityCounty } : {}),
      ...(figures.charitySubtotal !== undefined ? { charitySubtotal: figures.charitySubtotal } : {}),
      foundationOrgs: figures.foundationOrgs ?? 0,
      foundationHouseholds: figures.foundationHouseholds ?? { min: 0, max: 0 },
      socialOrgs: figures.socialOrgs ?? 0,
      socialHouseholds: figures.socialHouseholds ?? { min: 0, max: 0 },
    });
  }

  /** What the reader could not check, for the report. */
  readingNotes(): Text[] {
    return this.cities ? [] : [quotaText('note-cities-unchecked', { province: this.province })];
  }
}

// ── grids (CSV / XLSX) ──────────────────────────────────────────────────────────────────

function typeOfHeader(s: string): OrgType | undefined {
  if (/慈善/u.test(s)) return 'charity';
  if (/基金/u.test(s)) return 'foundation';
  if (/社会服务|民非|社会组织|民办非企业/u.test(s)) return 'social';
  return undefined;
}

/** Which 附4 column a header pair (group row, sub row) names. */
function columnOfHeader(group: string, sub: string): QuotaColumn | undefined {
  const type = typeOfHeader(sub) ?? typeOfHeader(group);
  if (type === 'charity') {
    if (/小计|合计/u.test(sub)) return 'charitySubtotal';
    if (/本级/u.test(sub)) return 'charityLocal';
    if (/县/u.test(sub)) return 'charityCounty';
    return undefined;
  }
  if (type === undefined) return undefined;
  const orgs = /选定|单位数|数量|个数|家数/u.test(sub);
  const households = /户/u.test(sub);
  if (orgs === households) return undefined;
  if (type === 'foundation') return orgs ? 'foundationOrgs' : 'foundationHouseholds';
  return orgs ? 'socialOrgs' : 'socialHouseholds';
}

const REQUIRED_COLUMNS: readonly QuotaColumn[] = QUOTA_COLUMNS.filter((c) => c !== 'charitySubtotal');

/**
 * A quota table from a grid in the 附4 layout: optional title rows; a header row whose unit column reads 单位 and a
 * second header row (本级, 县市区, 小计 under 慈善系统; 选定, 扶贫户数 under 基金会 and 社会服务机构; merged group cells
 * may be blank after their first column); one row per unit (省本级, cities — short forms accepted); 合计; 备注 and
 * anything below it. Blank rows are skipped. 小计 is optional, the other six columns are required. A blank 选定 or
 * 扶贫户数 cell reads as 0 (no task). Per-organisation guidance and the demonstration site are read from the 备注
 * lines when they are worded as in 附4 (see guidanceFromNotes); otherwise the table has none.
 * rows[i][j] is spreadsheet row i+1, column j+1: errors name A1 cells.
 */
export function parseQuotaGrid(
  rows: readonly (readonly (string | undefined)[])[],
  source: { file: string; sheet?: string; csv: boolean },
  options: QuotaParseOptions,
): QuotaParseResult {
  const fileLabel = source.sheet && !source.csv ? `${source.file} · ${source.sheet}` : source.file;
  const fileLoc: Loc = { at: fileLabel };
  const text = (i: number, j: number): string => normText(rows[i]?.[j] ?? '');

  // header: the first row (within 20) holding a 单位 cell
  let headerRow = -1;
  let unitCol = -1;
  for (let i = 0; i < Math.min(rows.length, 20) && headerRow < 0; i++) {
    const row = rows[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      if (/^(?:单位|单位名称|市州|地区)$/u.test(compact(row[j] ?? ''))) {
        headerRow = i;
        unitCol = j;
        break;
      }
    }
  }
  if (headerRow < 0) return { errors: [{ id: 'no-header', message: quotaText('no-header', { at: fileLoc.at }) }] };

  const titleLines: string[] = [];
  for (let i = 0; i < headerRow; i++) {
    const line = (rows[i] ?? []).map((c) => normText(c ?? '')).filter(Boolean).join(' ');
    if (line) titleLines.push(line);
  }
  const province = provinceIn(titleLines.join(' '), options.provinces ?? []) ?? options.province;
  const b = new Builder(province, options.citiesOf?.(province));

  // columns
  const width = Math.max(rows[headerRow]?.length ?? 0, rows[headerRow + 1]?.length ?? 0);
  const columns = new Map<QuotaColumn, number>();
  let group = '';
  for (let j = unitCol + 1; j < width; j++) {
    const top = compact(text(headerRow, j));
    if (top) group = top;
    const column = columnOfHeader(group, compact(text(headerRow + 1, j)));
    if (column && !columns.has(column)) columns.set(column, j);
  }
  const headerCell = cellRef(unitCol, headerRow + 1);
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) {
      b.fail({ cell: headerCell, at: quotaText('at-rows', { file: fileLabel, from: headerRow + 1, to: headerRow + 2 }) }, {
        id: 'missing-column',
        data: { column: COLUMN_LABELS[column] },
      });
    }
  }
  if (b.errors.length) return { errors: b.errors };

  // rows, 合计, 备注
  let total: QuotaTotals | undefined;
  const notes: string[] = [];
  let inNotes = false;
  for (let i = headerRow + 2; i < rows.length; i++) {
    const cells = (rows[i] ?? []).map((c) => normText(c ?? ''));
    const filled = cells.filter(Boolean);
    if (filled.length === 0) continue;
    if (!inNotes && /^备注/u.test(compact(filled[0]!))) inNotes = true;
    if (inNotes) {
      // kept as written (no NFKC): the first cell loses its 备注 label
      const written = (rows[i] ?? []).map((c) => (c ?? '').trim()).filter(Boolean);
      written[0] = written[0]!.replace(/^备\s*注\s*[:：]?\s*/u, '');
      for (const cell of written) for (const line of cell.split(/\r?\n/u)) if (line.trim()) notes.push(line.trim());
      continue;
    }
    const unit = cells[unitCol] ?? '';
    const rowLabel = unit || `第 ${i + 1} 行`;
    const get = (column: QuotaColumn): { value: unknown; loc: Loc } | undefined => {
      const j = columns.get(column);
      if (j === undefined) return undefined;
      const ref = cellRef(j, i + 1);
      return {
        value: rows[i]?.[j] ?? '',
        loc: {
          cell: ref,
          at: quotaText('at-cell-column', { cell: ref, unit: rowLabel, column: COLUMN_LABELS[column] }),
        },
      };
    };
    const unitRef = cellRef(unitCol, i + 1);
    if (/^(?:合计|总计|全省合计)$/u.test(compact(unit))) {
      total = b.figures(get);
      continue;
    }
    const figures = b.figures(get);
    if (!unit) {
      b.fail({ cell: unitRef, at: unitRef }, { id: 'unit-missing' });
      continue;
    }
    b.row(unit, { cell: unitRef, at: unitRef }, figures);
  }
  if (b.rows.length === 0 && b.errors.length === 0) b.fail(fileLoc, { id: 'no-rows' });
  if (b.errors.length) return { errors: b.errors };

  const cities = b.cities ?? b.rows.flatMap((r) => (r.city ? [r.city] : []));
  const demoSite = demoSiteFromNotes(notes, cities);
  const table: QuotaTable = {
    name: titleLines[0] ?? '全省慈善组织帮扶任务分配指导建议表',
    ...(yearIn(titleLines.join(' ')) !== undefined ? { year: yearIn(titleLines.join(' '))! } : {}),
    province,
    rows: b.rows,
    ...(total ? { total } : {}),
    perOrg: guidanceFromNotes(notes.join('\n')),
    ...(demoSite ? { demoSite } : {}),
    notes,
    ...(b.readingNotes().length ? { readingNotes: b.readingNotes() } : {}),
    origin: fileLabel,
  };
  return { table };
}

function yearIn(text: string): number | undefined {
  const m = normText(text).match(/((?:19|20)\d\d)\s*年/u);
  return m ? Number(m[1]) : undefined;
}

// ── JSON ──────────────────────────────────────────────────────────────────────────────────
// The JSON shape is checked by parseQuotaJson (./parse-json.ts, with zod), loaded only when a custom JSON table is read;
// the built-in tables (src/data/quota-tables.json) are checked by it when fupin is built (./builtin-check.ts) and read
// here at run time without zod.

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Where a JSON path of a quota table is, for messages: the path, and the row's unit when the path is inside rows. */
export function jsonLocator(value: unknown, file: string): (path: readonly PropertyKey[]) => Loc {
  const units = (value as { rows?: unknown }).rows;
  const unitOf = (path: readonly PropertyKey[]): string | undefined => {
    if (path[0] !== 'rows' || typeof path[1] !== 'number' || !Array.isArray(units)) return undefined;
    const u = (units[path[1]] as { unit?: unknown } | undefined)?.unit;
    return typeof u === 'string' && u.trim() ? normText(u) : undefined;
  };
  return (path) => {
    const p = pathText(path);
    const unit = unitOf(path);
    const shownPath = p || '(root)';
    return {
      path: p,
      at: unit ? quotaText('at-path-unit', { file, path: shownPath, unit }) : quotaText('at-path', { file, path: shownPath }),
    };
  };
}

/**
 * A quota table from JSON whose shape is already known to be right (parseQuotaJson checked it, or the build did for a
 * built-in table): the figures, cities and units are read and checked here, with errors naming the JSON path.
 */
export function quotaTableFromJson(data: QuotaTableData, file: string, options: QuotaParseOptions): QuotaParseResult {
  const locOf = jsonLocator(data, file);
  const province = data.province ?? options.province;
  const b = new Builder(province, options.citiesOf?.(province));
  data.rows.forEach((row, i) => {
    const figures = b.figures((column) =>
      column in row ? { value: row[column], loc: locOf(['rows', i, column]) } : undefined,
    );
    b.row(row.unit, locOf(['rows', i, row.city !== undefined ? 'city' : 'unit']), figures, row.city);
  });
  if (data.rows.length === 0) b.fail(locOf(['rows']), { id: 'no-rows' });
  const total = data.total
    ? b.figures((column) => (column in data.total! ? { value: data.total![column], loc: locOf(['total', column]) } : undefined))
    : undefined;
  const perOrg: OrgGuidance[] = [];
  (data.perOrg ?? []).forEach((g, i) => {
    const p = parseRangeValue(g.households);
    if (!p.ok) b.fail(locOf(['perOrg', i, 'households']), p.failure);
    else if (p.value === undefined) b.fail(locOf(['perOrg', i, 'households']), { id: 'json-missing' });
    else perOrg.push({ level: g.level, type: g.type, households: p.value, source: g.source ?? '' });
  });
  let demoSite: DemoSite | undefined;
  if (data.demoSite) {
    const cities = b.cities;
    const demoUnits: DemoUnit[] = [];
    data.demoSite.units.forEach((u, i) => {
      if (isProvinceUnit(u)) return demoUnits.push({ unit: normText(u), level: 'province' });
      const cityText = compact(u).replace(/本级$/u, '');
      const city = cities ? resolveCity(cityText, cities) : cityText;
      if (city === undefined) {
        b.fail(locOf(['demoSite', 'units', i]), {
          id: 'unknown-city',
          data: { value: u, province, examples: (cities ?? []).slice(0, 3) },
        });
        return;
      }
      demoUnits.push({ unit: normText(u), level: 'city', city });
    });
    const city = b.cities ? resolveCity(data.demoSite.city, b.cities) : data.demoSite.city;
    if (city === undefined) {
      b.fail(locOf(['demoSite', 'city']), {
        id: 'unknown-city',
        data: { value: data.demoSite.city, province, examples: (b.cities ?? []).slice(0, 3) },
      });
    } else {
      demoSite = { city, county: normText(data.demoSite.county), units: demoUnits, source: data.demoSite.source ?? '' };
    }
  }
  if (b.errors.length) return { errors: b.errors };
  return {
    table: {
      name: data.name ?? '全省慈善组织帮扶任务分配指导建议表',
      ...(data.source !== undefined ? { source: data.source } : {}),
      ...(data.year !== undefined ? { year: data.year } : {}),
      province,
      rows: b.rows,
      ...(total ? { total } : {}),
      perOrg,
      ...(demoSite ? { demoSite } : {}),
      notes: data.notes ?? [],
      ...(b.readingNotes().length ? { readingNotes: b.readingNotes() } : {}),
      origin: file,
    },
  };
}
