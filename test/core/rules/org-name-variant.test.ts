// org-name-variant: one organisation spelt two ways, or two names one character apart.
import { describe, expect, it } from 'vitest';
import rule, { similar } from '../../../src/core/rules/org-name-variant.js';
import { validateRegister } from '../../../src/core/validate.js';
import { divisions } from '../../helpers/divisions.js';
import { check, FORM_HEADER, makeRegister, problemsOf } from '../../helpers/register.js';
import { orgKeyOf } from '../../../src/core/household.js';
import { mulberry32 as random } from '../../../scripts/lib/deterministic.mjs';

const HOUSEHOLDS = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十'];

function withOrgs(orgs: (string | null)[]) {
  return makeRegister([FORM_HEADER, ...orgs.map((o, i) => [i + 1, o, HOUSEHOLDS[i], '溆浦县卢峰镇大桥村', `1391234567${i}`])], {
    headerRow: 3,
  });
}

const w = (cell: string, messageId: string) => ({ rule: 'org-name-variant', severity: 'warning', cell, messageId });

describe('org-name-variant', () => {
  it('is silent for one spelling per organisation and for different organisations', () => {
    expect(check(rule, withOrgs(['溆浦县慈善会', '溆浦县慈善会', '辰溪县慈善会', '怀化市慈善总会', '', null]))).toEqual([]);
  });

  it('warns on every cell spelt otherwise than the most frequent spelling', () => {
    const reg = withOrgs([
      '长沙市慈善总会',
      '长沙市慈善总会 ',
      '长沙市慈善总会',
      '长沙市 慈善总会',
      '湖南省爱心基金会（筹）',
      '湖南省爱心基金会(筹)',
      '湖南省爱心基金会（筹）',
      '湖南省爱心基金会“筹”',
    ]);
    const problems = problemsOf(rule, reg);
    expect(problems.map((p) => [p.cell, p.messageId, p.data?.expected])).toEqual([
      ['B5', 'spaces', '长沙市慈善总会'],
      ['B7', 'spaces', '长沙市慈善总会'],
      ['B9', 'width', '湖南省爱心基金会（筹）'],
      ['B11', 'punctuation', '湖南省爱心基金会（筹）'],
    ]);
    expect(problems.every((p) => p.rule === 'org-name-variant' && p.severity === 'warning')).toBe(true);
  });

  it('breaks ties by the first spelling seen', () => {
    expect(check(rule, withOrgs(['怀化市慈善总会(筹)', '怀化市慈善总会（筹）']))).toEqual([w('B5', 'width')]);
    expect(check(rule, withOrgs(['怀化市慈善总会（筹）', '怀化市慈善总会(筹)']))).toEqual([w('B5', 'width')]);
  });

  it('suggests the winning spelling without its stray outer spaces', () => {
    const problems = problemsOf(rule, withOrgs(['溆浦县慈善会 ', '溆浦县慈善会 ', '溆浦县慈善会']));
    expect(problems.map((p) => [p.cell, p.messageId, p.data?.expected])).toEqual([
      ['B4', 'spaces', '溆浦县慈善会'],
      ['B5', 'spaces', '溆浦县慈善会'],
    ]);
  });

  it('asks about near-identical names once, at the less used one', () => {
    const problems = problemsOf(rule, withOrgs(['溆浦县慈善总会', '溆浦县慈善总会', '溆浦县慈善会', '溆浦县慈善会', '溆浦县慈善总会']));
    expect(problems.map((p) => [p.rule, p.severity, p.cell, p.messageId, p.data])).toEqual([
      ['org-name-variant', 'warning', 'B6', 'similar', { other: '溆浦县慈善总会', otherRow: 4 }],
    ]);
  });

  it('similar: one edit, 6+ characters, not a place or number character', () => {
    expect(similar('溆浦县慈善会', '辰溪县慈善会')).toBe(false); // two characters apart
    expect(similar('溆浦县慈善会', '溆浦县慈善总会')).toBe(true);
    expect(similar('溆浦县爱心协会', '溆浦县爱星协会')).toBe(true);
    expect(similar('溆浦县第一中学', '溆浦县第二中学')).toBe(false);
    expect(similar('溆浦县爱心协会', '溆浦县新心协会')).toBe(false);
    expect(similar('衡阳县慈善总会', '衡南县慈善总会')).toBe(false);
    expect(similar('邵阳市慈善总会', '邵阳县慈善总会')).toBe(false);
    expect(similar('爱心服务社2', '爱心服务社3')).toBe(false);
    expect(similar('县慈善会', '县慈善总会')).toBe(false); // too short
    expect(similar('溆浦县慈善会', '溆浦县慈善会')).toBe(false);
  });

  it('is fixable', () => {
    expect(rule.meta.fixable).toBe(true);
  });
});

