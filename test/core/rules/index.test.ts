// The rule set as a whole: file name = id, zh/en messages side by side, every problem renders in both languages.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../../src/formatters/catalogue/index.js';
import { allRules, ruleById } from '../../../src/core/rules/index.js';
import type { RuleModule } from '../../../src/core/rules/rule.js';
import { validateRegister } from '../../../src/core/validate.js';
import { scanSheet } from '../../../src/core/register.js';
import { divisions } from '../../helpers/divisions.js';
import { makeRegister, num } from '../../helpers/register.js';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../src/core/rules');
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'rule.ts' && f !== 'index.ts');

const placeholders = (s: string): string[] => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();

describe('rule files', () => {
  it.each(ruleFiles)('%s: file name equals the rule id', async (file) => {
    const mod = (await import(join(RULES_DIR, file))) as { default: RuleModule };
    expect(mod.default.meta.id).toBe(basename(file, '.ts'));
  });

  it.each(ruleFiles)('%s: is listed in allRules', async (file) => {
    const mod = (await import(join(RULES_DIR, file))) as { default: RuleModule };
    expect(allRules).toContain(mod.default);
  });

  it('allRules has unique kebab-case ids, found by ruleById', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.meta.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(ruleById(r.meta.id)).toBe(r);
    }
    expect(ruleById('no-such-rule')).toBeUndefined();
  });
});

describe.each(allRules.map((r) => [r.meta.id, r] as const))('%s messages', (_id, rule) => {
  it('zh and en have the same message ids and placeholders', () => {
    const zh = rule.meta.messages.zh;
    const en = rule.meta.messages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    expect(rule.meta.description.zh).toMatch(/\p{Script=Han}/u);
    expect(rule.meta.description.en).toMatch(/[a-z]/);
  });

  it('cell messages name the cell', () => {
    if (rule.meta.id === 'column-missing') return;
    for (const [key, template] of Object.entries(rule.meta.messages.zh)) expect(template, key).toMatch(/^\{cell\}/);
  });
});

/** Rules whose every message the registers below exercise (others' rules are only render-checked). */
const COVERED = [
  'column-missing', 'required-cell', 'serial-number', 'person-name', 'name-spacing', 'phone-missing', 'phone-format',
  'id-number', 'number-value', 'duplicate-pairing', 'joint-household', 'shared-phone', 'org-name-variant',
];

