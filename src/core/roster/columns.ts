// The columns of a roster (建档立卡 export, 民政 low-income list): keys, the headers offices use, and finding the header
// row the way a register's is found — within the first rows, after normalising, exact or alias or contained (pure).
import { headerKey, matchHeader } from '../columns.js';
import type { RawSheet } from '../model.js';

export type RosterKey = 'name' | 'idNumber' | 'county' | 'township' | 'village' | 'address' | 'category' | 'status' | 'size';

export interface RosterColumnSpec {
  key: RosterKey;
  label: string;
  aliases: string[];
}

export const ROSTER_COLUMNS: readonly RosterColumnSpec[] = [
  { key: 'name', label: '户主姓名', aliases: ['姓名', '户主', '户主名字', '申请人姓名', '申请人', '户名', '贫困户姓名', '保障对象姓名'] },
  { key: 'idNumber', label: '证件号码', aliases: ['身份证号码', '身份证号', '身份证', '公民身份号码', '户主身份证号码', '户主证件号码', '身份证件号码', '户主身份证号'] },
  { key: 'county', label: '县', aliases: ['县(市、区)', '县市区', '区县', '县区', '县(区)', '县(市)', '所属县'] },
  { key: 'township', label: '乡镇', aliases: ['乡(镇)', '乡镇(街道)', '乡(镇、街道)', '街道', '乡镇街道', '所属乡镇'] },
  { key: 'village', label: '行政村', aliases: ['村', '村(社区)', '村(居)', '村居', '社区', '所属村', '行政村(社区)'] },
  { key: 'address', label: '家庭住址', aliases: ['住址', '地址', '家庭地址', '详细地址', '居住地址'] },
  { key: 'category', label: '类别', aliases: ['保障类别', '贫困户属性', '户类型', '户属性', '救助类别', '人员类别', '对象类别'] },
  { key: 'status', label: '脱贫状态', aliases: ['脱贫情况', '是否脱贫', '状态'] },
  { key: 'size', label: '人数', aliases: ['家庭人口', '家庭人口数', '人口数', '保障人数', '户人数'] },
];

const EXACT = new Map<string, RosterKey>();
for (const c of ROSTER_COLUMNS) for (const t of [c.label, ...c.aliases]) EXACT.set(headerKey(t), c.key);
const CONTAINS = ROSTER_COLUMNS.flatMap((c) => [c.label, ...c.aliases].map((t) => ({ text: headerKey(t), key: c.key })))
  .filter((c) => c.text.length >= 3)
  .sort((a, b) => b.text.length - a.text.length);

/** Which roster column a header cell names, and how. */
export function matchRosterHeader(text: string): { key: RosterKey; how: 'exact' | 'contains' } | undefined {
  const k = headerKey(text);
  if (!k || k.length > 24) return undefined;
  const exact = EXACT.get(k);
  if (exact) return { key: exact, how: 'exact' };
  for (const c of CONTAINS) if (k.includes(c.text)) return { key: c.key, how: 'contains' };
  return undefined;
}

export interface RosterColumn {
  key: RosterKey;
  /** 0-based column. */
  col: number;
  header: string;
  how: 'exact' | 'contains';
}

export interface RosterHeader {
  /** 0-based row of the header. */
  row: number;
  columns: RosterColumn[];
  /** The header names a register's organisation column: this is a register, not a roster. */
  registerColumn?: string;
}

/** Rows searched for the header (as for registers). */
export const ROSTER_HEADER_ROWS = 40;

/** A header row: a name column and at least one of ID number, village, township or address. */
export function findRosterHeader(sheet: RawSheet): RosterHeader | undefined {
  const limit = Math.min(sheet.rows.length, ROSTER_HEADER_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const columns: RosterColumn[] = [];
    let registerColumn: string | undefined;
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c]?.text ?? '';
      if (!text.trim()) continue;
      const m = matchRosterHeader(text);
      if (m && !columns.some((x) => x.key === m.key)) columns.push({ key: m.key, col: c, header: text.trim(), how: m.how });
      else if (!m && matchHeader(text)?.key === 'org') registerColumn = text.trim();
    }
    const has = (k: RosterKey) => columns.some((x) => x.key === k);
    if (has('name') && (has('idNumber') || has('village') || has('township') || has('address'))) {
      return { row: r, columns, ...(registerColumn ? { registerColumn } : {}) };
    }
  }
  return undefined;
}
