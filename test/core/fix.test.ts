// computeFixes: which cells a mechanical repair changes, to what, and which it leaves for a person.
import { describe, expect, it } from 'vitest';
import { applyFixes, computeFixes, halfWidth, type Fix } from '../../src/core/fix.js';
import { describeFix } from '../../src/formatters/fix.js';
import { registryFromRows } from '../../src/core/orgs.js';
import { allRules } from '../../src/core/rules/index.js';
import { validateRegister } from '../../src/core/validate.js';
import type { Register } from '../../src/core/model.js';
import { FORM_HEADER, makeRegister, num } from '../helpers/register.js';

function fixesOf(reg: Register, registryRows?: string[][]): Fix[] {
  const problems = validateRegister(reg, allRules, { strict: false });
  const registry = registryRows ? registryFromRows(registryRows).registry : undefined;
  return computeFixes(reg, problems, registry ? { registry } : {});
}

const brief = (f: Fix) => [f.cell, f.before, f.after, f.reason, f.rule ?? null];

describe('computeFixes', () => {
  it('renumbers 序号 1..n: out of sequence, repeated, not a number, empty — and only those cells', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', '13907451234'],
        [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇桐木村1组', '13907451235'],
        [4, '溆浦县慈善会', '王五', '溆浦县卢峰镇桐木村2组', '13907451236'],
        [4, '溆浦县慈善会', '赵六', '溆浦县卢峰镇桐木村3组', '13907451237'],
        ['五', '溆浦县慈善会', '钱七', '溆浦县卢峰镇桐木村4组', '13907451238'],
        ['', '溆浦县慈善会', '孙八', '溆浦县卢峰镇桐木村5组', '13907451239'],
        ['007', '溆浦县慈善会', '周九', '溆浦县卢峰镇桐木村6组', '13907451240'],
      ],
      { headerRow: 4 },
    );
    expect(fixesOf(reg).map(brief)).toEqual([
      ['A7', '4', '3', 'renumber', 'serial-number'],
      ['A9', '五', '5', 'renumber', 'serial-number'],
      ['A10', '', '6', 'renumber', 'serial-number'],
    ]);
    expect(fixesOf(reg).every((f) => f.as === 'number')).toBe(true);
  });

  it('trims every recognised text cell and makes full-width digits half-width in phones and numbers, not in names or addresses', () => {
    const reg = makeRegister(
      [
        [...FORM_HEADER, '身份证号码', '家庭年收入'],
        [1, ' 溆浦县慈善会', '张三\u3000', '溆浦县卢峰镇（大坪村）３组\u3000', '１３９０７４５１２３４', '４３１２２２１９５４１０２０６４１９', '１２００'],
      ],
      { headerRow: 4 },
    );
    expect(fixesOf(reg).map(brief)).toEqual([
      ['B5', ' 溆浦县慈善会', '溆浦县慈善会', 'trim', null],
      ['C5', '张三\u3000', '张三', 'trim', null],
      ['D5', '溆浦县卢峰镇（大坪村）３组\u3000', '溆浦县卢峰镇（大坪村）３组', 'trim', null],
      ['E5', '１３９０７４５１２３４', '13907451234', 'half-width', null],
      ['F5', '４３１２２２１９５４１０２０６４１９', '431222195410206419', 'half-width', null],
      ['G5', '１２００', '1200', 'half-width', null],
    ]);
  });

  it('removes alignment spaces from names the rule flags, and leaves a long spaced name (maybe a minority name) alone', () => {
    const reg = makeRegister(
      [FORM_HEADER, [1, '溆浦县慈善会', '张  三', '溆浦县卢峰镇大坪村3组', '13907451234'], [2, '溆浦县慈善会', '阿依古丽 买买提', '溆浦县卢峰镇大坪村4组', '13907451235']],
      { headerRow: 4 },
    );
    expect(fixesOf(reg).map(brief)).toEqual([['C5', '张  三', '张三', 'name-spaces', 'name-spacing']]);
  });

  it('turns a numeric mobile into text, and leaves numbers Excel destroyed as they are', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', num(13907451234, '0')],
        [2, '溆浦县慈善会', '李四', '溆浦县卢峰镇大坪村4组', '1.39123E+10'],
        [3, '溆浦县慈善会', '王五', '溆浦县卢峰镇大坪村5组', num(7453221234)],
        [4, '溆浦县慈善会', '赵六', '溆浦县卢峰镇大坪村6组', num(139074512345)],
        [5, '溆浦县慈善会', '钱七', '溆浦县卢峰镇大坪村7组', ''],
      ],
      { headerRow: 4 },
    );
    const fixes = fixesOf(reg);
    expect(fixes.map(brief)).toEqual([['E5', '13907451234', '13907451234', 'phone-as-text', null]]);
    expect(fixes[0]!.as).toBe('text');
  });

  it('unifies organisation spellings to the most frequent one, but not two names one character apart', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村1组', '13907451231'],
        [2, '溆浦县 慈善会', '李四', '溆浦县卢峰镇大坪村2组', '13907451232'],
        [3, '溆浦县慈善会', '王五', '溆浦县卢峰镇大坪村3组', '13907451233'],
        [4, '溆浦县（卢峰镇）爱心协会', '赵六', '溆浦县卢峰镇大坪村4组', '13907451234'],
        [5, '溆浦县(卢峰镇)爱心协会', '钱七', '溆浦县卢峰镇大坪村5组', '13907451235'],
        [6, '溆浦县（卢峰镇）爱心协会', '孙八', '溆浦县卢峰镇大坪村6组', '13907451236'],
        [7, '溆浦县慈善总会', '周九', '溆浦县卢峰镇大坪村7组', '13907451237'],
      ],
      { headerRow: 4 },
    );
    expect(fixesOf(reg).map(brief)).toEqual([
      ['B6', '溆浦县 慈善会', '溆浦县慈善会', 'org-spelling', 'org-name-variant'],
      ['B9', '溆浦县(卢峰镇)爱心协会', '溆浦县（卢峰镇）爱心协会', 'org-spelling', 'org-name-variant'],
    ]);
  });

  it("prefers the registry's wording over the register's most frequent spelling", () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县（卢峰镇）爱心协会', '张三', '溆浦县卢峰镇大坪村1组', '13907451231'],
        [2, '溆浦县（卢峰镇）爱心协会', '李四', '溆浦县卢峰镇大坪村2组', '13907451232'],
        [3, '溆浦县(卢峰镇)爱心协会 ', '王五', '溆浦县卢峰镇大坪村3组', '13907451233'],
        [4, '溆浦县慈善会', '赵六', '溆浦县卢峰镇大坪村4组', '13907451234'],
      ],
      { headerRow: 4 },
    );
    const fixes = fixesOf(reg, [
      ['单位名称', '类型', '层级', '地区'],
      ['溆浦县卢峰镇爱心协会', '社会服务机构', '县级', '怀化市溆浦县'],
    ]);
    expect(fixes.map(brief)).toEqual([
      ['B5', '溆浦县（卢峰镇）爱心协会', '溆浦县卢峰镇爱心协会', 'org-registry', null],
      ['B6', '溆浦县（卢峰镇）爱心协会', '溆浦县卢峰镇爱心协会', 'org-registry', null],
      ['B7', '溆浦县(卢峰镇)爱心协会 ', '溆浦县卢峰镇爱心协会', 'org-registry', 'org-name-variant'],
    ]);
  });

  it('keeps the clerk\'s bracket width when the registry name differs from it only in width (the registry is read normalised)', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县(卢峰镇)爱心协会', '张三', '溆浦县卢峰镇大坪村1组', '13907451231'],
        [2, '溆浦县（卢峰镇）爱心协会', '李四', '溆浦县卢峰镇大坪村2组', '13907451232'],
        [3, '溆浦县（卢峰镇）爱心协会', '王五', '溆浦县卢峰镇大坪村3组', '13907451233'],
      ],
      { headerRow: 4 },
    );
    const fixes = fixesOf(reg, [
      ['单位名称', '类型'],
      ['溆浦县（卢峰镇）爱心协会', '社会服务机构'],
    ]);
    expect(fixes.map(brief)).toEqual([['B5', '溆浦县(卢峰镇)爱心协会', '溆浦县（卢峰镇）爱心协会', 'org-registry', 'org-name-variant']]);
  });

  it('never fills an empty required cell and changes nothing in a clean register', () => {
    const reg = makeRegister(
      [FORM_HEADER, [1, '溆浦县慈善会', '', '溆浦县卢峰镇大坪村1组', '13907451231'], [2, '溆浦县慈善会', '李四', '', '0745-3221234']],
      { headerRow: 4 },
    );
    expect(fixesOf(reg)).toEqual([]);
  });

  it('records every repair made to one cell, main reason first', () => {
    const reg = makeRegister([FORM_HEADER, [' ３ ', '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村1组', '13907451231']], { headerRow: 4 });
    const [f] = fixesOf(reg);
    expect(f).toMatchObject({ cell: 'A5', before: ' ３ ', after: '1', reason: 'renumber', as: 'number' });
    expect(describeFix(f!, 'zh')).toBe('序号按 1、2、3…… 重新连续编号');
  });
});

