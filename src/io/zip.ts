// Reads the parts of a zip (an .xlsx) from memory: central directory, bounded inflation, clear refusals.
import zlib from 'node:zlib';
import { LimitExceeded } from './limits.js';
import { BytesMemo } from './bytes-memo.js';

/** Why a zip cannot be read. `truncated` and `corrupt` are damage; the others are things fupin does not read. */
export type ZipErrorCode = 'truncated' | 'corrupt' | 'encrypted' | 'method' | 'zip64' | 'multi-disk';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    readonly detail: string,
  ) {
    super(`zip ${code}: ${detail}`);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The name as stored (backslashes turned into slashes). */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  crc32: number;
}

/** An entry's bytes in pieces (ZipArchive.stream). */
export interface ZipStream {
  /**
   * Writes the next bytes into dst[from, dst.length) and says how many. Fewer than asked for: the entry has ended, its
   * size and checksum checked (a ZipError when they are wrong); 0 ever after.
   */
  read(dst: Buffer, from: number): number;
  /** Frees the inflater (when the stream is left before its end). */
  close(): void;
}

/** The parts of a node:zlib InflateRaw that its sync functions drive (node:zlib processChunkSync): not public API, checked before use. */
interface InflateEngine {
  _handle?: { writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void; reset?: () => void };
  _writeState?: Uint32Array;
  destroyed: boolean;
  close(): void;
  on(event: 'error', fn: () => void): void;
}

export interface ZipLimits {
  /** Sum of the uncompressed bytes of all entries read through one archive. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed size of one entry (checked for entries over RATIO_FLOOR bytes). */
  maxCompressionRatio: number;
}

