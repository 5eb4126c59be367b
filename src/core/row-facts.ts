// What several rules need to know about one row (its org key, household number, phone numbers), worked out once per row and shared by the rules of one run.
import { HouseholdIndex, householdWhoCompacted, orgKeyOf, phoneCode, type RowHandOver } from './household.js';
import type { DivisionIndex } from './divisions.js';
import type { Area, RegisterRow } from './model.js';
import { compact, isBlank, isUsualUnit } from './normalize.js';
import { FindingKeys } from './place-memo.js';
import { IntColumn, TextTable } from './int-tables.js';
import { isPlainMobile, parsePhones, type PhoneParse } from './phone.js';

const NOT_YET = Symbol('not yet');
const EMPTY_PARSE: PhoneParse = { numbers: [], valid: true, none: false };

/**
 * One per validation run (one register): the rules see the rows one after another, so the facts of the
 * current row are kept until the next row comes. Household ids come from one HouseholdIndex fed every row
 * in order, as each rule's own index would be. The division list and the register's area, when given, make the
 * identity keys place-aware (household.ts): give the same ones rollup gets, so validate and rollup agree.
 */
export class RowFacts {
  private readonly households: HouseholdIndex;
  private current: RegisterRow | undefined;
  private org: string | undefined | typeof NOT_YET = NOT_YET;
  private household: number | undefined | typeof NOT_YET = NOT_YET;
  private phoneList: string[] | undefined;
  private codeList: (number | undefined)[] | undefined;
  private parse: PhoneParse | undefined;
  private address: { compacted: string; finding?: number } | undefined;
  /** Addresses numbered by place-memo's findingKey (made on the first address asked for). */
  private findings: FindingKeys | undefined;
  /** Org keys as small integers, numbered in the order first met (interned once per run). */
  private readonly orgNos = new Map<string, number>();
  private orgNoAt: number | undefined | typeof NOT_YET = NOT_YET;
  /**
   * 扶贫单位 texts as written, numbered in the order first met, and by that number the text's org key (orgKeyOf) and its
   * orgNo: a register names a few organisations over and over, so a row's key is looked up by its text, not worked out
   * again each time the text differs from the row before's.
   */
  private readonly orgTexts = new TextTable();
  private readonly textKeys: (string | undefined)[] = [];
  private readonly textOrgNos: (number | undefined)[] = [];
  /** By household number: the 扶贫单位 text of its first pairing (its number in orgTexts + 1; 0: none yet) and that pairing's row. */
  private readonly firstOrg = new IntColumn();
  private readonly firstRow = new IntColumn();
  private pairedBefore: number | undefined | typeof NOT_YET = NOT_YET;

  /**
   * `expectedRows`: how many rows are coming, when known (Register.expectedRows): the tables are sized for them at once.
   * `handOver`: the register's visitor chain's (household.rowHandOver): each row's identity is noted there for the
   * visitors after this one.
   */
  constructor(
    private readonly divisions?: DivisionIndex,
    private readonly area?: Area,
    expectedRows = 0,
    private readonly handOver?: RowHandOver,
  ) {
    this.households = new HouseholdIndex(divisions);
    if (expectedRows > 0) {
      this.households.reserve(expectedRows);
      this.firstOrg.reserve(expectedRows);
      this.firstRow.reserve(expectedRows);
    }
  }

  private at(row: RegisterRow): void {
    if (row === this.current) return;
    this.current = row;
    this.org = NOT_YET;
    this.household = NOT_YET;
    this.phoneList = undefined;
    this.codeList = undefined;
    this.parse = undefined;
    this.address = undefined;
    this.orgNoAt = NOT_YET;
    this.pairedBefore = NOT_YET;
  }

  /** The last 扶贫单位 text asked for and its number in orgTexts (a register names one organisation row after row). */
  private lastOrgText: string | undefined;
  private lastTextNo = 0;

