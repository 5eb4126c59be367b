// validate's default output for a clerk: per register a table of cell / column / value / problem, then a summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang, Severity } from '../core/model.js';
import type { RenderedFile, ValidationReport } from './report.js';
import { boxTable } from './box-table.js';
import { truncateWidth, wrapWidth } from './text-width.js';

export interface PrettyOptions {
  color: boolean;
  /** Terminal width in columns. */
  width: number;
  /** Print the guesses (encoding, header, columns, area) under each file. */
  explain: boolean;
  /** List clean registers one per line even when there are many. */
  verbose?: boolean;
}

const T = {
  zh: {
    cell: '单元格',
    column: '列',
    value: '内容',
    problem: '问题',
    error: '错误',
    warning: '警告',
    info: '提示',
    rows: (n: number) => `${n} 户结对`,
    clean: '没有发现问题',
    cleanMany: (n: number) => `另有 ${n} 张登记表没有发现问题。`,
    file: '文件',
    summary: (s: ValidationReport['summary']) =>
      `共检查 ${s.files} 个文件（${s.registers} 张登记表，${s.rows} 户结对）：错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.infos} 个。`,
    passedOver: (n: number) => `另有 ${n} 个文件不是登记表，已跳过：`,
    detected: '识别情况',
    det: { format: '格式', encoding: '编码', delimiter: '分隔符', sheet: '工作表', header: '表头行', columns: '列对应', area: '所属地区', otherSheets: '其他工作表（无登记表）', reader: '读取组件', sharedStrings: '缺失的共享文字', duplicateParts: '重复的部件', skippedSheets: '未读取的工作表', kind: '类型', roster: '名单核对', rosterRows: '逐行核对', rosterEntries: '名单户数', focus: '重点地区', focusRows: '逐行重点地区' } as Record<string, string>,
    areaUnknown: '未知（地址核对已跳过）',
    quotaTable: '附4 任务分配表，不是登记表（用 fupin quota --table 读取）',
  },
  en: {
    cell: 'Cell',
    column: 'Column',
    value: 'Value',
    problem: 'Problem',
    error: 'error',
    warning: 'warning',
    info: 'info',
    rows: (n: number) => `${n} pairings`,
    clean: 'no problems found',
    cleanMany: (n: number) => `${n} more registers have no problems.`,
    file: 'File',
    summary: (s: ValidationReport['summary']) =>
      `Checked ${s.files} files (${s.registers} registers, ${s.rows} pairings): ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos.`,
    passedOver: (n: number) => `${n} files that are not registers were passed over:`,
    detected: 'Detected',
    det: { format: 'format', encoding: 'encoding', delimiter: 'delimiter', sheet: 'sheet', header: 'header rows', columns: 'columns', area: 'area', otherSheets: 'other sheets (no register)', reader: 'reader', sharedStrings: 'missing shared strings', duplicateParts: 'parts stored twice', skippedSheets: 'sheets not read', kind: 'kind', roster: 'rosters', rosterRows: 'rows matched', rosterEntries: 'households listed', focus: 'focus places', focusRows: 'rows in focus places' } as Record<string, string>,
    areaUnknown: 'unknown (address checks skipped)',
    quotaTable: 'a 附4 quota table, not a register (read it with fupin quota --table)',
  },
} as const;

function severityStyle(c: ChalkInstance, s: Severity): (t: string) => string {
  return s === 'error' ? c.red.bold : s === 'warning' ? c.yellow : c.cyan;
}


function fileHeading(f: RenderedFile, lang: Lang, c: ChalkInstance): string {
  const t = T[lang];
  const parts = [c.bold(f.file)];
  if (f.sheet !== undefined) parts.push(c.dim(`[${f.sheet}]`));
  if (f.area) parts.push(f.area);
  if (f.sheet !== undefined) parts.push(c.dim(t.rows(f.rows)));
  if (f.detected.kind?.value === 'quota-table') parts.push(c.dim(t.quotaTable));
  return parts.join('  ');
}

