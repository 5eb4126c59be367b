// One 附1 card per pairing (pure): a household helped by two organisations gets two cards, one for each organisation, since
// the card names one 组织名称 and each organisation files and posts its own; the same pairing written twice gets one card.
// A card's texts are kept as one string per row (200,000 cards are held until the workbook is written), made into a Card
// only when its sheet is written.
import { detach, orgKeyOf, rowHandOver, type HouseholdIndex } from '../household.js';
import type { RegisterRow } from '../model.js';
import { IntColumn, TextTable } from '../int-tables.js';
import type { RegisterVisitor, VisitorSpec } from './builder.js';
import { LeftOutRows, type LeftOut } from './left-out.js';
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

/** Cards to write, in order: each made when asked for. */
export interface CardList {
  readonly length: number;
  at(i: number): Card;
}

const FIELDS = ['org', 'name', 'address', 'phone', 'seq', 'income', 'povertyCause', 'measures'] as const;
const OPTIONAL = 4;
/** Between a card's texts: a control character no cell text keeps (cells are read with control characters as found, so a unit separator would be one). */
const SEP = '\u0000';

/** A row's card as one string: its texts (trimmed) in FIELDS order, SEP between. */
function packCard(row: RegisterRow): string {
  let s = '';
  for (let i = 0; i < FIELDS.length; i++) {
    if (i) s += SEP;
    s += row.fields[FIELDS[i]!]?.text.trim().replaceAll(SEP, '') ?? '';
  }
  return detach(s);
}

function unpackCard(s: string): Card {
  const t = s.split(SEP);
  const c: Card = { org: t[0]!, name: t[1]!, address: t[2]!, phone: t[3]! };
  for (let i = OPTIONAL; i < FIELDS.length; i++) if (t[i]) (c as unknown as Record<string, string>)[FIELDS[i]!] = t[i]!;
  return c;
}

/** A register's rows as cards need them: the household's number (0 = no 户主姓名), the organisation, the card's texts. */
class CardRows {
  readonly households = new IntColumn();
  readonly orgs = new IntColumn();
  readonly cards: string[] = [];
  /** The sheet's row of each card (1-based): rows without a 户主姓名 are named by it. */
  readonly rows = new IntColumn();
  constructor(readonly orgKeys: TextTable) {}
}

/** `cards`: each row's card and who it is about (household numbers from the ledger's shared index). */
export function cardRows(index: HouseholdIndex): VisitorSpec {
  const orgKeys = new TextTable();
  return {
    name: 'cards',
    create(register): RegisterVisitor {
      const rows = new CardRows(orgKeys);
      const handOver = rowHandOver(register);
      return {
        row(r) {
          const i = rows.cards.length;
          const household = index.noOf(r, register.area, handOver);
          rows.households.set(i, household === undefined ? 0 : household + 1);
          rows.orgs.set(i, orgKeys.no(orgKeyOf(r, index.divisions) ?? ''));
          rows.rows.set(i, r.row);
          rows.cards.push(packCard(r));
        },
        end: () => rows,
      };
    },
  };
}

export interface CardsPlan {
  cards: CardList;
  /** Rows with no 户主姓名: no card. */
  noName: number;
  /** Those rows by register (file, sheet, rows). */
  leftOut: LeftOut[];
  /** Rows repeating an earlier pairing (same organisation, same household): one card. */
  repeated: number;
}

/** The cards of a ledger read with the `cards` visitor, in the registers' order (files as given, rows top to bottom). */
export function planCards(ledger: Ledger): CardsPlan {
  // per organisation the households that have its card already
  const seen = new Map<number, Set<number>>();
  const cards: string[] = [];
  let noName = 0;
  let repeated = 0;
  const leftOut = new LeftOutRows(ledger.files.flatMap((f) => f.registers.map((e) => e.register)));
  for (const f of ledger.files) {
    for (const e of f.registers) {
      const rows = e.results.cards as CardRows | undefined;
      if (!rows) continue;
      const noNameRows: number[] = [];
      for (let i = 0; i < rows.cards.length; i++) {
        const h = rows.households.get(i);
        if (h === 0) {
          noName++;
          noNameRows.push(rows.rows.get(i));
          continue;
        }
        const org = rows.orgs.get(i);
        let set = seen.get(org);
        if (!set) seen.set(org, (set = new Set()));
        if (set.has(h)) {
          repeated++;
          continue;
        }
        set.add(h);
        cards.push(rows.cards[i]!);
      }
      leftOut.add(e.register, noNameRows);
    }
  }
  return { cards: { length: cards.length, at: (i) => unpackCard(cards[i]!) }, noName, leftOut: leftOut.all, repeated };
}
