// quota's default output: per area a 要求 / 实际 / 差额 table, then organisations short of guidance, the demonstration site, the table's own faults, one verdict per area.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../core/model.js';
import { formatRange, quotaText, type AreaReport, type QuotaReport, type Requirement } from '../core/quota/index.js';
import { fitTable } from './box-table.js';
import { markersOf, widthOf, widthOptions, wrapLines, type Markers, type TerminalLayout } from './layout.js';

export interface QuotaPrettyOptions extends TerminalLayout {
  color: boolean;
  lang: Lang;
}

const T = {
  zh: {
    heading: (name: string, year?: number) => `按${year ? ` ${year} 年` : ''}《${name}》核对任务下限`,
    custom: (origin: string) => `任务表：${origin}`,
    builtIn: '任务表：内置（湘慈办发〔2016〕6号 附4）',
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
    builtIn: 'quota table: built-in (湘慈办发[2016]6号, annex 4)',
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

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

/** The layout `by` columns narrower (for a block indented by that much). */
function narrower(layout: TerminalLayout, by: number): TerminalLayout {
  const { width, limited } = widthOf(layout);
  return { ...layout, width: limited ? width - by : undefined };
}

/** A table fitted to the layout's width (no limit when it is not a terminal). */
function table(header: string[], rows: string[][], layout: TerminalLayout, c: ChalkInstance, min: number[], align: ('left' | 'right')[], paint?: (r: number, col: number, s: string) => string): string {
  const { width, limited } = widthOf(layout);
  return fitTable(
    header,
    rows,
    { width: limited ? width : undefined, min, align, head: (s) => c.bold(s), ...(c.level > 0 ? { border: (s: string) => c.grey(s) } : {}), ...widthOptions(layout) },
    paint,
  );
}

/** A message wrapped to the width, with a mark on its first line. */
function item(mark: string, text: string, layout: TerminalLayout): string {
  return wrapLines(text, layout, '  ', `${mark} `).join('\n');
}

function verdictLine(a: AreaReport, lang: Lang): string {
  const t = T[lang];
  const short = a.requirements.filter((r) => !r.met);
  if (short.length === 0) return t.verdictMet(a.area);
  return t.verdictShort(a.area, short.length, short.map((r) => t.detail(r.label[lang], r.shortfall)).join(t.sep));
}

function areaBlock(a: AreaReport, lang: Lang, c: ChalkInstance, layout: TerminalLayout, mk: Markers): string {
  const t = T[lang];
  const mark = a.met ? c.green(mk.ok) : c.red(mk.error);
  const heading = `${mark} ${c.bold(a.area)}${a.unit !== a.area && !(a.level === 'province') ? c.dim(t.tableUnit(a.unit)) : ''}`;
  const rows = a.requirements.map((r) => [
    r.label[lang],
    requiredText(r),
    String(r.actual),
    r.met ? '0' : String(r.shortfall),
    !r.met ? t.short : r.over ? t.over(r.upper!) : t.met,
  ]);
  const paint = (i: number, col: number, s: string): string => {
    const r = a.requirements[i]!;
    if (!r.met) return col === 1 ? s : c.red.bold(s);
    if (col === 3) return c.dim(s);
    if (col === 4) return r.over ? c.cyan(s) : c.green(s);
    return s;
  };
  const inner = narrower(layout, 2);
  const out = [heading, indent(table([t.item, t.required, t.actual, t.shortfall, t.result], rows, inner, c, [8, 4, 4, 4, 6], ['left', 'right', 'right', 'right', 'left'], paint))];
  // the over-the-upper-end notes are already in the result column
  const overTexts = new Set(
    a.requirements.filter((r) => r.over).map((r) => quotaText('req-over-info', { label: r.label, actual: r.actual, upper: r.upper })[lang]),
  );
  for (const n of a.notes) if (!overTexts.has(n[lang])) out.push(indent(c.dim(item(mk.info, n[lang], inner))));
  return out.join('\n');
}

export function formatQuotaPretty(report: QuotaReport, opts: QuotaPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = opts.lang;
  const t = T[lang];
  const layout: TerminalLayout = opts;
  const mk = markersOf(layout);
  const inner = narrower(layout, 2);
  const out: string[] = [];

  out.push(...wrapLines(t.heading(report.table.name, report.table.year), layout).map((l) => c.bold(l)));
  out.push(...wrapLines(report.table.origin === 'built-in' ? t.builtIn : t.custom(report.table.origin), layout).map((l) => c.dim(l)));
  out.push('');

  for (const a of report.areas) {
    out.push(areaBlock(a, lang, c, layout, mk));
    out.push('');
  }

  // organisations short of their guidance
  if (report.orgChecks === 'done') {
    const short = report.orgFindings.filter((o) => o.kind === 'short');
    const over = report.orgFindings.filter((o) => o.kind === 'over');
    if (short.length) {
      out.push(c.yellow.bold(item(mk.warning, t.orgsShort(short.length), layout)));
      const rows = short.map((o) => {
        const where = o.county ? `${o.city ?? ''}${o.county}` : o.level === 'province' ? '省本级' : `${o.city ?? o.area}本级`;
        return [o.name, `${t.level[o.level]}${lang === 'en' ? ' ' : ''}${t.type[o.type]}`, where, String(o.households), formatRange(o.guidance), String(o.shortfall)];
      });
      const paint = (_r: number, col: number, s: string): string => (col === 5 ? c.yellow(s) : s);
      out.push(indent(table([...t.orgCols], rows, inner, c, [10, 6, 6, 4, 4, 2], ['left', 'left', 'left', 'right', 'right', 'right'], paint)));
    } else {
      out.push(`${c.green(mk.ok)} ${t.orgsNone}`);
    }
    if (over.length) out.push(c.dim(item(mk.info, t.orgsOver(over.length), layout)));
    out.push('');
  }

  // households outside the demonstration site
  if (report.demoChecks === 'done' && report.demoSite.length) {
    const site = report.demoSite[0]!.site;
    out.push(c.bold(t.demo(`${site.city}${site.county}`)));
    for (const d of report.demoSite) {
      if (d.met) {
        out.push(indent(item(c.green(mk.ok), d.message[lang], inner)));
        continue;
      }
      const head = lang === 'zh' ? `${d.area} 有 ${d.outside.length} 户不在示范点` : `${d.area}: ${d.outside.length} household(s) outside the site`;
      out.push(indent(item(c.yellow(mk.warning), head, inner)));
      const rows = d.outside.map((h) => [h.name, h.address, `${h.file ?? ''}${h.cell ? ` ${h.cell}` : ''}`]);
      out.push(indent(table([...t.demoCols], rows, narrower(layout, 4), c, [4, 12, 8], ['left', 'left', 'left']), '    '));
    }
    out.push('');
  }

  // the table's own faults
  if (report.tableFaults.length) {
    out.push(c.yellow.bold(item(mk.warning, t.faults(report.tableFaults.length), layout)));
    for (const f of report.tableFaults) out.push(indent(item('-', f.message[lang], inner)));
  } else {
    out.push(`${c.green(mk.ok)} ${t.faultsNone}`);
  }
  out.push('');

  if (report.notes.length) {
    out.push(c.dim(t.notes));
    for (const n of report.notes) out.push(indent(c.dim(item(mk.info, n[lang], inner))));
    out.push('');
  }

  // one verdict per area, then the whole
  out.push(c.bold(t.verdicts));
  for (const a of report.areas) {
    const text = item(a.met ? mk.ok : mk.error, verdictLine(a, lang), inner);
    out.push(indent(a.met ? c.green(text) : c.red.bold(text)));
  }
  const short = report.areas.filter((a) => !a.met).length;
  out.push(...wrapLines(short ? t.someShort(short, report.areas.length) : t.allMet(report.areas.length), layout).map((l) => (short ? c.red.bold(l) : c.green.bold(l))));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
