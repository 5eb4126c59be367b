// id-number: 身份证号码, when the column exists and the cell is filled, must be a valid 18-character number.
import { isPlainValidId, parseIdNumber } from '../id-number.js';
import { isBlankText as isBlank } from '../row-facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'id-number',
    severity: 'error',
    description: {
      zh: '身份证号码应为 18 位（最后一位可为 X），出生日期与校验位正确',
      en: 'An ID number has 18 characters (the last may be X) with a valid birth date and check digit',
    },
    messages: {
      zh: {
        numeric:
          '{cell} 身份证号码被 Excel 存成了数字，后几位已变成 0：请把该列设为“文本”格式后，对照身份证重新输入完整的 18 位号码',
        scientific:
          '{cell} 身份证号码“{value}”被 Excel 改成了科学计数法，号码已丢失：请把该列设为“文本”格式后重新输入完整的 18 位号码',
        length: '{cell} 身份证号码“{value}”有 {count} 位：应为 18 位，请对照身份证核对',
        characters: '{cell} 身份证号码“{value}”含有数字和末位 X 以外的字符：请只填写 18 位号码（最后一位可以是 X）',
        region: '{cell} 身份证号码“{value}”前两位“{region}”不是省份代码：请对照身份证核对',
        'birth-date': '{cell} 身份证号码“{value}”中的出生日期 {date} 不存在：请对照身份证核对第 7-14 位',
        'check-digit':
          '{cell} 身份证号码“{value}”校验位不对（按前 17 位算末位应为 {expected}）：号码中有数字填错，请对照身份证逐位核对',
        legacy15: '{cell} 身份证号码“{value}”是旧的 15 位号码：请填写 18 位新号码（按规则换算为 {upgraded}，请与身份证核对）',
      },
      en: {
        numeric:
          '{cell}: Excel stored the ID number as a number and its last digits became 0; format the column as Text and type the full 18-character number again',
        scientific:
          '{cell}: Excel turned the ID number "{value}" into scientific notation and the digits are lost; format the column as Text and type the full 18-character number again',
        length: '{cell}: the ID number "{value}" has {count} characters; it must have 18, check it against the ID card',
        characters: '{cell}: the ID number "{value}" contains characters other than digits and a final X; type the 18-character number only',
        region: '{cell}: the first two digits "{region}" of "{value}" are no province code; check it against the ID card',
        'birth-date': '{cell}: the birth date {date} in the ID number "{value}" does not exist; check characters 7-14 against the ID card',
        'check-digit':
          '{cell}: the check digit of "{value}" is wrong (the first 17 digits call for {expected}); a digit is mistyped, check each against the ID card',
        legacy15: '{cell}: "{value}" is an old 15-digit ID number; type the 18-character one (by the rules it is {upgraded}; check it against the ID card)',
      },
    },
  },
  create(ctx) {
    const asOf = new Date();
    const asOfMs = asOf.getTime();
    return {
      row(row) {
        const f = row.fields.idNumber;
        if (!f) return;
        // the usual cell, a valid number, is passed at once
        if (f.kind !== 'number' && isPlainValidId(f.text, asOfMs)) return;
        if (isBlank(f.text)) return;
        const id = parseIdNumber(f.text, f.kind, asOf);
        if (id.valid || !id.reason) return;
        const data: Record<string, string | number> = { count: id.length, region: id.normalized.slice(0, 2) };
        if (id.birthDate) data.date = id.birthDate;
        if (id.expectedCheck) data.expected = id.expectedCheck;
        if (id.upgraded) data.upgraded = id.upgraded;
        ctx.reportCell(row, 'idNumber', id.reason, data, id.reason === 'legacy15' ? 'warning' : undefined);
      },
    };
  },
});
