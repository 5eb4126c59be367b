// The quota formatters on a report built from hand-written figures: table cells, shortfall colour, sections, verdicts, JSON.
import { describe, expect, it } from 'vitest';
import { checkQuota } from '../../src/core/quota/index.js';
import { HUNAN, HUNAN_2016 } from '../helpers/profile.js';
import { formatQuotaJson } from '../../src/formatters/quota-json.js';
import { formatQuotaPretty } from '../../src/formatters/quota-pretty.js';
import { ACTUALS } from './quota-actuals.js';

const cells = (out: string, label: string): string[] =>
  out
    .split('\n')
    .find((l) => l.includes(`│ ${label} `))!
    .split('│')
    .map((c) => c.trim())
    .filter(Boolean);

describe('formatQuotaPretty', () => {
  const report = checkQuota(HUNAN_2016, ACTUALS, HUNAN.cityNames);
  const out = formatQuotaPretty(report, { color: false, width: 100, lang: 'zh' });

  it('prints 要求 / 实际 / 差额 / 结果 per requirement', () => {
    expect(out).toContain('✖ 衡阳市');
    expect(out).toContain('✔ 长沙市');
    expect(cells(out, '慈善系统 本级').slice(0, 5)).toEqual(['慈善系统 本级', '15', '15', '0', '达到']);
    const lines = out.split('\n');
    const hengyang = lines.slice(lines.findIndex((l) => l.includes('衡阳市')));
    const row = (label: string): string[] => hengyang.find((l) => l.includes(`│ ${label} `))!.split('│').map((c) => c.trim()).filter(Boolean);
    expect(row('慈善系统 本级')).toEqual(['慈善系统 本级', '10', '7', '3', '未达到']);
    expect(row('社会服务机构 选定')).toEqual(['社会服务机构 选定', '3', '2', '1', '未达到']);
    expect(row('基金会 扶贫户数')).toEqual(['基金会 扶贫户数', '9-12', '9', '0', '达到']);
    expect(cells(out, '基金会 扶贫户数')).toEqual(['基金会 扶贫户数', '10-15', '16', '0', '达到（超出上限 15，仅供参考）']);
  });

  it('lists organisations short of guidance, counts those over, shows the table faults and one verdict per area', () => {
    expect(out).toContain('未达到分配指导户数的单位（1 个');
    expect(cells(out, '衡阳市慈善总会')).toEqual(['衡阳市慈善总会', '市级慈善会', '衡阳市本级', '2', '3-10', '1']);
    expect(out).toContain('另有 1 个单位超过分配指导的上限');
    expect(out).toContain('表内合计与各行之和不符（3 处');
    expect(out).toContain('合计行“社会服务机构 选定”写的是 41，各行相加为 43');
    expect(out).toContain('✔ 长沙市：全部达到任务下限');
    expect(out).toContain('✖ 衡阳市：2 项未达到（慈善系统 本级差 3，社会服务机构 选定差 1）');
    expect(out.trimEnd().split('\n').at(-1)).toBe('2 个单位中有 1 个未达到任务下限。');
  });

  it('colours shortfalls red only when asked', () => {
    expect(out).not.toMatch(/\u001b\[/u);
    const coloured = formatQuotaPretty(report, { color: true, width: 100, lang: 'zh' });
    expect(coloured).toContain('\u001b[31m\u001b[1m3\u001b[22m\u001b[39m');
  });

  it('speaks English with --lang en', () => {
    // long verdict lines wrap to the width: compare the text with the line breaks taken out
    const en = formatQuotaPretty(report, { color: false, width: 100, lang: 'en' }).replace(/\n +/g, ' ');
    // English quotes the Chinese terms of the form
    expect(en).toContain('衡阳市: 2 not met (charity system, own level ("本级") short by 3; social service organisations taking part ("选定") short by 1)');
    expect(en).toContain('NOT MET');
  });
});

describe('formatQuotaJson', () => {
  it('prints required / actual / shortfall / met per requirement and the tableFaults', () => {
    const doc = JSON.parse(formatQuotaJson(checkQuota(HUNAN_2016, ACTUALS, HUNAN.cityNames), 'zh'));
    expect(doc.met).toBe(false);
    const hy = doc.areas.find((a: { area: string }) => a.area === '衡阳市');
    expect(hy.requirements.map((r: { id: string; required: number; actual: number; shortfall: number; met: boolean }) => [r.id, r.required, r.actual, r.shortfall, r.met])).toEqual([
      ['charity-local', 10, 7, 3, false],
      ['charity-county', 70, 70, 0, true],
      ['foundation-orgs', 3, 3, 0, true],
      ['foundation-households', 9, 9, 0, true],
      ['social-orgs', 3, 2, 1, false],
      ['social-households', 3, 3, 0, true],
    ]);
    expect(doc.tableFaults.map((f: { column: string; stated: unknown; computed: unknown }) => [f.column, f.stated, f.computed])).toEqual([
      ['foundationHouseholds', '30-100', '122-181'],
      ['socialOrgs', 41, 43],
      ['socialHouseholds', '20-50', '43-102'],
    ]);
  });
});
