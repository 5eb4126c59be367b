// How fupin's workbooks print: A4, one page wide, header rows repeated, page numbers; column widths and row heights
// worked out from the text (Excel does not grow a row for wrapped text it did not lay out itself).
import type { Worksheet } from 'exceljs';

/** Excel's paper size code for A4. */
export const A4 = 9;

/** Page margins in inches, as the templates use (scripts/make-templates.mjs). */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** Column width units that fit across A4 at 100 % inside those margins: portrait and landscape. */
export const PAGE_UNITS = { portrait: 90, landscape: 135 } as const;

/** Body text of the printed forms: 宋体 (SimSun) as the official forms use, size in points. */
export const SONG = '宋体';
export const BODY_SIZE = 10.5;
/** Points per line of body text, and the padding of a row. */
const LINE_POINTS = 14;
const ROW_PADDING = 4;

export const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
export const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Header cells of fupin's own sheets: light grey. */
export const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;

/** Column width units a text takes: CJK and other wide characters two, the rest one (the longest line of it). */
export function textUnits(s: string): number {
  let best = 0;
  for (const line of s.split('\n')) {
    let w = 0;
    for (const ch of line) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
    best = Math.max(best, w);
  }
  return best;
}

/** Lines a text wraps into in a column `width` units wide (one unit of it lost to the cell's padding). */
export function wrappedLines(s: string, width: number): number {
  const room = Math.max(1, width - 1.5);
  return s.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / room)), 0);
}

/** A row height (points) for `lines` lines of body text. */
export function rowHeight(lines: number, size = BODY_SIZE): number {
  return Math.round(Math.max(1, lines) * LINE_POINTS * (size / BODY_SIZE) + ROW_PADDING);
}

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Rows repeated at the top of every page, e.g. '4:4'. */
  titleRows?: string;
  /** Left part of the page header (already escaped with headerText). */
  header?: string;
  /** Fit on one page tall as well (short forms). */
  onePage?: boolean;
  /** Centre of the page footer, with Excel's codes (&P page, &N pages): the catalogue's print/page-footer. */
  footer: string;
}

/** A4, one page wide (as many tall as it takes), centred, page numbers in the footer. */
export function setPrint(ws: Worksheet, p: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: p.onePage ? 1 : 0,
    horizontalCentered: true,
    margins: MARGINS,
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
  } as Worksheet['pageSetup'];
  ws.headerFooter = {
    ...ws.headerFooter,
    ...(p.header ? { oddHeader: `&L${p.header}` } : {}),
    oddFooter: `&C${p.footer}`,
  };
}

/** Text for a page header or footer: & is the codes' escape character. */
export function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** The orientation a sheet of columns this wide needs to stay near 100 % on A4. */
export function orientationFor(totalUnits: number): 'portrait' | 'landscape' {
  return totalUnits <= PAGE_UNITS.portrait ? 'portrait' : 'landscape';
}
