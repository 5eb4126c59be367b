// Writes 附1 结对帮扶卡: one card per A4 page, each a copy of templates/附1-结对帮扶卡.xlsx filled from the register. Cards are
// stacked down a sheet with a page break after each (1,000 to a sheet).
//
// ExcelJS writes a prototype: the workbook with each sheet holding one card whose fields are markers (styles, print
// setup, the mark and the document parts all as ExcelJS makes them). Each sheet's rows are then repeated once per card
// as text, markers replaced by the escaped values, and the parts zipped again (io/zip-write.ts). Copying styles cell by
// cell through ExcelJS cost ~10 ms a card and kept the whole output in memory before it was zipped: 200,000 pairings
// took over half an hour and 1.7 GB; now a sheet of 1,000 cards is built, deflated and let go at a time.
import { PassThrough } from 'node:stream';
import type { Worksheet } from 'exceljs';
import type { OutputKind } from '../../core/ledger/own-output.js';
import { markWorkbook } from '../mark.js';
import { xlsxText } from '../../core/neutralize.js';
import { loadExcelJs } from '../xlsx.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { ZipArchive } from '../zip.js';
import { ZipWriter } from '../zip-write.js';
import { loadTemplate, namedCell } from './template-book.js';

/** What a card shows from the register; anything absent stays blank for the clerk to write in. */
export interface CardHousehold {
  /** 组织名称. */
  org: string;
  /** 户主姓名. */
  name: string;
  /** 家庭住址. */
  address: string;
  /** 联系方式 (as written, numbers kept as text). */
  phone: string;
  /** 编号. */
  seq?: string;
  /** 家庭年收入, 贫困原因, 帮扶措施 when the register has those columns. */
  income?: string;
  povertyCause?: string;
  measures?: string;
}

export interface CardsWriteOptions {
  /** The card's title (the province profile's). */
  title?: string;
  /** Cards on one sheet before the next sheet starts. */
  perSheet?: number;
}

const FIELDS: [keyof CardHousehold, string][] = [
  ['seq', 'card_seq'],
  ['name', 'card_name'],
  ['income', 'card_income'],
  ['org', 'card_org'],
  ['address', 'card_address'],
  ['phone', 'card_phone'],
  ['povertyCause', 'card_cause'],
  ['measures', 'card_measures'],
];

/** A parsed A1 range. */
function shift(range: string, rows: number): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `${col}${Number(row) + rows}`);
}

const MARKER = (key: string): string => `@@fupin-card:${key}@@`;

/** Cards in order, by position: an array, or a list that makes each card when asked (core/ledger/cards.ts CardList). */
export interface CardSource {
  readonly length: number;
  at(i: number): CardHousehold | undefined;
}

/** One card per entry, in the order given; with no entries, the blank card. The workbook as one buffer (see cardChunks). */
export async function writeCards(households: CardSource, opts: CardsWriteOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of cardChunks(households, opts)) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * The cards workbook as chunks to write in order: a sheet of cards is made (its cards asked for), built, deflated and
 * handed on at a time.
 */
export async function* cardChunks(households: CardSource, opts: CardsWriteOptions = {}): AsyncGenerator<Buffer> {
  const perSheet = opts.perSheet ?? 1000;
  const n = households.length;
  // with no entries, one sheet with the blank card
  const total = Math.max(n, 1);
  const sizes: number[] = [];
  for (let start = 0; start < total; start += perSheet) sizes.push(Math.min(perSheet, total - start));

  const { bytes: prototype, height } = await writePrototype(sizes, total, perSheet, opts.title, n > 0);
  const zip = ZipArchive.open(prototype, DEFAULT_LIMITS);
  const out = new ZipWriter();
  const sink = new ByteSink();
  for (const entry of zip.entries()) {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name);
    const sheet = m ? Number(m[1]) - 1 : -1;
    if (n === 0 || sheet < 0 || sheet >= sizes.length) {
      yield* out.add({ name: entry.name, data: zip.read(entry) });
      continue;
    }
    const part = Array.from({ length: sizes[sheet]! }, (_, k) => households.at(sheet * perSheet + k)!);
    const xml = new CardSheet(zip.read(entry).toString('utf8'), height);
    // the sheet's bytes are zipped at once (add copies nothing it keeps): one buffer serves every sheet
    yield* out.add({ name: entry.name, data: xml.render(part, sink), level: 4 });
  }
  yield* out.finish();
}

