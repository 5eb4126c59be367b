// The ledger: everything read from the inputs of one command, classified — registers with their areas, 统计表, quota tables,
// fupin's own outputs, files passed over and files that could not be read. Built by LedgerBuilder (pure), from what io loads.
import type { Detected, Msg, Problem, Register, SourceFormat } from '../model.js';
import type { OrgRegistry } from '../orgs.js';
import type { ProvinceProfile } from '../profile.js';
import type { StatsTableRead } from '../stats-table.js';

/** What a file turned out to be. */
export type FileKind =
  | 'register'
  | 'stats'
  | 'quota-table'
  /** A roster (--roster) or focus list (--focus) met among the inputs: read as such, never counted as a register. */
  | 'roster'
  | 'focus-list'
  /** fupin wrote it (its mark, or its shape when the mark is gone): never counted as a register. */
  | 'own-output'
  /** Not a register (no header), or empty: a finding. */
  | 'not-register'
  | 'unreadable';

/** fupin's mark in the workbooks it writes (a custom document property), or what the shape says it is. */
export interface OwnOutput {
  /** annotated, cards, quota-progress, publish, diff … (OUTPUT_KINDS). */
  kind: string;
  /** How it was recognised: the mark, or the shape (the mark is lost when WPS or Excel re-saves some files). */
  via: 'mark' | 'shape';
  /** The register it was made from, when the mark says. */
  source?: string;
}

/** A 统计表 found in a file: where, and what it says. */
export interface StatsTableFound {
  file: string;
  sheet: string;
  read: StatsTableRead;
  /** The city its 填报单位 line, title or folder names, when known. */
  city?: string;
}

/** One register as read: its header, area and counts (rows went to the visitors), and what each visitor made of it. */
export interface RegisterEntry {
  register: Register;
  /** What the visitors returned at its end, by visitor name. */
  results: Record<string, unknown>;
}

export interface LedgerFile {
  /** As the user should see it: relative to the folder given, `/` separators. */
  file: string;
  abs: string;
  kind: FileKind;
  format?: SourceFormat;
  detected: Detected;
  registers: RegisterEntry[];
  tables: StatsTableFound[];
  ownOutput?: OwnOutput;
  /** Sheets that held nothing fupin reads (a 说明 sheet beside the register). */
  otherSheets: string[];
  /** Why the file is not used, for kinds not-register and unreadable (a file problem). */
  failure?: Problem;
}

/** A file in a folder that is no spreadsheet or table fupin reads, and what it is instead. */
export interface PassedOver {
  file: string;
  /** What it looks like: a Word document, a PDF, a picture, a text note … (a `passed/…` message). */
  why: Msg;
}

export interface Ledger {
  profile: ProvinceProfile;
  files: LedgerFile[];
  passedOver: PassedOver[];
  registry?: OrgRegistry;
  /** Where the registry came from, and its problems (bad 类型 cells). */
  registryFile?: string;
  registryProblems: Problem[];
}

/** Every register of the ledger, in input order. */
export function registersOf(ledger: Ledger): RegisterEntry[] {
  return ledger.files.flatMap((f) => f.registers);
}
