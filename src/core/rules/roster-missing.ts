// roster-missing: the paired household is on none of the rosters given (建档立卡, 民政 low-income lists) — "扶真贫".
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'roster-missing',
    severity: 'warning',
    description: {
      zh: '结对户不在建档立卡或低收入家庭名单上',
      en: 'The paired household is on none of the rosters',
    },
    messages: {
      zh: {
        missing: '{cell} 户主“{value}”不在名单上（已查：{rosters}）：请核对该户是否为建档立卡户或低收入家庭，或姓名、住址是否写错',
        near: '{cell} 户主“{value}”不在名单上（已查：{rosters}）：同村有{near}，是否写错？',
      },
      en: {
        missing: '{cell}: the head "{value}" is on no roster (searched: {rosters}); check that the household is a registered poor ("建档立卡") or low-income household, or whether the name or address is mistyped',
        near: '{cell}: the head "{value}" is on no roster (searched: {rosters}); the same village has {near} — a typo?',
      },
    },
  },
  create(ctx) {
    const roster = ctx.options.roster;
    if (!roster) return {};
    const rosters = roster.rosters.map((r) => r.file);
    const severity = ctx.options.strict ? 'error' : 'warning';
    return {
      row(row) {
        const found = roster.lookup(row, ctx.register.area);
        if (found.empty || found.match || !row.fields.name?.text.trim()) return;
        const near = (found.near ?? []).map((e) => ({ id: 'term/quoted', data: { text: e.name } }));
        ctx.reportCell(row, 'name', near.length ? 'near' : 'missing', { rosters, ...(near.length ? { near } : {}) }, severity);
      },
    };
  },
});
