// A box-drawn table measured by display width: cells are pre-wrapped lines; header cells may span columns and rows
// (the 附3 header: 单位 over two rows, each group over its two columns). Linear in the number of rows: cli-table3
// measured every string with regexes and took ~20 s for a 50k-row register's problems. Where the console draws box
// drawing characters two columns wide (ambiguousWide), every column is made an even number of columns wide so the rules
// still meet the bars.
import { charWidth, displayWidth, stripAnsi, truncateWidth, wrapWidth, type WidthOptions } from './text-width.js';

export type Align = 'left' | 'right' | 'center';

export interface GridCell {
  lines: string[];
  align?: Align;
  /** Columns this cell covers (default 1). */
  colSpan?: number;
  /** Rows this cell covers (default 1); its lines are centred over them. */
  rowSpan?: number;
}

export interface GridOptions extends WidthOptions {
  /** Content width of each column (a space of padding each side is added). */
  widths: number[];
  /** Header rows; a rule is drawn between them (except under a cell spanning rows) and below the last. */
  head: GridCell[][];
  /** Body rows. */
  body: GridCell[][];
  /** Draw a rule between body rows i and i+1 (default: every row). */
  ruleAfter?: (i: number) => boolean;
  /** Style for the border characters (e.g. chalk.grey); identity when colour is off. */
  border?: (s: string) => string;
}

const BOX = { h: '─', v: '│' };

/** Junction by the lines meeting there: up, down, left, right. */
const JUNCTION: Record<string, string> = {
  '1111': '┼',
  '1101': '├',
  '1110': '┤',
  '0111': '┬',
  '1011': '┴',
  '0101': '┌',
  '0110': '┐',
  '1001': '└',
  '1010': '┘',
  '0011': '─',
  '1100': '│',
  '1000': '│',
  '0100': '│',
  '0010': '─',
  '0001': '─',
  '0000': ' ',
};

