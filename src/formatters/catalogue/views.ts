// The words of the terminal reports (pretty.ts, rollup-pretty.ts, quota-pretty.ts, orgs-pretty.ts, check-pretty.ts):
// table headings, section titles, summary lines. English avoids "1 more organisations": counts go where a plural
// does not depend on them, or as "(s)".
import type { Group } from './index.js';

/** Column headings shared by the reports and 问题清单. */
export const HEAD: Group = {
  sheet: { zh: '工作表', en: 'Sheet' },
  cell: { zh: '单元格', en: 'Cell' },
  column: { zh: '列', en: 'Column' },
  value: { zh: '内容', en: 'Value' },
  severity: { zh: '级别', en: 'Severity' },
  problem: { zh: '问题', en: 'Problem' },
  rule: { zh: '规则', en: 'Rule' },
};

/** validate's report. */
export const REPORT: Group = {
  rows: { zh: '{n} 户结对', en: 'pairings: {n}' },
  clean: { zh: '没有发现问题', en: 'no problems found' },
  'clean-many': { zh: '另有 {n} 张登记表没有发现问题。', en: 'No problems in the other registers ({n}).' },
  summary: {
    zh: '共检查 {files} 个文件（{registers} 张登记表，{rows} 户结对）：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个。',
    en: 'Checked {files} file(s) ({registers} register(s), {rows} pairing(s)): {errors} error(s), {warnings} warning(s), {infos} info(s).',
  },
  'passed-over': { zh: '另有 {n} 个文件不是登记表，已跳过：', en: 'Passed over, not registers ({n}):' },
  'file-why': { zh: '{file}：{why}', en: '{file}: {why}' },
  detected: { zh: '识别情况', en: 'Detected' },
  'detected-item': { zh: '{label}: {value}', en: '{label}: {value}' },
  'det-format': { zh: '格式', en: 'format' },
  'det-encoding': { zh: '编码', en: 'encoding' },
  'det-delimiter': { zh: '分隔符', en: 'delimiter' },
  'det-sheet': { zh: '工作表', en: 'sheet' },
  'det-header': { zh: '表头行', en: 'header rows' },
  'det-columns': { zh: '列对应', en: 'columns' },
  'det-area': { zh: '所属地区', en: 'area' },
  'det-other-sheets': { zh: '其他工作表（无登记表）', en: 'other sheets (no register)' },
  'det-reader': { zh: '读取组件', en: 'reader' },
  'det-shared-strings': { zh: '缺失的共享文字', en: 'missing shared strings' },
  'det-duplicate-parts': { zh: '重复的部件', en: 'parts stored twice' },
  'det-skipped-sheets': { zh: '未读取的工作表', en: 'sheets not read' },
  'det-kind': { zh: '表格类型', en: 'kind' },
  'det-roster': { zh: '名单核对', en: 'rosters' },
  'det-roster-rows': { zh: '逐行核对', en: 'rows matched' },
  'det-roster-entries': { zh: '名单户数', en: 'households listed' },
  'det-focus': { zh: '重点地区', en: 'focus places' },
  'det-focus-rows': { zh: '逐行重点地区', en: 'rows in focus places' },
  'area-unknown': { zh: '未知（地址核对已跳过）', en: 'unknown (address checks skipped)' },
  'quota-table': { zh: '附4 任务分配表，不是登记表（用 fupin quota --table 读取）', en: 'a "附4" quota table, not a register (read it with fupin quota --table)' },
};

