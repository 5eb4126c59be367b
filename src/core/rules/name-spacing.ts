// name-spacing: spaces typed inside a 户主姓名 to align it ("张  三", full-width "张　三") — type "张三".
import { isPlainHanName, spacedMinorityName } from '../person-name.js';
import { compact, normText } from '../normalize.js';
import { PLAIN_NAME } from '../row-facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'name-spacing',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '户主姓名中间不应有空格',
      en: 'A name should have no spaces inside',
    },
    messages: {
      zh: {
        spaces: '{cell} 户主姓名“{value}”中间有空格：请改为“{fixed}”（对齐请用单元格格式，不要打空格）',
        'spaces-long': '{cell} 户主姓名“{value}”中间有空格：若是少数民族姓名请写作“{dotted}”，否则请改为“{fixed}”',
      },
      en: {
        spaces: '{cell}: the name "{value}" has spaces inside; type "{fixed}" (align with cell formatting, not spaces)',
        'spaces-long': '{cell}: the name "{value}" has spaces inside; type "{dotted}" if it is a minority name, "{fixed}" otherwise',
      },
    },
  },
  create(ctx) {
    return {
      row(row) {
        const text = row.fields.name?.text;
        // a plain name has no spaces to report
        if (!text || PLAIN_NAME.test(text) || !isPlainHanName(text)) return;
        const norm = normText(text);
        if (!norm.includes(' ')) return;
        const fixed = compact(text);
        const dotted = spacedMinorityName(text);
        if (dotted !== undefined) {
          ctx.reportCell(row, 'name', 'spaces-long', { fixed, dotted });
        } else {
          ctx.reportCell(row, 'name', 'spaces', { fixed }, undefined, [ctx.edit(row, 'name', fixed)]);
        }
      },
    };
  },
});
