// What the page shows of a check, in one language (pure): the findings grouped by file with the CLI's own messages,
// the 附3 as the form lays it out, the quota verdicts, the files passed over and the downloads. Every text is rendered
// here through the catalogue; the page inserts them as text, never as HTML.
import type { CheckResult } from '../core/ledger/check.js';
import { leftOutNote } from '../core/rollup.js';
import type { PassedOver } from '../core/ledger/model.js';
import type { Lang, Severity } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { figuresOf, GROUP_HEADERS, MEASURE_HEADERS } from '../formatters/rollup-report.js';

export type DownloadKind = 'annotated' | 'stats' | 'quota' | 'cards' | 'publish' | 'zip' | 'diff';

export interface Download {
  id: string;
  kind: DownloadKind;
  /** The file name the browser saves it as. */
  name: string;
  /** For an annotated copy: the register it was made from (as shown in the findings). */
  source?: string;
}

export interface ViewFinding {
  severity: Severity;
  rule: string;
  text: string;
  cell?: string;
  column?: string;
  value?: string;
  row?: number;
}

export type GroupKind = 'register' | 'stats' | 'quota-table' | 'not-used' | 'general';

export interface ViewGroup {
  kind: GroupKind;
  file?: string;
  sheet?: string;
  area?: string;
  rows?: number;
  findings: ViewFinding[];
}

export interface StatsView {
  heading: string;
  groupHeaders: readonly string[];
  measureHeaders: readonly string[];
  unit: string;
  totalLabel: string;
  rows: { unit: string; figures: number[] }[];
  total: number[];
  notes: string[];
}

/** What was left out of the 统计表's count, in the CLI's words: the rows (file, rows, why) and the files (why). */
export interface LeftOutView {
  rows: { file: string; text: string }[];
  files: { file: string; text: string }[];
}

export interface PageView {
  checkedAt: string;
  lang: Lang;
  files: number;
  counts: Record<Severity, number>;
  failed: boolean;
  readable: boolean;
  /** null when nothing was left out. */
  leftOut: LeftOutView | null;
  groups: ViewGroup[];
  passedOver: { file: string; why: string }[];
  stats: StatsView | { none: string };
  quota: { areas: { area: string; met: boolean; verdict: string }[]; notes: string[] } | { none: string };
  downloads: Download[];
}

export interface ViewInput {
  result: CheckResult;
  passedOver: readonly PassedOver[];
  files: number;
  statsTitle: string;
  downloads: Download[];
  checkedAt: Date;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function pageView(input: ViewInput, lang: Lang): PageView {
  const { result } = input;
  const say = (id: string, data?: Record<string, string | number>): string => render({ id, ...(data ? { data } : {}) }, lang);
  const groups: ViewGroup[] = [];
  const byKey = new Map<string, ViewGroup>();
  const firstOfFile = new Map<string, ViewGroup>();
  for (const r of result.reports) {
    const kindValue = r.detected.kind?.value;
    const kind: GroupKind = r.register ? 'register' : kindValue === 'stats-table' ? 'stats' : kindValue === 'quota-table' ? 'quota-table' : 'not-used';
    const g: ViewGroup = {
      kind,
      file: r.file,
      ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
      ...(r.area ? { area: r.area } : {}),
      ...(kind === 'register' ? { rows: r.rows } : {}),
      findings: [],
    };
    groups.push(g);
    byKey.set(`${r.file}\u0000${r.sheet ?? ''}`, g);
    if (!firstOfFile.has(r.file)) firstOfFile.set(r.file, g);
  }
  let general: ViewGroup | undefined;
  for (const p of result.problems) {
    let g = p.section === 'validate' && p.file !== undefined ? byKey.get(`${p.file}\u0000${p.sheet ?? ''}`) : undefined;
    g ??= p.file !== undefined ? firstOfFile.get(p.file) : undefined;
    if (!g) {
      general ??= { kind: 'general', findings: [] };
      g = general;
    }
    g.findings.push({
      severity: p.severity,
      rule: p.rule,
      text: render(p.msg, lang),
      ...(p.cell !== undefined ? { cell: p.cell } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
      ...(p.value !== undefined ? { value: p.value } : {}),
      ...(p.row !== undefined ? { row: p.row } : {}),
    });
  }
  if (general) groups.push(general);
  for (const g of groups) g.findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.row ?? 0) - (b.row ?? 0));

  const rollup = result.rollup;
  const stats: PageView['stats'] = rollup
    ? {
        heading: say('serve/stats-heading', { title: input.statsTitle, area: rollup.table.area }),
        groupHeaders: GROUP_HEADERS,
        measureHeaders: MEASURE_HEADERS,
        unit: '单位',
        totalLabel: '合计',
        rows: rollup.table.rows.map((r) => ({ unit: r.unit, figures: figuresOf(r) })),
        total: figuresOf(rollup.table.total),
        notes: rollup.table.notes.map((n) => render(n, lang)),
      }
    : { none: say('serve/stats-none', { why: result.skipped.rollup ? render(result.skipped.rollup, lang) : '' }) };
  const quota: PageView['quota'] = result.quota
    ? {
        areas: result.quota.areas.map((a) => ({ area: a.area, met: a.met, verdict: render(a.verdict, lang) })),
        notes: result.quota.notes.map((n) => render(n, lang)),
      }
    : { none: say('serve/quota-none', { why: result.skipped.quota ? render(result.skipped.quota, lang) : '' }) };

  return {
    checkedAt: input.checkedAt.toISOString(),
    lang,
    files: input.files,
    counts: result.counts,
    failed: result.failed,
    readable: result.readable,
    leftOut:
      rollup && (rollup.rowsLeftOut.length > 0 || rollup.filesLeftOut.length > 0)
        ? {
            rows: rollup.rowsLeftOut.map((l) => ({ file: l.file, text: render(leftOutNote(l), lang) })),
            files: rollup.filesLeftOut.map((f) => ({ file: f.file, text: say('report/file-why', { file: f.file, why: render(f.why, lang) }) })),
          }
        : null,
    groups,
    passedOver: input.passedOver.map((p) => ({ file: p.file, why: render(p.why, lang) })),
    stats,
    quota,
    downloads: input.downloads,
  };
}
