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

/** One household under a base key: its id and the phone numbers seen for it (usually one; an array is lighter than a Set). */
interface Household {
  id: string;
  phones: string[];
}

/**
 * Assigns household ids: rows with the same name and address are one household, unless both carry
 * phone numbers and the numbers share nothing (then they are two households of the same name).
 */
export class HouseholdIndex {
  /** Base key → its household, or its households when the name and address are shared by several. */
  private readonly groups = new Map<string, Household | Household[]>();
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
      this.groups.set(base, { id: base, phones: unique(phones) });
      return base;
    }
    const list = Array.isArray(got) ? got : [got];
    for (const h of list) {
      if (phones.length === 0 || h.phones.length === 0 || phones.some((p) => h.phones.includes(p))) {
        for (const p of phones) if (!h.phones.includes(p)) h.phones.push(p);
        return h.id;
      }
    }
    const h: Household = { id: `${base}#${++this.counter}`, phones: unique(phones) };
    if (Array.isArray(got)) got.push(h);
    else this.groups.set(base, [got, h]);
    return h.id;
  }
}

function unique(list: readonly string[]): string[] {
  return list.length < 2 ? [...list] : [...new Set(list)];
}
