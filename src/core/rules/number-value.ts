// number-value: 家庭人口 and 家庭年收入, when filled, must be numbers ≥ 0; 家庭人口 a whole number of plausible size.
import type { ColumnKey, Field } from '../model.js';
import { compact, parseAmount } from '../normalize.js';
import { isBlankText as isBlank } from '../row-facts.js';
import { defineRule } from './rule.js';

/** A household larger than this is probably a typo (an income or a phone typed into the wrong column). */
export const MAX_PLAUSIBLE_FAMILY_SIZE = 20;

export default defineRule({
  meta: {
    id: 'number-value',
    severity: 'error',
    description: {
      zh: '家庭人口、家庭年收入应为不小于 0 的数字，家庭人口应为整数',
      en: 'Family size and annual income must be numbers ≥ 0; family size a whole number',
    },
    messages: {
      zh: {
        'not-number': '{cell} {column}“{value}”不是数字：请只填写数字（如 {example}）',
        negative: '{cell} {column}“{value}”是负数：请填写不小于 0 的数字',
        'not-whole': '{cell} 家庭人口“{value}”不是整数：请填写家庭人口数（如 4）',
        implausible: `{cell} 家庭人口“{value}”超过 ${MAX_PLAUSIBLE_FAMILY_SIZE} 人：请核对是否填错了列或多打了数字`,
        'size-zero': '{cell} 家庭人口为 0：请填写该户实际人口数（至少 1 人）',
      },
      en: {
        'not-number': '{cell}: {column} "{value}" is not a number; type digits only (e.g. {example})',
        negative: '{cell}: {column} "{value}" is negative; type a number of 0 or more',
        'not-whole': '{cell}: the family size "{value}" is not a whole number; type the number of people (e.g. 4)',
        implausible: `{cell}: a family size of "{value}" is over ${MAX_PLAUSIBLE_FAMILY_SIZE}; check for a wrong column or an extra digit`,
        'size-zero': '{cell}: the family size is 0; type the number of people in the household (at least 1)',
      },
    },
  },
  create(ctx) {
    return {
      row(row) {
        checkField(row.fields.familySize, 'familySize', (messageId, data, severity) =>
          ctx.reportCell(row, 'familySize', messageId, data, severity),
        );
        checkField(row.fields.income, 'income', (messageId, data, severity) =>
          ctx.reportCell(row, 'income', messageId, data, severity),
        );
      },
    };
  },
});

type Reporter = (messageId: string, data: Record<string, string | number>, severity?: 'warning') => void;

function checkField(f: Field | undefined, key: ColumnKey, report: Reporter): void {
  if (!f || isBlank(f.text)) return;
  const example = key === 'familySize' ? '4' : '3600';
  const n = amountOf(f);
  if (n === undefined) return report('not-number', { example });
  if (n < 0) return report('negative', {});
  if (key !== 'familySize') return;
  if (!Number.isInteger(n)) return report('not-whole', {});
  if (n === 0) return report('size-zero', {}, 'warning');
  if (n > MAX_PLAUSIBLE_FAMILY_SIZE) return report('implausible', {}, 'warning');
}

/** The number in a field: a numeric cell's value, or text such as "1,200", "1200元", "1.2万". */
function amountOf(f: Field): number | undefined {
  if (f.kind === 'number' && typeof f.raw === 'number') return f.raw;
  const n = parseAmount(f.text);
  if (n !== undefined) return n;
  const t = compact(f.text);
  if (/万$/u.test(t)) {
    const m = parseAmount(t.slice(0, -1));
    return m === undefined ? undefined : m * 10000;
  }
  return undefined;
}