/** rollup's report around the 附3 table. */
export const ROLLUP_VIEW: Group = {
  title: { zh: '{title}（{area}）', en: '{title} (city table, {area})' },
  'title-province': { zh: '{title}（{area}，全省汇总）', en: '{title} (provincial table, {area})' },
  notes: { zh: '说明：', en: 'Notes:' },
  'note-item': { zh: '{n}. {text}', en: '{n}. {text}' },
  problems: { zh: '问题（{n} 个）：', en: 'Problems ({n}):' },
  sheet: { zh: '工作表“{sheet}”', en: 'sheet "{sheet}"' },
  general: { zh: '（汇总）', en: '(rollup)' },
  'list-legend': { zh: '（各类写作：参与单位数量/扶贫脱贫户数）', en: '(each type: organisations/households)' },
  pair: { zh: '{group} {units}/{households}', en: '{group} {units}/{households}' },
  read: { zh: '共读取 {files} 个文件（{registers} 张登记表，{tables} 张统计表）：', en: 'Read {files} file(s) ({registers} register(s), {tables} statistics table(s)): ' },
  clean: { zh: '没有发现问题。', en: 'no problems found.' },
  counts: { zh: '错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个。', en: '{errors} error(s), {warnings} warning(s), {infos} info(s). ' },
  'left-out': { zh: '有内容未计入统计表：{parts}，核对后再签字上报。', en: 'Not counted in the table: {parts}; check them before signing.' },
  'left-rows': { zh: '{n} 行（见说明）', en: '{n} row(s) (see the notes)' },
  'left-files': { zh: '{n} 个文件（见上）', en: '{n} file(s) (see above)' },
  'left-out-files': { zh: '以下文件未计入：', en: 'Files left out of the count:' },
};

/** quota's report. */
export const QUOTA_VIEW: Group = {
  heading: { zh: '按《{name}》核对任务下限', en: 'Minimums of {name}' },
  'heading-year': { zh: '按 {year} 年《{name}》核对任务下限', en: 'Minimums of {name} ({year})' },
  custom: { zh: '任务表：{origin}', en: 'quota table: {origin}' },
  'built-in': { zh: '任务表：{province}内置（{source}）', en: 'quota table: built-in for {province} ("{source}")' },
  'table-unit': { zh: '（表中写作“{unit}”）', en: ' (the table writes "{unit}")' },
  item: { zh: '项目', en: 'Requirement' },
  required: { zh: '要求', en: 'Required' },
  actual: { zh: '实际', en: 'Actual' },
  shortfall: { zh: '差额', en: 'Short by' },
  result: { zh: '结果', en: 'Result' },
  met: { zh: '达到', en: 'met' },
  short: { zh: '未达到', en: 'NOT MET' },
  over: { zh: '达到（超出上限 {upper}，仅供参考）', en: 'met (above the upper end {upper}, information only)' },
  'orgs-short': { zh: '未达到分配指导户数的单位（{n} 个，仅为指导建议，不影响结论）', en: 'Organisations below their guidance ({n}; guidance only, does not change the verdict)' },
  'orgs-none': { zh: '每个单位都达到了分配指导户数', en: 'Every organisation reaches its guidance' },
  'orgs-over': { zh: '另有 {n} 个单位超过分配指导的上限（仅供参考；--format json 可看明细）', en: 'Above the upper end of their guidance: {n} organisation(s) (information only; see --format json)' },
  'col-org': { zh: '单位', en: 'Organisation' },
  'col-level-type': { zh: '层级类型', en: 'Level, type' },
  'col-area': { zh: '地区', en: 'Area' },
  'col-households': { zh: '户数', en: 'Households' },
  'col-guidance': { zh: '指导', en: 'Guidance' },
  'col-short': { zh: '差', en: 'Short' },
  'level-type': { zh: '{level}{type}', en: '{level} {type}' },
  'org-type-charity': { zh: '慈善会', en: 'charity federation' },
  'org-type-foundation': { zh: '基金会', en: 'foundation' },
  'org-type-social': { zh: '社会服务机构', en: 'social service org.' },
  demo: { zh: '示范点核对（{site}）', en: 'Demonstration site ({site})' },
  'demo-outside': { zh: '{area} 有 {n} 户不在示范点', en: '{area}: {n} household(s) outside the site' },
  'col-household': { zh: '户主', en: 'Household' },
  'col-address': { zh: '住址', en: 'Address' },
  'col-where': { zh: '位置', en: 'Where' },
  faults: {
    zh: '任务表本身的问题：表内合计与各行之和不符（{n} 处；核对按各行计算，不用合计行）',
    en: 'Faults in the quota table itself: its "合计" (total) row does not match the rows ({n}; the check uses the rows, never the total)',
  },
  'faults-none': { zh: '任务表的合计行与各行之和一致', en: 'The quota table\'s "合计" (total) row matches its rows' },
  notes: { zh: '说明', en: 'Notes' },
  verdicts: { zh: '结论', en: 'Verdict' },
  'all-met': { zh: '全部 {n} 个单位达到任务下限。', en: 'All {n} units meet their minimums.' },
  'some-short': { zh: '{n} 个单位中有 {short} 个未达到任务下限。', en: '{short} of {n} units fall short of their minimums.' },
  'verdict-met': { zh: '{area}：全部达到任务下限', en: '{area}: every minimum met' },
  'detail-sep': { zh: '，', en: '; ' },
  'verdict-short': { zh: '{area}：{count} 项未达到（{details}）', en: '{area}: {count} not met ({details})' },
};

