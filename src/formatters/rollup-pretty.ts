// rollup's terminal output: the 附3 table as the form shows it (two-row merged header, rows, 合计), notes, then problems.
import { whomLines } from './whom-pretty.js';
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Lang, RollupTable, Severity } from '../core/model.js';
import { render } from './catalogue/index.js';
import { countBySeverity, figuresOf, GROUP_HEADERS, MEASURE_HEADERS, type RollupProblem, type RollupReport } from './rollup-report.js';
import { displayWidth, wrapWidth } from './text-width.js';

export interface RollupPrettyOptions {
  color: boolean;
  /** Terminal width in columns (notes and problems wrap to it). */
  width: number;
}

const T = {
  zh: {
    title: (title: string, t: RollupTable) => `${title}（${t.level === 'province' ? `${t.area}，全省汇总` : t.area}）`,
    cityTitle: (title: string, t: RollupTable) => `${title}（${t.area}）`,
    unit: '单位',
    total: '合计',
    notes: '说明：',
    problems: (n: number) => `问题（${n} 个）：`,
    sheet: (s: string) => `工作表“${s}”`,
    general: '（汇总）',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    summary: (r: RollupReport, c: Record<Severity, number>) =>
      `共读取 ${r.source.files} 个文件（${r.source.registers} 张登记表，${r.source.tables} 张统计表）：` +
      (c.error + c.warning + c.info === 0 ? (left(r) ? '' : '没有发现问题。') : `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个。`) +
      (left(r)
        ? `有内容未计入统计表：${[r.leftOut.rows ? `${r.leftOut.rows} 行（见说明）` : '', r.leftOut.files.length ? `${r.leftOut.files.length} 个文件（见上）` : ''].filter(Boolean).join('、')}，核对后再签字上报。`
        : ''),
    leftOutFiles: '以下文件未计入：',
  },
  en: {
    title: (title: string, t: RollupTable) => `${title} (${t.level === 'province' ? `provincial table, ${t.area}` : `city table, ${t.area}`})`,
    cityTitle: (title: string, t: RollupTable) => `${title} (city table, ${t.area})`,
    unit: '单位',
    total: '合计',
    notes: 'Notes:',
    problems: (n: number) => `Problems (${n}):`,
    sheet: (s: string) => `sheet "${s}"`,
    general: '(rollup)',
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    summary: (r: RollupReport, c: Record<Severity, number>) =>
      `Read ${r.source.files} files (${r.source.registers} registers, ${r.source.tables} statistics tables): ` +
      (c.error + c.warning + c.info === 0 ? (left(r) ? '' : 'no problems found.') : `${c.error} errors, ${c.warning} warnings, ${c.info} infos. `) +
      (left(r)
        ? `Not counted in the table: ${[r.leftOut.rows ? `${r.leftOut.rows} row(s) (see the notes)` : '', r.leftOut.files.length ? `${r.leftOut.files.length} file(s) (see above)` : ''].filter(Boolean).join(', ')}; check them before signing.`
        : ''),
    leftOutFiles: 'Files left out of the count:',
  },
} as const;

/** Whether the count left anything out (the summary must say so, and never "no problems"). */
function left(r: RollupReport): boolean {
  return r.leftOut.rows > 0 || r.leftOut.files.length > 0;
}

/** Header labels broken the way a narrow printed form breaks them. */
const MEASURE_LINES: Record<string, string> = {
  参与单位数量: '参与单位\n数量',
  扶贫脱贫户数: '扶贫脱贫\n户数',
  参与扶贫单位总数: '参与扶贫\n单位总数',
  扶贫脱贫农户总数: '扶贫脱贫\n农户总数',
};

