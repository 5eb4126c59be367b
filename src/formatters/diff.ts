// fupin diff: the changes grouped by area for the terminal, as JSON, and as one table for the -o workbook.
import { COLUMN_BY_KEY } from '../core/columns.js';
import type { DiffPlan, FieldChange, PairingDiff, Where } from '../core/diff/diff.js';
import type { Lang } from '../core/model.js';
import { boxTable } from './box-table.js';
import { render } from './catalogue/index.js';
import { displayWidth, wrapWidth } from './text-width.js';

const t = (id: string, lang: Lang, data?: Record<string, string | number>): string => render({ id, ...(data ? { data } : {}) }, lang);

function householdText(h: { name: string; address: string }, lang: Lang): string {
  return h.address ? (lang === 'zh' ? `${h.name}（${h.address}）` : `${h.name} (${h.address})`) : h.name;
}

const at = (w: Where): string => `${w.file} ${w.cell}`;

/** One change as the table shows it: the area it is grouped under, then its cells. */
interface TableRow {
  area: string;
  kind: 'added' | 'removed' | 'changed';
  /** The head of household's name (for the page to find a row by). */
  name: string;
  cells: [kind: string, household: string, org: string, what: string, where: string];
}

/** Every change, in the order: added, removed, changed (each in its version's row order). */
function tableRows(plan: DiffPlan, lang: Lang): TableRow[] {
  const q = (s: string) => (lang === 'zh' ? `“${s}”` : `"${s}"`);
  const pair = (kind: 'added' | 'removed') => (p: PairingDiff): TableRow => ({
    area: p.area,
    kind,
    name: p.household.name,
    cells: [`${kind === 'added' ? '+' : '-'} ${t(`diff/${kind}`, lang)}`, householdText(p.household, lang), p.org, '', t(`diff/at-${kind === 'added' ? 'new' : 'old'}`, lang, { at: at(p.at) })],
  });
  const change = (c: FieldChange): TableRow => ({
    area: c.area,
    kind: 'changed',
    name: c.household.name,
    cells: [`~ ${t('diff/changed', lang)}`, householdText(c.household, lang), c.org, `${c.column}${lang === 'zh' ? '：' : ': '}${q(c.before)} → ${q(c.after)}`, `${t('diff/at-old', lang, { at: at(c.old) })}\n${t('diff/at-new', lang, { at: at(c.new) })}`],
  });
  return [...plan.added.map(pair('added')), ...plan.removed.map(pair('removed')), ...plan.changed.map(change)];
}

/** Column widths for a terminal `width` wide: the household and the change get what is left. */
function widths(rows: TableRow['cells'][], header: string[], width: number): number[] {
  const natural = header.map((h, i) => Math.max(displayWidth(h), ...rows.flatMap((r) => r[i]!.split('\n').map((l) => displayWidth(l)))));
  const frame = 3 * header.length + 1;
  const fixed = [natural[0]!, Math.min(natural[2]!, 20), Math.min(natural[4]!, 28)];
  const rest = Math.max(30, width - frame - fixed[0]! - fixed[1]! - fixed[2]!);
  const household = Math.min(natural[1]!, 30, Math.max(12, rest - 16));
  const what = Math.max(8, Math.min(natural[3]!, rest - household));
  return [fixed[0]!, household, fixed[1]!, what, fixed[2]!];
}

/** What `fupin diff` shows, in words, before any layout: the terminal and the local page both show this. */
export interface DiffSections {
  /** Columns only one version has (not compared). */
  notes: string[];
  header: string[];
  /** The changes per area, in the order areas first appear; each row's cells (a cell may hold a line break). */
  areas: { area: string; rows: Omit<TableRow, 'area'>[] }[];
  /** The last line: what changed, or that nothing did. */
  summary: string;
}

export function diffSections(plan: DiffPlan, lang: Lang): DiffSections {
  const notes: string[] = [];
  for (const col of plan.onlyOld) notes.push(t('diff/column-only', lang, { column: COLUMN_BY_KEY.get(col)!.label, side: t('diff/side-old', lang) }));
  for (const col of plan.onlyNew) notes.push(t('diff/column-only', lang, { column: COLUMN_BY_KEY.get(col)!.label, side: t('diff/side-new', lang) }));
  const header = ['col-kind', 'col-household', 'col-org', 'col-what', 'col-where'].map((k) => t(`diff/${k}`, lang));
  const byArea = new Map<string, Omit<TableRow, 'area'>[]>();
  for (const { area, ...r } of tableRows(plan, lang)) {
    let list = byArea.get(area);
    if (!list) byArea.set(area, (list = []));
    list.push(r);
  }
  const areas = [...byArea].map(([area, rows]) => ({ area: area || t('diff/no-county', lang), rows }));
  const s = plan.summary;
  return { notes, header, areas, summary: areas.length === 0 ? t('diff/nothing', lang, { n: s.new }) : t('diff/summary', lang, { ...s }) };
}

/** The terminal: a table of the changes per area (in the order areas first appear), then the summary. */
export function formatDiffPretty(plan: DiffPlan, lang: Lang, width = 120): string {
  const d = diffSections(plan, lang);
  const out: string[] = [...d.notes];
  if (out.length) out.push('');
  const w = widths(d.areas.flatMap((a) => a.rows.map((r) => r.cells)), d.header, width);
  for (const { area, rows } of d.areas) {
    const cells = rows.map((r) => r.cells.map((c, i) => c.split('\n').flatMap((line) => wrapWidth(line, w[i]!))));
    out.push(area, boxTable(d.header, cells, { widths: w }), '');
  }
  out.push(d.summary);
  return `${out.join('\n')}\n`;
}

/** --format json: {added, removed, changed, summary} (DOMAIN-style keys, paths as given). */
export function formatDiffJson(plan: DiffPlan): string {
  const pairing = (p: PairingDiff) => ({ area: p.area, household: p.household, org: p.org, file: p.at.file, cell: p.at.cell });
  return `${JSON.stringify(
    {
      added: plan.added.map(pairing),
      removed: plan.removed.map(pairing),
      changed: plan.changed,
      notCompared: { old: plan.onlyOld, new: plan.onlyNew },
      summary: plan.summary,
    },
    null,
    2,
  )}\n`;
}

/** -o: one sheet, a row per change. */
export function diffTable(plan: DiffPlan, lang: Lang): { name: string; header: string[]; rows: string[][] } {
  const kind = (k: string) => t(`diff/${k}`, lang);
  const rows: string[][] = [
    ...plan.added.map((p) => [p.area, kind('added'), p.household.name, p.household.address, p.org, '', '', '', '', at(p.at)]),
    ...plan.removed.map((p) => [p.area, kind('removed'), p.household.name, p.household.address, p.org, '', '', '', at(p.at), '']),
    ...plan.changed.map((c) => [c.area, kind('changed'), c.household.name, c.household.address, c.org, c.column, c.before, c.after, at(c.old), at(c.new)]),
  ];
  const header = ['county', 'kind', 'head', 'address', 'org', 'field', 'before', 'after', 'old', 'new'].map((k) => t(`diff/col-${k}`, lang));
  return { name: t('diff/sheet-changes', lang), header, rows };
}