/** orgs' report. */
export const ORGS_VIEW: Group = {
  'level-province': { zh: '省本级', en: 'province' },
  'level-city': { zh: '市本级', en: 'city' },
  'level-county': { zh: '县市区', en: 'county' },
  'level-unknown': { zh: '未知', en: 'unknown' },
  'type-charity': { zh: '慈善系统', en: 'charity' },
  'type-foundation': { zh: '基金会', en: 'foundation' },
  'type-social': { zh: '社会服务机构', en: 'social' },
  'col-name': { zh: '单位名称', en: 'Organisation' },
  'col-type': { zh: '类型', en: 'Type' },
  'col-level': { zh: '层级', en: 'Level' },
  'col-area': { zh: '地区', en: 'Area' },
  'col-households': { zh: '户数', en: 'Homes' },
  'col-basis': { zh: '类型依据', en: 'Type decided by' },
  also: { zh: '另写作：{name}', en: 'also written: {name}' },
  none: { zh: '没有找到任何帮扶单位。', en: 'No organisations found.' },
  summary: {
    zh: '共 {orgs} 个帮扶单位（慈善系统 {charity} 个，基金会 {foundation} 个，社会服务机构 {social} 个）。',
    en: 'Organisations: {orgs} (charity system {charity}, foundations {foundation}, social service organisations {social}).',
  },
  guessed: {
    zh: '其中 {n} 个无法按名称判断类型，已按社会服务机构计：请用 -o orgs.csv 写出单位名录，改正“类型”一栏后放在台帐根目录（或用 --orgs 指定）。',
    en: 'Not typed by name, counted as social service organisations: {n}. Write a registry with -o orgs.csv, correct its "类型" (type) column and keep it at the ledger root (or pass --orgs).',
  },
  households: { zh: '户数 {n}', en: 'households {n}' },
  basis: { zh: '类型依据：{basis}', en: 'type decided by: {basis}' },
  where: { zh: '{where}：{message}', en: '{where}: {message}' },
};

