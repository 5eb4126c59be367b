// quota's default output: per area a 要求 / 实际 / 差额 table, then organisations short of guidance, the demonstration site, the table's own faults, one verdict per area.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Lang } from '../core/model.js';
import { formatRange, type AreaReport, type QuotaReport, type Requirement } from '../core/quota/index.js';
import { render } from './catalogue/index.js';
import { wrapWidth } from './text-width.js';

export interface QuotaPrettyOptions {
  color: boolean;
  /** Terminal width in columns. */
  width: number;
  lang: Lang;
}

const T = {
  zh: {
    heading: (name: string, year?: number) => `按${year ? ` ${year} 年` : ''}《${name}》核对任务下限`,
    custom: (origin: string) => `任务表：${origin}`,
    builtIn: (t: QuotaReport['table']) => `任务表：${t.province}内置（${t.source ?? t.name}）`,
    tableUnit: (unit: string) => `（表中写作“${unit}”）`,
    item: '项目',
    required: '要求',
    actual: '实际',
    shortfall: '差额',
    result: '结果',
    met: '达到',
    short: '未达到',
    over: (upper: number) => `达到（超出上限 ${upper}，仅供参考）`,
    orgsShort: (n: number) => `未达到分配指导户数的单位（${n} 个，仅为指导建议，不影响结论）`,
    orgsNone: '每个单位都达到了分配指导户数',
    orgsOver: (n: number) => `另有 ${n} 个单位超过分配指导的上限（仅供参考；--format json 可看明细）`,
    orgCols: ['单位', '层级类型', '地区', '户数', '指导', '差'],
    level: { province: '省级', city: '市级', county: '县级' } as Record<string, string>,
    type: { charity: '慈善会', foundation: '基金会', social: '社会服务机构' } as Record<string, string>,
    demo: (site: string) => `示范点核对（${site}）`,
    demoCols: ['户主', '住址', '位置'],
    faults: (n: number) => `任务表本身的问题：表内合计与各行之和不符（${n} 处；核对按各行计算，不用合计行）`,
    faultsNone: '任务表的合计行与各行之和一致',
    notes: '说明',
    verdicts: '结论',
    allMet: (n: number) => `全部 ${n} 个单位达到任务下限。`,
    someShort: (short: number, n: number) => `${n} 个单位中有 ${short} 个未达到任务下限。`,
    verdictMet: (area: string) => `${area}：全部达到任务下限`,
    verdictShort: (area: string, count: number, details: string) => `${area}：${count} 项未达到（${details}）`,
    detail: (label: string, shortfall: number) => `${label}差 ${shortfall}`,
    sep: '，',
  },
  en: {
    heading: (name: string, year?: number) => `Minimums of ${name}${year ? ` (${year})` : ''}`,
    custom: (origin: string) => `quota table: ${origin}`,
    builtIn: (t: QuotaReport['table']) => `quota table: built-in for ${t.province} ("${t.source ?? t.name}")`,
    tableUnit: (unit: string) => ` (the table writes "${unit}")`,
    item: 'Requirement',
    required: 'Required',
    actual: 'Actual',
    shortfall: 'Short by',
    result: 'Result',
    met: 'met',
    short: 'NOT MET',
    over: (upper: number) => `met (above the upper end ${upper}, information only)`,
    orgsShort: (n: number) => `Organisations below their guidance (${n}; guidance only, does not change the verdict)`,
    orgsNone: 'Every organisation reaches its guidance',
    orgsOver: (n: number) => `${n} more organisations are above the upper end of their guidance (information only; see --format json)`,
    orgCols: ['Organisation', 'Level, type', 'Area', 'Households', 'Guidance', 'Short'],
    level: { province: 'provincial', city: 'city', county: 'county' } as Record<string, string>,
    type: { charity: 'charity federation', foundation: 'foundation', social: 'social service org.' } as Record<string, string>,
    demo: (site: string) => `Demonstration site (${site})`,
    demoCols: ['Household', 'Address', 'Where'],
    faults: (n: number) => `Faults in the quota table itself: its 合计 row does not match the rows (${n}; the check uses the rows, never 合计)`,
    faultsNone: 'The quota table\'s 合计 row matches its rows',
    notes: 'Notes',
    verdicts: 'Verdict',
    allMet: (n: number) => `All ${n} units meet their minimums.`,
    someShort: (short: number, n: number) => `${short} of ${n} units fall short of their minimums.`,
    verdictMet: (area: string) => `${area}: every minimum met`,
    verdictShort: (area: string, count: number, details: string) => `${area}: ${count} not met (${details})`,
    detail: (label: string, shortfall: number) => `${label} short by ${shortfall}`,
    sep: '; ',
  },
} as const;

function requiredText(r: Requirement): string {
  return r.upper !== undefined && r.upper !== r.required ? formatRange({ min: r.required, max: r.upper }) : String(r.required);
}

