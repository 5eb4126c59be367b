// A small pull tokenizer for the XML inside .xlsx parts: no DTDs, no entity expansion, no recursion, any namespace prefix.

/** What `next()` found. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type XmlEvent = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

export class XmlError extends Error {
  constructor(
    readonly detail: string,
    /** Character offset in the decoded text, roughly where the damage is. */
    readonly offset: number,
  ) {
    super(`XML: ${detail} (near character ${offset})`);
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

/** Bytes decoded at a time: a part is never one giant string (V8 strings stop at ~512 MiB). */
const CHUNK_BYTES = 8 * 1024 * 1024;

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Ends of a tag name: space, `/`, `>`, or the end of input. */
function isNameEnd(c: number): boolean {
  return c === 0x20 || c === GT || c === SLASH || c === 0x0a || c === 0x0d || c === 0x09 || Number.isNaN(c);
}

/**
 * Pull tokenizer over one part's bytes. After `next()` returns OPEN, `name` is the element's local name (prefix
 * dropped: `x:row` → `row`), `selfClosing` says `<…/>`, and `attr(local)` gives an attribute's decoded value.
 * After CLOSE, `name` is the closing element's local name (a self-closing element gives OPEN only).
 * After TEXT, `text()` gives the decoded text (CDATA included as is). Comments, PIs and DOCTYPEs are skipped.
 */
export class XmlScanner {
  name = '';
  selfClosing = false;
  private s = '';
  private pos = 0;
  private bytePos = 0;
  private readonly buf: Buffer;
  private readonly utf16: boolean;
  private textStart = 0;
  private textEnd = 0;
  private cdata: string | undefined;
  /** The current start tag's attributes: [attrStart, attrEnd) of `s`, parsed on demand. */
  private attrStart = 0;
  private attrEnd = 0;
  /** Local names seen so far, by hash: a name is sliced once per part, not once per tag. */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(512);
  /** Characters consumed before the current chunk, for error offsets. */
  private base = 0;

  constructor(buf: Buffer) {
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
      this.buf = buf;
      this.utf16 = true;
      this.s = buf.toString('utf16le', 2);
      this.bytePos = buf.length;
    } else {
      this.buf = buf;
      this.utf16 = false;
      this.bytePos = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      this.more();
    }
  }

  /** Decode the next chunk, cut just before a `<` (always a character boundary in UTF-8). False at the end. */
  private more(): boolean {
    if (this.utf16 || this.bytePos >= this.buf.length) return false;
    let cut = this.bytePos + CHUNK_BYTES;
    if (cut >= this.buf.length) cut = this.buf.length;
    else {
      const lt = this.buf.indexOf(LT, cut);
      cut = lt < 0 ? this.buf.length : lt;
    }
    const next = this.buf.toString('utf8', this.bytePos, cut);
    this.bytePos = cut;
    this.base += this.pos;
    this.s = this.pos >= this.s.length ? next : this.s.slice(this.pos) + next;
    this.pos = 0;
    return true;
  }

  private fail(detail: string): never {
    throw new XmlError(detail, this.base + this.pos);
  }

  /** Decoded value of the attribute with this local name (`r:id` → `id`), or undefined. */
  attr(local: string): string | undefined {
    const s = this.s;
    const end = this.attrEnd;
    let i = this.attrStart;
    const n = local.length;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      // name [prefix:]local up to '='
      const eq = s.indexOf('=', i);
      if (eq < 0 || eq >= end) return undefined;
      let nameEnd = eq;
      while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
      let q = eq + 1;
      while (isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      const vEnd = s.indexOf(quote === DQUOTE ? '"' : "'", q + 1);
      if (vEnd < 0) return undefined;
      const localStart = nameEnd - n;
      if (
        localStart >= i &&
        (localStart === i || s.charCodeAt(localStart - 1) === COLON) &&
        s.startsWith(local, localStart)
      ) {
        return decodeEntities(s.slice(q + 1, vEnd));
      }
      i = vEnd + 1;
    }
    return undefined;
  }

  /** The text of the last TEXT event, entities decoded. */
  text(): string {
    if (this.cdata !== undefined) return this.cdata;
    return decodeEntities(this.s.slice(this.textStart, this.textEnd));
  }

  /**
   * Right after OPEN of a non-empty element: its text when that is plain text followed by its own end tag, which
   * is consumed (`<v>12</v>` in one step). Undefined, with nothing consumed, for anything else (children, CDATA).
   */
  elementText(): string | undefined {
    const s = this.s;
    const start = this.pos;
    const lt = s.indexOf('<', start);
    if (lt < 0 || s.charCodeAt(lt + 1) !== SLASH) return undefined;
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return undefined;
    // the end tag's local name must be the element's
    const name = this.name;
    const nameStart = gt - name.length;
    if (nameStart < lt + 2 || !s.startsWith(name, nameStart)) return undefined;
    if (nameStart !== lt + 2 && s.charCodeAt(nameStart - 1) !== COLON) return undefined;
    this.pos = gt + 1;
    return lt === start ? '' : decodeEntities(s.slice(start, lt));
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
      let s = this.s;
      let pos = this.pos;
      if (pos >= s.length) {
        if (!this.more()) return END;
        s = this.s;
        pos = 0;
      }
      if (s.charCodeAt(pos) !== LT) {
        // text up to the next '<' (chunks end just before one, so text never spans chunks unless it is the last)
        let lt = s.indexOf('<', pos);
        if (lt < 0) {
          if (this.more()) continue;
          lt = this.s.length;
          pos = this.pos;
        }
        this.textStart = pos;
        this.textEnd = lt;
        this.cdata = undefined;
        this.pos = lt;
        return TEXT;
      }
      const c1 = s.charCodeAt(pos + 1);
      if (c1 === BANG || c1 === QUESTION) {
        if (this.skipSpecial(pos, c1)) return TEXT;
        continue;
      }
      const ev = this.tag(pos);
      if (ev !== END) return ev;
      // the tag ran past the end of the chunk: join the next one and try again
      if (!this.more()) this.fail('unterminated tag');
    }
  }

  /** `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE …>`, `<? ?>`: skipped, except CDATA which is TEXT. Returns true for CDATA. */
  private skipSpecial(pos: number, c1: number): boolean {
    for (;;) {
      const s = this.s;
      let close: number;
      let endLen: number;
      let cdata = false;
      if (c1 === QUESTION) {
        close = s.indexOf('?>', pos + 2);
        endLen = 2;
      } else if (s.startsWith('<!--', pos)) {
        close = s.indexOf('-->', pos + 4);
        endLen = 3;
      } else if (s.startsWith('<![CDATA[', pos)) {
        close = s.indexOf(']]>', pos + 9);
        endLen = 3;
        cdata = true;
      } else if (s.length - pos < 9 && this.bytePos < this.buf.length) {
        close = -1;
        endLen = 0;
      } else {
        // <!DOCTYPE name [ internal subset ]> — skipped whole; its entities are never expanded
        close = -1;
        endLen = 1;
        let depth = 0;
        let quote = 0;
        for (let i = pos + 2; i < s.length; i++) {
          const c = s.charCodeAt(i);
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
      if (close >= 0) {
        if (cdata) {
          this.cdata = s.slice(pos + 9, close);
        }
        this.pos = close + endLen;
        return cdata;
      }
      // more() keeps the text from this.pos, which is still the construct's start
      if (!this.more()) this.fail('unterminated comment, CDATA or declaration');
      pos = this.pos;
    }
  }

  /** Parse a start or end tag at pos. Returns END when the tag is cut off by the end of the chunk. */
  private tag(pos: number): XmlEvent {
    const s = this.s;
    const len = s.length;
    let i = pos + 1;
    const closing = s.charCodeAt(i) === SLASH;
    if (closing) i++;
    const nameStart = i;
    let local = i;
    let hash = 0;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (isNameEnd(c)) break;
      if (c === COLON) {
        local = i + 1;
        hash = 0;
      } else if (c === LT || c === EQ || c === DQUOTE || c === SQUOTE) this.fail('malformed tag');
      else hash = (hash * 31 + c) | 0;
      i++;
    }
    if (i >= len) return END;
    if (i === nameStart) this.fail('tag without a name');
    const slot = (hash ^ (i - local)) & 511;
    let name = this.names[slot];
    if (name === undefined || name.length !== i - local || !s.startsWith(name, local)) {
      name = s.slice(local, i);
      this.names[slot] = name;
    }
    if (closing) {
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) return END;
      if (s.charCodeAt(i) !== GT) this.fail(`malformed end tag </${name}>`);
      this.name = name;
      this.pos = i + 1;
      return CLOSE;
    }
    const attrStart = i;
    for (;;) {
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) return END;
      const c = s.charCodeAt(i);
      if (c === GT) {
        this.attrEnd = i;
        this.selfClosing = false;
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= len) return END;
        if (s.charCodeAt(i + 1) !== GT) this.fail(`malformed tag <${name}>`);
        this.attrEnd = i;
        this.selfClosing = true;
        i += 2;
        break;
      }
      // attribute: name = "value" (checked here, parsed again only when asked for)
      while (i < len) {
        const a = s.charCodeAt(i);
        if (a === EQ || isSpace(a) || a === GT || a === SLASH) break;
        if (a === LT || a === DQUOTE || a === SQUOTE) this.fail(`malformed attribute in <${name}>`);
        i++;
      }
      if (i >= len) return END;
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) return END;
      if (s.charCodeAt(i) !== EQ) this.fail(`attribute without a value in <${name}>`);
      i++;
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) return END;
      const q = s.charCodeAt(i);
      if (q !== DQUOTE && q !== SQUOTE) this.fail(`unquoted attribute in <${name}>`);
      const vEnd = s.indexOf(q === DQUOTE ? '"' : "'", i + 1);
      if (vEnd < 0) return END;
      i = vEnd + 1;
    }
    this.attrStart = attrStart;
    this.name = name;
    this.pos = i;
    return OPEN;
  }
}
