// What changed between two versions of a register (fupin diff, DOMAIN §9): pairings added, removed and changed, matched by
// household and organisation — never by row position, so moved rows and a renumbered 序号 are not changes.
//
// Matching, in rounds; each round pairs only what the rounds before left unmatched, in row order:
//   1. the same household (HouseholdIndex, one index over both versions: the rollup's identity, so a household is the
//      same after its address spelling was corrected — 三组 → 3组, 村委会 → 村, the county written in front or not)
//      and the same organisation (orgKeyOf: spellings of one organisation are one);
//   2. the same name, village and detail (组, 号) and organisation — the phone number changed;
//   3. the same name, a phone number in common and the same organisation — the address was corrected beyond spelling;
//   4. the same name and village and organisation — the detail and the phone both changed;
//   5. the same village, a phone number in common and the same organisation — the head's name was corrected (张叁 → 张三).
// A matched pairing is changed when a column both versions have (序号 aside) differs after normalising (normText).
// The `diffRows` visitor keeps of each row only what this needs: identity, the organisation, the compared cells.
import { areaLabel } from '../area.js';
import { COLUMN_BY_KEY } from '../columns.js';
import { householdWho, orgKeyOf, phoneNumbers, type HouseholdIndex } from '../household.js';
import type { RegisterVisitor, VisitorSpec } from '../ledger/builder.js';
import type { Ledger } from '../ledger/model.js';
import type { ColumnKey, Register } from '../model.js';

/** One cell as compared: its text as written (trimmed), normalised, and where it is. */
export interface DiffCell {
  text: string;
  norm: string;
  cell: string;
}

/** One pairing row of one version, as the diff keeps it. */
export interface DiffRow {
  file: string;
  sheet: string;
  row: number;
  /** The register's area (怀化市溆浦县), '' when unknown: what the changes are grouped by. */
  area: string;
  /** Household id from the index shared by both versions; undefined when the row has no 户主姓名. */
  household?: string;
  /** 户主姓名|village, and the detail after the village (household.householdWho). */
  whoKey?: string;
  detail?: string;
  phones: string[];
  /** orgKeyOf the row ('' when it names none). */
  org: string;
  cells: Partial<Record<ColumnKey, DiffCell>>;
}

interface DiffResult {
  rows: DiffRow[];
  columns: ColumnKey[];
}

/** `diff`: every row's identity and cells (序号 aside), household ids from one index over both versions. */
export function diffRows(index: HouseholdIndex): VisitorSpec {
  return {
    name: 'diff',
    create(register: Register): RegisterVisitor {
      const rows: DiffRow[] = [];
      const columns = register.columns.map((c) => c.key).filter((k) => k !== 'seq');
      const area = areaLabel(register.area) ?? '';
      return {
        row(r) {
          const who = householdWho(r, index.divisions, register.area);
          const cells: DiffRow['cells'] = {};
          for (const k of columns) {
            const f = r.fields[k];
            if (f) cells[k] = { text: f.text.trim(), norm: f.norm, cell: f.cell };
          }
          const d: DiffRow = { file: register.file, sheet: register.sheet, row: r.row, area, phones: phoneNumbers(r.fields.phone?.text ?? ''), org: orgKeyOf(r, index.divisions) ?? '', cells };
          // the identity worked out above, numbered by the index shared by both versions
          if (who) {
            d.household = index.idText(index.noFor(who, d.phones));
            d.whoKey = who.key;
            d.detail = who.detail;
          }
          rows.push(d);
        },
        end: (): DiffResult => ({ rows, columns }),
      };
    },
  };
}

/** The rows and compared columns of a ledger (one version) read with the `diff` visitor. */
export function versionOf(ledger: Ledger): { rows: DiffRow[]; columns: Set<ColumnKey> } {
  const rows: DiffRow[] = [];
  const columns = new Set<ColumnKey>();
  for (const f of ledger.files) {
    for (const e of f.registers) {
      const res = e.results.diff as DiffResult | undefined;
      if (!res) continue;
      // one by one: a register of 200,000 rows is too many arguments for push(...rows)
      for (const r of res.rows) rows.push(r);
      for (const c of res.columns) columns.add(c);
    }
  }
  return { rows, columns };
}

/** Where a value is: the file and the cell (A1). */
export interface Where {
  file: string;
  cell: string;
}

/** A household as the clerk recognises it: the head's name and the address as written. */
export interface HouseholdShown {
  name: string;
  address: string;
}

export interface PairingDiff {
  area: string;
  household: HouseholdShown;
  /** The organisation as written. */
  org: string;
  /** The row (its first cell) in the version it is in. */
  at: Where;
}

export interface FieldChange {
  area: string;
  household: HouseholdShown;
  org: string;
  /** The column's key (stable) and its label as the form writes it. */
  field: ColumnKey;
  column: string;
  before: string;
  after: string;
  old: Where;
  new: Where;
}

export interface DiffPlan {
  added: PairingDiff[];
  removed: PairingDiff[];
  changed: FieldChange[];
  /** Columns only one version has: not compared. */
  onlyOld: ColumnKey[];
  onlyNew: ColumnKey[];
  summary: { added: number; removed: number; changed: number; fields: number; same: number; old: number; new: number };
}

function shown(r: DiffRow): HouseholdShown {
  return { name: r.cells.name?.text ?? '', address: r.cells.address?.text ?? '' };
}

function firstCell(r: DiffRow): Where {
  const cell = r.cells.name?.cell ?? r.cells.org?.cell ?? Object.values(r.cells)[0]?.cell ?? `A${r.row}`;
  return { file: r.file, cell };
}

