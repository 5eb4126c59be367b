// A strict, tiny XML well-formedness checker for tests (no dependency): parses into elements or throws saying where it broke.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const ENTITY = /^&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;
// XML 1.0 Char production: TAB, LF, CR, and from U+0020 except surrogates, U+FFFE, U+FFFF
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, at: number): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '<') throw new Error(`raw '<' in text or attribute near ${at + i}`);
    if (ch !== '&') {
      out += ch;
      continue;
    }
    const m = ENTITY.exec(raw.slice(i));
    if (!m) throw new Error(`bare '&' near ${at + i}`);
    const e = m[0];
    out += e === '&lt;' ? '<' : e === '&gt;' ? '>' : e === '&amp;' ? '&' : e === '&quot;' ? '"' : e === '&apos;' ? "'" : String.fromCodePoint(e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10));
    i += e.length - 1;
  }
  return out;
}

/** Parses a whole document: optional declaration, one root element, nothing but whitespace around it. Throws if not well-formed. */
export function parseXml(xml: string): XmlElement {
  const bad = BAD_CHAR.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} not allowed in XML near ${bad.index}`);
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const skipWs = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') throw new Error(`expected '<' at ${i}`);
    i++;
    const m = NAME.exec(xml.slice(i));
    if (!m) throw new Error(`bad element name at ${i}`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    i += m[0].length;
    for (;;) {
      const before = i;
      skipWs();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) throw new Error(`expected whitespace before attribute at ${i}`);
      const a = NAME.exec(xml.slice(i));
      if (!a) throw new Error(`bad attribute name at ${i}`);
      i += a[0].length;
      skipWs();
      if (xml[i] !== '=') throw new Error(`expected '=' at ${i}`);
      i++;
      skipWs();
      const q = xml[i];
      if (q !== '"' && q !== "'") throw new Error(`unquoted attribute value at ${i}`);
      const end = xml.indexOf(q, i + 1);
      if (end < 0) throw new Error(`unterminated attribute value at ${i}`);
      if (a[0] in el.attrs) throw new Error(`duplicate attribute ${a[0]} at ${i}`);
      el.attrs[a[0]] = decode(xml.slice(i + 1, end), i + 1);
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`element <${el.name}> never closed`);
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) throw new Error(`']]>' in text near ${i}`);
      el.text += decode(raw, i);
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        const c = NAME.exec(xml.slice(i));
        if (!c || c[0] !== el.name) throw new Error(`</${c?.[0] ?? '?'}> closes <${el.name}> at ${i}`);
        i += c[0].length;
        skipWs();
        if (xml[i] !== '>') throw new Error(`expected '>' at ${i}`);
        i++;
        return el;
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
        continue;
      }
      el.children.push(element());
    }
  };
  skipWs();
  const root = element();
  skipWs();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every descendant element named `name`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}
