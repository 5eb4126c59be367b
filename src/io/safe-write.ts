// Writes an output file atomically (temporary file in the same folder, then rename): missing folders are made, an
// input is never written over nor written inside, an existing file only with force; a rename held up by antivirus or
// OneDrive is retried, a file open in Excel/WPS is named as such. Every refusal is an OutputError carrying a catalogue
// message (output/…, src/formatters/catalogue/output.ts); this module never puts words together itself.
import { unlinkSync, type Stats } from 'node:fs';
// (fs/promises, not fs.promises: the bundles load it when a function of it is first called, scripts/bundle.mjs lazyBuiltins)
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Msg } from '../core/model.js';
import { shownPath } from './display-path.js';
import { isInside, pathKey, type Platform } from './paths.js';

export type OutputErrorKind =
  | 'exists'
  | 'is-input'
  | 'inside-input'
  | 'is-directory'
  | 'not-a-folder'
  | 'folder-failed'
  | 'locked'
  | 'write-failed';

/** Error codes whose reason the catalogue words (output/reason-<code>); others are named by their code. */
const KNOWN_REASONS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'EBUSY', 'EIO']);

/** Why an output could not be written: its kind, the file, and the message (rendered by the CLI in the run's language). */
export class OutputError extends Error {
  constructor(
    readonly kind: OutputErrorKind,
    readonly target: string,
    readonly msg: Msg,
  ) {
    super(msg.id);
    this.name = 'OutputError';
  }
}

/** An OutputError of `kind` about `target`; the message is output/<kind> filled from `data` (and `target`). */
export function outputError(kind: OutputErrorKind, target: string, data: Msg['data'] = {}): OutputError {
  return new OutputError(kind, target, { id: `output/${kind}`, data: { target, ...data } });
}

/**
 * Why an operation failed, as a message: a known error code in words (no permission, disk full …), else the code itself
 * ("EINVAL"), else "reason unknown" — never an English error text inside a Chinese sentence.
 */
export function reasonOf(e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && KNOWN_REASONS.has(code)) return { id: `output/reason-${code.toLowerCase()}` };
  if (code) return { id: 'output/reason-code', data: { code } };
  return { id: 'output/reason-unknown' };
}

