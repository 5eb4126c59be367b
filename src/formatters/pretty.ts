// validate's default output for a clerk: per register a table of cell / column / value / problem, then a summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang, Msg, Severity } from '../core/model.js';
import { COLUMN_BY_KEY } from '../core/columns.js';
import type { ColumnKey } from '../core/model.js';
import { hasMessage, render } from './catalogue/index.js';
import type { RenderedFile, RenderedProblem, ValidationReport } from './report.js';
import { grid, tableWidth } from './box-table.js';
import { fitLine, joinParts, markersOf, severityMarker, widthOf, widthOptions, wrapLines, type TerminalLayout } from './layout.js';
import { displayWidth, truncateWidth, wrapWidth } from './text-width.js';

export interface PrettyOptions extends TerminalLayout {
  color: boolean;
  /** Print the guesses (encoding, header, columns, area) under each file. */
  explain: boolean;
  /** List clean registers one per line even when there are many. */
  verbose?: boolean;
}

/** Keys of Detected and their labels (report/det-…); an unknown key is shown as it is. */
const DETECTED_LABEL: Record<string, string> = {
  format: 'det-format',
  encoding: 'det-encoding',
  delimiter: 'det-delimiter',
  sheet: 'det-sheet',
  header: 'det-header',
  columns: 'det-columns',
  area: 'det-area',
  otherSheets: 'det-other-sheets',
  reader: 'det-reader',
  sharedStrings: 'det-shared-strings',
  duplicateParts: 'det-duplicate-parts',
  skippedSheets: 'det-skipped-sheets',
  kind: 'det-kind',
  roster: 'det-roster',
  rosterRows: 'det-roster-rows',
  rosterEntries: 'det-roster-entries',
  focus: 'det-focus',
  focusRows: 'det-focus-rows',
};

/** The report's words in its language. */
function words(lang: Lang) {
  const say = (id: string, data?: Msg['data']): string => render(data ? { id, data } : { id }, lang);
  return {
    say,
    cell: say('head/cell'),
    column: say('head/column'),
    value: say('head/value'),
    problem: say('head/problem'),
    severity: (s: Severity): string => say(`term/severity-${s}`),
  };
}

function severityStyle(c: ChalkInstance, s: Severity): (t: string) => string {
  return s === 'error' ? c.red.bold : s === 'warning' ? c.yellow : c.cyan;
}

/** The message column is at least this wide (14 Chinese characters); narrower, findings are listed one per block. */
export const MIN_MESSAGE_WIDTH = 28;
/** …and at most this wide: longer lines are hard to read even on a wide screen. */
const MAX_MESSAGE_WIDTH = 100;
/** Widest column and value columns, tried in turn until the message column is wide enough. */
const SHAPES: readonly { column: number; value: number }[] = [
  { column: 14, value: 18 },
  { column: 10, value: 14 },
  { column: 8, value: 10 },
];
/** The problem table is indented by this much under its file heading. */
const INDENT = '  ';

function fileHeading(f: RenderedFile, lang: Lang, c: ChalkInstance, mark: string, layout: TerminalLayout, tail?: string): string {
  const t = words(lang);
  const parts: { text: string; style?: (s: string) => string }[] = [{ text: `${mark} ${f.file}`, style: (s) => s.replace(f.file, c.bold(f.file)) }];
  if (f.sheet !== undefined) parts.push({ text: `[${f.sheet}]`, style: c.dim });
  if (f.area) parts.push({ text: f.area });
  if (f.sheet !== undefined) parts.push({ text: t.say('report/rows', { n: f.rows }), style: c.dim });
  if (f.detected.kind?.value === 'quota-table') parts.push({ text: t.say('report/quota-table'), style: c.dim });
  if (tail) parts.push({ text: tail, style: c.green });
  return joinParts(parts, layout).join('\n');
}

/** The widths of the cell, column, value and message columns, or undefined when the table cannot fit (list layout). */
function tableShape(rows: readonly RenderedProblem[], lang: Lang, layout: TerminalLayout): number[] | undefined {
  const t = words(lang);
  const o = widthOptions(layout);
  const { width, limited } = widthOf(layout);
  const widest = (texts: string[]): number => Math.max(0, ...texts.map((x) => displayWidth(x, o)));
  const cellW = widest([t.cell, ...rows.map((p) => p.cell ?? '')]);
  const colMax = widest(rows.map((p) => p.column ?? ''));
  const valMax = widest(rows.map((p) => p.value ?? ''));
  const msgMax = widest(rows.map((p) => `${t.severity(p.severity)} ${p.message}`));
  const avail = width - INDENT.length;
  for (const shape of SHAPES) {
    const colW = Math.max(displayWidth(t.column, o), Math.min(colMax, shape.column));
    const valW = Math.max(displayWidth(t.value, o), Math.min(valMax, shape.value));
    let msgW = Math.min(MAX_MESSAGE_WIDTH, avail - tableWidth([cellW, colW, valW, 0], o));
    // keep the message column's slot even when rules are drawn with double-width characters
    if (o.ambiguousWide && msgW % 2) msgW--;
    if (msgW >= MIN_MESSAGE_WIDTH || !limited) return [cellW, colW, valW, Math.max(Math.min(msgW, Math.max(msgMax, displayWidth(t.problem, o))), MIN_MESSAGE_WIDTH)];
  }
  return undefined;
}

