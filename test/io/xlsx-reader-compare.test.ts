// Our xlsx reader against the exceljs-based reader it replaced: every fixture and corpus workbook, sheet by sheet, cell by cell.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MergeRange, RawCell, RawSheet } from '../../src/core/model.js';
import { LimitExceeded } from '../../src/io/limits.js';
import { loadExcelJs, parseRange, toRawCell } from '../../src/io/xlsx.js';
import { formattedTemporal, isoSerial, numberFormat } from '../../src/io/number-format.js';
import { readXlsx, XlsxError } from '../../src/io/xlsx-reader.js';
import { ZipError } from '../../src/io/zip.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/sheetjs');

/** The reader as it was before src/io/xlsx-reader.ts (exceljs), kept here for this comparison only. */
async function readXlsxWithExcelJs(buf: Buffer): Promise<RawSheet[]> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: (RawCell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (RawCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = cell as unknown as { value: unknown; numFmt?: string; isMerged?: boolean; master?: unknown };
        if (c.isMerged && c.master !== cell) return;
        const raw = toRawCell(c.value, c.numFmt);
        if (raw) cells[colNumber - 1] = raw;
      });
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const merges: MergeRange[] = [];
    for (const ref of (ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? []) {
      const r = parseRange(ref);
      if (r) merges.push(r);
    }
    const state = (ws as unknown as { state?: string }).state;
    sheets.push({ name: ws.name, rows, merges, ...(state && state !== 'visible' ? { hidden: true } : {}) });
  });
  return sheets;
}

function workbooksIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...workbooksIn(p));
    else if (/\.xls[xm]$/i.test(name)) out.push(p);
  }
  return out.sort();
}

/** exceljs's value of a cell as a serial: its number, or its Date (shown as text) counted from 1899-12-30 as exceljs does. */
function theirSerial(theirs: RawCell): number | undefined {
  if (theirs.kind === 'number') return theirs.raw as number;
  if (theirs.kind !== 'date') return undefined;
  const ms = Date.parse(`${theirs.text.replace(' ', 'T')}${theirs.text.length > 10 ? 'Z' : 'T00:00:00Z'}`);
  return Number.isNaN(ms) ? undefined : (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * Issue 16: we show a date, time or duration as its format's section shows it (2016-09-12 for yyyy-mm-dd whatever the
 * time of day, 16:30:00 for h:mm, 26:31:45 for [h]:mm:ss); exceljs gives a Date. The same value, then, when our text is
 * what the format makes of exceljs's value (to the second: exceljs's Date is shown rounded to it).
 */
function sameValueFormatted(ours: RawCell, theirs: RawCell): boolean {
  if (!ours.numFmt) return false;
  const serial = theirSerial(theirs);
  if (serial === undefined) return false;
  const fmt = numberFormat(ours.numFmt);
  const expected = formattedTemporal(serial, fmt, false);
  if (ours.kind === 'number') return expected === undefined;
  if (expected === ours.text) return true;
  // sub-seconds shown (mm:ss.0): ours has them, exceljs's text does not
  const a = isoSerial(ours.text.replace(' ', 'T'), false)?.serial;
  const b = expected !== undefined ? isoSerial(expected.replace(' ', 'T'), false)?.serial : undefined;
  return a !== undefined && b !== undefined && Math.abs(a - b) * 86_400 <= 1;
}