/**
 * The workbook as ExcelJS writes it, one card a sheet: the fields hold markers when there are households (CardSheet
 * repeats the card), else they are blank (the blank card).
 */
async function writePrototype(sizes: number[], total: number, perSheet: number, titleText: string | undefined, markers: boolean): Promise<{ bytes: Buffer; height: number }> {
  const { wb: template, ws: card } = await loadTemplate('card');
  const height = card.rowCount;
  const width = card.columnCount;
  const model = card.model as Worksheet['model'] & { merges: string[] };
  const title = namedCell(template, 'title');
  const filled = new Map(FIELDS.map(([key, name]) => [`${namedCell(template, name).row}:${namedCell(template, name).col}`, key] as const));

  const ExcelJS = await loadExcelJs();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, creator: 'fupin', lastModifiedBy: 'fupin' } as never);
  markWorkbook(wb, 'cards' satisfies OutputKind);

  let start = 0;
  for (const size of sizes) {
    const name = total <= perSheet ? card.name : `${start + 1}-${start + size}`;
    start += size;
    // one card a page: as wide as the page, as many pages as cards (the page breaks are CardSheet's)
    const lastCol = card.getColumn(width).letter;
    const ws = wb.addWorksheet(name, {
      pageSetup: { ...card.pageSetup, fitToWidth: 1, fitToHeight: size === 1 ? 1 : 0, printArea: `A1:${lastCol}${height * size}` },
      views: card.views,
    });
    ws.columns = Array.from({ length: width }, (_, i) => ({ width: card.getColumn(i + 1).width ?? 9 }));
    for (const m of model.merges ?? []) ws.mergeCells(m);
    for (let r = 1; r <= height; r++) {
      const src = card.getRow(r);
      const row = ws.getRow(r);
      if (src.height) row.height = src.height;
      for (let c = 1; c <= width; c++) {
        const from = src.getCell(c);
        const cell = row.getCell(c);
        cell.style = from.style;
        // a merged-over cell keeps its style (its borders draw the box) but no value: it would overwrite the merge's
        if (from.isMerged && from.master !== from) continue;
        const key = filled.get(`${r}:${c}`);
        if (r === title.row && c === title.col && titleText) cell.value = xlsxText(titleText);
        else if (key) cell.value = markers ? MARKER(key) : null;
        else cell.value = from.value;
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return { bytes: Buffer.concat(chunks), height };
}

/**
 * UTF-8 bytes written into one growing buffer, small texts gathered first: a sheet of 1,000 cards is ~5 MB of XML, and
 * building it as one string left ropes, a flattened copy and a Buffer copy per sheet for the collector (a third of the
 * time went to collecting, and 200 sheets' garbage pushed the peak up).
 */
class ByteSink {
  private buf = Buffer.allocUnsafe(1 << 20);
  private len = 0;
  private pending = '';

  reset(): void {
    this.len = 0;
    this.pending = '';
  }

  put(s: string): void {
    this.pending += s;
    if (this.pending.length >= 8192) this.flush();
  }

  private flush(): void {
    const s = this.pending;
    this.pending = '';
    // at most 3 bytes a UTF-16 unit: room for all, so write never cuts a character
    if (this.len + 3 * s.length > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.len + 3 * s.length) size *= 2;
      const bigger = Buffer.allocUnsafe(size);
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  /** What was written since reset (a view of the buffer: valid until the next reset). */
  bytes(): Buffer {
    this.flush();
    return this.buf.subarray(0, this.len);
  }
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A slot in a card's rows: a row or cell number (shifted per card), or a field's whole cell (with `key`). */
interface Slot {
  n: number;
  col: string;
  attrs: string;
  key: keyof CardHousehold | undefined;
}

/** One sheet of ExcelJS's prototype, its card repeated: the rows as text with slots, the merges and page breaks. */
class CardSheet {
  private readonly head: string;
  private readonly tail: string;
  private readonly texts: string[] = [];
  private readonly slots: Slot[] = [];
  private readonly merges: string[];

  constructor(
    xml: string,
    private readonly height: number,
  ) {
    const open = xml.indexOf('<sheetData>');
    const close = xml.indexOf('</sheetData>');
    if (open < 0 || close < 0) throw new Error('card prototype: no sheetData');
    this.head = xml.slice(0, open + '<sheetData>'.length);
    const rows = xml.slice(open + '<sheetData>'.length, close);
    let tail = xml.slice(close);
    const mergeRe = /<mergeCell ref="([^"]+)"\/>/g;
    this.merges = [...tail.matchAll(mergeRe)].map((m) => m[1]!);
    tail = tail.replace(/<mergeCells count="\d+">(?:<mergeCell ref="[^"]+"\/>)*<\/mergeCells>/, '\u0000merges\u0000');
    tail = tail.replace(/<rowBreaks[^>]*>.*?<\/rowBreaks>/, '');
    this.tail = tail;
    // field cells whole, then every other row or cell number
    const re = /<c r="([A-Z]+)(\d+)"((?: s="\d+")?)(?: t="str")?><v>@@fupin-card:(\w+)@@<\/v><\/c>|( r="[A-Z]*)(\d+)"/g;
    let at = 0;
    for (const m of rows.matchAll(re)) {
      if (m[4] !== undefined) {
        this.texts.push(rows.slice(at, m.index));
        this.slots.push({ col: m[1]!, n: Number(m[2]), attrs: m[3] ?? '', key: m[4] as keyof CardHousehold });
      } else {
        this.texts.push(rows.slice(at, m.index) + m[5]!);
        this.slots.push({ n: Number(m[6]), col: '', attrs: '', key: undefined });
      }
      // (the closing quote of r="…" is part of the match: render writes it back after the number)
      at = m.index + m[0].length;
    }
    this.texts.push(rows.slice(at));
    // a marker left in the text would be printed on every card: the prototype is not what this code expects
    if (this.texts.some((t) => t.includes('@@fupin-card:'))) throw new Error('card prototype: a field cell in an unexpected form');
  }

  render(cards: readonly (CardHousehold | undefined)[], sink: ByteSink): Buffer {
    sink.reset();
    sink.put(this.head);
    const { texts, slots } = this;
    const last = texts[slots.length]!;
    for (let k = 0; k < cards.length; k++) {
      const h = cards[k];
      const offset = k * this.height;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (slot.key === undefined) {
          sink.put(texts[i]! + (slot.n + offset) + '"');
          continue;
        }
        const value = h?.[slot.key] ? xlsxText(h[slot.key]!) : '';
        const ref = `${texts[i]!}<c r="${slot.col}${slot.n + offset}"${slot.attrs}`;
        sink.put(value ? `${ref} t="str"><v>${xmlEscape(value)}</v></c>` : `${ref}/>`);
      }
      sink.put(last);
    }
    const merges: string[] = [];
    for (let k = 0; k < cards.length; k++) for (const m of this.merges) merges.push(`<mergeCell ref="${shift(m, k * this.height)}"/>`);
    let tail = this.tail.replace('\u0000merges\u0000', merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '');
    if (cards.length > 1) {
      const breaks = Array.from({ length: cards.length - 1 }, (_, k) => `<brk id="${(k + 1) * this.height}" max="16383" man="1"/>`).join('');
      const rowBreaks = `<rowBreaks count="${cards.length - 1}" manualBreakCount="${cards.length - 1}">${breaks}</rowBreaks>`;
      // after pageSetup (and headerFooter when there is one), as the schema orders them
      const after = /<pageSetup[^>]*\/>(?:<headerFooter[^>]*>.*?<\/headerFooter>|<headerFooter[^>]*\/>)?/.exec(tail);
      tail = after ? tail.slice(0, after.index + after[0].length) + rowBreaks + tail.slice(after.index + after[0].length) : tail.replace('</worksheet>', `${rowBreaks}</worksheet>`);
    }
    sink.put(tail);
    return sink.bytes();
  }
}
