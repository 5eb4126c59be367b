// fupin publish: the public listing as tables (shared by the xlsx writer, CSV and HTML), JSON, and the terminal summary.
// Everything here works from the PublicListing, whose entries are masked already (core/publish): nothing else is shown.
import { stringify } from 'csv-stringify/sync';
import { markText } from '../core/ledger/own-output.js';
import type { Lang } from '../core/model.js';
import { neutralizeCsvField } from '../core/neutralize.js';
import type { PublicEntry, PublicListing } from '../core/publish/listing.js';
import { boxTable } from './box-table.js';
import { render } from './catalogue/index.js';
import { displayWidth, truncateWidth } from './text-width.js';

export type Cell = string | number;

/** One table of the listing: its title (a sheet's name), header and rows; the last row is a total when `total`. */
export interface PublishTable {
  name: string;
  header: string[];
  rows: Cell[][];
  total?: Cell[];
}

/** The listing in words: title, the note on what was masked, and three tables (listing, by organisation, by area). */
export interface PublishDocument {
  title: string;
  note: string;
  summary: string;
  tables: PublishTable[];
}

const t = (id: string, lang: Lang, data?: Record<string, string | number>): string => render({ id, ...(data ? { data } : {}) }, lang);

function typeName(e: { orgType: PublicEntry['orgType'] }, lang: Lang): string {
  return t(`term/type-${e.orgType}`, lang);
}

/** The listing and its summaries as tables, in the run's language. */
export function publishDocument(listing: PublicListing, province: string, lang: Lang): PublishDocument {
  const { has } = listing;
  const village = listing.level === 'village';
  const head = [t('publish/col-city', lang), t('publish/col-county', lang), t('publish/col-town', lang), ...(village ? [t('publish/col-village', lang)] : [])];
  const rows = listing.entries.map((e) => [
    e.city,
    e.county,
    e.town,
    ...(village ? [e.village] : []),
    e.head,
    e.org,
    typeName(e, lang),
    ...(has.measures ? [e.measures ?? ''] : []),
    ...(has.amount ? [e.amount ?? ''] : []),
    ...(has.status ? [e.status ?? ''] : []),
  ]);
  const optional = [
    ...(has.measures ? [t('publish/col-measures', lang)] : []),
    ...(has.amount ? [t('publish/col-amount', lang)] : []),
    ...(has.status ? [t('publish/col-status', lang)] : []),
  ];
  const list: PublishTable = { name: t('publish/sheet-list', lang), header: [...head, t('publish/col-head', lang), t('publish/col-org', lang), t('publish/col-type', lang), ...optional], rows };
  const amountHead = has.amount ? [t('publish/col-amount', lang)] : [];
  const sep = lang === 'zh' ? '、' : ', ';
  const byOrg: PublishTable = {
    name: t('publish/sheet-orgs', lang),
    header: [t('publish/col-org', lang), t('publish/col-type', lang), t('publish/col-areas', lang), t('publish/col-households', lang), t('publish/col-pairings', lang), ...amountHead],
    rows: listing.byOrg.map((o) => [o.org, typeName(o, lang), o.areas.join(sep), o.households, o.pairings, ...(has.amount ? [o.amount ?? 0] : [])]),
    total: [t('publish/total', lang), '', '', listing.totals.households, listing.totals.pairings, ...(has.amount ? [listing.totals.amount ?? 0] : [])],
  };
  const byArea: PublishTable = {
    name: t('publish/sheet-areas', lang),
    header: [t('publish/col-city', lang), t('publish/col-county', lang), t('publish/col-households', lang), t('publish/col-orgs', lang), t('publish/col-pairings', lang), ...amountHead],
    rows: listing.byArea.map((a) => [a.city, a.county, a.households, a.orgs, a.pairings, ...(has.amount ? [a.amount ?? 0] : [])]),
    total: [t('publish/total', lang), '', listing.totals.households, listing.totals.orgs, listing.totals.pairings, ...(has.amount ? [listing.totals.amount ?? 0] : [])],
  };
  let summary = t('publish/summary-line', lang, { n: listing.totals.pairings, households: listing.totals.households, orgs: listing.totals.orgs });
  if (listing.totals.amount !== undefined) summary += (lang === 'zh' ? '；' : '; ') + t('publish/summary-amount', lang, { amount: listing.totals.amount });
  return { title: t('publish/title', lang, { province }), note: t(`publish/note-${listing.level}`, lang), summary, tables: [list, byOrg, byArea] };
}

/** --format json: the listing as data (entries masked), with the title and the note on what was masked. */
export function formatPublishJson(listing: PublicListing, doc: PublishDocument): string {
  const { level, entries, byOrg, byArea, totals } = listing;
  return `${JSON.stringify({ title: doc.title, note: doc.note, level, entries, byOrg, byArea, totals }, null, 2)}\n`;
}

/** .csv: title and note lines, then each table after an empty line (UTF-8 with BOM, CRLF, text neutralised). */
export function formatPublishCsv(doc: PublishDocument): string {
  // the title row carries fupin's mark, so the file is never read back as a register (core/ledger/own-output)
  const records: Cell[][] = [[doc.title, markText('publish')], [doc.note]];
  for (const table of doc.tables) {
    records.push([], [table.name], table.header, ...table.rows);
    if (table.total) records.push(table.total);
  }
  return `\uFEFF${stringify(records.map((r) => r.map(neutralizeCsvField)), { record_delimiter: 'windows' })}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** --format html: one page to put on a website as it is (no script, no outside resources). */
export function formatPublishHtml(doc: PublishDocument, lang: Lang): string {
  const cell = (v: Cell, tag: string): string => `<${tag}${typeof v === 'number' ? ' class="n"' : ''}>${escapeHtml(String(v))}</${tag}>`;
  const tables = doc.tables.map((table) => {
    const body = table.rows.map((r) => `<tr>${r.map((v) => cell(v, 'td')).join('')}</tr>`).join('\n');
    const foot = table.total ? `\n<tfoot><tr>${table.total.map((v) => cell(v, 'th')).join('')}</tr></tfoot>` : '';
    return `<h2>${escapeHtml(table.name)}</h2>\n<table>\n<thead><tr>${table.header.map((h) => cell(h, 'th')).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>${foot}\n</table>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head><meta charset="utf-8"><meta name="generator" content="fupin:publish">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #999;padding:2px 6px}.n{text-align:right}</style>',
    '</head><body>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p>${escapeHtml(doc.note)}</p>`,
    `<p>${escapeHtml(doc.summary)}</p>`,
    ...tables,
    '</body></html>',
    '',
  ].join('\n');
}

/** The terminal: the note, the summary by organisation and by area (the listing itself goes to a file). */
export function formatPublishPretty(doc: PublishDocument): string {
  const out = [doc.title, doc.note, ''];
  for (const table of doc.tables.slice(1)) {
    const rows = [...table.rows, ...(table.total ? [table.total] : [])].map((r) => r.map((v) => truncateWidth(String(v), MAX_WIDTH)));
    const widths = table.header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
    out.push(table.name, boxTable(table.header, rows.map((r) => r.map((c) => [c])), { widths }), '');
  }
  out.push(doc.summary, '');
  return out.join('\n');
}

const MAX_WIDTH = 40;
