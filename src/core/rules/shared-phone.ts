// shared-phone: one phone number given for several different households — usually a copy-paste slip.
import { detach } from '../household.js';
import { NumberMap, PositionRuns } from '../int-tables.js';
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
    // number → the first household giving it (its name, when reported, is the household's: its key holds the name
    // compacted, as the message gives it); that first row by the number's entry in the map (NumberMap.entryOf: numbers
    // in the order first given), as runs (PositionRuns: while each row gives a new number, one run). Numbers as
    // numbers, '1' in front to keep leading zeros; the odd one too long to be exact by its text, with its household and row.
    const owner = new NumberMap();
    const ownerRow = new PositionRuns();
    const longOwner = new Map<string, { household: number; row: number }>();
    const reported = new Set<string>();
    // a big register's tables sized at once (a phone a row, most rows another household's)
    const expected = ctx.register.expectedRows ?? 0;
    if (expected > 0) owner.reserve(expected);
    return {
      row(row) {
        const household = facts.householdNo(row);
        if (household === undefined) return;
        const phones = facts.phones(row);
        // the numbers as numbers ('1' in front keeps leading zeros; undefined: too long to be exact, kept by its text)
        const codes = facts.phoneCodes(row);
        for (let k = 0; k < phones.length; k++) {
          const number = phones[k]!;
          // a number written twice in one cell counts once (the first time)
          if (k > 0 && phones.indexOf(number) < k) continue;
          const code = codes[k];
          let firstHousehold: number | undefined;
          if (code !== undefined) {
            firstHousehold = owner.getOrSet(code, household);
            if (firstHousehold === undefined) {
              // (the number's entry is ownerRow's next position)
              ownerRow.push(row.row);
              continue;
            }
          } else {
            const first = longOwner.get(number);
            if (first === undefined) {
              longOwner.set(detach(number), { household, row: row.row });
              continue;
            }
            firstHousehold = first.household;
          }
          const key = `${number}\u0000${household}`;
          if (firstHousehold === household || reported.has(key)) continue;
          reported.add(key);
          const firstRow = code !== undefined ? ownerRow.get(owner.entryOf(code)) : longOwner.get(number)!.row;
          ctx.reportCell(row, 'phone', 'shared', { number, first: firstRow, name: facts.householdName(firstHousehold) });
        }
      },
    };
  },
});
