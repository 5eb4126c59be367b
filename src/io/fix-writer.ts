// Writes repaired copies of registers (xlsx through exceljs, CSV as UTF-8 with BOM) and decides where copies go; inputs are never written.
//
// Decisions:
// - A copy keeps the input's path relative to the folder given (a file given directly: its name) under the output
//   folder. The output folder may not be an input or lie inside an input folder: the next `fupin validate` of that
//   folder would read the copies as registers and count every household twice.
// - xlsx/xlsm: the original is loaded with exceljs, only the changed cells are set, the rest is written back as exceljs
//   keeps it (values, styles, merges, widths, notes; macros of an .xlsm are not kept, so the copy is named .xlsx).
//   A cell holding a formula is never overwritten. An .xls/.et/.ods/.xlsb is repaired in the .xlsx the legacy reader
//   writes of it (load.ts xlsxBytesOf) and copied as .xlsx; `from` names its format so the report can say so.
// - CSV: the copy is a CSV again, with every record and column where it was (row numbers stay valid), written as
//   UTF-8 with a BOM, comma-separated, CRLF — Excel's "CSV UTF-8". GBK cannot be written without a dependency fupin does
//   not ship, and Excel and WPS open UTF-8 with BOM correctly. Text starting with = + - @ gets an apostrophe
//   (neutralizeCell) and that change is listed like any other.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { applyFixes, type Fix } from '../core/fix.js';
import { neutralizeCell } from '../core/neutralize.js';
import { cellRef } from '../core/normalize.js';
import { csvToSheet, decodeText, type EncodingName, parseEncodingName, sniffDelimiter } from './csv.js';
import { NotStreamable, streamCsvRows } from './csv-stream.js';
import { STREAM_CSV_FROM } from './read-ledger.js';
import { isInside } from './paths.js';
import { OutputError, writeFileAtomic } from './safe-write.js';
import { xlsxBytesOf } from './load.js';
import { loadExcelJs } from './xlsx.js';
import { markWorkbook } from './mark.js';

export interface CopyWriteOptions {
  /** Overwrite existing copies (never an input). */
  force?: boolean;
  /** Every input path given (files and folders): copies may not land on or inside them. */
  inputs: readonly string[];
}

/** Where the copy of `abs` goes under `dir`: its path relative to the input folder it was found in, or its name. */
export function copyTarget(abs: string, inputs: readonly string[], dir: string, ext?: string): string {
  let rel = path.basename(abs);
  for (const input of inputs) {
    const root = path.resolve(input);
    const r = path.relative(root, abs);
    if (r && !r.startsWith('..') && !path.isAbsolute(r)) {
      rel = r;
      break;
    }
  }
  if (ext) rel = rel.slice(0, rel.length - path.extname(rel).length) + ext;
  return path.join(path.resolve(dir), rel);
}

/** Refuses an output folder that is an input folder or inside one. */
export function assertOutsideInputs(dir: string, inputs: readonly string[]): void {
  const out = path.resolve(dir);
  for (const input of inputs) {
    const root = path.resolve(input);
    if (isInside(out, root)) {
      const example = path.join(path.dirname(root), path.basename(root) + '-副本');
      throw new OutputError('inside-input', dir, { id: 'output/folder-inside-input', data: { target: dir, input, example } });
    }
  }
}

/** Makes `target` unique among the paths already used in this run (two inputs with the same name): 溆浦县（2）.xlsx. */
export function uniqueTarget(target: string, used: Set<string>): string {
  let t = target;
  const ext = path.extname(target);
  for (let n = 2; used.has(t); n++) t = `${target.slice(0, target.length - ext.length)}（${n}）${ext}`;
  used.add(t);
  return t;
}

export interface FixedCopy {
  /** Absolute path written. */
  out: string;
  format: 'xlsx' | 'csv';
  applied: Fix[];
  /** Changes the writer could not make (a formula cell, a sheet gone). */
  skipped: Fix[];
  /** CSV only: cells given an apostrophe so Excel does not run them (listed as changes too). */
  guarded: Fix[];
  /** The input's format when the copy is an .xlsx made from another format (`.xls`). */
  from?: string;
}

type ExcelCell = {
  value: unknown;
  numFmt?: string;
  style: Record<string, unknown>;
  isMerged?: boolean;
  master?: ExcelCell;
  formula?: unknown;
  type?: number;
};