  /** The number of the row's 扶贫单位 text in orgTexts, its key and orgNo worked out when it is new. */
  private orgTextNo(row: RegisterRow): number {
    const text = row.fields.org?.text ?? '';
    if (text !== this.lastOrgText) {
      this.lastOrgText = text;
      const no = this.orgTexts.no(text);
      if (no === this.textKeys.length) {
        const key = orgKeyOf(row, this.divisions);
        this.textKeys.push(key);
        this.textOrgNos.push(intern(this.orgNos, key));
      }
      this.lastTextNo = no;
    }
    return this.lastTextNo;
  }

  /** orgKeyOf(row) with the run's division list. */
  orgKey(row: RegisterRow): string | undefined {
    this.at(row);
    if (this.org === NOT_YET) this.org = this.textKeys[this.orgTextNo(row)];
    return this.org;
  }

  /**
   * The row's household as a small integer (HouseholdIndex.noOf: 0, 1, 2 … in the order households are first met), from
   * the index shared by the run, so that the cross-row rules keep integers in shared tables. Undefined with no household.
   * Every row must be asked, in order.
   */
  householdNo(row: RegisterRow): number | undefined {
    this.at(row);
    if (this.household === NOT_YET) {
      // the address compacted once for this and the address rules
      const who = householdWhoCompacted(row, this.compactAddress(row), this.divisions, this.area);
      // (phones is phoneNumbers of the cell's text: a numeric cell's text is parsed as text there too)
      this.handOver?.note(row, this.divisions, this.area, who, this.phones(row), this.phoneCodes(row), this.orgKey(row));
      this.household = who === undefined ? undefined : this.households.noFor(who, this.phones(row), this.phoneCodes(row));
    }
    return this.household;
  }

  /** The 户主姓名 of a household numbered by householdNo, compacted (nameKey), as its key holds it. */
  householdName(no: number): string {
    return this.households.nameOf(no);
  }

  /** The row's organisation (orgKey) as a small integer, like householdNo. */
  orgNo(row: RegisterRow): number | undefined {
    this.at(row);
    if (this.orgNoAt === NOT_YET) this.orgNoAt = this.textOrgNos[this.orgTextNo(row)];
    return this.orgNoAt;
  }

  /**
   * The organisation that paired with the row's household first, in an earlier row (its orgNo + 1), or 0 when this row is
   * the household's first pairing (it then becomes that first pairing); undefined when the row has no organisation or no
   * household. One table for the rules that compare a pairing with the household's first (duplicate-pairing,
   * joint-household). Every row must be asked, in order.
   */
  firstPairingBefore(row: RegisterRow): number | undefined {
    this.at(row);
    if (this.pairedBefore === NOT_YET) {
      const org = this.orgNo(row);
      const household = this.householdNo(row);
      if (org === undefined || household === undefined) this.pairedBefore = undefined;
      else {
        const first = this.firstOrg.get(household);
        if (first === 0) {
          this.firstOrg.set(household, this.orgTextNo(row) + 1);
          this.firstRow.set(household, row.row);
          this.pairedBefore = 0;
        } else this.pairedBefore = this.textOrgNos[first - 1]! + 1;
      }
    }
    return this.pairedBefore;
  }

  /** The 扶贫单位 text as written in a household's first pairing (firstPairingBefore); the household must have one. */
  firstPairingText(household: number): string {
    return this.orgTexts.text(this.firstOrg.get(household) - 1);
  }

  /** The row of a household's first pairing (firstPairingBefore), 0 when it has none yet. */
  firstPairingRow(household: number): number {
    return this.firstRow.get(household);
  }