/** The file operations safe-write uses: the real ones, or stand-ins that fail as Windows would (tests). */
export interface FsOps {
  stat(p: string): Promise<Stats>;
  mkdir(p: string, opts: { recursive: true }): Promise<string | undefined>;
  open: typeof open;
  link(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(p: string, opts: { force: true }): Promise<void>;
}

const REAL_FS: FsOps = {
  stat: (p) => stat(p),
  mkdir: (p, o) => mkdir(p, o),
  open: (...a) => open(...a),
  link: (a, b) => link(a, b),
  rename: (a, b) => rename(a, b),
  rm: (p, o) => rm(p, o),
};

export interface SafeWriteOptions {
  /** Overwrite an existing file (never an input, even with force). */
  force?: boolean;
  /**
   * What the command read: files the output may not be, folders it may not lie inside (the next run would read it
   * as an input).
   */
  inputs?: readonly string[];
  /** Platform rules (Windows: case-insensitive paths, locked files); default the running one. */
  platform?: Platform;
  /** File operations (tests simulate Windows failures); default node:fs. */
  fs?: Partial<FsOps>;
  /** Waits between retries, in ms (tests pass a no-op); default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Paths in messages are shown from this folder (relative inside it, `/` between folders); default as given. */
  cwd?: string;
}

/** A path as a refusal shows it. */
function shown(opts: Pick<SafeWriteOptions, 'cwd'>, p: string): string {
  return opts.cwd ? shownPath(opts.cwd, p) : p;
}

/** Waits before each retry of the final rename (or link) held up by antivirus or OneDrive: ~3 s in all. */
export const RENAME_RETRY_MS: readonly number[] = [100, 200, 400, 800, 1600];

/** Error codes of a file held open by another program (Windows: Excel, WPS, antivirus, OneDrive). */
const BUSY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

function opsOf(opts: SafeWriteOptions): FsOps {
  return { ...REAL_FS, ...opts.fs };
}

async function statOrUndefined(ops: FsOps, p: string): Promise<Stats | undefined> {
  try {
    return await ops.stat(p);
  } catch {
    return undefined;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.ino !== 0;
}

/**
 * Refuses when `target` is one of the inputs (same file by device and inode, so symlinks and hard links count; else
 * same path, case-insensitively on Windows) or lies inside an input folder.
 */
async function checkNotInput(ops: FsOps, target: string, existing: Stats | undefined, opts: SafeWriteOptions, platform: Platform): Promise<void> {
  const inputs = opts.inputs ?? [];
  const folders: { input: string; abs: string }[] = [];
  // the same file first (the more precise refusal), then the folders it may not lie inside
  for (const input of inputs) {
    const abs = path.resolve(input);
    const st = await statOrUndefined(ops, abs);
    if (st?.isDirectory()) {
      folders.push({ input, abs });
      continue;
    }
    const same = (existing && st && sameFile(existing, st)) || pathKey(abs, platform) === pathKey(target, platform);
    if (same) throw outputError('is-input', shown(opts, target));
  }
  for (const f of folders) {
    if (!isInside(target, f.abs, platform)) continue;
    // a file already inside an input folder is one of the inputs (it was read, or passed over): named as such
    if (existing && !existing.isDirectory()) throw outputError('is-input', shown(opts, target));
    throw outputError('inside-input', shown(opts, target), { input: shown(opts, f.abs) });
  }
}

/** The nearest folder of `dir` that exists, and the first missing one below it (undefined when `dir` exists). */
async function nearestFolder(ops: FsOps, dir: string): Promise<{ existing: string; stat: Stats | undefined }> {
  let at = dir;
  for (;;) {
    const st = await statOrUndefined(ops, at);
    if (st) return { existing: at, stat: st };
    const up = path.dirname(at);
    if (up === at) return { existing: at, stat: undefined };
    at = up;
  }
}

/**
 * The refusals writeFileAtomic would give, checked now: a command calls it before a long read so the clerk is not
 * told at the end. A folder that does not exist yet is fine (it will be made) unless a file stands in its way.
 * Throws OutputError.
 */
export async function checkOutput(target: string, opts: SafeWriteOptions = {}): Promise<void> {
  const ops = opsOf(opts);
  const platform = opts.platform ?? process.platform;
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const near = await nearestFolder(ops, dir);
  if (near.stat && !near.stat.isDirectory()) throw outputError('not-a-folder', shown(opts, target), { folder: shown(opts, dir), blocker: shown(opts, near.existing) });
  const existing = near.existing === dir ? await statOrUndefined(ops, abs) : undefined;
  if (existing?.isDirectory()) throw outputError('is-directory', shown(opts, target), { example: shown(opts, path.join(abs, path.basename(abs) + '.xlsx')) });
  await checkNotInput(ops, abs, existing, opts, platform);
  if (existing && !opts.force) throw outputError('exists', shown(opts, target));
}

/**
 * Makes `dir` and its missing parents; a folder that cannot be made is an OutputError with a one-line reason
 * (no permission, read-only, a file in the way). Returns the absolute path.
 */
export async function ensureFolder(dir: string, opts: Pick<SafeWriteOptions, 'fs' | 'cwd'> = {}): Promise<string> {
  const ops = opsOf(opts);
  const abs = path.resolve(dir);
  try {
    await ops.mkdir(abs, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      const near = await nearestFolder(ops, abs);
      throw outputError('not-a-folder', shown(opts, dir), { folder: shown(opts, abs), blocker: shown(opts, near.existing) });
    }
    throw outputError('folder-failed', shown(opts, dir), { folder: shown(opts, abs), reason: reasonOf(e) });
  }
  return abs;
}

const pending = new Set<string>();
let hooked = false;

function removeSync(p: string): void {
  try {
    unlinkSync(p);
  } catch {
    // already gone
  }
}

/** On Ctrl-C (or an exit in the middle of a write) remove the temporary files, then let the signal do what it would have done. */
function onSignal(signal: NodeJS.Signals): void {
  for (const p of pending) removeSync(p);
  pending.clear();
  unhook();
  process.kill(process.pid, signal);
}
function onExit(): void {
  for (const p of pending) removeSync(p);
}
function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
}
function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('exit', onExit);
}

