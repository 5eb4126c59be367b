// joint-household: one household helped by two or more organisations (联合帮扶) — allowed, shown as information.
//
// Reported once per household, at the 户主姓名 cell of the row where its second organisation appears,
// naming every organisation that helps it (gathered over the whole register) and the first row.
import type { RegisterRow } from '../model.js';
import { HouseholdIndex, orgKeyOf } from '../household.js';
import { compact, normText } from '../normalize.js';
import { defineRule } from './rule.js';

interface Seen {
  firstRow: number;
  /** Organisation display names by org key, in order of appearance. */
  orgs: Map<string, string>;
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
    const households = new HouseholdIndex();
    const seen = new Map<string, Seen>();
    return {
      row(row) {
        const org = orgKeyOf(row);
        const household = households.idOf(row);
        if (org === undefined || household === undefined) return;
        let s = seen.get(household);
        if (!s) {
          s = { firstRow: row.row, orgs: new Map() };
          seen.set(household, s);
        }
        if (!s.orgs.has(org)) {
          s.orgs.set(org, normText(row.fields.org?.text ?? ''));
          if (s.orgs.size === 2) s.secondRow = row;
        }
      },
      end() {
        for (const s of seen.values()) {
          if (!s.secondRow) continue;
          ctx.reportCell(s.secondRow, 'name', 'joint', {
            name: compact(s.secondRow.fields.name?.text ?? ''),
            count: s.orgs.size,
            orgs: [...s.orgs.values()].join('、'),
            first: s.firstRow,
          });
        }
      },
    };
  },
});
