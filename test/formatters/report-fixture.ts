// A hand-made `fupin check` report for the formatter tests: two registers (one xlsx, one csv), an unreadable file, a quota finding.
import type { CheckProblem, CheckReport } from '../../src/formatters/check-report.js';
import type { RenderedFile } from '../../src/formatters/report.js';

export const HOSTILE = '单位 "A&B" <公司> 50% 完成,\r\n第二行: 结束\u0001';

export function sampleReport(over: Partial<CheckReport> = {}): CheckReport {
  const files: RenderedFile[] = [
    {
      file: '怀化市/溆浦县.xlsx',
      sheet: '登记表',
      area: '怀化市溆浦县',
      rows: 12,
      detected: {},
      problems: [
        { rule: 'phone-format', severity: 'error', row: 9, column: '联系方式', cell: 'E9', value: '1.39123E+10', message: 'E9 联系方式“1.39123E+10”被 Excel 改成了科学计数法' },
        { rule: 'org-name-variant', severity: 'warning', row: 7, column: '扶贫单位或者机构名称', cell: 'B7', message: HOSTILE },
      ],
    },
    {
      file: '怀化市/辰溪县.csv',
      sheet: '辰溪县',
      area: '怀化市辰溪县',
      rows: 5,
      detected: {},
      problems: [{ rule: 'joint-household', severity: 'info', row: 11, cell: 'C11', message: 'C11 联合帮扶' }],
    },
    { file: '怀化市/旧表.xls', rows: 0, detected: {}, problems: [{ rule: 'file-legacy-xls', severity: 'error', message: '旧版 Excel' }] },
  ];
  const problems: CheckProblem[] = files.flatMap((f) =>
    f.problems.map((p) => ({ section: 'validate' as const, file: f.file, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}), ...p })),
  );
  problems.push({ section: 'quota', rule: 'quota-shortfall', severity: 'info', area: '怀化市', file: '怀化市/市本级.xlsx', message: '怀化市：1 项未达任务下限：慈善系统 本级差 2' });
  return {
    root: '.',
    pathPrefix: '',
    config: { province: '湖南省', quotaTable: 'builtin', strict: false, quotaFindings: 'info' },
    validation: { files, summary: { files: 3, registers: 2, rows: 17, errors: 2, warnings: 1, infos: 1 }, passedOver: [], lang: 'zh' },
    skipped: {},
    deadlines: [],
    problems,
    summary: { files: 3, registers: 2, emptyRegisters: 0, rows: 17, errors: 2, warnings: 1, infos: 2, quotaMet: false, passed: false, exitCode: 1 },
    lang: 'zh',
    ...over,
  };
}
