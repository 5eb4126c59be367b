// A roster from the rows io read: the sheet whose header names a household list, its rows as entries (pure). Rows come
// one by one (RosterScanner), so a big CSV roster streams; a workbook's sheets are fed the same way.
import { rowAt, rowCountOf } from '../sheet-rows.js';
import type { DivisionIndex } from '../divisions.js';
import { addressIdentity } from '../household.js';
import type { RawSheet } from '../model.js';
import { parseIdNumber } from '../id-number.js';
import { compact, nameKey } from '../normalize.js';
import { countyOfCell, placeOfAddress, splitLocal, townshipStem, villageStem, type PlaceKey } from '../places.js';
import { findRosterHeader, ROSTER_HEADER_ROWS, type RosterHeader, type RosterKey } from './columns.js';
import type { Roster, RosterEntry } from './model.js';

export type RosterRead =
  | { ok: true; roster: Roster }
  /** `no-header`: no sheet has a roster's header; `register`: the header is a 登记表's (it names the helping unit). */
  | { ok: false; why: 'no-header' | 'register'; sheet?: string; header?: string };

/** Place texts remembered while reading one roster, at most. */
const PLACE_MEMO = 50_000;

const FOOTER = /^(?:备注|注[:：]|说明[:：]|填表人|制表人|审核人|合计|小计|总计)/u;

/** An 18-character ID number as written, upper-case X: nothing to normalise. */
const ID18 = /^\d{17}[\dX]$/;

/**
 * An ID number for comparing: NFKC, no spaces, x upper-cased, a legacy 15-digit number as the 18-digit one it became
 * (id-number.ts: the same person on a roster and in a register written either way); '' when it cannot be one.
 */
export function normId(text: string | undefined): string {
  if (!text) return '';
  // the common case, an 18-character number as written: nothing to normalise
  if (ID18.test(text)) return text;
  const s = compact(text).replace(/\s+/g, '').toUpperCase();
  if (ID18.test(s)) return s;
  return /^\d{15}$/.test(s) ? (parseIdNumber(s).upgraded ?? s) : '';
}

const asSheet = (name: string, rows: readonly (readonly string[])[]): RawSheet => ({
  name,
  rows: rows.map((r) => r.map((text) => ({ text, kind: 'string' as const }))),
  merges: [],
});

/** Column positions a roster row is read from (-1: the roster has no such column). */
interface RosterCols {
  name: number;
  idNumber: number;
  county: number;
  township: number;
  village: number;
  address: number;
  category: number;
}

const cellAt = (cells: readonly string[], col: number): string => {
  if (col < 0) return '';
  const c = cells[col];
  return c ? c.trim() : '';
};

/**
 * One sheet's rows, pushed in order: the header is looked for in the first rows, then every row with a name becomes an
 * entry (a row without one is counted as skipped), and a footer row (备注, 合计 …) ends the list. Only the columns a
 * roster uses are looked at; places and categories repeat (a village has many households), so each is read once and
 * its entries share one object or string.
 */
