// Builds the Ledger from what io loaded (pure): decides what each file is, finds its registers and gives each its area, reads
// 统计表, and sends every register's rows through the command's visitors as they are read — rows are never kept, so a big
// CSV streams through every command alike.
import { resolveArea } from '../area.js';
import { COLUMN_BY_KEY, REQUIRED_KEYS } from '../columns.js';
import { FILE_PROBLEMS, type FileProblemId } from '../file-problems.js';
import type { AreaGuess, Detected, Problem, RawSheet, Register, RegisterRow, SourceFormat } from '../model.js';
import type { ProvinceProfile } from '../profile.js';
import { looksLikeQuotaTable } from '../quota/detect.js';
import { scanSheet, TextSheetScanner, type SheetScan } from '../register.js';
import { rowCountOf, sheetHasText } from '../sheet-rows.js';
import { looksLikeStatsTable, readStatsTable } from '../stats-table.js';
import type { FileKind, Ledger, LedgerFile, OwnOutput, PassedOver, RegisterEntry, StatsTableFound } from './model.js';
import { ownOutputByShape, readAs } from './own-output.js';

/** What a command does with each register's rows: one visitor per register, fed every pairing row, asked for its result at the end. */
export interface RegisterVisitor {
  row(row: RegisterRow): void;
  end(): unknown;
}

export interface VisitorSpec {
  /** Where its result goes in RegisterEntry.results. */
  name: string;
  /** A visitor for this register (its area is set), or undefined to skip it. */
  create(register: Register, file: LedgerFile): RegisterVisitor | undefined;
}

/** One input file as io found it. */
export interface SourceFile {
  /** Shown to the user: relative to the folder given, `/` separators. */
  file: string;
  abs: string;
  /** The path's segments (folders and file name) the area is read from. */
  pathSegments: string[];
  /** Named on the command line (read whatever it turns out to be) rather than met in a folder. */
  explicit: boolean;
}

/** A file-level finding: its id, message and data, severity from FILE_PROBLEMS. */
export interface FileFailure {
  rule: FileProblemId;
  messageId: string;
  data?: Problem['data'];
}

export interface BuilderOptions {
  profile: ProvinceProfile;
  /** --area: the area of every register (overrides the path and the sheet). */
  area?: string;
  visitors: readonly VisitorSpec[];
}

export function fileProblem(id: FileProblemId, messageId: string, data?: Problem['data']): Problem {
  return { rule: id, messageId, severity: FILE_PROBLEMS[id].severity, ...(data ? { data } : {}) };
}

/** Pushes the rows of one text table (a CSV) into the builder as they are read. */
export interface TextFeed {
  /** The next record's cells (may be given again, refilled: copied when held); usual: TextSheetScanner.push's. */
  push(cells: readonly string[], usual?: boolean): void;
  /** The file is read; `detected` as final (the encoding is decided only at its end). Whether a register was found. */
  end(detected: Detected): boolean;
}

/**
 * The most rows a register's tables are sized for before its rows come (Register.expectedRows). The hint comes from
 * the file (a sheet's last row, a CSV's size), so a few hundred crafted bytes could otherwise ask for tables of a
 * million rows, committed memory on Windows; a register bigger than this grows its tables by doubling as it is read.
 */
export const ROWS_HINT_CAP = 1 << 18;

/** A row-count hint, whole and at most ROWS_HINT_CAP (0 for none). */
function rowsHint(rows: number): number {
  return rows > 0 ? Math.min(Math.ceil(rows), ROWS_HINT_CAP) : 0;
}

/**
 * Where a register's rows go: each visitor's row, in order. The usual chain, one visitor (rollup's pairings), is called
 * straight; several by index (a `for of` over them made an iterator and its results a row while the code ran cold).
 */
function sinkOf(visitors: readonly { v: RegisterVisitor }[]): (row: RegisterRow) => void {
  if (visitors.length === 1) {
    const v = visitors[0]!.v;
    return (row) => v.row(row);
  }
  const sinks = visitors.map((x) => x.v);
  return (row) => {
    for (let i = 0; i < sinks.length; i++) sinks[i]!.row(row);
  };
}

export class LedgerBuilder {
  private readonly files: LedgerFile[] = [];
  private readonly passed: PassedOver[] = [];

  constructor(private readonly opts: BuilderOptions) {}

