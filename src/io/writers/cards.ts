// Writes 附1 结对帮扶卡: one card per A4 page, each a copy of templates/附1-结对帮扶卡.xlsx filled from the register. Cards are
// stacked down a sheet with a page break after each (1,000 to a sheet), written as a stream: a county's 200,000 pairings
// make a large file, never a large process.
import { PassThrough } from 'node:stream';
import type { Worksheet } from 'exceljs';
import type { OutputKind } from '../../core/ledger/own-output.js';
import { markWorkbook } from '../mark.js';
import { xlsxText } from '../../core/neutralize.js';
import { loadExcelJs } from '../xlsx.js';
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

/** One card per entry, in the order given; with no entries, the blank card. */
export async function writeCards(households: readonly CardHousehold[], opts: CardsWriteOptions = {}): Promise<Buffer> {
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

  const perSheet = opts.perSheet ?? 1000;
  const list: (CardHousehold | undefined)[] = households.length ? [...households] : [undefined];
  for (let start = 0; start < list.length; start += perSheet) {
    const part = list.slice(start, start + perSheet);
    const name = list.length <= perSheet ? card.name : `${start + 1}-${start + part.length}`;
    // one card a page: as wide as the page, as many pages as cards (the page breaks below)
    const lastCol = card.getColumn(width).letter;
    const ws = wb.addWorksheet(name, {
      pageSetup: { ...card.pageSetup, fitToWidth: 1, fitToHeight: part.length === 1 ? 1 : 0, printArea: `A1:${lastCol}${height * part.length}` },
      views: card.views,
    });
    ws.columns = Array.from({ length: width }, (_, i) => ({ width: card.getColumn(i + 1).width ?? 9 }));
    part.forEach((h, k) => {
      const offset = k * height;
      for (const m of model.merges ?? []) ws.mergeCells(shift(m, offset));
      for (let r = 1; r <= height; r++) {
        const src = card.getRow(r);
        const row = ws.getRow(offset + r);
        if (src.height) row.height = src.height;
        for (let c = 1; c <= width; c++) {
          const from = src.getCell(c);
          const cell = row.getCell(c);
          cell.style = from.style;
          // a merged-over cell keeps its style (its borders draw the box) but no value: it would overwrite the merge's
          if (from.isMerged && from.master !== from) continue;
          const key = filled.get(`${r}:${c}`);
          if (r === title.row && c === title.col && opts.title) cell.value = xlsxText(opts.title);
          else if (key) cell.value = h?.[key] ? xlsxText(h[key]!) : null;
          else cell.value = from.value;
        }
        if (r === height && k < part.length - 1) row.addPageBreak();
        row.commit();
      }
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
