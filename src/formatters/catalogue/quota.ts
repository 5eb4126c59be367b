// fupin quota: reading a custom quota table, checking a ledger against it, and the table's own faults.
import type { Group } from './index.js';

export const QUOTA = (): Group => ({
  'no-header': {
    zh: '{at}：找不到表头：须有一行的第一格写“单位”，下一行写 本级、县市区、小计、选定、扶贫户数（附4 格式）',
    en: '{at}: no header found: one row must start with "单位" (unit) and the next hold "本级", "县市区", "小计", "选定", "扶贫户数" (the "附4" layout)',
  },
  'missing-column': {
    zh: '{at}：表头中找不到“{column}”列：请按 附4 格式写两行表头：单位 | 慈善系统（本级、县市区、小计）| 基金会（选定、扶贫户数）| 社会服务机构（选定、扶贫户数）',
    en: '{at}: no "{column}" column in the header: write two header rows as in "附4": "单位" | "慈善系统" ("本级", "县市区", "小计") | "基金会" ("选定", "扶贫户数") | "社会服务机构" ("选定", "扶贫户数")',
  },
  'no-rows': {
    zh: '{at}：没有任何单位行：请在表头下面每个市州写一行（省本级、长沙市……）',
    en: '{at}: no unit rows: write one row per city under the header ("省本级", "长沙市" …)',
  },
  'unit-missing': {
    zh: '{at}：这一行有数字但没有单位名称：请填写市州名称（如 长沙市）或 省本级',
    en: '{at}: this row has figures but no unit: write the city (e.g. "长沙市") or "省本级"',
  },
  'unknown-city': {
    zh: '{at}的“{value}”不是{province}的市州：请填写市州名称，如 {examples}',
    en: '{at}: "{value}" is not a city of {province}: write a city such as {examples}',
  },
  'duplicate-unit': {
    zh: '{at}的“{value}”与 {first} 重复：每个单位只能有一行，请删除或合并其中一行',
    en: '{at}: "{value}" repeats {first}: one row per unit, delete or merge one of them',
  },
  'not-number': {
    zh: '{at}的“{value}”不是数字：请填写阿拉伯数字，如 15',
    en: '{at}: "{value}" is not a number: write digits, e.g. 15',
  },
  'not-whole': {
    zh: '{at}的“{value}”不是整数：户数和单位数须为整数，如 15',
    en: '{at}: "{value}" is not a whole number: households and organisations are counted in whole numbers, e.g. 15',
  },
  'negative': {
    zh: '{at}的“{value}”是负数：请填写 0 或正整数',
    en: '{at}: "{value}" is negative: write 0 or a positive whole number',
  },
  'count-is-range': {
    zh: '{at}的“{value}”是范围，但这一列只能填一个整数，如 3',
    en: '{at}: "{value}" is a range, but this column takes one whole number, e.g. 3',
  },
  'not-range': {
    zh: '{at}的“{value}”不是户数范围：请写成“9-12”这样的范围，或只写一个数',
    en: '{at}: "{value}" is not a range of households: write a range such as 9-12, or one number',
  },
  'range-open-end': {
    zh: '{at}的“{value}”缺少上限：请写成“{low}-{example}”这样的范围，或只写一个数“{low}”；没有上限请写“{low}以上”',
    en: '{at}: "{value}" has no upper end: write a range such as {low}-{example} or the single number {low}; with no upper end write "{low}以上"',
  },
  'range-open-start': {
    zh: '{at}的“{value}”缺少下限：请写成“{example}-{high}”这样的范围，或只写一个数',
    en: '{at}: "{value}" has no lower end: write a range such as {example}-{high}, or one number',
  },
  'range-reversed': {
    zh: '{at}的“{value}”下限大于上限：请写成“{high}-{low}”',
    en: '{at}: "{value}" has its low end above its high end: write {high}-{low}',
  },
  'json-type': {
    zh: '{at}：应为{expected}',
    en: '{at}: should be {expected}',
  },
  'json-unknown-key': {
    zh: '{at}有不认识的字段“{value}”：可用字段为 {allowed}',
    en: '{at}: unknown field "{value}": the fields are {allowed}',
  },
  'json-missing': {
    zh: '{at}：缺少必填字段',
    en: '{at}: required field missing',
  },
  'json-not-object': {
    zh: '{at}：应为 JSON 对象：{ "rows": [ { "unit": "长沙市", "charityLocal": 15, … } ] }',
    en: '{at}: should be a JSON object: { "rows": [ { "unit": "长沙市", "charityLocal": 15, … } ] }',
  },
  'json-enum': {
    zh: '{at}的“{value}”不在可选值 {allowed} 中',
    en: '{at}: "{value}" is not one of {allowed}',
  },
  'note-cities-unchecked': {
    zh: '没有{province}的市州名单，未核对单位名称（可在配置中提供 knownCities）',
    en: 'no list of the cities of {province}: unit names were not checked (give knownCities in the config)',
  },
  'req-met': {
    zh: '{area}：达到全部 {count} 项任务下限',
    en: '{area}: all {count} minimums met',
  },
  'req-short': {
    zh: '{area}：{count} 项未达任务下限：{details}',
    en: '{area}: short of {count} minimum(s): {details}',
  },
  'req-short-detail': {
    zh: '{label}差 {shortfall}',
    en: '{label} short by {shortfall}',
  },
  'req-over-info': {
    zh: '{label}实际 {actual}，超出建议上限 {upper}（仅供参考）',
    en: '{label} actual {actual}, above the suggested upper end {upper} (information only)',
  },
  'charity-split-unknown': {
    zh: '{area}：只有市州合计，本级与县市区未分开，慈善系统按小计核对',
    en: '{area}: only the city total is known, not "本级" and "县市区" apart; charity checked against the subtotal',
  },
  'not-in-table': {
    zh: '“{area}”不在任务表中，未核对',
    en: '"{area}" is not in the quota table; not checked',
  },
  'no-charity-figures': {
    zh: '{area}：没有慈善系统的户数，未核对慈善系统',
    en: '{area}: no charity-system household figures; charity not checked',
  },
  'orgs-skipped': {
    zh: '只读到统计表，没有登记表，未逐个单位核对分配指导户数',
    en: 'only statistics tables were read, no registers: per-organisation guidance not checked',
  },
  'orgs-no-guidance': {
    zh: '任务表没有逐个单位的分配指导，未逐个单位核对',
    en: 'the quota table has no per-organisation guidance: per-organisation checks skipped',
  },
  'org-level-unknown': {
    zh: '{count} 个单位的层级不明（文件不在 省本级/市本级/县 的位置），未核对其分配指导',
    en: '{count} organisations have no known level (file outside "省本级"/"市本级"/county layout): guidance not checked for them',
  },
  'org-short': {
    zh: '{name}（{level}{type}）帮扶 {households} 户，少于分配指导 {guidance} 户，差 {shortfall} 户',
    en: '{name} ({level} {type}) helps {households} households, below the guidance of {guidance}: short by {shortfall}',
  },
  'org-over': {
    zh: '{name}（{level}{type}）帮扶 {households} 户，多于分配指导 {guidance} 户（仅供参考）',
    en: '{name} ({level} {type}) helps {households} households, above the guidance of {guidance} (information only)',
  },
  'demo-skipped': {
    zh: '没有读到 {units} 的登记表住址，未核对示范点（{site}）',
    en: 'no register addresses for {units}: demonstration site ({site}) not checked',
  },
  'demo-outside': {
    zh: '{area} 有 {count} 户不在示范点 {site}：{list}',
    en: '{area}: {count} households outside the demonstration site {site}: {list}',
  },
  'demo-ok': {
    zh: '{area} 的 {households} 户都在示范点 {site}',
    en: '{area}: all {households} households are in the demonstration site {site}',
  },
  'rollup-units-summed': {
    zh: '{area}：基金会和社会服务机构的单位数按各行相加，同一单位在两行出现会重复计数（读到登记表时按单位名称去重）',
    en: '{area}: foundation and social-organisation counts are summed over rows; an organisation in two rows counts twice (with registers, organisations are counted by name)',
  },
  'rollup-households-summed': {
    zh: '{area}：各行户数相加，同一户在两行出现会重复计数',
    en: '{area}: households are summed over rows; a household in two rows counts twice',
  },
  'rollup-row-unknown': {
    zh: '{area}：“{unit}”一行层级不明，未计入',
    en: '{area}: row "{unit}" has no known level; not counted',
  },
  'fault-total': {
    zh: '合计行“{column}”写的是 {stated}，各行相加为 {computed}',
    en: 'the "合计" row states {stated} for "{column}"; the rows add up to {computed}',
  },
  'fault-subtotal': {
    zh: '{unit}的慈善系统小计写的是 {stated}，本级加县市区为 {computed}',
    en: '{unit}: the charity "小计" states {stated}; "本级" + "县市区" = {computed}',
  },
  'col-charityLocal': { zh: '慈善系统 本级', en: 'charity system, own level ("本级")' },
  'col-charityCounty': { zh: '慈善系统 县市区', en: 'charity system, counties ("县市区")' },
  'col-charitySubtotal': { zh: '慈善系统 小计', en: 'charity system, subtotal ("小计")' },
  'col-foundationOrgs': { zh: '基金会 选定', en: 'foundations taking part ("选定")' },
  'col-foundationHouseholds': { zh: '基金会 扶贫户数', en: 'foundation households ("扶贫户数")' },
  'col-socialOrgs': { zh: '社会服务机构 选定', en: 'social service organisations taking part ("选定")' },
  'col-socialHouseholds': { zh: '社会服务机构 扶贫户数', en: 'social service organisation households ("扶贫户数")' },
  'org-type-charity': { zh: '慈善会', en: 'charity federation' },
  'org-type-foundation': { zh: '基金会', en: 'foundation' },
  'org-type-social': { zh: '社会服务机构', en: 'social service organisation' },
  'level-province': { zh: '省级', en: 'provincial' },
  'level-city': { zh: '市级', en: 'city' },
  'level-county': { zh: '县级', en: 'county' },
  'outside-household': { zh: '{name}（{address}{cell}）', en: '{name} ({address}{cell})' },
  'outside-cell': { zh: '，{cell}', en: ', {cell}' },
  'expected-number': { zh: '数字', en: 'a number' },
  'expected-string': { zh: '文本', en: 'a text' },
  'expected-object': { zh: '对象 { … }', en: 'an object { … }' },
  'expected-array': { zh: '数组 [ … ]', en: 'an array [ … ]' },
  'expected-int': { zh: '整数', en: 'a whole number' },
  'expected-count': { zh: '整数（如 3）', en: 'a whole number (e.g. 3)' },
  'expected-range': { zh: '户数或范围（如 9、"9-12"、[9, 12]）', en: 'a number of households or a range (9, "9-12", [9, 12])' },
  'expected-other': { zh: '{what}', en: '{what}' },
  'at-rows': { zh: '{file} 第 {from}-{to} 行', en: '{file} rows {from}-{to}' },
  'at-cell-column': { zh: '{cell}（{unit} · {column}）', en: '{cell} ({unit}, {column})' },
  'at-path': { zh: '{file} {path}', en: '{file} {path}' },
  'at-path-unit': { zh: '{file} {path}（{unit}）', en: '{file} {path} ({unit})' },
  'file-unreadable': { zh: '{file} 无法读取，未计入：{why}', en: '{file} could not be read and is not counted: {why}' },
  unplaced: {
    zh: '{count} 张登记表不知道属于哪个地区，未计入：{files}（按 省本级.xlsx、市州/市本级.xlsx、市州/县.xlsx 放置，或用 --area 指定）',
    en: '{count} register(s) of no known area are not counted: {files} (place them as "省本级".xlsx, <city>/"市本级".xlsx, <city>/<county>.xlsx, or give --area)',
  },
  'table-no-city': {
    zh: '统计表 {file}（{sheet}）不知道属于哪个市州，未使用：请把它放在市州文件夹里，或在填报单位一行写明市州',
    en: 'statistics table {file} ({sheet}) names no city and was not used',
  },
  'table-not-used': { zh: '{city}：已读到登记表，按登记表核对，统计表 {file} 未使用', en: '{city}: counted from its registers; the statistics table {file} was not used' },
  'stats-only': {
    zh: '{names} 只有统计表，没有登记表，这些市州未逐个单位核对分配指导户数',
    en: '{names}: statistics tables only, no registers: per-organisation guidance not checked there',
  },
  'blank-address': { zh: '{unit} 有 {count} 户没有填写住址，未核对是否在示范点', en: '{unit}: {count} household(s) without an address; not checked against the demonstration site' },
  'demo-partial': { zh: '没有读到 {units} 的登记表住址，其示范点未核对', en: 'no register addresses for {units}: demonstration site not checked for them' },
  'no-paths': {
    zh: '请指定全省或市州文件夹、或统计表文件，例如：fupin quota ledger/',
    en: 'give a province or city folder, or statistics table files, e.g. fupin quota ledger/',
  },
  'bad-output': {
    zh: '-o 只能写 .xlsx 文件（附4 完成情况表），例如 -o 任务完成情况.xlsx（收到 “{value}”）',
    en: '-o writes an .xlsx file (the "附4" progress form), e.g. -o progress.xlsx (got "{value}")',
  },
  'no-builtin': {
    zh: '{province}没有内置的任务分配表：请用 --table 指定本省的任务分配表（CSV/XLSX/JSON，附4 格式），或在 fupin.config.json 的 “quotaTable” 写上它的路径',
    en: 'there is no built-in quota table for {province}: give your province’s table with --table (CSV/XLSX/JSON in the "附4" layout), or name it in "quotaTable" of fupin.config.json',
  },
  'table-errors': { zh: '任务分配表 {file} 有 {count} 处错误，未使用；请改正后再试：{errors}', en: 'the quota table {file} has {count} error(s) and was not used; correct them and try again:{errors}' },
  nothing: {
    zh: '{paths} 中没有可以核对的登记表或统计表（需要 省本级、市本级 或县市区的登记表，或市州统计表）{notes}',
    en: 'nothing to check in {paths}: no registers of "省本级", a "市本级" or a county, and no city statistics table{notes}',
  },
  'none-in-table': {
    zh: '读到的地区（{names}）都不在任务分配表中，无法核对；请检查 --table 或文件夹名称',
    en: 'none of the areas read ({names}) is in the quota table; check --table or the folder names',
  },
});