/** A repaired copy of an xlsx/xlsm register. */
export async function writeFixedXlsx(abs: string, fixes: readonly Fix[], target: string, opts: CopyWriteOptions): Promise<FixedCopy> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const { bytes, from } = await xlsxBytesOf(abs);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const { applied, skipped } = applyFixes(fixes, (fix) => {
    const ws = wb.getWorksheet(fix.sheet);
    if (!ws) return false;
    let cell = ws.getCell(fix.cell) as unknown as ExcelCell;
    if (cell.isMerged && cell.master && cell.master !== cell) cell = cell.master;
    const v = cell.value as { formula?: unknown; sharedFormula?: unknown } | null;
    if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return false;
    if (fix.as === 'number' && /^\d+$/.test(fix.after)) {
      cell.value = Number(fix.after);
    } else {
      cell.value = fix.after;
      // a copy of the style: exceljs shares style objects between cells read with the same style
      if (fix.reason === 'phone-as-text' || fix.also?.includes('phone-as-text')) cell.style = { ...cell.style, numFmt: '@' };
    }
    return true;
  });
  markWorkbook(wb, 'fixed', path.basename(abs));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const out = await writeFileAtomic(target, buf, { force: Boolean(opts.force), inputs: opts.inputs });
  return { out, format: 'xlsx', applied, skipped, guarded: [], ...(from ? { from } : {}) };
}

/**
 * Every record of a CSV file in order, as cell texts: read record by record when it is large (csv-stream.ts), else whole;
 * either way the records the validation read. Nothing is kept.
 */
async function eachCsvRecord(abs: string, encoding: EncodingName | undefined, onRecord: (cells: string[], row: number) => void): Promise<void> {
  let row = 0;
  const size = (await stat(abs)).size;
  if (size >= STREAM_CSV_FROM) {
    try {
      await streamCsvRows(abs, (cells) => onRecord(cells, ++row), encoding ? { encoding } : {});
      return;
    } catch (e) {
      if (!(e instanceof NotStreamable) || row > 0) throw e;
    }
  }
  const decoded = decodeText(await readFile(abs), encoding);
  const sheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, path.basename(abs, path.extname(abs)));
  for (const r of sheet.rows) onRecord(Array.from(r, (c) => c?.text ?? ''), ++row);
}

/** A repaired copy of a CSV register: same records, UTF-8 with BOM, comma, CRLF; text neutralised. Records streamed through. */
export async function writeFixedCsv(
  abs: string,
  encoding: string | undefined,
  fixes: readonly Fix[],
  target: string,
  opts: CopyWriteOptions,
): Promise<FixedCopy> {
  const forced = encoding ? parseEncodingName(encoding) : undefined;
  const sheetName = fixes[0]?.sheet ?? path.basename(abs, path.extname(abs));
  // the one applier's choice of fixes (one per cell), then by row for the pass over the records
  const { applied, skipped } = applyFixes(fixes, () => true);
  const byRow = new Map<number, Fix[]>();
  for (const f of applied) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
  const changed = new Map(applied.map((f) => [`${f.row}:${f.col}`, f]));
  const guarded: Fix[] = [];
  const chunks: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  const missed: Fix[] = [];
  let batch: string[][] = [];
  const flush = (): void => {
    if (batch.length) chunks.push(Buffer.from(stringify(batch, { delimiter: ',', record_delimiter: '\r\n' }), 'utf8'));
    batch = [];
  };
  let rows = 0;
  await eachCsvRecord(abs, forced, (rec, r) => {
    rows = r;
    for (const fix of byRow.get(r) ?? []) {
      while (rec.length <= fix.col) rec.push('');
      rec[fix.col] = fix.after;
    }
    rec.forEach((text, c) => {
      const safe = neutralizeCell(text);
      if (safe === text) return;
      rec[c] = safe;
      const prior = changed.get(`${r}:${c}`);
      guarded.push({
        sheet: sheetName,
        cell: cellRef(c, r),
        row: r,
        col: c,
        column: prior?.column ?? '',
        ...(prior?.columnKey ? { columnKey: prior.columnKey } : {}),
        before: prior?.before ?? text,
        after: safe,
        reason: 'formula-guard',
        as: 'text',
      });
    });
    batch.push(rec);
    if (batch.length >= 2000) flush();
  });
  flush();
  for (const f of applied) if (f.row > rows) missed.push(f);
  const buf = Buffer.concat(chunks);
  const out = await writeFileAtomic(target, buf, { force: Boolean(opts.force), inputs: opts.inputs });
  // a guarded cell that was also repaired is shown once, as the guard (its `before` is the original text)
  const guardedCells = new Set(guarded.map((g) => `${g.row}:${g.col}`));
  return { out, format: 'csv', applied: applied.filter((f) => !guardedCells.has(`${f.row}:${f.col}`) && !missed.includes(f)), skipped: [...skipped, ...missed], guarded };
}
