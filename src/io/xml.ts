// A small pull tokenizer for the XML inside .xlsx parts: no DTDs, no entity expansion, no recursion, any namespace prefix.
// It works on the part's bytes: a tag, a name or a value becomes a string only when the caller asks for one.

/** Where a scanner reading a part in pieces gets the next bytes (a ZipStream): written into dst[from, …), how many (fewer at the end). */
export interface ByteSource {
  read(dst: Buffer, from: number): number;
}

/**
 * Thrown by a scanner reading in pieces when what it met cannot be read within its window (a token longer than the
 * margin, damage, a UTF-16 part): the caller reads the part whole instead, which gives the answer or the refusal.
 */
export const NEEDS_WHOLE = new Error('read the part whole');

/** Where plainItems hands the items' texts. */
export interface ItemSink {
  /** An item's text is the bytes [a, e) of `b` as they are (UTF-8, no entity, no CR); they are valid only during the call. */
  bytes(b: Buffer, a: number, e: number): void;
  /** An item's text, decoded. */
  text(s: string): void;
  /**
   * Optional, for copying an item's bytes as they are scanned: a buffer with room for `n` more bytes from `at`; what was
   * written there from `at` up to `end` is then an item's text, as `bytes` of those bytes (`underscore`: they hold a `_`).
   */
  room?(n: number): Buffer;
  readonly at?: number;
  copied?(end: number, underscore: boolean): void;
}

/** What `next()` found. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type XmlEvent = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

export class XmlError extends Error {
  constructor(
    readonly detail: string,
    /** Byte offset in the part (UTF-8), roughly where the damage is. */
    readonly offset: number,
  ) {
    super(`XML: ${detail} (near byte ${offset})`);
    this.name = 'XmlError';
  }
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
});

/**
 * Decode the five XML entities and numeric character references; anything else (a DTD's entities) stays as
 * written. Line ends are normalised first, as XML requires: a literal CR LF or CR is LF (`&#13;` stays a CR).
 */
export function decodeEntities(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole;
    return String.fromCodePoint(cp);
  });
}

