// shared-phone: one phone number given for several different households — usually a copy-paste slip.
import { detach } from '../household.js';
import { compact } from '../normalize.js';
import { RowFacts } from '../row-facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'shared-phone',
    severity: 'warning',
    description: {
      zh: '同一个电话号码登记在不同的扶贫户下',
      en: 'One phone number given for different households',
    },
    messages: {
      zh: {
        shared:
          '{cell} 电话 {number} 与第 {first} 行“{name}”户的电话相同，但不是同一户：请核对并填写本户自己的电话；若确是代联系人（如村干部）的电话，请在备注中注明',
      },
      en: {
        shared:
          '{cell}: phone {number} is also the phone of the household of "{name}" in row {first}, a different household; type this household\'s own number, or note under "备注" that it is a contact person\'s (e.g. a village cadre)',
      },
    },
  },
  create(ctx) {
    const facts = ctx.facts ?? new RowFacts(ctx.options.divisions, ctx.register.area);
    // number → the first household giving it; the name as written, compacted only when reported
    const owner = new Map<string, { household: string; row: number; nameText: string }>();
    const reported = new Set<string>();
    return {
      row(row) {
        const household = facts.householdId(row);
        if (household === undefined) return;
        const phones = facts.phones(row);
        for (const number of phones.length < 2 ? phones : new Set(phones)) {
          const first = owner.get(number);
          if (!first) {
            owner.set(detach(number), { household, row: row.row, nameText: detach(row.fields.name?.text ?? '') });
            continue;
          }
          const key = `${number}\u0000${household}`;
          if (first.household === household || reported.has(key)) continue;
          reported.add(key);
          ctx.reportCell(row, 'phone', 'shared', { number, first: first.row, name: compact(first.nameText) });
        }
      },
    };
  },
});