interface Placed {
  cell: GridCell;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Total columns a table of these content widths takes (borders and padding included). */
export function tableWidth(widths: readonly number[], opts: WidthOptions = {}): number {
  const bw = charWidth(BOX.v, opts);
  return evenWidths(widths, opts).reduce((n, w) => n + w + 2, 0) + bw * (widths.length + 1);
}

/** Widths adjusted so that each column slot (content + 2) is a whole number of rule characters. */
function evenWidths(widths: readonly number[], opts: WidthOptions): number[] {
  const hw = charWidth(BOX.h, opts);
  return widths.map((w) => (hw === 2 && (w + 2) % 2 ? w + 1 : w));
}

function aligned(text: string, width: number, align: Align, opts: WidthOptions): string {
  let w = displayWidth(text, opts);
  if (w > width) {
    // a line the caller did not fit: cut (colour codes are lost with it) rather than break the table
    text = truncateWidth(stripAnsi(text), width, opts);
    w = displayWidth(text, opts);
  }
  const gap = Math.max(0, width - w);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
}

export function grid(opts: GridOptions): string {
  const wopts: WidthOptions = { ambiguousWide: Boolean(opts.ambiguousWide) };
  const b = opts.border ?? ((s: string) => s);
  const widths = evenWidths(opts.widths, wopts);
  const n = widths.length;
  const bw = charWidth(BOX.v, wopts);
  const hw = charWidth(BOX.h, wopts);
  const rows = [...opts.head, ...opts.body];
  const headCount = opts.head.length;

  // place every cell: owner[r][c] is the cell covering row r, column c
  const owner: (Placed | undefined)[][] = rows.map(() => new Array<Placed | undefined>(n).fill(undefined));
  const starts: Placed[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < n && owner[r]![c]) c++;
      if (c >= n) break;
      const p: Placed = { cell, row: r, col: c, rows: Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r)), cols: Math.max(1, Math.min(cell.colSpan ?? 1, n - c)) };
      for (let i = r; i < r + p.rows; i++) for (let j = c; j < c + p.cols; j++) owner[i]![j] = p;
      starts[r]!.push(p);
      c += p.cols;
    }
  });

  const spanWidth = (p: Placed): number => {
    let w = 0;
    for (let j = p.col; j < p.col + p.cols; j++) w += widths[j]! + 2;
    return w + (p.cols - 1) * bw - 2;
  };
  const ruleBetween = (r: number): boolean => r < headCount || (opts.ruleAfter ? opts.ruleAfter(r - headCount) : true);

  // row heights; a cell spanning rows may use the rule lines between them
  const heights = rows.map((_, r) => Math.max(1, ...starts[r]!.filter((p) => p.rows === 1).map((p) => p.cell.lines.length)));
  for (const list of starts) {
    for (const p of list) {
      if (p.rows === 1) continue;
      let room = 0;
      for (let i = p.row; i < p.row + p.rows; i++) room += heights[i]! + (i < p.row + p.rows - 1 && ruleBetween(i) ? 1 : 0);
      if (room < p.cell.lines.length) heights[p.row + p.rows - 1]! += p.cell.lines.length - room;
    }
  }

  // output line of each row start, and each cell's first content line
  const rowStart: number[] = [];
  let line = 1; // after the top border
  rows.forEach((_, r) => {
    rowStart.push(line);
    line += heights[r]! + (r < rows.length - 1 && ruleBetween(r) ? 1 : 0);
  });
  const firstLine = new Map<Placed, number>();
  for (const list of starts) {
    for (const p of list) {
      const last = p.row + p.rows - 1;
      const extent = rowStart[last]! + heights[last]! - rowStart[p.row]!;
      firstLine.set(p, rowStart[p.row]! + (p.rows > 1 ? Math.ceil((extent - p.cell.lines.length) / 2) : 0));
    }
  }
  const textAt = (p: Placed, at: number): string => {
    const i = at - firstLine.get(p)!;
    return aligned(p.cell.lines[i] ?? '', spanWidth(p), p.cell.align ?? 'left', wopts);
  };

  const out: string[] = [];
  const vertical = (r: number, boundary: number): boolean => boundary === 0 || boundary === n || owner[r]![boundary - 1] !== owner[r]![boundary];

  /** A rule between row `above` and row `below` (-1 / rows.length for the outer borders). */
  const rule = (above: number, below: number, at: number): string => {
    let s = '';
    let c = 0;
    const crossing = (col: number): Placed | undefined => {
      if (above < 0 || below >= rows.length) return undefined;
      const p = owner[above]![col];
      return p && p === owner[below]![col] ? p : undefined;
    };
    const junction = (boundary: number): string => {
      const up = above >= 0 && vertical(above, boundary);
      const down = below < rows.length && vertical(below, boundary);
      const left = boundary > 0 && !crossing(boundary - 1);
      const right = boundary < n && !crossing(boundary);
      const ch = JUNCTION[`${+up}${+down}${+left}${+right}`]!;
      return ch === ' ' ? ' '.repeat(bw) : b(ch);
    };
    s += junction(0);
    while (c < n) {
      const p = crossing(c);
      if (p) {
        s += ` ${textAt(p, at)} `;
        c = p.col + p.cols;
      } else {
        s += b(BOX.h.repeat((widths[c]! + 2) / hw));
        c++;
      }
      s += junction(c);
    }
    return s;
  };

  out.push(rule(-1, 0, 0));
  rows.forEach((_, r) => {
    for (let k = 0; k < heights[r]!; k++) {
      const at = rowStart[r]! + k;
      let s = b(BOX.v);
      let c = 0;
      while (c < n) {
        const p = owner[r]![c];
        if (p) {
          s += ` ${textAt(p, at)} `;
          c = p.col + p.cols;
        } else {
          s += ' '.repeat(widths[c]! + 2);
          c++;
        }
        s += b(BOX.v);
      }
      out.push(s);
    }
    if (r < rows.length - 1 && ruleBetween(r)) out.push(rule(r, r + 1, rowStart[r]! + heights[r]!));
  });
  out.push(rule(rows.length - 1, rows.length, 0));
  return out.join('\n');
}

export interface BoxTableOptions extends WidthOptions {
  /** Content width of each column (padding of one space each side is added). */
  widths: number[];
  /** Style for the border characters (e.g. chalk.grey); identity when colour is off. */
  border?: (s: string) => string;
  /** Style for header cells. */
  head?: (s: string) => string;
  /** Alignment of each column (default left). */
  align?: Align[];
  /** Rules between body rows (default true). */
  rules?: boolean;
}

