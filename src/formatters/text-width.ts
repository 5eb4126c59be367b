// Terminal display width of text with Chinese in it (wide characters take two columns), truncation and wrapping by it.

/** East Asian Wide and Fullwidth ranges (CJK, Hangul, full-width forms, CJK punctuation). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  return isWide(cp) ? 2 : 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch);
  return w;
}

/** Cut to at most `max` columns, ending with … when cut. */
export function truncateWidth(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  let w = 0;
  let out = '';
  for (const ch of flat) {
    const cw = charWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

const NO_LINE_START = new Set([...'，。：；、！？）》」』”’…,.:;!?)]']);

/** Break plain text (no colour codes) into lines of at most `max` columns; prefers breaking after spaces and Chinese punctuation. */
export function wrapWidth(s: string, max: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = charWidth(ch);
      if (w + cw > max && line) {
        // move a trailing Latin word to the next line rather than splitting it
        const m = /[A-Za-z0-9.+\-_/]+$/.exec(line);
        if (m && m.index > 0 && m[0].length < 20 && /[A-Za-z0-9]/.test(ch)) {
          lines.push(line.slice(0, m.index).trimEnd());
          line = m[0];
          w = displayWidth(line);
        } else if (NO_LINE_START.has(ch) && [...line].length > 1) {
          // Chinese punctuation never starts a line: carry the previous character over with it
          const chars = [...line];
          const last = chars.pop()!;
          lines.push(chars.join('').trimEnd());
          line = last;
          w = charWidth(last);
        } else {
          lines.push(line.trimEnd());
          line = '';
          w = 0;
        }
        if (ch === ' ') continue;
      }
      line += ch;
      w += cw;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