export class RosterScanner {
  private header?: RosterHeader;
  private row = 0;
  private ended = false;
  private readonly entries: RosterEntry[] = [];
  private skipped = 0;
  /** county cell → township cell → village cell (or address cell, keyed after a NUL) → the place read. */
  private readonly places = new Map<string, Map<string, Map<string, { place: PlaceKey; where: string }>>>();
  private placeCount = 0;
  private readonly categories = new Map<string, string>();
  private cols: RosterCols = { name: -1, idNumber: -1, county: -1, township: -1, village: -1, address: -1, category: -1 };

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly index: number,
    private readonly divisions?: DivisionIndex,
    /** The province its 县 cells are resolved in (any, when absent). */
    private readonly province?: string,
  ) {}

  /** The columns rows are read from, once the header is found (a reader may decode only those). */
  get columns(): number[] | undefined {
    if (!this.header || this.header.registerColumn) return undefined;
    return Object.values(this.cols).filter((c) => c >= 0);
  }

  /**
   * A row's cells; `whole`, when the reader gave only the `columns` decoded (the others ''), gives all of them: a row
   * with no name is looked at whole (a footer, a skipped household or a blank row).
   */
  push(cells: readonly string[], whole?: () => readonly string[]): void {
    this.row++;
    if (this.ended) return;
    if (!this.header) {
      if (this.row > ROSTER_HEADER_ROWS) return;
      const found = findRosterHeader(asSheet(this.sheet, [...Array.from({ length: this.row - 1 }, () => []), cells]));
      if (found) {
        this.header = found;
        const at = (k: RosterKey): number => found.columns.find((c) => c.key === k)?.col ?? -1;
        this.cols = { name: at('name'), idNumber: at('idNumber'), county: at('county'), township: at('township'), village: at('village'), address: at('address'), category: at('category') };
      }
      return;
    }
    if (this.header.registerColumn) return;
    const cols = this.cols;
    const name = cellAt(cells, cols.name);
    const key = name ? nameKey(name) : '';
    if (!key) {
      // no name: a blank row (left alone), a footer (备注, 合计 …: the list ends) or a household without one (skipped)
      let first = '';
      for (const c of whole ? whole() : cells) {
        if (c && c.trim()) {
          first = c.trim();
          break;
        }
      }
      if (!first) return;
      if (!name && FOOTER.test(first)) {
        this.ended = true;
        return;
      }
      this.skipped++;
      return;
    }
    const county = cellAt(cells, cols.county);
    const township = cellAt(cells, cols.township);
    const village = cellAt(cells, cols.village);
    // the place by its columns, else (no township or village written) by the address, under a key no cell starts with
    const local = township || village;
    const address = local ? '' : cellAt(cells, cols.address);
    const placeKey = local ? village : `\0${address}`;
    const place = this.places.get(county)?.get(township)?.get(placeKey) ?? this.readPlace(county, township, village, address, placeKey);
    const entry: RosterEntry = {
      roster: this.index,
      row: this.row,
      name,
      nameKey: key,
      id: normId(cellAt(cells, cols.idNumber)),
      place: place.place,
      where: place.where,
    };
    const category = cellAt(cells, cols.category);
    if (category) {
      let c = this.categories.get(category);
      if (c === undefined) {
        c = category;
        if (this.categories.size < PLACE_MEMO) this.categories.set(c, c);
      }
      entry.category = c;
    }
    this.entries.push(entry);
  }

  private readPlace(county: string, township: string, village: string, address: string, placeKey: string): { place: PlaceKey; where: string } {
    const local = township + village;
    // columns for the places: each read on its own (the county by name, once per county); else the address as registers' are
    // (a 村 cell that also names the township, 卢峰镇大湾村, is split as an address's would be)
    let place: { place: PlaceKey; where: string };
    if (local) {
      const parts = township ? { township: this.stem(township, townshipStem), village: village ? this.stem(village, villageStem) : '' } : splitLocal(village);
      if (!parts.village && !parts.township && village) parts.village = this.stem(village, villageStem);
      place = { place: { county: this.countyCode(county), township: parts.township, village: parts.village }, where: local };
    } else {
      place = { place: placeOfAddress(county + address, this.divisions), where: addressIdentity(address, this.divisions).village };
    }
    if (this.placeCount < PLACE_MEMO) {
      let byTown = this.places.get(county);
      if (!byTown) this.places.set(county, (byTown = new Map()));
      let byVillage = byTown.get(township);
      if (!byVillage) byTown.set(township, (byVillage = new Map()));
      byVillage.set(placeKey, place);
      this.placeCount++;
    }
    return place;
  }

  private readonly counties = new Map<string, string>();
  private readonly stems = new Map<string, string>();

  /** A 县 cell as a county code ('' when empty or unknown), once per cell text. */
  private countyCode(name: string): string {
    if (!name || !this.divisions) return '';
    let code = this.counties.get(name);
    if (code === undefined) {
      code = countyOfCell(name, this.divisions, this.province)?.code ?? '';
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
export function rosterFromSheets(file: string, sheets: readonly RawSheet[], index: number, divisions?: DivisionIndex, province?: string): RosterRead {
  for (const sheet of sheets) {
    const scan = new RosterScanner(file, sheet.name, index, divisions, province);
    for (let r = 0, n = rowCountOf(sheet); r < n; r++) scan.push(Array.from(rowAt(sheet, r) ?? [], (c) => c?.text ?? ''));
    const read = scan.end();
    if (read.ok || read.why === 'register') return read;
  }
  return { ok: false, why: 'no-header' };
}
