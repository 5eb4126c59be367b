// --format github: one workflow command per problem, file and line where known, the cell in the title, GitHub's escaping.
import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, formatGithub } from '../../src/formatters/github.js';
import { HOSTILE, sampleReport } from './report-fixture.js';

describe('escaping', () => {
  it('escapes %, CR and LF in messages; also : and , in properties', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });
});

describe('formatGithub', () => {
  const out = formatGithub(sampleReport());
  const lines = out.trimEnd().split('\n');

  it('writes exactly one command line per problem, then one plain summary line', () => {
    expect(lines).toHaveLength(5 + 1);
    expect(lines.slice(0, 5).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(lines[5]).toMatch(/^fupin check：未通过。.*错误 2 个，警告 1 个，提示 2 个.*退出码 1$/);
  });

  it('puts file, row as line, and rule + cell in the title', () => {
    expect(lines[0]).toBe('::error file=怀化市/溆浦县.xlsx,line=9,title=phone-format E9::E9 联系方式“1.39123E+10”被 Excel 改成了科学计数法');
    expect(lines[2]).toBe('::notice file=怀化市/辰溪县.csv,line=11,title=joint-household C11::C11 联合帮扶');
  });

  it('keeps a hostile message on one line', () => {
    expect(lines[1]).toBe('::warning file=怀化市/溆浦县.xlsx,line=7,title=org-name-variant B7::单位 "A&B" <公司> 50%25 完成,%0D%0A第二行: 结束\u0001');
  });

  it('gives a file-level problem no line, and a quota finding its city register', () => {
    expect(lines[3]).toBe('::error file=怀化市/旧表.xls,title=file-legacy-xls::旧版 Excel');
    expect(lines[4]).toBe('::notice file=怀化市/市本级.xlsx,title=quota-shortfall::怀化市：1 项未达任务下限：慈善系统 本级差 2');
  });

  it('prefixes paths with the folder checked, escaping it as a property', () => {
    const r = sampleReport({ pathPrefix: 'led,ger/' });
    expect(annotation(r.problems[0]!, r.pathPrefix)).toMatch(/^::error file=led%2Cger\/怀化市\/溆浦县\.xlsx,line=9,/);
  });

  it('names the sheet in the title when a workbook holds several registers', () => {
    const r = sampleReport();
    r.problems.push({ ...r.problems[0]!, sheet: '第二张', cell: 'E3', row: 3 });
    const l = formatGithub(r).split('\n');
    expect(l[0]).toContain('title=phone-format 登记表!E9::');
    expect(l[5]).toContain('line=3,title=phone-format 第二张!E3::');
  });

  it('has no problem lines for a clean report', () => {
    const r = sampleReport({ problems: [] });
    r.summary = { ...r.summary, errors: 0, warnings: 0, infos: 0, passed: true, exitCode: 0 };
    expect(formatGithub(r).trimEnd().split('\n')).toEqual([expect.stringMatching(/^fupin check：通过。/)]);
    void HOSTILE;
  });
});
