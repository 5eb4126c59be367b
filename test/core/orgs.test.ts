// Organisation types: name rules, 类型 text, the orgs.csv registry, the decision order, and the org-type-guess rule.
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../src/formatters/catalogue/index.js';
import { classifyByName, classifyOrg, parseTypeText, registryFromRows } from '../../src/core/orgs.js';
import orgTypeGuess from '../../src/core/rules/org-type-guess.js';
import { validateRegister } from '../../src/core/validate.js';
import { brief, FORM_HEADER, makeRegister } from '../helpers/register.js';
import { divisions } from '../helpers/profile.js';

describe('classifyByName', () => {
  it.each([
    ['长沙市慈善总会', 'charity', '慈善总会'],
    ['溆浦县慈善会', 'charity', '慈善会'],
    ['溆浦县慈善协会', 'charity', '慈善协会'],
    ['湖南省慈善联合会', 'charity', '慈善联合会'],
    ['湖南省慈善总会溆浦分会', 'charity', '慈善总会'],
    ['湖南省慈善基金会', 'foundation', '基金会'],
    ['怀化市教育基金会', 'foundation', '基金会'],
    ['怀化市（阳光）社工服务中心', 'social', '社工服务中心'],
    ['长沙市慈善会社会工作服务中心', 'social', '社会工作服务中心'],
    ['溆浦县扶贫开发协会', 'social', '协会'],
    ['岳阳市义工联合会', 'social', '联合会'],
    ['株洲市老年服务社', 'social', '服务社'],
  ])('%s → %s (%s)', (name, type, rule) => {
    expect(classifyByName(name)).toEqual({ type, rule });
  });

  it('leaves names no rule covers undecided', () => {
    expect(classifyByName('溆浦县爱心家园')).toBeUndefined();
    expect(classifyByName('鹤城区红十字会')).toBeUndefined();
    expect(classifyByName('  ')).toBeUndefined();
  });
});

describe('parseTypeText', () => {
  it.each([
    ['慈善系统', 'charity'],
    ['慈善会', 'charity'],
    ['Charity', 'charity'],
    [' 基金会 ', 'foundation'],
    ['foundation', 'foundation'],
    ['社会服务机构（民非）', 'social'],
    ['社会服务机构', 'social'],
    ['民办非企业单位', 'social'],
    ['民非', 'social'],
    ['社会组织', 'social'],
  ])('%s → %s', (text, type) => {
    expect(parseTypeText(text)).toBe(type);
  });

  it('is undefined for text it does not know', () => {
    expect(parseTypeText('其他')).toBeUndefined();
    expect(parseTypeText('')).toBeUndefined();
    expect(parseTypeText(undefined)).toBeUndefined();
  });
});

describe('registryFromRows', () => {
  const rows = [
    ['湖南省慈善组织名录'],
    ['单位名称', '类型', '层级', '地区'],
    ['溆浦县爱心家园', '社会服务机构', '县级', '怀化市溆浦县'],
    ['湖南省某某公益基金', '基金会', '省级', ''],
    ['某单位', '其他', '', ''],
    ['空类型单位', '', '', ''],
    ['溆浦县爱心家园 ', '基金会', '', ''],
    ['', '', '', ''],
    ['鹤城区红十字会', '社会服务机构（民非）', '市本级', '怀化市'],
  ];

  it('finds the header below a title and reads one entry per typed row', () => {
    const { entries } = registryFromRows(rows);
    expect(entries.map((e) => [e.name, e.type, e.level, e.area, e.row])).toEqual([
      ['溆浦县爱心家园', 'social', 'county', '怀化市溆浦县', 3],
      ['湖南省某某公益基金', 'foundation', 'province', undefined, 4],
      ['鹤城区红十字会', 'social', 'city', '怀化市', 9],
    ]);
  });

  it('reports unreadable, empty and conflicting types with their record numbers', () => {
    const { problems } = registryFromRows(rows);
    expect(problems.map((p) => [p.rule, p.messageId, p.severity, p.row, p.value])).toEqual([
      ['orgs-registry', 'type', 'error', 5, '其他'],
      ['orgs-registry', 'empty', 'warning', 6, '空类型单位'],
      ['orgs-registry', 'conflict', 'error', 7, '基金会'],
    ]);
    expect(renderProblem(problems[2]!, 'zh')).toBe(
      'orgs.csv 第 7 行 “溆浦县爱心家园” 类型为基金会，但第 3 行已登记为社会服务机构：请删去其中一行',
    );
    for (const p of problems) expect(renderProblem(p, 'en')).not.toMatch(/\{\w+\}/);
  });

  it('looks names up by orgKey, so spelling variants find their entry', () => {
    const { registry } = registryFromRows([
      ['组织名称', '机构类型'],
      ['怀化市（阳光）爱心家园', '基金会'],
    ]);
    expect(registry.lookup('怀化市(阳光)爱心家园 ')?.type).toBe('foundation');
    expect(registry.lookup('怀化市 阳光 爱心家园')?.row).toBe(2);
    expect(registry.lookup('怀化市爱心')).toBeUndefined();
  });

  it('reports a file without the two required headers', () => {
    const { entries, problems } = registryFromRows([['名字', '备注'], ['溆浦县慈善会', '']]);
    expect(entries).toEqual([]);
    expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['header', 'error']]);
  });
});

