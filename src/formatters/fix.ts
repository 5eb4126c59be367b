// fix's output: per file, one line per change (cell, column, before → after, why); or one JSON document.
import type { Fix } from '../core/fix.js';
import type { Lang } from '../core/model.js';
import { render } from './catalogue/index.js';

/** One repaired file, as reported. */
export interface FixedFile {
  file: string;
  /** Where the copy was written (shown relative to the working folder); absent with --dry-run. */
  out?: string;
  format: 'xlsx' | 'csv';
  /** The input's encoding (CSV). The copy is UTF-8 with BOM. */
  encoding?: string;
  /** The input's format when the copy is an .xlsx made from another (`.xls`, `.ods`). */
  from?: string;
  changes: Fix[];
  skipped: Fix[];
}

export interface FixRun {
  files: FixedFile[];
  /** Readable files that needed no repair; copied unchanged so the output folder holds the whole set. */
  unchanged: string[];
  unreadable: { file: string; rule: string; message: string }[];
  dryRun: boolean;
}

/** What was done to a cell, in words: every reason, joined. */
export function describeFix(fix: Fix, lang: Lang): string {
  return [fix.reason, ...(fix.also ?? [])].map((r) => render({ id: `fix-reason/${r}` }, lang)).join(lang === 'zh' ? '；' : '; ');
}

function changeJson(f: Fix, lang: Lang) {
  return {
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    column: f.column,
    before: f.before,
    after: f.after,
    ...(f.rule ? { rule: f.rule } : {}),
    reason: f.reason,
    ...(f.also ? { also: f.also } : {}),
    message: describeFix(f, lang),
  };
}

/** The run as one JSON document. */
export function formatFixJson(run: FixRun, lang: Lang): string {
  const changes = run.files.reduce((n, f) => n + f.changes.length, 0);
  const doc = {
    files: run.files.map((f) => ({
      file: f.file,
      ...(f.out ? { out: f.out } : {}),
      format: f.format,
      ...(f.encoding ? { encoding: f.encoding, writtenAs: 'utf-8-bom' } : {}),
      ...(f.from ? { convertedFrom: f.from } : {}),
      changes: f.changes.map((c) => changeJson(c, lang)),
      ...(f.skipped.length ? { skipped: f.skipped.map((c) => changeJson(c, lang)) } : {}),
    })),
    unchanged: run.unchanged,
    unreadable: run.unreadable,
    dryRun: run.dryRun,
    summary: { files: run.files.length, changes, unchanged: run.unchanged.length, unreadable: run.unreadable.length },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The run for a person: per file, one line per change (cell, column, before → after, why). */
export function formatFixPretty(run: FixRun, lang: Lang, target: string): string {
  const say = (id: string, data?: Record<string, string | number>): string => render({ id: `fix/${id}`, ...(data ? { data } : {}) }, lang);
  const quote = (s: string): string => say('quote', { text: s });
  const out: string[] = [];
  for (const f of run.files) {
    out.push(run.dryRun || !f.out ? say('header-dry', { file: f.file, count: f.changes.length }) : say('header', { file: f.file, out: f.out, count: f.changes.length }));
    const sheets = new Set(f.changes.map((c) => c.sheet));
    for (const c of f.changes) {
      const where = sheets.size > 1 ? `${c.sheet}!${c.cell}` : c.cell;
      const asNumber = c.reason === 'phone-as-text' || c.also?.includes('phone-as-text') ? say('as-number') : '';
      out.push(`  ${where.padEnd(5)} ${c.column ? c.column + '  ' : ''}${quote(c.before)}${asNumber} → ${quote(c.after)}  ${describeFix(c, lang)}`);
    }
    for (const s of f.skipped) out.push(say('skipped', { cell: s.cell }));
    if (f.format === 'csv' && f.out) out.push(say('csv-note', { encoding: f.encoding ?? 'utf-8' }));
    if (f.from && f.out) out.push(say('xlsx-note', { from: f.from }));
  }
  if (run.unchanged.length) out.push(render({ id: `fix/${run.dryRun ? 'unchanged-dry' : 'unchanged'}`, data: { files: run.unchanged } }, lang));
  for (const u of run.unreadable) out.push(say('unreadable', u));
  const changes = run.files.reduce((n, f) => n + f.changes.length, 0);
  if (out.length) out.push('');
  if (changes === 0) out.push(say('summary-none'));
  else out.push(say(run.dryRun ? 'summary-dry' : 'summary', { files: run.files.length, changes, target }));
  return out.join('\n') + '\n';
}
