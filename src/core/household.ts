// Who a pairing is about: households and organisations identified across spellings (DOMAIN §3).
import type { RegisterRow } from './model.js';
import { addressKey, nameKey, orgKey } from './normalize.js';
import { parsePhones } from './phone.js';

/** The phone numbers of a 联系方式 cell, as digit strings (one parser for the whole tool: phone.ts). */
export function phoneNumbers(text: string): string[] {
  return parsePhones(text).numbers.map((n) => n.digits).filter((d) => d.length >= 7);
}

/**
 * The household a row is about: 户主姓名 + normalised 家庭住址. Undefined when the name is empty
 * (the pairing is unknowable). Use HouseholdIndex to apply the phone tie-breaker.
 */
export function householdBaseKey(row: RegisterRow): string | undefined {
  const name = nameKey(row.fields.name?.text ?? '');
  if (!name) return undefined;
  return `${name}|${addressKey(row.fields.address?.text ?? '')}`;
}

/** The organisation a row names, spelling differences (spaces, brackets, punctuation, width) removed. */
export function orgKeyOf(row: RegisterRow): string | undefined {
  const k = orgKey(row.fields.org?.text ?? '');
  return k || undefined;
}

/** One household under a base key: its id and the phone numbers seen for it. */
interface Household {
  id: string;
  phones: string[];
}

/**
 * Assigns household ids: rows with the same name and address are one household, unless both carry
 * phone numbers and the numbers share nothing (then they are two households of the same name).
 */
export class HouseholdIndex {
  /**
   * Base key → its households. The usual case, one household whose id is the key with at most one phone, is
   * kept as that phone ('' for none): a province-wide register has hundreds of thousands of them.
   */
  private readonly groups = new Map<string, string | Household[]>();
  private counter = 0;

  /** The household id of a row, or undefined when the row has no household name. */
  idOf(row: RegisterRow): string | undefined {
    const base = householdBaseKey(row);
    if (base === undefined) return undefined;
    return this.idFor(base, phoneNumbers(row.fields.phone?.text ?? ''));
  }

  /** The household id for a base key (householdBaseKey) and the row's phone numbers (phoneNumbers). */
  idFor(base: string, phones: readonly string[]): string {
    const got = this.groups.get(base);
    if (got === undefined) {
      const id = detach(base);
      const own = unique(phones);
      this.groups.set(id, own.length <= 1 ? (own[0] ?? '') : [{ id, phones: own }]);
      return id;
    }
    let list: Household[];
    if (typeof got === 'string') {
      // one household, id = the key, phone `got` (or none): a copy of the key is its id (the caller's string may be a slice of a line)
      const id = detach(base);
      if (phones.length === 0 || got === '' || phones.includes(got)) {
        const merged = unique(got === '' ? phones : [got, ...phones]);
        if (merged.length > 1) this.groups.set(base, [{ id, phones: merged }]);
        else if (merged.length === 1 && got === '') this.groups.set(base, merged[0]!);
        return id;
      }
      list = [{ id, phones: [got] }];
      this.groups.set(base, list);
    } else list = got;
    for (const h of list) {
      if (phones.length === 0 || h.phones.length === 0 || phones.some((p) => h.phones.includes(p))) {
        for (const p of phones) if (!h.phones.includes(p)) h.phones.push(detach(p));
        return h.id;
      }
    }
    const h: Household = { id: `${list[0]!.id}#${++this.counter}`, phones: unique(phones) };
    list.push(h);
    return h.id;
  }
}

function unique(list: readonly string[]): string[] {
  return list.length < 2 ? list.map(detach) : [...new Set(list)].map(detach);
}

/**
 * The same text as a string of its own, for keeping. A cell's text may be a slice of its whole CSV line (and a
 * key built from it a chain of such pieces), which would keep the line alive as long as the key is kept.
 * Slicing a fresh concatenation makes V8 copy the characters into a new string the slice then points into.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}
