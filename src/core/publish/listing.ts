// The public listing (fupin publish, DOMAIN §9): one line per pairing — where (cut after the village), whom (masked), which
// organisation and its type, the help given when the register says it — and what each organisation and each area did.
// The `publicRows` visitor masks every row as it goes by: nothing personal is kept, so nothing personal can be written.
import { headerKey } from '../columns.js';
import type { DivisionIndex } from '../divisions.js';
import { orgKeyOf, rowHandOver, type HouseholdIndex } from '../household.js';
import type { LedgerFile, Ledger } from '../ledger/model.js';
import type { RegisterVisitor, VisitorSpec } from '../ledger/builder.js';
import type { OrgType, Register, RegisterRow } from '../model.js';
import { parseAmount } from '../normalize.js';
import { LeftOutRows, type LeftOut } from '../ledger/left-out.js';
import { OrgTypeVotes, type OrgRegistry } from '../orgs.js';
import { maskName, publicPlace, scrubText, type PublicPlace, type PublishLevel } from './mask.js';

/** Headers of an amount column (not one of the register's own columns): 帮扶资金, 帮扶金额, 捐赠金额 … */
const AMOUNT_HEADER = /(?:帮扶|扶贫|捐赠|捐助|资助|投入)?(?:资金|金额|款)(?:\(?元\)?|\(?万元\)?)?$/u;
/** Headers of a status column: 脱贫状态, 脱贫情况, 是否脱贫, 帮扶效果. */
const STATUS_HEADER = /^(?:脱贫状态|脱贫情况|是否脱贫|脱贫与否|帮扶效果|帮扶成效|脱贫成效)$/u;
/** An amount for one pairing at or above this is not believed (a phone or ID typed in the column): it is left out. */
export const AMOUNT_CEILING = 1_000_000;

/** One pairing as published. */
export interface PublicEntry extends PublicPlace {
  /** 户主, masked. */
  head: string;
  /** The organisation as written (long numbers scrubbed). */
  org: string;
  orgType: OrgType;
  /** 帮扶措施, scrubbed. */
  measures?: string;
  /** The amount column's value, in yuan. */
  amount?: number;
  /** 脱贫状态, scrubbed. */
  status?: string;
}

/** What the visitor keeps of a row: the published entry and, for counting only, who it is about. */
interface PublicRow {
  entry: Omit<PublicEntry, 'orgType'>;
  /** The household's number in the ledger's index (never published): counting and the same pairing twice. */
  household?: number;
  /** Its row in the sheet (1-based), to name it when it is left out. */
  row: number;
  orgKey: string;
  /** The organisation as written (trimmed) and its 类型 cell: its type is decided from all its rows, as rollup does. */
  spelling: string;
  typeText?: string;
}

interface PublicResult {
  rows: PublicRow[];
  /** Amounts left out as not believable (AMOUNT_CEILING or more, negative). */
  amountsDropped: number;
  has: { measures: boolean; amount: boolean; status: boolean };
}

/** The unknown column whose header fits, if the register has one. */
function extraColumn(register: Register, re: RegExp): string | undefined {
  return register.unknownColumns.find((c) => re.test(headerKey(c.header)))?.header;
}

/** `publish`: each row as published (see mask.ts), with its household's number in the ledger's shared index. */
export function publicRows(index: HouseholdIndex, level: PublishLevel): VisitorSpec {
  const divisions: DivisionIndex | undefined = index.divisions;
  return {
    name: 'publish',
    create(register: Register, _file: LedgerFile): RegisterVisitor {
      const rows: PublicRow[] = [];
      const amountColumn = extraColumn(register, AMOUNT_HEADER);
      const statusColumn = extraColumn(register, STATUS_HEADER);
      const hasMeasures = register.columns.some((c) => c.key === 'measures');
      let amountsDropped = 0;
      const handOver = rowHandOver(register);
      return {
        row(r: RegisterRow) {
          const name = r.fields.name?.text ?? '';
          const household = index.noOf(r, register.area, handOver);
          const entry: PublicRow['entry'] = {
            ...publicPlace(r.fields.address?.text ?? '', register.area, divisions, level),
            head: maskName(name),
            org: scrubText((r.fields.org?.text ?? '').trim(), name),
          };
          const measures = scrubText((r.fields.measures?.text ?? '').trim(), name);
          if (measures) entry.measures = measures;
          const amount = amountColumn ? parseAmount(r.extra[amountColumn] ?? '') : undefined;
          if (amount !== undefined && amount >= 0 && amount < AMOUNT_CEILING) entry.amount = amount;
          else if (amount !== undefined) amountsDropped++;
          const status = statusColumn ? scrubText((r.extra[statusColumn] ?? '').trim(), name) : '';
          if (status) entry.status = status;
          const row: PublicRow = { entry, row: r.row, orgKey: orgKeyOf(r, divisions) ?? '', spelling: (r.fields.org?.text ?? '').trim() };
          if (household !== undefined) row.household = household;
          const t = r.fields.orgType?.text;
          if (t) row.typeText = t;
          rows.push(row);
        },
        end: (): PublicResult => ({ rows, amountsDropped, has: { measures: hasMeasures, amount: amountColumn !== undefined, status: statusColumn !== undefined } }),
      };
    },
  };
}

