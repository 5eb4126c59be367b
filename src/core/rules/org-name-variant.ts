// org-name-variant: one organisation spelt two ways (spaces, bracket width, punctuation, its area's names in front) or two near-identical names.
//
// Spellings: rows whose names have the same organisation key (household.ts orgIdentity: spaces, punctuation and width
// ignored, and the higher-level place names in front: 湖南省怀化市慈善总会 is 怀化市慈善总会) but different text are one
// organisation. The spelling to use is the most frequent one (ties: the first seen), with stray outer spaces trimmed;
// every cell spelt otherwise is reported. Similar names: two different keys of 6+ characters one edit apart are
// reported once, at the first cell of the less used name (ties: the later one), unless the differing character tells
// two places or levels apart: a digit, 一…十, 零〇, 东南西北上下前后新老 (as specified), and also 省市县区 (邵阳市慈善总会
// and 邵阳县慈善总会 are different bodies).
//
// A cell holding a ditto mark (同上, 〃) is ditto-mark's finding: it is counted as the row above's name, and reported
// here neither as a spelling of its own nor as that name's spelling (the clerk did not type it).
import type { RegisterRow } from '../model.js';
import { orgKeyOf } from '../household.js';
import { compact, orgKey } from '../normalize.js';
import { IntColumn } from '../int-tables.js';
import { cellIs } from '../register.js';
import { defineRule } from './rule.js';

/** Characters whose difference makes two names different organisations, not misspellings. */
export const DISTINGUISHING_CHARS = new Set(Array.from('0123456789一二三四五六七八九十零〇东南西北上下前后新老省市县区'));
/** Names shorter than this (in characters of the org key) are never called similar. */
export const MIN_SIMILAR_LENGTH = 6;

/** One way of writing an organisation: the rows it was written in (row numbers only; the cell is the org column's). */
interface Spelling {
  text: string;
  /** Its rows, the first `count` (4 bytes a row: a register names one organisation on most of its rows). */
  rows: IntColumn;
  count: number;
  order: number;
}

interface Org {
  key: string;
  spellings: Map<string, Spelling>;
  /** Rows naming the organisation, and the first of them. */
  count: number;
  firstRow: number;
  order: number;
  preferred?: string;
}

