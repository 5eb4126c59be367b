// The register's columns: canonical keys, the header texts clerks use for them, and matching a header cell to a key.
import type { ColumnKey } from './model.js';
import { compact } from './normalize.js';

export interface ColumnSpec {
  key: ColumnKey;
  /** The 附2 form's own header, or the usual one for optional columns. */
  label: string;
  /** Other headers seen in practice (compared after headerKey()). */
  aliases: string[];
  /** Required for a pairing: the register cannot be read without it. */
  required?: boolean;
  /** Expected on the form but a register can be read without it. */
  expected?: boolean;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'seq', label: '序号', aliases: ['编号', 'No', 'NO.', '序', '序列号'] },
  {
    key: 'org',
    label: '扶贫单位或者机构名称',
    aliases: ['扶贫单位或机构名称', '扶贫单位', '帮扶单位', '机构名称', '单位名称', '组织名称', '帮扶机构', '扶贫机构', '帮扶单位名称', '扶贫单位名称', '慈善组织名称', '结对单位', '帮扶责任单位', '单位', '机构', '慈善组织', '帮扶组织', '结对帮扶单位'],
    required: true,
  },
  {
    key: 'name',
    label: '扶贫户主姓名',
    aliases: ['户主姓名', '户主', '姓名', '扶贫户姓名', '贫困户姓名', '帮扶对象', '扶贫对象', '户主名字', '贫困户户主姓名', '扶贫户户主姓名', '扶贫户', '贫困户', '户名'],
    required: true,
  },
  {
    key: 'address',
    label: '扶贫家庭住址',
    aliases: ['家庭住址', '住址', '地址', '家庭地址', '扶贫户住址', '贫困户住址', '家庭详细住址', '详细地址', '所在地址'],
    required: true,
  },
  {
    key: 'phone',
    label: '联系方式',
    aliases: ['联系电话', '电话', '手机', '手机号码', '电话号码', '手机号', '联系号码', '户主电话', '户主联系电话'],
    expected: true,
  },
  { key: 'idNumber', label: '身份证号码', aliases: ['身份证号', '身份证', '公民身份号码', '身份证件号码', '户主身份证号码', '证件号码'] },
  { key: 'familySize', label: '家庭人口', aliases: ['家庭人口数', '人口', '人口数', '家庭成员数', '家庭人数', '人数'] },
  { key: 'income', label: '家庭年收入', aliases: ['年收入', '家庭收入', '家庭年收入(元)', '年人均收入', '收入'] },
  { key: 'povertyCause', label: '贫困原因', aliases: ['致贫原因', '主要致贫原因'] },
  { key: 'measures', label: '帮扶措施', aliases: ['扶贫措施', '帮扶内容', '帮扶项目', '主要帮扶措施'] },
  { key: 'remark', label: '备注', aliases: ['说明'] },
  { key: 'orgType', label: '机构类型', aliases: ['类型', '组织类型', '单位类型', '单位性质', '机构性质'] },
];

export const COLUMN_BY_KEY: ReadonlyMap<ColumnKey, ColumnSpec> = new Map(COLUMNS.map((c) => [c.key, c]));

export const REQUIRED_KEYS: readonly ColumnKey[] = COLUMNS.filter((c) => c.required).map((c) => c.key);

/** Header text for matching: NFKC, no whitespace (wrapped "扶贫单位或者\n机构名称"), no decoration (*, ：, trailing "(必填)"). */
export function headerKey(s: string): string {
  return compact(s)
    .replace(/[*＊:：]/g, '')
    .replace(/[(（\[【](?:必填|选填|可选|元|人|户|个|填写[^)）\]】]*)[)）\]】]$/u, '')
    .toLowerCase();
}

const EXACT = new Map<string, ColumnKey>();
const ALIAS = new Map<string, ColumnKey>();
/** Aliases long enough to be recognised inside a longer header, longest first. */
const CONTAINS: { text: string; key: ColumnKey }[] = [];
for (const spec of COLUMNS) {
  EXACT.set(headerKey(spec.label), spec.key);
  for (const a of spec.aliases) ALIAS.set(headerKey(a), spec.key);
  for (const t of [spec.label, ...spec.aliases]) {
    const k = headerKey(t);
    if (k.length >= 2 && !/^[a-z.]+$/.test(k)) CONTAINS.push({ text: k, key: spec.key });
  }
}
CONTAINS.sort((a, b) => b.text.length - a.text.length);

/** Words that make a header cell a title or note rather than a column name. */
const NOT_A_HEADER = /登记表|统计表|填报|备注：|此统计表|附\d/u;

/** Which column a header cell names, and how sure the match is. */
export function matchHeader(text: string): { key: ColumnKey; how: 'exact' | 'alias' | 'contains' } | undefined {
  const k = headerKey(text);
  if (!k || k.length > 24) return undefined;
  const exact = EXACT.get(k);
  if (exact) return { key: exact, how: 'exact' };
  const alias = ALIAS.get(k);
  if (alias) return { key: alias, how: 'alias' };
  if (NOT_A_HEADER.test(text)) return undefined;
  for (const c of CONTAINS) {
    if (k.includes(c.text)) return { key: c.key, how: 'contains' };
  }
  return undefined;
}