/** What one organisation did, as published. */
export interface OrgSummaryEntry {
  org: string;
  orgType: OrgType;
  /** The counties (or cities, for 市本级 rows) it helps in: 怀化市溆浦县. */
  areas: string[];
  households: number;
  pairings: number;
  /** Total of the amount column (only when some register has one). */
  amount?: number;
}

/** What was done in one area (a county, or a city's own level). */
export interface AreaSummaryEntry {
  city: string;
  county: string;
  households: number;
  orgs: number;
  pairings: number;
  amount?: number;
}

export interface PublicListing {
  level: PublishLevel;
  entries: PublicEntry[];
  byOrg: OrgSummaryEntry[];
  byArea: AreaSummaryEntry[];
  totals: { pairings: number; households: number; orgs: number; amount?: number };
  /** Which optional columns any register had (so writers show them, or not). */
  has: { measures: boolean; amount: boolean; status: boolean };
  /** Rows with no 户主姓名 or no organisation (not published), and rows repeating an earlier pairing (published once). */
  noName: number;
  /** The rows not published for want of a 户主姓名 or an organisation, by register (file, sheet, rows). */
  leftOut: LeftOut[];
  repeated: number;
  /** Amounts left out of the listing and the totals (a phone or ID number typed in the amount column, a negative amount). */
  amountsDropped: number;
}

function addAmount(target: { amount?: number }, amount: number | undefined): void {
  if (amount !== undefined) target.amount = Math.round(((target.amount ?? 0) + amount) * 100) / 100;
}

/** The listing of a ledger read with the `publish` visitor: rows in the registers' order, summaries largest first. */
export function planPublish(ledger: Ledger, level: PublishLevel, registry?: OrgRegistry): PublicListing {
  const seen = new Set<string>();
  const entries: PublicEntry[] = [];
  const has = { measures: false, amount: false, status: false };
  const orgs = new Map<string, { e: OrgSummaryEntry; households: Set<number>; areas: Set<string> }>();
  const areas = new Map<string, { e: AreaSummaryEntry; households: Set<number>; orgs: Set<string> }>();
  const allHouseholds = new Set<number>();
  let noName = 0;
  let repeated = 0;
  let amountsDropped = 0;
  let total: number | undefined;
  // each organisation's type from all its rows, as the 统计表 decides it (the two never put it in different columns)
  const votes = new OrgTypeVotes();
  for (const f of ledger.files) {
    for (const reg of f.registers) {
      const res = reg.results.publish as PublicResult | undefined;
      for (const r of res?.rows ?? []) if (r.orgKey !== '') votes.add(r.orgKey, r.spelling, r.typeText);
    }
  }
  const types = new Map([...votes.decide(registry)].map(([k, d]) => [k, d.type]));
  const leftOut = new LeftOutRows(ledger.files.flatMap((f) => f.registers.map((e) => e.register)));
  for (const f of ledger.files) {
    for (const reg of f.registers) {
      const res = reg.results.publish as PublicResult | undefined;
      if (!res) continue;
      const noNameRows: number[] = [];
      const noOrgRows: number[] = [];
      has.measures ||= res.has.measures;
      has.amount ||= res.has.amount;
      has.status ||= res.has.status;
      amountsDropped += res.amountsDropped;
      for (const r of res.rows) {
        if (r.household === undefined || r.orgKey === '') {
          noName++;
          (r.household === undefined ? noNameRows : noOrgRows).push(r.row);
          continue;
        }
        const key = `${r.household}\u0000${r.orgKey}`;
        if (seen.has(key)) {
          repeated++;
          continue;
        }
        seen.add(key);
        const type = types.get(r.orgKey)!;
        const entry: PublicEntry = { ...r.entry, orgType: type };
        entries.push(entry);
        allHouseholds.add(r.household);
        if (entry.amount !== undefined) total = (total ?? 0) + entry.amount;

        let o = orgs.get(r.orgKey);
        if (!o) {
          o = { e: { org: entry.org, orgType: type, areas: [], households: 0, pairings: 0 }, households: new Set(), areas: new Set() };
          orgs.set(r.orgKey, o);
        }
        o.e.pairings++;
        o.households.add(r.household);
        o.areas.add(entry.city + entry.county);
        addAmount(o.e, entry.amount);

        const areaKey = `${entry.city}\u0000${entry.county}`;
        let a = areas.get(areaKey);
        if (!a) {
          a = { e: { city: entry.city, county: entry.county, households: 0, orgs: 0, pairings: 0 }, households: new Set(), orgs: new Set() };
          areas.set(areaKey, a);
        }
        a.e.pairings++;
        a.households.add(r.household);
        a.orgs.add(r.orgKey);
        addAmount(a.e, entry.amount);
      }
      leftOut.add(reg.register, noNameRows, noOrgRows);
    }
  }
  const byOrg = [...orgs.values()]
    .map((o) => ({ ...o.e, areas: [...o.areas].filter(Boolean), households: o.households.size }))
    .sort((x, y) => y.households - x.households || x.org.localeCompare(y.org, 'zh'));
  const byArea = [...areas.values()].map((a) => ({ ...a.e, households: a.households.size, orgs: a.orgs.size }));
  const totals: PublicListing['totals'] = { pairings: entries.length, households: allHouseholds.size, orgs: orgs.size };
  if (total !== undefined) totals.amount = Math.round(total * 100) / 100;
  return { level, entries, byOrg, byArea, totals, has, noName, leftOut: leftOut.all, repeated, amountsDropped };
}
