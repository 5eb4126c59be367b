// Reads a custom quota table (--table FILE: CSV, XLSX in the 附4 layout, or JSON) into a QuotaTable, or the cells/paths at fault.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DivisionIndex } from '../core/divisions.js';
import type { Msg, RawSheet } from '../core/model.js';
import { parseQuotaGrid, type QuotaParseOptions, type QuotaParseResult, type QuotaTableError } from '../core/quota/index.js';
import { csvToSheet, CsvReadError, decodeText, type EncodingName, sniffDelimiter } from './csv.js';
import { readXlsxBuffer } from './xlsx.js';

export interface QuotaTableReadOptions {
  /** --encoding, for CSV. */
  encoding?: EncodingName;
  /** The ledger's province (a table that does not name its own is taken to be for it). */
  province: string;
  /** The division list: the cities of whatever province the table is for, so its names are checked. */
  divisions: DivisionIndex;
}

/** Why the file could not be read at all (missing, not a spreadsheet, broken JSON): one message (`quota-file/…`). */
export class QuotaTableFileError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
    this.name = 'QuotaTableFileError';
  }
}

function gridOf(sheet: RawSheet): (string | undefined)[][] {
  return sheet.rows.map((r) => Array.from(r ?? [], (c) => c?.text));
}

/** A line and column for a JSON syntax error, from V8's message ("… at position 123" or "(line 4 column 7)"). */
function jsonErrorPlace(text: string, message: string): string | undefined {
  const lc = /line (\d+) column (\d+)/u.exec(message);
  if (lc) return `${lc[1]}:${lc[2]}`;
  const pos = /position (\d+)/u.exec(message);
  if (!pos) return undefined;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `${line}:${col}`;
}

/** Parse with the cities of whatever province the table turns out to be for (the division list's, in full). */
function withProvinceCities(parse: (o: QuotaParseOptions) => QuotaParseResult, opts: QuotaTableReadOptions): QuotaParseResult {
  const { divisions } = opts;
  return parse({
    province: opts.province,
    provinces: divisions.provinces.map((p) => p.name),
    citiesOf: (name) => {
      const cities = divisions.province(name)?.cities.filter((c) => !c.pseudo).map((c) => c.name);
      return cities && cities.length ? cities : undefined;
    },
  });
}

/**
 * Reads `file` as a quota table. CSV and XLSX go through parseQuotaGrid (errors name A1 cells); a workbook is searched
 * sheet by sheet for the first one with a 附4 header. JSON goes through parseQuotaJson (errors name JSON paths).
 * Throws QuotaTableFileError when the file itself cannot be read.
 */
export async function readQuotaTableFile(file: string, opts: QuotaTableReadOptions): Promise<QuotaParseResult> {
  const shown = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    if (code === 'ENOENT') throw new QuotaTableFileError({ id: 'quota-file/missing', data: { file } });
    if (code === 'EISDIR') throw new QuotaTableFileError({ id: 'quota-file/folder', data: { file } });
    throw new QuotaTableFileError({ id: 'quota-file/unreadable', data: { file, detail: code } });
  }
  const ext = path.extname(file).toLowerCase();

  if (ext === '.json') {
    const text = decodeText(bytes, opts.encoding).text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const place = jsonErrorPlace(text, (e as Error).message);
      const at = place ? `${shown}:${place}` : shown;
      throw new QuotaTableFileError({ id: 'quota-file/json', data: { at, detail: (e as Error).message } });
    }
    // zod, loaded only for a JSON table (not on every run's start-up path)
    const { parseQuotaJson } = await import('../core/quota/parse-json.js');
    return withProvinceCities((o) => parseQuotaJson(value, shown, o), opts);
  }

  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const decoded = decodeText(bytes, opts.encoding);
    let sheet: RawSheet;
    try {
      sheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, shown);
    } catch (e) {
      throw new QuotaTableFileError({ id: 'quota-file/csv', data: { file: shown, line: e instanceof CsvReadError && e.line ? e.line : '?', detail: (e as Error).message } });
    }
    return withProvinceCities((o) => parseQuotaGrid(gridOf(sheet), { file: shown, csv: true }, o), opts);
  }

  if (ext === '.xlsx' || ext === '.xlsm') {
    let sheets: RawSheet[];
    try {
      sheets = (await readXlsxBuffer(bytes)).sheets;
    } catch (e) {
      throw new QuotaTableFileError({ id: 'quota-file/xlsx', data: { file: shown, detail: (e as Error).message } });
    }
    let firstFailure: QuotaParseResult | undefined;
    for (const sheet of sheets) {
      const result = withProvinceCities((o) => parseQuotaGrid(gridOf(sheet), { file: shown, sheet: sheet.name, csv: false }, o), opts);
      if ('table' in result) return result;
      // a sheet without a 附4 header (a 填表说明 sheet) is passed over; the first sheet that has one decides
      const headerless = result.errors.every((err: QuotaTableError) => err.id === 'no-header');
      if (!headerless) return result;
      firstFailure ??= result;
    }
    if (firstFailure) return firstFailure;
    throw new QuotaTableFileError({ id: 'quota-file/no-sheets', data: { file: shown } });
  }

  if (ext === '.xls' || ext === '.et') {
    throw new QuotaTableFileError({ id: 'quota-file/legacy', data: { file: shown } });
  }
  throw new QuotaTableFileError({ id: 'quota-file/format', data: { file: shown } });
}
