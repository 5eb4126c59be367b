// What validate shows of matching (--explain and the JSON's `households`): per register, how many rows matched a roster
// and how, which lay in focus places — and per row, the match and the places, so every guess is visible (pure).
import type { FocusIndex } from '../focus/match.js';
import type { FileReport, Msg } from '../model.js';
import { columnLetter } from '../normalize.js';
import type { Roster } from './model.js';
import type { RosterIndex } from './match.js';
import type { WhomResult } from './visitor.js';

export interface HouseholdTag {
  row: number;
  /** The roster entry matched (file and row) and how; null when rosters were searched and none matched. */
  roster?: { how: string; file: string; row: number } | null;
  focus?: { category: string; place: string }[];
}

/** Rows listed per row in --explain, at most (the JSON has them all). */
const EXPLAIN_ROWS = 30;

export function whomNotes(w: WhomResult, roster?: RosterIndex, focus?: FocusIndex): { detected: Record<string, Msg | Msg[]>; households: HouseholdTag[] } {
  const households: HouseholdTag[] = w.rows.map((r) => {
    const tag: HouseholdTag = { row: r.row };
    if (roster) {
      const e = r.roster ? roster.entries[r.roster.entry] : undefined;
      tag.roster = e && r.roster ? { how: r.roster.how, file: roster.rosters[e.roster]!.file, row: e.row } : null;
    }
    if (focus && r.focus) tag.focus = r.focus.map((i) => ({ category: focus.list.places[i]!.category, place: focus.list.places[i]!.label }));
    return tag;
  });
  const detected: Record<string, Msg | Msg[]> = {};
  if (roster) {
    const n = { id: 0, 'name-village': 0, 'name-township': 0 };
    for (const r of w.rows) if (r.roster) n[r.roster.how]++;
    const matched = n.id + n['name-village'] + n['name-township'];
    detected.roster = { id: 'roster/explain', data: { matched, id: n.id, village: n['name-village'], township: n['name-township'], missing: w.rows.length - matched } };
    detected.rosterRows = w.rows.slice(0, EXPLAIN_ROWS).map((r) => ({ id: 'roster/row-how', data: { row: r.row, how: { id: `roster/how-${r.roster?.how ?? 'none'}` } } }));
  }
  if (focus) {
    const inFocus = w.rows.filter((r) => r.focus);
    detected.focus = { id: 'focus/explain', data: { n: inFocus.length } };
    if (inFocus.length) {
      detected.focusRows = inFocus.slice(0, EXPLAIN_ROWS).map((r) => ({
        id: 'focus/row-places',
        data: { row: r.row, places: r.focus!.map((i) => ({ id: 'focus/place', data: { category: focus.list.places[i]!.category, place: focus.list.places[i]!.label } })) },
      }));
    }
  }
  return { detected, households };
}

/** A roster as a report line for --explain: its sheet, header row, column mapping and households (never a register). */
export function rosterReport(r: Roster): FileReport {
  const letters = r.columns.map((c) => `${columnLetter(c.col)}=${c.key}`).join(' ');
  const how = r.columns.map((c) => `${columnLetter(c.col)}“${c.header}”→${c.key}(${c.how})`).join('; ');
  return {
    file: r.file,
    rows: 0,
    problems: [],
    detected: {
      kind: { value: 'roster', reason: 'given' },
      sheet: { value: r.sheet, reason: 'header' },
      header: { value: String(r.headerRow), reason: 'one-row' },
      columns: { value: letters, reason: how },
      rosterEntries: { value: String(r.entries.length), reason: r.skipped ? `${r.skipped} row(s) without a name left out` : '' },
    },
  };
}
