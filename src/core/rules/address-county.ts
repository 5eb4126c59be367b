// address-county: a 家庭住址 that names another county, city or province than the register's (warning; error with --strict).
import type { Place } from '../divisions.js';
import { eachAddress, homePlace } from '../address-findings.js';
import { placesMemo } from '../place-memo.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'address-county',
    severity: 'warning',
    description: {
      zh: '家庭住址应在本表所属的县市区（市本级、省本级：在本市州、本省）之内',
      en: "The address should lie in the register's county (for 市本级 and 省本级: in its city or province)",
    },
    messages: {
      zh: {
        elsewhere: '{cell} 家庭住址“{value}”属于 {found}，不在本表所属的 {expected}：请核对地址，或把该户登记到 {found} 的登记表',
      },
      en: {
        elsewhere:
          '{cell}: the address "{value}" is in {found}, not in {expected} where this register belongs; check the address, or enter this household in the register of {found}',
      },
    },
  },
  create(ctx) {
    const idx = ctx.options.divisions;
    const home = idx && homePlace(idx, ctx.register.area);
    if (!idx || !home) return {};
    const expected = idx.label(home);
    const related = (p: Place): boolean => idx.within(p, home) || idx.within(home, p);
    const severity = ctx.options.strict ? 'error' : 'warning';
    const places = placesMemo(idx, ctx.register.area);

    // the most specific place named that is neither inside the register's area nor above it
    const judge = (text: string): string | null => {
      let worst: { rank: number; found: string } | undefined;
      for (const m of places(text)) {
        if (m.level === 'town' || m.places.some(related)) continue;
        const rank = m.level === 'county' ? 2 : m.level === 'city' ? 1 : 0;
        const label = m.places.length === 1 ? idx.label(m.places[0]) : m.text;
        if (!worst || rank > worst.rank) worst = { rank, found: label };
      }
      return worst ? worst.found : null;
    };
    return eachAddress(ctx, idx, judge, (row, found) => ctx.reportCell(row, 'address', 'elsewhere', { found, expected }, severity));
  },
});