function tableStyle(c: ChalkInstance): Table.TableConstructorOptions['style'] {
  return { head: c.level > 0 ? ['bold'] : [], border: c.level > 0 ? ['grey'] : [], compact: false };
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

/** A message wrapped to the width, with a coloured mark on its first line. */
function item(mark: string, text: string, width: number): string {
  const lines = wrapWidth(text, Math.max(30, width - 4));
  return lines.map((l, i) => (i === 0 ? `${mark} ${l}` : `  ${l}`)).join('\n');
}

function verdictLine(a: AreaReport, lang: Lang): string {
  const t = T[lang];
  const short = a.requirements.filter((r) => !r.met);
  if (short.length === 0) return t.verdictMet(a.area);
  return t.verdictShort(a.area, short.length, short.map((r) => t.detail(render(r.label, lang), r.shortfall)).join(t.sep));
}

function areaBlock(a: AreaReport, lang: Lang, c: ChalkInstance, width: number): string {
  const t = T[lang];
  const mark = a.met ? c.green('✔') : c.red('✖');
  const heading = `${mark} ${c.bold(a.area)}${a.unit !== a.area && !(a.level === 'province') ? c.dim(t.tableUnit(a.unit)) : ''}`;
  const table = new Table({
    head: [t.item, t.required, t.actual, t.shortfall, t.result],
    colAligns: ['left', 'right', 'right', 'right', 'left'],
    style: { ...tableStyle(c), compact: true },
  });
  for (const r of a.requirements) {
    const bad = !r.met;
    const paint = bad ? c.red.bold : (s: string) => s;
    table.push([
      paint(render(r.label, lang)),
      requiredText(r),
      paint(String(r.actual)),
      bad ? c.red.bold(String(r.shortfall)) : c.dim('0'),
      bad ? c.red.bold(t.short) : r.over ? c.cyan(t.over(r.upper!)) : c.green(t.met),
    ]);
  }
  const out = [heading, indent(table.toString())];
  // the over-the-upper-end notes are already in the result column
  for (const n of a.notes) if (n.id !== 'quota/req-over-info') out.push(indent(c.dim(item('ℹ', render(n, lang), width - 2))));
  return out.join('\n');
}

export function formatQuotaPretty(report: QuotaReport, opts: QuotaPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = opts.lang;
  const t = T[lang];
  const width = Math.max(60, Math.min(opts.width, 160));
  const out: string[] = [];

  out.push(c.bold(t.heading(report.table.name, report.table.year)));
  out.push(c.dim(report.table.origin === 'built-in' ? t.builtIn(report.table) : t.custom(report.table.origin)));
  out.push('');

  for (const a of report.areas) {
    out.push(areaBlock(a, lang, c, width));
    out.push('');
  }

  // organisations short of their guidance
  if (report.orgChecks === 'done') {
    const short = report.orgFindings.filter((o) => o.kind === 'short');
    const over = report.orgFindings.filter((o) => o.kind === 'over');
    if (short.length) {
      out.push(c.yellow.bold(`▲ ${t.orgsShort(short.length)}`));
      const table = new Table({ head: [...t.orgCols], colAligns: ['left', 'left', 'left', 'right', 'right', 'right'], style: { ...tableStyle(c), compact: true } });
      for (const o of short) {
        const where = o.county ? `${o.city ?? ''}${o.county}` : o.level === 'province' ? '省本级' : `${o.city ?? o.area}本级`;
        table.push([o.name, `${t.level[o.level]}${lang === 'en' ? ' ' : ''}${t.type[o.type]}`, where, String(o.households), formatRange(o.guidance), c.yellow(String(o.shortfall))]);
      }
      out.push(indent(table.toString()));
    } else {
      out.push(`${c.green('✔')} ${t.orgsNone}`);
    }
    if (over.length) out.push(c.dim(`ℹ ${t.orgsOver(over.length)}`));
    out.push('');
  }

  // households outside the demonstration site
  if (report.demoChecks === 'done' && report.demoSite.length) {
    const site = report.demoSite[0]!.site;
    out.push(c.bold(t.demo(`${site.city}${site.county}`)));
    for (const d of report.demoSite) {
      if (d.met) {
        out.push(indent(`${c.green('✔')} ${render(d.message, lang)}`));
        continue;
      }
      const head = lang === 'zh' ? `${d.area} 有 ${d.outside.length} 户不在示范点` : `${d.area}: ${d.outside.length} household(s) outside the site`;
      out.push(indent(`${c.yellow('▲')} ${head}`));
      const table = new Table({ head: [...t.demoCols], style: { ...tableStyle(c), compact: true } });
      for (const h of d.outside) table.push([h.name, h.address, `${h.file ?? ''}${h.cell ? ` ${h.cell}` : ''}`]);
      out.push(indent(table.toString(), '    '));
    }
    out.push('');
  }

  // the table's own faults
  if (report.tableFaults.length) {
    out.push(c.yellow.bold(`▲ ${t.faults(report.tableFaults.length)}`));
    for (const f of report.tableFaults) out.push(indent(item('-', render(f.message, lang), width - 2)));
  } else {
    out.push(`${c.green('✔')} ${t.faultsNone}`);
  }
  out.push('');

  if (report.notes.length) {
    out.push(c.dim(t.notes));
    for (const n of report.notes) out.push(indent(c.dim(item('ℹ', render(n, lang), width - 2))));
    out.push('');
  }

  // one verdict per area, then the whole
  out.push(c.bold(t.verdicts));
  for (const a of report.areas) out.push(indent(a.met ? c.green(`✔ ${verdictLine(a, lang)}`) : c.red.bold(`✖ ${verdictLine(a, lang)}`)));
  const short = report.areas.filter((a) => !a.met).length;
  out.push(short ? c.red.bold(t.someShort(short, report.areas.length)) : c.green.bold(t.allMet(report.areas.length)));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