/** Why our cell may differ from exceljs's on purpose; undefined when the difference is a bug. */
function intended(ours: RawCell | undefined, theirs: RawCell | undefined): string | undefined {
  if (ours && theirs && (ours.kind === 'date' || ours.kind === 'number') && sameValueFormatted(ours, theirs)) {
    return 'dates, times of day and durations as their format shows them (issue 16)';
  }
  if (ours?.kind === 'date' && theirs?.kind === 'number' && theirs.numFmt === undefined) {
    return 'built-in date format exceljs does not know (zh/ja/ko ids 27–36, 50–58) or style 0';
  }
  if (ours?.kind === 'date' && theirs?.kind === 'date' && theirs.raw === undefined) {
    const a = Date.parse(ours.text);
    const b = Date.parse(theirs.text);
    if (Math.abs(a - b) === 86_400_000 && b < Date.UTC(1900, 2, 1)) return 'serials below 60: Excel’s phantom 1900-02-29';
  }
  if (ours?.kind === 'date' && theirs?.kind === 'number' && theirs.numFmt && /[YDHS]/.test(theirs.numFmt) && !/[ymdhs]/.test(theirs.numFmt)) {
    return 'upper-case date codes (YYYY, D, HH as LibreOffice writes them) are dates';
  }
  if (ours?.formula && theirs?.formula && ours.kind === 'string' && theirs.text.replace(/_x000D_/g, '\r') === ours.text) {
    return '_x000D_ decoded in formula string results too';
  }
  if (ours?.kind === 'date' && theirs?.kind === 'number' && theirs.numFmt && /\[(?:h+|m+|s+)\]/i.test(theirs.numFmt)) {
    return 'elapsed-time formats ([h], [mm]) are times, like built-in 46';
  }
  if (theirs?.kind === 'number' && theirs.text === 'NaN') return 'exceljs reads t="d" and non-numeric <v> as NaN';
  if (ours?.kind === 'date' && theirs?.kind === 'date' && /^\d{4}-\d\d-\d\dT?/.test(ours.text) && Math.abs(Date.parse(ours.text) - Date.parse(theirs.text)) > 86_400_000 * 365) {
    return 't="d" ISO dates: exceljs reads "2014-02-14T…" as serial 2014';
  }
  if (ours?.kind === 'number' && theirs?.kind === 'date' && (ours.raw ?? 0) < 0) return 'negative serials are not dates (Excel shows ####)';
  if (ours?.formula && theirs?.formula && theirs.kind === 'empty' && ['0', 'FALSE'].includes(ours.text)) {
    return 'formula cached 0/FALSE: exceljs drops falsy cached results';
  }
  if (ours && theirs && ours.text === theirs.text && ours.kind === theirs.kind && ours.numFmt?.replace(/\\/g, '') === theirs.numFmt) {
    return 'numFmt kept as written (exceljs drops backslash escapes)';
  }
  if (theirs?.kind === 'date' && theirs.text === '' && ours?.kind === 'number') return 'serial outside 0…9999-12-31 stays a number';
  if (ours && theirs && ours.text === theirs.text && ours.kind === theirs.kind && ours.numFmt !== theirs.numFmt) {
    return 'numFmt of style 0 / unknown built-in id';
  }
  if (ours && theirs && ours.kind === 'string' && theirs.kind === 'string' && ours.text !== theirs.text) {
    if (theirs.text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) === ours.text) {
      return '_xHHHH_ escapes decoded in inline strings too';
    }
  }
  return undefined;
}

function trimmed(rows: (RawCell | undefined)[][]): (RawCell | undefined)[][] {
  const out = rows.map((r) => {
    const c = [...r];
    while (c.length && c[c.length - 1] === undefined) c.length--;
    return c;
  });
  while (out.length && out[out.length - 1]!.length === 0) out.length--;
  return out;
}

const plain = (c: RawCell | undefined) =>
  c && { text: c.text, kind: c.kind, ...(c.formula ? { formula: true } : {}), ...(c.numFmt ? { numFmt: c.numFmt } : {}) };

interface Comparison {
  file: string;
  exceljs: 'read' | 'failed';
  ours: 'read' | string;
  unexplained: string[];
  explained: Map<string, number>;
}

