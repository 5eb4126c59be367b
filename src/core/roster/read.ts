// A roster from the rows io read: the sheet whose header names a household list, its rows as entries (pure). Rows come
// one by one (RosterScanner), so a big CSV roster streams; a workbook's sheets are fed the same way.
import type { DivisionIndex } from '../divisions.js';
import { addressIdentity } from '../household.js';
import type { RawSheet } from '../model.js';
import { parseIdNumber } from '../id-number.js';
import { compact, nameKey } from '../normalize.js';
import { placeOfAddress, splitLocal, townshipStem, villageStem, type PlaceKey } from '../places.js';
import { findRosterHeader, ROSTER_HEADER_ROWS, type RosterHeader, type RosterKey } from './columns.js';
import type { Roster, RosterEntry } from './model.js';

export type RosterRead =
  | { ok: true; roster: Roster }
  /** `no-header`: no sheet has a roster's header; `register`: the header is a 登记表's (it names the helping unit). */
  | { ok: false; why: 'no-header' | 'register'; sheet?: string; header?: string };

/** Place texts remembered while reading one roster, at most. */
const PLACE_MEMO = 50_000;

const FOOTER = /^(?:备注|注[:：]|说明[:：]|填表人|制表人|审核人|合计|小计|总计)/u;

/**
 * An ID number for comparing: NFKC, no spaces, x upper-cased, a legacy 15-digit number as the 18-digit one it became
 * (id-number.ts: the same person on a roster and in a register written either way); '' when it cannot be one.
 */
export function normId(text: string | undefined): string {
  const s = compact(text ?? '').replace(/\s+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(s)) return s;
  return /^\d{15}$/.test(s) ? (parseIdNumber(s).upgraded ?? s) : '';
}

const asSheet = (name: string, rows: readonly (readonly string[])[]): RawSheet => ({
  name,
  rows: rows.map((r) => r.map((text) => ({ text, kind: 'string' as const }))),
  merges: [],
});

/**
 * One sheet's rows, pushed in order: the header is looked for in the first rows, then every row with a name becomes an
 * entry (a row without one is counted as skipped), and a footer row (备注, 合计 …) ends the list. Places repeat (a
 * village has many households), so each place text is read once.
 */
export class RosterScanner {
  private header?: RosterHeader;
  private row = 0;
  private ended = false;
  private readonly entries: RosterEntry[] = [];
  private skipped = 0;
  private readonly places = new Map<string, { place: PlaceKey; where: string }>();
  private col = new Map<RosterKey, number>();

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly index: number,
    private readonly divisions?: DivisionIndex,
  ) {}

  push(cells: readonly string[]): void {
    this.row++;
    if (this.ended) return;
    if (!this.header) {
      if (this.row > ROSTER_HEADER_ROWS) return;
      const found = findRosterHeader(asSheet(this.sheet, [...Array.from({ length: this.row - 1 }, () => []), cells]));
      if (found) {
        this.header = found;
        this.col = new Map(found.columns.map((c) => [c.key, c.col]));
      }
      return;
    }
    if (this.header.registerColumn) return;
    const get = (k: RosterKey): string => {
      const c = this.col.get(k);
      return c === undefined ? '' : (cells[c] ?? '').trim();
    };
    const name = get('name');
    let first = '';
    for (const c of cells) if (c && c.trim()) {
      first = c.trim();
      break;
    }
    if (!first) return;
    if (!name && FOOTER.test(first)) {
      this.ended = true;
      return;
    }
    const key = nameKey(name);
    if (!key) {
      this.skipped++;
      return;
    }
    const township = get('township');
    const village = get('village');
    const local = township + village;
    const placeText = local ? get('county') + local : get('county') + get('address');
    let place = this.places.get(placeText);
    if (!place) {
      // columns for the places: each read on its own (the county by name, once per county); else the address as registers' are
      // (a 村 cell that also names the township, 卢峰镇大湾村, is split as an address's would be)
      const parts = township ? { township: this.stem(township, townshipStem), village: village ? this.stem(village, villageStem) : '' } : splitLocal(village);
      if (!parts.village && !parts.township && village) parts.village = this.stem(village, villageStem);
      place = local
        ? { place: { county: this.countyCode(get('county')), ...parts }, where: local }
        : { place: placeOfAddress(placeText, this.divisions), where: addressIdentity(get('address'), this.divisions).village };
      if (this.places.size < PLACE_MEMO) this.places.set(placeText, place);
    }
    const entry: RosterEntry = {
      roster: this.index,
      row: this.row,
      name,
      nameKey: key,
      id: normId(get('idNumber')),
      place: place.place,
      where: place.where,
    };
    const category = get('category');
    if (category) entry.category = category;
    this.entries.push(entry);
  }

  private readonly counties = new Map<string, string>();
  private readonly stems = new Map<string, string>();

  /** A 县 cell as a county code ('' when empty or unknown): full or short name, within the division list. */
  private countyCode(name: string): string {
    if (!name || !this.divisions) return '';
    let code = this.counties.get(name);
    if (code === undefined) {
      code = placeOfAddress(name, this.divisions).county;
      this.counties.set(name, code);
    }
    return code;
  }

  private stem(text: string, f: (s: string) => string): string {
    let s = this.stems.get(text);
    if (s === undefined) {
      s = f(text);
      if (this.stems.size < PLACE_MEMO) this.stems.set(text, s);
    }
    return s;
  }

  end(): RosterRead {
    const h = this.header;
    if (!h) return { ok: false, why: 'no-header' };
    if (h.registerColumn) return { ok: false, why: 'register', sheet: this.sheet, header: h.registerColumn };
    return { ok: true, roster: { file: this.file, sheet: this.sheet, headerRow: h.row + 1, columns: h.columns, entries: this.entries, skipped: this.skipped } };
  }
}

/** Reads the first sheet with a roster header (a register's header ends the search: it is no roster). */
export function rosterFromSheets(file: string, sheets: readonly RawSheet[], index: number, divisions?: DivisionIndex): RosterRead {
  for (const sheet of sheets) {
    const scan = new RosterScanner(file, sheet.name, index, divisions);
    for (const r of sheet.rows) scan.push(Array.from(r ?? [], (c) => c?.text ?? ''));
    const read = scan.end();
    if (read.ok || read.why === 'register') return read;
  }
  return { ok: false, why: 'no-header' };
}
