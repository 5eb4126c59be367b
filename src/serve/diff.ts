// The page's "与上一版比较": two uploaded versions compared in-process as `fupin diff OLD NEW` compares them (the
// shared glue in cli/diff-versions.ts: the same reading, limits and core/diff), and the 变更.xlsx download made by
// the same writer as `fupin diff -o`. What the page shows is rendered per language on each request (diffView).
import path from 'node:path';
import { defaultConfig } from '../core/config.js';
import type { DiffPlan } from '../core/diff/diff.js';
import { hasChanges } from '../core/diff/diff.js';
import type { Lang, Msg } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { diffSections } from '../formatters/diff.js';
import { diffWorkbook, readVersions, type DiffSideName } from '../cli/diff-versions.js';
import type { ReadingFlags } from '../cli/ledger.js';
import { writeMade } from '../io/serve-store.js';
import { quietContext } from './check.js';
import type { Download } from './view.js';

export interface ComparedBatch {
  plan: DiffPlan;
  unreadable: Msg[];
  /** What each version was, as the clerk gave it (file names or folders), for the page and the workbook's title. */
  names: Record<DiffSideName, string[]>;
  comparedAt: Date;
  download: Download & { make: () => Promise<Buffer> };
}

export interface BatchDiffOptions {
  /** The uploads of each version (read only), and the folder the download is written to (outside them). */
  input: Record<DiffSideName, string>;
  output: string;
  /** The names as uploaded (relative paths), per version. */
  uploaded: Record<DiffSideName, string[]>;
  lang: Lang;
  flags: ReadingFlags;
  onFile?: (side: DiffSideName, done: number, total: number, file: string) => void;
}

/** A version's name for the title: its one file, else its top-level folders and files (at most three, then …). */
function versionNames(uploaded: readonly string[]): string[] {
  if (uploaded.length === 1) return [uploaded[0]!];
  const tops = [...new Set(uploaded.map((n) => n.split('/')[0]!))];
  return tops.length > 3 ? [...tops.slice(0, 3), '…'] : tops;
}

/** Reads both versions and compares them. A version with no register is a UsageError (the page shows its words). */
export async function diffBatch(opts: BatchDiffOptions): Promise<ComparedBatch> {
  const ctx = quietContext(path.dirname(opts.input.old), opts.lang);
  // a config file among the uploads is not used: defaults only, as for a check
  const config = { config: defaultConfig(), base: path.dirname(opts.input.old) };
  const names = { old: versionNames(opts.uploaded.old), new: versionNames(opts.uploaded.new) };
  const list = (l: string[]) => l.join(opts.lang === 'zh' ? '、' : ', ');
  const { plan, unreadable } = await readVersions(
    { old: { path: opts.input.old, label: list(names.old) }, new: { path: opts.input.new, label: list(names.new) } },
    opts.flags,
    ctx,
    { config, ...(opts.onFile ? { onFile: opts.onFile } : {}) },
  );
  // named as the issue and the README name it, like the check's downloads (附3-统计表-….xlsx), in either language
  const name = '变更.xlsx';
  let made: Promise<Buffer> | undefined;
  const make = (): Promise<Buffer> =>
    (made ??= (async () => {
      const bytes = Buffer.from(await diffWorkbook(plan, { old: list(names.old), new: list(names.new) }, opts.lang));
      await writeMade(path.join(opts.output, 'made', name), bytes);
      return bytes;
    })());
  return { plan, unreadable, names, comparedAt: new Date(), download: { id: 'x1', kind: 'diff', name, make } };
}

export interface DiffView {
  comparedAt: string;
  lang: Lang;
  changed: boolean;
  names: Record<DiffSideName, string[]>;
  /** Files that could not be read: the comparison is incomplete. */
  unreadable: string[];
  /** Columns only one version has. */
  notes: string[];
  header: string[];
  /** Per area, each change: its kind (for the page's colours and tests), the household's name, and the cells as `fupin diff` shows them. */
  areas: { area: string; rows: { kind: 'added' | 'removed' | 'changed'; name: string; cells: string[] }[] }[];
  summary: string;
  download: Download;
}

/** What the page shows of a comparison, in one language: the rows of `fupin diff`'s table, by area, and its summary. */
export function diffView(d: ComparedBatch, lang: Lang): DiffView {
  const s = diffSections(d.plan, lang);
  const { make: _m, ...download } = d.download;
  return {
    comparedAt: d.comparedAt.toISOString(),
    lang,
    changed: hasChanges(d.plan),
    names: d.names,
    unreadable: d.unreadable.map((m) => render(m, lang)),
    notes: s.notes,
    header: s.header,
    areas: s.areas.map((a) => ({ area: a.area, rows: a.rows.map((r) => ({ kind: r.kind, name: r.name, cells: [...r.cells] })) })),
    summary: s.summary,
    download,
  };
}
