// rollup's terminal output: the 附3 table as the form shows it (two-row merged header, rows, 合计), notes, then problems.
import { whomLines } from './whom-pretty.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang, Msg, RollupTable, Severity } from '../core/model.js';
import { render } from './catalogue/index.js';
import { grid, tableWidth, type GridCell } from './box-table.js';
import { joinParts, widthOf, widthOptions, wrapLines, type TerminalLayout } from './layout.js';
import { countBySeverity, figuresOf, GROUP_HEADERS, MEASURE_HEADERS, type RollupProblem, type RollupReport } from './rollup-report.js';
import { displayWidth, wrapWidth, type WidthOptions } from './text-width.js';

export interface RollupPrettyOptions extends TerminalLayout {
  color: boolean;
}

/** The form's own words: 单位 and 合计 head the 附3 table in both languages, as on the printed form. */
const UNIT = '单位';
const TOTAL = '合计';

/** Whether the count left anything out (the summary must say so, and never "no problems"). */
function left(r: RollupReport): boolean {
  return r.leftOut.rows > 0 || r.leftOut.files.length > 0;
}

/** The last line: what was read, the problems, and what was left out of the count. */
function summary(r: RollupReport, lang: Lang): string {
  const say = (id: string, data?: Msg['data']): string => render({ id, ...(data ? { data } : {}) }, lang);
  const n = countBySeverity(r.problems);
  const parts: Msg[] = [];
  if (r.leftOut.rows) parts.push({ id: 'rollup-view/left-rows', data: { n: r.leftOut.rows } });
  if (r.leftOut.files.length) parts.push({ id: 'rollup-view/left-files', data: { n: r.leftOut.files.length } });
  const problems = n.error + n.warning + n.info;
  return (
    say('rollup-view/read', { files: r.source.files, registers: r.source.registers, tables: r.source.tables }) +
    (problems ? say('rollup-view/counts', { errors: n.error, warnings: n.warning, infos: n.info }) : left(r) ? '' : say('rollup-view/clean')) +
    (left(r) ? say('rollup-view/left-out', { parts }) : '')
  ).trimEnd();
}

/** A group label over its two columns: broken before （ first, then wherever it must. */
function groupLines(label: string, width: number, o: WidthOptions): string[] {
  if (displayWidth(label, o) <= width) return [label];
  return label
    .replace('（', '\n（')
    .split('\n')
    .flatMap((part) => wrapWidth(part, width, o));
}

interface Shape {
  /** Content width of the 单位 column; longer unit names wrap. */
  unit: number;
  /** Content width of each figure column. */
  figure: number;
  /** Figure groups per table: 4 (the whole form) or 2 (two tables, 慈善系统+基金会 then 社会服务机构+小计). */
  groups: 2 | 4;
}

/** Shapes tried in turn, widest first, until one fits the width. */
const SHAPES: readonly Omit<Shape, 'unit'>[] = [
  { figure: 9, groups: 4 },
  { figure: 8, groups: 4 },
  { figure: 5, groups: 4 },
  { figure: 8, groups: 2 },
  { figure: 5, groups: 2 },
];
/** Widest 单位 column in the roomiest shape, and in the others. */
const UNIT_ROOMY = 18;
const UNIT_NARROW = 12;
const UNIT_LIST = 8;

function statsShape(t: RollupTable, layout: TerminalLayout): Shape | undefined {
  const o = widthOptions(layout);
  const { width, limited } = widthOf(layout);
  const labels = [UNIT, TOTAL, ...t.rows.map((r) => r.unit)];
  const unitMax = Math.max(...labels.map((l) => displayWidth(l, o)));
  const digits = Math.max(...[...t.rows.map(figuresOf), figuresOf(t.total)].flat().map((n) => String(n).length), 1);
  for (const [i, s] of SHAPES.entries()) {
    const unit = Math.min(unitMax, i === 0 ? UNIT_ROOMY : UNIT_NARROW);
    const figure = Math.max(s.figure, digits);
    const shape: Shape = { unit, figure, groups: s.groups };
    if (!limited || tableWidth([unit, ...new Array<number>(s.groups * 2).fill(figure)], o) <= width) return shape;
  }
  // the narrowest table with a short 单位 column, else a list
  const last: Shape = { unit: Math.min(unitMax, UNIT_LIST), figure: Math.max(5, digits), groups: 2 };
  return tableWidth([last.unit, 0, 0, 0, 0].map((w, j) => (j === 0 ? w : last.figure)), o) <= width ? last : undefined;
}

