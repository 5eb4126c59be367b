// joint-household: one household helped by two or more organisations (联合帮扶) — allowed, shown as information.
//
// Reported once per household, at the 户主姓名 cell of the row where its second organisation appears,
// naming every organisation that helps it (gathered over the whole register) and the first row.
import type { RegisterRow } from '../model.js';
import { compact, normText } from '../normalize.js';
import { RowFacts } from '../row-facts.js';
import { defineRule } from './rule.js';

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
    // the first organisation's name as written is the facts' (firstPairingText, with its first pairing: firstPairingBefore)
    // households a second organisation pairs with: display names by org, in order of appearance, and that second row
    const joint = new Map<number, { orgs: Map<number, string>; secondRow: RegisterRow }>();
    return {
      row(row) {
        const seen = facts.firstPairingBefore(row);
        if (seen === undefined) return;
        const org = facts.orgNo(row)!;
        const household = facts.householdNo(row)!;
        if (seen === 0 || seen === org + 1) return;
        let j = joint.get(household);
        if (!j) {
          j = { orgs: new Map([[seen - 1, normText(facts.firstPairingText(household))]]), secondRow: row };
          joint.set(household, j);
        }
        if (!j.orgs.has(org)) j.orgs.set(org, normText(row.fields.org?.text ?? ''));
      },
      end() {
        // in the order the households were first met, as they are numbered
        for (const household of [...joint.keys()].sort((a, b) => a - b)) {
          const { orgs, secondRow } = joint.get(household)!;
          ctx.reportCell(secondRow, 'name', 'joint', {
            name: compact(secondRow.fields.name?.text ?? ''),
            count: orgs.size,
            orgs: [...orgs.values()],
            first: facts.firstPairingRow(household),
          });
        }
      },
    };
  },
});
