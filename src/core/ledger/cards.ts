// One 附1 card per pairing (pure): a household helped by two organisations gets two cards, one for each organisation, since
// the card names one 组织名称 and each organisation files and posts its own; the same pairing written twice gets one card.
import { orgKeyOf, type HouseholdIndex } from '../household.js';
import type { RegisterRow } from '../model.js';
import type { RegisterVisitor, VisitorSpec } from './builder.js';
import type { Ledger } from './model.js';

/** What a card shows from the register; anything absent stays blank for the clerk to write in. */
export interface Card {
  org: string;
  name: string;
  address: string;
  phone: string;
  seq?: string;
  income?: string;
  povertyCause?: string;
  measures?: string;
}

interface CardRow {
  /** Household id; undefined when the row has no 户主姓名 (no card). */
  household?: string;
  org: string;
  card: Card;
}

function cardOf(row: RegisterRow): Card {
  const text = (k: keyof RegisterRow['fields']): string => row.fields[k]?.text.trim() ?? '';
  const c: Card = { org: text('org'), name: text('name'), address: text('address'), phone: text('phone') };
  const optional = { seq: text('seq'), income: text('income'), povertyCause: text('povertyCause'), measures: text('measures') };
  for (const [k, v] of Object.entries(optional)) if (v) (c as unknown as Record<string, string>)[k] = v;
  return c;
}

/** `cards`: each row's card and who it is about (household ids from the ledger's shared index). */
export function cardRows(index: HouseholdIndex): VisitorSpec {
  return {
    name: 'cards',
    create(register): RegisterVisitor {
      const rows: CardRow[] = [];
      return {
        row(r) {
          const household = index.idOf(r, register.area);
          rows.push({ ...(household !== undefined ? { household } : {}), org: orgKeyOf(r, index.divisions) ?? '', card: cardOf(r) });
        },
        end: () => rows,
      };
    },
  };
}

export interface CardsPlan {
  cards: Card[];
  /** Rows with no 户主姓名: no card. */
  noName: number;
  /** Rows repeating an earlier pairing (same organisation, same household): one card. */
  repeated: number;
}

/** The cards of a ledger read with the `cards` visitor, in the registers' order (files as given, rows top to bottom). */
export function planCards(ledger: Ledger): CardsPlan {
  const seen = new Set<string>();
  const cards: Card[] = [];
  let noName = 0;
  let repeated = 0;
  for (const f of ledger.files) {
    for (const e of f.registers) {
      for (const r of (e.results.cards as CardRow[] | undefined) ?? []) {
        if (r.household === undefined) {
          noName++;
          continue;
        }
        const key = `${r.household}\u0000${r.org}`;
        if (seen.has(key)) {
          repeated++;
          continue;
        }
        seen.add(key);
        cards.push(r.card);
      }
    }
  }
  return { cards, noName, repeated };
}
