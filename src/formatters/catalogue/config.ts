// fupin.config.json: what is wrong with it and what each setting must hold.
import type { Group } from './index.js';

export const CONFIG = (): Group => ({
  'unknown-key': { zh: '{file}：不认识的设置项 “{key}”{hint}。可用的设置项：{keys}', en: '{file}: unknown setting "{key}"{hint}. Known settings: {keys}' },
  'did-you-mean': { zh: '（是不是 “{key}”？）', en: ' (did you mean "{key}"?)' },
  'bad-value': { zh: '{file}：“{key}” 的值 {got} 不对：应为{expected}', en: '{file}: "{key}" has the value {got}; it should be {expected}' },
  missing: { zh: '{file}：“{key}” 缺少了：应为{expected}', en: '{file}: "{key}" is missing; it should be {expected}' },
  'not-object': {
    zh: '{file}：内容应是一个 JSON 对象，以 { 开头、以 } 结尾，例如 {"province": "广东省", "year": 2020}',
    en: '{file}: the content must be a JSON object, starting with { and ending with }, e.g. {"province": "广东省", "year": 2020}',
  },
  'bad-json': {
    zh: '{file} 不是有效的 JSON（第 {line} 行第 {column} 列附近）：请检查引号、逗号和括号，注意最后一项后面不能有逗号',
    en: '{file} is not valid JSON (near line {line}, column {column}: {detail}): check quotes, commas and brackets; no comma after the last item',
  },
  unreadable: { zh: '无法读取 {file}（{detail}）', en: 'cannot read {file} ({detail})' },
  'expected-province': { zh: '省份全称，例如 "广东省"', en: 'the full province name, e.g. "广东省"' },
  'expected-year': { zh: '四位数的年份（不加引号），例如 2016', en: 'a four-digit year (no quotes), e.g. 2016' },
  'expected-quotaTable': {
    zh: '"builtin"（本省内置的附4 任务分配表），或任务分配表文件（CSV/XLSX/JSON）相对于本配置文件的路径，例如 "任务分配表-2017.xlsx"',
    en: '"builtin" (the province’s built-in "附4" quota table), or the path of a quota table file (CSV/XLSX/JSON) relative to this file',
  },
  'expected-rosters': {
    zh: '名单文件（建档立卡、低收入家庭）相对于本配置文件的路径列表，例如 ["名单/建档立卡.xlsx"]',
    en: 'a list of roster files ("建档立卡", low-income lists) relative to this file, e.g. ["名单/建档立卡.xlsx"]',
  },
  'expected-focus': {
    zh: '重点地区名单（类别、区县、乡镇、村）相对于本配置文件的路径列表，例如 ["重点地区.csv"]',
    en: 'a list of focus-place files (columns "类别", "区县", "乡镇", "村") relative to this file, e.g. ["重点地区.csv"]',
  },
  'expected-orgs': { zh: '单位名录文件相对于本配置文件的路径，例如 "orgs.csv"', en: 'the org registry path relative to this file, e.g. "orgs.csv"' },
  'expected-strict': { zh: 'true（警告也算不通过）或 false（只有错误算不通过），不加引号', en: 'true (warnings fail too) or false (only errors fail), without quotes' },
  'expected-quotaFindings': {
    zh: '"info"（任务未完成只作提示，检查照样通过）或 "error"（任务未完成算错误，检查不通过）',
    en: '"info" (unmet quotas are information; the check passes) or "error" (unmet quotas fail the check)',
  },
  'expected-deadlines': {
    zh: '截止日期的列表，例如 [{ "name": "结对情况上报", "date": "06-15" }]',
    en: 'a list of deadlines, e.g. [{ "name": "pairings report", "date": "06-15" }]',
  },
  'expected-deadlines-name': { zh: '截止事项的名称，例如 "结对情况上报"', en: 'what is due, e.g. "pairings report"' },
  'expected-deadlines-date': {
    zh: '日期 "YYYY-MM-DD"（某一天）或 "MM-DD"（每年这一天），例如 "2016-12-20" 或 "06-15"',
    en: 'a date "YYYY-MM-DD" (once) or "MM-DD" (every year), e.g. "2016-12-20" or "06-15"',
  },
});
