// Terminal display width of text with Chinese in it (wide characters take two columns), truncation and wrapping by it.
//
// Unicode's East Asian Width (UAX #11) says Wide and Fullwidth characters take two columns. "Ambiguous" ones —
// box drawing, curly quotes, ▲, ×, … — take one in most terminals but two in a Chinese Windows console (code page
// 936, SimSun/NSimSun): `ambiguousWide` counts them as two. ✔ ✖ ℹ are Neutral in the standard but drawn double in
// those consoles too, so they count with the ambiguous ones here. Pure: the CLI decides the options (src/cli/io.ts).

export interface WidthOptions {
  /** East Asian Ambiguous characters (and ✔ ✖ ℹ) take two columns: Chinese Windows consoles, code page 936. */
  ambiguousWide?: boolean;
}

/** East Asian Wide and Fullwidth ranges (CJK, Hangul, kana, full-width forms, CJK punctuation, common emoji). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/**
 * East Asian Ambiguous ranges that turn up in fupin's output or in registers (Latin-1 signs, Greek and Cyrillic
 * letters, dashes, curly quotes, …, ※, arrows, maths signs, circled digits, box drawing, blocks, geometric shapes,
 * ★☆), plus ✔ ✖ ℹ (Neutral in UAX #11, double in a code page 936 console).
 */
const AMBIGUOUS: readonly (readonly [number, number])[] = [
  [0x00a1, 0x00a1],
  [0x00a4, 0x00a4],
  [0x00a7, 0x00a8],
  [0x00aa, 0x00aa],
  [0x00ad, 0x00ae],
  [0x00b0, 0x00b4],
  [0x00b6, 0x00ba],
  [0x00bc, 0x00bf],
  [0x00c6, 0x00c6],
  [0x00d0, 0x00d0],
  [0x00d7, 0x00d8],
  [0x00de, 0x00e1],
  [0x00e6, 0x00e6],
  [0x00e8, 0x00ea],
  [0x00ec, 0x00ed],
  [0x00f0, 0x00f0],
  [0x00f2, 0x00f3],
  [0x00f7, 0x00fa],
  [0x00fc, 0x00fc],
  [0x00fe, 0x00fe],
  [0x0101, 0x0101],
  [0x0113, 0x0113],
  [0x011b, 0x011b],
  [0x012b, 0x012b],
  [0x014d, 0x014d],
  [0x016b, 0x016b],
  [0x01ce, 0x01dc],
  [0x0391, 0x03a9],
  [0x03b1, 0x03c9],
  [0x0401, 0x0401],
  [0x0410, 0x044f],
  [0x0451, 0x0451],
  [0x2010, 0x2010],
  [0x2013, 0x2016],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2020, 0x2022],
  [0x2024, 0x2027],
  [0x2030, 0x2030],
  [0x2032, 0x2033],
  [0x2035, 0x2035],
  [0x203b, 0x203b],
  [0x203e, 0x203e],
  [0x2103, 0x2103],
  [0x2105, 0x2105],
  [0x2109, 0x2109],
  [0x2113, 0x2113],
  [0x2116, 0x2116],
  [0x2121, 0x2122],
  [0x2126, 0x2126],
  [0x212b, 0x212b],
  [0x2139, 0x2139], // ℹ
  [0x2153, 0x2154],
  [0x215b, 0x215e],
  [0x2160, 0x216b],
  [0x2170, 0x2179],
  [0x2190, 0x2199],
  [0x21d2, 0x21d2],
  [0x21d4, 0x21d4],
  [0x2200, 0x2200],
  [0x2202, 0x2203],
  [0x2207, 0x2208],
  [0x220b, 0x220b],
  [0x220f, 0x220f],
  [0x2211, 0x2211],
  [0x2215, 0x2215],
  [0x221a, 0x221a],
  [0x221d, 0x2220],
  [0x2223, 0x2223],
  [0x2225, 0x2225],
  [0x2227, 0x222c],
  [0x222e, 0x222e],
  [0x2234, 0x2237],
  [0x223c, 0x223d],
  [0x2248, 0x2248],
  [0x224c, 0x224c],
  [0x2252, 0x2252],
  [0x2260, 0x2261],
  [0x2264, 0x2267],
  [0x226a, 0x226b],
  [0x226e, 0x226f],
  [0x2282, 0x2283],
  [0x2286, 0x2287],
  [0x2295, 0x2295],
  [0x2299, 0x2299],
  [0x22a5, 0x22a5],
  [0x22bf, 0x22bf],
  [0x2312, 0x2312],
  [0x2460, 0x24e9],
  [0x24eb, 0x254b],
  [0x2550, 0x2573],
  [0x2580, 0x258f],
  [0x2592, 0x2595],
  [0x25a0, 0x25a1],
  [0x25a3, 0x25a9],
  [0x25b2, 0x25b3],
  [0x25b6, 0x25b7],
  [0x25bc, 0x25bd],
  [0x25c0, 0x25c1],
  [0x25c6, 0x25c8],
  [0x25cb, 0x25cb],
  [0x25ce, 0x25d1],
  [0x25e2, 0x25e5],
  [0x25ef, 0x25ef],
  [0x2605, 0x2606],
  [0x2609, 0x2609],
  [0x260e, 0x260f],
  [0x261c, 0x261c],
  [0x261e, 0x261e],
  [0x2640, 0x2640],
  [0x2642, 0x2642],
  [0x2660, 0x2661],
  [0x2663, 0x2665],
  [0x2667, 0x266a],
  [0x266c, 0x266d],
  [0x266f, 0x266f],
  [0x2714, 0x2714], // ✔
  [0x2716, 0x2716], // ✖
  [0x273d, 0x273d],
  [0x2776, 0x277f],
  [0x2b56, 0x2b59],
  [0xfffd, 0xfffd],
];

