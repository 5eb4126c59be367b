// fupin's own outputs met among the inputs: by the mark every workbook fupin writes carries, or by their shape when a re-save
// lost it. Annotated copies, cards, quota progress, public listings and change reports are never counted as registers.
import type { RawSheet } from '../model.js';
import { compact, isUsualUnit } from '../normalize.js';
import { rowAt, rowCountOf, sheetHasText } from '../sheet-rows.js';
import type { OwnOutput } from './model.js';

/**
 * The mark: the workbook's keywords (docProps/core.xml cp:keywords, which Excel and WPS keep when they re-save) hold
 * `fupin:<kind>`, optionally followed by `; source=<file>`. The description says the same in words for a person.
 */
export const MARK_PREFIX = 'fupin:';

/** What fupin writes, and whether such a file may be read as a register, a 统计表 or a quota table when met as an input. */
export const OUTPUT_KINDS = {
  /** validate --annotate: a copy of a register with its problems marked. Counting it would count the register twice. */
  annotated: 'never',
  /** cards: one 附1 card per pairing: labels, not a register. */
  cards: 'never',
  /** quota -o: the 附4 form with the actual figures beside the minimums. */
  'quota-progress': 'never',
  /** publish: the public listing, names masked. */
  publish: 'never',
  /** diff -o: what changed between two versions. */
  diff: 'never',
  /** rollup -o: a filled 附3 — read as a 统计表 (the province's input), never as a register. */
  stats: 'stats',
  /** template quota: a 附4 table. */
  quota: 'quota',
  /** fix: the repaired register itself — the copy a clerk sends on: read as a register. */
  fixed: 'register',
  /** template register / init: a blank form the clerk fills in: read as a register once filled. */
  template: 'register',
} as const;

export type OutputKind = keyof typeof OUTPUT_KINDS;

/** The keywords value that marks a workbook as fupin's output of `kind` (made from `source`, when one register). */
export function markText(kind: OutputKind, source?: string): string {
  return source ? `${MARK_PREFIX}${kind}; source=${source.replace(/;/g, ',')}` : `${MARK_PREFIX}${kind}`;
}

/** The mark in a workbook's keywords, if it carries one. */
export function parseMark(keywords: string | undefined): OwnOutput | undefined {
  if (!keywords) return undefined;
  const at = keywords.indexOf(MARK_PREFIX);
  if (at < 0) return undefined;
  const [head, ...rest] = keywords.slice(at + MARK_PREFIX.length).split(';');
  const kind = (head ?? '').trim();
  if (!(kind in OUTPUT_KINDS)) return undefined;
  const source = rest.map((p) => p.trim()).find((p) => p.startsWith('source='))?.slice('source='.length);
  return { kind, via: 'mark', ...(source ? { source } : {}) };
}

/** How a marked file is read: never, as a register, as a 统计表, or as a quota table. */
export function readAs(kind: string): (typeof OUTPUT_KINDS)[OutputKind] {
  return OUTPUT_KINDS[kind as OutputKind] ?? 'never';
}

/** Labels of the 附1 card and of register headers, as a form writes them beside the boxes to fill. */
const FORM_LABELS = new Set(
  [
    '编号', '户主姓名', '家庭年收入', '家庭详细情况', '家庭住址', '联系方式', '贫困原因', '帮扶措施', '帮扶干部到户记录',
    '组织名称', '慈善组织基本情况', '慈善组织办公地址', '办公地址', '组织负责人', '现场责任人', '联系电话', '精准帮扶对象', '帮扶责任单位',
    '姓名', '户主', '住址', '电话', '扶贫单位', '帮扶单位', '单位名称', '身份证号码', '家庭人口',
  ].map((l) => compact(l)),
);

/**
 * A form of labels (a 附1 card, or anything laid out like one): labels in the first rows spread over four or more rows,
 * each row with at most three of them, and the rows saying different things. A register has one header row (two for a
 * two-row header) with many labels, repeated unchanged when it is printed on every page.
 */
