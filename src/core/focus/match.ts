// Which focus places a household's address lies in: its county (the address's, else the register's), then the township
// and village stems the place names — a look-up by county code, not a scan of the list per row (pure).
import type { DivisionIndex } from '../divisions.js';
import type { PlaceKey } from '../places.js';
import type { FocusList, FocusPlace } from './list.js';

export class FocusIndex {
  private readonly byCounty = new Map<string, number[]>();

  constructor(readonly list: FocusList, readonly divisions?: DivisionIndex) {
    list.places.forEach((p, i) => {
      if (!p.countyCode) return;
      const l = this.byCounty.get(p.countyCode);
      if (l) l.push(i);
      else this.byCounty.set(p.countyCode, [i]);
    });
  }

  /** Indexes (into list.places) of the places `place` lies in, in list order. */
  placesOf(place: PlaceKey): number[] {
    if (!place.county) return [];
    const out: number[] = [];
    for (const i of this.byCounty.get(place.county) ?? []) {
      const p: FocusPlace = this.list.places[i]!;
      if (p.townshipStem && p.townshipStem !== place.township) continue;
      if (p.villageStem && p.villageStem !== place.village) continue;
      out.push(i);
    }
    return out;
  }
}
