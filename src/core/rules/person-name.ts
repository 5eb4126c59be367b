// person-name: 户主姓名 must be a person's name — no digits, letters or organisation words, 2-6 Han characters.
//
// Spaces are ignored here (name-spacing reports them). A bracketed note after the name, "张三(已故)",
// is cut off and the rest judged: when the rest is a valid name the note alone is reported, as a
// warning (`note`), because it also breaks matching the household across registers; the clerk is told
// to move it to 备注. Minority names with a middle dot (阿依古丽·买买提) are valid up to 10 Han characters;
// a long name spaced between its parts ("阿依古丽 买买提") is judged as if dotted (name-spacing reports the spaces).
import { checkPersonName, HAS_ORG_WORD, MAX_HAN_DOTTED, MAX_HAN_PLAIN, spacedMinorityName } from '../person-name.js';
import { PLAIN_NAME } from '../row-facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'person-name',
    severity: 'error',
    description: {
      zh: '户主姓名应为人名：2-4 个汉字为常见，最多 6 个（少数民族姓名用“·”分隔）',
      en: 'The head of household must be a person\'s name: usually 2-4 Han characters, at most 6 (or with a middle dot)',
    },
    messages: {
      zh: {
        digits: '{cell} 户主姓名“{value}”含有数字：请只填写户主本人的姓名（如“张三”），不要填序号、电话或门牌号',
        letters: '{cell} 户主姓名“{value}”含有英文字母：请填写户主的中文姓名',
        'org-word': '{cell} 户主姓名“{value}”含有“{word}”，像是单位名称：这一列请填写扶贫户户主的姓名，单位名称填在“扶贫单位或者机构名称”列',
        several: '{cell} 户主姓名“{value}”像是多个人名：每行只填一位户主，其他家庭成员不必填写',
        characters: '{cell} 户主姓名“{value}”含有“*”“?”等非汉字符号：请填写户主完整的中文姓名（少数民族姓名用“·”分隔）',
        single: '{cell} 户主姓名“{value}”只有一个字：请填写完整的姓和名',
        'too-long': `{cell} 户主姓名“{value}”有 {count} 个字，不像人名：请只填写户主姓名（一般 2-4 个字，最多 ${MAX_HAN_PLAIN} 个；少数民族姓名用“·”分隔，最多 ${MAX_HAN_DOTTED} 个字）`,
        note: '{cell} 户主姓名“{value}”带有括号备注：请只填“{name}”，把“{note}”写到备注列',
      },
      en: {
        digits: '{cell}: the name "{value}" contains digits; type only the head of household\'s name (e.g. "张三"), not a number, phone or house number',
        letters: '{cell}: the name "{value}" contains Latin letters; type the head of household\'s Chinese name',
        'org-word': '{cell}: the name "{value}" contains "{word}" and looks like an organisation; type the head of household here and the organisation in its own column',
        several: '{cell}: "{value}" looks like several names; type one head of household per row',
        characters: '{cell}: the name "{value}" contains symbols such as * or ?; type the full Chinese name (a middle dot "·" separates parts of minority names)',
        single: '{cell}: the name "{value}" has one character only; type the full family and given name',
        'too-long': `{cell}: the name "{value}" has {count} characters and does not look like a person's; type only the head of household's name (usually 2-4 characters, at most ${MAX_HAN_PLAIN}, or ${MAX_HAN_DOTTED} with a middle dot)`,
        note: '{cell}: the name "{value}" carries a note in brackets; type only "{name}" and put "{note}" under "备注"',
      },
    },
  },
  create(ctx) {
    return {
      row(row) {
        const text = row.fields.name?.text;
        if (!text) return;
        // "阿依古丽 买买提": judged as the dotted name name-spacing suggests, not as one 7-character name
        // a plain name has no spaces, so spacedMinorityName has nothing to join
        // a plain name (2-6 common Han characters: no note, no digits, letters or marks) is valid unless it holds an org word
        const plain = PLAIN_NAME.test(text);
        if (plain && !HAS_ORG_WORD.test(text)) return;
        const check = checkPersonName(plain ? text : (spacedMinorityName(text) ?? text));
        if (check.name === '') return;
        if (!check.valid) {
          const data: Record<string, string | number> = { count: check.hanCount };
          if (check.word) data.word = check.word;
          ctx.reportCell(row, 'name', check.reason!, data);
        } else if (check.note !== undefined) {
          ctx.reportCell(row, 'name', 'note', { name: check.name, note: check.note }, 'warning');
        }
      },
    };
  },
});