function problemTable(rows: readonly RenderedProblem[], widths: number[], lang: Lang, c: ChalkInstance, layout: TerminalLayout): string {
  const t = words(lang);
  const o = widthOptions(layout);
  const [, colW, valW, msgW] = widths as [number, number, number, number];
  const body = rows.map((p) => {
    const label = t.severity(p.severity);
    const msg = wrapWidth(`${label} ${p.message}`, msgW, o);
    msg[0] = severityStyle(c, p.severity)(label) + msg[0]!.slice(label.length);
    return [
      { lines: [p.cell ?? ''] },
      { lines: wrapWidth(p.column ?? '', colW, o) },
      { lines: [truncateWidth(p.value ?? '', valW, o)] },
      { lines: msg },
    ];
  });
  const table = grid({
    widths,
    head: [[t.cell, t.column, t.value, t.problem].map((h) => ({ lines: [c.bold(h)] }))],
    body,
    border: (s) => c.grey(s),
    ...o,
  });
  return table
    .split('\n')
    .map((l) => INDENT + l)
    .join('\n');
}

/** The narrow layout: per finding a line `E7 联系方式 “1.39123E+10”`, then its message indented under it. */
function problemList(rows: readonly RenderedProblem[], lang: Lang, c: ChalkInstance, layout: TerminalLayout): string {
  const t = words(lang);
  const o = widthOptions(layout);
  const { width } = widthOf(layout);
  const out: string[] = [];
  for (const p of rows) {
    const cell = p.cell ?? '';
    let head = `${INDENT}${c.bold(cell)}`;
    let room = width - INDENT.length - displayWidth(cell, o);
    if (p.column) {
      const col = fitLine(p.column, Math.max(4, room - 1), layout);
      head += ` ${col}`;
      room -= 1 + displayWidth(col, o);
    }
    if (p.value !== undefined && p.value !== '' && room >= 6) head += ` ${c.dim(`“${fitLine(p.value, room - 3, layout)}”`)}`;
    out.push(head);
    const label = t.severity(p.severity);
    const lines = wrapLines(`${label} ${p.message}`, layout, `${INDENT}    `);
    lines[0] = lines[0]!.replace(label, severityStyle(c, p.severity)(label));
    out.push(...lines);
  }
  return out.join('\n');
}

function problemBlock(f: RenderedFile, lang: Lang, c: ChalkInstance, layout: TerminalLayout, asList: boolean): string {
  const t = words(lang);
  const fileLevel = f.problems.filter((p) => p.cell === undefined);
  const cellLevel = f.problems.filter((p) => p.cell !== undefined);
  const lines: string[] = [];
  for (const p of fileLevel) {
    const lead = `${INDENT}${severityMarker(layout, p.severity)} ${t.severity(p.severity)} `;
    const wrapped = wrapLines(p.message, layout, ' '.repeat(displayWidth(lead, widthOptions(layout))), lead);
    wrapped[0] = wrapped[0]!.replace(lead.trimEnd(), severityStyle(c, p.severity)(lead.trimEnd()));
    lines.push(...wrapped);
  }
  if (cellLevel.length) {
    const shape = asList ? undefined : tableShape(cellLevel, lang, layout);
    lines.push(shape ? problemTable(cellLevel, shape, lang, c, layout) : problemList(cellLevel, lang, c, layout));
  }
  return lines.join('\n');
}

/** A column's name as the clerk knows it (序号, 户主姓名); its key when it has none. */
function columnLabel(key: string): string {
  return COLUMN_BY_KEY.get(key as ColumnKey)?.label ?? key;
}

/**
 * Why a guess was made, in words: JSON keeps the codes (content, one-row, path: 溆浦县.xlsx), --explain says them.
 * The columns' reason (A“序号”→seq(exact); …) names each column and how its header matched.
 */
