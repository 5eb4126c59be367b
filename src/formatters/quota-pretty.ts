// quota's default output: per area a 要求 / 实际 / 差额 table, then organisations short of guidance, the demonstration site, the table's own faults, one verdict per area.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang, Msg } from '../core/model.js';
import { formatRange, type AreaReport, type QuotaReport, type Requirement } from '../core/quota/index.js';
import { render } from './catalogue/index.js';
import { fitTable } from './box-table.js';
import { markersOf, widthOf, widthOptions, wrapLines, type Markers, type TerminalLayout } from './layout.js';

export interface QuotaPrettyOptions extends TerminalLayout {
  color: boolean;
  lang: Lang;
}

/** The report's words in `lang` (quota-view/…). */
function sayer(lang: Lang): (id: string, data?: Msg['data']) => string {
  return (id, data) => render({ id: id.includes('/') ? id : `quota-view/${id}`, ...(data ? { data } : {}) }, lang);
}

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
  const say = sayer(lang);
  const short = a.requirements.filter((r) => !r.met);
  if (short.length === 0) return say('verdict-met', { area: a.area });
  // the labels have commas of their own ("charity system, own level"): the details are set apart more strongly
  const details = short.map((r) => say('quota/req-short-detail', { label: r.label, shortfall: r.shortfall })).join(say('detail-sep'));
  return say('verdict-short', { area: a.area, count: short.length, details });
}

function areaBlock(a: AreaReport, lang: Lang, c: ChalkInstance, layout: TerminalLayout, mk: Markers): string {
  const say = sayer(lang);
  const mark = a.met ? c.green(mk.ok) : c.red(mk.error);
  const heading = `${mark} ${c.bold(a.area)}${a.unit !== a.area && !(a.level === 'province') ? c.dim(say('table-unit', { unit: a.unit })) : ''}`;
  const rows = a.requirements.map((r) => [
    render(r.label, lang),
    requiredText(r),
    String(r.actual),
    r.met ? '0' : String(r.shortfall),
    !r.met ? say('short') : r.over ? say('over', { upper: r.upper! }) : say('met'),
  ]);
  const paint = (i: number, col: number, s: string): string => {
    const r = a.requirements[i]!;
    if (!r.met) return col === 1 ? s : c.red.bold(s);
    if (col === 3) return c.dim(s);
    if (col === 4) return r.over ? c.cyan(s) : c.green(s);
    return s;
  };
  const inner = narrower(layout, 2);
  const head = ['item', 'required', 'actual', 'shortfall', 'result'].map((k) => say(k));
  const out = [heading, indent(table(head, rows, inner, c, [8, 4, 4, 4, 6], ['left', 'right', 'right', 'right', 'left'], paint))];
  // the over-the-upper-end notes are already in the result column
  for (const n of a.notes) if (n.id !== 'quota/req-over-info') out.push(indent(c.dim(item(mk.info, render(n, lang), inner))));
  return out.join('\n');
}

export function formatQuotaPretty(report: QuotaReport, opts: QuotaPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = opts.lang;
  const say = sayer(lang);
  const layout: TerminalLayout = opts;
  const mk = markersOf(layout);
  const inner = narrower(layout, 2);
  const out: string[] = [];

  const tbl = report.table;
  out.push(...wrapLines(say(tbl.year ? 'heading-year' : 'heading', { name: tbl.name, ...(tbl.year ? { year: tbl.year } : {}) }), layout).map((l) => c.bold(l)));
  const origin = tbl.origin === 'built-in' ? say('built-in', { province: tbl.province, source: tbl.source ?? tbl.name }) : say('custom', { origin: tbl.origin });
  out.push(...wrapLines(origin, layout).map((l) => c.dim(l)));
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
      out.push(c.yellow.bold(item(mk.warning, say('orgs-short', { n: short.length }), layout)));
      const rows = short.map((o) => {
        const where = o.county ? `${o.city ?? ''}${o.county}` : o.level === 'province' ? say('term/province-level') : say('term/city-level-of', { city: o.city ?? o.area });
        const levelType = say('level-type', { level: { id: `term/level-${o.level}` }, type: { id: `quota-view/org-type-${o.type}` } });
        return [o.name, levelType, where, String(o.households), formatRange(o.guidance), String(o.shortfall)];
      });
      const paint = (_r: number, col: number, s: string): string => (col === 5 ? c.yellow(s) : s);
      out.push(indent(table(['col-org', 'col-level-type', 'col-area', 'col-households', 'col-guidance', 'col-short'].map((k) => say(k)), rows, inner, c, [10, 6, 6, 4, 4, 2], ['left', 'left', 'left', 'right', 'right', 'right'], paint)));
    } else {
      out.push(`${c.green(mk.ok)} ${say('orgs-none')}`);
    }
    if (over.length) out.push(c.dim(item(mk.info, say('orgs-over', { n: over.length }), layout)));
    out.push('');
  }

  // households outside the demonstration site
  if (report.demoChecks === 'done' && report.demoSite.length) {
    const site = report.demoSite[0]!.site;
    out.push(c.bold(say('demo', { site: `${site.city}${site.county}` })));
    for (const d of report.demoSite) {
      if (d.met) {
        out.push(indent(item(c.green(mk.ok), render(d.message, lang), inner)));
        continue;
      }
      const head = say('demo-outside', { area: d.area, n: d.outside.length });
      out.push(indent(item(c.yellow(mk.warning), head, inner)));
      const rows = d.outside.map((h) => [h.name, h.address, `${h.file ?? ''}${h.cell ? ` ${h.cell}` : ''}`]);
      out.push(indent(table(['col-household', 'col-address', 'col-where'].map((k) => say(k)), rows, narrower(layout, 4), c, [4, 12, 8], ['left', 'left', 'left']), '    '));
    }
    out.push('');
  }

  // the table's own faults
  if (report.tableFaults.length) {
    out.push(c.yellow.bold(item(mk.warning, say('faults', { n: report.tableFaults.length }), layout)));
    for (const f of report.tableFaults) out.push(indent(item('-', render(f.message, lang), inner)));
  } else {
    out.push(`${c.green(mk.ok)} ${say('faults-none')}`);
  }
  out.push('');

  if (report.notes.length) {
    out.push(c.dim(say('notes')));
    for (const n of report.notes) out.push(indent(c.dim(item(mk.info, render(n, lang), inner))));
    out.push('');
  }

  // one verdict per area, then the whole
  out.push(c.bold(say('verdicts')));
  for (const a of report.areas) {
    const text = item(a.met ? mk.ok : mk.error, verdictLine(a, lang), inner);
    out.push(indent(a.met ? c.green(text) : c.red.bold(text)));
  }
  const short = report.areas.filter((a) => !a.met).length;
  out.push(...wrapLines(short ? say('some-short', { short, n: report.areas.length }) : say('all-met', { n: report.areas.length }), layout).map((l) => (short ? c.red.bold(l) : c.green.bold(l))));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
