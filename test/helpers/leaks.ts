// What a public listing must never contain, collected from the registers' own cells, and the check that fails on the
// first leak (issue 15): a household head's full name (2+ characters), any 7 digits in a row of a phone or an ID
// number, a 15/18-character ID number, any address part below the village, a note (备注), a cell of a column the
// listing does not publish (家庭成员 …).
//
// A secret that is also public text of the input — part of an organisation's name, a place name the listing shows,
// the listing's own fixed texts — cannot be told from it and is not looked for (a head named 向阳 in 向阳村).
import { addressIdentity, phoneNumbers } from '../../src/core/household.js';
import type { DivisionIndex } from '../../src/core/divisions.js';
import type { RegisterVisitor, VisitorSpec } from '../../src/core/ledger/builder.js';
import type { Register, RegisterRow } from '../../src/core/model.js';
import { compact, digitsOf } from '../../src/core/normalize.js';
import { splitNameNote } from '../../src/core/person-name.js';
import { publicPlace } from '../../src/core/publish/mask.js';

/** Columns a listing may show beside the masked ones: the amount and the status (their headers as in listing.ts). */
const PUBLISHED_EXTRA = /资金|金额|款|脱贫|效果|成效/u;

export interface Secrets {
  /** Texts that must not appear. */
  texts: Set<string>;
  /** Digit strings of phones and ID numbers: no 7 of their digits in a row may appear. */
  digits: Set<string>;
  /** Public text of the input (organisation names, published places): a secret inside it is not looked for. */
  publicText: string[];
}

export function emptySecrets(): Secrets {
  return { texts: new Set(), digits: new Set(), publicText: [] };
}

/** Adds one row's secrets. */
export function addRowSecrets(s: Secrets, row: RegisterRow, register: Register, divisions: DivisionIndex | undefined): void {
  const text = (k: keyof RegisterRow['fields']): string => row.fields[k]?.text ?? '';
  const name = compact(splitNameNote(text('name')).name);
  if (Array.from(name).length >= 2) s.texts.add(name);
  const note = splitNameNote(text('name')).note;
  if (note && note.length >= 2) s.texts.add(note);
  for (const p of phoneNumbers(text('phone'))) s.digits.add(p);
  const id = compact(text('idNumber')).toUpperCase();
  if (id.length >= 2) s.texts.add(id);
  if (digitsOf(id).length >= 7) s.digits.add(digitsOf(id));
  const remark = compact(text('remark'));
  if (remark.length >= 2) s.texts.add(remark);
  // what follows the published places: 组, 号, a road, a house
  const address = text('address');
  const place = publicPlace(address, register.area, divisions);
  const a = addressIdentity(address, divisions);
  let local = a.village + a.detail;
  if (place.town && local.startsWith(place.town)) local = local.slice(place.town.length);
  if (place.village && local.startsWith(place.village)) local = local.slice(place.village.length);
  if (Array.from(local).length >= 2) s.texts.add(local);
  for (const [header, value] of Object.entries(row.extra)) {
    if (PUBLISHED_EXTRA.test(header)) continue;
    const v = compact(value);
    if (Array.from(v).length >= 2 && !/^\d{1,6}(?:\.\d+)?$/.test(v)) s.texts.add(v);
    // names listed in a members' cell: 李四（妻）、王五（子）
    for (const part of v.split(/[、,，;；\s]+/u)) {
      const n = part.replace(/[(（][^)）]*[)）]/gu, '');
      if (Array.from(n).length >= 2 && !/\d/.test(n)) s.texts.add(n);
    }
  }
  s.publicText.push(compact(text('org')), place.town, place.village, place.county, place.city);
}

/** A visitor collecting the secrets of every row it sees (read alongside the command's own visitors). */
export function secretsVisitor(s: Secrets, divisions: DivisionIndex | undefined): VisitorSpec {
  return {
    name: 'secrets',
    create(register): RegisterVisitor {
      return { row: (r) => addRowSecrets(s, r, register, divisions), end: () => undefined };
    },
  };
}

/** The first leak of `secrets` in `output` (compacted), or undefined. `fixed`: the output's own texts (title, note, headers). */
export function findLeak(output: string, secrets: Secrets, fixed: readonly string[] = []): string | undefined {
  const out = compact(output);
  const pub = [...secrets.publicText, ...fixed.map(compact)].join('\u0000');
  for (const t of secrets.texts) {
    if (out.includes(t) && !pub.includes(t)) return `text "${t}"`;
  }
  // every 7 digits in a row of the output, against every phone and ID number
  const runs = out.match(/\d{7,}/g) ?? [];
  if (runs.length) {
    const windows = new Set<string>();
    for (const d of secrets.digits) for (let i = 0; i + 7 <= d.length; i++) windows.add(d.slice(i, i + 7));
    for (const r of runs) for (let i = 0; i + 7 <= r.length; i++) if (windows.has(r.slice(i, i + 7))) return `digits "${r}"`;
  }
  return undefined;
}
