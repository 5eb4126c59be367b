// phone-missing: 联系方式 left empty (or "无", "/") in a pairing row of a register that has the column.
import { isBlankText as isBlank } from '../row-facts.js';
import { isNoPhoneText } from '../phone.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'phone-missing',
    severity: 'warning',
    description: {
      zh: '联系方式未填写',
      en: 'The phone number is missing',
    },
    messages: {
      zh: {
        empty: '{cell} 联系方式为空：请填写户主或家人的手机号（11 位）或固定电话（如 0745-1234567）',
        none: '{cell} 联系方式填的是“{value}”：如该户确实没有电话，请填写村干部或邻居的联系电话并在备注中说明',
      },
      en: {
        empty: '{cell}: the phone number is empty; type the household\'s mobile (11 digits) or landline (e.g. 0745-1234567)',
        none: '{cell}: the phone number says "{value}"; if the household has no phone, type a village cadre\'s or neighbour\'s number and say so under "备注"',
      },
    },
  },
  create(ctx) {
    if (!ctx.register.columns.some((c) => c.key === 'phone')) return {};
    return {
      row(row) {
        const text = row.fields.phone?.text;
        if (isBlank(text)) ctx.reportCell(row, 'phone', 'empty');
        else if (isNoPhoneText(text ?? '')) ctx.reportCell(row, 'phone', 'none');
      },
    };
  },
});