function problemTable(f: RenderedFile, lang: Lang, c: ChalkInstance, width: number): string {
  const t = T[lang];
  const fileLevel = f.problems.filter((p) => p.cell === undefined);
  const cellLevel = f.problems.filter((p) => p.cell !== undefined);
  const lines: string[] = [];
  for (const p of fileLevel) {
    const mark = p.severity === 'error' ? '✖' : p.severity === 'warning' ? '▲' : 'ℹ';
    lines.push(`  ${severityStyle(c, p.severity)(`${mark} ${t[p.severity]}`)} ${p.message}`);
  }
  if (cellLevel.length) {
    // widths in terminal columns; Chinese text is wrapped by display width
    const colW = [6, 14, 18];
    const msgW = Math.max(30, Math.min(width, 160) - 2 - colW.reduce((a, b) => a + b, 0) - 3 * 4 - 1);
    const rows = cellLevel.map((p) => {
      const label = t[p.severity];
      const msg = wrapWidth(`${label} ${p.message}`, msgW);
      msg[0] = severityStyle(c, p.severity)(label) + msg[0]!.slice(label.length);
      return [[p.cell ?? ''], [truncateWidth(p.column ?? '', colW[1]!)], [truncateWidth(p.value ?? '', colW[2]!)], msg];
    });
    const table = boxTable([t.cell, t.column, t.value, t.problem], rows, {
      widths: [...colW, msgW],
      border: (s) => c.grey(s),
      head: (s) => c.bold(s),
    });
    lines.push(table.split('\n').map((l) => `  ${l}`).join('\n'));
  }
  return lines.join('\n');
}

function explainLines(f: RenderedFile, lang: Lang, c: ChalkInstance): string {
  const t = T[lang];
  const out: string[] = [];
  for (const [k, v] of Object.entries(f.detected)) {
    if (!v) continue;
    const value = k === 'area' && !v.value ? t.areaUnknown : v.value;
    out.push(`    ${c.dim(`${t.det[k] ?? k}:`)} ${value}${v.reason ? c.dim(`  (${v.reason})`) : ''}`);
  }
  return out.length ? `  ${c.dim(t.detected)}\n${out.join('\n')}` : '';
}

export function formatPretty(report: ValidationReport, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = report.lang;
  const t = T[lang];
  const out: string[] = [];
  const listClean = opts.verbose || opts.explain || report.files.length <= 10;
  let cleanHidden = 0;
  for (const f of report.files) {
    if (f.problems.length === 0) {
      if (!listClean) {
        cleanHidden++;
        continue;
      }
      out.push(`${c.green('✔')} ${fileHeading(f, lang, c)}  ${c.green(t.clean)}`);
      if (opts.explain) out.push(explainLines(f, lang, c));
      continue;
    }
    const worst = f.problems.some((p) => p.severity === 'error') ? 'error' : f.problems.some((p) => p.severity === 'warning') ? 'warning' : 'info';
    const mark = worst === 'error' ? c.red('✖') : worst === 'warning' ? c.yellow('▲') : c.cyan('ℹ');
    out.push(`${mark} ${fileHeading(f, lang, c)}`);
    if (opts.explain) out.push(explainLines(f, lang, c));
    out.push(problemTable(f, lang, c, opts.width));
    out.push('');
  }
  if (cleanHidden) out.push(c.green(`✔ ${t.cleanMany(cleanHidden)}`));
  if (report.passedOver.length) {
    out.push(c.dim(t.passedOver(report.passedOver.length)));
    for (const p of report.passedOver) out.push(c.dim(`  ${p.file}${lang === 'zh' ? '：' : ': '}${p.why}`));
  }
  const s = report.summary;
  const line = t.summary(s);
  out.push(s.errors ? c.red.bold(line) : s.warnings ? c.yellow(line) : c.green(line));
  return `${out.filter((l) => l !== '').join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