  private base(src: SourceFile, kind: FileKind, detected: Detected, format?: SourceFormat): LedgerFile {
    return { file: src.file, abs: src.abs, kind, detected, registers: [], tables: [], otherSheets: [], ...(format ? { format } : {}) };
  }

  private areaOf(src: SourceFile, sheetName: string | undefined, titleLines: string[]): AreaGuess {
    const { profile, area } = this.opts;
    const res = resolveArea(
      { ...(area ? { flag: area } : {}), pathSegments: src.pathSegments, ...(sheetName !== undefined ? { sheetName } : {}), sheetLines: titleLines, province: profile.name },
      profile.divisions,
    );
    return res;
  }

  /** A file that could not be read at all. */
  addFailure(src: SourceFile, failure: FileFailure, detected: Detected = {}): LedgerFile {
    const f = this.base(src, 'unreadable', detected);
    f.failure = fileProblem(failure.rule, failure.messageId, failure.data);
    this.files.push(f);
    return f;
  }

  /** A roster or focus list given as such (--roster, --focus) that lies among the inputs: listed, never read as a register. */
  addList(src: SourceFile, kind: 'roster' | 'focus-list'): void {
    this.files.push(this.base(src, kind, {}));
  }

  /** A file in a folder that is not a table (a Word document, a picture): named, not read. */
  passOver(file: string, why: PassedOver['why']): void {
    this.passed.push({ file, why });
  }

  /** Visitors for a register just found (its area set), and the sink its rows go to. */
  private open(file: LedgerFile, register: Register): { entry: RegisterEntry; visitors: { name: string; v: RegisterVisitor }[] } {
    const visitors: { name: string; v: RegisterVisitor }[] = [];
    for (const spec of this.opts.visitors) {
      const v = spec.create(register, file);
      if (v) visitors.push({ name: spec.name, v });
    }
    const entry: RegisterEntry = { register, results: {} };
    file.registers.push(entry);
    return { entry, visitors };
  }

  private close(entry: RegisterEntry, visitors: { name: string; v: RegisterVisitor }[]): void {
    for (const { name, v } of visitors) entry.results[name] = v.end();
  }

  /**
   * A workbook or a small text file read whole: sheets as grids. `ownMark` is fupin's mark if the file carries one.
   * `passOverIfNothing`: a text file met in a folder that holds no table is a note, passed over, not a broken register.
   */
  addGrid(src: SourceFile, sheets: RawSheet[], detected: Detected, format: SourceFormat, ownMark?: OwnOutput, passOverIfNothing?: PassedOver['why']): LedgerFile | undefined {
    const f = this.base(src, 'register', detected, format);
    const own = ownMark ?? ownOutputByShape(sheets);
    const as = own ? readAs(own.kind) : 'register';
    if (own) f.ownOutput = own;
    if (own && as === 'never') {
      f.kind = 'own-output';
      f.failure = fileProblem('file-own-output', own.via === 'shape' && own.kind === 'cards' ? 'shape' : own.kind);
      this.files.push(f);
      return f;
    }

    let anyCells = false;
    let best: { row: number; found: { header: string }[]; sheet: string } | undefined;
    const withRegister = new Set<string>();
    if (as === 'register') {
      for (const sheet of sheets) {
        if (!anyCells && sheetHasText(sheet)) anyCells = true;
        let open: { entry: RegisterEntry; visitors: { name: string; v: RegisterVisitor }[] } | undefined;
        const scan: SheetScan = scanSheet(sheet, { file: src.file, format, area: { level: 'unknown', source: 'none' }, detected }, (register) => {
          if (open) this.close(open.entry, open.visitors);
          register.area = this.areaOf(src, sheet.name, register.titleLines);
          register.expectedRows = rowsHint(Math.min(rowCountOf(sheet) - (register.headerRows.at(-1) ?? 0), sheet.lean ? sheet.lean.cellCount : Infinity));
          open = this.open(f, register);
          return sinkOf(open.visitors);
        });
        if (open) this.close(open.entry, open.visitors);
        if (scan.registers.length) withRegister.add(sheet.name);
        else if (scan.bestCandidate && (!best || scan.bestCandidate.found.length > best.found.length)) best = { ...scan.bestCandidate, sheet: sheet.name };
      }
    } else {
      anyCells = sheets.some(sheetHasText);
    }

    // 统计表 among the sheets that hold no register; a 附4 quota table kept beside the registers
    if (as === 'register' || as === 'stats') f.tables = this.statsTables(src, sheets.filter((s) => !withRegister.has(s.name)));
    const tableSheets = new Set(f.tables.map((t) => t.sheet));
    const quota = f.registers.length === 0 && f.tables.length === 0 && (as === 'quota' || sheets.some(looksLikeQuotaTable));
    f.otherSheets = sheets.map((s) => s.name).filter((n) => !withRegister.has(n) && !tableSheets.has(n));

    if (f.registers.length) f.kind = 'register';
    else if (f.tables.length) f.kind = 'stats';
    else if (quota) f.kind = 'quota-table';
    else if (passOverIfNothing) {
      this.passOver(src.file, passOverIfNothing);
      return undefined;
    } else {
      f.kind = 'not-register';
      f.failure = anyCells ? notRegister(best) : fileProblem('file-empty', 'no-cells');
    }
    this.files.push(f);
    return f;
  }

