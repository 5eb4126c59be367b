// What the pretty formatters need to know about the terminal they draw on: its width, whether it draws ambiguous
// characters double (Chinese Windows consoles), whether its font has ✔ ✖ ▲ ℹ. Pure: the CLI works these out
// (src/cli/io.ts terminalLayout) and passes them in; tests pass them directly.
import type { Severity } from '../core/model.js';
import { displayWidth, hangingWrap, truncateWidth, wrapWidth, type WidthOptions } from './text-width.js';

export interface TerminalLayout extends WidthOptions {
  /**
   * Terminal width in columns. Undefined (or not finite): the output is not a terminal, so there is no width to fit;
   * tables are laid out as on a NO_TERMINAL_WIDTH-column screen and never switch to the narrow list layout.
   */
  width?: number | undefined;
  /** v x ! i instead of ✔ ✖ ▲ ℹ, for consoles whose fonts lack them. */
  asciiMarkers?: boolean;
}

/** The layout width when the output is a file or a pipe (what fupin always used then). */
export const NO_TERMINAL_WIDTH = 120;

/** Narrowest width laid out for: below it lines may run over (a 40-column terminal still gets the list layout). */
export const MIN_WIDTH = 40;

/** The width to lay out for, and whether it is a real limit. */
export function widthOf(layout: TerminalLayout): { width: number; limited: boolean } {
  const w = layout.width;
  if (w === undefined || !Number.isFinite(w) || w <= 0) return { width: NO_TERMINAL_WIDTH, limited: false };
  return { width: Math.max(MIN_WIDTH, Math.floor(w)), limited: true };
}

export interface Markers {
  ok: string;
  error: string;
  warning: string;
  info: string;
}

const UNICODE_MARKERS: Markers = { ok: '✔', error: '✖', warning: '▲', info: 'ℹ' };
const ASCII_MARKERS: Markers = { ok: 'v', error: 'x', warning: '!', info: 'i' };

export function markersOf(layout: TerminalLayout): Markers {
  return layout.asciiMarkers ? ASCII_MARKERS : UNICODE_MARKERS;
}

export function severityMarker(layout: TerminalLayout, s: Severity): string {
  return markersOf(layout)[s];
}

/** The width options of a layout (for displayWidth, wrapWidth …). */
export function widthOptions(layout: TerminalLayout): WidthOptions {
  return layout.ambiguousWide ? { ambiguousWide: true } : {};
}

/**
 * Plain text wrapped to the width, each line after `indent` (the first after `first` when given). Not a terminal: no
 * width to fit, so a paragraph stays one line (as piped output always was).
 */
export function wrapLines(text: string, layout: TerminalLayout, indent = '', first = indent): string[] {
  const { width, limited } = widthOf(layout);
  return hangingWrap(text, limited ? width : Number.POSITIVE_INFINITY, first, indent, widthOptions(layout));
}

export interface Part {
  text: string;
  style?: (s: string) => string;
}

/**
 * Parts of a heading joined by two spaces, wrapped between parts to the width (later lines after `indent`); a part
 * too long for a line on its own is wrapped within itself. Styles are applied after measuring.
 */
export function joinParts(parts: readonly Part[], layout: TerminalLayout, indent = '  '): string[] {
  const { width: w0, limited } = widthOf(layout);
  const width = limited ? w0 : Number.POSITIVE_INFINITY;
  const o = widthOptions(layout);
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const room = (lead: boolean): number => width - (lead ? 0 : displayWidth(indent, o));
  for (const p of parts) {
    if (p.text === '') continue;
    const style = p.style ?? ((s: string) => s);
    const pw = displayWidth(p.text, o);
    const sep = line ? 2 : 0;
    if (w + sep + pw <= room(lines.length === 0)) {
      line += (line ? '  ' : '') + style(p.text);
      w += sep + pw;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    if (pw <= room(lines.length === 0)) {
      line = style(p.text);
      w = pw;
      continue;
    }
    const pieces = wrapWidth(p.text, room(false), o);
    pieces.forEach((piece, i) => {
      if (i < pieces.length - 1) lines.push(style(piece));
      else {
        line = style(piece);
        w = displayWidth(piece, o);
      }
    });
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** Text cut to the width (one line), for values in list headings. */
export function fitLine(text: string, room: number, layout: TerminalLayout): string {
  return truncateWidth(text, Math.max(1, room), widthOptions(layout));
}
