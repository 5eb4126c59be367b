// Reads a CSV (or tab-separated text) register: detects its encoding and delimiter, and returns it as a grid.
import { parse } from 'csv-parse/sync';
import type { Detected, RawCell, RawSheet } from '../core/model.js';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Names a user may give to --encoding, and what we decode with. GBK and GB2312 are subsets of GB18030. */
const ENCODING_ALIASES: Record<string, EncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  ansi: 'gb18030',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  big5: 'big5',
};

export function parseEncodingName(name: string): EncodingName | undefined {
  return ENCODING_ALIASES[name.trim().toLowerCase()];
}

export interface DecodedText {
  text: string;
  encoding: EncodingName;
  reason: string;
}

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 — what Excel on Chinese Windows writes as "CSV".
 * A forced encoding (--encoding) wins.
 */
export function decodeText(buf: Buffer, forced?: EncodingName): DecodedText {
  const bom8 = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const bomLE = buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe;
  const bomBE = buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff;
  if (forced) {
    const skip = forced === 'utf-8' && bom8 ? 3 : (forced === 'utf-16le' && bomLE) || (forced === 'utf-16be' && bomBE) ? 2 : 0;
    return { text: new TextDecoder(forced).decode(buf.subarray(skip)), encoding: forced, reason: 'flag' };
  }
  if (bom8) return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', reason: 'bom' };
  if (bomLE) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', reason: 'bom' };
  if (bomBE) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', reason: 'bom' };
  if (looksUtf16LE(buf)) return { text: new TextDecoder('utf-16le').decode(buf), encoding: 'utf-16le', reason: 'nul-pattern' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text, encoding: 'utf-8', reason: /[^\x00-\x7f]/.test(text) ? 'valid-utf8' : 'ascii' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030', reason: 'not-utf8' };
  }
}

/** UTF-16LE without a BOM: ASCII characters leave a NUL in every odd byte. */
function looksUtf16LE(buf: Buffer): boolean {
  const n = Math.min(buf.length, 2000) & ~1;
  if (n < 8) return false;
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i + 1] === 0) oddNul++;
    if (buf[i] === 0) evenNul++;
  }
  return oddNul > n / 2 / 3 && evenNul < n / 2 / 20;
}

/** The delimiter used most on the first lines (outside quotes): comma, tab or semicolon. */
export function sniffDelimiter(text: string): { value: string; reason: string } {
  const sample = text.slice(0, 16384).split(/\r\n|\n|\r/).slice(0, 30);
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  for (const line of sample) {
    let inQuotes = false;
    for (const ch of line) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch in counts) counts[ch]!++;
    }
  }
  const best = (Object.entries(counts) as [string, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) return { value: ',', reason: 'default' };
  return { value: best[0], reason: 'most-frequent' };
}

export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Parse CSV text into a one-sheet grid. Record i (1-based, header included) is rows[i-1]. */
export function csvToSheet(text: string, delimiter: string, name: string): RawSheet {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    throw new CsvReadError(err.message ?? String(e), err.lines);
  }
  const rows: (RawCell | undefined)[][] = records.map((rec) =>
    rec.map((v) => (v === '' ? undefined : ({ text: v, kind: 'string' } as RawCell))),
  );
  return { name, rows, merges: [] };
}

export function readCsvBuffer(buf: Buffer, name: string, forced?: EncodingName): { sheet: RawSheet; detected: Detected } {
  const decoded = decodeText(buf, forced);
  const delimiter = sniffDelimiter(decoded.text);
  const sheet = csvToSheet(decoded.text, delimiter.value, name);
  return {
    sheet,
    detected: {
      encoding: { value: decoded.encoding, reason: decoded.reason },
      delimiter: { value: DELIMITER_NAMES[delimiter.value] ?? delimiter.value, reason: delimiter.reason },
    },
  };
}
