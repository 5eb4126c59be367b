// orgs' terminal output: one line per organisation and area — name (other spellings under it), type, level, area,
// households, how the type was decided (a default guess highlighted) — then the counts and what to do about guesses.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Severity } from '../core/model.js';
import { countOrgs, levelLabel, otherSpellings, shortAreaOf, typeBasis, typeLabel, type OrgsReport } from './orgs-report.js';
import { displayWidth, truncateWidth, wrapWidth } from './text-width.js';

export interface OrgsPrettyOptions {
  color: boolean;
  width: number;
}

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
      `${k} could not be typed by name and were counted as social service organisations: write a registry with -o orgs.csv, correct its \"类型\" (type) column and keep it at the ledger root (or pass --orgs).`,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
  },
} as const;

export function formatOrgsPretty(report: OrgsReport, opts: OrgsPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = T[report.lang];
  const lines: string[] = [];
  if (report.orgs.length === 0) lines.push(t.none);
  else {
    const rows = report.orgs.map((o) => ({
      name: o.name,
      also: otherSpellings(o),
      type: typeLabel(o.type, report.lang),
      level: levelLabel(o.level, report.lang),
      area: shortAreaOf(o, report.province),
      households: String(o.households),
      basis: typeBasis(o, report.lang),
      guessed: o.typeSource === 'default',
    }));
    const w = (vals: string[], min: number, max: number): number => Math.min(max, Math.max(min, ...vals.map(displayWidth))) + 2;
    const nameW = w([t.head[0], ...rows.map((r) => r.name)], 8, 30);
    const typeW = w([t.head[1], ...rows.map((r) => r.type)], 4, 20);
    const levelW = w([t.head[2], ...rows.map((r) => r.level)], 4, 10);
    const areaW = w([t.head[3], ...rows.map((r) => r.area)], 4, 22);
    const countW = w([t.head[4], ...rows.map((r) => r.households)], 4, 10);
    const used = nameW + typeW + levelW + areaW + countW + 7;
    const basisW = Math.max(24, Math.min(w([t.head[5], ...rows.map((r) => r.basis)], 8, 60), opts.width - used));
    const table = new Table({
      head: t.head.map((h) => c.bold(h)),
      colWidths: [nameW, typeW, levelW, areaW, countW, basisW],
      style: { head: [], border: c.level > 0 ? ['grey'] : [], compact: true },
    });
    for (const r of rows) {
      const name = [truncateWidth(r.name, nameW - 2), ...r.also.map((s) => c.dim(truncateWidth(`${t.also}${s}`, nameW - 2)))].join('\n');
      const basis = wrapWidth(r.basis, basisW - 2).join('\n');
      table.push([
        name,
        r.guessed ? c.yellow(r.type) : r.type,
        r.level,
        truncateWidth(r.area, areaW - 2),
        { content: r.households, hAlign: 'right' },
        r.guessed ? c.yellow.bold(basis) : basis,
      ]);
    }
    lines.push(table.toString());
  }
  const counts = countOrgs(report.orgs);
  lines.push('', t.summary(counts));
  if (counts.guessed) lines.push(c.yellow(t.guessed(counts.guessed)));
  for (const p of report.problems) {
    const where = [p.file, p.cell].filter(Boolean).join(' ');
    const label = p.severity === 'error' ? c.red.bold(t.severity[p.severity]) : c.yellow(t.severity[p.severity]);
    lines.push(`${label} ${where ? `${where}：` : ''}${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
