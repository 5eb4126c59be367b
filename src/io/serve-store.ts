// fupin serve's files: one private temp folder per run (fupin-serve-XXXXXX in the system's temp folder, mode 0700),
// holding each batch of uploads and what was made of them; removed when the server stops, and folders left by a run
// that was killed (its process gone) removed at the next start. Uploads are streamed to disk with their size limits.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isInside } from './paths.js';
import type { Readable } from 'node:stream';
import { numbered } from '../serve/upload-name.js';

export const SERVE_PREFIX = 'fupin-serve-';
const OWNER = 'owner.json';
/** A folder of a live run is never removed; one whose owner cannot be told is removed after a week. */
const STALE_MS = 7 * 24 * 3600 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the serve folders of runs that are no longer running. Returns how many were removed. */
export async function removeStaleServeFolders(tmp: string = os.tmpdir()): Promise<number> {
  let removed = 0;
  const names = await readdir(tmp).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(SERVE_PREFIX)) continue;
    const dir = path.join(tmp, name);
    let owner: { pid?: number } | undefined;
    try {
      owner = JSON.parse(await readFile(path.join(dir, OWNER), 'utf8')) as { pid?: number };
    } catch {
      owner = undefined;
    }
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) continue;
    const gone = typeof owner?.pid === 'number' ? owner.pid !== process.pid && !alive(owner.pid) : Date.now() - st.mtimeMs > STALE_MS;
    if (!gone) continue;
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}

/** A new private folder for this run, with its owner's process id (for removeStaleServeFolders). */
export async function makeServeFolder(tmp: string = os.tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, SERVE_PREFIX));
  await writeFile(path.join(dir, OWNER), JSON.stringify({ pid: process.pid, started: new Date().toISOString() }), { mode: 0o600 });
  return dir;
}

export async function makeFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

export class UploadTooBig extends Error {
  constructor(readonly limit: 'file' | 'batch') {
    super(`upload over the ${limit} limit`);
  }
}

export interface StoreLimits {
  /** Bytes one file may have. */
  maxFileBytes: number;
  /** Bytes the batch may still take. */
  batchLeft: number;
}

/**
 * Streams `body` to `parts` under `dir` (parts from uploadPath: no `..`), never overwriting: a taken name gets
 * ` (2)`. Stops and removes the partial file as soon as a limit is passed (UploadTooBig). Returns the path written
 * relative to `dir` (with `/`) and its size.
 */
export async function storeUpload(dir: string, parts: readonly string[], body: Readable, limits: StoreLimits): Promise<{ rel: string; bytes: number }> {
  const folder = path.join(dir, ...parts.slice(0, -1));
  if (!isInside(folder, dir)) throw new Error('outside the batch folder');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const base = parts[parts.length - 1]!;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : numbered(base, n);
    const target = path.join(folder, name);
    let out;
    try {
      out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
      await new Promise<void>((resolve, reject) => {
        out!.once('open', () => resolve());
        out!.once('error', reject);
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    const stream = out;
    let bytes = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (e: unknown): void => {
          body.off('data', onData);
          body.resume();
          reject(e);
        };
        const onData = (chunk: Buffer): void => {
          bytes += chunk.length;
          if (bytes > limits.maxFileBytes) return fail(new UploadTooBig('file'));
          if (bytes > limits.batchLeft) return fail(new UploadTooBig('batch'));
          if (!stream.write(chunk)) {
            body.pause();
            stream.once('drain', () => body.resume());
          }
        };
        body.on('data', onData);
        body.once('end', () => stream.end(() => resolve()));
        body.once('error', fail);
        body.once('aborted', () => fail(new Error('upload aborted')));
        stream.once('error', fail);
      });
    } catch (e) {
      stream.destroy();
      await rm(target, { force: true }).catch(() => undefined);
      throw e;
    }
    return { rel: [...parts.slice(0, -1), name].join('/'), bytes };
  }
}

/** Writes a made file (a download) into the run's folder. */
export async function writeMade(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { mode: 0o600 });
}

export async function readMade(file: string): Promise<Buffer> {
  return readFile(file);
}