/**
 * The temporary file beside `abs`: hidden (a leading dot, which walk passes over), unique to this process and call,
 * and short enough for a 255-byte name limit however long the target's name (Chinese names take 3 bytes a character).
 */
export function temporaryName(abs: string): string {
  const base = [...path.basename(abs)].slice(0, 40).join('');
  // Web Crypto's getter loads node:crypto only when a file is written (importing it costs every run ~8 ms at start)
  const random = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(6))).toString('hex');
  return path.join(path.dirname(abs), `.${base}.${process.pid}.${random}.tmp`);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `op`, retried after the waits of RENAME_RETRY_MS while it fails as a file held open by another program does. */
async function withRetry(op: () => Promise<void>, opts: SafeWriteOptions): Promise<void> {
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!BUSY_CODES.has(code) || attempt >= RENAME_RETRY_MS.length) throw e;
      // EACCES is a real permission problem except on Windows, where a locked file reports it too
      if (code === 'EACCES' && (opts.platform ?? process.platform) !== 'win32') throw e;
      await sleep(RENAME_RETRY_MS[attempt]!);
    }
  }
}

/** The final step failed: a locked file on Windows (or with Excel's ~$ lock file beside it), else the reason. */
async function finalFailure(ops: FsOps, e: unknown, target: string, abs: string, platform: Platform): Promise<OutputError> {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const lockFile = path.join(path.dirname(abs), `~$${path.basename(abs)}`);
  if (BUSY_CODES.has(code) && (platform === 'win32' || (await statOrUndefined(ops, lockFile)))) return outputError('locked', target);
  return outputError('write-failed', target, { reason: reasonOf(e) });
}

/** What an output holds: its bytes, or its chunks in order (written as they come: a large output is never one buffer). */
export type OutputBytes = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Writes `bytes` to `target`: makes missing folders, refuses an existing file unless `force`, refuses an input and a
 * place inside an input folder always, writes a temporary file beside the target and renames it into place (retried
 * while antivirus or OneDrive holds it), so a reader never sees half a file. The temporary file is removed on failure
 * and on Ctrl-C. Returns the absolute path written. Throws OutputError; never prints.
 */
export async function writeFileAtomic(target: string, bytes: OutputBytes, opts: SafeWriteOptions = {}): Promise<string> {
  const ops = opsOf(opts);
  const platform = opts.platform ?? process.platform;
  await checkOutput(target, opts);
  const abs = path.resolve(target);
  const show = shown(opts, target);
  await ensureFolder(path.dirname(abs), opts);

  const tmp = temporaryName(abs);
  pending.add(tmp);
  hook();
  try {
    const fh = await ops.open(tmp, 'wx');
    try {
      if (bytes instanceof Uint8Array) await fh.writeFile(bytes);
      else {
        for await (const chunk of bytes) {
          for (let done = 0; done < chunk.length; ) done += (await fh.write(chunk, done, chunk.length - done)).bytesWritten;
        }
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      if (opts.force) {
        await withRetry(() => ops.rename(tmp, abs), opts);
      } else {
        // No-clobber: link fails if a file appeared meanwhile. Folders on FAT/exFAT USB drives cannot link: check, then rename.
        try {
          await ops.link(tmp, abs);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EEXIST' || (await statOrUndefined(ops, abs))) throw outputError('exists', show);
          await withRetry(() => ops.rename(tmp, abs), opts);
        }
      }
    } catch (e) {
      if (e instanceof OutputError) throw e;
      throw await finalFailure(ops, e, show, abs, platform);
    }
    return abs;
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw outputError('write-failed', show, { reason: reasonOf(e) });
  } finally {
    await ops.rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
    if (pending.size === 0) unhook();
  }
}
