// Reads every register under the given paths: walk, load, find the registers, give each its area.
import path from 'node:path';
import { resolveArea } from '../core/area.js';
import type { DivisionIndex } from '../core/divisions.js';
import { findRegisters, type FoundRegisters } from '../core/inspect.js';
import type { Detected } from '../core/model.js';
import type { EncodingName } from './csv.js';
import { loadDivisions } from './divisions.js';
import { loadFile } from './load.js';
import { walkInputs } from './walk.js';

export interface ReadOptions {
  encoding?: EncodingName;
  /** --area: the area of every register read (overrides the path and the sheet). */
  area?: string;
  maxBytes?: number;
  /** Called after each file (progress bars). */
  onFile?: (done: number, total: number, file: string) => void;
}

export interface ReadFile extends FoundRegisters {
  file: string;
  abs: string;
  detected: Detected;
}

export interface ReadResult {
  files: ReadFile[];
  /** Inputs that do not exist. */
  missing: string[];
  /** Files in the folders that are not spreadsheets. */
  passedOver: string[];
  divisions: DivisionIndex;
}

export async function readRegisters(inputs: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const [walk, divisions] = await Promise.all([walkInputs(inputs), loadDivisions()]);
  const files: ReadFile[] = [];
  let done = 0;
  for (const f of walk.files) {
    const loaded = await loadFile(f, { ...(opts.encoding ? { encoding: opts.encoding } : {}), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
    const pathSegments = f.abs.split(path.sep).filter(Boolean);
    const found = findRegisters(loaded, (titleLines) =>
      resolveArea({ ...(opts.area ? { flag: opts.area } : {}), pathSegments, sheetLines: titleLines }, divisions),
    );
    files.push({ ...found, file: loaded.file, abs: loaded.abs, detected: loaded.detected });
    opts.onFile?.(++done, walk.files.length, f.display);
  }
  return { files, missing: walk.missing, passedOver: walk.passedOver, divisions };
}
