// Validates a register fed one row at a time (pure): the header is found in the first rows, then rows go to the rule visitors and are dropped, so memory holds only what the rules keep.
//
// Design (a prototype beside scanSheet/validateRegister, which it reuses rather than duplicates):
// - the first HEAD_ROWS rows are buffered and given to scanSheet, which finds the header, the column mapping,
//   the title lines and the first data rows exactly as for a whole sheet;
// - later rows are buffered in chunks; each chunk is scanned as a small sheet made of the header row(s) and the
//   chunk, so footer, total, template, blank and repeated-header rows are judged by the same code; the rows
//   found are renumbered to their place in the file and fed to the rule visitors, then dropped;
// - after a footer (备注 …) or another register's title, the rest of the file is buffered and scanned as a
//   sheet of its own at the end (what follows a footer is short: signatures, maybe a second register);
// - a file whose header is not in its first rows is buffered whole and scanned as usual.
// Grids with merged cells (xlsx) are out of scope: CSV has none.
import type { AreaGuess, ColumnKey, Problem, RawCell, RawSheet, Register, RegisterRow, Severity } from './model.js';
import { HEADER_SEARCH_ROWS, scanSheet, type ScanContext, type SheetScan } from './register.js';
import type { ReportInput, RuleContext, RuleModule, RuleOptions, RuleVisitor } from './rules/rule.js';
import { sortProblems } from './validate.js';

/** Rows buffered before the header is looked for: the header search window and a two-row header. */
export const HEAD_ROWS = HEADER_SEARCH_ROWS + 2;
/** Rows scanned together after the header. */
export const CHUNK_ROWS = 4096;

type Row = (RawCell | undefined)[];

/** Rule visitors over one register, fed row by row: validateRegister's loop, opened up. */
export interface RowValidator {
  row(row: RegisterRow): void;
  /** Runs the rules' end hooks and returns every problem, sorted. */
  end(): Problem[];
}

export function createRowValidator(register: Register, rules: readonly RuleModule[], options: RuleOptions): RowValidator {
  const problems: Problem[] = [];
  const headerOf = new Map<ColumnKey, string>(register.columns.map((c) => [c.key, c.header]));
  const letterOf = new Map<ColumnKey, string>(register.columns.map((c) => [c.key, c.letter]));
  const visitors: RuleVisitor[] = rules.map((rule) => {
    const report = (p: ReportInput): void => {
      problems.push({ ...p, rule: rule.meta.id, severity: p.severity ?? rule.meta.severity });
    };
    const ctx: RuleContext = {
      register,
      options,
      report,
      reportCell(row: RegisterRow, key: ColumnKey, messageId: string, data?: Record<string, string | number>, severity?: Severity) {
        const f = row.fields[key];
        const letter = letterOf.get(key);
        report({
          messageId,
          severity,
          row: row.row,
          columnKey: key,
          column: headerOf.get(key),
          cell: f?.cell ?? (letter ? `${letter}${row.row}` : undefined),
          value: f?.text,
          data,
        });
      },
    };
    return rule.create(ctx);
  });
  return {
    row(row) {
      for (const v of visitors) v.row?.(row);
    },
    end() {
      for (const v of visitors) v.end?.();
      return sortProblems(problems, register);
    },
  };
}

export interface StreamedRegister {
  /** The register without its rows (they were validated and dropped); `rowCount` says how many there were. */
  register: Register;
  rowCount: number;
  problems: Problem[];
}

export interface StreamResult {
  registers: StreamedRegister[];
  /** When no register was found: the closest header candidate (as scanSheet gives it). */
  bestCandidate?: SheetScan['bestCandidate'];
  /** True when the file could not be streamed (header not in the first rows) and was scanned whole. */
  bufferedWhole: boolean;
}

export interface RegisterStreamOptions {
  sheetName: string;
  ctx: ScanContext;
  rules: readonly RuleModule[];
  options: RuleOptions;
  /** The register's area from its title lines (the caller knows the path and flags). */
  areaOf: (titleLines: string[]) => AreaGuess;
  chunkRows?: number;
}

/** Renumber a row scanned inside a chunk to its place in the file. */
function moveRow(row: RegisterRow, to: number): RegisterRow {
  if (row.row === to) return row;
  const fields: RegisterRow['fields'] = {};
  for (const [k, f] of Object.entries(row.fields) as [ColumnKey, NonNullable<RegisterRow['fields'][ColumnKey]>][]) {
    fields[k] = { ...f, cell: f.cell.replace(/\d+$/, String(to)) };
  }
  return { row: to, fields, extra: row.extra };
}