/** check's report. */
export const CHECK_VIEW: Group = {
  validate: { zh: '一、登记表检查', en: '1. Registers' },
  rollup: { zh: '二、汇总（附3）', en: '2. Roll-up ("附3")' },
  quota: { zh: '三、任务核对（附4）', en: '3. Quotas ("附4")' },
  verdict: { zh: '检查结论', en: 'Check verdict' },
  empty: { zh: '尚未填写的登记表 {n} 张：{names}', en: '{n} register(s) not filled in yet: {names}' },
  more: { zh: '{names} 等（共 {n} 张）', en: '{names} … ({n} in all)' },
  'quota-info': {
    zh: '任务核对只作提示（fupin.config.json 中 "quotaFindings": "info"），任务未完成不影响结论。',
    en: 'Quota findings are information only ("quotaFindings": "info" in fupin.config.json); they do not fail the check.',
  },
  'quota-error': { zh: '任务未完成算错误（fupin.config.json 中 "quotaFindings": "error"）。', en: 'Unmet quotas are errors ("quotaFindings": "error" in fupin.config.json).' },
  config: { zh: '设置：{file}', en: 'Settings: {file}' },
  'no-config': { zh: '设置：没有 fupin.config.json，使用默认设置', en: 'Settings: no fupin.config.json, defaults used' },
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '未通过', en: 'failed' },
  counts: { zh: '错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个', en: '{errors} error(s), {warnings} warning(s), {infos} info(s)' },
  'counts-strict': {
    zh: '错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个（严格模式：警告也算不通过）',
    en: '{errors} error(s), {warnings} warning(s), {infos} info(s) (strict: warnings fail too)',
  },
  'quota-unchecked': { zh: '任务未核对', en: 'quotas not checked' },
  'quota-met': { zh: '任务下限全部完成', en: 'every quota minimum met' },
  'quota-short': { zh: '任务下限尚未全部完成', en: 'quota minimums not all met yet' },
  exit: { zh: '退出码 {n}', en: 'exit code {n}' },
  line: { zh: '{verdict}：{counts}；{quota}。{exit}', en: '{verdict}: {counts}; {quota}. {exit}' },
  'deadline-left': { zh: '{name}：{date}，还有 {n} 天', en: '{name}: {date}, days left: {n}' },
  'deadline-today': { zh: '{name}：{date}，就是今天', en: '{name}: {date}, today' },
  'deadline-past': { zh: '{name}：{date}，已过 {n} 天', en: '{name}: {date}, days past: {n}' },
  'roster-summary': {
    zh: '名单：{listed} 户，其中已结对 {paired} 户；已结对但不在名单上 {notListed} 户；{villages} 个村（乡镇）仍有未结对的名单户',
    en: 'Rosters: {listed} households listed, {paired} of them paired; {notListed} paired but on no roster; {villages} village(s) with listed households still unpaired',
  },
  'focus-summary': { zh: '重点地区“{category}”：{total} 处中 {n} 处无人帮扶：{places}', en: 'Focus places "{category}": {n} of {total} nobody helps: {places}' },
  'focus-summary-all': { zh: '重点地区“{category}”：{total} 处都有人帮扶', en: 'Focus places "{category}": all {total} helped' },
  'focus-more': { zh: '{places} 等（共 {n} 处）', en: '{places} … ({n} in all)' },
};

/** check --format junit. */
export const JUNIT: Group = {
  rollup: { zh: '汇总（附3）', en: 'roll-up ("附3")' },
  'rollup-case': { zh: '附3 汇总', en: '"附3" roll-up' },
  quota: { zh: '任务核对（附4）', en: 'quota check ("附4")' },
  'quota-case': { zh: '附4 任务核对', en: '"附4" quota check' },
  read: { zh: '读取', en: 'read' },
  errors: { zh: '{n} 个错误', en: 'errors: {n}' },
  warnings: { zh: '{n} 个警告', en: 'warnings: {n}' },
  line: { zh: '{where}: {message}', en: '{where}: {message}' },
};

/** check --format github: the last line. */
export const GITHUB: Group = {
  summary: {
    zh: 'fupin check：{verdict}。共 {files} 个文件（{registers} 张登记表，其中 {empty} 张尚未填写；{rows} 户结对）：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个；{quota}。退出码 {exit}',
    en: 'fupin check: {verdict}. {files} file(s) ({registers} register(s), {empty} not filled in yet; {rows} pairing(s)): {errors} error(s), {warnings} warning(s), {infos} info(s); {quota}. Exit code {exit}',
  },
  'quota-short-error': { zh: '任务下限未全部完成（算错误）', en: 'quota minimums not all met (errors)' },
  'quota-short-info': { zh: '任务下限未全部完成（只作提示）', en: 'quota minimums not all met (information only)' },
};
