// Where a clerk's drop onto fupin.exe writes its results: a new folder beside the first thing dropped, never inside an input.
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isInside } from './paths.js';
import type { Msg } from '../core/model.js';
import { reasonOf, writeFileAtomic } from './safe-write.js';

/** No folder for the results could be made anywhere: why, in the catalogue's words (output/reason-…). */
export class ResultFolderError extends Error {
  constructor(readonly reason: Msg) {
    super(`cannot make a result folder (${reason.id})`);
  }
}

/** Dropped onto the executable by Explorer: every argument is an absolute path to something that exists. */
export function allExistingPaths(argv: readonly string[]): boolean {
  return argv.length > 0 && argv.every((a) => path.isAbsolute(a) && existsSync(a));
}

/** 20261126-0905, local time (what the clerk's clock shows). */
export function folderStamp(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}

/** The folder's name: the first input's name without its extension, then -fupin检查结果-<stamp>. */
export function resultFolderName(inputs: readonly string[], now: Date): string {
  const first = path.resolve(inputs[0]!);
  const isFile = existsSync(first) && statSync(first).isFile();
  const base = (isFile ? path.basename(first, path.extname(first)) : path.basename(first)) || 'fupin';
  // a drive root (D:\) has no name
  return `${base.replace(/[:\\/]/g, '') || 'fupin'}-fupin检查结果-${folderStamp(now)}`;
}

const inside = (child: string, parent: string): boolean => isInside(child, parent);

/** Candidate parents: beside the first input, then the Desktop, then the home folder. */
function parentsFor(inputs: readonly string[]): string[] {
  const home = os.homedir();
  return [path.dirname(path.resolve(inputs[0]!)), path.join(home, 'Desktop'), home];
}

/**
 * Makes the result folder and returns its absolute path: beside the first input unless that is inside an input folder
 * (a dropped drive) or cannot be written (a read-only share, a CD), then on the Desktop, then in the home folder. A
 * folder of that name already there gets -2, -3 … (nothing is ever written into an existing folder).
 */
export async function makeResultFolder(inputs: readonly string[], now: Date): Promise<string> {
  const folders = inputs.map((i) => path.resolve(i)).filter((p) => existsSync(p) && statSync(p).isDirectory());
  const name = resultFolderName(inputs, now);
  let lastError: unknown;
  for (const parent of parentsFor(inputs)) {
    if (!existsSync(parent) || folders.some((f) => inside(parent, f))) continue;
    for (let n = 1; n < 100; n++) {
      const dir = path.join(parent, n === 1 ? name : `${name}-${n}`);
      try {
        await mkdir(dir); // not recursive: fails if it exists, so a fresh folder every time
        return dir;
      } catch (e) {
        lastError = e;
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break; // read-only or refused: try the next parent
      }
    }
  }
  throw new ResultFolderError(reasonOf(lastError));
}

/** Saves the console transcript in the result folder (UTF-8 with BOM, CRLF, so Notepad on any Windows shows the Chinese). */
export async function writeTranscript(file: string, text: string): Promise<void> {
  const body = text.replace(/\r?\n/g, '\r\n');
  await writeFileAtomic(file, Buffer.from(`\uFEFF${body}`, 'utf8'));
}