/** Pairs rows of the two lists that share a key, in order; returns the pairs and removes them from the lists. */
function matchBy(olds: DiffRow[], news: DiffRow[], keys: (r: DiffRow) => string[]): [DiffRow, DiffRow][] {
  const waiting = new Map<string, DiffRow[]>();
  for (const o of olds) {
    for (const k of keys(o)) {
      let list = waiting.get(k);
      if (!list) waiting.set(k, (list = []));
      list.push(o);
    }
  }
  const taken = new Set<DiffRow>();
  const pairs: [DiffRow, DiffRow][] = [];
  const unmatchedNew: DiffRow[] = [];
  for (const n of news) {
    let found: DiffRow | undefined;
    for (const k of keys(n)) {
      const list = waiting.get(k);
      while (list && list.length && taken.has(list[0]!)) list.shift();
      if (list && list.length) {
        found = list.shift()!;
        break;
      }
    }
    if (found) {
      taken.add(found);
      pairs.push([found, n]);
    } else unmatchedNew.push(n);
  }
  const rest = olds.filter((o) => !taken.has(o));
  olds.length = 0;
  append(olds, rest);
  news.length = 0;
  append(news, unmatchedNew);
  return pairs;
}

/** Adds `more` to `list` one by one: a register's 200,000 rows are too many arguments for push(...more). */
function append<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}

/**
 * The rounds of matching (see the file comment): each gives a row's keys, [] when the round does not apply to it.
 * `a` is the row's area as matched (rounds 2–5 never pair rows of two counties: 张三 of 大湾村 in one county is not
 * 张三 of a 大湾村 in another); round 1's household identity holds the county already.
 */
const ROUNDS: ((r: DiffRow, a: string) => string[])[] = [
  (r) => (r.household !== undefined ? [`${r.household}\u0000${r.org}`] : []),
  (r, a) => (r.whoKey !== undefined ? [`${a}\u0000${r.whoKey}\u0000${r.detail}\u0000${r.org}`] : []),
  (r, a) => (r.whoKey !== undefined ? r.phones.map((p) => `${a}\u0000${r.whoKey!.slice(0, r.whoKey!.indexOf('|'))}\u0000${p}\u0000${r.org}`) : []),
  (r, a) => (r.whoKey !== undefined ? [`${a}\u0000${r.whoKey}\u0000${r.org}`] : []),
  (r, a) => (r.whoKey !== undefined ? r.phones.map((p) => `${a}\u0000${r.whoKey!.slice(r.whoKey!.indexOf('|') + 1)}\u0000${p}\u0000${r.org}`) : []),
];

/** What changed from `old` to `next` (both read with `diffRows` over one HouseholdIndex). */
export function planDiff(old: { rows: DiffRow[]; columns: Set<ColumnKey> }, next: { rows: DiffRow[]; columns: Set<ColumnKey> }): DiffPlan {
  // rows without a household or an organisation are not pairings: they cannot be matched, and are not compared
  const olds = old.rows.filter((r) => r.household !== undefined && r.org !== '');
  const news = next.rows.filter((r) => r.household !== undefined && r.org !== '');
  const pairs: [DiffRow, DiffRow][] = [];
  // the area takes part only when both versions know some: a register of no known area is compared as one area
  const byArea = olds.some((r) => r.area !== '') && news.some((r) => r.area !== '');
  for (const round of ROUNDS) append(pairs, matchBy(olds, news, (r) => round(r, byArea ? r.area : '')));
  // pairs in the new version's order
  const order = new Map(next.rows.map((r, i) => [r, i]));
  pairs.sort((a, b) => order.get(a[1])! - order.get(b[1])!);

  const compared = [...next.columns].filter((k) => old.columns.has(k));
  const changed: FieldChange[] = [];
  let changedPairings = 0;
  for (const [o, n] of pairs) {
    let any = false;
    for (const k of compared) {
      const a = o.cells[k];
      const b = n.cells[k];
      if ((a?.norm ?? '') === (b?.norm ?? '')) continue;
      any = true;
      changed.push({
        area: n.area || o.area,
        household: shown(n),
        org: n.cells.org?.text ?? '',
        field: k,
        column: COLUMN_BY_KEY.get(k)!.label,
        before: a?.text ?? '',
        after: b?.text ?? '',
        old: { file: o.file, cell: a?.cell ?? firstCell(o).cell },
        new: { file: n.file, cell: b?.cell ?? firstCell(n).cell },
      });
    }
    if (any) changedPairings++;
  }
  const entry = (r: DiffRow): PairingDiff => ({ area: r.area, household: shown(r), org: r.cells.org?.text ?? '', at: firstCell(r) });
  const added = news.map(entry);
  const removed = olds.map(entry);
  return {
    added,
    removed,
    changed,
    onlyOld: [...old.columns].filter((k) => !next.columns.has(k)),
    onlyNew: [...next.columns].filter((k) => !old.columns.has(k)),
    summary: {
      added: added.length,
      removed: removed.length,
      changed: changedPairings,
      fields: changed.length,
      same: pairs.length - changedPairings,
      old: old.rows.filter((r) => r.household !== undefined && r.org !== '').length,
      new: next.rows.filter((r) => r.household !== undefined && r.org !== '').length,
    },
  };
}

/** Whether any pairing changed. */
export function hasChanges(plan: DiffPlan): boolean {
  return plan.added.length + plan.removed.length + plan.changed.length > 0;
}
