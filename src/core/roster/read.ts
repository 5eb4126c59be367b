// A roster from the grids io read: the sheet whose header names a household list, its rows as entries (pure).
import type { DivisionIndex } from '../divisions.js';
import type { RawSheet } from '../model.js';
import { cellRef, compact, nameKey } from '../normalize.js';
import { addressIdentity } from '../household.js';
import { placeOfAddress } from '../places.js';
import { findRosterHeader, type RosterKey } from './columns.js';
import type { Roster, RosterEntry } from './model.js';

export type RosterRead =
  | { ok: true; roster: Roster }
  /** `no-header`: no sheet has a roster's header; `register`: the header is a 登记表's (it names the helping unit). */
  | { ok: false; why: 'no-header' | 'register'; sheet?: string; header?: string };

const FOOTER = /^(?:备注|注[:：]|说明[:：]|填表人|制表人|审核人|合计|小计|总计)/u;

/** An ID number for comparing: NFKC, no spaces, x upper-cased; '' when it cannot be one (too short, letters). */
export function normId(text: string | undefined): string {
  const s = compact(text ?? '').replace(/\s+/g, '').toUpperCase();
  return /^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s) ? s : '';
}

/**
 * Reads the first sheet with a roster header. `index`: the roster's number among those read; `county`: the code to assume
 * for rows that name no county (none by default). A row without a name is skipped (counted), a footer row ends the list.
 */
export function rosterFromSheets(file: string, sheets: readonly RawSheet[], index: number, divisions?: DivisionIndex): RosterRead {
  for (const sheet of sheets) {
    const header = findRosterHeader(sheet);
    if (!header) continue;
    if (header.registerColumn) {
      return { ok: false, why: 'register', sheet: sheet.name, header: header.registerColumn };
    }
    const col = new Map<RosterKey, number>(header.columns.map((c) => [c.key, c.col]));
    const entries: RosterEntry[] = [];
    let skipped = 0;
    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      const get = (k: RosterKey): string => {
        const c = col.get(k);
        return c === undefined ? '' : (cells[c]?.text ?? '').trim();
      };
      const name = get('name');
      const first = cells.find((c) => c && c.text.trim() !== '')?.text.trim() ?? '';
      if (first && FOOTER.test(first) && !name) break;
      if (!cells.some((c) => c && c.text.trim() !== '')) continue;
      const key = nameKey(name);
      if (!key) {
        skipped++;
        continue;
      }
      const local = get('township') + get('village');
      const placeText = local ? get('county') + local : get('county') + get('address');
      const entry: RosterEntry = {
        roster: index,
        row: r + 1,
        name,
        nameKey: key,
        id: normId(get('idNumber')),
        place: placeOfAddress(placeText, divisions),
        placeText,
        where: local || addressIdentity(get('address'), divisions).village,
        cells: { name: cellRef(col.get('name')!, r + 1) },
      };
      const idCol = col.get('idNumber');
      if (idCol !== undefined) entry.cells.idNumber = cellRef(idCol, r + 1);
      const category = get('category');
      if (category) entry.category = category;
      entries.push(entry);
    }
    return { ok: true, roster: { file, sheet: sheet.name, headerRow: header.row + 1, columns: header.columns, entries, skipped } };
  }
  return { ok: false, why: 'no-header' };
}