function reasonText(key: string, reason: string, lang: Lang): string {
  if (key === 'columns') {
    return reason.replace(/→([A-Za-z]+)\((exact|alias|contains)\)/g, (_m, k: string, how: string) => `→${columnLabel(k)}${lang === 'zh' ? '（' : ' ('}${render({ id: `report/how-${how}` }, lang)}${lang === 'zh' ? '）' : ')'}`);
  }
  if (hasMessage(`report/why-${reason}`)) return render({ id: `report/why-${reason}` }, lang);
  const m = /^([a-z][a-z-]*): (.*)$/s.exec(reason);
  if (m && hasMessage(`report/why-${m[1]}`)) return render({ id: 'report/why-evidence', data: { why: { id: `report/why-${m[1]}` }, text: m[2]! } }, lang);
  return reason;
}

/** A detected value in words: the columns as A=序号 B=扶贫单位名称 … (JSON keeps A=seq B=org). */
function valueText(key: string, value: string): string {
  return key === 'columns' ? value.replace(/=([A-Za-z]+)/g, (_m, k: string) => `=${columnLabel(k)}`) : value;
}

function explainLines(f: RenderedFile, lang: Lang, c: ChalkInstance, layout: TerminalLayout): string {
  const t = words(lang);
  const out: string[] = [];
  for (const [k, v] of Object.entries(f.detected)) {
    if (!v) continue;
    const value = k === 'area' && !v.value ? t.say('report/area-unknown') : valueText(k, v.value);
    const label = DETECTED_LABEL[k] ? t.say(`report/${DETECTED_LABEL[k]}`) : k;
    const why = v.reason ? reasonText(k, v.reason, lang) : '';
    const wrapped = joinParts([{ text: t.say('report/detected-item', { label, value }) }, ...(why ? [{ text: lang === 'zh' ? `（${why}）` : `(${why})`, style: c.dim }] : [])], layout, '      ');
    wrapped[0] = `    ${wrapped[0]!.replace(label, c.dim(label))}`;
    out.push(...wrapped);
  }
  return out.length ? `${INDENT}${c.dim(t.say('report/detected'))}\n${out.join('\n')}` : '';
}

export function formatPretty(report: ValidationReport, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  // the layout seen through the explain lines' extra indent: they are wrapped two columns narrower
  const layout: TerminalLayout = opts;
  const explainLayout: TerminalLayout = { ...opts, width: widthOf(opts).limited ? widthOf(opts).width - 4 : undefined };
  const mk = markersOf(layout);
  const lang = report.lang;
  const t = words(lang);
  const out: string[] = [];
  const listClean = opts.verbose || opts.explain || report.files.length <= 10;
  // one layout for the whole report: findings listed one per block when any file's table would not fit
  const asList = report.files.some((f) => {
    const cells = f.problems.filter((p) => p.cell !== undefined);
    return cells.length > 0 && !tableShape(cells, lang, layout);
  });
  let cleanHidden = 0;
  for (const f of report.files) {
    if (f.problems.length === 0) {
      if (!listClean) {
        cleanHidden++;
        continue;
      }
      out.push(fileHeading(f, lang, c, c.green(mk.ok), layout, t.say('report/clean')));
      if (opts.explain) out.push(explainLines(f, lang, c, explainLayout));
      continue;
    }
    const worst = f.problems.some((p) => p.severity === 'error') ? 'error' : f.problems.some((p) => p.severity === 'warning') ? 'warning' : 'info';
    const mark = worst === 'error' ? c.red(mk.error) : worst === 'warning' ? c.yellow(mk.warning) : c.cyan(mk.info);
    out.push(fileHeading(f, lang, c, mark, layout));
    if (opts.explain) out.push(explainLines(f, lang, c, explainLayout));
    out.push(problemBlock(f, lang, c, layout, asList));
    out.push('');
  }
  if (cleanHidden) out.push(...wrapLines(`${mk.ok} ${t.say('report/clean-many', { n: cleanHidden })}`, layout, '  ', '').map((l) => c.green(l)));
  if (report.passedOver.length) {
    out.push(...wrapLines(t.say('report/passed-over', { n: report.passedOver.length }), layout).map((l) => c.dim(l)));
    for (const p of report.passedOver) out.push(...wrapLines(t.say('report/file-why', { file: p.file, why: p.why }), layout, '    ', '  ').map((l) => c.dim(l)));
  }
  const s = report.summary;
  const paint = s.errors ? c.red.bold : s.warnings ? c.yellow : c.green;
  out.push(...wrapLines(t.say('report/summary', { ...s }), layout).map((l) => paint(l)));
  return `${out.filter((l) => l !== '').join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
