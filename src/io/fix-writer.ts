// Writes repaired copies of registers (xlsx through exceljs, CSV as UTF-8 with BOM) and decides where copies go; inputs are never written.
//
// Decisions:
// - A copy keeps the input's path relative to the folder given (a file given directly: its name) under the output
//   folder. The output folder may not be an input or lie inside an input folder: the next `fupin validate` of that
//   folder would read the copies as registers and count every household twice.
// - xlsx/xlsm: the original is loaded with exceljs, only the changed cells are set, the rest is written back as exceljs
//   keeps it (values, styles, merges, widths, notes; macros of an .xlsm are not kept, so the copy is named .xlsx).
//   A cell holding a formula is never overwritten.
// - CSV: the copy is a CSV again, with every record and column where it was (row numbers stay valid), written as
//   UTF-8 with a BOM, comma-separated, CRLF — Excel's "CSV UTF-8". GBK cannot be written without a dependency fupin does
//   not ship, and Excel and WPS open UTF-8 with BOM correctly. Text starting with = + - @ gets an apostrophe
//   (neutralizeCell) and that change is listed like any other.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { applyFixes, type Fix } from '../core/fix.js';
import { neutralizeCell } from '../core/neutralize.js';
import { cellRef } from '../core/normalize.js';
import { csvToSheet, decodeText, parseEncodingName, sniffDelimiter } from './csv.js';
import { OutputError, writeFileAtomic } from './safe-write.js';
import { loadExcelJs } from './xlsx.js';

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
    const r = path.relative(root, out);
    if (r === '' || (!r.startsWith('..') && !path.isAbsolute(r))) {
      throw new OutputError(
        'is-input',
        dir,
        `输出文件夹 ${dir} 在要检查的文件夹 ${input} 里面：下次检查会把副本当成登记表重复计算。请换一个文件夹，例如 ${path.join(path.dirname(root), path.basename(root) + '-副本')}`,
        `the output folder ${dir} is inside the input folder ${input}: the copies would be read as registers next time; choose another folder`,
      );
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
  await wb.xlsx.load((await readFile(abs)) as unknown as ArrayBuffer);
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
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const out = await writeFileAtomic(target, buf, { force: Boolean(opts.force), inputs: opts.inputs });
  return { out, format: 'xlsx', applied, skipped, guarded: [] };
}

/** A repaired copy of a CSV register: same records, UTF-8 with BOM, comma, CRLF; text neutralised. */
export async function writeFixedCsv(
  abs: string,
  encoding: string | undefined,
  fixes: readonly Fix[],
  target: string,
  opts: CopyWriteOptions,
): Promise<FixedCopy> {
  const bytes = await readFile(abs);
  const forced = encoding ? parseEncodingName(encoding) : undefined;
  const decoded = decodeText(bytes, forced);
  const sheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, path.basename(abs, path.extname(abs)));
  const records: string[][] = sheet.rows.map((r) => Array.from(r, (c) => c?.text ?? ''));
  const { applied, skipped } = applyFixes(fixes, (fix) => {
    const rec = records[fix.row - 1];
    if (!rec) return false;
    while (rec.length <= fix.col) rec.push('');
    rec[fix.col] = fix.after;
    return true;
  });
  const changed = new Map(applied.map((f) => [`${f.row}:${f.col}`, f]));
  const guarded: Fix[] = [];
  records.forEach((rec, r) => {
    rec.forEach((text, c) => {
      const safe = neutralizeCell(text);
      if (safe === text) return;
      rec[c] = safe;
      const prior = changed.get(`${r + 1}:${c}`);
      guarded.push({
        sheet: sheet.name,
        cell: cellRef(c, r + 1),
        row: r + 1,
        col: c,
        column: prior?.column ?? '',
        ...(prior?.columnKey ? { columnKey: prior.columnKey } : {}),
        before: prior?.before ?? text,
        after: safe,
        reason: 'formula-guard',
        as: 'text',
      });
    });
  });
  const body = stringify(records, { delimiter: ',', record_delimiter: '\r\n' });
  const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
  const out = await writeFileAtomic(target, buf, { force: Boolean(opts.force), inputs: opts.inputs });
  // a guarded cell that was also repaired is shown once, as the guard (its `before` is the original text)
  const guardedCells = new Set(guarded.map((g) => `${g.row}:${g.col}`));
  return { out, format: 'csv', applied: applied.filter((f) => !guardedCells.has(`${f.row}:${f.col}`)), skipped, guarded };
}
