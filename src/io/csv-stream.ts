// Streams a CSV file record by record (a plain reader for the common case), or says it cannot, so the whole-file reader (csv.ts) takes it: never the whole grid in memory.
//
// What it reads is what readCsvBuffer would read: the same encoding decision (a BOM, else UTF-8 when every byte
// is valid UTF-8, else GB18030), the same delimiter sniffing, records ended by \r\n, \n or \r, quoted fields
// with "" inside them and line breaks kept. Whatever the whole-file reader mends, refuses or reads in its own
// way is not guessed at here: UTF-16, a NUL byte, a quote that is not a plain quoted field, a line longer than
// a cell may be, too many cells, bytes that stop being UTF-8 half-way. Then NotStreamable is thrown and the caller
// reads the file whole, as before. The time limit is a guard against no progress (ProgressGuard): when it trips, the
// read stops with LimitExceeded and is never done again whole.
import { open } from 'node:fs/promises';
import { isAscii, isUtf8 } from 'node:buffer';
import type { Detected } from '../core/model.js';
import { type CsvLimits, DEFAULT_CSV_LIMITS, DELIMITER_NAMES, type EncodingName, decodeText, sniffDelimiter } from './csv.js';
import { ProgressGuard } from './limits.js';

/** Bytes read first: the encoding and the delimiter are found in them (sniffDelimiter reads 16,384 characters). */
const HEAD_BYTES = 64 * 1024;
/** Bytes read at a time after that. */
const CHUNK_BYTES = 1024 * 1024;
/**
 * Bytes of whole lines decoded at a time (wholeLines): one call into the decoder per line cost more than decoding, and
 * a megabyte at once more again (22 MB of Chinese UTF-8 as 1 MB pieces ~500 ms, by line ~300 ms, 16-64 KB ~170 ms).
 */
const LINES_BYTES = 32 * 1024;
/** Records between two looks at the clock (each is progress for the guard). */
const RECORDS_PER_CHECK = 4096;

/** The file needs the whole-file reader (csv.ts): why, for --explain and tests. */
export class NotStreamable extends Error {
  constructor(readonly why: string) {
    super(`not streamable: ${why}`);
  }
}

