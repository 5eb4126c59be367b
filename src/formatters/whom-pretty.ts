// The rollup's roster and focus sections as text: listed / paired / not listed, villages with unpaired households, and per
// focus category the places helped and the places nobody helps.
import type { Lang } from '../core/model.js';
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
    for (const x of fo.unresolved) out.push(`  ${r(`focus/unresolved-${x.what}`, { place: x.place, category: x.category })}`);
  }
  return out;
}
