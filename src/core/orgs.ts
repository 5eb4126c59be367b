// Organisation types (DOMAIN §4): name rules, 类型 text, the orgs.csv registry, and the order in which they decide.
import type { AreaLevel, Msg, OrgType, OrgTypeSource, Problem } from './model.js';
import type { DivisionIndex } from './divisions.js';
import { orgIdentity } from './household.js';
import { compact, normText, orgKey } from './normalize.js';

/** One name rule: a keyword the name contains, the type it means, and why. */
export interface NameRule {
  keyword: string;
  type: OrgType;
  why: string;
}

/**
 * The name rules, most specific first. A name can contain several keywords ("长沙市慈善会社会工作服务中心"):
 * the keyword that ends latest wins, because a Chinese name's last noun says what the body is (that one is a
 * 服务中心 run by the 慈善会, a 民非 of its own); when two end at the same place the earlier rule here wins,
 * which is why 慈善协会 is listed before 协会.
 */
export const NAME_RULES: readonly NameRule[] = [
  // 慈善系统 — the charity federations, the lead units of each place (DOMAIN §4).
  { keyword: '慈善总会', type: 'charity', why: '各级慈善总会是慈善系统的牵头单位' },
  { keyword: '慈善联合会', type: 'charity', why: '慈善联合会是慈善系统的枢纽组织' },
  { keyword: '慈善协会', type: 'charity', why: '县市区慈善协会属慈善系统（须先于“协会”判断）' },
  { keyword: '慈善会', type: 'charity', why: '慈善会属慈善系统' },
  // 基金会 — foundations, including 慈善基金会 (a foundation, not the federation).
  { keyword: '基金会', type: 'foundation', why: '名称含“基金会”的是基金会' },
  // 社会服务机构（民非）and the 社会团体 the form counts with them (DOMAIN §4: 中心, 服务社, 协会 …).
  { keyword: '社会工作服务中心', type: 'social', why: '社工服务中心是民办非企业单位' },
  { keyword: '社工服务中心', type: 'social', why: '社工服务中心是民办非企业单位' },
  { keyword: '服务中心', type: 'social', why: '服务中心是民办非企业单位' },
  { keyword: '中心', type: 'social', why: '“中心”是民办非企业单位的常见名称' },
  { keyword: '服务社', type: 'social', why: '服务社是民办非企业单位' },
  { keyword: '服务站', type: 'social', why: '服务站是民办非企业单位' },
  { keyword: '社工站', type: 'social', why: '社工站是社会工作服务机构' },
  { keyword: '协会', type: 'social', why: '附3 把协会计入社会服务机构一栏' },
  { keyword: '促进会', type: 'social', why: '促进会是社会团体，计入社会服务机构一栏' },
  { keyword: '研究会', type: 'social', why: '研究会是社会团体，计入社会服务机构一栏' },
  { keyword: '研究院', type: 'social', why: '民办研究院是民办非企业单位' },
  { keyword: '商会', type: 'social', why: '商会是社会团体，计入社会服务机构一栏' },
  { keyword: '联合会', type: 'social', why: '（慈善联合会以外的）联合会是社会团体' },
  { keyword: '志愿者', type: 'social', why: '志愿者协会、服务队是社会组织' },
  { keyword: '义工', type: 'social', why: '义工联合会、义工协会是社会组织' },
];

/** The type a name says by itself, and the keyword that decided it; undefined when no rule fits. */
export function classifyByName(name: string): { type: OrgType; rule: string } | undefined {
  const n = compact(name);
  if (!n) return undefined;
  let best: { rule: NameRule; end: number; order: number } | undefined;
  NAME_RULES.forEach((rule, order) => {
    const at = n.lastIndexOf(rule.keyword);
    if (at < 0) return;
    const end = at + rule.keyword.length;
    if (!best || end > best.end) best = { rule, end, order };
  });
  return best ? { type: best.rule.type, rule: best.rule.keyword } : undefined;
}

const TYPE_WORDS: Record<OrgType, string[]> = {
  charity: ['慈善系统', '慈善会', '慈善总会', '慈善协会', '慈善联合会', '慈善', 'charity'],
  foundation: ['基金会', '基金', 'foundation'],
  social: [
    '社会服务机构',
    '社会服务机构民非',
    '民非',
    '民办非企业单位',
    '民办非企业',
    '社会组织',
    '社会团体',
    '社团',
    'social',
  ],
};

