// Which roster entry a register row is about (DOMAIN §9): by ID number when both sides have one; otherwise by the head's
// name (§8 normalisation) within the same county and township, and village when both name one — a join through maps
// keyed by ID and by name, never a scan of the roster per row. Every match says how it was made (pure).
import type { DivisionIndex } from '../divisions.js';
import type { Area, RegisterRow } from '../model.js';
import { nameKey } from '../normalize.js';
import { areaCountyCode, fitPlaces, placeOfAddress, type PlaceKey } from '../places.js';
import type { Roster, RosterEntry } from './model.js';
import { normId } from './read.js';

/** How a row was matched: `id` (ID number), `name-village` (name in the same village), `name-township` (name in the same township, no village on one side). */
export type MatchHow = 'id' | 'name-village' | 'name-township';

export interface RosterMatch {
  how: MatchHow;
  entry: RosterEntry;
  /** Its index in RosterIndex.entries. */
  index: number;
  /** Matched by ID, but the names differ. */
  nameDiffers?: boolean;
  /** Matched by name and place, but both give an ID number and they differ. */
  idDiffers?: boolean;
}

export interface RosterLookup {
  /** The row's household has no name and no ID: nothing to look up. */
  empty?: boolean;
  match?: RosterMatch;
  /** No match: listed households in the same place whose names are one character off (a typo?). */
  near?: RosterEntry[];
  /** Row's ID (normalised, '' none) and place, as compared. */
  id: string;
  place: PlaceKey;
}

/** Levenshtein distance ≤ 1 (names are a few characters). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  if (t.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s[i] === t[i]) i++;
  if (s.length === t.length) return s.slice(i + 1) === t.slice(i + 1);
  return s.slice(i) === t.slice(i + 1);
}

const MAX_NEAR = 3;

/**
 * Entries grouped by a key, as a join needs them: the first entry of each key in a map, the next entry of the same key
 * in an array (-1: none) — one map entry per distinct key and no array per key, for 100k-entry rosters.
 */
class Chains {
  private readonly head = new Map<string, number>();
  private readonly next: Int32Array;

  constructor(n: number, keyOf: (i: number) => string) {
    this.next = new Int32Array(n).fill(-1);
    // from the last entry back, so that a chain lists its entries in roster order
    for (let i = n - 1; i >= 0; i--) {
      const k = keyOf(i);
      if (!k) continue;
      const h = this.head.get(k);
      if (h !== undefined) this.next[i] = h;
      this.head.set(k, i);
    }
  }

  first(key: string): number {
    return this.head.get(key) ?? -1;
  }

  after(i: number): number {
    return this.next[i]!;
  }
}

export class RosterIndex {
  readonly entries: RosterEntry[];
  private readonly byId: Chains;
  private readonly byName: Chains;
  /** village stem → entries, and township stem → entries: where near names are looked for (made when first needed). */
  private byVillage?: Chains;
  private byTownship?: Chains;
  private last?: { row: RegisterRow; result: RosterLookup };

  constructor(readonly rosters: readonly Roster[], readonly divisions?: DivisionIndex) {
    this.entries = rosters.length === 1 ? rosters[0]!.entries : rosters.flatMap((r) => r.entries);
    const entries = this.entries;
    this.byId = new Chains(entries.length, (i) => entries[i]!.id);
    this.byName = new Chains(entries.length, (i) => entries[i]!.nameKey);
  }

  /** The place of a row: its address, the register's county where the address names none. */
  placeOfRow(row: RegisterRow, area?: Area): PlaceKey {
    return placeOfAddress(row.fields.address?.text ?? '', this.divisions, areaCountyCode(area, this.divisions));
  }

  /** Looks a row up (the last row's answer is kept: both roster rules ask about the same row). */
  lookup(row: RegisterRow, area?: Area): RosterLookup {
    if (this.last?.row === row) return this.last.result;
    const result = this.find(row, area);
    this.last = { row, result };
    return result;
  }

  private find(row: RegisterRow, area?: Area): RosterLookup {
    const id = normId(row.fields.idNumber?.text);
    const name = nameKey(row.fields.name?.text ?? '');
    const place = this.placeOfRow(row, area);
    if (!name && !id) return { empty: true, id, place };

    if (id) {
      const firstHit = this.byId.first(id);
      if (firstHit >= 0) {
        let index = firstHit;
        for (let i = firstHit; i >= 0; i = this.byId.after(i)) {
          if (this.entries[i]!.nameKey === name) {
            index = i;
            break;
          }
        }
        const entry = this.entries[index]!;
        return { id, place, match: { how: 'id', entry, index, ...(name && entry.nameKey !== name ? { nameDiffers: true } : {}) } };
      }
    }
    if (name) {
      let best: { entry: RosterEntry; how: MatchHow; index: number } | undefined;
      for (let i = this.byName.first(name); i >= 0; i = this.byName.after(i)) {
        const e = this.entries[i]!;
        const fit = fitPlaces(place, e.place);
        if (fit !== 'village' && fit !== 'township') continue;
        const how: MatchHow = fit === 'village' ? 'name-village' : 'name-township';
        // the village beats the township; an entry whose ID agrees (or is absent) beats one whose ID differs
        const agrees = !id || !e.id || e.id === id;
        const better = !best || (how === 'name-village' && best.how !== 'name-village') || (how === best.how && agrees && !!id && !!best.entry.id && best.entry.id !== id);
        if (better) best = { entry: e, how, index: i };
      }
      if (best) {
        const idDiffers = !!id && !!best.entry.id && best.entry.id !== id;
        return { id, place, match: { how: best.how, entry: best.entry, index: best.index, ...(idDiffers ? { idDiffers: true } : {}) } };
      }
    }
    return { id, place, near: this.nearNames(name, place) };
  }

  /** Listed households in the row's village (else township) whose name is one character off. */
  private nearNames(name: string, place: PlaceKey): RosterEntry[] {
    if (!name) return [];
    // each index made when a row first needs it (rows with a village need only the village one)
    const entries = this.entries;
    const pool = place.village
      ? (this.byVillage ??= new Chains(entries.length, (i) => entries[i]!.place.village))
      : place.township
        ? (this.byTownship ??= new Chains(entries.length, (i) => entries[i]!.place.township))
        : undefined;
    const out: RosterEntry[] = [];
    for (let i = pool ? pool.first(place.village || place.township) : -1; pool && i >= 0; i = pool.after(i)) {
      const e = this.entries[i]!;
      if (fitPlaces(place, e.place) === 'none' || !oneEditApart(name, e.nameKey)) continue;
      if (!out.some((x) => x.nameKey === e.nameKey)) out.push(e);
      if (out.length >= MAX_NEAR) break;
    }
    return out;
  }
}

/** An ID number as reports show it: the first 6 and last 4 characters, the birth date and sequence hidden (430524********1234). */
export function maskId(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return s.length <= 4 ? '*'.repeat(s.length) : `${s.slice(0, 2)}${'*'.repeat(s.length - 2)}`;
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}
