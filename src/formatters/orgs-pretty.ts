// orgs' terminal output: one line per organisation and area — name (other spellings under it), type, level, area,
// households, how the type was decided (a default guess highlighted) — then the counts and what to do about guesses.
import { Chalk } from 'chalk';
import type { Severity } from '../core/model.js';
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

const T = {
  zh: {
    head: ['单位名称', '类型', '层级', '地区', '户数', '类型依据'],
    also: '另写作：',
    none: '没有找到任何帮扶单位。',
    summary: (n: ReturnType<typeof countOrgs>) =>
      `共 ${n.orgs} 个帮扶单位（慈善系统 ${n.byType.charity} 个，基金会 ${n.byType.foundation} 个，社会服务机构 ${n.byType.social} 个）。`,
    guessed: (k: number) =>
      `其中 ${k} 个无法按名称判断类型，已按社会服务机构计：请用 -o orgs.csv 写出单位名录，改正“类型”一栏后放在台帐根目录（或用 --orgs 指定）。`,
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  },
  en: {
    head: ['Organisation', 'Type', 'Level', 'Area', 'Homes', 'Type decided by'],
    also: 'also written: ',
    none: 'No organisations found.',
    summary: (n: ReturnType<typeof countOrgs>) =>
      `${n.orgs} organisations (${n.byType.charity} charity system, ${n.byType.foundation} foundations, ${n.byType.social} social service organisations).`,
    guessed: (k: number) =>
      `${k} could not be typed by name and were counted as social service organisations: write a registry with -o orgs.csv, correct its 类型 column and keep it at the ledger root (or pass --orgs).`,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
  },
} as const;

export function formatOrgsPretty(report: OrgsReport, opts: OrgsPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = T[report.lang];
  const o = widthOptions(opts);
  const { width, limited } = widthOf(opts);
  const lines: string[] = [];
  if (report.orgs.length === 0) lines.push(t.none);
  else {
    const rows = report.orgs.map((org) => ({
      name: org.name,
      also: otherSpellings(org),
      type: typeLabel(org.type, report.lang),
      level: levelLabel(org.level, report.lang),
      area: shortAreaOf(org),
      households: String(org.households),
      basis: typeBasis(org, report.lang),
      guessed: org.typeSource === 'default',
    }));
    const widest = (vals: string[], min: number, max: number): number => Math.min(max, Math.max(min, ...vals.map((v) => displayWidth(v, o))));
    let widths: number[] | undefined;
    for (const shape of SHAPES) {
      const fixed = [
        widest([t.head[0], ...rows.map((r) => r.name)], 8, shape.name),
        widest([t.head[1], ...rows.map((r) => r.type)], 4, shape.type),
        widest([t.head[2], ...rows.map((r) => r.level)], 4, 10),
        widest([t.head[3], ...rows.map((r) => r.area)], 4, shape.area),
        widest([t.head[4], ...rows.map((r) => r.households)], 4, 10),
      ];
      let basisW = Math.min(widest([t.head[5], ...rows.map((r) => r.basis)], 8, 60), width - tableWidth([...fixed, 0], o));
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
          head: [t.head.map((h, i) => ({ lines: [c.bold(h)], align: i === 4 ? ('right' as const) : ('left' as const) }))],
          body: rows.map((r) => [
            { lines: [truncateWidth(r.name, nameW, o), ...r.also.map((a) => c.dim(truncateWidth(`${t.also}${a}`, nameW, o)))] },
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
        for (const a of r.also) lines.push(...wrapLines(`${t.also}${a}`, opts, '    ', '  ').map((l) => c.dim(l)));
        const facts = [r.type, r.level, r.area, `${t.head[4]} ${r.households}`].join(' · ');
        lines.push(...wrapLines(facts, opts, '    ', '  ').map((l) => (r.guessed ? c.yellow(l) : l)));
        lines.push(...wrapLines(`${t.head[5]}${report.lang === 'zh' ? '：' : ': '}${r.basis}`, opts, '    ', '  ').map((l) => (r.guessed ? c.yellow.bold(l) : l)));
      }
    }
  }
  const counts = countOrgs(report.orgs);
  lines.push('', ...wrapLines(t.summary(counts), opts));
  if (counts.guessed) lines.push(...wrapLines(t.guessed(counts.guessed), opts).map((l) => c.yellow(l)));
  for (const p of report.problems) {
    const where = [p.file, p.cell].filter(Boolean).join(' ');
    const label = t.severity[p.severity];
    const text = `${label} ${where ? `${where}：` : ''}${p.message}`;
    const wrapped = wrapLines(text, opts, '  ');
    wrapped[0] = wrapped[0]!.replace(label, p.severity === 'error' ? c.red.bold(label) : c.yellow(label));
    lines.push(...wrapped);
  }
  return `${lines.join('\n')}\n`;
}
