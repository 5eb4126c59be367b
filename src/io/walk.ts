// Finds the spreadsheet files under the paths a user gives; folders are walked recursively, in a stable order.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { slashPath } from './display-path.js';
import { pathKey, type Platform } from './paths.js';

/** Extensions fupin reads or knows how to refuse; other files in a mailbox folder (.docx, .pdf, .jpg …) are passed over. */
export const SPREADSHEET_EXTENSIONS = new Set([
  '.xlsx', '.xlsm', '.xltx', '.xltm', '.csv', '.tsv', '.xls', '.xlt', '.et', '.ett', '.ods', '.fods', '.xlsb', '.numbers',
]);

export interface FoundFile {
  /** Absolute path. */
  abs: string;
  /** Path to show: relative to the folder given, or as typed for a file given directly. */
  display: string;
  /** Named directly on the command line (read whatever its extension). */
  explicit: boolean;
  /** Its place in the walk (inputs in the order given, folders in name order): files and others together. */
  seq?: number;
}

export interface WalkResult {
  files: FoundFile[];
  /** Paths that do not exist. */
  missing: string[];
  /** Files in the folders that were passed over (not spreadsheets), relative display paths. */
  passedOver: string[];
  /** The same files as found: the reader looks at their content (a text export may be a register). */
  others: FoundFile[];
}

function skipEntry(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name === 'node_modules' || name === '__MACOSX';
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The file system as walk sees it; tests stand in Windows' case-insensitive one. */
export interface WalkFs {
  stat: typeof stat;
  readdir: typeof readdir;
}

export interface WalkOptions {
  /** Platform rules for telling two paths apart (Windows: case-insensitive). Default the running one. */
  platform?: Platform;
  fs?: WalkFs;
}

/** The order files are met in, across one walk (module state: walks do not run concurrently with themselves). */
let seq = 0;

/**
 * The files under `inputs` (files and folders), each once: a file named twice (directly and through its folder, or as
 * 溆浦县.xlsx and 溆浦县.XLSX on Windows) is read once, as first met.
 */
export async function walkInputs(inputs: string[], cwd = process.cwd(), opts: WalkOptions = {}): Promise<WalkResult> {
  const result: WalkResult = { files: [], missing: [], passedOver: [], others: [] };
  const platform = opts.platform ?? process.platform;
  const fs = opts.fs ?? { stat, readdir };
  const seen = new Set<string>();
  const first = (abs: string): boolean => {
    const key = pathKey(abs, platform);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st;
    try {
      st = await fs.stat(abs);
    } catch {
      result.missing.push(input);
      continue;
    }
    if (st.isDirectory()) {
      await walkDir(fs, abs, abs, result, first, 0);
    } else if (first(abs)) {
      result.files.push({ abs, display: slashPath(input), explicit: true, seq: seq++ });
    }
  }
  return result;
}

async function walkDir(fs: WalkFs, root: string, dir: string, out: WalkResult, first: (abs: string) => boolean, depth: number): Promise<void> {
  if (depth > 20) return;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const e of entries) {
    if (skipEntry(e.name)) continue;
    const abs = path.join(dir, e.name);
    const display = slashPath(path.relative(root, abs));
    if (e.isDirectory()) {
      await walkDir(fs, root, abs, out, first, depth + 1);
    } else if (e.isFile()) {
      if (!first(abs)) continue;
      if (SPREADSHEET_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.files.push({ abs, display, explicit: false, seq: seq++ });
      else {
        out.passedOver.push(display);
        out.others.push({ abs, display, explicit: false, seq: seq++ });
      }
    }
  }
}