export interface CsvStreamInfo {
  /** encoding and delimiter, as readCsvBuffer reports them. */
  detected: Detected;
  records: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads a CSV file and calls `onRow` with each record as cell texts ('' for an empty cell; record i, 1-based,
 * is spreadsheet row i). Throws NotStreamable (before or after some rows were given) when the whole-file
 * reader must read it, LimitExceeded('maxMillis') when reading made no progress for that long; other errors
 * are I/O errors.
 */
export async function streamCsvRows(
  abs: string,
  onRow: (cells: string[], whole: (() => string[]) | undefined, usual: boolean) => void,
  opts: {
    /**
     * The cells array onRow is given may be given again, refilled, for a later record: onRow copies what it keeps (an
     * array a record less to make and collect).
     */
    reuse?: boolean;
    /**
     * A global RegExp that matches (one or more characters) what keeps a record from being usual: onRow's `usual` is true
     * only for a record with no match on its line, false whenever not known (quoted records, records read one by one).
     */
    usual?: RegExp;
    /**
     * The columns the caller reads (set it once they are known, e.g. when the header is found): a UTF-8 record then
     * has only those cells decoded, the others given as '' (the record keeps its length), and `whole` gives every
     * cell of it while onRow runs. Records with quoted fields are always given whole.
     */
    pick?: { columns?: readonly number[] };
    encoding?: EncodingName;
    limits?: Partial<CsvLimits>;
    /** Called before the first row with the encoding and delimiter (the encoding's reason may still change from valid-utf8 to ascii). */
    onStart?: (detected: Detected) => void;
    /** Bytes read at a time after the first 64 KB (tests make it small to cross every boundary). */
    chunkBytes?: number;
    /** The clock the progress guard reads (tests make it slow). */
    now?: () => number;
  } = {},
): Promise<CsvStreamInfo> {
  const limits = { ...DEFAULT_CSV_LIMITS, ...opts.limits };
  const guard = new ProgressGuard(limits.maxMillis, opts.now);
  const fh = await open(abs, 'r');
  try {
    // The bytes not read yet are buf[pos…]; buf is the start of `store`, one buffer for the whole read: the unread part
    // moves to its start and the next chunk is read in after it (a new buffer per chunk, and another to join the rest
    // of a line to it, left ~100 MB of buffers for the collector on a million-row file).
    let store = Buffer.allocUnsafe(HEAD_BYTES + (opts.chunkBytes ?? CHUNK_BYTES));
    let buf: Buffer = store.subarray(0, 0);
    let pos = 0;
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    let eof = false;
    /** Reads the next chunk of the file in after the unread bytes (moved to the start): where the new bytes begin. */
    const readMore = async (size = opts.chunkBytes ?? CHUNK_BYTES): Promise<number> => {
      const keep = buf.length - pos;
      if (store.length < keep + size) {
        const bigger = Buffer.allocUnsafe(Math.max(2 * store.length, keep + size));
        buf.copy(bigger, 0, pos);
        store = bigger;
      } else if (pos > 0 && keep > 0) store.copyWithin(0, pos, buf.length);
      const { bytesRead } = await guard.wait(fh.read(store, keep, size, null));
      if (bytesRead === 0) eof = true;
      buf = store.subarray(0, keep + bytesRead);
      pos = 0;
      nextLf = -1;
      nextCr = -1;
      nextQuote = -1;
      return keep;
    };

    // ---- the encoding and the delimiter, from the first chunk
    await readMore(HEAD_BYTES);
    const head = buf;
    const forced = opts.encoding;
    const bom8 = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (bom16 || forced === 'utf-16le' || forced === 'utf-16be') throw new NotStreamable('utf-16');
    if (forced && forced !== 'utf-8' && forced !== 'gb18030') throw new NotStreamable(`encoding ${forced}`);
    if (!forced && !bom8 && decodeText(head.subarray(0, 4096)).encoding === 'utf-16le') throw new NotStreamable('utf-16');
    const skip = bom8 && (!forced || forced === 'utf-8') ? 3 : 0;
    let encoding: EncodingName;
    let reason: string;
    if (forced) {
      encoding = forced;
      reason = 'flag';
    } else if (bom8) {
      encoding = 'utf-8';
      reason = 'bom';
    } else if (isUtf8(head.subarray(0, utf8Boundary(head, eof)))) {
      // UTF-8 so far; every further chunk must be too (else the whole file is GB18030: NotStreamable)
      encoding = 'utf-8';
      reason = 'valid-utf8';
    } else {
      encoding = 'gb18030';
      reason = 'not-utf8';
    }
    /** Every byte was ASCII (UTF-8 found from the bytes: 'ascii' rather than 'valid-utf8'). */
    let ascii = reason === 'valid-utf8';
    const decoder = new TextDecoder(encoding);
    const sample = new TextDecoder(encoding).decode(head.subarray(skip), { stream: !eof });
    if (sample.startsWith('\ufeff')) throw new NotStreamable('second byte order mark');
    const delimiter = sniffDelimiter(sample);
    const delim = delimiter.value;
    const delimByte = delim.charCodeAt(0);
    /** One record's (or field's) bytes as text: a string of its own, so that nothing kept holds a whole chunk. */
    const text =
      encoding === 'utf-8' ? (from: number, to: number) => buf.toString('utf8', from, to) : (from: number, to: number) => decoder.decode(buf.subarray(from, to));
    /**
     * A block of whole lines' bytes as text (wholeLines). UTF-8: Node's TextDecoder decodes with ICU when streaming, about
     * twice as fast for Chinese text as buf.toString (V8's decoder, which non-streaming TextDecoder also uses): 22 MB in
     * line-aligned 32 KB blocks, 217-245 → 91-107 ms (load ~10). The block is whole characters of valid UTF-8 (take), so
     * nothing is held back between calls and the text is toString's; ignoreBOM keeps a U+FEFF that starts a block.
     */
    const utf8Blocks = encoding === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }) : undefined;
    const blockText = utf8Blocks ? (from: number, to: number) => utf8Blocks.decode(buf.subarray(from, to), { stream: true }) : text;

    /** The bytes of a cut UTF-8 sequence at the end of what was read: still in the buffer, before the new bytes. */
    let carry = 0;
    /** Checks the bytes just read (buf[start…]) as the whole-file reader checks a file's bytes. */
    const take = (start: number): void => {
      const fresh = buf.subarray(start);
      if (fresh.includes(0)) throw new NotStreamable('NUL byte');
      if (encoding === 'utf-8') {
        // invalid bytes are decoded differently whole and line by line: leave them to the whole-file reader
        const from = start - carry;
        const end = from + utf8Boundary(buf.subarray(from), eof);
        if (!isUtf8(buf.subarray(from, end))) throw new NotStreamable('not UTF-8 after the start');
        carry = buf.length - end;
      }
      if (ascii && !isAscii(fresh)) ascii = false;
    };

    opts.onStart?.({
      encoding: { value: encoding, reason },
      delimiter: { value: DELIMITER_NAMES[delim] ?? delim, reason: delimiter.reason },
    });

