// Message catalogue for the problems and notes of counting (orgs.csv, reading a 统计表, reconciling, rollup notes).
// These checks run on whole tables, not per register row, so they are not RuleModules; they share RuleMeta's
// shape so renderProblem(STATS_RULES[p.rule], p, lang) puts any of them into words.

import type { RuleMeta } from './rules/rule.js';

type Meta = Omit<RuleMeta, 'fixable'>;

function meta(m: Meta): Meta {
  return m;
}

export const STATS_RULES: Record<string, Meta> = {
  'orgs-registry': meta({
    id: 'orgs-registry',
    severity: 'error',
    description: { zh: 'orgs.csv 单位名录须有单位名称、类型两列，类型可以识别', en: 'orgs.csv needs 单位名称 and 类型 columns with readable types' },
    messages: {
      zh: {
        header: 'orgs.csv 找不到表头：第一行应为 单位名称,类型,层级,地区',
        empty: 'orgs.csv 第 {row} 行 “{name}” 没有填类型：请填 慈善系统、基金会 或 社会服务机构',
        type: 'orgs.csv 第 {row} 行 “{name}” 的类型“{value}”无法识别：请填 慈善系统、基金会 或 社会服务机构',
        conflict:
          'orgs.csv 第 {row} 行 “{name}” 类型为{type}，但第 {earlierRow} 行已登记为{earlierType}：请删去其中一行',
      },
      en: {
        header: 'orgs.csv has no header: the first line should be "单位名称","类型","层级","地区" (name, type, level, area)',
        empty: 'orgs.csv line {row}, "{name}": the type is empty; type "慈善系统", "基金会" or "社会服务机构"',
        type: 'orgs.csv line {row}, "{name}": type "{value}" is not one fupin knows; type "慈善系统", "基金会" or "社会服务机构"',
        conflict: 'orgs.csv line {row}, "{name}" is typed {type} but line {earlierRow} says {earlierType}; delete one of them',
      },
    },
  }),
  'stats-number': meta({
    id: 'stats-number',
    severity: 'error',
    description: { zh: '统计表中的数字须为不小于 0 的整数', en: 'Figures in a 统计表 are whole numbers ≥ 0' },
    messages: {
      zh: {
        'not-number': '{cell}（{unit} {column}）“{value}”不是数字：请填写整数，没有请填 0',
        negative: '{cell}（{unit} {column}）“{value}”为负数：请填写不小于 0 的整数',
        fraction: '{cell}（{unit} {column}）“{value}”不是整数：单位数、户数只能是整数',
      },
      en: {
        'not-number': '{cell} ({unit}, {column}): "{value}" is not a number; type a whole number, 0 for none',
        negative: '{cell} ({unit}, {column}): "{value}" is negative; type a whole number ≥ 0',
        fraction: '{cell} ({unit}, {column}): "{value}" is not a whole number; units and households are counted whole',
      },
    },
  }),
  'stats-subtotal-units': meta({
    id: 'stats-subtotal-units',
    severity: 'error',
    description: { zh: '参与扶贫单位总数等于三类参与单位数量之和', en: '参与扶贫单位总数 is the sum of the three unit counts' },
    messages: {
      zh: { sum: '{cell}（{unit} 参与扶贫单位总数）为 {value}，三类参与单位数量之和为 {expected}：请改为 {expected}' },
      en: { sum: '{cell} ({unit}, total units) is {value} but the three types add up to {expected}; type {expected}' },
    },
  }),
  'stats-subtotal-households': meta({
    id: 'stats-subtotal-households',
    severity: 'error',
    description: {
      zh: '扶贫脱贫农户总数不大于三类户数之和，不小于其中最大的一类',
      en: '扶贫脱贫农户总数 lies between the largest type and the sum of the three',
    },
    messages: {
      zh: {
        'too-many': '{cell}（{unit} 扶贫脱贫农户总数）为 {value}，大于三类扶贫脱贫户数之和 {sum}：一户最多计一次，请核对',
        'too-few': '{cell}（{unit} 扶贫脱贫农户总数）为 {value}，小于{type}一类的户数 {max}：总户数不能少于任何一类，请核对',
      },
      en: {
        'too-many': '{cell} ({unit}, total households) is {value}, more than the three types together ({sum}); check it',
        'too-few': '{cell} ({unit}, total households) is {value}, fewer than the {type} type alone ({max}); check it',
      },
    },
  }),
  'stats-total': meta({
    id: 'stats-total',
    severity: 'error',
    description: { zh: '合计等于各行之和', en: 'The 合计 row is the sum of the rows above' },
    messages: {
      zh: { sum: '{cell}（合计 {column}）为 {value}，各行相加为 {expected}：请改为 {expected}' },
      en: { sum: '{cell} (total, {column}) is {value} but the rows add up to {expected}; type {expected}' },
    },
  }),
  'stats-unknown-unit': meta({
    id: 'stats-unknown-unit',
    severity: 'warning',
    description: { zh: '统计表的每一行是本市的县市区（或本省的市州）', en: 'Each row of a 统计表 is a county of the city (or a city of the province)' },
    messages: {
      zh: {
        unknown: '{cell} “{value}”不是{area}的{kind}：请写县市区（市州）的全称，或删去这一行',
        blank: '第 {row} 行有数字但“单位”一栏为空：请填写县市区（市州）名称',
        duplicate: '{cell} “{value}”与第 {firstRow} 行重复：同一单位只填一行',
      },
      en: {
        unknown: '{cell}: "{value}" is not a {kind} of {area}; write its full name or delete the row',
        blank: 'Row {row} has figures but no unit name; type the county (city) name',
        duplicate: '{cell}: "{value}" repeats row {firstRow}; one row per unit',
      },
    },
  }),
  'stats-reconcile': meta({
    id: 'stats-reconcile',
    severity: 'error',
    description: { zh: '市州统计表与县市区登记表一致', en: 'A city 统计表 agrees with its registers' },
    messages: {
      zh: {
        cell: '{cell}（{unit} {column}）表中 {stated}，按登记表应为 {computed}',
        'missing-row': '统计表中没有“{unit}”一行，按登记表应有：{computedText}',
        'no-register': '统计表中有“{unit}”一行，但没有它的登记表，无法核对',
      },
      en: {
        cell: '{cell} ({unit}, {column}): the table says {stated}, the registers give {computed}',
        'missing-row': 'The table has no row for {unit}; the registers give {computedText}',
        'no-register': 'The table has a row for {unit} but there is no register for it to check against',
      },
    },
  }),
  'rollup-input': meta({
    id: 'rollup-input',
    severity: 'warning',
    description: { zh: '汇总的输入：每张统计表属于一个市州，每个市州只有一张', en: 'Rollup inputs: each statistics table belongs to one city, one table per city' },
    messages: {
      zh: {
        'table-area': '无法确定这张统计表是哪个市州的，未计入全省表：请在“填报单位”一行写明市州（如 怀化市慈善总会），或把文件放在市州文件夹里、以市州命名',
        'province-table': '这是一张全省统计表，与其他输入一起汇总时不计入：只给市州统计表或登记表',
        'duplicate-table': '{city}有不止一张统计表，已按 {counted} 计入，这一张未计入：请核对后删去多余的一张（或把它改成正确的那张）',
      },
      en: {
        'table-area': 'cannot tell which city this statistics table is for, so it was left out of the provincial table; write the city on the "填报单位" line (e.g. "怀化市慈善总会"), or keep the file in the city folder, named after the city',
        'province-table': 'this is a provincial statistics table; with other inputs it is not counted: give city tables or registers only',
        'duplicate-table': '{city} has more than one statistics table; {counted} was counted and this one was not: check them and delete the extra one (or make it the right one)',
      },
    },
  }),
  'register-duplicate': meta({
    id: 'register-duplicate',
    severity: 'error',
    description: {
      zh: '同一地区只能有一份登记表：重复发来的版本不会被加在一起',
      en: 'One register per area: versions sent again are never added together',
    },
    messages: {
      zh: {
        version:
          '{file} 和 {counted} 都是{area}的登记表：本文件有 {onlyHere} 户结对是另一份没有的，另一份有 {onlyThere} 户是本文件没有的，{changed} 户内容不同。汇总暂按 {counted} 计入，本文件未计入。请删去（或移出文件夹）不用的一份；如果本文件是补充的结对，请在文件名中加“补报”（如 {example}），两份都会计入',
        supplement: '{file} 是{area}的补报登记表：其 {rows} 行结对与 {main} 一起计入',
      },
      en: {
        version:
          '{file} and {counted} are both registers of {area}: this file has {onlyHere} pairings the other lacks, the other has {onlyThere} this file lacks, {changed} differ. The rollup counts {counted} for now and leaves this file out. Delete (or move out of the folder) the version not to use; if this file holds additional pairings, put "补报" in its name (e.g. "{example}") and both are counted',
        supplement: '{file} is a supplement ("补报") to the register of {area}: its {rows} rows are counted together with {main}',
      },
    },
  }),
  'rollup-area': meta({
    id: 'rollup-area',
    severity: 'warning',
    description: { zh: '汇总时每份登记表须能确定所属地区', en: 'Every register in a rollup has a known area' },
    messages: {
      zh: {
        unknown: '{file} 无法确定属于哪个县市区，未计入汇总：请按 市州/县市区.xlsx 存放，或用 --area 指定',
        'other-city': '{file} 属于{fileCity}，不是{city}，未计入{city}统计表',
      },
      en: {
        unknown: '{file}: its county is unknown, so it was left out; store it as city/county.xlsx or give --area',
        'other-city': '{file} belongs to {fileCity}, not {city}; left out of the {city} table',
      },
    },
  }),
};

