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

/**
 * Assigns household ids: rows with the same name and address are one household, unless both carry
 * phone numbers and the numbers share nothing (then they are two households of the same name).
 */
export class HouseholdIndex {
  private readonly groups = new Map<string, { id: string; phones: Set<string> }[]>();
  private counter = 0;

  /** The household id of a row, or undefined when the row has no household name. */
  idOf(row: RegisterRow): string | undefined {
    const base = householdBaseKey(row);
    if (base === undefined) return undefined;
    const phones = phoneNumbers(row.fields.phone?.text ?? '');
    let list = this.groups.get(base);
    if (!list) {
      list = [];
      this.groups.set(base, list);
    }
    for (const h of list) {
      if (phones.length === 0 || h.phones.size === 0 || phones.some((p) => h.phones.has(p))) {
        for (const p of phones) h.phones.add(p);
        return h.id;
      }
    }
    const id = list.length === 0 ? base : `${base}#${++this.counter}`;
    list.push({ id, phones: new Set(phones) });
    return id;
  }
}
