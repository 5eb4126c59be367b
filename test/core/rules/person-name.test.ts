// person-name: 户主姓名 must be a person's name (digits, letters, organisation words, length).
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/person-name.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';
import { checkPersonName, HAS_ORG_WORD, ORG_WORDS } from '../../../src/core/person-name.js';
import { PLAIN_NAME } from '../../../src/core/row-facts.js';

/** One register with the given names in C4, C5, … */
function withNames(names: (string | number | null)[]) {
  return makeRegister([FORM_HEADER, ...names.map((n, i) => [i + 1, '溆浦县慈善会', n, '溆浦县卢峰镇大桥村', '13912345678'])], {
    headerRow: 3,
  });
}

const e = (cell: string, messageId: string) => ({ rule: 'person-name', severity: 'error', cell, messageId });

describe('person-name', () => {
  it('accepts 2-6 Han characters and minority names with a middle dot', () => {
    const names = ['张三', '欧阳明', '欧阳明华', '爱新觉罗溥', '爱新觉罗恒启', '阿依古丽·买买提', '买买提·艾力·阿不都热合', '阿依古丽•买买提', '阿依古丽・买买提'];
    expect(check(rule, withNames(names))).toEqual([]);
  });

  it('leaves spacing and empty names to other rules', () => {
    expect(check(rule, withNames(['张  三', '张　三', ' 李四 ', '', null]))).toEqual([]);
    // a long name spaced between its parts is judged as the dotted minority name name-spacing suggests
    expect(check(rule, withNames(['阿依古丽 买买提', '阿依古丽　买买提']))).toEqual([]);
    expect(check(rule, withNames(['阿依古丽买买提']))).toEqual([e('C4', 'too-long')]);
  });

  it('rejects digits, letters, several names and symbols', () => {
    expect(check(rule, withNames(['张三1', 13912345678, 'Zhang San', '张三、李四', '张*', '张三?']))).toEqual([
      e('C4', 'digits'),
      e('C5', 'digits'),
      e('C6', 'letters'),
      e('C7', 'several'),
      e('C8', 'characters'),
      e('C9', 'characters'),
    ]);
  });

  it('rejects organisation words and names the word', () => {
    const names = ['溆浦县慈善会', '大桥村村委会', '湖南某某有限公司', '卢峰镇居委会', '桔子专业合作社', '县人民医院', '镇政府办公室', '阳光基金会', '社工服务中心'];
    const problems = problemsOf(rule, withNames(names));
    expect(problems.map((p) => [p.cell, p.severity, p.messageId, p.data?.word])).toEqual([
      ['C4', 'error', 'org-word', '慈善'],
      ['C5', 'error', 'org-word', '村委会'],
      ['C6', 'error', 'org-word', '公司'],
      ['C7', 'error', 'org-word', '居委会'],
      ['C8', 'error', 'org-word', '合作社'],
      ['C9', 'error', 'org-word', '医院'],
      ['C10', 'error', 'org-word', '办公室'],
      ['C11', 'error', 'org-word', '基金会'],
      ['C12', 'error', 'org-word', '中心'],
    ]);
  });

  it('does not take plausible given names for organisation words', () => {
    expect(check(rule, withNames(['张学会', '李中学', '王银行']))).toEqual([]);
  });

  it('rejects a single character and over-long names', () => {
    const problems = problemsOf(rule, withNames(['张', '张 ', '张三李四王五赵', '阿依古丽·买买提·阿不都热合曼']));
    expect(problems.map((p) => [p.cell, p.messageId, p.data?.count])).toEqual([
      ['C4', 'single', 1],
      ['C5', 'single', 1],
      ['C6', 'too-long', 7],
      ['C7', 'too-long', 13],
    ]);
  });

  it('rejects stray middle dots', () => {
    expect(check(rule, withNames(['·张三', '张三·', '阿依古丽··买买提']))).toEqual([
      e('C4', 'characters'),
      e('C5', 'characters'),
      e('C6', 'characters'),
    ]);
  });

  it('a bracketed note after a valid name is a warning; after an invalid one the name is judged', () => {
    const problems = problemsOf(rule, withNames(['张三(已故)', '李四（户主已故）', '溆浦县慈善会(张三)']));
    expect(problems.map((p) => [p.cell, p.severity, p.messageId, p.data])).toEqual([
      ['C4', 'warning', 'note', { name: '张三', note: '已故' }],
      ['C5', 'warning', 'note', { name: '李四', note: '户主已故' }],
      ['C6', 'error', 'org-word', { count: 6, word: '慈善' }],
    ]);
  });
});

describe('person-name fast path (a plain name without an org word is passed at once)', () => {
  it('HAS_ORG_WORD finds exactly the names ORG_WORDS would, and a plain name it passes is valid without a note', () => {
    const names = ['张三', '李四光', '欧阳修文', '中心', '张慈善', '王公司甲', '刘委员会', '超市王', '陈村委', '赵一二三四五', '支部书记', '社区'];
    for (const w of ORG_WORDS) names.push(`王${w}`, `${w}李`);
    for (const n of names) {
      expect(HAS_ORG_WORD.test(n), n).toBe(ORG_WORDS.some((w) => n.includes(w)));
      if (PLAIN_NAME.test(n) && !HAS_ORG_WORD.test(n)) {
        const check = checkPersonName(n);
        expect(check.valid && check.note === undefined, n).toBe(true);
      }
    }
  });
});