describe('the registry with the division list', () => {
  const { registry, problems } = registryFromRows(
    [
      ['单位名称', '类型'],
      ['怀化市爱心家园', '基金会'],
      ['湖南省怀化市爱心家园', '社会服务机构'],
      ['溆浦县慈善会', '慈善系统'],
    ],
    divisions,
  );

  it('finds an entry by a spelling with the higher places in front (the identity rollup counts by)', () => {
    expect(registry.lookup('湖南省怀化市爱心家园')?.name).toBe('怀化市爱心家园');
    expect(registry.lookup('怀化市溆浦县慈善会')?.name).toBe('溆浦县慈善会');
    expect(classifyOrg('湖南省 怀化市（爱心）家园', { registry })).toMatchObject({ type: 'foundation', source: 'registry' });
  });
  it('keeps apart what the division list keeps apart', () => {
    expect(registry.lookup('湖南省爱心家园')).toBeUndefined();
    expect(registry.lookup('辰溪县慈善会')).toBeUndefined();
  });
  it('names two rows for one organisation with different types as a conflict', () => {
    expect(problems.map((p) => [p.messageId, p.row])).toEqual([['conflict', 3]]);
  });
  it('without the division list, spellings differ only in punctuation and width', () => {
    const plain = registryFromRows([['单位名称', '类型'], ['怀化市爱心家园', '基金会']]).registry;
    expect(plain.lookup('湖南省怀化市爱心家园')).toBeUndefined();
    expect(plain.lookup('怀化市（爱心）家园')?.name).toBe('怀化市爱心家园');
  });
});

describe('classifyOrg', () => {
  const { registry } = registryFromRows([
    ['单位名称', '类型'],
    ['溆浦县爱心家园', '基金会'],
    ['溆浦县慈善会', '社会服务机构'],
  ]);

  it('takes the 类型 column first', () => {
    expect(classifyOrg('溆浦县爱心家园', { typeColumnText: '慈善系统', registry })).toMatchObject({ type: 'charity', source: 'column' });
  });
  it('then the registry (even against the name)', () => {
    expect(classifyOrg('溆浦县慈善会', { typeColumnText: '其他', registry })).toMatchObject({ type: 'social', source: 'registry' });
    expect(classifyOrg('溆浦县（爱心）家园', { registry })).toEqual({
      type: 'foundation',
      source: 'registry',
      detail: { id: 'orgs/basis-registry', data: { row: 2, name: '溆浦县爱心家园' } },
    });
  });
  it('then the name', () => {
    expect(classifyOrg('溆浦县慈善会')).toEqual({ type: 'charity', source: 'name', detail: { id: 'orgs/basis-name', data: { keyword: '慈善会' } } });
  });
  it('else social by default', () => {
    expect(classifyOrg('溆浦县爱心家园')).toMatchObject({ type: 'social', source: 'default' });
  });
});

describe('org-type-guess rule', () => {
  const header = [...FORM_HEADER, '类型'];
  const register = makeRegister([
    header,
    [1, '溆浦县爱心家园', '张三', '溆浦县卢峰镇大坪村3组', '', ''],
    [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大坪村4组', '', ''],
    [3, '溆浦县 爱心家园', '王五', '溆浦县卢峰镇大坪村5组', '', ''],
    [4, '鹤城区红十字会', '赵六', '溆浦县卢峰镇大坪村6组', '', '基金会'],
    [5, '鹤城区红十字会', '钱七', '溆浦县卢峰镇大坪村7组', '', ''],
    [6, '溆浦县助学会', '孙八', '溆浦县卢峰镇大坪村8组', '', '其他'],
  ]);

  it('warns once per organisation, at its first cell; a typed row covers its other rows', () => {
    const problems = validateRegister(register, [orgTypeGuess], { strict: false }).map(brief);
    expect(problems).toEqual([
      { rule: 'org-type-guess', severity: 'warning', cell: 'B2', messageId: 'unknown' },
      { rule: 'org-type-guess', severity: 'warning', cell: 'B7', messageId: 'unknown' },
      { rule: 'org-type-guess', severity: 'warning', cell: 'F7', messageId: 'type-text' },
    ]);
  });

  it('is quiet when orgs.csv types them', () => {
    const { registry } = registryFromRows([
      ['单位名称', '类型'],
      ['溆浦县爱心家园', '社会服务机构'],
      ['溆浦县助学会', '社会服务机构'],
    ]);
    const problems = validateRegister(register, [orgTypeGuess], { strict: false, registry }).map(brief);
    expect(problems).toEqual([{ rule: 'org-type-guess', severity: 'warning', cell: 'F7', messageId: 'type-text' }]);
  });

  it('names the organisation in the message', () => {
    const [p] = validateRegister(register, [orgTypeGuess], { strict: false });
    expect(p?.data).toEqual({ name: '溆浦县爱心家园' });
  });
});
