// Recognises a file by its bytes, not its name: xlsx, legacy/encrypted OLE2, ODF, other zips, text, or junk.

export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'xlsx' }
  | { kind: 'xlsb' }
  | { kind: 'ods' }
  | { kind: 'numbers' }
  | { kind: 'zip-other'; detail: string }
  | { kind: 'ole2-encrypted' }
  | { kind: 'ole2-legacy' }
  | { kind: 'ole2-other' }
  | { kind: 'biff' }
  | { kind: 'text' }
  | { kind: 'binary' };

const ZIP_SIG = [0x50, 0x4b];
const OLE2_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  return sig.every((b, i) => buf[i] === b);
}

/** UTF-16LE encoding of an ASCII name, as OLE2 directory entries store it. */
function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

/** Where a zip's end-of-central-directory record starts (searched for in the last 64 KiB and 22 bytes), or -1. */
function endOfDirectory(buf: Buffer): number {
  const tail = Math.max(0, buf.length - 65557);
  for (let i = buf.length - 22; i >= tail; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** Names of the entries in a zip's central directory (or local headers when the directory is missing). */
export function zipEntryNames(buf: Buffer, max = 5000): string[] {
  const names: string[] = [];
  const eocd = endOfDirectory(buf);
  if (eocd >= 0) {
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    for (let n = 0; n < count && n < max && p + 46 <= buf.length; n++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) break;
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      names.push(buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen)));
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (names.length) return names;
  }
  // no central directory (truncated file): walk the local headers we have
  let p = 0;
  while (p + 30 <= buf.length && names.length < max) {
    if (buf.readUInt32LE(p) !== 0x04034b50) break;
    const compSize = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    names.push(buf.toString('utf8', p + 30, Math.min(buf.length, p + 30 + nameLen)));
    if (compSize === 0) break; // streamed entry: sizes are in a data descriptor we cannot follow cheaply
    p += 30 + nameLen + extraLen + compSize;
  }
  return names;
}

/** The bytes [a, a + s.length) spell the lower-case ASCII string s, case-insensitively (bytes below 0x80 only). */
function spellsLower(buf: Buffer, a: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    let c = buf[a + k]!;
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== s.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * sniff's answer for a zip whose central directory names an xlsx's parts, read from the names' bytes without making a
 * string of each (a register has ~16 parts): true only when zipEntryNames would find the same names through the
 * central directory, each of them ASCII (lower-cased byte by byte as toLowerCase would: no character past ASCII can
 * lower-case to an ASCII name), and sniff would say 'xlsx' of them — none is `mimetype`, none ends in `workbook.bin`,
 * one starts with `xl/` or is `[content_types].xml`, none starts with `word/` or `ppt/`. False means nothing: the names
 * are then read as strings, as always.
 */
export function plainXlsxNames(buf: Buffer): boolean {
  const eocd = endOfDirectory(buf);
  if (eocd < 0) return false;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0 || count > 5000) return false;
  let xl = false;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return false;
    const nameLen = buf.readUInt16LE(p + 28);
    const a = p + 46;
    const e = a + nameLen;
    if (e > buf.length) return false;
    for (let i = a; i < e; i++) if (buf[i]! >= 0x80) return false;
    if (nameLen === 8 && spellsLower(buf, a, 'mimetype')) return false;
    if (nameLen >= 12 && spellsLower(buf, e - 12, 'workbook.bin')) return false;
    if (nameLen >= 5 && spellsLower(buf, a, 'word/')) return false;
    if (nameLen >= 4 && spellsLower(buf, a, 'ppt/')) return false;
    if (!xl) xl = (nameLen >= 3 && spellsLower(buf, a, 'xl/')) || (nameLen === 19 && spellsLower(buf, a, '[content_types].xml'));
    p = e + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return xl;
}

export function sniff(buf: Buffer): Sniffed {
  if (buf.length === 0) return { kind: 'empty' };
  // the usual workbook's parts named without a string made of each (plainXlsxNames), any other zip by their strings
  if (startsWith(buf, ZIP_SIG)) return plainXlsxNames(buf) ? { kind: 'xlsx' } : sniffZip(buf);
  if (startsWith(buf, OLE2_SIG)) {
    if (buf.includes(utf16('EncryptionInfo')) || buf.includes(utf16('EncryptedPackage'))) return { kind: 'ole2-encrypted' };
    if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) return { kind: 'ole2-legacy' };
    return { kind: 'ole2-other' };
  }
  if (looksLikeText(buf)) return { kind: 'text' };
  if (isBiffBof(buf)) return { kind: 'biff' };
  return { kind: 'binary' };
}

/** What a zip (a file starting PK) is, by the names of its entries read as strings (zipEntryNames). */
export function sniffZip(buf: Buffer): Sniffed {
  const names = zipEntryNames(buf);
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('mimetype')) {
    const i = buf.indexOf('mimetype');
    const head = buf.toString('latin1', i, i + 120);
    if (head.includes('opendocument.spreadsheet')) return { kind: 'ods' };
    if (head.includes('opendocument')) return { kind: 'zip-other', detail: 'opendocument' };
  }
  if (lower.some((n) => n.endsWith('/workbook.bin') || n === 'workbook.bin')) return { kind: 'xlsb' };
  if (lower.some((n) => n.startsWith('xl/') || n === '[content_types].xml')) {
    if (lower.some((n) => n.startsWith('word/'))) return { kind: 'zip-other', detail: 'docx' };
    if (lower.some((n) => n.startsWith('ppt/'))) return { kind: 'zip-other', detail: 'pptx' };
    return { kind: 'xlsx' };
  }
  if (lower.some((n) => n.startsWith('index/') || n.endsWith('.iwa') || n.endsWith('index.zip') || n.endsWith('.numbers/'))) {
    return { kind: 'numbers' };
  }
  return { kind: 'zip-other', detail: names.length ? 'zip' : 'broken-zip' };
}

/** A BIFF2–BIFF5 worksheet stream on its own (Excel 2.x–5.0 .xls, not inside an OLE2 file): it starts with a BOF record. */
function isBiffBof(buf: Buffer): boolean {
  if (buf.length < 8) return false;
  const id = buf.readUInt16LE(0);
  return (id === 0x0009 || id === 0x0209 || id === 0x0409 || id === 0x0809) && buf.readUInt16LE(2) <= 20;
}

/** Text in some encoding: no NUL bytes outside UTF-16, few control characters. */
export function looksLikeText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return true;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) bad++;
  }
  return bad / n < 0.01;
}
