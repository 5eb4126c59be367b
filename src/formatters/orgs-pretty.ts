// orgs' terminal output: one line per organisation and area — name (other spellings under it), type, level, area,
// households, how the type was decided (a default guess highlighted) — then the counts and what to do about guesses.
import { Chalk } from 'chalk';
import type { Msg } from '../core/model.js';
import { render } from './catalogue/index.js';
import { grid, tableWidth } from './box-table.js';
import { widthOf, widthOptions, wrapLines, type TerminalLayout } from './layout.js';
import { countOrgs, levelLabel, otherSpellings, shortAreaOf, typeBasis, typeLabel, type OrgsReport } from './orgs-report.js';
import { displayWidth, truncateWidth, wrapWidth } from './text-width.js';

export interface OrgsPrettyOptions extends TerminalLayout {
  color: boolean;
}

/** Column caps tried in turn (name, type, area, basis minimum) until the table fits; narrower, a list. */
const SHAPES = [
  { name: 30, type: 20, area: 22, basis: 24 },
  { name: 20, type: 12, area: 12, basis: 20 },
  { name: 12, type: 12, area: 8, basis: 16 },
] as const;

export function formatOrgsPretty(report: OrgsReport, opts: OrgsPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const say = (id: string, data?: Msg['data']): string => render({ id: id.includes('/') ? id : `orgs-view/${id}`, ...(data ? { data } : {}) }, report.lang);
  const head = ['col-name', 'col-type', 'col-level', 'col-area', 'col-households', 'col-basis'].map((k) => say(k));
  const also = (name: string): string => say('also', { name });
  const o = widthOptions(opts);
  const { width, limited } = widthOf(opts);
  const lines: string[] = [];
  if (report.orgs.length === 0) lines.push(say('none'));
  else {
    const rows = report.orgs.map((org) => ({
      name: org.name,
      also: otherSpellings(org),
      type: typeLabel(org.type, report.lang),
      level: levelLabel(org.level, report.lang),
      area: shortAreaOf(org, report.province),
      households: String(org.households),
      basis: typeBasis(org, report.lang),
      guessed: org.typeSource === 'default',
    }));
    const widest = (vals: string[], min: number, max: number): number => Math.min(max, Math.max(min, ...vals.map((v) => displayWidth(v, o))));
    let widths: number[] | undefined;
    for (const shape of SHAPES) {
      const fixed = [
        widest([head[0], ...rows.map((r) => r.name)], 8, shape.name),
        widest([head[1], ...rows.map((r) => r.type)], 4, shape.type),
        widest([head[2], ...rows.map((r) => r.level)], 4, 10),
        widest([head[3], ...rows.map((r) => r.area)], 4, shape.area),
        widest([head[4], ...rows.map((r) => r.households)], 4, 10),
      ];
      let basisW = Math.min(widest([head[5], ...rows.map((r) => r.basis)], 8, 60), width - tableWidth([...fixed, 0], o));
      if (o.ambiguousWide && basisW % 2) basisW--;
      if (basisW >= shape.basis || !limited) {
        widths = [...fixed, Math.max(basisW, shape.basis)];
        break;
      }
    }
    if (widths) {
      const [nameW, typeW, , areaW, , basisW] = widths as [number, number, number, number, number, number];
      lines.push(
        grid({
          widths,
          head: [head.map((h, i) => ({ lines: [c.bold(h)], align: i === 4 ? ('right' as const) : ('left' as const) }))],
          body: rows.map((r) => [
            { lines: [truncateWidth(r.name, nameW, o), ...r.also.map((a) => c.dim(truncateWidth(also(a), nameW, o)))] },
            { lines: wrapWidth(r.type, typeW, o).map((l) => (r.guessed ? c.yellow(l) : l)) },
            { lines: [r.level] },
            { lines: [truncateWidth(r.area, areaW, o)] },
            { lines: [r.households], align: 'right' },
            { lines: wrapWidth(r.basis, basisW, o).map((l) => (r.guessed ? c.yellow.bold(l) : l)) },
          ]),
          ruleAfter: () => false,
          border: (s) => (c.level > 0 ? c.grey(s) : s),
          ...o,
        }),
      );
    } else {
      // narrow: per organisation its name, then type, level, area and households, then how the type was decided
      for (const r of rows) {
        lines.push(...wrapLines(r.name, opts, '  ').map((l) => c.bold(l)));
        for (const a of r.also) lines.push(...wrapLines(also(a), opts, '    ', '  ').map((l) => c.dim(l)));
        const facts = [r.type, r.level, r.area, say('households', { n: r.households })].join(' · ');
        lines.push(...wrapLines(facts, opts, '    ', '  ').map((l) => (r.guessed ? c.yellow(l) : l)));
        lines.push(...wrapLines(say('basis', { basis: r.basis }), opts, '    ', '  ').map((l) => (r.guessed ? c.yellow.bold(l) : l)));
      }
    }
  }
  const counts = countOrgs(report.orgs);
  lines.push('', ...wrapLines(say('summary', { orgs: counts.orgs, ...counts.byType }), opts));
  if (counts.guessed) lines.push(...wrapLines(say('guessed', { n: counts.guessed }), opts).map((l) => c.yellow(l)));
  for (const p of report.problems) {
    const where = [p.file, p.cell].filter(Boolean).join(' ');
    const label = say(`term/severity-${p.severity}`);
    const text = `${label} ${where ? say('where', { where, message: p.message }) : p.message}`;
    const wrapped = wrapLines(text, opts, '  ');
    wrapped[0] = wrapped[0]!.replace(label, p.severity === 'error' ? c.red.bold(label) : c.yellow(label));
    lines.push(...wrapped);
  }
  return `${lines.join('\n')}\n`;
}