describe('every problem renders in both languages', () => {
  it('fills every placeholder, for every message of every rule', () => {
    const messy = makeRegister(
      [
        ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码', '家庭人口', '家庭年收入'],
        [2, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678', '11010519491231002X', 4, 3600],
        [3, '溆浦县慈善会 ', '张  三', '溆浦县卢峰镇大桥村', '1.39123E+10', num(431224198001011000), '四口', -5],
        [3, '溆浦县慈善总会', '溆浦县慈善会', '', '139l2345678', '110105491231002', 3.5, '1,200元'],
        ['x', '怀化市慈善总会', '张三', '溆浦县卢峰镇大桥村', '13912345678', '110105194912310021', 0, ''],
        [null, '怀化市慈善总会(筹)', '李四(已故)', '溆浦县卢峰镇新田村', '1391234567', '4312241980X101123', 25, ''],
        [6, '怀化市慈善总会（筹）', '阿依古丽 买买提', '溆浦县卢峰镇新田村', 7451234567, '4.31224E+17', '', ''],
        [7, '怀化市慈善总会（筹）', '王', '溆浦县卢峰镇新田村', '4321234', '4312241980010112', '', ''],
        [8, '怀化市慈善总会（筹）', '赵六', '溆浦县卢峰镇新田村', '无', '991224198001011234', '', ''],
        [9, '怀化市慈善总会（筹）', '钱七', '溆浦县卢峰镇新田村', '', '431224198013011234', '', ''],
        [10, '怀化市慈善总会（筹）', '孙八', '溆浦县卢峰镇新田村', 13912345678.5, '', '', ''],
        [11, '怀化市慈善总会（筹）', '周九', '溆浦县卢峰镇新田村', '07-1234567、12345678901', '', '', ''],
        [12, '怀化市慈善总会“筹”', '周九1', '溆浦县卢峰镇新田村', '同上', '', '', ''],
        [13, '怀化市慈善总会（筹）', 'Tom', '溆浦县卢峰镇新田村', '13912345678', '', '', ''],
        [14, '', '张三、李四', '溆浦县卢峰镇新田村', '13812345678', '', '', ''],
        [15, '溆浦县慈善会', '', '溆浦县卢峰镇新田村', '13812345678', '', '', ''],
        [16, '溆浦县慈善会', '张*', '溆浦县卢峰镇新田村', '13812345678', '', '', ''],
        [17, '溆浦县慈善会', '张三李四王五赵', '溆浦县卢峰镇新田村', '13812345670', '', '', ''],
        [20, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678', '', '', ''],
      ],
      { headerRow: 3 },
    );
    const noColumns = makeRegister([['扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'], ['溆浦县慈善会', '张三', '溆浦县卢峰镇']]);
    // 序号 sequences for every way serial-number words a finding; one organisation with its province in front
    const seqs: (string | number)[][] = [[1, 2, 7, 4], [5, 6, 7], [1, 2, 4, 5], [1, 2, 2, 3], [1, '', 2, 3], [1, 3, 4, 4, 5], [1, 2, 3, 5, 5]];
    const sequences = seqs.map((list) => makeRegister([['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'], ...list.map((n, i) => [n, '怀化市慈善总会', `户主${'甲乙丙丁戊'[i]}`, '溆浦县卢峰镇'])]));
    const places = makeRegister([
      ['扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'],
      ['怀化市慈善总会', '张三', '溆浦县卢峰镇'],
      ['湖南省怀化市慈善总会', '李四', '溆浦县卢峰镇'],
      ['怀化市慈善总会', '王五', '溆浦县卢峰镇'],
    ]);
    const problems = [messy, noColumns, ...sequences, places].flatMap((reg) => validateRegister(reg, allRules, { strict: false, divisions: divisions() }));
    const seen = new Set(problems.map((p) => `${p.rule}/${p.messageId}`));
    const unseen = allRules
      .filter((r) => COVERED.includes(r.meta.id))
      .flatMap((r) => Object.keys(r.meta.messages.zh).map((k) => `${r.meta.id}/${k}`))
      .filter((k) => !seen.has(k));
    expect(unseen).toEqual([]);
    for (const p of problems) {
      const rule = ruleById(p.rule)!;
      for (const lang of ['zh', 'en'] as const) {
        const text = renderProblem(p, lang);
        expect(text, `${p.rule}/${p.messageId} ${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('makeRegister (test helper)', () => {
  it('builds the Register a reader would: columns, A1 cells, numeric fields, skipped rows, footer', () => {
    const reg = makeRegister(
      [
        ['序号', '帮扶单位', '户主姓名', '家庭住址', '联系电话', '帮扶年份'],
        [1, '溆浦县慈善会', '张  三', '溆浦县卢峰镇', 13912345678, '2016'],
        [],
        [2, null, null, null, null, null],
        [3, '溆浦县慈善会', '李四', '溆浦县卢峰镇', '', ''],
        ['备注：此统计表属结对帮卡对应登记统计'],
        [9, '溆浦县慈善会', '王五', '溆浦县卢峰镇', '13912345670', ''],
      ],
      { headerRow: 3 },
    );
    expect(reg.headerRows).toEqual([3]);
    expect(reg.columns.map((c) => [c.key, c.letter, c.how])).toEqual([
      ['seq', 'A', 'exact'],
      ['org', 'B', 'alias'],
      ['name', 'C', 'alias'],
      ['address', 'D', 'alias'],
      ['phone', 'E', 'alias'],
    ]);
    expect(reg.unknownColumns).toEqual([{ letter: 'F', header: '帮扶年份' }]);
    expect(reg.missingColumns).toEqual(['idNumber', 'familySize', 'income', 'povertyCause', 'measures', 'remark', 'orgType']);
    expect(reg.rows.map((r) => r.row)).toEqual([4, 7]);
    expect(reg.rows[0].fields.phone).toEqual({ text: '13912345678', norm: '13912345678', cell: 'E4', kind: 'number', raw: 13912345678 });
    expect(reg.rows[0].fields.name).toMatchObject({ text: '张  三', norm: '张 三', cell: 'C4', kind: 'string' });
    expect(reg.rows[0].extra).toEqual({ 帮扶年份: '2016' });
    expect(reg.rows[1].fields.phone).toMatchObject({ text: '', kind: 'empty', cell: 'E7' });
    expect(reg.skipped).toEqual({ blank: 1, template: 1, total: 4 });
    expect(reg.footerRow).toBe(8);
  });
});

describe('fixable rules', () => {
  // one register, read as the scanner reads it (同上 resolved), where every fixable rule has something to repair
  const cells = [
    ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'],
    ['1', '溆浦县慈善会', '张  三', '溆浦县卢峰镇大桥村', '13912345678'],
    ['5', '溆浦县慈善会', '李四', '同上', '13912345679'],
    ['3', '溆浦县 慈善会', '王五', '溆浦县卢峰镇新田村', '13912345670'],
    ['4', '溆浦县慈善会', '赵六', '溆浦县卢峰镇新田村', '13912345671'],
  ];
  const sheet = { name: 'Sheet1', merges: [], rows: cells.map((r) => r.map((text) => ({ text, kind: 'string' as const }))) };
  const [reg] = scanSheet(sheet, { file: 'x.xlsx', format: 'xlsx', area: { level: 'unknown', source: 'none' }, detected: {} }).registers;
  const problems = validateRegister(reg!, allRules, { strict: false });

  it.each(allRules.filter((r) => r.meta.fixable).map((r) => [r.meta.id] as const))('%s reports its repair with its finding', (id) => {
    const mine = problems.filter((p) => p.rule === id);
    expect(mine.length, `${id} found nothing to repair in the test register`).toBeGreaterThan(0);
    const withFix = mine.filter((p) => p.fix && p.fix.length > 0);
    expect(withFix.length, `${id} reports no repair`).toBeGreaterThan(0);
    for (const p of withFix) {
      for (const e of p.fix!) {
        expect(e.cell).toMatch(/^[A-Z]+\d+$/);
        expect(e.after).not.toBe(e.before);
      }
    }
  });

  it('only rules declared fixable report repairs', () => {
    const fixable = new Set(allRules.filter((r) => r.meta.fixable).map((r) => r.meta.id));
    expect(problems.filter((p) => p.fix).map((p) => p.rule).filter((r) => !fixable.has(r))).toEqual([]);
  });
});