/** Zero-width: combining marks, zero-width spaces and joiners, variation selectors, the BOM. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether UAX #11 (with ✔ ✖ ℹ) calls the character Ambiguous: one column or two depending on the console. */
export function isAmbiguous(cp: number): boolean {
  return cp >= 0xa1 && inRanges(cp, AMBIGUOUS);
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/g;

/** Removes colour codes. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

export function charWidth(ch: string, opts: WidthOptions = {}): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return opts.ambiguousWide && isAmbiguous(cp) ? 2 : 1;
  if (inRanges(cp, ZERO)) return 0;
  if (inRanges(cp, WIDE)) return 2;
  return opts.ambiguousWide && isAmbiguous(cp) ? 2 : 1;
}

export function displayWidth(s: string, opts: WidthOptions = {}): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch, opts);
  return w;
}

/** Cut to at most `max` columns, ending with … when cut. */
export function truncateWidth(s: string, max: number, opts: WidthOptions = {}): string {
  const flat = s.replace(/\s+/g, ' ');
  if (displayWidth(flat, opts) <= max) return flat;
  const ellipsis = '…';
  const ew = charWidth(ellipsis, opts);
  if (max < ew) return '';
  let w = 0;
  let out = '';
  for (const ch of flat) {
    const cw = charWidth(ch, opts);
    if (w + cw > max - ew) break;
    out += ch;
    w += cw;
  }
  return `${out}${ellipsis}`;
}

const NO_LINE_START = new Set([...'，。：；、！？）》」』”’…,.:;!?)]']);
const NO_LINE_END = new Set([...'（《「『“‘([']);

/** How many characters at the end of `chars` go to the next line so that it does not start or end a line wrongly. */
function carryCount(chars: readonly string[], next: string): number {
  let n = 0;
  // Chinese punctuation never starts a line: carry the characters before it (a closing quote before a comma too)
  if (NO_LINE_START.has(next)) {
    n = 1;
    while (n < chars.length - 1 && n < 3 && NO_LINE_START.has(chars[chars.length - n]!)) n++;
  }
  // an opening quote or bracket never ends one
  while (n < chars.length - 1 && n < 4 && NO_LINE_END.has(chars[chars.length - 1 - n]!)) n++;
  return n;
}

/**
 * Break plain text (no colour codes) into lines of at most `max` columns; prefers breaking after spaces and Chinese
 * punctuation, keeps a short Latin word (a file name, a number) whole, never starts a line with a closing mark or
 * ends one with an opening mark. A single character wider than `max` still gets a line of its own.
 */
export function wrapWidth(s: string, max: number, opts: WidthOptions = {}): string[] {
  const lines: string[] = [];
  const cw = (ch: string): number => charWidth(ch, opts);
  const dw = (t: string): number => displayWidth(t, opts);
  for (const para of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const chw = cw(ch);
      if (w + chw > max && line) {
        const m = /[A-Za-z0-9.+\-_/]+$/.exec(line);
        const chars = [...line];
        const carry = carryCount(chars, ch);
        if (m && m.index > 0 && m[0].length < 20 && /[A-Za-z0-9]/.test(ch) && dw(m[0]) + chw <= max) {
          // move a trailing Latin word to the next line rather than splitting it
          lines.push(line.slice(0, m.index).trimEnd());
          line = m[0];
        } else if (carry > 0 && dw(chars.slice(chars.length - carry).join('')) + chw <= max) {
          lines.push(chars.slice(0, chars.length - carry).join('').trimEnd());
          line = chars.slice(chars.length - carry).join('');
        } else {
          lines.push(line.trimEnd());
          line = '';
        }
        w = dw(line);
        if (ch === ' ' && line === '') continue;
      }
      line += ch;
      w += chw;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** `text` wrapped to `width` with `first` before its first line and `rest` before the others (hanging indent). */
export function hangingWrap(text: string, width: number, first: string, rest: string, opts: WidthOptions = {}): string[] {
  const lead = Math.max(displayWidth(first, opts), displayWidth(rest, opts));
  const lines = wrapWidth(text, Math.max(8, width - lead), opts);
  return lines.map((l, i) => `${i === 0 ? first : rest}${l}`);
}
