// orgs --format json: every organisation with its type, how the type was decided, level, area and households; a summary.
import { areaOf, countOrgs, type OrgsReport } from './orgs-report.js';
import { TYPE_LABEL } from '../core/orgs.js';
import { render } from './catalogue/index.js';

export function formatOrgsJson(report: OrgsReport): string {
  const counts = countOrgs(report.orgs);
  const doc = {
    orgs: report.orgs.map((o) => ({
      name: o.name,
      spellings: o.spellings,
      type: o.type,
      typeLabel: TYPE_LABEL[o.type],
      typeSource: o.typeSource,
      ...(o.typeDetail !== undefined ? { typeDetail: render(o.typeDetail, report.lang) } : {}),
      level: o.level,
      ...(o.city !== undefined ? { city: o.city } : {}),
      ...(o.county !== undefined ? { county: o.county } : {}),
      area: areaOf(o, report.province),
      households: o.households,
    })),
    summary: { orgs: counts.orgs, listings: counts.listings, ...counts.byType, guessed: counts.guessed },
    ...(report.problems.length ? { problems: report.problems } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
