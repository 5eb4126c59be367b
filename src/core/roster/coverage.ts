// The rollup's roster section (pure): households listed on the rosters, how many of them are paired, paired households on
// no roster, and per township and village the listed households still without a helper.
import type { DivisionIndex } from '../divisions.js';
import { focusCoverage, type FocusCoverage } from '../focus/coverage.js';
import type { FocusIndex } from '../focus/match.js';
import { registersOf, type Ledger } from '../ledger/model.js';
import type { Register } from '../model.js';
import type { CountedRegister } from '../rollup.js';
import type { PairingRows } from '../ledger/visitors.js';
import type { MatchHow, RosterIndex } from './match.js';
import { maskId } from './match.js';
import type { RosterEntry } from './model.js';
import type { WhomResult } from './visitor.js';

export interface UnpairedHousehold {
  name: string;
  /** Masked (430524********1234); '' when the roster gives none. */
  id: string;
  roster: string;
  row: number;
}

export interface VillageGap {
  county: string;
  /** Township and village as the roster writes them. */
  place: string;
  listed: number;
  unpaired: number;
  households: UnpairedHousehold[];
}

export interface RosterCoverage {
  rosters: { file: string; sheet: string; entries: number }[];
  /** Distinct listed households (one household on two rosters, same ID or same name and place, counts once). */
  listed: number;
  listedPaired: number;
  /** Distinct paired households (as the table counts them) matched to no roster entry. */
  pairedNotListed: number;
  /** Paired households by how they were matched. */
  matchedBy: Record<MatchHow, number>;
  /** Villages (or townships) with listed households still unpaired, by county and place. */
  gaps: VillageGap[];
}

/** One register counted by the rollup: its pairing rows and what the `whom` visitor noted. */
export interface CountedWhom {
  register: Register;
  rows: PairingRows;
  whom?: WhomResult;
}

function identity(e: RosterEntry): string {
  return e.id || `${e.nameKey}|${e.place.county}|${e.place.township}|${e.place.village}`;
}

export function rosterCoverage(index: RosterIndex, counted: readonly CountedWhom[], divisions?: DivisionIndex): RosterCoverage {
  // listed households: entries grouped by identity (ID, else name and place)
  const idOf = index.entries.map(identity);
  const first = new Map<string, number>();
  idOf.forEach((k, i) => {
    if (!first.has(k)) first.set(k, i);
  });
  const pairedListed = new Set<string>();
  const household = new Map<number, { listed: boolean; how?: MatchHow }>();
  for (const c of counted) {
    if (!c.whom?.rosters) continue;
    const byRow = new Map(c.whom.rows.map((w) => [w.row, w]));
    for (const p of c.rows) {
      if (p.household === undefined) continue;
      const w = byRow.get(p.row);
      const h = household.get(p.household) ?? { listed: false };
      if (w?.roster) {
        pairedListed.add(idOf[w.roster.entry]!);
        if (!h.listed) {
          h.listed = true;
          h.how = w.roster.how;
        }
      }
      household.set(p.household, h);
    }
  }
  const matchedBy: Record<MatchHow, number> = { id: 0, 'name-village': 0, 'name-township': 0 };
  let pairedNotListed = 0;
  for (const h of household.values()) {
    if (h.listed) matchedBy[h.how!]++;
    else pairedNotListed++;
  }

  const groups = new Map<string, VillageGap>();
  for (const [k, i] of first) {
    const e = index.entries[i]!;
    const key = `${e.place.county}|${e.place.township}|${e.place.village}`;
    let g = groups.get(key);
    if (!g) {
      const county = e.place.county ? (divisions?.byCode(e.place.county)?.name ?? '') : '';
      g = { county, place: e.where, listed: 0, unpaired: 0, households: [] };
      groups.set(key, g);
    }
    g.listed++;
    if (pairedListed.has(k)) continue;
    g.unpaired++;
    g.households.push({ name: e.name, id: e.id ? maskId(e.id) : '', roster: index.rosters[e.roster]!.file, row: e.row });
  }
  const gaps = [...groups.values()].filter((g) => g.unpaired > 0).sort((a, b) => (a.county + a.place < b.county + b.place ? -1 : a.county + a.place > b.county + b.place ? 1 : 0));
  return {
    rosters: index.rosters.map((r) => ({ file: r.file, sheet: r.sheet, entries: r.entries.length })),
    listed: first.size,
    listedPaired: pairedListed.size,
    pairedNotListed,
    matchedBy,
    gaps,
  };
}

/**
 * The roster and focus sections of a count (rollup's, check's): over the registers the table counted, households as the
 * table identifies them, with what the `whom` visitor noted on each register's rows.
 */
export function whomCoverage(
  ledger: Ledger,
  counted: readonly CountedRegister[],
  lists: { roster?: RosterIndex; focus?: FocusIndex },
  divisions?: DivisionIndex,
): { rosters?: RosterCoverage; focus?: FocusCoverage } {
  if (!lists.roster && !lists.focus) return {};
  const results = new Map(registersOf(ledger).map((e) => [e.register, e.results.whom as WhomResult | undefined]));
  const withWhom = counted.map((c) => ({ ...c, whom: results.get(c.register) }));
  return {
    ...(lists.roster ? { rosters: rosterCoverage(lists.roster, withWhom, divisions) } : {}),
    ...(lists.focus ? { focus: focusCoverage(lists.focus.list, withWhom) } : {}),
  };
}

/** The roster section in a few numbers (check's summary): villages (or townships) with listed households still unpaired. */
export function rosterSummary(c: RosterCoverage): { listed: number; listedPaired: number; pairedNotListed: number; villagesUnpaired: number } {
  return { listed: c.listed, listedPaired: c.listedPaired, pairedNotListed: c.pairedNotListed, villagesUnpaired: c.gaps.length };
}
