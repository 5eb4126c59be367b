// address-township: in a county register, the 乡/镇/街道 an address names should be one of the county's townships today (warning).
import type { County, PlaceMatch } from '../divisions.js';
import { eachAddress, homePlace } from '../address-findings.js';
import { placesMemo } from '../place-memo.js';
import { defineRule } from './rule.js';

/** A township token: up to 6 Han characters, no village or street words, ending in 乡/镇/街道. */
const TOKEN = /^(?:(?!村|组|社区|居委|小区|路|巷|号|县|市|区)\p{Script=Han}){1,6}?(?:乡|镇|街道)/u;
const TOWN_SUFFIX = /(?:乡|镇|街道)$/u;
const NOT_HAN = /^[^\p{Script=Han}]*/u;
/** What follows a 乡/镇 that belongs to a longer name (星镇村, 东山镇社区, 橙乡路). */
const PART_OF_NAME = /^(?:村|社区|居委|组|路|街|铺|场|巷|号|园|小区)/u;

export default defineRule({
  meta: {
    id: 'address-township',
    severity: 'warning',
    description: {
      zh: '县市区登记表中，家庭住址里的乡镇（街道）应是本县现有的乡镇（街道）',
      en: "In a county register, the township (乡/镇/街道) of an address should be one of the county's townships today",
    },
    messages: {
      zh: {
        unknown:
          '{cell} 家庭住址“{value}”中的“{town}”不在 {county} 现有的乡镇（街道）名录中：可能已撤并，请核对，写明该户现在所属的乡镇（街道）',
        renamed:
          '{cell} 家庭住址“{value}”中的“{town}”在 {county} 现有名录中是“{current}”：可能已撤乡设镇或改设街道，请核对后改为“{current}”',
        elsewhere:
          '{cell} 家庭住址“{value}”中的“{town}”不在 {county} 现有的乡镇（街道）名录中，而在 {others}：可能已撤并，或该户不属本县，请核对',
      },
      en: {
        unknown:
          "{cell}: \"{town}\" in the address \"{value}\" is not among {county}'s townships today; it may have been merged (\"可能已撤并\"): check it and write the household's current township",
        renamed:
          '{cell}: "{town}" in the address "{value}" is "{current}" in {county}\'s list today; the township may have become a town or sub-district: check it and write "{current}"',
        elsewhere:
          "{cell}: \"{town}\" in the address \"{value}\" is not among {county}'s townships today but is in {others}; it may have been merged, or the household is not in this county: check it",
      },
    },
  },
  create(ctx) {
    const idx = ctx.options.divisions;
    if (!idx || ctx.register.area.level !== 'county') return {};
    const home = homePlace(idx, ctx.register.area);
    if (!home || home.level !== 'county') return {};
    const county: County = home;
    const countyLabel = idx.label(county);
    const related = (m: PlaceMatch): boolean => m.places.some((p) => idx.within(p, county) || idx.within(county, p));

    // the finding depends only on the address key (place-memo.ts): remembered, as is placesIn, for the next address with that key
    const places = placesMemo(idx, ctx.register.area);

    const judge = (text: string): Finding | null => {
      const matches = places(text);
      // another county or city named: that is address-county's finding, not a township question
      if (matches.some((m) => m.level !== 'town' && !related(m))) return null;

      // the township comes right after the leading 省/市/县 names, or at the start
      let at = 0;
      for (const m of matches) {
        if (m.level === 'town' || NOT_HAN.exec(text.slice(at, m.index))![0].length !== m.index - at) break;
        at = m.index + m.text.length;
      }
      at += NOT_HAN.exec(text.slice(at))![0].length;

      const known = matches.find((m) => m.level === 'town' && m.index === at);
      if (known && known.places.some((p) => idx.within(p, county))) return null;
      const town = known?.text ?? TOKEN.exec(text.slice(at))?.[0];
      if (!town || idx.hasTown(county, town)) return null;
      // 星镇村, 大杨镇社区, 麻塘集镇: a village or market named with 乡/镇, not a township
      if (PART_OF_NAME.test(text.slice(at + town.length))) return null;
      if (!known && (town.length < 3 || /(?:集镇|圩镇)$/u.test(town))) return null;

      const base = town.replace(TOWN_SUFFIX, '');
      const current = county.towns.find((t) => t !== town && t.replace(TOWN_SUFFIX, '') === base);
      if (current) return { messageId: 'renamed', data: { town, county: countyLabel, current } };
      const others = county.city.counties.filter((k) => k !== county && idx.hasTown(k, town));
      if (others.length > 0) return { messageId: 'elsewhere', data: { town, county: countyLabel, others: others.map((k) => k.name) } };
      return { messageId: 'unknown', data: { town, county: countyLabel } };
    };

    return eachAddress(ctx, idx, judge, (row, finding) => ctx.reportCell(row, 'address', finding.messageId, { ...finding.data }));
  },
});

/** What an address says about its township: the message and its data (the same for every address with one key). */
interface Finding {
  messageId: 'unknown' | 'renamed' | 'elsewhere';
  data: Record<string, string | string[]>;
}