/** One table of the form with groups `from`..`to` (0-based, inclusive): 单位 over both header rows, each group over its two columns. */
function statsGrid(t: RollupTable, c: ChalkInstance, shape: Shape, from: number, to: number, layout: TerminalLayout): string {
  const o = widthOptions(layout);
  const head = (s: string): string => (c.level > 0 ? c.bold(s) : s);
  const groups = GROUP_HEADERS.slice(from, to + 1);
  const measures = MEASURE_HEADERS.slice(from * 2, to * 2 + 2);
  const pick = (figs: number[]): number[] => figs.slice(from * 2, to * 2 + 2);
  // a group spans two figure columns and the bar between them
  const spanW = 2 * shape.figure + 2 + displayWidth('│', o);
  const unitCell = (text: string, style?: (s: string) => string, align: GridCell['align'] = 'left'): GridCell => ({
    lines: wrapWidth(text, shape.unit, o).map((l) => (style ? style(l) : l)),
    align,
  });
  const figure = (n: number, style?: (s: string) => string): GridCell => ({ lines: [style ? style(String(n)) : String(n)], align: 'right' });
  return grid({
    widths: [shape.unit, ...new Array<number>(measures.length).fill(shape.figure)],
    head: [
      [
        { lines: [head(UNIT)], rowSpan: 2, align: 'center' },
        ...groups.map((g) => ({ lines: groupLines(g, spanW, o).map(head), colSpan: 2, align: 'center' as const })),
      ],
      measures.map((m) => ({ lines: wrapWidth(m, shape.figure, o).map(head), align: 'center' as const })),
    ],
    body: [
      ...t.rows.map((r) => [unitCell(r.unit), ...pick(figuresOf(r)).map((n) => figure(n))]),
      [unitCell(TOTAL, head, 'center'), ...pick(figuresOf(t.total)).map((n) => figure(n, head))],
    ],
    // rule lines under the header and above 合计 only, as on the printed form
    ruleAfter: (i) => i === t.rows.length - 1,
    border: (s) => (c.level > 0 ? c.grey(s) : s),
    ...o,
  });
}

/** Narrower than any table: one line (wrapped) per unit, each type as units/households. */
function statsList(t: RollupTable, c: ChalkInstance, lang: Lang, layout: TerminalLayout): string {
  const out = wrapLines(render({ id: 'rollup-view/list-legend' }, lang), layout).map((l) => c.dim(l));
  const line = (unit: string, figs: number[], style: (s: string) => string = (s) => s): void => {
    const pairs = render({ id: 'term/list', data: { items: GROUP_HEADERS.map((g, i) => ({ id: 'rollup-view/pair', data: { group: g, units: figs[2 * i]!, households: figs[2 * i + 1]! } })) } }, lang);
    const lines = wrapLines(pairs, layout, '  ');
    out.push(style(unit), ...lines);
  };
  for (const r of t.rows) line(r.unit, figuresOf(r));
  line(TOTAL, figuresOf(t.total), (s) => c.bold(s));
  return out.join('\n');
}

/** The 附3 table drawn to fit the width: the whole form, or two halves one under the other, or a list. */
export function renderStatsTable(t: RollupTable, c: ChalkInstance, layout: TerminalLayout, lang: Lang = 'zh'): string {
  const shape = statsShape(t, layout);
  if (!shape) return statsList(t, c, lang, layout);
  if (shape.groups === 4) return statsGrid(t, c, shape, 0, 3, layout);
  return `${statsGrid(t, c, shape, 0, 1, layout)}\n${statsGrid(t, c, shape, 2, 3, layout)}`;
}

