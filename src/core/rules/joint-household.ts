// joint-household: one household helped by two or more organisations (联合帮扶) — allowed, shown as information.
//
// Reported once per household, at the 户主姓名 cell of the row where its second organisation appears,
// naming every organisation that helps it (gathered over the whole register) and the first row.
import type { RegisterRow } from '../model.js';
import { detach } from '../household.js';
import { compact, normText } from '../normalize.js';
import { RowFacts } from '../row-facts.js';
import { defineRule } from './rule.js';

interface Seen {
  firstRow: number;
  /** The first organisation's key and its name as written (normalised when reported). */
  org: string;
  orgText: string;
  /** Display names by org key, in order of appearance: made when a second organisation appears. */
  orgs?: Map<string, string>;
  /** The row where the second organisation appeared. */
  secondRow?: RegisterRow;
}

export default defineRule({
  meta: {
    id: 'joint-household',
    severity: 'info',
    description: {
      zh: '同一户由多个单位联合帮扶',
      en: 'A household helped by several organisations (joint help)',
    },
    messages: {
      zh: {
        joint:
          '{cell} “{name}”一户由 {count} 个单位联合帮扶：{orgs}（首次登记在第 {first} 行）。这是允许的，统计扶贫户数时只算一户；如不是同一户，请把家庭住址写完整',
      },
      en: {
        joint:
          '{cell}: the household of "{name}" is helped jointly by {count} organisations: {orgs} (first registered in row {first}). This is allowed and counts as one household; if they are different households, write the full address',
      },
    },
  },
  create(ctx) {
    const facts = ctx.facts ?? new RowFacts(ctx.options.divisions, ctx.register.area);
    const seen = new Map<string, Seen>();
    return {
      row(row) {
        const org = facts.orgKey(row);
        const household = facts.householdId(row);
        if (org === undefined || household === undefined) return;
        const s = seen.get(household);
        if (!s) {
          seen.set(household, { firstRow: row.row, org, orgText: detach(row.fields.org?.text ?? '') });
          return;
        }
        if (s.org === org) return;
        if (!s.orgs) {
          s.orgs = new Map([[s.org, normText(s.orgText)]]);
          s.secondRow = row;
        }
        if (!s.orgs.has(org)) s.orgs.set(org, normText(row.fields.org?.text ?? ''));
      },
      end() {
        for (const s of seen.values()) {
          if (!s.secondRow || !s.orgs) continue;
          ctx.reportCell(s.secondRow, 'name', 'joint', {
            name: compact(s.secondRow.fields.name?.text ?? ''),
            count: s.orgs.size,
            orgs: [...s.orgs.values()],
            first: s.firstRow,
          });
        }
      },
    };
  },
});