/** A quota table file that cannot be read at all. */
export const QUOTA_FILE = (): Group => ({
  missing: { zh: '找不到任务分配表文件：{file}', en: 'quota table not found: {file}' },
  folder: { zh: '{file} 是文件夹，请给出任务分配表文件（.csv、.xlsx 或 .json）', en: '{file} is a folder; give a .csv, .xlsx or .json file' },
  unreadable: { zh: '读不了任务分配表 {file}（{detail}）', en: 'cannot read the quota table {file} ({detail})' },
  json: { zh: '{at} 不是有效的 JSON：请检查括号、逗号和引号', en: '{at} is not valid JSON ({detail}): check brackets, commas and quotes' },
  csv: { zh: '{file} 第 {line} 行附近无法按 CSV 读取：请用 Excel/WPS 打开检查后重新保存', en: '{file} cannot be read as CSV near line {line}: {detail}' },
  xlsx: { zh: '{file} 打不开（文件损坏或不是 .xlsx）：请在 Excel 中另存为 .xlsx 后再试', en: '{file} cannot be opened ({detail}): save it again as .xlsx' },
  'no-sheets': { zh: '{file} 里没有工作表', en: '{file} has no sheets' },
  legacy: { zh: '{file} 是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再用 --table', en: '{file} is a legacy .xls file: save it as .xlsx first' },
  format: { zh: '不认识任务分配表的格式 {file}：请给 .csv、.xlsx 或 .json 文件（可用 附4 格式）', en: 'unknown quota table format {file}: give a .csv, .xlsx or .json file' },
});