/** The type a 类型 / 机构类型 cell or a registry's 类型 cell names; undefined when it names none. */
export function parseTypeText(text: string | undefined): OrgType | undefined {
  const t = orgKey(text ?? '').toLowerCase();
  if (!t) return undefined;
  for (const type of ['charity', 'foundation', 'social'] as const) {
    if (TYPE_WORDS[type].includes(t)) return type;
  }
  return undefined;
}

/** The Chinese name of a type as 附3 writes it. */
export const TYPE_LABEL: Record<OrgType, string> = {
  charity: '慈善系统',
  foundation: '基金会',
  social: '社会服务机构',
};

// ── the registry (orgs.csv) ──────────────────────────────────────────────────────────

export interface OrgRegistryEntry {
  /** 单位名称 as written. */
  name: string;
  key: string;
  type: OrgType;
  /** 层级 as written, and what fupin made of it. */
  levelText?: string;
  level?: AreaLevel;
  /** 地区 as written. */
  area?: string;
  /** 1-based record number in orgs.csv (header included). */
  row: number;
}

/**
 * The org registry, looked up by the organisation's identity (household.ts orgIdentity, division-aware when the list
 * is given) so every spelling the registers use finds its entry: 湖南省怀化市慈善总会 in a register finds 怀化市慈善总会.
 */
export class OrgRegistry {
  private readonly byKey = new Map<string, OrgRegistryEntry>();

  constructor(
    readonly entries: readonly OrgRegistryEntry[],
    private readonly divisions?: DivisionIndex,
  ) {
    for (const e of entries) if (!this.byKey.has(e.key)) this.byKey.set(e.key, e);
  }

  /** The key an organisation name is looked up by (the same for every spelling of one organisation). */
  keyOf(name: string): string {
    return orgIdentity(name, this.divisions);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The entry for an organisation name (any spelling), or undefined. */
  lookup(name: string): OrgRegistryEntry | undefined {
    const k = this.keyOf(name);
    return k ? this.byKey.get(k) : undefined;
  }
}

const HEADER_ALIASES = {
  name: ['单位名称', '组织名称', '机构名称', '名称', '扶贫单位或者机构名称', '扶贫单位', '单位', 'name'],
  type: ['类型', '机构类型', '组织类型', '单位类型', 'type'],
  level: ['层级', '级别', '层次', 'level'],
  area: ['地区', '所属地区', '区域', '地域', 'area'],
} as const;

type RegistryColumn = keyof typeof HEADER_ALIASES;

/** 层级 text → level: 省级/省本级, 市级/市本级/州本级, 县级/县市区. */
export function parseLevelText(text: string): AreaLevel | undefined {
  const t = compact(text).toLowerCase();
  if (!t) return undefined;
  if (/^(省|省级|省本级|省直|province)$/.test(t)) return 'province';
  if (/^(市|州|市级|州级|市州|市本级|州本级|市直|city)$/.test(t)) return 'city';
  if (/^(县|区|县级|区级|县市区|县区|county)$/.test(t)) return 'county';
  return undefined;
}

/**
 * Reads orgs.csv's records (already split into cells by io): finds the header row among the first ten
 * (单位名称 and 类型 required; 层级 and 地区 optional), then one entry per named row. Rows whose 类型 cannot
 * be read are reported (rule `orgs-registry`) with their record number and left out.
 */
export function registryFromRows(rows: string[][], divisions?: DivisionIndex): { registry: OrgRegistry; entries: OrgRegistryEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: OrgRegistryEntry[] = [];
  let header: { row: number; cols: Partial<Record<RegistryColumn, number>> } | undefined;
  for (let r = 0; r < Math.min(rows.length, 10) && !header; r++) {
    const cols: Partial<Record<RegistryColumn, number>> = {};
    (rows[r] ?? []).forEach((cell, c) => {
      const t = compact(cell).toLowerCase();
      for (const key of Object.keys(HEADER_ALIASES) as RegistryColumn[]) {
        if (cols[key] === undefined && (HEADER_ALIASES[key] as readonly string[]).includes(t)) cols[key] = c;
      }
    });
    if (cols.name !== undefined && cols.type !== undefined) header = { row: r, cols };
  }
  if (!header) {
    problems.push({ rule: 'orgs-registry', messageId: 'header', severity: 'error' });
    return { registry: new OrgRegistry([], divisions), entries, problems };
  }
  const { cols } = header;
  const seen = new Map<string, OrgRegistryEntry>();
  for (let r = header.row + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const at = (c: number | undefined): string => (c === undefined ? '' : normText(cells[c] ?? ''));
    const name = at(cols.name);
    const typeText = at(cols.type);
    const rowNo = r + 1;
    if (!name) continue;
    const key = orgIdentity(name, divisions);
    if (!key) continue;
    if (!typeText) {
      problems.push({ rule: 'orgs-registry', messageId: 'empty', severity: 'warning', row: rowNo, column: '类型', value: name, data: { name } });
      continue;
    }
    const type = parseTypeText(typeText);
    if (!type) {
      problems.push({ rule: 'orgs-registry', messageId: 'type', severity: 'error', row: rowNo, column: '类型', value: typeText, data: { name } });
      continue;
    }
    const levelText = at(cols.level) || undefined;
    const area = at(cols.area) || undefined;
    const entry: OrgRegistryEntry = { name, key, type, row: rowNo };
    if (levelText) {
      entry.levelText = levelText;
      const level = parseLevelText(levelText);
      if (level) entry.level = level;
    }
    if (area) entry.area = area;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.type !== type) {
        problems.push({
          rule: 'orgs-registry',
          messageId: 'conflict',
          severity: 'error',
          row: rowNo,
          column: '类型',
          value: typeText,
          data: { name, earlierRow: earlier.row, earlierType: TYPE_LABEL[earlier.type], type: TYPE_LABEL[type] },
        });
      }
      continue;
    }
    seen.set(key, entry);
    entries.push(entry);
  }
  return { registry: new OrgRegistry(entries, divisions), entries, problems };
}

