// Finds the spreadsheet files under the paths a user gives; folders are walked recursively, in a stable order.
import { type BigIntStats, type Dirent, readdirSync, statSync } from 'node:fs';
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

/** A path met in the walk that is not read: a second name of a file already met (a link), or a link to nothing. */
export interface WalkSkipped {
  display: string;
  /**
   * The same file or folder as `sameAs` (a hard or symbolic link, a junction), a link whose target is gone, a folder
   * deeper than MAX_DEPTH below the one given, or a folder that could not be opened.
   */
  why: 'same-file' | 'same-folder' | 'broken-link' | 'too-deep' | 'folder-unreadable';
  sameAs?: string;
  seq: number;
}

export interface WalkResult {
  files: FoundFile[];
  /** Paths that do not exist. */
  missing: string[];
  /** Files in the folders that were passed over (not spreadsheets), relative display paths. */
  passedOver: string[];
  /** The same files as found: the reader looks at their content (a text export may be a register). */
  others: FoundFile[];
  /** Second names of files already found, and links to nothing: said, never read (a file is never counted twice). */
  skipped: WalkSkipped[];
}

function skipEntry(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name === 'node_modules' || name === '__MACOSX';
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The file system as walk sees it. Synchronous on purpose: a stat is a few microseconds, an awaited one ~20 times that,
 * and a folder of 2,000 registers is stat'ed file by file (to know a file reached under two names).
 */
export interface WalkFs {
  /** Undefined when nothing is there (a link to nothing, a file removed meanwhile). */
  stat(p: string): BigIntStats | undefined;
  readdir(p: string): Dirent[];
}

const REAL_FS: WalkFs = {
  stat: (p) => statSync(p, { bigint: true, throwIfNoEntry: false }),
  readdir: (p) => readdirSync(p, { withFileTypes: true }),
};

export interface WalkOptions {
  /** Platform rules for telling two paths apart (Windows: case-insensitive). Default the running one. */
  platform?: Platform;
  fs?: WalkFs;
}

/** Folders deeper than this below the one given are not walked (and said): a loop the file numbers cannot see. */
const MAX_DEPTH = 20;

/** The order files are met in, across one walk (module state: walks do not run concurrently with themselves). */
let seq = 0;

/** What a walk has met: by path, and by the file system's identity of the file (device and file number). */
class Seen {
  private readonly paths = new Set<string>();
  private readonly ids = new Map<string, string>();

  constructor(private readonly platform: Platform) {}

  /** Met this path before (the same name twice, or 溆浦县.xlsx and 溆浦县.XLSX on Windows)? Marks it met. */
  path(abs: string): boolean {
    const key = pathKey(abs, this.platform);
    if (this.paths.has(key)) return true;
    this.paths.add(key);
    return false;
  }

  /** The display of the file met before under another name (a link to it), else undefined; marks it met as `display`. */
  file(st: BigIntStats, display: string): string | undefined {
    // a file system without file numbers (0) tells nothing: the path decides alone
    if (st.ino === 0n) return undefined;
    const key = `${st.dev}:${st.ino}`;
    const before = this.ids.get(key);
    if (before === undefined) this.ids.set(key, display);
    return before;
  }
}

/**
 * The files under `inputs` (files and folders), each once: a file named twice (directly and through its folder, or as
 * 溆浦县.xlsx and 溆浦县.XLSX on Windows) is read once, as first met. A file reached under a second name (a hard link,
 * a symbolic link or junction, a folder given twice) is read once too, and the second name is said (`skipped`).
 * Links inside folders are followed; a folder met again through a link (a loop) is not walked twice.
 */
export async function walkInputs(inputs: string[], cwd = process.cwd(), opts: WalkOptions = {}): Promise<WalkResult> {
  const result: WalkResult = { files: [], missing: [], passedOver: [], others: [], skipped: [] };
  const fs = opts.fs ?? REAL_FS;
  const w: Walk = { fs, out: result, seen: new Seen(opts.platform ?? process.platform), dirs: new Map(), links: [] };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: BigIntStats | undefined;
    try {
      st = fs.stat(abs);
    } catch {
      // not a path this system can look at (a name too long, a folder not allowed): as good as missing
    }
    if (!st) {
      result.missing.push(input);
      continue;
    }
    if (st.isDirectory()) {
      walkDir(w, abs, abs, slashPath(input), st, 0, false);
    } else if (!w.seen.path(abs)) {
      const display = slashPath(input);
      const sameAs = w.seen.file(st, display);
      if (sameAs !== undefined) result.skipped.push({ display, why: 'same-file', sameAs, seq: seq++ });
      else result.files.push({ abs, display, explicit: true, seq: seq++ });
    }
  }
  // links inside the folders last, so a file or folder is named by its real path when the walk meets that too
  for (let link = w.links.shift(); link; link = w.links.shift()) {
    const { root, abs, display, st, depth } = link;
    if (st.isDirectory()) walkDir(w, root, abs, display, st, depth, true);
    else addFile(w, abs, display, st);
  }
  return result;
}

