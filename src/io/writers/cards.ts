// Writes 附1 结对帮扶卡: one printable A4 sheet per household, each a copy of templates/附1-结对帮扶卡.xlsx filled from the register.
import type { Worksheet } from 'exceljs';
import { loadTemplate, namedCell, setText, toBuffer } from './template-book.js';

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
  /** Sheet name prefix; default the card's number (1, 2, …). */
  sheetPrefix?: (index: number, h: CardHousehold) => string;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/** Cut to at most `max` UTF-16 units (Excel's count) without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, ≤ 31 characters, unique (case-insensitively). */
export function sheetName(wanted: string, used: Set<string>): string {
  let base = wanted.replace(SHEET_FORBIDDEN, '_').replace(/[\u0000-\u001F]/g, '').replace(/^'+|'+$/g, '').trim();
  if (base === '' || base.toLowerCase() === 'history') base = '卡片';
  let name = cut(base, SHEET_MAX);
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = cut(base, SHEET_MAX - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
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

/** One card per entry, in the order given; with no entries, the blank card. */
export async function writeCards(households: readonly CardHousehold[], opts: CardsWriteOptions = {}): Promise<Buffer> {
  const { wb, ws: template } = await loadTemplate('card');
  if (households.length === 0) return toBuffer(wb);
  const cells = FIELDS.map(([key, name]) => ({ key, at: namedCell(wb, name) }));
  const model = template.model as Worksheet['model'] & { merges: string[] };
  const used = new Set<string>();
  households.forEach((h, i) => {
    const prefix = opts.sheetPrefix?.(i, h) ?? String(i + 1);
    const ws = wb.addWorksheet(sheetName(`${prefix}-${h.name || '未填姓名'}`, used));
    const { id, name } = ws;
    // A copy of the template sheet: rows, styles, merges, widths, page setup.
    ws.model = { ...structuredClone(model), id, name, mergeCells: model.merges } as unknown as Worksheet['model'];
    // Merging drops the merged-over cells' own styles (their borders draw the merged box's right and bottom edges): copy them back.
    for (let r = 1; r <= template.rowCount; r++) {
      for (let c = 1; c <= template.columnCount; c++) ws.getCell(r, c).style = structuredClone(template.getCell(r, c).style);
    }
    for (const { key, at } of cells) setText(ws.getCell(at.row, at.col), h[key]);
  });
  wb.removeWorksheet(template.id);
  // The names point at the template sheet, which is gone: a filled card book has none.
  wb.definedNames.model = [];
  return toBuffer(wb);
}