async function compare(file: string): Promise<Comparison> {
  const buf = readFileSync(file);
  const result: Comparison = { file: path.relative(ROOT, file), exceljs: 'read', ours: 'read', unexplained: [], explained: new Map() };
  let ours: RawSheet[] | undefined;
  try {
    ours = readXlsx(buf).sheets;
  } catch (e) {
    if (!(e instanceof ZipError || e instanceof XlsxError || e instanceof LimitExceeded)) throw e;
    result.ours = `${e.name}: ${e.message}`;
  }
  let theirs: RawSheet[] | undefined;
  try {
    theirs = await readXlsxWithExcelJs(buf);
  } catch {
    result.exceljs = 'failed';
  }
  if (!ours || !theirs) {
    if (!ours && theirs && theirs.some((s) => s.rows.length > 0)) result.unexplained.push(`we refuse (${result.ours}), exceljs reads it`);
    return result;
  }
  const explain = (why: string) => result.explained.set(why, (result.explained.get(why) ?? 0) + 1);
  // exceljs lists sheets by sheetId, we in tab order: match by name
  const pool = [...theirs];
  for (const sheet of ours) {
    const i = pool.findIndex((t) => t.name === sheet.name);
    if (i < 0) {
      // wtf_path.xlsx keeps its workbook outside xl/: exceljs assumes xl/workbook.xml and finds no sheets
      if (theirs.length === 0) explain('workbook part found through _rels/.rels (exceljs finds no sheets)');
      else result.unexplained.push(`sheet ${sheet.name}: exceljs has no such sheet`);
      continue;
    }
    const other = pool.splice(i, 1)[0]!;
    if (!!sheet.hidden !== !!other.hidden) result.unexplained.push(`sheet ${sheet.name}: hidden ${sheet.hidden} vs ${other.hidden}`);
    const a = trimmed(sheet.rows);
    const b = trimmed(other.rows);
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      const ra = a[r] ?? [];
      const rb = b[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const x = plain(ra[c]);
        const y = plain(rb[c]);
        if (JSON.stringify(x) === JSON.stringify(y)) continue;
        const why = intended(ra[c], rb[c]);
        if (why) explain(why);
        else result.unexplained.push(`${sheet.name}!R${r + 1}C${c + 1}: ours ${JSON.stringify(x)} exceljs ${JSON.stringify(y)}`);
      }
    }
    // merges: ours are clipped to the used area; every one of ours must be one of exceljs's, clipped
    const lastRow = sheet.rows.length - 1;
    for (const m of sheet.merges) {
      const src = other.merges.find((o) => o.top === m.top && o.left === m.left);
      if (!src) result.unexplained.push(`${sheet.name}: merge ${JSON.stringify(m)} unknown to exceljs`);
      else if (m.bottom !== src.bottom || m.right !== src.right) {
        if (m.bottom <= src.bottom && m.right <= src.right && (m.bottom === lastRow || m.bottom === src.bottom)) explain('merge clipped to the used area');
        else result.unexplained.push(`${sheet.name}: merge ${JSON.stringify(m)} vs ${JSON.stringify(src)}`);
      }
    }
    for (const o of other.merges) {
      if (!sheet.merges.some((m) => m.top === o.top && m.left === o.left)) {
        if (o.top > lastRow || sheet.rows.every((r) => r.length <= o.left)) explain('merge outside the used area dropped');
        else result.unexplained.push(`${sheet.name}: exceljs merge ${JSON.stringify(o)} missing`);
      }
    }
  }
  for (const rest of pool) if (rest.rows.length) result.unexplained.push(`sheet ${rest.name}: only exceljs has it`);
  return result;
}

async function compareAll(files: string[]): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const f of files) out.push(await compare(f));
  const explained = new Map<string, number>();
  for (const r of out) for (const [k, n] of r.explained) explained.set(k, (explained.get(k) ?? 0) + n);
  const refusedByUs = out.filter((r) => r.ours !== 'read');
  const failedExceljs = out.filter((r) => r.exceljs === 'failed');
  console.log(
    [
      `${out.length} workbooks compared; intended differences: ${[...explained].map(([k, n]) => `${k} ×${n}`).join('; ') || 'none'}`,
      `refused by us: ${refusedByUs.map((r) => `${path.basename(r.file)} (${r.ours})`).join(', ') || 'none'}`,
      `exceljs failed: ${failedExceljs.map((r) => path.basename(r.file)).join(', ') || 'none'}`,
    ].join('\n'),
  );
  return out;
}

describe('xlsx reader vs exceljs', () => {
  it('gives the same grids for every fixture workbook', async () => {
    // not fixtures/hostile: exceljs runs out of memory on the crafted merges and bombs (test/io/xlsx-reader.test.ts reads them)
    const files = ['registers', 'ledger', 'broken'].flatMap((d) => workbooksIn(path.join(ROOT, 'fixtures', d)));
    expect(files.length).toBeGreaterThan(30);
    const results = await compareAll(files);
    expect(results.flatMap((r) => r.unexplained.map((u) => `${r.file}: ${u}`))).toEqual([]);
    // the broken fixtures are refused by both or read by both, except files exceljs cannot open
    for (const r of results) if (r.exceljs === 'read') expect([r.file, r.ours]).toEqual([r.file, 'read']);
  });

  it.skipIf(!existsSync(CORPUS))('gives the same grids for every corpus .xlsx/.xlsm (SheetJS test files)', async () => {
    const results = await compareAll(workbooksIn(CORPUS));
    expect(results.flatMap((r) => r.unexplained.map((u) => `${path.basename(r.file)}: ${u}`))).toEqual([]);
  });

  if (!existsSync(CORPUS)) it.skip(`corpus not found at ${CORPUS}: skipped`, () => {});
});
