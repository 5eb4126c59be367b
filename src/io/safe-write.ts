// Writes an output file atomically (temporary file in the same folder, then rename): missing folders are made, an
// input is never written over nor written inside, an existing file only with force; a rename held up by antivirus or
// OneDrive is retried, a file open in Excel/WPS is named as such. Every refusal is an OutputError with a zh/en message.
import { randomBytes } from 'node:crypto';
import { promises as fsp, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../core/model.js';
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

type Data = Record<string, string>;

/** Why a file or folder could not be written, by error code (one line, no hint of a stack). */
const REASONS: Record<string, Record<Lang, string>> = {
  EACCES: { zh: '没有写权限', en: 'permission denied' },
  EPERM: { zh: '没有写权限', en: 'not permitted' },
  EROFS: { zh: '磁盘或文件夹是只读的', en: 'read-only file system' },
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EDQUOT: { zh: '磁盘配额已用完', en: 'disk quota exceeded' },
  ENAMETOOLONG: { zh: '路径太长', en: 'the path is too long' },
  EBUSY: { zh: '文件正被其他程序占用', en: 'the file is in use by another program' },
  EIO: { zh: '磁盘读写出错', en: 'input/output error' },
};

/** The messages of the refusals, zh and en, by kind. */
export const OUTPUT_MESSAGES: Record<OutputErrorKind, Record<Lang, (d: Data) => string>> = {
  exists: {
    zh: (d) => `文件已存在：${d.target}。加 --force 覆盖`,
    en: (d) => `file exists: ${d.target}; add --force to overwrite it`,
  },
  'is-input': {
    zh: (d) => `不能写到输入文件上：${d.target}。请用 -o 换一个文件名`,
    en: (d) => `will not write over an input file: ${d.target}; choose another name with -o`,
  },
  'inside-input': {
    zh: (d) => `不能写到要读取的文件夹 ${d.input} 里面：${d.target}。下次读取时它会被当成输入，请换一个位置`,
    en: (d) => `will not write inside the input folder ${d.input}: ${d.target}; it would be read as an input next time, choose another place`,
  },
  'is-directory': {
    zh: (d) => `${d.target} 是一个文件夹，请给出文件名，例如 ${d.example}`,
    en: (d) => `${d.target} is a folder; give a file name, e.g. ${d.example}`,
  },
  'not-a-folder': {
    zh: (d) => `无法建立文件夹 ${d.folder}：${d.blocker} 是一个文件，不是文件夹。请换一个路径`,
    en: (d) => `cannot make the folder ${d.folder}: ${d.blocker} is a file, not a folder; choose another path`,
  },
  'folder-failed': {
    zh: (d) => `无法建立文件夹 ${d.folder}：${d.reason_zh}。请换一个有写权限的位置`,
    en: (d) => `cannot make the folder ${d.folder}: ${d.reason_en}; choose a place you can write to`,
  },
  locked: {
    zh: (d) => `文件正被 Excel/WPS 打开，请关闭后重试：${d.target}`,
    en: (d) => `the file is open in Excel/WPS; close it and try again: ${d.target}`,
  },
  'write-failed': {
    zh: (d) => (d.known ? `写不进 ${d.target}：${d.reason_zh}` : `写不进 ${d.target}（${d.reason_zh}）。文件是否在 Excel 里打开着，或没有写权限？`),
    en: (d) => (d.known ? `could not write ${d.target}: ${d.reason_en}` : `could not write ${d.target} (${d.reason_en}): is it open in Excel, or read-only?`),
  },
};

/** Why an output could not be written. The CLI shows `message` (or `zh` / `en`) and exits 2. */
export class OutputError extends Error {
  constructor(
    readonly kind: OutputErrorKind,
    readonly target: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'OutputError';
  }

  /** The message in one language. */
  text(lang: Lang): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

/** An OutputError with its messages from OUTPUT_MESSAGES. */
export function outputError(kind: OutputErrorKind, target: string, data: Data = {}): OutputError {
  const d = { target, ...data };
  return new OutputError(kind, target, OUTPUT_MESSAGES[kind].zh(d), OUTPUT_MESSAGES[kind].en(d));
}

/** The reason words of an error code, and whether they are known. */
function reasonOf(e: unknown): Data {
  const code = (e as NodeJS.ErrnoException)?.code;
  const known = code ? REASONS[code] : undefined;
  const raw = code ?? (e as Error)?.message ?? String(e);
  return known ? { reason_zh: known.zh, reason_en: known.en, known: '1' } : { reason_zh: raw, reason_en: raw };
}

/** The file operations safe-write uses: the real ones, or stand-ins that fail as Windows would (tests). */
export interface FsOps {
  stat(p: string): Promise<Stats>;
  mkdir(p: string, opts: { recursive: true }): Promise<string | undefined>;
  open: typeof fsp.open;
  link(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(p: string, opts: { force: true }): Promise<void>;
}

const REAL_FS: FsOps = {
  stat: (p) => fsp.stat(p),
  mkdir: (p, o) => fsp.mkdir(p, o),
  open: fsp.open,
  link: (a, b) => fsp.link(a, b),
  rename: (a, b) => fsp.rename(a, b),
  rm: (p, o) => fsp.rm(p, o),
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
async function checkNotInput(ops: FsOps, target: string, existing: Stats | undefined, inputs: readonly string[], platform: Platform): Promise<void> {
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
    if (same) throw outputError('is-input', target);
  }
  for (const f of folders) if (isInside(target, f.abs, platform)) throw outputError('inside-input', target, { input: f.input });
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
  if (near.stat && !near.stat.isDirectory()) throw outputError('not-a-folder', target, { folder: dir, blocker: near.existing });
  const existing = near.existing === dir ? await statOrUndefined(ops, abs) : undefined;
  if (existing?.isDirectory()) throw outputError('is-directory', target, { example: path.join(target, '输出.xlsx') });
  await checkNotInput(ops, abs, existing, opts.inputs ?? [], platform);
  if (existing && !opts.force) throw outputError('exists', target);
}

/**
 * Makes `dir` and its missing parents; a folder that cannot be made is an OutputError with a one-line reason
 * (no permission, read-only, a file in the way). Returns the absolute path.
 */
export async function ensureFolder(dir: string, opts: Pick<SafeWriteOptions, 'fs'> = {}): Promise<string> {
  const ops = opsOf(opts);
  const abs = path.resolve(dir);
  try {
    await ops.mkdir(abs, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      const near = await nearestFolder(ops, abs);
      throw outputError('not-a-folder', dir, { folder: dir, blocker: near.existing });
    }
    throw outputError('folder-failed', dir, { folder: dir, ...reasonOf(e) });
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
  return path.join(path.dirname(abs), `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
  return outputError('write-failed', target, reasonOf(e));
}

/**
 * Writes `bytes` to `target`: makes missing folders, refuses an existing file unless `force`, refuses an input and a
 * place inside an input folder always, writes a temporary file beside the target and renames it into place (retried
 * while antivirus or OneDrive holds it), so a reader never sees half a file. The temporary file is removed on failure
 * and on Ctrl-C. Returns the absolute path written. Throws OutputError; never prints.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, opts: SafeWriteOptions = {}): Promise<string> {
  const ops = opsOf(opts);
  const platform = opts.platform ?? process.platform;
  await checkOutput(target, opts);
  const abs = path.resolve(target);
  await ensureFolder(path.dirname(abs), opts);

  const tmp = temporaryName(abs);
  pending.add(tmp);
  hook();
  try {
    const fh = await ops.open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
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
          if (code === 'EEXIST' || (await statOrUndefined(ops, abs))) throw outputError('exists', target);
          await withRetry(() => ops.rename(tmp, abs), opts);
        }
      }
    } catch (e) {
      if (e instanceof OutputError) throw e;
      throw await finalFailure(ops, e, target, abs, platform);
    }
    return abs;
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw outputError('write-failed', target, reasonOf(e));
  } finally {
    await ops.rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
    if (pending.size === 0) unhook();
  }
}

/** A path as a message shows it: relative to `cwd`, or absolute when it lies outside (where ../../ would say less). */
export function shownPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

/** How a written file is reported: "已写出：<path>" (shownPath), in the platform's own separators. */
export function writtenMessage(abs: string, cwd: string, lang: Lang): string {
  const shown = shownPath(abs, cwd);
  return lang === 'en' ? `written: ${shown}` : `已写出：${shown}`;
}
