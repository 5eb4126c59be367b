// The `whom` visitor: for each pairing row, which roster entry it matched and how, and which focus places it lies in —
// a few numbers per row, so rollup can count listed-and-paired households and focus places without keeping rows.
import type { RegisterVisitor, VisitorSpec } from '../ledger/builder.js';
import { areaCountyCode, placeOfAddress } from '../places.js';
import type { FocusIndex } from '../focus/match.js';
import type { MatchHow, RosterIndex } from './match.js';

export interface WhomRow {
  /** Spreadsheet row. */
  row: number;
  /** The roster entry matched (index into RosterIndex.entries) and how; absent when rosters were given and none matched. */
  roster?: { how: MatchHow; entry: number };
  /** Focus places (indexes into the focus list) the household's address lies in. */
  focus?: number[];
}

export interface WhomResult {
  rows: WhomRow[];
  /** Whether rosters were looked in (a row without `roster` is then on none). */
  rosters: boolean;
}

export function whom(roster: RosterIndex | undefined, focus: FocusIndex | undefined): VisitorSpec | undefined {
  if (!roster && !focus) return undefined;
  return {
    name: 'whom',
    create(register): RegisterVisitor {
      const rows: WhomRow[] = [];
      const divisions = focus?.divisions ?? roster?.divisions;
      const county = focus && !roster ? areaCountyCode(register.area, divisions) : '';
      return {
        row(r) {
          if (!r.fields.name?.text.trim() && !r.fields.idNumber?.text.trim()) return;
          const out: WhomRow = { row: r.row };
          if (roster) {
            const m = roster.lookup(r, register.area).match;
            if (m) out.roster = { how: m.how, entry: m.index };
          }
          if (focus) {
            const place = roster ? roster.lookup(r, register.area).place : placeOfAddress(r.fields.address?.text ?? '', divisions, county);
            const at = focus.placesOf(place);
            if (at.length) out.focus = at;
          }
          rows.push(out);
        },
        end: (): WhomResult => ({ rows, rosters: Boolean(roster) }),
      };
    },
  };
}