  /**
   * A text table too big to hold (a large CSV): its rows are pushed one by one and go through the visitors as they come.
   * When it turns out to hold no register, `end` says so: io then reads it whole (a 统计表 or something else, small).
   */
  beginText(src: SourceFile, detected: Detected, sheetName: string, bytes?: number): TextFeed {
    const f = this.base(src, 'register', detected, 'csv');
    const open: { entry: RegisterEntry; visitors: { name: string; v: RegisterVisitor }[] }[] = [];
    const scanner = new TextSheetScanner(sheetName, { file: src.file, format: 'csv', area: { level: 'unknown', source: 'none' }, detected }, (register) => {
      register.area = this.areaOf(src, undefined, register.titleLines);
      // a hint for sizing tables (Register.expectedRows): registers' CSV rows are ~100 bytes
      if (bytes) register.expectedRows = rowsHint(Math.ceil(bytes / 100));
      const o = this.open(f, register);
      open.push(o);
      return sinkOf(o.visitors);
    });
    return {
      push: (cells, usual) => scanner.push(cells, usual),
      end: (final) => {
        const scan = scanner.end();
        for (const o of open) this.close(o.entry, o.visitors);
        if (scan.registers.length === 0) return false;
        f.detected = { ...f.detected, ...final };
        for (const e of f.registers) e.register.detected = { ...e.register.detected, ...(final.encoding ? { encoding: final.encoding } : {}) };
        this.files.push(f);
        return true;
      },
    };
  }

  /** The 统计表 among sheets, each read knowing its city's units when the city is known. */
  private statsTables(src: SourceFile, sheets: RawSheet[]): StatsTableFound[] {
    const { profile } = this.opts;
    const out: StatsTableFound[] = [];
    for (const sheet of sheets) {
      if (!looksLikeStatsTable(sheet)) continue;
      let read = readStatsTable(sheet, { province: profile });
      if (!read.ok) continue;
      const area = this.areaOf(src, undefined, [read.title ?? '', read.reporter ?? ''].filter(Boolean));
      // a city's table whose city is known (its 填报单位 line, else its folder): read again knowing the city's units,
      // so its rows are checked against them
      const city = read.table.level === 'city' ? (read.areaHint ?? area.city) : undefined;
      const units = city ? (profile.city(city)?.units ?? []) : [];
      if (city && units.length) {
        const again = readStatsTable(sheet, { level: 'city', area: city, units, province: profile });
        if (again.ok) read = again;
      }
      const named = city ?? area.city;
      out.push({ file: src.file, sheet: sheet.name, read, ...(named ? { city: named } : {}) });
    }
    return out;
  }

  finish(extra: Pick<Ledger, 'registry' | 'registryFile' | 'registryProblems'>): Ledger {
    return { profile: this.opts.profile, files: this.files, passedOver: this.passed, ...extra };
  }
}

function notRegister(best: { row: number; found: { header: string }[]; sheet: string } | undefined): Problem {
  const expected = REQUIRED_KEYS.map((k) => ({ id: 'term/quoted', data: { text: COLUMN_BY_KEY.get(k)!.label } }));
  return fileProblem('file-not-register', 'no-header', {
    expected,
    found: best ? { id: 'file-not-register/found', data: { sheet: best.sheet, row: best.row, headers: best.found.map((x) => x.header) } } : '',
  });
}