describe('org-name-variant: the place names in front (with the division list)', () => {
  const run = (orgs: (string | null)[]) => validateRegister(withOrgs(orgs), [rule], { strict: false, divisions: divisions() });

  it('one organisation written with and without its province and city: one variant finding per odd cell', () => {
    const problems = run(['怀化市慈善总会', '湖南省怀化市慈善总会', '怀化市慈善总会', '湖南怀化市 慈善总会', '怀化市溆浦县慈善会', '溆浦县慈善会', '溆浦县慈善会']);
    expect(problems.map((p) => [p.cell, p.messageId, p.value, p.data?.expected])).toEqual([
      ['B5', 'place', '湖南省怀化市慈善总会', '怀化市慈善总会'],
      ['B7', 'place', '湖南怀化市 慈善总会', '怀化市慈善总会'],
      ['B8', 'place', '怀化市溆浦县慈善会', '溆浦县慈善会'],
    ]);
  });

  it('different organisations of different places are not variants, nor similar', () => {
    expect(run(['怀化市慈善总会', '溆浦县慈善总会', '湖南省慈善总会', '湖南省怀化市慈善总会', '湘潭市慈善会', '湘潭县慈善会']).map((p) => [p.cell, p.messageId])).toEqual([
      ['B7', 'place'], // 湖南省怀化市慈善总会 is 怀化市慈善总会, not 湖南省慈善总会
    ]);
  });

  it('without the division list the place names in front are not compared (text-level keys)', () => {
    expect(check(rule, withOrgs(['怀化市慈善总会', '湖南省怀化市慈善总会']))).toEqual([]);
  });
});

describe('org-name-variant: the row before\'s organisation and spelling taken again', () => {
  // runs of one name (the usual register) and names changing row by row, spellings, ditto marks and blanks among them
  const names = ['溆浦县慈善会', '溆浦县慈善会 ', '溆浦县 慈善会', '湖南省怀化市溆浦县慈善会', '辰溪县慈善会', '辰溪县慈善会（筹）', '辰溪县慈善会(筹)', '同上', '', '怀化市慈善总会'];

  it('finds on 40 random registers the spellings a plain count by key and text finds', () => {
    const idx = divisions();
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const orgs: string[] = [];
      for (let i = 0; i < 120; i++) orgs.push(i > 0 && next() < (seed % 2 ? 0.8 : 0.2) ? orgs[i - 1]! : names[Math.floor(next() * names.length)]!);
      const reg = makeRegister([FORM_HEADER, ...orgs.map((o, i) => [i + 1, o, `户主${i}`, '溆浦县卢峰镇大桥村', ''])], { headerRow: 3 });
      // the reference: every non-ditto row counted under its key and text, the most used text preferred (ties: the first)
      const byKey = new Map<string, Map<string, number[]>>();
      for (const row of reg.rows) {
        const f = row.fields.org;
        const key = orgKeyOf(row, idx);
        if (!f || key === undefined || f.ditto !== undefined) continue;
        let sp = byKey.get(key);
        if (!sp) byKey.set(key, (sp = new Map()));
        let rows = sp.get(f.text);
        if (!rows) sp.set(f.text, (rows = []));
        rows.push(row.row);
      }
      const expected: [number, string][] = [];
      for (const sp of byKey.values()) {
        const preferred = [...sp.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0].trim();
        for (const [text, rows] of sp) if (text !== preferred) for (const r of rows) expected.push([r, preferred]);
      }
      const found = validateRegister(reg, [rule], { strict: false, divisions: idx })
        .filter((p) => p.messageId !== 'similar')
        .map((p) => [p.row, p.data?.expected] as [number, string]);
      const order = (a: [number, string], b: [number, string]) => a[0] - b[0];
      expect(found.sort(order), `seed ${seed}`).toEqual(expected.sort(order));
    }
  });
});
