// A plain box-drawn table for long lists (thousands of rows): cells are pre-wrapped lines, padded by display width.
// cli-table3 measures every string with regexes and took ~20 s for a 50k-row register's problems; this is linear.
import { displayWidth } from './text-width.js';

export interface BoxTableOptions {
  /** Content width of each column (padding of one space each side is added). */
  widths: number[];
  /** Style for the border characters (e.g. chalk.grey); identity when colour is off. */
  border?: (s: string) => string;
  /** Style for header cells. */
  head?: (s: string) => string;
}

function padTo(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Each row is a list of cells, each cell a list of lines already fitting its column. */
export function boxTable(header: string[], rows: string[][][], opts: BoxTableOptions): string {
  const b = opts.border ?? ((s: string) => s);
  const h = opts.head ?? ((s: string) => s);
  const rule = (l: string, m: string, r: string) => b(l + opts.widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const line = (cells: string[]) => b('│') + cells.map((cell, i) => ` ${padTo(cell, opts.widths[i]!)} `).join(b('│')) + b('│');
  const out: string[] = [rule('┌', '┬', '┐'), line(header.map((x) => h(x))), rule('├', '┼', '┤')];
  rows.forEach((row, r) => {
    const height = Math.max(1, ...row.map((c) => c.length));
    for (let i = 0; i < height; i++) out.push(line(row.map((c) => c[i] ?? '')));
    if (r < rows.length - 1) out.push(rule('├', '┼', '┤'));
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