/** A plain table: one header row, each body row a list of cells, each cell a list of lines already fitting its column. */
export function boxTable(header: string[], rows: string[][][], opts: BoxTableOptions): string {
  const h = opts.head ?? ((s: string) => s);
  const align = (i: number): Align => opts.align?.[i] ?? 'left';
  return grid({
    widths: opts.widths,
    head: [header.map((x, i) => ({ lines: [h(x)], align: align(i) === 'right' ? 'right' : 'left' }))],
    body: rows.map((row) => row.map((lines, i) => ({ lines, align: align(i) }))),
    ...(opts.rules === false ? { ruleAfter: () => false } : {}),
    ...(opts.border ? { border: opts.border } : {}),
    ...(opts.ambiguousWide ? { ambiguousWide: true } : {}),
  });
}

/**
 * Content widths that fit `avail` columns: each column as wide as its widest line, the widest surplus above its
 * minimum taken away first. Undefined when even the minimums do not fit.
 */
export function fitWidths(natural: readonly number[], min: readonly number[], avail: number, opts: WidthOptions = {}): number[] | undefined {
  const w = natural.map((n, i) => Math.max(n, min[i] ?? 1));
  let over = tableWidth(w, opts) - avail;
  while (over > 0) {
    let best = -1;
    for (let i = 0; i < w.length; i++) if (w[i]! > (min[i] ?? 1) && (best < 0 || w[i]! - (min[i] ?? 1) > w[best]! - (min[best] ?? 1))) best = i;
    if (best < 0) return undefined;
    w[best]!--;
    over = tableWidth(w, opts) - avail;
  }
  return w;
}

export interface FitTableOptions extends WidthOptions {
  /** Columns available (undefined: no limit). */
  width?: number | undefined;
  /** Narrowest content width of each column before the table gives way to a list. */
  min: number[];
  align?: Align[];
  border?: (s: string) => string;
  head?: (s: string) => string;
  /** Rules between body rows (default false: a compact list-like table). */
  rules?: boolean;
}

/**
 * A table of plain-text cells (colour applied per cell by `paint`) fitted to the width: cells wrap within their
 * column; when even the narrowest columns do not fit, each row becomes a block: its first cell, then
 * `header: cell` pairs on an indented line.
 */
export function fitTable(
  header: string[],
  rows: string[][],
  opts: FitTableOptions,
  paint: (row: number, col: number, s: string) => string = (_r, _c, s) => s,
): string {
  const o: WidthOptions = opts.ambiguousWide ? { ambiguousWide: true } : {};
  const natural = header.map((h, i) => Math.max(displayWidth(h, o), ...rows.map((r) => Math.max(0, ...(r[i] ?? '').split('\n').map((l) => displayWidth(l, o))))));
  const widths = opts.width === undefined ? natural : fitWidths(natural, opts.min, opts.width, o);
  const h = opts.head ?? ((s: string) => s);
  if (widths) {
    return grid({
      widths,
      head: [header.map((x, i) => ({ lines: wrapText(x, widths[i]!, o).map(h), align: opts.align?.[i] === 'right' ? ('right' as const) : ('left' as const) }))],
      body: rows.map((row, r) => row.map((cell, i) => ({ lines: wrapText(cell, widths[i]!, o).map((l) => paint(r, i, l)), align: opts.align?.[i] ?? 'left' }))),
      ...(opts.rules ? {} : { ruleAfter: () => false }),
      ...(opts.border ? { border: opts.border } : {}),
      ...o,
    });
  }
  const width = opts.width ?? Infinity;
  const out: string[] = [];
  rows.forEach((row, r) => {
    out.push(...wrapText(row[0] ?? '', width, o).map((l) => paint(r, 0, l)));
    const plain = row.slice(1).map((cell, i) => `${header[i + 1]}: ${cell.replace(/\n/g, ' ')}`);
    if (displayWidth(plain.join(' · '), o) <= width - 2) {
      out.push(`  ${row.slice(1).map((cell, i) => `${header[i + 1]}: ${paint(r, i + 1, cell.replace(/\n/g, ' '))}`).join(' · ')}`);
      return;
    }
    // one pair a line, each wrapped under its header
    plain.forEach((pair, i) => out.push(...wrapText(pair, width - 4, o).map((l, j) => `${j === 0 ? '  ' : '    '}${paint(r, i + 1, l)}`)));
  });
  return out.join('\n');
}

function wrapText(s: string, width: number, o: WidthOptions): string[] {
  return s.split('\n').flatMap((line) => (Number.isFinite(width) ? wrapWidth(line, width, o) : [line]));
}
