// The pairing rows of one register as counting needs them, kept as columns of integers (about 24 bytes a row) rather
// than an object and its strings per row: a county register of 200k rows is held whole until the rollup is planned.
import type { HouseholdIndex } from '../household.js';
import { IntColumn, TextTable } from '../int-tables.js';

/** One pairing row as counting needs it. */
export interface PairingRow {
  /** Spreadsheet row. */
  row: number;
  /** The household's number in the ledger's HouseholdIndex (rows.householdText names it); undefined when the row has no 户主姓名. */
  household?: number;
  /** orgKeyOf the row; undefined when the row names no organisation. */
  org?: string;
  /** The organisation as written (trimmed). */
  spelling: string;
  /** The row's 类型 cell, when the register has that column. */
  typeText?: string;
  /** A hash of the row's values: two rows of one pairing with different hashes differ somewhere. */
  sig: number;
  /** Name and address as written, and the address cell: kept only when asked (the demonstration site check). */
  name?: string;
  address?: string;
  addressCell?: string;
}

/** A register's pairing rows, in row order: what the rollup, quota and roster sections read. */
export interface PairingRows extends Iterable<PairingRow> {
  readonly length: number;
  /** A household's id (HouseholdIndex.idText): the name, village and detail of its first row, #n when told apart. */
  householdText(no: number): string;
  /**
   * What counting reads of each row, in row order, without making a PairingRow of it (the rollup's tallies go through
   * every row of a province, once for the province and once for its city).
   */
  eachCount(fn: (household: number | undefined, org: string | undefined, spelling: string, typeText: string | undefined, row: number) => void): void;
  /**
   * eachCount with the organisation, spelling and type as numbers into the register's own texts (countText gives them):
   * equal numbers, equal texts, within this register. `org` and `type` are the text's number + 1, 0 for none; `household`
   * its number + 1, 0 for none. For counting by number what repeats down a register; not every PairingRows has it.
   */
  eachCountNo?(fn: (household: number, org: number, spelling: number, type: number, row: number) => void): void;
  /** The text numbered `no` (eachCountNo's numbers, less the 1 added for org and type). */
  countText?(no: number): string;
}

/**
 * The rows noted, one integer per field: organisations, spellings and types as numbers into one text table (they
 * repeat down a register), the household as its number in the ledger's HouseholdIndex.
 */
export class PairingTable implements PairingRows {
  // six columns a register, most of a few dozen rows: they start at 64 rows and double (at 1,024 a register cost 24 KB
  // of buffers to allocate and collect, 48 MB over the 2,000-file folder)
  private readonly rows = new IntColumn(64);
  private readonly households = new IntColumn(64);
  private readonly orgs = new IntColumn(64);
  private readonly spellings = new IntColumn(64);
  private readonly types = new IntColumn(64);
  private readonly sigs = new IntColumn(64);
  private readonly texts = new TextTable();
  /** Name, address and address cell by row index, only for registers whose addresses are kept. */
  private readonly addresses = new Map<number, Pick<PairingRow, 'name' | 'address' | 'addressCell'>>();
  private n = 0;

  /** `expectedRows`: how many rows are coming, when known (Register.expectedRows): the columns are made that big at once. */
  constructor(
    private readonly index: HouseholdIndex,
    expectedRows = 0,
  ) {
    if (expectedRows > 64) for (const c of [this.rows, this.households, this.orgs, this.spellings, this.types, this.sigs]) c.reserve(expectedRows);
  }

  get length(): number {
    return this.n;
  }

  add(p: PairingRow): void {
    const i = this.note(p.row, p.household, p.org, p.spelling, p.typeText, p.sig);
    if (p.name !== undefined || p.address !== undefined || p.addressCell !== undefined) {
      const a: Pick<PairingRow, 'name' | 'address' | 'addressCell'> = {};
      if (p.name !== undefined) a.name = this.texts.text(this.texts.no(p.name));
      if (p.address !== undefined) a.address = this.texts.text(this.texts.no(p.address));
      if (p.addressCell !== undefined) a.addressCell = p.addressCell;
      this.addresses.set(i, a);
    }
  }

  /** add of a row given by its parts (no name or address kept), without a PairingRow; its index. */
  note(row: number, household: number | undefined, org: string | undefined, spelling: string, typeText: string | undefined, sig: number): number {
    const i = this.n++;
    this.rows.set(i, row);
    // 0 stands for "none": numbers are kept one up
    this.households.set(i, household === undefined ? 0 : household + 1);
    this.orgs.set(i, org === undefined ? 0 : this.texts.no(org) + 1);
    this.spellings.set(i, this.texts.no(spelling));
    this.types.set(i, typeText === undefined ? 0 : this.texts.no(typeText) + 1);
    this.sigs.set(i, sig | 0);
    return i;
  }

  /** The i-th row noted, as an object of its own. */
  at(i: number): PairingRow {
    const p: PairingRow = { row: this.rows.get(i), spelling: this.texts.text(this.spellings.get(i)), sig: this.sigs.get(i) >>> 0 };
    const h = this.households.get(i);
    if (h !== 0) p.household = h - 1;
    const o = this.orgs.get(i);
    if (o !== 0) p.org = this.texts.text(o - 1);
    const t = this.types.get(i);
    if (t !== 0) p.typeText = this.texts.text(t - 1);
    const a = this.addresses.get(i);
    if (a) Object.assign(p, a);
    return p;
  }

  householdText(no: number): string {
    return this.index.idText(no);
  }

  eachCount(fn: (household: number | undefined, org: string | undefined, spelling: string, typeText: string | undefined, row: number) => void): void {
    const { texts } = this;
    for (let i = 0; i < this.n; i++) {
      const h = this.households.get(i);
      const o = this.orgs.get(i);
      const t = this.types.get(i);
      fn(h === 0 ? undefined : h - 1, o === 0 ? undefined : texts.text(o - 1), texts.text(this.spellings.get(i)), t === 0 ? undefined : texts.text(t - 1), this.rows.get(i));
    }
  }

  eachCountNo(fn: (household: number, org: number, spelling: number, type: number, row: number) => void): void {
    for (let i = 0; i < this.n; i++) fn(this.households.get(i), this.orgs.get(i), this.spellings.get(i), this.types.get(i), this.rows.get(i));
  }

  countText(no: number): string {
    return this.texts.text(no);
  }

  *[Symbol.iterator](): Iterator<PairingRow> {
    for (let i = 0; i < this.n; i++) yield this.at(i);
  }
}
