// findHeader maps a header row together with the row under it only when that row is not plain data (cells filled,
// none naming a column): looksLikeData turns such a pair down whatever it maps to. With the test on or off, every
// sheet must read the same — header rows, columns, unknown cells, rows, best candidate.
import { afterEach, describe, expect, it } from 'vitest';
import type { MergeRange, RawCell, RawSheet } from '../../src/core/model.js';
import { headerPairFilter, scanSheet } from '../../src/core/register.js';

const ctx = { file: 'x.xlsx', format: 'xlsx' as const, area: { level: 'unknown' as const, source: 'none' as const }, detected: {} };

/** A deterministic pseudo-random generator (tests never depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TITLES = ['溆浦县慈善组织精准扶贫结对帮扶登记表', '填报单位：溆浦县慈善会    填报日期：2016年9月12日', '附2：', '名单'];
const HEADERS = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码', '家庭人口', '户主姓名', '家庭住址', '住址', '姓名', '单位名称', '备注', '类型'];
const GROUPS = ['帮扶对象', '帮扶单位', '基本情况', '扶贫户', '合计'];
const DATA = ['1', '2', '溆浦县慈善会', '张三', '李四', '溆浦县卢峰镇大坪村3组', '13907451234', '431224198001011234', '3', '同上', '无', ' '];

function sheetOf(rows: (string | undefined)[][], merges: MergeRange[]): RawSheet {
  return {
    name: 'Sheet1',
    merges,
    rows: rows.map((row) => {
      const out: (RawCell | undefined)[] = [];
      row.forEach((t, c) => {
        if (t !== undefined) out[c] = { text: t, kind: 'string' };
      });
      return out;
    }),
  };
}

/** What a scan says, as plain data. */
function scanned(sheet: RawSheet): unknown {
  const seen: unknown[] = [];
  const scan = scanSheet(sheet, ctx, (register) => {
    seen.push({ headerRows: register.headerRows, columns: register.columns, unknown: register.unknownColumns, titleLines: register.titleLines });
    return (row) => seen.push(row.row);
  });
  return JSON.parse(JSON.stringify({ scan, seen }));
}

afterEach(() => {
  headerPairFilter.on = true;
});

describe('the header pair is mapped only when the row under it may continue it', () => {
  it('reads a thousand made-up sheets (titles, one- and two-row headers, merged group cells, data) as the pair always mapped', () => {
    const rand = rng(20261127);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
    let twoRow = 0;
    let oneRow = 0;
    for (let n = 0; n < 1000; n++) {
      const width = 3 + Math.floor(rand() * 6);
      const rows: (string | undefined)[][] = [];
      const merges: MergeRange[] = [];
      for (let t = Math.floor(rand() * 3); t > 0; t--) rows.push([pick(TITLES)]);
      const top = rows.length;
      const kind = rand();
      // a header row, then maybe a second one (group cells above, merged down or across), a row of mixed cells, or data
      rows.push(Array.from({ length: width }, () => (rand() < 0.8 ? pick(HEADERS) : rand() < 0.5 ? pick(GROUPS) : undefined)));
      if (kind < 0.3) {
        rows.push(Array.from({ length: width }, () => (rand() < 0.6 ? pick(HEADERS) : undefined)));
        if (rand() < 0.5) merges.push({ top, left: 0, bottom: top + 1, right: 0 });
        if (rand() < 0.5 && width > 3) merges.push({ top, left: 1, bottom: top, right: 2 });
      } else if (kind < 0.45) {
        rows.push(Array.from({ length: width }, () => (rand() < 0.2 ? pick(HEADERS) : rand() < 0.8 ? pick(DATA) : undefined)));
      }
      for (let d = Math.floor(rand() * 6); d > 0; d--) rows.push(Array.from({ length: width }, () => (rand() < 0.85 ? pick(DATA) : undefined)));
      const sheet = sheetOf(rows, merges);
      headerPairFilter.on = true;
      const fast = scanned(sheet);
      headerPairFilter.on = false;
      const general = scanned(sheet);
      expect(fast).toEqual(general);
      const first = (fast as { seen: { headerRows?: number[] }[] }).seen[0];
      if (first?.headerRows?.length === 2) twoRow++;
      else if (first?.headerRows?.length === 1) oneRow++;
    }
    // both kinds of header were read
    expect(twoRow).toBeGreaterThan(20);
    expect(oneRow).toBeGreaterThan(200);
  });

  it('still reads a two-row header whose second row names columns, and a one-row header over data', () => {
    const two = scanned(sheetOf([['序号', '帮扶对象', undefined, '扶贫单位或者机构名称'], [undefined, '户主姓名', '家庭住址', undefined], ['1', '张三', '大坪村', '溆浦县慈善会']], [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 3, bottom: 1, right: 3 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ])) as { seen: { headerRows: number[] }[] };
    expect(two.seen[0]!.headerRows).toEqual([1, 2]);
    const one = scanned(sheetOf([['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'], ['1', '溆浦县慈善会', '张三', '大坪村']], [])) as { seen: { headerRows: number[] }[] };
    expect(one.seen[0]!.headerRows).toEqual([1]);
  });
});
