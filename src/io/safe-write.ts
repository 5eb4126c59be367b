// Writes an output file atomically (temporary file in the same folder, then rename): never over an input, never over an existing file without force.
import { randomBytes } from 'node:crypto';
import { promises as fsp, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';

export type OutputErrorKind = 'exists' | 'is-input' | 'is-directory' | 'no-folder' | 'write-failed';

/** Why an output could not be written. The CLI shows `message` (Chinese / English) and exits 2. */
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
}

export interface SafeWriteOptions {
  /** Overwrite an existing file (never an input, even with force). */
  force?: boolean;
  /** Files (or folders) the command read: the output may not be one of them. */
  inputs?: readonly string[];
}

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fsp.stat(p);
  } catch {
    return undefined;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Refuses when `target` is one of the inputs: same file by device and inode (so symlinks, hard links and case variants count). */
async function checkNotInput(target: string, existing: Stats | undefined, inputs: readonly string[]): Promise<void> {
  const resolved = path.resolve(target);
  for (const input of inputs) {
    const st = await statOrUndefined(input);
    const same = existing && st ? sameFile(existing, st) : path.resolve(input) === resolved;
    if (same) {
      throw new OutputError(
        'is-input',
        target,
        `不能写到输入文件上：${target}。请用 -o 换一个文件名`,
        `will not write over an input file: ${target}; choose another name with -o`,
      );
    }
  }
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
 * Writes `bytes` to `target`: refuses an existing file unless `force`, refuses an input always, writes a temporary file
 * beside the target and renames it into place, so a reader never sees half a file. The temporary file is removed on
 * failure and on Ctrl-C. Returns the absolute path written. Throws OutputError; never prints.
 */
/**
 * The refusals writeFileAtomic would give, checked now: a command calls it before a long read so the clerk is not
 * told at the end. Throws OutputError.
 */
export async function checkOutput(target: string, opts: SafeWriteOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const dirStat = await statOrUndefined(dir);
  if (!dirStat?.isDirectory()) {
    throw new OutputError('no-folder', target, `文件夹不存在：${dir}。请先建好文件夹或换一个路径`, `folder does not exist: ${dir}`);
  }
  const existing = await statOrUndefined(abs);
  if (existing?.isDirectory()) {
    throw new OutputError('is-directory', target, `${target} 是一个文件夹，请给出文件名，例如 ${path.join(target, '输出.xlsx')}`, `${target} is a folder; give a file name`);
  }
  await checkNotInput(abs, existing, opts.inputs ?? []);
  if (existing && !opts.force) {
    throw new OutputError('exists', target, `文件已存在：${target}。加 --force 覆盖`, `file exists: ${target}; add --force to overwrite it`);
  }
}

/** What an output holds: its bytes, or its chunks in order (written as they come: a large output is never one buffer). */
export type OutputBytes = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export async function writeFileAtomic(target: string, bytes: OutputBytes, opts: SafeWriteOptions = {}): Promise<string> {
  await checkOutput(target, opts);
  const abs = path.resolve(target);
  const dir = path.dirname(abs);

  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(tmp);
  hook();
  try {
    const fh = await fsp.open(tmp, 'wx');
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
    if (opts.force) {
      await fsp.rename(tmp, abs);
    } else {
      // No-clobber: link fails if a file appeared meanwhile. Folders on FAT/exFAT USB drives cannot link: check, then rename.
      try {
        await fsp.link(tmp, abs);
        await fsp.unlink(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputError('exists', target, `文件已存在：${target}。加 --force 覆盖`, `file exists: ${target}; add --force to overwrite it`);
        if (await statOrUndefined(abs)) throw new OutputError('exists', target, `文件已存在：${target}。加 --force 覆盖`, `file exists: ${target}; add --force to overwrite it`);
        await fsp.rename(tmp, abs);
      }
    }
    return abs;
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError('write-failed', target, `写不进 ${target}（${reason}）。文件是否在 Excel 里打开着，或没有写权限？`, `could not write ${target} (${reason}): is it open in Excel, or read-only?`);
  } finally {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
    if (pending.size === 0) unhook();
  }
}