// ── deciding ─────────────────────────────────────────────────────────────────────────

export interface OrgTypeDecision {
  type: OrgType;
  source: OrgTypeSource;
  /** What decided it: the 类型 text, the registry row, the name keyword, or why nothing did (`orgs/basis-…`). */
  detail: Msg;
}

/**
 * The type of an organisation, in DOMAIN §4's order: the register's 类型 column, then the registry, then the
 * name; when none decides, 社会服务机构 with source `default` (the org-type-guess rule warns about those).
 */
export function classifyOrg(name: string, opts: { typeColumnText?: string; registry?: OrgRegistry } = {}): OrgTypeDecision {
  const fromColumn = parseTypeText(opts.typeColumnText);
  if (fromColumn) return { type: fromColumn, source: 'column', detail: { id: 'orgs/basis-column', data: { text: normText(opts.typeColumnText ?? '') } } };
  const entry = opts.registry?.lookup(name);
  if (entry) return { type: entry.type, source: 'registry', detail: { id: 'orgs/basis-registry', data: { row: entry.row, name: entry.name } } };
  const byName = classifyByName(name);
  if (byName) return { type: byName.type, source: 'name', detail: { id: 'orgs/basis-name', data: { keyword: byName.rule } } };
  return { type: 'social', source: 'default', detail: { id: 'orgs/basis-default' } };
}

/**
 * The type of each organisation of a count, decided once from all its rows, the same way wherever fupin counts
 * (the 统计表, the public listing): the first 类型 text fupin can read on any of its rows, then orgs.csv, then the name
 * it is most often written as. Rows are added as they come; `decide` answers for every organisation added.
 */
export class OrgTypeVotes {
  private readonly names = new Map<string, Map<string, number>>();
  private readonly columnText = new Map<string, string>();

  /** One row of organisation `key`, written `spelling`, with its 类型 cell's text (`rows` such rows at once). */
  add(key: string, spelling: string, typeText: string | undefined, rows = 1): void {
    let counts = this.names.get(key);
    if (!counts) this.names.set(key, (counts = new Map()));
    counts.set(spelling, (counts.get(spelling) ?? 0) + rows);
    if (!this.columnText.has(key) && parseTypeText(typeText)) this.columnText.set(key, typeText ?? '');
  }

  /** The organisations added, in the order first met. */
  keys(): IterableIterator<string> {
    return this.names.keys();
  }

  /** Every spelling of an organisation, most frequent first (ties: first seen). */
  spellings(key: string): string[] {
    const counts = this.names.get(key);
    if (!counts) return [];
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  }

  /** Each organisation's type, in the order first met. */
  decide(registry?: OrgRegistry): Map<string, OrgTypeDecision> {
    const out = new Map<string, OrgTypeDecision>();
    for (const key of this.names.keys()) {
      out.set(key, classifyOrg(this.spellings(key)[0] ?? key, { typeColumnText: this.columnText.get(key), ...(registry ? { registry } : {}) }));
    }
    return out;
  }
}
