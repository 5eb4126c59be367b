// fupin diff: the changes grouped by area for the terminal, as JSON, and as one table for the -o workbook.
import { COLUMN_BY_KEY } from '../core/columns.js';
import type { DiffPlan, FieldChange, PairingDiff, Where } from '../core/diff/diff.js';
import type { Lang } from '../core/model.js';
import { render } from './catalogue/index.js';

const t = (id: string, lang: Lang, data?: Record<string, string | number>): string => render({ id, ...(data ? { data } : {}) }, lang);

function householdText(h: { name: string; address: string }, lang: Lang): string {
  return h.address ? (lang === 'zh' ? `${h.name}（${h.address}）` : `${h.name} (${h.address})`) : h.name;
}

const at = (w: Where): string => `${w.file} ${w.cell}`;

type Line = { area: string; text: string };

/** Every change as one line, in the order: added, removed, changed (each in its version's row order). */
function lines(plan: DiffPlan, lang: Lang): Line[] {
  const pair = (kind: 'added' | 'removed') => (p: PairingDiff): Line => ({ area: p.area, text: t(`diff/line-${kind}`, lang, { household: householdText(p.household, lang), org: p.org, cell: at(p.at) }) });
  const change = (c: FieldChange): Line => ({
    area: c.area,
    text: t('diff/line-changed', lang, { household: householdText(c.household, lang), org: c.org, field: c.column, before: c.before, after: c.after, old: at(c.old), new: at(c.new) }),
  });
  return [...plan.added.map(pair('added')), ...plan.removed.map(pair('removed')), ...plan.changed.map(change)];
}

/** The terminal: the changes grouped by area (in the order areas first appear), then the summary. */
export function formatDiffPretty(plan: DiffPlan, lang: Lang): string {
  const byArea = new Map<string, string[]>();
  for (const l of lines(plan, lang)) {
    let list = byArea.get(l.area);
    if (!list) byArea.set(l.area, (list = []));
    list.push(l.text);
  }
  const out: string[] = [];
  for (const col of plan.onlyOld) out.push(t('diff/column-only', lang, { column: COLUMN_BY_KEY.get(col)!.label, side: t('diff/side-old', lang) }));
  for (const col of plan.onlyNew) out.push(t('diff/column-only', lang, { column: COLUMN_BY_KEY.get(col)!.label, side: t('diff/side-new', lang) }));
  if (out.length) out.push('');
  for (const [area, list] of byArea) out.push(area || t('diff/no-county', lang), ...list.map((x) => `  ${x}`), '');
  const s = plan.summary;
  out.push(byArea.size === 0 ? t('diff/nothing', lang, { n: s.new }) : t('diff/summary', lang, { ...s }));
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
