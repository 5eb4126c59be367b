// The rollup's roster and focus sections as text: listed / paired / not listed, villages with unpaired households, and per
// focus category the places helped and the places nobody helps.
import type { Lang, Msg } from '../core/model.js';
import { render } from './catalogue/index.js';
import type { RollupReport } from './rollup-report.js';

/** Villages listed in the text at most (JSON and -o have them all). */
const MAX_GAPS = 20;

export function whomLines(report: RollupReport, bold: (s: string) => string): string[] {
  const lang: Lang = report.lang;
  const r = (id: string, data?: Record<string, unknown>): string => render({ id, ...(data ? { data: data as never } : {}) }, lang);
  const out: string[] = [];
  const ro = report.rosters;
  if (ro) {
    out.push('', bold(r('roster/section', { rosters: ro.rosters.map((x) => x.file) })));
    out.push(`  ${r('roster/listed', { n: ro.listed })}`, `  ${r('roster/listed-paired', { n: ro.listedPaired })}`, `  ${r('roster/paired-not-listed', { n: ro.pairedNotListed })}`);
    if (ro.gaps.length === 0) out.push(`  ${r('roster/no-gaps')}`);
    for (const g of ro.gaps.slice(0, MAX_GAPS)) out.push(`  ${r('roster/gap', { place: g.county + g.place, listed: g.listed, unpaired: g.unpaired })}`);
    if (ro.gaps.length > MAX_GAPS) out.push(`  ${r('roster/more-gaps', { n: ro.gaps.length - MAX_GAPS })}`);
  }
  const fo = report.focus;
  if (fo) {
    out.push('', bold(r('focus/section', { sources: fo.sources })));
    for (const u of fo.unhelped) {
      const rows = fo.rows.filter((x) => x.category === u.category);
      const helped = rows.filter((x) => x.households > 0);
      out.push(`  ${r('focus/category', { category: u.category, helped: helped.length, total: rows.length })}`);
      if (u.places.length) out.push(`  ${r('focus/unhelped', { places: u.places })}`);
    }
    for (const x of fo.unresolved) out.push(`  ${r(`focus/unresolved-${x.what}`, { where: focusWhere(x, fo.sources), place: x.place, category: x.category })}`);
    for (const x of fo.skipped) {
      const why: Msg =
        x.why !== 'duplicate'
          ? { id: `focus/why-${x.why}`, data: { place: x.place, category: x.category } }
          : x.first !== undefined
            ? { id: 'focus/why-duplicate', data: { first: x.first, place: x.place, category: x.category } }
            : { id: 'focus/why-duplicate-elsewhere', data: { place: x.place, category: x.category } };
      out.push(`  ${r('focus/skipped', { where: focusWhere(x, fo.sources), why })}`);
    }
  }
  return out;
}

/** Where a focus list row is: its file and row, else its file, else the list's source (a built-in list). */
export function focusWhere(x: { file?: string; row?: number }, sources: readonly string[]): Msg {
  if (x.file !== undefined && x.row !== undefined) return { id: 'focus/where-row', data: { file: x.file, row: x.row } };
  return { id: 'focus/where-file', data: { file: x.file ?? sources.join('、') } };
}
