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
    // household id → the first row of each organisation pairing with it (most households have one: no inner map)
    const firstRow = new Map<string, { org: string; row: number; more?: Map<string, number> }>();
    return {
      row(row) {
        const org = facts.orgKey(row);
        const household = facts.householdId(row);
        if (org === undefined || household === undefined) return;
        const seen = firstRow.get(household);
        let first: number | undefined;
        if (!seen) firstRow.set(household, { org, row: row.row });
        else if (seen.org === org) first = seen.row;
        else {
          first = seen.more?.get(org);
          if (first === undefined) (seen.more ??= new Map()).set(org, row.row);
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
