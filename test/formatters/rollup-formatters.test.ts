// The rollup formatters on a small hand-made report: JSON keys exactly DOMAIN §10's, CSV layout and neutralising, the
// terminal table's merged header and CJK-aware alignment.
import { describe, expect, it } from 'vitest';
import type { Msg, RollupRow, RollupTable } from '../../src/core/model.js';
import { columnSums } from '../../src/core/rollup.js';
import { formatRollupCsv } from '../../src/formatters/rollup-csv.js';
import { formatRollupJson } from '../../src/formatters/rollup-json.js';
import { formatRollupPretty } from '../../src/formatters/rollup-pretty.js';
import type { RollupReport } from '../../src/formatters/rollup-report.js';
import { displayWidth } from '../../src/formatters/text-width.js';
import { HUNAN } from '../helpers/profile.js';

function row(unit: string, f: number[], extra: Partial<RollupRow> = {}): RollupRow {
  const p = (i: number) => ({ units: f[i]!, households: f[i + 1]! });
  return { unit, level: 'county', city: '怀化市', ...extra, charity: p(0), foundation: p(2), social: p(4), subtotal: p(6) };
}

function table(rows: RollupRow[], notes: Msg[] = []): RollupTable {
  return { level: 'city', area: '怀化市', rows, total: columnSums(rows), notes };
}

const CITY = table(
  [
    row('市本级', [1, 11, 2, 7, 2, 4, 5, 22], { level: 'city' }),
    row('靖州苗族侗族自治县', [1, 5, 0, 0, 1, 1, 2, 6]),
    row('洪江市', [1, 5, 1, 3, 0, 0, 2, 8]),
  ],
  [{ id: 'rollup/no-name', data: { file: '沅陵县.xlsx', rows: [8], count: 1 } }],
);

function report(extra: Partial<RollupReport> = {}): RollupReport {
  return { title: HUNAN.titles.stats, table: CITY, problems: [], source: { files: 3, registers: 3, tables: 0 }, leftOut: { rows: 0, files: [] }, lang: 'zh', ...extra };
}

describe('formatRollupJson', () => {
  it('prints exactly level, area, rows (unit and the four pairs), total, notes', () => {
    const doc = JSON.parse(formatRollupJson(report()));
    expect(Object.keys(doc)).toEqual(['level', 'area', 'rows', 'total', 'notes']);
    expect(doc.rows[1]).toEqual({
      unit: '靖州苗族侗族自治县',
      charity: { units: 1, households: 5 },
      foundation: { units: 0, households: 0 },
      social: { units: 1, households: 1 },
      subtotal: { units: 2, households: 6 },
    });
    expect(doc.total).toEqual({
      charity: { units: 3, households: 21 },
      foundation: { units: 3, households: 10 },
      social: { units: 3, households: 5 },
      subtotal: { units: 9, households: 36 },
    });
  });

  it('adds byCity and problems only when there are some', () => {
    const doc = JSON.parse(
      formatRollupJson(
        report({
          byCity: [CITY],
          problems: [{ file: '长沙市.xlsx', sheet: 'Sheet1', row: 12, cell: 'I12', rule: 'stats-total', severity: 'error', message: 'I12 …' }],
        }),
      ),
    );
    expect(Object.keys(doc)).toEqual(['level', 'area', 'rows', 'total', 'notes', 'byCity', 'problems']);
    expect(doc.byCity[0].area).toBe('怀化市');
    expect(doc.problems).toEqual([{ file: '长沙市.xlsx', sheet: 'Sheet1', row: 12, cell: 'I12', rule: 'stats-total', severity: 'error', message: 'I12 …' }]);
  });

  it('adds leftOut, last, only when the count left rows or files out', () => {
    const leftOut = { rows: 1, files: [{ file: '永定区帮扶卡.xlsx', why: 'fupin 生成的文件，未计入' }] };
    const doc = JSON.parse(formatRollupJson(report({ leftOut })));
    expect(Object.keys(doc)).toEqual(['level', 'area', 'rows', 'total', 'notes', 'leftOut']);
    expect(doc.leftOut).toEqual(leftOut);
    expect(doc.notes).toEqual(['沅陵县.xlsx 第 8 行没有户主姓名，无法确定帮扶对象，共 1 行未计入']);
  });
});

describe('formatRollupCsv', () => {
  it('starts with a BOM, has the form\'s two header rows and 合计 last, CRLF line ends', () => {
    const csv = formatRollupCsv(report());
    expect(csv.startsWith('\uFEFF单位,慈善系统,,基金会,,社会服务机构（民非）,,小计,\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '单位,慈善系统,,基金会,,社会服务机构（民非）,,小计,',
      ',参与单位数量,扶贫脱贫户数,参与单位数量,扶贫脱贫户数,参与单位数量,扶贫脱贫户数,参与扶贫单位总数,扶贫脱贫农户总数',
      '市本级,1,11,2,7,2,4,5,22',
      '靖州苗族侗族自治县,1,5,0,0,1,1,2,6',
      '洪江市,1,5,1,3,0,0,2,8',
      '合计,3,21,3,10,3,5,9,36',
      '',
    ]);
  });

  it('neutralises a unit name a spreadsheet would run as a formula', () => {
    const csv = formatRollupCsv(report({ table: table([row('=HYPERLINK("x")', [0, 0, 0, 0, 0, 0, 0, 0]), row('-1县', [0, 0, 0, 0, 0, 0, 0, 0])]) }));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",0,0,0,0,0,0,0,0`);
    expect(lines[3]).toBe(`'-1县,0,0,0,0,0,0,0,0`);
  });

  it('with byCity adds each city table after an empty line, under a title naming the city', () => {
    const csv = formatRollupCsv(report({ byCity: [CITY] }));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[6]).toBe('');
    expect(lines[7]).toBe('湖南省慈善组织精准扶贫结对帮扶统计表（怀化市）');
    expect(lines[8]).toBe('单位,慈善系统,,基金会,,社会服务机构（民非）,,小计,');
    expect(lines.at(-2)).toBe('合计,3,21,3,10,3,5,9,36');
  });
});