interface Walk {
  fs: WalkFs;
  out: WalkResult;
  seen: Seen;
  /** Folders walked (their display), by device and number: a folder reached again (a link, a loop) is not walked twice. */
  dirs: Map<string, string>;
  /** Links met in folders, followed once the real files and folders are all met. */
  links: { root: string; abs: string; display: string; st: BigIntStats; depth: number }[];
}

/** A file met in a folder; `st` undefined when it could not be looked at (it is read, and what is wrong is said then). */
function addFile(w: Walk, abs: string, display: string, st: BigIntStats | undefined): void {
  if (w.seen.path(abs)) return;
  const sameAs = st ? w.seen.file(st, display) : undefined;
  if (sameAs !== undefined) {
    w.out.skipped.push({ display, why: 'same-file', sameAs, seq: seq++ });
    return;
  }
  if (SPREADSHEET_EXTENSIONS.has(path.extname(abs).toLowerCase())) w.out.files.push({ abs, display, explicit: false, seq: seq++ });
  else {
    w.out.passedOver.push(display);
    w.out.others.push({ abs, display, explicit: false, seq: seq++ });
  }
}

/**
 * Where a folder's entries are and how they are shown, made by hand on a POSIX system: a folder's path (normalised,
 * absolute) and a name readdir gives (no `/`, never `.` or `..`) join as `dir/name`, and that path relative to the
 * folder given is the folder's own relative path then `/name` — what path.join and path.relative give, without
 * normalising and resolving the whole path again for every file (a walk of 2,000 registers: 4,000 passes over paths).
 */
const POSIX_PATHS = path.sep === '/';

/** `viaLink`: reached through a link in a folder (said when it is a folder walked already), not as given or as a real subfolder. */
function walkDir(w: Walk, root: string, dir: string, display: string, dirStat: BigIntStats, depth: number, viaLink: boolean): void {
  if (depth > MAX_DEPTH) {
    w.out.skipped.push({ display, why: 'too-deep', seq: seq++ });
    return;
  }
  if (dirStat.ino !== 0n) {
    const id = `${dirStat.dev}:${dirStat.ino}`;
    const before = w.dirs.get(id);
    if (before !== undefined) {
      // a folder given twice, or inside another given (in either order), is walked once without a word (its files are
      // met as before); a link to a folder already walked is said
      if (viaLink) w.out.skipped.push({ display, why: 'same-folder', sameAs: before, seq: seq++ });
      return;
    }
    w.dirs.set(id, display);
  }
  let entries: Dirent[];
  try {
    entries = w.fs.readdir(dir);
  } catch {
    // a folder this user may not open (Windows' 拒绝访问, a share gone): its files are not read, and that is said
    w.out.skipped.push({ display, why: 'folder-unreadable', seq: seq++ });
    return;
  }
  entries = entries.filter((e) => !skipEntry(e.name) && (e.isDirectory() || e.isFile() || e.isSymbolicLink()));
  entries.sort((a, b) => byName(a.name, b.name));
  // the folder's path relative to `root`, as files inside it are shown: '' for the folder given (depth 0; a folder
  // reached through a link is one deeper), else the folder's own display
  const rel = depth === 0 ? '' : display;
  for (const e of entries) {
    const abs = !POSIX_PATHS ? path.join(dir, e.name) : dir === '/' ? `/${e.name}` : `${dir}/${e.name}`;
    let st: BigIntStats | undefined;
    try {
      st = w.fs.stat(abs);
    } catch {
      // not allowed to look: said below, never left out without a word
    }
    const display = !POSIX_PATHS ? slashPath(path.relative(root, abs)) : rel === '' ? e.name : `${rel}/${e.name}`;
    if (!st) {
      // a link to nothing; a folder that cannot be looked into; a file is read all the same and what is wrong with it
      // is said then (as before the walk asked for file numbers)
      if (e.isSymbolicLink()) w.out.skipped.push({ display, why: 'broken-link', seq: seq++ });
      else if (e.isDirectory()) w.out.skipped.push({ display, why: 'folder-unreadable', seq: seq++ });
      else addFile(w, abs, display, undefined);
      continue;
    }
    if (e.isSymbolicLink()) {
      if (st.isDirectory() || st.isFile()) w.links.push({ root, abs, display, st, depth: depth + 1 });
    } else if (st.isDirectory()) {
      walkDir(w, root, abs, display, st, depth + 1, false);
    } else if (st.isFile()) {
      addFile(w, abs, display, st);
    }
  }
}