    // ---- records
    let records = 0;
    /**
     * wholeLines' cells of the line being cut (its first ones; longer than the line when an earlier line had more cells);
     * with opts.reuse, cut to the line's cells and given itself.
     */
    const cut: string[] = [];
    const reuse = opts.reuse === true;
    // its own copy: lastIndex is this reading's state, not the caller's (a module's shared RegExp)
    const usualBreak = opts.usual === undefined ? undefined : new RegExp(opts.usual.source, opts.usual.flags);
    /** Lines are decoded many at a time (wholeLines), except up to here (bytes where a line may be too long: read one by one). */
    let slowUntil = -1;
    take(0);
    pos = skip;
    for (;;) {
      // a complete line (or record) must be in the buffer: read on until a line end, or the end of the file
      // where the next LF, CR and quote are, looked for again only once passed (a file may have none of one kind)
      if (nextLf !== Infinity && nextLf < pos) {
        nextLf = buf.indexOf(LF, pos);
        if (nextLf === -1) nextLf = Infinity;
      }
      if (nextCr !== Infinity && nextCr < pos) {
        nextCr = buf.indexOf(CR, pos);
        if (nextCr === -1) nextCr = Infinity;
      }
      if (nextQuote !== Infinity && nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote === -1) nextQuote = Infinity;
      }
      if (pos > slowUntil && opts.pick?.columns === undefined) {
        // the complete lines before the next quote, in the next LINES_BYTES, decoded at once. None when the quote is
        // here: lastIndexOf(LF, -1) would count from the buffer's end (a record starting with a quote at byte 0 of the
        // file or of a refilled buffer once read its quoted cells as plain text)
        const limit = Math.min(nextQuote, buf.length, pos + LINES_BYTES);
        const stop = limit > pos ? buf.lastIndexOf(LF, limit - 1) : -1;
        if (stop >= pos) {
          if (wholeLines(pos, stop)) {
            pos = stop + 1;
            if (pos >= buf.length && eof) break;
            continue;
          }
          slowUntil = stop;
        }
      }
      let end = nextLf;
      if (nextCr < end) end = nextCr;
      if (nextQuote < end) {
        // quotes on this line: read the record with quoted fields (it may go over several lines)
        const rec = readQuoted(pos);
        if (rec === undefined) {
          if (eof) throw new NotStreamable('quote not closed');
          if (buf.length - pos > 4 * limits.maxCellChars) throw new NotStreamable('record too long');
          take(await readMore());
          continue;
        }
        emit(rec.cells, undefined, false);
        pos = rec.next;
      } else {
        if (end === Infinity || (end === nextCr && end === buf.length - 1 && !eof)) {
          // no line end yet (or a CR that may be followed by LF in the next chunk)
          if (!eof) {
            if (buf.length - pos > limits.maxCellChars) throw new NotStreamable('line too long');
            take(await readMore());
            continue;
          }
          if (pos >= buf.length) break;
          end = buf.length;
        }
        if (end - pos > limits.maxCellChars) throw new NotStreamable('line too long');
        const wanted = encoding === 'utf-8' ? opts.pick?.columns : undefined;
        if (wanted && end > pos) {
          const from = pos;
          const to = end;
          emit(picked(from, to, wanted), () => text(from, to).split(delim), false);
        } else {
          const line = end === pos ? '' : text(pos, end);
          emit(line.split(delim), undefined, false);
        }
        pos = end + (buf[end] === CR && buf[end + 1] === LF ? 2 : 1);
      }
      if (pos >= buf.length && eof) break;
    }

    /**
     * The records of the bytes from–to (no quote among them; `to` is a LF), ended by LF, CR LF or CR as below, from one
     * string decoded at once; false, nothing read, when one of them may be longer than a line may be (bytes: read below).
     */
    function wholeLines(from: number, to: number): boolean {
      const s = blockText(from, to);
      const n = s.length;
      // a line of c characters has at most 4c bytes (UTF-8: 3 a UTF-16 unit; GB18030: 4 a character)
      if (to - from > limits.maxCellChars) {
        for (let p = 0; p <= n; ) {
          let e = s.indexOf('\n', p);
          if (e < 0) e = n;
          if (4 * (e - p) > limits.maxCellChars) return false;
          p = e + 1;
        }
      }
      let p = 0;
      let cr = s.indexOf('\r');
      /** The next delimiter at or after the cell being cut (Infinity: none left), looked for again only once passed. */
      let nd = -1;
      /** Where opts.usual next matches at or after the line being cut (Infinity: nowhere), looked for again only once passed. */
      let nb = -1;
      for (;;) {
        let e = s.indexOf('\n', p);
        if (e < 0) e = n;
        if (cr !== -1 && cr < p) cr = s.indexOf('\r', p);
        if (cr !== -1 && cr < e) e = cr;
        // the line's cells as split(delim) gives them, cut from the chunk's text without the line's own string, gathered
        // in `cut` and given as an array of their number (pushed onto [], an array of 7 got room for 17)
        let k = 0;
        for (let c = p; ; ) {
          if (nd < c) {
            nd = s.indexOf(delim, c);
            if (nd < 0) nd = Infinity;
          }
          const d = nd < e ? nd : e;
          cut[k++] = s.slice(c, d);
          if (d >= e) break;
          c = d + 1;
        }
        let usual = false;
        if (usualBreak !== undefined) {
          if (nb < p) {
            usualBreak.lastIndex = p;
            const m = usualBreak.exec(s);
            nb = m === null ? Infinity : m.index;
          }
          usual = nb >= e;
        }
        if (reuse) {
          if (cut.length !== k) cut.length = k;
          emit(cut, undefined, usual);
        } else emit(k === cut.length ? cut.slice() : cut.slice(0, k), undefined, usual);
        // the line ended by the LF at `to` (after a CR: CR LF, one end)
        if (e >= n || (e === n - 1 && s.charCodeAt(e) === CR)) return true;
        p = e + (s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? 2 : 1);
      }
    }

    function emit(cells: string[], whole: (() => string[]) | undefined, usual: boolean): void {
      if (cells.length > limits.maxColumns) throw new NotStreamable('too many cells');
      if (++records % RECORDS_PER_CHECK === 0) guard.progress();
      onRow(cells, whole, usual);
    }

    /** The cells of an unquoted line (bytes from–to) as split would give them, only the wanted ones decoded. */
    function picked(from: number, to: number, wanted: readonly number[]): string[] {
      const cells: string[] = [];
      let p = from;
      for (;;) {
        let q = buf.indexOf(delimByte, p);
        if (q < 0 || q > to) q = to;
        cells.push(q > p && wanted.includes(cells.length) ? buf.toString('utf8', p, q) : '');
        if (q >= to) return cells;
        p = q + 1;
        if (cells.length > limits.maxColumns) return cells;
      }
    }

    /** A record with quoted fields starting at `from`; undefined when it does not end within the buffer. */
    function readQuoted(from: number): { cells: string[]; next: number } | undefined {
      const cells: string[] = [];
      let p = from;
      for (;;) {
        if (buf[p] === QUOTE) {
          // a quoted field: "" is a quote; the field ends at a quote followed by the delimiter or a line end
          const parts: string[] = [];
          let start = p + 1;
          let q = p + 1;
          for (;;) {
            q = buf.indexOf(QUOTE, q);
            if (q === -1) return undefined;
            if (q + 1 >= buf.length && !eof) return undefined;
            if (buf[q + 1] === QUOTE) {
              parts.push(text(start, q + 1));
              q += 2;
              start = q;
              continue;
            }
            break;
          }
          parts.push(text(start, q));
          const field = parts.join('');
          if (field.length > limits.maxCellChars) throw new NotStreamable('cell too long');
          cells.push(field);
          p = q + 1;
        } else {
          // an unquoted field: up to the delimiter or the line end; a quote inside it is read another way by csv-parse
          let q = p;
          while (q < buf.length && buf[q] !== delimByte && buf[q] !== LF && buf[q] !== CR) {
            if (buf[q] === QUOTE) throw new NotStreamable('quote inside a field');
            q++;
          }
          if (q >= buf.length && !eof) return undefined;
          if (q - p > limits.maxCellChars) throw new NotStreamable('cell too long');
          cells.push(q === p ? '' : text(p, q));
          p = q;
        }
        if (p >= buf.length) {
          if (!eof) return undefined;
          return { cells, next: p };
        }
        const b = buf[p];
        if (b === delimByte) {
          p++;
          if (p >= buf.length && !eof) return undefined;
          if (p >= buf.length) {
            cells.push('');
            return { cells, next: p };
          }
          continue;
        }
        if (b === CR) {
          if (p + 1 >= buf.length && !eof) return undefined;
          return { cells, next: p + (buf[p + 1] === LF ? 2 : 1) };
        }
        if (b === LF) return { cells, next: p + 1 };
        // text after a closing quote ("b"c): csv-parse keeps it its own way
        throw new NotStreamable('text after a closing quote');
      }
    }

    if (ascii) reason = 'ascii';
    return {
      records,
      detected: {
        encoding: { value: encoding, reason },
        delimiter: { value: DELIMITER_NAMES[delim] ?? delim, reason: delimiter.reason },
      },
    };
  } finally {
    await fh.close();
  }
}

/** Where the last complete UTF-8 sequence of `buf` ends (the whole buffer at the end of the file). */
function utf8Boundary(buf: Buffer, eof: boolean): number {
  if (eof) return buf.length;
  // back off to the start of a possibly cut multi-byte sequence (at most 3 bytes)
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 3); i--) {
    const b = buf[i]!;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) return i;
  }
  return buf.length;
}