/** Entries smaller than this cannot hurt, whatever their ratio (a 1 MiB run of spaces compresses 1000:1). */
export const RATIO_FLOOR = 1024 * 1024;
/** A real workbook has tens of parts; a directory of more is not a workbook. */
export const MAX_ENTRIES = 100_000;

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** How a part name is looked up: case-insensitive, `\` as `/`, no leading slash. */
export function zipKey(name: string): string {
  // the usual name (no backslash, no leading slash) lower-cased as it is: what the replacements would leave alike
  if (name.indexOf('\\') < 0 && name.charCodeAt(0) !== 0x2f) return name.toLowerCase();
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function safeNumber(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('zip64', `${what} too large`);
  return Number(v);
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf.readUInt32LE(i) === SIG_EOCD) {
      // the comment length must reach exactly (or at most) the end of the file
      if (i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i;
    }
  }
  return -1;
}

/**
 * A raw inflater whose zlib engine can be driven synchronously, as inflateRawSync drives it (node:zlib
 * processChunkSync: `_handle.writeSync`, output room left in `_writeState[0]`), or undefined when this Node's zlib is not
 * as expected. An error destroys it (seen through `destroyed`): the listener keeps it from being thrown later.
 */
function syncInflater(): InflateEngine | undefined {
  const inflate = zlib.createInflateRaw() as unknown as InflateEngine;
  if (typeof inflate._handle?.writeSync !== 'function' || typeof inflate._handle.reset !== 'function' || !(inflate._writeState instanceof Uint32Array)) {
    inflate.close();
    return undefined;
  }
  inflate.on('error', () => {});
  return inflate;
}

/** Parts up to this size are inflated by one engine kept for the process (smallInflate); bigger ones as before. */
export const SMALL_PART = 1024 * 1024;

let shared: InflateEngine | undefined;

/**
 * What smallInflate inflates into when asked to `reuse` (ZipArchive.read's `scratch`): one buffer for every such part, in
 * place of a fresh one per part (a province's 137 registers: a 17 KB worksheet and a 9 KB string table each, ~3.6 MB
 * allocated, counted against the heap's external memory and collected). It is kept for the process (at most 1 MiB + 1,
 * one per thread: each parse worker has its own). What it holds is good only until the next read into it: a caller copies
 * what it keeps (SharedStrings copies an item's bytes; the lean and grid stores keep no view of the part's bytes).
 */
let scratchOut: Buffer | undefined;

/**
 * A small part inflated by one zlib engine reset between parts, instead of a new one per part (inflateRawSync sets up
 * and frees zlib's state and window each time: ~30-70 µs, and a workbook's rels, workbook.xml, styles, shared strings
 * and sheet are five of them — the province's 137 registers ~685). A strict pre-filter: it answers only when zlib
 * ended the stream cleanly with exactly `size` bytes; anything else (damage, a lying size, this Node's zlib not as
 * expected) is undefined and the part is inflated by inflateRawSync as before, which then says what is wrong.
 */
export function smallInflate(data: Buffer, size: number, reuse = false): Buffer | undefined {
  if (size > SMALL_PART) return undefined;
  let engine = shared;
  if (!engine || engine.destroyed) {
    engine = shared = syncInflater();
    if (!engine) return undefined;
  } else {
    engine._handle!.reset!();
  }
  // one byte more than the header says: a stream that goes on past it fills it (a mismatch), and zlib says a stream
  // that ends early or never ends with room left (Z_FINISH) is damaged (the engine is then destroyed)
  let out: Buffer;
  if (!reuse) out = Buffer.allocUnsafe(size + 1);
  else {
    if (!scratchOut || scratchOut.length < size + 1) scratchOut = Buffer.allocUnsafeSlow(Math.min(SMALL_PART + 1, Math.max(size + 1, 64 * 1024, 2 * (scratchOut?.length ?? 0))));
    out = scratchOut;
  }
  engine._handle!.writeSync(zlib.constants.Z_FINISH, data, 0, data.length, out, 0, size + 1);
  if (engine.destroyed) {
    shared = undefined;
    return undefined;
  }
  const n = size + 1 - engine._writeState![0]!;
  return n === size ? out.subarray(0, size) : undefined;
}

/** Parts up to this size (stored and inflated) are kept for readShared: 256 of them at most (sharedParts), ≤ 16 MiB. */
const SHARED_PART = 32 * 1024;
/** Inflated small parts by their stored bytes (readShared). */
const sharedParts = new BytesMemo<Buffer>(256);

export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly list: ZipEntry[] = [];
  /** Names stored more than once (case-insensitively): every copy after the first, by key. */
  private readonly extraCopies = new Map<string, ZipEntry[]>();
  private inflated = 0;

  private constructor(
    private readonly buf: Buffer,
    private readonly limits: ZipLimits,
  ) {}

  /** Read the central directory. Throws ZipError for anything that is not a whole, plain zip. */
  static open(buf: Buffer, limits: ZipLimits): ZipArchive {
    const zip = new ZipArchive(buf, limits);
    zip.readDirectory();
    return zip;
  }

  private readDirectory(): void {
    const buf = this.buf;
    if (buf.length < 22) throw new ZipError('truncated', 'shorter than a zip directory');
    const eocd = findEocd(buf);
    if (eocd < 0) throw new ZipError('truncated', 'no central directory (the file is cut off)');
    const disk = buf.readUInt16LE(eocd + 4);
    const cdDisk = buf.readUInt16LE(eocd + 6);
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (disk !== 0 || cdDisk !== 0) throw new ZipError('multi-disk', 'split across several files');

    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw new ZipError('zip64', 'zip64 marker without its locator');
      const recOffset = safeNumber(buf.readBigUInt64LE(loc + 8), 'zip64 record offset');
      if (recOffset + 56 > buf.length || buf.readUInt32LE(recOffset) !== SIG_ZIP64_EOCD) {
        throw new ZipError('zip64', 'zip64 directory record missing');
      }
      count = safeNumber(buf.readBigUInt64LE(recOffset + 32), 'entry count');
      cdSize = safeNumber(buf.readBigUInt64LE(recOffset + 40), 'directory size');
      cdOffset = safeNumber(buf.readBigUInt64LE(recOffset + 48), 'directory offset');
    }
    if (count > MAX_ENTRIES) throw new ZipError('corrupt', `${count} entries`);
    if (cdOffset + cdSize > buf.length) throw new ZipError('truncated', 'central directory beyond the end of the file');

    let p = cdOffset;
    const end = cdOffset + cdSize;
    for (let n = 0; n < count; n++) {
      if (p + 46 > end || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipError('corrupt', `central directory entry ${n + 1} damaged`);
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc32 = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let uncompressedSize = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen + commentLen > end) throw new ZipError('corrupt', `central directory entry ${n + 1} damaged`);
      const raw = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, nameEnd);
      const name = raw.indexOf('\\') < 0 ? raw : raw.replace(/\\/g, '/');

      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // zip64 extra field (id 1): the 8-byte values, in this order, for those fields that are 0xFFFFFFFF
        let q = nameEnd;
        const extraEnd = nameEnd + extraLen;
        let found = false;
        while (q + 4 <= extraEnd) {
          const id = buf.readUInt16LE(q);
          const size = buf.readUInt16LE(q + 2);
          if (id === 0x0001) {
            let r = q + 4;
            const take = (what: string): number => {
              if (r + 8 > q + 4 + size) throw new ZipError('zip64', `${what} missing from the zip64 field`);
              const v = safeNumber(buf.readBigUInt64LE(r), what);
              r += 8;
              return v;
            };
            if (uncompressedSize === 0xffffffff) uncompressedSize = take('size');
            if (compressedSize === 0xffffffff) compressedSize = take('compressed size');
            if (localOffset === 0xffffffff) localOffset = take('offset');
            found = true;
            break;
          }
          q += 4 + size;
        }
        if (!found) throw new ZipError('zip64', `entry ${name} has no zip64 sizes`);
      }

      const entry: ZipEntry = { name, method, flags, compressedSize, uncompressedSize, localOffset, crc32 };
      this.list.push(entry);
      const key = zipKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, entry);
      else {
        const more = this.extraCopies.get(key) ?? [];
        more.push(entry);
        this.extraCopies.set(key, more);
      }
      p = nameEnd + extraLen + commentLen;
    }
  }

  entries(): readonly ZipEntry[] {
    return this.list;
  }

  /**
   * Parts stored more than once (names compared as find() does): `find` and `read` give the first copy, as the
   * central directory lists it; `differ` says whether another copy holds other bytes (by size and checksum).
   */
  duplicates(): { name: string; copies: number; differ: boolean }[] {
    const out: { name: string; copies: number; differ: boolean }[] = [];
    for (const [key, more] of this.extraCopies) {
      const first = this.byKey.get(key)!;
      const differ = more.some((e) => e.crc32 !== first.crc32 || e.uncompressedSize !== first.uncompressedSize);
      out.push({ name: first.name, copies: more.length + 1, differ });
    }
    return out;
  }

  /** An entry by part name: case-insensitive, `\` or `/`, with or without a leading slash, %-escapes tried both ways. */
  find(name: string): ZipEntry | undefined {
    const key = zipKey(name);
    const hit = this.byKey.get(key);
    if (hit) return hit;
    if (key.includes('%')) {
      try {
        return this.byKey.get(zipKey(decodeURIComponent(key)));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** Uncompressed bytes read so far through this archive. */
  get bytesInflated(): number {
    return this.inflated;
  }

  /** An entry's stored (compressed) bytes, after the checks made before inflating: encryption, method, limits, local header. */
  private dataOf(entry: ZipEntry): Buffer {
    const buf = this.buf;
    const { name } = entry;
    if (entry.flags & 0x1) throw new ZipError('encrypted', name);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError('method', `${name}: compression method ${entry.method}`);

    const remaining = this.limits.maxUncompressedBytes - this.inflated;
    if (entry.uncompressedSize > remaining) {
      throw new LimitExceeded('maxUncompressedBytes', this.inflated + entry.uncompressedSize, this.limits.maxUncompressedBytes);
    }
    if (entry.uncompressedSize > RATIO_FLOOR) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > this.limits.maxCompressionRatio) {
        throw new LimitExceeded('maxCompressionRatio', Math.round(ratio), this.limits.maxCompressionRatio);
      }
    }

    const lh = entry.localOffset;
    if (lh + 30 > buf.length) throw new ZipError('truncated', `${name}: beyond the end of the file`);
    if (buf.readUInt32LE(lh) !== SIG_LOCAL) throw new ZipError('corrupt', `${name}: local header missing`);
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const stop = start + entry.compressedSize;
    if (stop > buf.length) throw new ZipError('truncated', `${name}: data cut off`);
    return buf.subarray(start, stop);
  }

  /**
   * read(entry), for a small part that many workbooks of a folder store byte for byte alike (a template's rels,
   * workbook.xml, styles): the bytes inflated before from the very same stored bytes (same checksum, sizes and data:
   * inflating is deterministic, so they are what inflating again would give and the checksum already held), else read's.
   * The limits are kept as read keeps them. The bytes returned may be shared with other reads: never write to them.
   */
  readShared(entry: ZipEntry): Buffer {
    if (entry.method !== 8 || entry.compressedSize > SHARED_PART || entry.uncompressedSize > SHARED_PART || entry.uncompressedSize === 0) return this.read(entry);
    const data = this.dataOf(entry);
    // a part inflated before is counted as inflated again (the limits as read keeps them)
    let made = false;
    const out = sharedParts.get(`${entry.crc32 >>> 0}:${entry.uncompressedSize}:${entry.compressedSize}`, data, () => {
      made = true;
      return this.read(entry);
    });
    if (!made) this.inflated += out.length;
    return out;
  }

  /**
   * The uncompressed bytes of one entry. Enforces the limits before and while inflating. `scratch`: a small part may be
   * inflated into a buffer every such read uses again (smallInflate): its bytes are good only until the next scratch
   * read — for a part scanned at once, nothing of whose bytes is kept (copies and strings are).
   */
  read(entry: ZipEntry, scratch = false): Buffer {
    const data = this.dataOf(entry);
    const { name } = entry;

    let out: Buffer | undefined;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw new ZipError('corrupt', `${name}: stored sizes differ`);
      out = data;
    } else if (entry.uncompressedSize === 0) {
      out = Buffer.alloc(0);
    } else if (!(out = smallInflate(data, entry.uncompressedSize, scratch))) {
      try {
        // the header's size is the most we accept: a lying header cannot make us allocate more
        // and inflating into one buffer of that size (up to 32 MiB) saves gathering 16 KiB pieces and copying them together
        out = zlib.inflateRawSync(data, { maxOutputLength: entry.uncompressedSize, chunkSize: Math.max(64, Math.min(entry.uncompressedSize, 32 * 1024 * 1024)) });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('corrupt', `${name}: larger than its header says`);
        throw new ZipError(code === 'Z_BUF_ERROR' ? 'truncated' : 'corrupt', `${name}: ${(e as Error).message}`);
      }
      if (out.length !== entry.uncompressedSize) throw new ZipError('corrupt', `${name}: ${out.length} bytes, header says ${entry.uncompressedSize}`);
    }
    const crc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
    if (crc && crc(out) >>> 0 !== entry.crc32 >>> 0) throw new ZipError('corrupt', `${name}: checksum mismatch`);
    this.inflated += out.length;
    return out;
  }

  /**
   * An entry's uncompressed bytes in pieces, for a big part scanned as it is inflated (never held whole: a 14 MB worksheet
   * costs a 1 MiB window, and no fresh memory to fault in). Undefined when this Node cannot do it (no zlib.crc32 to check
   * the pieces with, or zlib's engine not as expected): read the entry whole. Throws as `read` does before inflating;
   * while inflating, a ZipError for anything `read` would refuse (the caller then reads the entry whole, to refuse it as
   * `read` does). The stream counts as read (bytesInflated) once its last piece has been checked.
   */
  stream(entry: ZipEntry): ZipStream | undefined {
    const data = this.dataOf(entry);
    const crc32 = (zlib as unknown as { crc32?: (d: Uint8Array, value?: number) => number }).crc32;
    if (!crc32) return undefined;
    const { name, uncompressedSize } = entry;
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw new ZipError('corrupt', `${name}: stored sizes differ`);
    let engine: InflateEngine | undefined;
    if (entry.method === 8) {
      // zlib's own sync engine, as inflateRawSync drives it: one input, output into our window
      engine = syncInflater();
      if (!engine) return undefined;
    }
    let inOff = 0;
    let total = 0;
    let crc = 0;
    let done = false;
    const finish = (): void => {
      done = true;
      engine?.close();
      if (total !== uncompressedSize) throw new ZipError('corrupt', `${name}: ${total} bytes, header says ${uncompressedSize}`);
      if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipError('corrupt', `${name}: checksum mismatch`);
      this.inflated += total;
    };
    return {
      read: (dst: Buffer, from: number): number => {
        if (done) return 0;
        const room = dst.length - from;
        let n: number;
        if (!engine) {
          n = Math.min(room, data.length - inOff);
          data.copy(dst, from, inOff, inOff + n);
          inOff += n;
        } else {
          const availIn = data.length - inOff;
          engine._handle!.writeSync(zlib.constants.Z_FINISH, data, inOff, availIn, dst, from, room);
          if (engine.destroyed) {
            done = true;
            throw new ZipError('corrupt', `${name}: damaged data`);
          }
          n = room - engine._writeState![0]!;
          inOff += availIn - engine._writeState![1]!;
        }
        if (n > 0) {
          total += n;
          if (total > uncompressedSize) {
            done = true;
            engine?.close();
            throw new ZipError('corrupt', `${name}: larger than its header says`);
          }
          crc = crc32(dst.subarray(from, from + n), crc);
        }
        // the window not filled: the data has ended (stored bytes used up, or the deflate stream's end)
        if (n < room) finish();
        return n;
      },
      close: () => {
        if (!done) {
          done = true;
          engine?.close();
        }
      },
    };
  }

  /** Read by name; undefined when there is no such part. */
  readPart(name: string): Buffer | undefined {
    const entry = this.find(name);
    return entry ? this.read(entry) : undefined;
  }
}
