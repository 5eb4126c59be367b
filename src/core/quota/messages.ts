// The quota feature's user-facing wording: message templates keyed by id, Chinese and English side by side.
import { fillTemplate } from '../i18n.js';
import type { Lang } from '../model.js';

/** A text in both languages. */
export type Text = Record<Lang, string>;

/** A placeholder value: plain, or already bilingual (a column label, a location). */
export type MsgValue = string | number | Text;

export const QUOTA_MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    // reading a custom quota table
    'no-header': '{at}：找不到表头：须有一行的第一格写“单位”，下一行写 本级、县市区、小计、选定、扶贫户数（附4 格式）',
    'missing-column': '{at}：表头中找不到“{column}”列：请按 附4 格式写两行表头：单位 | 慈善系统（本级、县市区、小计）| 基金会（选定、扶贫户数）| 社会服务机构（选定、扶贫户数）',
    'no-rows': '{at}：没有任何单位行：请在表头下面每个市州写一行（省本级、长沙市……）',
    'unit-missing': '{at}：这一行有数字但没有单位名称：请填写市州名称（如 长沙市）或 省本级',
    'unknown-city': '{at}的“{value}”不是{province}的市州：请填写市州名称，如 {examples}',
    'duplicate-unit': '{at}的“{value}”与 {first} 重复：每个单位只能有一行，请删除或合并其中一行',
    'not-number': '{at}的“{value}”不是数字：请填写阿拉伯数字，如 15',
    'not-whole': '{at}的“{value}”不是整数：户数和单位数须为整数，如 15',
    negative: '{at}的“{value}”是负数：请填写 0 或正整数',
    'count-is-range': '{at}的“{value}”是范围，但这一列只能填一个整数，如 3',
    'not-range': '{at}的“{value}”不是户数范围：请写成“9-12”这样的范围，或只写一个数',
    'range-open-end': '{at}的“{value}”缺少上限：请写成“{low}-{example}”这样的范围，或只写一个数“{low}”；没有上限请写“{low}以上”',
    'range-open-start': '{at}的“{value}”缺少下限：请写成“{example}-{high}”这样的范围，或只写一个数',
    'range-reversed': '{at}的“{value}”下限大于上限：请写成“{high}-{low}”',
    'json-type': '{at}：应为{expected}',
    'json-unknown-key': '{at}有不认识的字段“{value}”：可用字段为 {allowed}',
    'json-missing': '{at}：缺少必填字段',
    'json-not-object': '{at}：应为 JSON 对象：{ "rows": [ { "unit": "长沙市", "charityLocal": 15, … } ] }',
    'json-enum': '{at}的“{value}”不在可选值 {allowed} 中',
    'note-cities-unchecked': '没有{province}的市州名单，未核对单位名称（可在配置中提供 knownCities）',
    // checking a ledger
    'req-met': '{area}：达到全部 {count} 项任务下限',
    'req-short': '{area}：{count} 项未达任务下限：{details}',
    'req-short-detail': '{label}差 {shortfall}',
    'req-over-info': '{label}实际 {actual}，超出建议上限 {upper}（仅供参考）',
    'charity-split-unknown': '{area}：只有市州合计，本级与县市区未分开，慈善系统按小计核对',
    'not-in-table': '“{area}”不在任务表中，未核对',
    'no-charity-figures': '{area}：没有慈善系统的户数，未核对慈善系统',
    'orgs-skipped': '只读到统计表，没有登记表，未逐个单位核对分配指导户数',
    'orgs-no-guidance': '任务表没有逐个单位的分配指导，未逐个单位核对',
    'org-level-unknown': '{count} 个单位的层级不明（文件不在 省本级/市本级/县 的位置），未核对其分配指导',
    'org-short': '{name}（{level}{type}）帮扶 {households} 户，少于分配指导 {guidance} 户，差 {shortfall} 户',
    'org-over': '{name}（{level}{type}）帮扶 {households} 户，多于分配指导 {guidance} 户（仅供参考）',
    'demo-skipped': '没有读到 {units} 的登记表住址，未核对示范点（{site}）',
    'demo-outside': '{area} 有 {count} 户不在示范点 {site}：{list}',
    'demo-ok': '{area} 的 {households} 户都在示范点 {site}',
    'rollup-units-summed': '{area}：基金会和社会服务机构的单位数按各行相加，同一单位在两行出现会重复计数（读到登记表时按单位名称去重）',
    'rollup-households-summed': '{area}：各行户数相加，同一户在两行出现会重复计数',
    'rollup-row-unknown': '{area}：“{unit}”一行层级不明，未计入',
    'fault-total': '合计行“{column}”写的是 {stated}，各行相加为 {computed}',
    'fault-subtotal': '{unit}的慈善系统小计写的是 {stated}，本级加县市区为 {computed}',
  },
  en: {
    'no-header': '{at}: no header found: one row must start with 单位 (unit) and the next hold 本级, 县市区, 小计, 选定, 扶贫户数 (the 附4 layout)',
    'missing-column': '{at}: no "{column}" column in the header: write two header rows as in 附4: 单位 | 慈善系统 (本级, 县市区, 小计) | 基金会 (选定, 扶贫户数) | 社会服务机构 (选定, 扶贫户数)',
    'no-rows': '{at}: no unit rows: write one row per city under the header (省本级, 长沙市 …)',
    'unit-missing': '{at}: this row has figures but no unit: write the city (e.g. 长沙市) or 省本级',
    'unknown-city': '{at}: "{value}" is not a city of {province}: write a city such as {examples}',
    'duplicate-unit': '{at}: "{value}" repeats {first}: one row per unit, delete or merge one of them',
    'not-number': '{at}: "{value}" is not a number: write digits, e.g. 15',
    'not-whole': '{at}: "{value}" is not a whole number: households and organisations are counted in whole numbers, e.g. 15',
    negative: '{at}: "{value}" is negative: write 0 or a positive whole number',
    'count-is-range': '{at}: "{value}" is a range, but this column takes one whole number, e.g. 3',
    'not-range': '{at}: "{value}" is not a range of households: write a range such as 9-12, or one number',
    'range-open-end': '{at}: "{value}" has no upper end: write a range such as {low}-{example} or the single number {low}; with no upper end write {low}以上',
    'range-open-start': '{at}: "{value}" has no lower end: write a range such as {example}-{high}, or one number',
    'range-reversed': '{at}: "{value}" has its low end above its high end: write {high}-{low}',
    'json-type': '{at}: should be {expected}',
    'json-unknown-key': '{at}: unknown field "{value}": the fields are {allowed}',
    'json-missing': '{at}: required field missing',
    'json-not-object': '{at}: should be a JSON object: { "rows": [ { "unit": "长沙市", "charityLocal": 15, … } ] }',
    'json-enum': '{at}: "{value}" is not one of {allowed}',
    'note-cities-unchecked': 'no list of the cities of {province}: unit names were not checked (give knownCities in the config)',
    'req-met': '{area}: all {count} minimums met',
    'req-short': '{area}: short of {count} minimum(s): {details}',
    'req-short-detail': '{label} short by {shortfall}',
    'req-over-info': '{label} actual {actual}, above the suggested upper end {upper} (information only)',
    'charity-split-unknown': '{area}: only the city total is known, not 本级 and 县市区 apart; charity checked against the subtotal',
    'not-in-table': '"{area}" is not in the quota table; not checked',
    'no-charity-figures': '{area}: no charity-system household figures; charity not checked',
    'orgs-skipped': 'only statistics tables were read, no registers: per-organisation guidance not checked',
    'orgs-no-guidance': 'the quota table has no per-organisation guidance: per-organisation checks skipped',
    'org-level-unknown': '{count} organisations have no known level (file outside 省本级/市本级/county layout): guidance not checked for them',
    'org-short': '{name} ({level} {type}) helps {households} households, below the guidance of {guidance}: short by {shortfall}',
    'org-over': '{name} ({level} {type}) helps {households} households, above the guidance of {guidance} (information only)',
    'demo-skipped': 'no register addresses for {units}: demonstration site ({site}) not checked',
    'demo-outside': '{area}: {count} households outside the demonstration site {site}: {list}',
    'demo-ok': '{area}: all {households} households are in the demonstration site {site}',
    'rollup-units-summed': '{area}: foundation and social-organisation counts are summed over rows; an organisation in two rows counts twice (with registers, organisations are counted by name)',
    'rollup-households-summed': '{area}: households are summed over rows; a household in two rows counts twice',
    'rollup-row-unknown': '{area}: row "{unit}" has no known level; not counted',
    'fault-total': 'the 合计 row states {stated} for "{column}"; the rows add up to {computed}',
    'fault-subtotal': '{unit}: the charity 小计 states {stated}; 本级 + 县市区 = {computed}',
  },
};

function pick(v: MsgValue | undefined, lang: Lang): string | number | undefined {
  if (v === undefined || typeof v === 'string' || typeof v === 'number') return v;
  return v[lang];
}

/** The message `id` in both languages, placeholders filled. A missing id is a programming error. */
export function quotaText(id: string, data: Record<string, MsgValue | undefined> = {}): Text {
  const out = {} as Text;
  for (const lang of ['zh', 'en'] as const) {
    const template = QUOTA_MESSAGES[lang][id];
    if (template === undefined) throw new Error(`quota: no message '${id}'`);
    const filled: Record<string, string | number | undefined> = {};
    for (const [k, v] of Object.entries(data)) filled[k] = pick(v, lang);
    out[lang] = fillTemplate(template, filled);
  }
  return out;
}

/** Join bilingual parts with a separator per language. */
export function joinText(parts: Text[], sep: Text = { zh: '；', en: '; ' }): Text {
  return { zh: parts.map((p) => p.zh).join(sep.zh), en: parts.map((p) => p.en).join(sep.en) };
}
