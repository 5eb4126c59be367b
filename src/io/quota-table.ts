// Reads a custom quota table (--table FILE: CSV, XLSX in the 附4 layout, or JSON) into a QuotaTable, or the cells/paths at fault.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DivisionIndex } from '../core/divisions.js';
import type { RawSheet } from '../core/model.js';
import { parseQuotaGrid, parseQuotaJson, type QuotaParseOptions, type QuotaParseResult, type QuotaTableError } from '../core/quota/index.js';
import { csvToSheet, CsvReadError, decodeText, type EncodingName, sniffDelimiter } from './csv.js';
import { readXlsxBuffer } from './xlsx.js';

export interface QuotaTableReadOptions {
  /** --encoding, for CSV. */
  encoding?: EncodingName;
  /** Used to check the city names of a table for another province than Hunan. */
  divisions?: DivisionIndex;
}

/** Why the file could not be read at all (missing, not a spreadsheet, broken JSON): one line, Chinese and English. */
export class QuotaTableFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
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

/** Parse once; for a province other than Hunan, parse again with its cities from the division list so names are checked. */
function withProvinceCities(parse: (o: QuotaParseOptions) => QuotaParseResult, divisions?: DivisionIndex): QuotaParseResult {
  const first = parse({});
  if (!('table' in first) || !divisions || first.table.province === '湖南省') return first;
  const province = divisions.province(first.table.province);
  const cities = province?.cities.filter((c) => !c.pseudo).map((c) => c.name);
  if (!cities || cities.length === 0) return first;
  return parse({ province: first.table.province, knownCities: cities });
}

/**
 * Reads `file` as a quota table. CSV and XLSX go through parseQuotaGrid (errors name A1 cells); a workbook is searched
 * sheet by sheet for the first one with a 附4 header. JSON goes through parseQuotaJson (errors name JSON paths).
 * Throws QuotaTableFileError when the file itself cannot be read.
 */
export async function readQuotaTableFile(file: string, opts: QuotaTableReadOptions = {}): Promise<QuotaParseResult> {
  const shown = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    if (code === 'ENOENT') throw new QuotaTableFileError(`找不到任务分配表文件：${file}`, `quota table not found: ${file}`);
    if (code === 'EISDIR') throw new QuotaTableFileError(`${file} 是文件夹，请给出任务分配表文件（.csv、.xlsx 或 .json）`, `${file} is a folder; give a .csv, .xlsx or .json file`);
    throw new QuotaTableFileError(`读不了任务分配表 ${file}（${code}）`, `cannot read the quota table ${file} (${code})`);
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
      throw new QuotaTableFileError(
        `${at} 不是有效的 JSON（${(e as Error).message}）：请检查括号、逗号和引号`,
        `${at} is not valid JSON (${(e as Error).message}): check brackets, commas and quotes`,
      );
    }
    return withProvinceCities((o) => parseQuotaJson(value, shown, o), opts.divisions);
  }

  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const decoded = decodeText(bytes, opts.encoding);
    let sheet: RawSheet;
    try {
      sheet = csvToSheet(decoded.text, sniffDelimiter(decoded.text).value, shown);
    } catch (e) {
      const line = e instanceof CsvReadError && e.line ? `第 ${e.line} 行` : '';
      throw new QuotaTableFileError(`${shown}${line} 无法按 CSV 读取：${(e as Error).message}`, `${shown} cannot be read as CSV: ${(e as Error).message}`);
    }
    return withProvinceCities((o) => parseQuotaGrid(gridOf(sheet), { file: shown, csv: true }, o), opts.divisions);
  }

  if (ext === '.xlsx' || ext === '.xlsm') {
    let sheets: RawSheet[];
    try {
      sheets = (await readXlsxBuffer(bytes)).sheets;
    } catch (e) {
      throw new QuotaTableFileError(
        `${shown} 打不开（文件损坏或不是 .xlsx）：请在 Excel 中另存为 .xlsx 后再试`,
        `${shown} cannot be opened (${(e as Error).message}): save it again as .xlsx`,
      );
    }
    let firstFailure: QuotaParseResult | undefined;
    for (const sheet of sheets) {
      const result = withProvinceCities((o) => parseQuotaGrid(gridOf(sheet), { file: shown, sheet: sheet.name, csv: false }, o), opts.divisions);
      if ('table' in result) return result;
      // a sheet without a 附4 header (a 填表说明 sheet) is passed over; the first sheet that has one decides
      const headerless = result.errors.every((err: QuotaTableError) => err.id === 'no-header');
      if (!headerless) return result;
      firstFailure ??= result;
    }
    if (firstFailure) return firstFailure;
    throw new QuotaTableFileError(`${shown} 里没有工作表`, `${shown} has no sheets`);
  }

  if (ext === '.xls' || ext === '.et') {
    throw new QuotaTableFileError(
      `${shown} 是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再用 --table`,
      `${shown} is a legacy .xls file: save it as .xlsx first`,
    );
  }
  throw new QuotaTableFileError(
    `不认识任务分配表的格式 ${shown}：请给 .csv、.xlsx 或 .json 文件（可用 附4 格式）`,
    `unknown quota table format ${shown}: give a .csv, .xlsx or .json file`,
  );
}
