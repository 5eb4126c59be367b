// phone-format: every number in 联系方式 must be a mobile (11 digits, 1[3-9]…) or a landline with area code.
import { isPlainMobile, parsePhones, PHONE_WARNING_REASONS } from '../phone.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'phone-format',
    severity: 'error',
    description: {
      zh: '联系方式应为 11 位手机号或带区号的固定电话',
      en: 'A phone must be an 11-digit mobile or a landline with its area code',
    },
    messages: {
      zh: {
        scientific:
          '{cell} 联系方式“{value}”被 Excel 改成了科学计数法，号码已丢失：请把该列设为“文本”格式后重新输入完整的 11 位手机号',
        letters: '{cell} 联系方式“{number}”中有字母“{letters}”：请检查是否把数字 1、0 误打成了字母 l、O，重新输入号码',
        characters: '{cell} 联系方式“{number}”不是电话号码：请填写 11 位手机号或“区号-号码”形式的固定电话（如 0745-1234567）',
        length:
          '{cell} 联系方式“{number}”有 {count} 位数字：手机号应为 11 位，固定电话应为“区号-号码”（如 0745-1234567），请核对后重新输入',
        'mobile-prefix': '{cell} 联系方式“{number}”不是有效的手机号（手机号以 13-19 开头）：请核对后重新输入',
        'area-code': '{cell} 联系方式“{number}”的区号“{area}”不对：区号以 0 开头，共 3-4 位（如 0745），请核对',
        fraction: '{cell} 联系方式“{value}”是带小数的数字：请把该列设为“文本”格式后重新输入号码',
        'leading-zero':
          '{cell} 联系方式 {value} 的区号开头的 0 被 Excel 去掉了：请把该列设为“文本”格式后输入“{fixed}”',
        'no-area-code': '{cell} 固定电话“{number}”没有区号：请写成“区号-号码”（如 0745-{number}）',
      },
      en: {
        scientific:
          '{cell}: Excel turned the phone "{value}" into scientific notation and the digits are lost; format the column as Text and type the full 11-digit number again',
        letters: '{cell}: the phone "{number}" contains the letters "{letters}"; check for l or O typed instead of 1 or 0 and type the number again',
        characters: '{cell}: "{number}" is not a phone number; type an 11-digit mobile or a landline as area code-number (e.g. 0745-1234567)',
        length:
          '{cell}: the phone "{number}" has {count} digits; a mobile has 11, a landline is area code-number (e.g. 0745-1234567); check and type it again',
        'mobile-prefix': '{cell}: "{number}" is not a valid mobile number (mobiles start with 13-19); check and type it again',
        'area-code': '{cell}: the area code "{area}" of "{number}" is wrong; area codes start with 0 and have 3-4 digits (e.g. 0745)',
        fraction: '{cell}: the phone "{value}" is a number with decimals; format the column as Text and type the number again',
        'leading-zero': '{cell}: Excel dropped the leading 0 of the area code in {value}; format the column as Text and type "{fixed}"',
        'no-area-code': '{cell}: the landline "{number}" has no area code; write it as area code-number (e.g. 0745-{number})',
      },
    },
  },
  create(ctx) {
    return {
      row(row) {
        const f = row.fields.phone;
        if (!f || f.text.trim() === '') return;
        // the usual cell, a plain mobile number as text, is one valid number (parsePhones' first case): nothing to say
        if (f.kind !== 'number' && isPlainMobile(f.text)) return;
        const parsed = ctx.facts ? ctx.facts.phoneParse(row) : parsePhones(f.text, f.kind, f.numFmt);
        for (const n of parsed.numbers) {
          if (n.valid || !n.reason) continue;
          const data: Record<string, string | number> = {
            number: n.source,
            count: n.digits.length,
          };
          if (n.letters) data.letters = n.letters;
          if (n.areaCode) data.area = n.areaCode;
          if (n.formatted) data.fixed = n.formatted;
          ctx.reportCell(row, 'phone', n.reason, data, PHONE_WARNING_REASONS.has(n.reason) ? 'warning' : undefined);
        }
      },
    };
  },
});
