// Notes below a 统计表 and what rollup says about its inputs.
import type { Group } from './index.js';

export const ROLLUP = (): Group => ({
  joint: {
    zh: '{unit}：{joint} 户同时由两类（或三类）组织帮扶，扶贫脱贫农户总数按户只计一次（{distinct} 户，三类户数之和为 {sum}）',
    en: '{unit}: {joint} households are helped by two (or three) types; the total counts each once ({distinct}, the three types add up to {sum})',
  },
  'no-name': {
    zh: '{file} 第 {rows} 行没有户主姓名，无法确定帮扶对象，共 {count} 行未计入',
    en: '{file} rows {rows} have no head of household, so the pairing is unknown; {count} rows left out',
  },
  'in-sheet': { zh: '{file} 工作表“{sheet}”', en: '{file}, sheet "{sheet}",' },
  'no-org': {
    zh: '{file} 第 {rows} 行没有扶贫单位名称，无法确定帮扶组织，共 {count} 行未计入',
    en: '{file} rows {rows} have no organisation name; {count} rows left out',
  },
  'default-type': {
    zh: '{count} 个组织无法判断类型，已按社会服务机构（民非）计：{names}。请在 orgs.csv 中登记其类型',
    en: '{count} organisations could not be typed and were counted as social service organisations: {names}. Add them to orgs.csv',
  },
  'no-city-level': { zh: '未找到{city}市本级登记表，市本级一行记为 0', en: 'No "市本级" (city level) register for {city}; its "市本级" row is 0' },
  'no-province-level': { zh: '未找到省本级登记表，省本级一行记为 0', en: 'No "省本级" (provincial level) register; the "省本级" row is 0' },
  'missing-counties': { zh: '以下县市区没有登记表：{names}', en: 'No register for these counties: {names}' },
  'missing-cities': { zh: '以下市州没有数据，记为 0：{names}', en: 'No data for these cities, counted as 0: {names}' },
  'cross-row': {
    zh: '合计中的扶贫脱贫农户总数是各行相加；其中 {count} 户在两行以上出现，全表实际涉及 {distinct} 户',
    en: 'The total households are the sum of the rows; {count} households appear in more than one row, {distinct} households in all',
  },
  'city-distinct': {
    zh: '{city}：按全市去重，参与单位 {units} 个、扶贫户 {households} 户（市统计表合计为 {sumUnits} 个、{sumHouseholds} 户，因同一组织或农户出现在多个县市区）',
    en: '{city}: counted once across the city, {units} organisations and {households} households (the city table adds up to {sumUnits} and {sumHouseholds}, because some organisations or households appear in several counties)',
  },
  'duplicate-table': { zh: '{city} 有 {count} 张统计表，均已计入：请删去重复的一张', en: '{city} has {count} statistics tables, all counted; delete the duplicate' },
  'unknown-units': { zh: '以下行不是已知的市州，已计入合计：{names}', en: 'These rows are not known cities and were counted in the total: {names}' },
  'tables-used': { zh: '以下市州没有登记表，按其统计表的合计计入：{names}', en: 'No registers for these cities; their statistics table totals were counted: {names}' },
  'no-paths': { zh: '请指定要汇总的文件夹或统计表，例如：fupin rollup 怀化市', en: 'give the folders or statistics table files to roll up, e.g. fupin rollup "怀化市"' },
  'bad-output': {
    zh: '-o 只能写 .xlsx（附3 表格）、.csv 或 .json 文件（收到 “{value}”）',
    en: '-o must name an .xlsx (the "附3" form), .csv or .json file (got "{value}")',
  },
  'no-area': {
    zh: '无法确定登记表属于哪个市州、县市区：请按 市州/县市区.xlsx 存放，或用 --area 指定（例如 --area 怀化市溆浦县）',
    en: 'cannot tell which city or county the registers belong to; store them as city/county.xlsx or give --area (e.g. --area "怀化市溆浦县")',
  },
  'no-input': { zh: '{paths} 中没有可汇总的登记表或统计表{why}', en: 'no registers or statistics tables to roll up in {paths}{why}' },
  why: { zh: '\n  {file}：{why}', en: '\n  {file}: {why}' },
  'versions-left-out': {
    zh: '{count} 份重复的登记表未计入（同一地区只计一份）：{files}',
    en: '{count} duplicate registers were left out (one register per area): {files}',
  },
});