function notesBlock(notes: RollupTable['notes'], lang: Lang, layout: TerminalLayout): string[] {
  if (notes.length === 0) return [];
  const out: string[] = [render({ id: 'rollup-view/notes' }, lang)];
  notes.map((n) => render(n, lang)).forEach((n, i) => {
    const prefix = `${i + 1}. `;
    out.push(...wrapLines(n, layout, `  ${' '.repeat(prefix.length)}`, `  ${prefix}`));
  });
  return out;
}

function severityStyle(c: ChalkInstance, s: Severity): (t: string) => string {
  if (s === 'error') return (t) => c.red.bold(t);
  if (s === 'warning') return (t) => c.yellow(t);
  return (t) => c.cyan(t);
}

function problemsBlock(problems: readonly RollupProblem[], lang: Lang, c: ChalkInstance, layout: TerminalLayout): string[] {
  if (problems.length === 0) return [];
  const say = (id: string, data?: Msg['data']): string => render({ id, ...(data ? { data } : {}) }, lang);
  const o = widthOptions(layout);
  const { width } = widthOf(layout);
  const out = [c.bold(say('rollup-view/problems', { n: problems.length }))];
  const groups = new Map<string, { file?: string; sheet?: string; list: RollupProblem[] }>();
  for (const p of problems) {
    const key = `${p.file ?? ''}\u0000${p.sheet ?? ''}`;
    const g = groups.get(key) ?? { ...(p.file !== undefined ? { file: p.file } : {}), ...(p.sheet ? { sheet: p.sheet } : {}), list: [] };
    g.list.push(p);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const where = g.file === undefined ? [{ text: say('rollup-view/general') }] : [{ text: g.file }, ...(g.sheet ? [{ text: say('rollup-view/sheet', { sheet: g.sheet }) }] : [])];
    out.push(...joinParts(where, { ...layout, width: width - 2 }, '  ').map((l) => `  ${c.underline(l)}`));
    // cells in a column of their own when it leaves the message room; otherwise at the start of the message
    const cellW = Math.max(0, ...g.list.map((p) => displayWidth(p.cell ?? '', o)));
    const ownColumn = cellW > 0 && width - 4 - cellW - 2 >= 30;
    for (const p of g.list) {
      const label = say(`term/severity-${p.severity}`);
      const lead = ownColumn ? `${(p.cell ?? '').padEnd(cellW)}  ` : '';
      const first = `    ${lead}${label} `;
      const rest = ' '.repeat(displayWidth(first, o));
      const lines = wrapLines(`${!ownColumn && p.cell ? `${p.cell} ` : ''}${p.message}`, layout, rest, first);
      lines[0] = `    ${lead}${severityStyle(c, p.severity)(label)} ${lines[0]!.slice(first.length)}`;
      out.push(...lines);
    }
  }
  return out;
}

export function formatRollupPretty(report: RollupReport, opts: RollupPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = report.lang;
  const lines: string[] = [];
  const section = (table: RollupTable, title: string): void => {
    lines.push(...wrapLines(title, opts).map((l) => c.bold(l)), renderStatsTable(table, c, opts, lang));
    lines.push(...notesBlock(table.notes, lang, opts));
  };
  const titled = (t: RollupTable): string =>
    render({ id: t.level === 'province' ? 'rollup-view/title-province' : 'rollup-view/title', data: { title: report.title, area: t.area } }, lang);
  section(report.table, titled(report.table));
  for (const city of report.byCity ?? []) {
    lines.push('');
    section(city, titled(city));
  }
  const problems = problemsBlock(report.problems, lang, c, opts);
  if (problems.length) lines.push('', ...problems);
  if (report.leftOut.files.length) {
    lines.push('', c.bold(render({ id: 'rollup-view/left-out-files' }, lang)));
    for (const f of report.leftOut.files) lines.push(...wrapLines(render({ id: 'report/file-why', data: { file: f.file, why: f.why } }, lang), opts, '    ', '  '));
  }
  lines.push(...whomLines(report, (s) => c.bold(s)));
  lines.push('', ...wrapLines(summary(report, lang), opts));
  return `${lines.join('\n')}\n`;
}
