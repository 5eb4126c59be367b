// org-type-guess: an organisation no 类型 column, orgs.csv entry or name rule could type is counted as 社会服务机构 — say so once.
import type { RegisterRow } from '../model.js';
import { orgIdentity } from '../household.js';
import { normText, orgKey } from '../normalize.js';
import { classifyOrg, parseTypeText } from '../orgs.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'org-type-guess',
    severity: 'warning',
    description: {
      zh: '每个扶贫单位的类型（慈善系统、基金会、社会服务机构）须能确定',
      en: 'Every organisation has a known type (charity system, foundation, social service organisation)',
    },
    messages: {
      zh: {
        unknown:
          '{cell} 无法判断“{name}”是慈善系统、基金会还是社会服务机构，已按社会服务机构（民非）计数：请在 orgs.csv 中添加一行“{name},类型”，类型填 慈善系统、基金会 或 社会服务机构',
        'type-text': '{cell} 类型“{value}”无法识别：请填 慈善系统、基金会 或 社会服务机构',
      },
      en: {
        unknown:
          '{cell}: fupin cannot tell whether "{name}" is a charity federation, a foundation or a social service organisation, and counted it as the last; add a line "{name},type" to orgs.csv with "慈善系统", "基金会" or "社会服务机构"',
        'type-text': '{cell}: type "{value}" is not one fupin knows; type "慈善系统", "基金会" or "社会服务机构"',
      },
    },
  },
  create(ctx) {
    // Per organisation (by orgKey): its first row, and whether any of its rows names a type fupin can read.
    const orgs = new Map<string, { first: RegisterRow; name: string; typed: boolean }>();
    return {
      row(row) {
        const name = row.fields.org?.text ?? '';
        const key = ctx.facts ? (ctx.facts.orgKey(row) ?? '') : orgIdentity(name, ctx.options.divisions);
        if (!key) return;
        const typeText = row.fields.orgType?.text ?? '';
        const typed = parseTypeText(typeText) !== undefined;
        if (!typed && orgKey(typeText) !== '') ctx.reportCell(row, 'orgType', 'type-text');
        const seen = orgs.get(key);
        if (seen) seen.typed ||= typed;
        else orgs.set(key, { first: row, name: normText(name), typed });
      },
      end() {
        for (const { first, name, typed } of orgs.values()) {
          if (typed) continue;
          const decision = classifyOrg(name, { registry: ctx.options.registry });
          if (decision.source === 'default') ctx.reportCell(first, 'org', 'unknown', { name });
        }
      },
    };
  },
});
