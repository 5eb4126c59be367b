// Writes small registers as an office makes them (附2 layout: title, 填报单位 line, header, rows, the closing 备注), for the
// fixture generators that model their own data: xlsx through exceljs with fixed dates, or delimited text in an encoding.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { stampZipDates } from './deterministic.mjs';

export const FIXED_DATE = new Date(Date.UTC(2020, 5, 10, 1, 30, 0));
export const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];
export const FOOTER = '备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。';

/** The grid of one register sheet: title, 填报单位 line, header, one row per pairing [org, name, address, phone], footer. */
export function registerGrid({ title, unit, rows, header = HEADER }) {
  return [
    [title],
    [`填报单位：${unit}`, null, null, '填报日期：2020年6月10日'],
    header,
    ...rows.map((r, i) => [i + 1, ...r]),
    [FOOTER],
  ];
}

/** An xlsx workbook of sheets { name, grid } with fixed dates (the same bytes on every run). */
export async function workbook(sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Administrator';
  wb.lastModifiedBy = 'Administrator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = [6, 30, 12, 36, 16].map((width) => ({ width }));
    s.grid.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
    for (const [r1, c1, r2, c2] of s.merges ?? []) ws.mergeCells(r1, c1, r2, c2);
  }
  return stampZipDates(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_DATE);
}

/** A grid as delimited text, as Excel saves it ("CSV (逗号分隔)" in GBK, or "Unicode 文本": UTF-16LE with BOM and tabs). */
export function delimited(grid, { delimiter = ',', encoding = 'gbk' } = {}) {
  const width = Math.max(...grid.map((r) => r.length));
  const quote = (s) => (s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s);
  const text = grid.map((r) => Array.from({ length: width }, (_, i) => quote(r[i] === null || r[i] === undefined ? '' : String(r[i]))).join(delimiter)).join('\r\n') + '\r\n';
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from(text, 'utf8');
}

/**
 * The 附3 figures of pairings counted as DOMAIN §5 says, by the generators' own model (not fupin's): per type the
 * distinct organisations and households, 参与扶贫单位总数 the sum of the three, 扶贫脱贫农户总数 the distinct households.
 * A pairing is { org, type, household } (household: a key the generator made unique per household).
 */
export function countRow(unit, pairings) {
  const row = { unit };
  const all = new Set();
  let units = 0;
  for (const type of ['charity', 'foundation', 'social']) {
    const mine = pairings.filter((p) => p.type === type);
    const orgs = new Set(mine.map((p) => p.org));
    const homes = new Set(mine.map((p) => p.household));
    row[type] = { units: orgs.size, households: homes.size };
    units += orgs.size;
    for (const h of homes) all.add(h);
  }
  row.subtotal = { units, households: all.size };
  return row;
}

/** 合计: the column sums. */
export function totalOf(rows) {
  const t = {};
  for (const k of ['charity', 'foundation', 'social', 'subtotal']) {
    t[k] = { units: rows.reduce((n, r) => n + r[k].units, 0), households: rows.reduce((n, r) => n + r[k].households, 0) };
  }
  return t;
}