export class RegisterStream {
  private head: Row[] = [];
  private chunk: Row[] = [];
  /** 0-based file row of chunk[0]. */
  private chunkStart = 0;
  private tail: Row[] | undefined;
  private tailStart = 0;
  private whole: Row[] | undefined;
  private headerRows: Row[] = [];
  private current?: { register: Register; validator: RowValidator; count: number };
  private done: StreamedRegister[] = [];
  private readonly chunkRows: number;

  constructor(private readonly o: RegisterStreamOptions) {
    this.chunkRows = o.chunkRows ?? CHUNK_ROWS;
  }

  push(row: Row): void {
    if (this.whole) this.whole.push(row);
    else if (this.tail) this.tail.push(row);
    else if (!this.current) {
      this.head.push(row);
      if (this.head.length >= HEAD_ROWS) this.startFromHead();
    } else {
      this.chunk.push(row);
      if (this.chunk.length >= this.chunkRows) this.flushChunk();
    }
  }

  end(): StreamResult {
    if (!this.current && !this.whole && !this.tail) {
      // a short file: all of it was the head
      return this.finishWhole(this.head, 0);
    }
    if (this.whole) return this.finishWhole(this.whole, 0);
    if (this.chunk.length) this.flushChunk();
    this.closeCurrent();
    if (this.tail?.length) {
      const rest = this.finishWhole(this.tail, this.tailStart);
      this.done.push(...rest.registers);
    }
    return { registers: this.done, bufferedWhole: false };
  }

  private sheet(rows: Row[]): RawSheet {
    return { name: this.o.sheetName, rows, merges: [] };
  }

  private startFromHead(): void {
    const scan = scanSheet(this.sheet(this.head), this.o.ctx);
    const first = scan.registers[0];
    if (!first || scan.registers.length > 1 || first.footerRow !== undefined) {
      // no header in the first rows, or the first register already ended: not a streaming case
      this.whole = this.head;
      this.head = [];
      return;
    }
    const top = first.headerRows[0]! - 1;
    this.headerRows = this.head.slice(top, top + first.headerRows.length);
    const register: Register = { ...first, area: this.o.areaOf(first.titleLines), rows: [] };
    this.current = { register, validator: createRowValidator(register, this.o.rules, this.o.options), count: 0 };
    for (const r of first.rows) this.feed(r);
    this.chunkStart = this.head.length;
    this.head = [];
  }

  private feed(row: RegisterRow): void {
    this.current!.validator.row(row);
    this.current!.count++;
  }

  private flushChunk(): void {
    const cur = this.current!;
    const n = this.headerRows.length;
    const scan = scanSheet(this.sheet([...this.headerRows, ...this.chunk]), this.o.ctx);
    const reg = scan.registers[0];
    const offset = this.chunkStart - n; // mini-sheet row r (1-based) is file row r + offset
    if (reg) {
      for (const r of reg.rows) this.feed(moveRow(r, r.row + offset));
      const s = cur.register.skipped;
      s.blank += reg.skipped.blank;
      s.template += reg.skipped.template;
      s.total += reg.skipped.total;
    }
    const stop = !reg ? n : reg.footerRow !== undefined ? reg.footerRow - 1 : scan.registers.length > 1 ? scan.registers[1]!.headerRows[0]! - 1 : undefined;
    if (stop !== undefined) {
      // a footer (or a new register) in this chunk: the rest of the file is read as a sheet of its own at the end
      if (reg?.footerRow !== undefined) cur.register.footerRow = reg.footerRow + offset;
      this.tail = this.chunk.slice(Math.max(0, stop - n));
      this.tailStart = this.chunkStart + Math.max(0, stop - n);
    }
    this.chunkStart += this.chunk.length;
    this.chunk = [];
  }

  private closeCurrent(): void {
    const cur = this.current;
    if (!cur) return;
    this.done.push({ register: cur.register, rowCount: cur.count, problems: cur.validator.end() });
    this.current = undefined;
  }

  /** Scan buffered rows as a whole sheet (rows numbered from `start`) and validate each register found. */
  private finishWhole(rows: Row[], start: number): StreamResult {
    const scan = scanSheet(this.sheet(rows), this.o.ctx);
    const out: StreamedRegister[] = [];
    for (const found of scan.registers) {
      const register: Register = { ...found, area: this.o.areaOf(found.titleLines), rows: [] };
      const v = createRowValidator(register, this.o.rules, this.o.options);
      for (const r of found.rows) v.row(start ? moveRow(r, r.row + start) : r);
      if (start) {
        register.headerRows = register.headerRows.map((h) => h + start);
        if (register.footerRow !== undefined) register.footerRow += start;
      }
      out.push({ register, rowCount: found.rows.length, problems: v.end() });
    }
    return { registers: out, ...(scan.bestCandidate ? { bestCandidate: scan.bestCandidate } : {}), bufferedWhole: true };
  }
}
