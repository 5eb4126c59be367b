// Streams a CSV file row by row (csv-parse's streaming API): encoding found in a first pass over the bytes, then records handed to a callback, never the whole grid in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse';
import type { Detected, RawCell } from '../core/model.js';
import { CsvReadError, type CsvLimits, DEFAULT_CSV_LIMITS, DELIMITER_NAMES, type EncodingName, decodeText, sniffDelimiter } from './csv.js';

const HEAD_BYTES = 64 * 1024;

/**
 * The file's encoding, decided as decodeText would decide it for the whole file: a BOM, the UTF-16 NUL
 * pattern, else UTF-8 when every byte of the file is valid UTF-8 (checked chunk by chunk), else GB18030.
 */
async function detectEncoding(abs: string, forced?: EncodingName): Promise<{ encoding: EncodingName; reason: string; bomBytes: number; head: Buffer }> {
  const fh = await open(abs, 'r');
  let head: Buffer;
  try {
    const b = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(b, 0, HEAD_BYTES, 0);
    head = b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const bom8 = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const bomLE = head[0] === 0xff && head[1] === 0xfe;
  const bomBE = head[0] === 0xfe && head[1] === 0xff;
  if (forced) return { encoding: forced, reason: 'flag', bomBytes: forced === 'utf-8' && bom8 ? 3 : (forced === 'utf-16le' && bomLE) || (forced === 'utf-16be' && bomBE) ? 2 : 0, head };
  if (bom8) return { encoding: 'utf-8', reason: 'bom', bomBytes: 3, head };
  if (bomLE) return { encoding: 'utf-16le', reason: 'bom', bomBytes: 2, head };
  if (bomBE) return { encoding: 'utf-16be', reason: 'bom', bomBytes: 2, head };
  const guess = decodeText(head.subarray(0, Math.min(head.length, 4096)));
  if (guess.encoding === 'utf-16le') return { encoding: 'utf-16le', reason: guess.reason, bomBytes: 0, head };
  // UTF-8 only if the whole file is: carry an incomplete sequence over each chunk boundary
  let carry = Buffer.alloc(0);
  let ascii = true;
  for await (const chunk of createReadStream(abs, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let end = buf.length;
    // back off to the start of a possibly cut multi-byte sequence (at most 3 bytes)
    for (let i = buf.length - 1; i >= Math.max(0, buf.length - 3); i--) {
      const b = buf[i]!;
      if (b < 0x80) break;
      if (b >= 0xc0) {
        end = i;
        break;
      }
    }
    const whole = buf.subarray(0, end);
    if (!isUtf8(whole)) return { encoding: 'gb18030', reason: 'not-utf8', bomBytes: 0, head };
    if (ascii && whole.some((b) => b >= 0x80)) ascii = false;
    carry = Buffer.from(buf.subarray(end));
  }
  if (carry.length && !isUtf8(carry)) return { encoding: 'gb18030', reason: 'not-utf8', bomBytes: 0, head };
  return { encoding: 'utf-8', reason: ascii ? 'ascii' : 'valid-utf8', bomBytes: 0, head };
}

export interface CsvStreamInfo {
  detected: Detected;
  records: number;
}

/**
 * Reads a CSV file and calls `onRow` with each record as RawCells (record i, 1-based, is spreadsheet row i).
 * The same limits as readCsvBuffer: a cell over maxCellChars, a record over maxColumns, the time budget.
 * Unlike csvToSheet it does not mend an unclosed quote (that needs the text again): it throws CsvReadError
 * with the line, and the caller falls back to the whole-file reader.
 */
export async function streamCsvRows(
  abs: string,
  onRow: (row: (RawCell | undefined)[]) => void,
  opts: { encoding?: EncodingName; limits?: Partial<CsvLimits> } = {},
): Promise<CsvStreamInfo> {
  const limits = { ...DEFAULT_CSV_LIMITS, ...opts.limits };
  const started = Date.now();
  const enc = await detectEncoding(abs, opts.encoding);
  const decoder = new TextDecoder(enc.encoding);
  const sample = new TextDecoder(enc.encoding).decode(enc.head.subarray(enc.bomBytes), { stream: true });
  const delimiter = sniffDelimiter(sample);
  const parser = parse({
    delimiter: delimiter.value,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: limits.maxCellChars,
  });
  let records = 0;
  const feed = (async () => {
    let first = true;
    for await (const chunk of createReadStream(abs, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
      const bytes = first ? chunk.subarray(enc.bomBytes) : chunk;
      first = false;
      let text = decoder.decode(bytes, { stream: true });
      if (text.includes('\0')) text = text.replace(/\0/g, '');
      if (!parser.write(text)) await new Promise((res) => parser.once('drain', res));
    }
    const last = decoder.decode();
    if (last) parser.write(last);
    parser.end();
  })();
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      records++;
      if (rec.length > limits.maxColumns) {
        throw new CsvReadError(`${rec.length} cells > maxColumns ${limits.maxColumns}`, parser.info.lines, 'maxColumns', rec.length, limits.maxColumns);
      }
      if ((records & 4095) === 0 && Date.now() - started > limits.maxMillis) {
        throw new CsvReadError(`parsing took over ${limits.maxMillis} ms`, parser.info.lines, 'maxMillis', Date.now() - started, limits.maxMillis);
      }
      onRow(rec.map((v) => (v === '' ? undefined : { text: v, kind: 'string' })));
    }
    await feed;
  } catch (e) {
    parser.destroy();
    await feed.catch(() => undefined);
    if (e instanceof CsvReadError) throw e;
    const err = e as { code?: string; message?: string; lines?: number };
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      throw new CsvReadError(`cell over ${limits.maxCellChars} characters`, err.lines, 'maxCellChars', limits.maxCellChars + 1, limits.maxCellChars);
    }
    throw new CsvReadError(err.message ?? String(e), err.lines);
  }
  return {
    records,
    detected: {
      encoding: { value: enc.encoding, reason: enc.reason },
      delimiter: { value: DELIMITER_NAMES[delimiter.value] ?? delimiter.value, reason: delimiter.reason },
    },
  };
}