export default defineRule({
  meta: {
    id: 'org-name-variant',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '同一单位名称写法不一致，或两个单位名称只差一个字',
      en: 'One organisation spelt in different ways, or two names one character apart',
    },
    messages: {
      zh: {
        spaces:
          '{cell} 单位名称“{value}”中有多余的空格，与本表其他行的写法“{expected}”不一致：请改为“{expected}”，以免统计时被算成两个单位',
        width:
          '{cell} 单位名称“{value}”与本表其他行的写法“{expected}”全角/半角字符（括号、数字）不一致：请改为“{expected}”',
        punctuation:
          '{cell} 单位名称“{value}”与本表其他行的写法“{expected}”标点或括号不一致：请改为“{expected}”',
        place:
          '{cell} 单位名称“{value}”与本表其他行的“{expected}”是同一个单位，只是前面的地名写法不同：请统一改为“{expected}”，以免统计时被算成两个单位',
        similar:
          '{cell} 单位名称“{value}”与第 {otherRow} 行的“{other}”只差一个字，是否同一单位？如是，请统一改为正式全称；如不是，请忽略',
      },
      en: {
        spaces:
          '{cell}: the organisation "{value}" has stray spaces and differs from "{expected}" used in other rows; type "{expected}" so it is not counted as two organisations',
        width:
          '{cell}: the organisation "{value}" differs from "{expected}" used in other rows in full-/half-width characters (brackets, digits); type "{expected}"',
        punctuation:
          '{cell}: the organisation "{value}" differs from "{expected}" used in other rows in punctuation or brackets; type "{expected}"',
        place:
          '{cell}: the organisation "{value}" is "{expected}" used in other rows, with its place names in front written differently; type "{expected}" so it is not counted as two organisations',
        similar:
          '{cell}: the organisation "{value}" is one character away from "{other}" in row {otherRow}; is it the same one? If so, use its full official name in both; if not, ignore this',
      },
    },
  },
  create(ctx) {
    const facts = ctx.facts;
    const orgs = new Map<string, Org>();
    const letter = ctx.register.columns.find((c) => c.key === 'org')?.letter;
    /** Cells that are not the org column's letter + row (none from the register scanner; kept exact all the same). */
    const oddCells = new Map<number, string>();
    /** A row standing for the org cell of a row seen earlier: what reportCell reads (row number, cell, text). */
    const orgCell = (row: number, text: string): RegisterRow => ({
      row,
      fields: { org: { text, norm: '', cell: oddCells.get(row) ?? `${letter}${row}`, kind: 'string' } },
      extra: {},
    });
    let lastKey: string | undefined;
    let lastOrg: Org | undefined;
    let lastSpellingOrg: Org | undefined;
    let lastText: string | undefined;
    let lastSpelling: Spelling | undefined;
    return {
      row(row) {
        const key = facts ? facts.orgKey(row) : orgKeyOf(row, ctx.options.divisions);
        const f = row.fields.org;
        const text = f?.text;
        if (key === undefined || text === undefined) return;
        if (letter === undefined || !cellIs(f!, letter, row.row)) oddCells.set(row.row, f!.cell);
        // (the organisation and spelling of the row before, when this row names them again: no look-up)
        let org = key === lastKey ? lastOrg : orgs.get(key);
        if (!org) {
          org = { key, spellings: new Map(), count: 0, firstRow: row.row, order: orgs.size };
          orgs.set(key, org);
        }
        lastKey = key;
        lastOrg = org;
        org.count++;
        // a ditto mark counted as the row above's name is not a spelling anyone typed
        if (f!.ditto !== undefined) return;
        let sp = org === lastSpellingOrg && text === lastText ? lastSpelling : org.spellings.get(text);
        if (!sp) {
          sp = { text, rows: new IntColumn(8), count: 0, order: org.spellings.size };
          org.spellings.set(text, sp);
        }
        lastSpellingOrg = org;
        lastText = text;
        lastSpelling = sp;
        sp.rows.set(sp.count++, row.row);
      },
      end() {
        for (const org of orgs.values()) {
          const best = [...org.spellings.values()].sort((a, b) => b.count - a.count || a.order - b.order)[0];
          if (!best) continue;
          org.preferred = best.text.trim();
          if (org.spellings.size < 2) continue;
          for (const sp of org.spellings.values()) {
            if (sp.text === org.preferred) continue;
            const messageId = differenceOf(sp.text, org.preferred);
            for (let k = 0; k < sp.count; k++) {
              const row = sp.rows.get(k);
              const cell = orgCell(row, sp.text);
              ctx.reportCell(cell, 'org', messageId, { expected: org.preferred }, undefined, [ctx.edit(cell, 'org', org.preferred)]);
            }
          }
        }
        const list = [...orgs.values()];
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const a = list[i];
            const b = list[j];
            if (!similar(a.key, b.key)) continue;
            // the less used name is the suspect; ties: the later one (b, since a was seen first)
            const [minor, major] = a.count < b.count ? [a, b] : [b, a];
            ctx.reportCell(orgCell(minor.firstRow, [...minor.spellings.values()][0].text), 'org', 'similar', {
              other: major.preferred ?? major.key,
              otherRow: major.firstRow,
            });
          }
        }
      },
    };
  },
});

/** Which kind of difference separates a spelling from the preferred one (same org key). */
function differenceOf(text: string, preferred: string): 'spaces' | 'width' | 'punctuation' | 'place' {
  if (orgKey(text) !== orgKey(preferred)) return 'place';
  const noSpace = (s: string): string => s.replace(/[\s\u3000]+/gu, '');
  if (noSpace(text) === noSpace(preferred)) return 'spaces';
  if (compact(text) === compact(preferred)) return 'width';
  return 'punctuation';
}

/** Two org keys one edit apart, both long enough, the differing character not a distinguishing one. */
export function similar(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length < MIN_SIMILAR_LENGTH || y.length < MIN_SIMILAR_LENGTH) return false;
  const diff = oneEditApart(x, y);
  return diff !== undefined && diff.every((c) => !DISTINGUISHING_CHARS.has(c));
}

/** The differing characters when x and y are exactly one edit (substitution, insertion, deletion) apart. */
export function oneEditApart(x: string[], y: string[]): string[] | undefined {
  if (x.length === y.length) {
    const at: number[] = [];
    for (let i = 0; i < x.length && at.length < 2; i++) if (x[i] !== y[i]) at.push(i);
    return at.length === 1 ? [x[at[0]], y[at[0]]] : undefined;
  }
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (long.length - short.length !== 1) return undefined;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  for (let k = i; k < short.length; k++) if (long[k + 1] !== short[k]) return undefined;
  return [long[i]];
}