/** The table drawn with cli-table3: 单位 over both header rows, each group over its two columns, figures right-aligned. */
export function renderStatsTable(t: RollupTable, c: ChalkInstance, width: number): string {
  const labels = [T.zh.unit, T.zh.total, ...t.rows.map((r) => r.unit)];
  const unitW = Math.max(...labels.map(displayWidth)) + 2;
  const figures = [...t.rows.map(figuresOf), figuresOf(t.total)].flat();
  const digits = Math.max(...figures.map((n) => String(n).length), 1);
  // 8 figure columns: wide enough for the two-line measure headers (8) and the numbers; 11 lets 社会服务机构（民非） stay on one line.
  const narrow = Math.max(10, digits + 2);
  const roomy = unitW + 8 * 11 + 10 <= width;
  const numW = roomy ? Math.max(11, narrow) : narrow;
  const groupText = (g: string): string => (displayWidth(g) <= 2 * numW - 1 ? g : g.replace('（', '\n（'));

  const table = new Table({
    colWidths: [unitW, ...new Array<number>(8).fill(numW)],
    style: { head: [], border: c.level > 0 ? ['grey'] : [], compact: false },
  });
  const head = (s: string): string => (c.level > 0 ? s.split('\n').map((l) => c.bold(l)).join('\n') : s);
  table.push([
    { content: head(T.zh.unit), rowSpan: 2, vAlign: 'center', hAlign: 'center' },
    ...GROUP_HEADERS.map((g) => ({ content: head(groupText(g)), colSpan: 2, hAlign: 'center' as const })),
  ]);
  table.push(MEASURE_HEADERS.map((m) => ({ content: head(MEASURE_LINES[m] ?? m), hAlign: 'center' as const })));
  for (const r of t.rows) {
    table.push([r.unit, ...figuresOf(r).map((n) => ({ content: String(n), hAlign: 'right' as const }))]);
  }
  table.push([
    { content: c.bold(T.zh.total), hAlign: 'center' },
    ...figuresOf(t.total).map((n) => ({ content: c.bold(String(n)), hAlign: 'right' as const })),
  ]);
  // Rule lines under the header and above 合计 only, as on the printed form: drop those between unit rows.
  const lines = table.toString().split('\n');
  const rules = lines.map((l, i) => (l.replace(ANSI, '').startsWith('├') ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([rules[0], rules[rules.length - 1]]);
  return lines.filter((_, i) => !rules.includes(i) || keep.has(i)).join('\n');
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function notesBlock(notes: RollupTable['notes'], lang: Lang, width: number): string[] {
  if (notes.length === 0) return [];
  const out: string[] = [T[lang].notes];
  notes.map((n) => render(n, lang)).forEach((n, i) => {
    const prefix = `${i + 1}. `;
    wrapWidth(n, Math.max(20, width - prefix.length - 2)).forEach((line, j) => out.push(`  ${j === 0 ? prefix : ' '.repeat(prefix.length)}${line}`));
  });
  return out;
}

function severityStyle(c: ChalkInstance, s: Severity): (t: string) => string {
  if (s === 'error') return (t) => c.red.bold(t);
  if (s === 'warning') return (t) => c.yellow(t);
  return (t) => c.cyan(t);
}

function problemsBlock(problems: readonly RollupProblem[], lang: Lang, c: ChalkInstance, width: number): string[] {
  if (problems.length === 0) return [];
  const t = T[lang];
  const out = [c.bold(t.problems(problems.length))];
  const groups = new Map<string, RollupProblem[]>();
  for (const p of problems) {
    const key = p.file === undefined ? t.general : `${p.file}${p.sheet ? `  ${t.sheet(p.sheet)}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const [where, list] of groups) {
    out.push(`  ${c.underline(where)}`);
    const cellW = Math.max(0, ...list.map((p) => displayWidth(p.cell ?? '')));
    for (const p of list) {
      const label = t.severity[p.severity];
      const lead = `${(p.cell ?? '').padEnd(cellW)}${cellW ? '  ' : ''}`;
      const indent = 4 + lead.length + displayWidth(label) + 1;
      const lines = wrapWidth(p.message, Math.max(20, width - indent));
      out.push(`    ${lead}${severityStyle(c, p.severity)(label)} ${lines[0] ?? ''}`);
      for (const l of lines.slice(1)) out.push(`${' '.repeat(indent)}${l}`);
    }
  }
  return out;
}

export function formatRollupPretty(report: RollupReport, opts: RollupPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = T[report.lang];
  const lines: string[] = [];
  const section = (table: RollupTable, title: string): void => {
    lines.push(c.bold(title), renderStatsTable(table, c, opts.width));
    lines.push(...notesBlock(table.notes, report.lang, opts.width));
  };
  section(report.table, t.title(report.title, report.table));
  for (const city of report.byCity ?? []) {
    lines.push('');
    section(city, t.cityTitle(report.title, city));
  }
  const problems = problemsBlock(report.problems, report.lang, c, opts.width);
  if (problems.length) lines.push('', ...problems);
  if (report.leftOut.files.length) {
    lines.push('', c.bold(t.leftOutFiles));
    for (const f of report.leftOut.files) lines.push(`  ${f.file}：${f.why}`.replace('：', report.lang === 'zh' ? '：' : ': '));
  }
  lines.push(...whomLines(report, (s) => c.bold(s)));
  lines.push('', t.summary(report, countBySeverity(report.problems)));
  return `${lines.join('\n')}\n`;
}