export function looksLikeLabelForm(sheet: RawSheet): boolean {
  // read for every workbook without a mark: no array per row, only the labels' texts (a register's 40 top rows are
  // mostly data cells, none of them a label). A compact sheet's rows are read as views (its cells' texts in column
  // order, no cell objects built): the same texts row(r) holds, each column once
  const rows = new Set<string>();
  const n = Math.min(rowCountOf(sheet), 40);
  const lean = sheet.lean?.view ? sheet.lean : undefined;
  const found: RowLabels = { labels: undefined, count: 0 };
  for (let r = 0; r < n; r++) {
    found.labels = undefined;
    found.count = 0;
    if (lean) {
      // a row whose every cell starts as no label can (the usual data row: digits, names, addresses) is passed over
      // without making its texts
      if (lean.mayHold !== undefined && !lean.mayHold(r, startsNoLabel)) continue;
      const v = lean.view!(r);
      if (!v) continue;
      for (let k = 0; k < v.n; k++) if (addLabel(found, v.texts[k]!)) return false;
    } else {
      const row = rowAt(sheet, r);
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (addLabel(found, row[c]?.text)) return false;
    }
    if (found.labels !== undefined) rows.add(found.labels);
  }
  return rows.size >= 4;
}

/** The labels of the row being read (joined by |) and how many. */
interface RowLabels {
  labels: string | undefined;
  count: number;
}

/** The first characters of the labels; whether every label starts with a common Han character (addLabel's test holds then). */
const LABEL_FIRSTS = new Set([...FORM_LABELS].map((l) => l.charCodeAt(0)));
const LABELS_START_HAN = [...LABEL_FIRSTS].every((c) => c >= 0x4e00 && c <= 0x9fff);

/** addLabel's test of a text's first unit: a text starting with it is no label (see addLabel). */
function startsNoLabel(c: number): boolean {
  return LABELS_START_HAN && isUsualUnit(c) && !LABEL_FIRSTS.has(c);
}

/**
 * Notes the cell's text when it is a label; true when the row holds four (a register's header: not a label form).
 * A text starting with printable ASCII, or with a common Han character no label starts with, is no label without
 * compacting it: NFKC and compact keep such a first character first (NFKC changes no ideograph of U+4E00–U+9FFF and
 * composes none with what follows; an ASCII character stays, or becomes a Latin letter, never Han), and every label
 * starts with Han. The usual data cell (digits, a name, an address) is passed over so.
 */
function addLabel(found: RowLabels, text: string | undefined): boolean {
  if (!text) return false;
  const c = text.charCodeAt(0);
  // (no label starts with ASCII: LABELS_START_HAN)
  if (startsNoLabel(c)) return false;
  const t = compact(text);
  if (!FORM_LABELS.has(t)) return false;
  if (++found.count >= 4) return true;
  found.labels = found.labels === undefined ? t : `${found.labels}|${t}`;
  return false;
}

/** The first sheet of an annotated copy: 问题清单 (Problems) with its columns 单元格 … 问题. */
export function looksLikeProblemList(sheet: RawSheet): boolean {
  if (!/^(?:问题清单|Problems)(?:\s*\(\d+\))?$/u.test(sheet.name.trim())) return false;
  const head = (rowAt(sheet, 0) ?? []).map((c) => compact(c?.text ?? ''));
  return (head.includes('单元格') && head.includes('问题')) || (head.includes('Cell') && head.includes('Problem'));
}

/** A mark written in a cell of the first row (a CSV has no document properties to carry it): `fupin:publish`. */
function markInFirstRow(sheets: readonly RawSheet[]): OwnOutput | undefined {
  for (const c of (sheets[0] && rowAt(sheets[0], 0)) ?? []) {
    const t = c?.text.trim() ?? '';
    if (t.startsWith(MARK_PREFIX)) return parseMark(t);
  }
  return undefined;
}

/** What a workbook's sheets say it is when it carries no mark: a card form, an annotated copy, or nothing of fupin's. */
export function ownOutputByShape(sheets: readonly RawSheet[]): OwnOutput | undefined {
  const marked = markInFirstRow(sheets);
  if (marked) return marked;
  if (sheets.some(looksLikeProblemList)) return { kind: 'annotated', via: 'shape' };
  if (sheets.length > 0 && sheets.every((s) => looksLikeLabelForm(s) || !sheetHasText(s))) {
    return sheets.some(looksLikeLabelForm) ? { kind: 'cards', via: 'shape' } : undefined;
  }
  return undefined;
}