/** quota -o: the words of the 附4 progress workbook (src/io/writers/quota-progress.ts); the form's own headings stay. */
export const QUOTA_PROGRESS = (): Group => ({
  title: { zh: '{name}（完成情况）', en: '{name} (progress)' },
  'print-sheet': { zh: '完成情况', en: 'Progress' },
  actual: { zh: '实际', en: 'actual' },
  'short-by': { zh: '差额', en: 'short by' },
  'group-block': { zh: '{group}（{word}）', en: '{group} ({word})' },
  result: { zh: '核对结果', en: 'result' },
  item: { zh: '项  目', en: 'item' },
  'row-minimum': { zh: '任务下限', en: 'minimum' },
  'row-actual': { zh: '实际', en: 'actual' },
  'row-short': { zh: '差额', en: 'short by' },
  'not-read': { zh: '未读到', en: 'not in the input' },
  met: { zh: '达到', en: 'met' },
  'not-met': { zh: '未达到：{details}', en: 'not met: {details}' },
  'total-short': { zh: '{count} 个单位未达到', en: '{count} unit(s) short' },
  'total-met': { zh: '读到的 {count} 个单位全部达到', en: 'all {count} units read meet their minimums' },
  'note-item': { zh: '{n}、{text}', en: '{n}. {text}' },
  'explain-flat': {
    zh: 'I–O 列为登记表（台帐）统计的实际数，P–V 列为少于任务下限的差额（0 为已达到；超出上限仅供参考）；红色为未达到。',
    en: 'Columns I–O: actual figures counted from the registers; P–V: shortfall below the minimum (0 = met; above the upper end is information only); red = not met.',
  },
  'explain-print': {
    zh: '每个单位三行：任务下限、实际（按登记表即台帐统计）、差额（少于任务下限的数，0 为已达到；超出上限仅供参考）；红色为未达到。',
    en: 'Three rows per unit: the minimum, the actual figure counted from the registers, the shortfall (0 = met; above the upper end is information only); red = not met.',
  },
  'total-faults': { zh: '合计行按各行相加填写。原表合计行与各行之和不符：{faults}。', en: 'The "合计" (total) row is the sum of the rows. The source\'s "合计" row does not add up: {faults}.' },
  'total-fault': { zh: '{label}写 {stated}，各行相加为 {computed}', en: '{label} states {stated}, the rows add up to {computed}' },
});