describe('formatRollupPretty', () => {
  const out = formatRollupPretty(report(), { color: false, width: 120 });
  const lines = out.split('\n');
  const tableLines = lines.filter((l) => /^[┌│├└]/.test(l));

  it('draws the form: 单位 over both header rows, each group over two columns, a rule under the header and above 合计', () => {
    expect(lines[0]).toBe('湖南省慈善组织精准扶贫结对帮扶统计表（怀化市）');
    expect(tableLines[1]).toMatch(/^│\s+│\s+慈善系统\s+│\s+基金会\s+│ 社会服务机构（民非）\s+│\s+小计\s+│$/);
    expect(tableLines[2]).toMatch(/^│\s+├─+┬─+┼/); // the group cells span two columns; 单位 spans both rows
    expect(tableLines[3]).toMatch(/^│\s+单位\s+│ 参与单位\s+│ 扶贫脱贫\s+│/);
    expect(tableLines.filter((l) => l.startsWith('├'))).toHaveLength(2);
    expect(tableLines.find((l) => l.includes('靖州苗族侗族自治县'))).toBe(
      '│ 靖州苗族侗族自治县 │         1 │         5 │         0 │         0 │         1 │         1 │         2 │         6 │',
    );
    expect(tableLines.at(-2)).toMatch(/^│\s+合计\s+│\s+3 │\s+21 │\s+3 │\s+10 │\s+3 │\s+5 │\s+9 │\s+36 │$/);
  });

  it('lines up Chinese text by display width: every table line is equally wide', () => {
    const widths = new Set(tableLines.map(displayWidth));
    expect(widths.size).toBe(1);
    expect([...widths][0]).toBe(20 + 8 * 11 + 10);
  });

  it('prints the notes, then the problems by file with cell and severity, then a summary', () => {
    const withProblems = formatRollupPretty(
      report({
        problems: [
          { file: '长沙市.xlsx', sheet: '统计表', row: 17, cell: 'I17', rule: 'stats-total', severity: 'error', message: 'I17（合计 扶贫脱贫农户总数）为 152，各行相加为 151：请改为 151' },
          { file: 'orgs.csv', row: 3, rule: 'orgs-registry', severity: 'warning', message: 'orgs.csv 第 3 行 “某中心” 没有填类型' },
        ],
      }),
      { color: false, width: 120 },
    ).split('\n');
    const notes = withProblems.indexOf('说明：');
    expect(withProblems[notes + 1]).toBe('  1. 沅陵县.xlsx 第 8 行没有户主姓名，无法确定帮扶对象，共 1 行未计入');
    const at = withProblems.indexOf('问题（2 个）：');
    expect(at).toBeGreaterThan(notes);
    expect(withProblems.slice(at + 1, at + 5)).toEqual([
      '  长沙市.xlsx  工作表“统计表”',
      '    I17  错误 I17（合计 扶贫脱贫农户总数）为 152，各行相加为 151：请改为 151',
      '  orgs.csv',
      '    警告 orgs.csv 第 3 行 “某中心” 没有填类型',
    ]);
    expect(withProblems.at(-2)).toBe('共读取 3 个文件（3 张登记表，0 张统计表）：错误 1 个，警告 1 个，提示 0 个。');
  });

  it('says "没有发现问题" only when nothing was left out; otherwise names what was, and the files left out with why', () => {
    expect(out.split('\n').at(-2)).toBe('共读取 3 个文件（3 张登记表，0 张统计表）：没有发现问题。');
    const left = formatRollupPretty(report({ leftOut: { rows: 1, files: [{ file: '永定区帮扶卡.xlsx', why: 'fupin 生成的文件，未计入' }] } }), { color: false, width: 120 }).split('\n');
    expect(left.join('\n')).not.toContain('没有发现问题');
    const at = left.indexOf('以下文件未计入：');
    expect(left[at + 1]).toBe('  永定区帮扶卡.xlsx：fupin 生成的文件，未计入');
    expect(left.at(-2)).toBe('共读取 3 个文件（3 张登记表，0 张统计表）：有内容未计入统计表：1 行（见说明）、1 个文件（见上），核对后再签字上报。');
    const en = formatRollupPretty(report({ lang: 'en', leftOut: { rows: 1, files: [] } }), { color: false }).split('\n');
    expect(en.at(-2)).toBe('Read 3 file(s) (3 register(s), 0 statistics table(s)): Not counted in the table: 1 row(s) (see the notes); check them before signing.');
  });

  it('narrows the figure columns on a narrow terminal and wraps 社会服务机构（民非）', () => {
    const narrow = formatRollupPretty(report(), { color: false, width: 100 }).split('\n').filter((l) => /^[┌│├└]/.test(l));
    expect(new Set(narrow.map(displayWidth)).size).toBe(1);
    // 单位 12 wide (靖州苗族侗族自治县 wraps), eight figure columns of 5 (8 would make 103), padding and bars
    expect(displayWidth(narrow[0]!)).toBe(14 + 8 * 7 + 10);
    expect(narrow.some((l) => l.includes('│ 靖州苗族侗族 │'))).toBe(true);
    expect(narrow[1]).toMatch(/│\s+社会服务机构\s+│/);
    expect(narrow[2]).toMatch(/│\s+（民非）\s+│/);
  });
});