const LT = 0x3c; // <
const AMP = 0x26;
const CR = 0x0d;
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/** Ends of a tag name: space, `/`, `>` (the end of input is checked by the caller). */
function isNameEnd(c: number): boolean {
  return c === 0x20 || c === GT || c === SLASH || c === 0x0a || c === 0x0d || c === 0x09;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Pull tokenizer over one part's bytes (UTF-8; a UTF-16 part is turned into UTF-8 first). After `next()` returns OPEN,
 * `name` is the element's local name (prefix dropped: `x:row` → `row`), `selfClosing` says `<…/>`, and `attr(local)`
 * gives an attribute's decoded value. After CLOSE, `name` is the closing element's local name (a self-closing element
 * gives OPEN only). After TEXT, `text()` gives the decoded text (CDATA included as is). Comments, PIs and DOCTYPEs are
 * skipped. For hot loops, `attrSpan`/`elementTextSpan` give a value's bytes [spanStart, spanEnd) without a string.
 */
export class XmlScanner {
  name = '';
  selfClosing = false;
  /** What plainCell found: the r value's bytes, the s value's (-1: none), and whether it had t="s". */
  cellRefStart = 0;
  cellRefEnd = 0;
  cellStyleStart = -1;
  cellStyleEnd = -1;
  cellShared = false;
  /** What plainCell found, as numbers: the cell's place as cellRefAt gives it (row × 16,384 + column; -1: not a cell of Excel's grid), its s (0: none). */
  cellAt = -1;
  cellStyle = 0;
  /** The bytes of the value found by attrSpan / elementTextSpan. */
  spanStart = 0;
  spanEnd = 0;
  private b: Buffer;
  private len: number;
  private pos = 0;
  /** Reading in pieces: the window the part's bytes pass through, their source, and whether the source has ended. */
  private readonly window: Buffer | undefined;
  private readonly source: ByteSource | undefined;
  private final = true;
  /** In pieces, every token starts with at least this many bytes (or the rest of the part) in the window; 0 when whole. */
  private readonly margin: number = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  /**
   * The current start tag's attributes, as the tag was read: for each, where its local name starts and ends and where its
   * value starts and ends (4 numbers); the first MAX_ATTRS of them. A tag with more (crafted) is searched from attrFrom.
   */
  private readonly attrs = new Int32Array(MAX_ATTRS * 4);
  private attrCount = 0;
  private attrFrom = 0;
  private attrTo = 0;
  /**
   * Local names seen so far, by hash: a name is decoded once, not once per tag. One table for every scanner (NAMES): a
   * slot is used only when its name has the very bytes of the tag's, so what another part left there is as good.
   */
  private readonly names = NAMES;

  /**
   * Over a part's bytes (`buf`), or over a part read in pieces from `source` through the window `buf`: then every event
   * is the same as over the whole part, or the scanner throws NEEDS_WHOLE, and the spans and tags the caller gets stay
   * valid only until its next call to `next()` (which may move the window on).
   */
  constructor(buf: Buffer, source?: ByteSource, margin = 0) {
    if (source) {
      this.window = buf;
      this.source = source;
      this.final = false;
      this.margin = Math.max(1, Math.min(margin, buf.length >> 1));
      this.b = buf.subarray(0, 0);
      this.len = 0;
      this.refill();
      if (this.len >= 2 && this.b[0] === 0xff && this.b[1] === 0xfe) throw NEEDS_WHOLE;
      if (this.len >= 3 && this.b[0] === 0xef && this.b[1] === 0xbb && this.b[2] === 0xbf) this.pos = 3;
      return;
    }
    this.window = undefined;
    this.source = undefined;
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
      this.b = Buffer.from(buf.toString('utf16le', 2), 'utf8');
    } else {
      this.b = buf;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
    }
    this.len = this.b.length;
  }

  private fail(detail: string, at: number = this.pos): never {
    // in pieces, the window may have cut what is whole in the part
    if (!this.final) throw NEEDS_WHOLE;
    throw new XmlError(detail, at);
  }

  /** The bytes not yet read moved to the window's start, and the window filled up from the source. */
  private refill(): void {
    const win = this.window!;
    const keep = this.len - this.pos;
    if (keep > 0 && this.pos > 0) win.copyWithin(0, this.pos, this.len);
    let filled = keep;
    while (filled < win.length) {
      const room = win.length - filled;
      const n = this.source!.read(win, filled);
      filled += n;
      if (n < room) {
        this.final = true;
        break;
      }
    }
    this.b = win.subarray(0, filled);
    this.len = filled;
    this.pos = 0;
  }

  /** The bytes [a, b) as text (UTF-8). */
  private str(a: number, b: number): string {
    return this.b.toString('utf8', a, b);
  }

  /** First byte equal to c in [from, this.len), else -1. */
  private find(c: number, from: number): number {
    const b = this.b;
    const len = this.len;
    for (let i = from; i < len; i++) if (b[i] === c) return i;
    return -1;
  }

  /** The bytes at i spell the ASCII string s. */
  private bytesAre(i: number, s: string): boolean {
    const b = this.b;
    if (i < 0 || i + s.length > this.len) return false;
    for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** The bytes at i are the UTF-8 form of s (any string). */
  private spells(i: number, s: string): boolean {
    for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return i >= 0 && this.b.subarray(i, i + Buffer.byteLength(s)).equals(Buffer.from(s));
    return this.bytesAre(i, s);
  }

  /** Byte length of s in UTF-8. */
  private static byteLen(s: string): number {
    for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return Buffer.byteLength(s);
    return s.length;
  }

  /**
   * Finds the attribute with this local name (`r:id` → `id`) of the current start tag: its value's bytes in
   * [spanStart, spanEnd), entities not decoded. False when there is none.
   */
  attrSpan(local: string): boolean {
    if (this.attrCount > MAX_ATTRS) return this.findAttr(local);
    const at = this.attrs;
    const n = local.length;
    for (let k = 0, end = this.attrCount * 4; k < end; k += 4) {
      if (at[k + 1]! - at[k]! === n && this.bytesAre(at[k]!, local)) {
        this.spanStart = at[k + 2]!;
        this.spanEnd = at[k + 3]!;
        return true;
      }
    }
    return false;
  }

  /** attrSpan for a tag of more than MAX_ATTRS attributes: the tag's attributes read again, up to the one asked for. */
  private findAttr(local: string): boolean {
    const b = this.b;
    const end = this.attrTo;
    let i = this.attrFrom;
    while (i < end) {
      const c = b[i]!;
      if (isSpace(c)) {
        i++;
        continue;
      }
      // [prefix:]local = "value" (the tag was checked when it was read)
      let localStart = i;
      while (b[i] !== EQ && !isSpace(b[i]!)) if (b[i++] === COLON) localStart = i;
      const localEnd = i;
      while (b[i] !== EQ) i++;
      i++;
      while (isSpace(b[i]!)) i++;
      const vEnd = this.find(b[i]!, i + 1);
      if (localEnd - localStart === local.length && this.bytesAre(localStart, local)) {
        this.spanStart = i + 1;
        this.spanEnd = vEnd;
        return true;
      }
      i = vEnd + 1;
    }
    return false;
  }

  /** Decoded value of the attribute with this local name (`r:id` → `id`), or undefined. */
  attr(local: string): string | undefined {
    return this.attrSpan(local) ? this.textAt(this.spanStart, this.spanEnd) : undefined;
  }

  /** The part's bytes (spans index into them). */
  get bytes(): Buffer {
    return this.b;
  }

  /** The bytes [a, e) as text: entities decoded, line ends normalised. */
  textAt(a: number, e: number): string {
    return decodeEntities(this.str(a, e));
  }

  /** The span found last holds neither `&` nor a CR: its bytes are its text as they are. */
  spanPlain(): boolean {
    const b = this.b;
    for (let i = this.spanStart; i < this.spanEnd; i++) {
      const c = b[i];
      if (c === 0x26 || c === 0x0d) return false;
    }
    return true;
  }

  /** The bytes [a, e) are 1 to 9 ASCII digits: their value; else -1. */
  indexAt(a: number, e: number): number {
    const b = this.b;
    if (e <= a || e - a > 9) return -1;
    let n = 0;
    for (let i = a; i < e; i++) {
      const d = b[i]! - 0x30;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  /**
   * The bytes [a, e) as `Number(text)` reads them, for plain decimals only (`-12`, `3.25`: an optional minus, digits, an
   * optional fraction; at most 15 digits in all): exact, as the quotient of two exact numbers is rounded once. NaN for
   * anything else (an exponent, spaces, more digits): the caller then reads the text.
   */
  decimalAt(a: number, e: number): number {
    const b = this.b;
    let i = a;
    const neg = b[i] === 0x2d;
    if (neg) i++;
    let m = 0;
    let digits = 0;
    let frac = -1;
    for (; i < e; i++) {
      const c = b[i]!;
      if (c === 0x2e && frac < 0) {
        frac = 0;
        continue;
      }
      const d = c - 0x30;
      if (d < 0 || d > 9) return NaN;
      m = m * 10 + d;
      digits++;
      if (frac >= 0) frac++;
    }
    if (digits === 0 || digits > 15 || frac === 0) return NaN;
    const v = frac > 0 ? m / POW10[frac]! : m;
    return neg ? -v : v;
  }

  /** The text of the last TEXT event, entities decoded. */
  text(): string {
    const s = this.str(this.textStart, this.textEnd);
    return this.cdata ? s : decodeEntities(s);
  }

  /**
   * Right after OPEN of a non-empty element: when its content is plain text followed by its own end tag, the text's
   * bytes in [spanStart, spanEnd) and the end tag consumed (`<v>12</v>` in one step). False, with nothing consumed, for
   * anything else (children, CDATA). Only the end tag's local name is looked at (`</junk"x:v>` passes, as it always
   * has for <v>); `strict` also wants its prefix to be a name, so that the step never passes what next() refuses.
   */
  elementTextSpan(strict = false): boolean {
    const b = this.b;
    const start = this.pos;
    const lt = this.find(LT, start);
    if (lt < 0 || b[lt + 1] !== SLASH) return false;
    const gt = this.find(GT, lt + 2);
    if (gt < 0) return false;
    // the end tag's local name must be the element's
    const name = this.name;
    const nameStart = gt - XmlScanner.byteLen(name);
    if (nameStart < lt + 2 || !this.spells(nameStart, name)) return false;
    if (nameStart !== lt + 2 && b[nameStart - 1] !== COLON) return false;
    if (strict) {
      for (let i = lt + 2; i < nameStart; i++) {
        const c = b[i]!;
        if (isNameEnd(c) || c === LT || c === EQ || c === DQUOTE || c === SQUOTE) return false;
      }
    }
    this.pos = gt + 1;
    this.spanStart = start;
    this.spanEnd = lt;
    return true;
  }

  /**
   * Right after OPEN: when what follows is one of the start tags `opens` (`<v>`), plain text and then `close`
   * (`</v></c>`), each spelled exactly so, the text's bytes in [spanStart, spanEnd) and everything through `close`
   * consumed: the events these tags would give, in one step. False, with nothing consumed, otherwise.
   */
  exactly(opens: readonly string[], close: string): boolean {
    const p = this.pos;
    for (const open of opens) {
      if (!this.bytesAre(p, open)) continue;
      const start = p + open.length;
      const lt = this.find(LT, start);
      if (lt < 0 || !this.bytesAre(lt, close)) return false;
      this.spanStart = start;
      this.spanEnd = lt;
      this.pos = lt + close.length;
      return true;
    }
    return false;
  }

  /**
   * Right after OPEN of an item (`<si>`): the items that follow one another spelled exactly one of `opens`, plain text
   * and `close` — this one, then each next one opened by `<item>` (`<si><t>a</t></si><si><t>b</t></si>…`) — at most
   * `max` of them: their texts handed to `into` (as bytes when they hold neither `&` nor a CR, else as textAt gives
   * them) and their tags consumed, as the events would; how many. 0, with nothing consumed, when this item is not so
   * spelled.
   */
  plainItems(item: string, opens: readonly string[], close: string, into: ItemSink, max: number): number {
    const b = this.b;
    const len = this.len;
    const next = `<${item}>`;
    let p = this.pos;
    let n = 0;
    while (n < max) {
      let q = p;
      if (n > 0) {
        if (!this.bytesAre(q, next)) break;
        q += next.length;
      }
      let s = -1;
      for (const open of opens) {
        if (this.bytesAre(q, open)) {
          s = q + open.length;
          break;
        }
      }
      if (s < 0) break;
      let i = s;
      let special = false;
      if (into.room !== undefined) {
        // copied as it is scanned: one pass over the text (bytes 0x60 and up, most of a Chinese text, need one test)
        const dst = into.room(len - s);
        let o = into.at!;
        let underscore = false;
        for (; i < len; i++) {
          const c = b[i]!;
          if (c < 0x60) {
            if (c === LT) break;
            if (c === AMP || c === CR) special = true;
            else if (c === 0x5f) underscore = true;
          }
          dst[o++] = c;
        }
        if (i >= len || !this.bytesAre(i, close)) break;
        if (special) into.text(this.textAt(s, i));
        else into.copied!(o, underscore);
      } else {
        for (; i < len; i++) {
          const c = b[i]!;
          if (c === LT) break;
          if (c === AMP || c === CR) special = true;
        }
        if (i >= len || !this.bytesAre(i, close)) break;
        if (special) into.text(this.textAt(s, i));
        else into.bytes(b, s, i);
      }
      p = i + close.length;
      this.pos = p;
      n++;
    }
    return n;
  }

  /**
   * At a worksheet cell written as plainly as Excel writes most — `<c r="B7" s="3" t="s"><v>12</v></c>`, s and t="s"
   * each optional, in this order, spelled exactly so (r capital letters then digits, s 1 to 9 digits, the value text
   * without markup) — the cell read in one step: cellRefStart/End and cellStyleStart/End (-1: no s) the r and s values'
   * bytes, cellShared its t="s", the value's bytes in [spanStart, spanEnd), everything through `</c>` consumed, as the
   * events of these tags would. False, with nothing consumed, for anything else.
   */
  plainCell(): boolean {
    const b = this.b;
    const len = this.len;
    let i = this.pos;
    if (i + 6 > len || b[i] !== LT || b[i + 1] !== 0x63 || b[i + 2] !== 0x20 || b[i + 3] !== 0x72 || b[i + 4] !== EQ || b[i + 5] !== DQUOTE) return false;
    i += 6;
    const refStart = i;
    let col = 0;
    while (i < len && b[i]! >= 0x41 && b[i]! <= 0x5a) {
      if (i - refStart < 3) col = col * 26 + (b[i]! - 64);
      i++;
    }
    const digits = i;
    let row = 0;
    while (i < len && b[i]! >= 0x30 && b[i]! <= 0x39) {
      if (i - digits < 7) row = row * 10 + (b[i]! - 0x30);
      i++;
    }
    if (digits === refStart || i === digits || i >= len || b[i] !== DQUOTE) return false;
    const refEnd = i++;
    let styleStart = -1;
    let styleEnd = -1;
    let style = 0;
    if (i + 4 <= len && b[i] === 0x20 && b[i + 1] === 0x73 && b[i + 2] === EQ && b[i + 3] === DQUOTE) {
      i += 4;
      styleStart = i;
      while (i < len && b[i]! >= 0x30 && b[i]! <= 0x39) style = style * 10 + (b[i++]! - 0x30);
      if (i === styleStart || i - styleStart > 9 || i >= len || b[i] !== DQUOTE) return false;
      styleEnd = i++;
    }
    let shared = false;
    // ' t="s"', '><v>' and '</v></c>' compared byte by byte (the hottest lines of a big sheet)
    if (i + 6 <= len && b[i] === 0x20 && b[i + 1] === 0x74 && b[i + 2] === EQ && b[i + 3] === DQUOTE && b[i + 4] === 0x73 && b[i + 5] === DQUOTE) {
      i += 6;
      shared = true;
    }
    if (i + 4 > len || b[i] !== GT || b[i + 1] !== LT || b[i + 2] !== 0x76 || b[i + 3] !== GT) return false;
    i += 4;
    const start = i;
    while (i < len && b[i] !== LT) i++;
    if (i + 8 > len || b[i + 1] !== SLASH || b[i + 2] !== 0x76 || b[i + 3] !== GT || b[i + 4] !== LT || b[i + 5] !== SLASH || b[i + 6] !== 0x63 || b[i + 7] !== GT) return false;
    this.cellRefStart = refStart;
    this.cellRefEnd = refEnd;
    this.cellStyleStart = styleStart;
    this.cellStyleEnd = styleEnd;
    this.cellShared = shared;
    // r as cellRefAt reads it: at most 3 letters up to XFD and 7 digits from 1 to 1,048,576
    this.cellAt = digits - refStart <= 3 && col <= 16_384 && refEnd - digits <= 7 && row >= 1 && row <= 1_048_576 ? (row - 1) * 16_384 + (col - 1) : -1;
    this.cellStyle = style;
    this.spanStart = start;
    this.spanEnd = i;
    this.pos = i + 8;
    return true;
  }

  /** elementTextSpan as text: the decoded text, or undefined with nothing consumed. */
  elementText(): string | undefined {
    if (!this.elementTextSpan()) return undefined;
    return this.spanStart === this.spanEnd ? '' : this.textAt(this.spanStart, this.spanEnd);
  }

  /** Right after OPEN: consume everything up to and including the element's end tag (nested same-named elements counted). */
  skip(): void {
    if (this.selfClosing) return;
    const name = this.name;
    let depth = 1;
    for (let ev = this.next(); ev !== END; ev = this.next()) {
      if (ev === OPEN && this.name === name && !this.selfClosing) depth++;
      else if (ev === CLOSE && this.name === name && --depth === 0) return;
    }
  }

  next(): XmlEvent {
    for (;;) {
      if (this.len - this.pos < this.margin && !this.final) this.refill();
      const b = this.b;
      const pos = this.pos;
      if (pos >= this.len) return END;
      if (b[pos] !== LT) {
        // text up to the next '<'
        let lt = this.find(LT, pos);
        if (lt < 0) {
          if (!this.final) throw NEEDS_WHOLE;
          lt = this.len;
        }
        this.textStart = pos;
        this.textEnd = lt;
        this.cdata = false;
        this.pos = lt;
        return TEXT;
      }
      const c1 = b[pos + 1];
      if (c1 === BANG || c1 === QUESTION) {
        if (this.skipSpecial(pos, c1)) return TEXT;
        continue;
      }
      return this.tag(pos);
    }
  }

  /** `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE …>`, `<? ?>`: skipped, except CDATA which is TEXT. Returns true for CDATA. */
  private skipSpecial(pos: number, c1: number): boolean {
    const b = this.b;
    let close: number;
    let endLen: number;
    let cdata = false;
    if (c1 === QUESTION) {
      close = b.indexOf('?>', pos + 2);
      endLen = 2;
    } else if (this.bytesAre(pos, '<!--')) {
      close = b.indexOf('-->', pos + 4);
      endLen = 3;
    } else if (this.bytesAre(pos, '<![CDATA[')) {
      close = b.indexOf(']]>', pos + 9);
      endLen = 3;
      cdata = true;
    } else {
      // <!DOCTYPE name [ internal subset ]> — skipped whole; its entities are never expanded
      close = -1;
      endLen = 1;
      let depth = 0;
      let quote = 0;
      for (let i = pos + 2; i < this.len; i++) {
        const c = b[i]!;
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === DQUOTE || c === SQUOTE) quote = c;
        else if (c === 0x5b) depth++;
        else if (c === 0x5d) depth--;
        else if (c === GT && depth <= 0) {
          close = i;
          break;
        }
      }
    }
    if (close < 0) this.fail('unterminated comment, CDATA or declaration');
    if (cdata) {
      this.textStart = pos + 9;
      this.textEnd = close;
      this.cdata = true;
    }
    this.pos = close + endLen;
    return cdata;
  }

  /** Parse a start or end tag at pos. */
  private tag(pos: number): XmlEvent {
    const b = this.b;
    const len = this.len;
    let i = pos + 1;
    const closing = b[i] === SLASH;
    if (closing) i++;
    const nameStart = i;
    let local = i;
    let hash = 0;
    let ascii = true;
    while (i < len) {
      const c = b[i]!;
      if (isNameEnd(c)) break;
      if (c === COLON) {
        local = i + 1;
        hash = 0;
        ascii = true;
      } else if (c === LT || c === EQ || c === DQUOTE || c === SQUOTE) this.fail('malformed tag', i);
      else {
        hash = (hash * 31 + c) | 0;
        if (c >= 0x80) ascii = false;
      }
      i++;
    }
    if (i >= len) this.fail('unterminated tag', pos);
    if (i === nameStart) this.fail('tag without a name', pos);
    let name: string;
    if (ascii) {
      const slot = (hash ^ (i - local)) & 511;
      const known = this.names[slot];
      if (known !== undefined && known.length === i - local && this.bytesAre(local, known)) name = known;
      else name = this.names[slot] = this.str(local, i);
    } else name = this.str(local, i);
    if (closing) {
      while (i < len && isSpace(b[i]!)) i++;
      if (i >= len) this.fail('unterminated tag', pos);
      if (b[i] !== GT) this.fail(`malformed end tag </${name}>`, i);
      this.name = name;
      this.pos = i + 1;
      return CLOSE;
    }
    let count = 0;
    const at = this.attrs;
    const attrFrom = i;
    for (;;) {
      while (i < len && isSpace(b[i]!)) i++;
      if (i >= len) this.fail('unterminated tag', pos);
      const c = b[i];
      if (c === GT) {
        this.attrTo = i;
        this.selfClosing = false;
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= len) this.fail('unterminated tag', pos);
        if (b[i + 1] !== GT) this.fail(`malformed tag <${name}>`, i);
        this.attrTo = i;
        this.selfClosing = true;
        i += 2;
        break;
      }
      // attribute: [prefix:]local = "value" (checked and noted here, for attrSpan)
      let localStart = i;
      while (i < len) {
        const a = b[i]!;
        if (a === EQ || isSpace(a) || a === GT || a === SLASH) break;
        if (a === LT || a === DQUOTE || a === SQUOTE) this.fail(`malformed attribute in <${name}>`, i);
        if (a === COLON) localStart = i + 1;
        i++;
      }
      const localEnd = i;
      if (i >= len) this.fail('unterminated tag', pos);
      while (i < len && isSpace(b[i]!)) i++;
      if (i >= len) this.fail('unterminated tag', pos);
      if (b[i] !== EQ) this.fail(`attribute without a value in <${name}>`, i);
      i++;
      while (i < len && isSpace(b[i]!)) i++;
      if (i >= len) this.fail('unterminated tag', pos);
      const q = b[i]!;
      if (q !== DQUOTE && q !== SQUOTE) this.fail(`unquoted attribute in <${name}>`, i);
      const vEnd = this.find(q, i + 1);
      if (vEnd < 0) this.fail('unterminated tag', pos);
      if (count < MAX_ATTRS) {
        const k = count * 4;
        at[k] = localStart;
        at[k + 1] = localEnd;
        at[k + 2] = i + 1;
        at[k + 3] = vEnd;
      }
      count++;
      i = vEnd + 1;
    }
    this.attrCount = count;
    this.attrFrom = attrFrom;
    this.name = name;
    this.pos = i;
    return OPEN;
  }
}

/** XmlScanner's local names by hash, shared by every scanner (a table per scanner was ~4 KB per part scanned). */
const NAMES: (string | undefined)[] = new Array<string | undefined>(512);

/** Attributes noted per start tag (a worksheet's tags have a handful); a crafted tag's are read again when asked for. */
const MAX_ATTRS = 32;

/** 10^0 … 10^22, each exact in a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