describe('halfWidth', () => {
  it('maps the full-width ASCII block and the ideographic space only', () => {
    expect(halfWidth('０７４５－３２２１２３４\u3000ＡＢ（）①')).toBe('0745-3221234 AB()①');
  });
});

describe('applyFixes', () => {
  it('applies in sheet, row, column order and skips a second change to the same cell', () => {
    const base = { sheet: 'S', column: '', before: 'x', reason: 'trim' as const, as: 'text' as const };
    const fixes: Fix[] = [
      { ...base, cell: 'B2', row: 2, col: 1, after: 'b' },
      { ...base, cell: 'A2', row: 2, col: 0, after: 'a' },
      { ...base, cell: 'A2', row: 2, col: 0, after: 'again' },
    ];
    const seen: string[] = [];
    const r = applyFixes(fixes, (f) => void seen.push(`${f.cell}=${f.after}`));
    expect(seen).toEqual(['A2=a', 'B2=b']);
    expect(r.skipped.map((f) => f.after)).toEqual(['again']);
  });
});

describe('computeFixes: place names in front, and a 同上 standing for a spelling (with the division list)', () => {
  it('unifies an organisation written with its province in front, and writes a 同上 out in the spelling asked for', async () => {
    const { scanSheet } = await import('../../src/core/register.js');
    const { divisions } = await import('../helpers/divisions.js');
    const cell = (v: string | number) => ({ text: String(v), kind: typeof v === 'number' ? ('number' as const) : ('string' as const) });
    const grid = [
      FORM_HEADER,
      [1, '怀化市慈善总会', '张三', '溆浦县卢峰镇大坪村3组', '13907451234'],
      [2, '湖南省怀化市慈善总会', '李四', '溆浦县卢峰镇桐木村1组', '13907451235'],
      [3, '同上', '王五', '溆浦县卢峰镇桐木村2组', '13907451236'],
      [4, '怀化市慈善总会', '赵六', '溆浦县卢峰镇桐木村3组', '13907451237'],
      [5, '怀化市慈善总会', '钱七', '溆浦县卢峰镇桐木村4组', '13907451238'],
    ];
    const reg = scanSheet(
      { name: 'Sheet1', merges: [], rows: grid.map((r) => r.map(cell)) },
      { file: 'x.xlsx', format: 'xlsx', area: { level: 'city', province: '湖南省', city: '怀化市', source: 'path' }, detected: {} },
    ).registers[0]!;
    const problems = validateRegister(reg, allRules, { strict: false, divisions: divisions() });
    expect(problems.filter((p) => p.rule === 'org-name-variant' || p.rule === 'ditto-mark').map((p) => [p.cell, p.rule, p.messageId])).toEqual([
      ['B3', 'org-name-variant', 'place'],
      ['B4', 'ditto-mark', 'resolved'],
    ]);
    expect(computeFixes(reg, problems).filter((f) => f.columnKey === 'org').map(brief)).toEqual([
      ['B3', '湖南省怀化市慈善总会', '怀化市慈善总会', 'org-spelling', 'org-name-variant'],
      ['B4', '同上', '怀化市慈善总会', 'ditto', 'ditto-mark'],
    ]);
  });
});
