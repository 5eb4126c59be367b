// duplicate-pairing: the same organisation paired with the same household twice in one register.
import { compact, normText } from '../normalize.js';
import { RowFacts } from '../row-facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'duplicate-pairing',
    severity: 'error',
    description: {
      zh: '同一单位对同一户只能登记一次',
      en: 'One organisation may be paired with one household only once',
    },
    messages: {
      zh: {
        duplicate:
          '{cell} “{org}”帮扶“{name}”一户，与第 {first} 行重复：同一单位对同一户只登记一次，请删除这一行（若是另一户同名户主，请把家庭住址写完整以示区别）',
      },
      en: {
        duplicate:
          '{cell}: "{org}" helping "{name}" is already registered in row {first}; delete this row (if it is another household of the same name, write its full address to tell them apart)',
      },
    },
  },
  create(ctx) {
    const facts = ctx.facts ?? new RowFacts(ctx.options.divisions, ctx.register.area);
    // by household number, the first organisation pairing with it and its row are the facts' (firstPairingBefore); the
    // other organisations' first rows here, only for the few households several organisations pair with
    const more = new Map<number, Map<number, number>>();
    return {
      row(row) {
        const seen = facts.firstPairingBefore(row);
        if (seen === undefined) return;
        const org = facts.orgNo(row)!;
        const household = facts.householdNo(row)!;
        let first: number | undefined;
        if (seen === 0) {
          // the household's first pairing
        } else if (seen === org + 1) first = facts.firstPairingRow(household);
        else {
          let others = more.get(household);
          first = others?.get(org);
          if (first === undefined) {
            if (!others) more.set(household, (others = new Map()));
            others.set(org, row.row);
          }
        }
        if (first === undefined) return;
        ctx.reportCell(row, 'name', 'duplicate', {
          first,
          org: normText(row.fields.org?.text ?? ''),
          name: compact(row.fields.name?.text ?? ''),
        });
      },
    };
  },
});
