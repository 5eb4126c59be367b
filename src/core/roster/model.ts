// Rosters as fupin holds them: one entry per listed household, where it was read, and the place it lies in.
import type { PlaceKey } from '../places.js';
import type { RosterColumn } from './columns.js';

export interface RosterEntry {
  /** Which roster (index into the rosters read). */
  roster: number;
  /** Spreadsheet row (1-based). */
  row: number;
  name: string;
  /** nameKey of the name. */
  nameKey: string;
  /** Normalised ID number ('' when the roster gives none). */
  id: string;
  place: PlaceKey;
  /** Township and village as written (no county, no 组 or house number): what reports group by and show. */
  where: string;
  category?: string;
}

export interface Roster {
  file: string;
  sheet: string;
  /** 1-based header row and the columns found, for --explain. */
  headerRow: number;
  columns: RosterColumn[];
  entries: RosterEntry[];
  /** Data rows with no name (left out). */
  skipped: number;
}
