// The one message catalogue: every text a person reads, by id, Chinese and English side by side; and the one renderer.
//
// Ids: a finding is `<rule>/<messageId>` (its rule module, file-problems.ts or stats-messages.ts keep its templates,
// ESLint-style, next to the check); everything else is `<group>/<name>` from the groups in this folder. Code refers to
// ids and passes data; nothing but render() turns them into words, and nothing decides by comparing rendered text.
import { FILE_PROBLEMS } from '../../core/file-problems.js';
import type { Lang, Msg, MsgArg, Problem } from '../../core/model.js';
import { allRules } from '../../core/rules/index.js';
import { STATS_RULES } from '../../core/stats-messages.js';
import { GROUPS } from './groups.js';

/** One message in both languages. `{name}` placeholders are filled from the message's data. */
export interface Entry {
  zh: string;
  en: string;
}

export type Group = Record<string, Entry>;

const entries = new Map<string, Entry>();

function add(id: string, entry: Entry): void {
  if (entries.has(id)) throw new Error(`catalogue: '${id}' is defined twice`);
  entries.set(id, entry);
}

function addProblemSource(rule: string, messages: Record<Lang, Record<string, string>>): void {
  for (const key of Object.keys(messages.zh)) add(`${rule}/${key}`, { zh: messages.zh[key]!, en: messages.en[key] ?? '' });
  for (const key of Object.keys(messages.en)) if (!(key in messages.zh)) add(`${rule}/${key}`, { zh: '', en: messages.en[key]! });
}

for (const r of allRules) addProblemSource(r.meta.id, r.meta.messages);
for (const [id, meta] of Object.entries(FILE_PROBLEMS)) addProblemSource(id, meta.messages);
for (const [id, meta] of Object.entries(STATS_RULES)) addProblemSource(id, meta.messages);

/** The findings' ids, in the order added. */
const problemIds = [...entries.keys()];

/** The groups (groups.ts) not made yet: one is made, and its entries added, when an id of its prefix is first asked for. */
const unmade = new Map(Object.entries(GROUPS));
const made = new Map<string, Group>();

function makeGroup(prefix: string): void {
  const make = unmade.get(prefix);
  if (!make) return;
  unmade.delete(prefix);
  const group = make();
  made.set(prefix, group);
  for (const [name, entry] of Object.entries(group)) add(`${prefix}/${name}`, entry);
}

/** The entry of an id, its group made first when it is one of a group not made yet. */
function entryOf(id: string): Entry | undefined {
  const found = entries.get(id);
  if (found || unmade.size === 0) return found;
  const slash = id.indexOf('/');
  if (slash >= 0) makeGroup(id.slice(0, slash));
  return entries.get(id);
}

let all: ReadonlyMap<string, Entry> | undefined;

/** Every entry, for the parity test and `--explain`. */
export function catalogueEntries(): ReadonlyMap<string, Entry> {
  if (!all) {
    for (const prefix of [...unmade.keys()]) makeGroup(prefix);
    // in one order whatever was rendered before: the findings' messages, then the groups in groups.ts's order
    const ids = [...problemIds];
    for (const prefix of Object.keys(GROUPS)) for (const name of Object.keys(made.get(prefix)!)) ids.push(`${prefix}/${name}`);
    all = new Map(ids.map((id) => [id, entries.get(id)!]));
  }
  return all;
}

export function hasMessage(id: string): boolean {
  return entryOf(id) !== undefined;
}

const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

function isMsg(v: MsgArg): v is Msg {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Msg).id === 'string';
}

function argText(v: MsgArg | undefined, lang: Lang): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isMsg(v)) return render(v, lang);
  return (v as readonly MsgArg[]).map((x) => argText(x, lang) ?? '').join(LIST_SEPARATOR[lang]);
}

/** Fill `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, data: Msg['data'], lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => argText(data?.[key], lang) ?? whole);
}

/** A message in words. An id the catalogue lacks is a programming error: it throws (the catalogue test catches it). */
export function render(m: Msg, lang: Lang): string {
  const entry = entryOf(m.id);
  if (!entry) throw new Error(`catalogue: no message '${m.id}'`);
  return fill(entry[lang] || entry.zh, m.data, lang);
}

/** A finding in words: its rule's template, filled from the cell, column, value, row and data. */
export function renderProblem(p: Problem, lang: Lang): string {
  return render({ id: `${p.rule}/${p.messageId}`, data: { cell: p.cell, column: p.column, value: p.value, row: p.row, ...p.data } }, lang);
}

/** A message as both languages at once, "中文 / English": for the few places that speak before the language is known. */
export function renderBoth(m: Msg): string {
  const zh = render(m, 'zh');
  const en = render(m, 'en');
  return zh === en ? zh : `${zh} / ${en}`;
}