  /** phoneNumbers(row.fields.phone?.text ?? ''): the digits of the usable-looking numbers (7 or more). */
  phones(row: RegisterRow): string[] {
    this.at(row);
    if (this.phoneList !== undefined) return this.phoneList;
    const f = row.fields.phone;
    // the usual cell, a plain mobile number (its text, read as text whatever the cell's kind): its one number is its text
    // (parsePhones' own first case), with no parse and its three objects made (phone-format passes it over too)
    if (f !== undefined && isPlainMobile(f.text)) this.phoneList = [f.text];
    else {
      // phoneNumbers reads the text as text; phoneParse reads a numeric cell as a number, so share it only for text cells
      const parse = f && f.kind !== 'number' ? this.phoneParse(row) : parsePhones(f?.text ?? '');
      // one array made, not two, and for the usual one number an array of one (pushing onto [] gives it room for 17)
      const numbers = parse.numbers;
      let list: string[];
      if (numbers.length === 1) list = numbers[0]!.digits.length >= 7 ? [numbers[0]!.digits] : [];
      else {
        list = [];
        for (const n of numbers) if (n.digits.length >= 7) list.push(n.digits);
      }
      this.phoneList = list;
    }
    return this.phoneList;
  }

  /**
   * Each of phones(row) as one number (household.phoneCode: '1' and its digits; undefined when too long to be exact), in the
   * same order: worked out once a row for the household index and shared-phone.
   */
  phoneCodes(row: RegisterRow): readonly (number | undefined)[] {
    this.at(row);
    if (this.codeList === undefined) {
      const phones = this.phones(row);
      // the usual row has one phone: an array of one (pushing onto [] gives it room for 17)
      let codes: (number | undefined)[];
      if (phones.length === 1) codes = [phoneCode(phones[0])];
      else {
        codes = [];
        for (let i = 0; i < phones.length; i++) codes.push(phoneCode(phones[i]));
      }
      this.codeList = codes;
    }
    return this.codeList;
  }

  /** parsePhones of the 联系方式 cell as phone-format reads it (text, kind, number format). */
  phoneParse(row: RegisterRow): PhoneParse {
    this.at(row);
    if (this.parse === undefined) {
      const f = row.fields.phone;
      this.parse = f ? parsePhones(f.text, f.kind, f.numFmt) : EMPTY_PARSE;
    }
    return this.parse;
  }

  /** The 家庭住址 as placesIn reads it (normalize.compact; '' when blank). */
  compactAddress(row: RegisterRow): string {
    this.at(row);
    this.address ??= { compacted: compact(row.fields.address?.text ?? '') };
    return this.address.compacted;
  }

  /**
   * The 家庭住址's place-memo findingKey as a number (FindingKeys: equal keys, equal numbers), shared by the address rules
   * of the run. Numbers are good while findingEpoch is unchanged.
   */
  addressFindingNo(row: RegisterRow): number {
    const compacted = this.compactAddress(row);
    if (this.address!.finding === undefined) {
      // only the address rules ask, and they run only with the division list these facts were made with
      if (!this.divisions) throw new Error('RowFacts.addressFindingNo needs the division list');
      this.findings ??= new FindingKeys(this.divisions);
      this.address!.finding = this.findings.no(compacted);
    }
    return this.address!.finding;
  }

  /** Changes whenever addressFindingNo's numbers start again (FindingKeys' bound): what was kept by number is dropped. */
  get findingEpoch(): number {
    return this.findings?.epoch ?? 0;
  }
}

function intern(table: Map<string, number>, key: string | undefined): number | undefined {
  if (key === undefined) return undefined;
  let n = table.get(key);
  if (n === undefined) {
    n = table.size;
    table.set(key, n);
  }
  return n;
}

/** A character NFKC keeps as a non-space one: a text holding one is not blank (NFKC never drops a character). */
const SURELY_FILLED = /[\x21-\x7e\u4e00-\u9fa5]/;

/** normalize.isBlank, answered at once for the usual cell (digits, letters, common Han characters). */
export function isBlankText(s: string | undefined): boolean {
  if (s === undefined || s === '') return true;
  // the usual cell starts with a usual character (isUsualUnit, never blank), so no regular expression is run
  if (isUsualUnit(s.charCodeAt(0))) return false;
  return SURELY_FILLED.test(s) ? false : isBlank(s);
}

/** 2-6 common Han characters and nothing else: a plain name (no spaces, notes, dots) — NFKC leaves it as it is. */
export const PLAIN_NAME = /^[\u4e00-\u9fa5]{2,6}$/;
