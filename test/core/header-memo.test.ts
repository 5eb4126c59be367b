// The header mapping is remembered by the header's cells (a folder of one form asks the same header for every file):
// what a sheet's registers say must be what a first reading says — rows, columns, merges, and nothing shared.
import { describe, expect, it } from 'vitest';
import type { MergeRange, RawCell, RawSheet } from '../../src/core/model.js';
import { scanSheet } from '../../src/core/register.js';

function sheet(rows: (string | null)[][], merges: MergeRange[] = []): RawSheet {
  return { name: 'Sheet1', merges, rows: rows.map((r) => r.map((v): RawCell | undefined => (v === null || v === '' ? undefined : { text: v, kind: 'string' }))) };
}

const ctx = { file: 'x.xlsx', format: 'xlsx' as const, area: { level: 'unknown' as const, source: 'none' as const }, detected: {} };
const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '另一列'];
const DATA = ['1', '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', '13907451234', 'x'];

describe('the remembered header mapping', () => {
  it('gives each sheet its own rows and columns, whatever row the same header is on', () => {
    const a = scanSheet(sheet([['登记表'], HEADER, DATA]), ctx).registers[0]!;
    const b = scanSheet(sheet([['登记表'], [], ['填报单位：溆浦县慈善会'], HEADER, DATA]), ctx).registers[0]!;
    expect(a.headerRows).toEqual([2]);
    expect(b.headerRows).toEqual([4]);
    expect(b.columns).toEqual(a.columns);
    expect(b.columns).not.toBe(a.columns);
    expect(b.columns[0]).not.toBe(a.columns[0]);
    // a register that changes what it was given changes no other
    a.columns[0]!.header = 'changed';
    const c = scanSheet(sheet([HEADER, DATA]), ctx).registers[0]!;
    expect(c.columns[0]!.header).toBe('序号');
  });

  it('tells apart headers whose cells differ only in where one cell ends', () => {
    // joined with the separator a plain key would put between the cells
    const joined = ['序号', '扶贫单位或者机构名称\u0000扶贫户主姓名', '扶贫家庭住址'];
    const a = scanSheet(sheet([['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'], ['1', '慈善会', '张三', '大坪村']]), ctx).registers;
    const b = scanSheet(sheet([joined, ['1', '慈善会', '大坪村']]), ctx).registers;
    expect(a).toHaveLength(1);
    expect(a[0]!.columns.map((c) => c.key)).toEqual(['seq', 'org', 'name', 'address']);
    expect(b.flatMap((r) => r.columns.map((c) => c.key))).not.toEqual(['seq', 'org', 'name', 'address']);
  });

  it('reads a two-row header with merges the same the second time', () => {
    const rows = [
      ['序号', '帮扶对象', null, '扶贫单位或者机构名称'],
      [null, '户主姓名', '家庭住址', null],
      ['1', '张三', '大坪村', '溆浦县慈善会'],
    ];
    const merged = scanSheet(sheet(rows, [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 3, bottom: 1, right: 3 }, { top: 0, left: 1, bottom: 0, right: 2 }]), ctx).registers[0]!;
    const again = scanSheet(sheet(rows, [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 3, bottom: 1, right: 3 }, { top: 0, left: 1, bottom: 0, right: 2 }]), ctx).registers[0]!;
    expect(again.columns).toEqual(merged.columns);
    expect(again.headerRows).toEqual(merged.headerRows);
    expect(merged.columns.map((c) => `${c.letter}:${c.key}`)).toEqual(['A:seq', 'B:name', 'C:address', 'D:org']);
  });

  it('maps a header too wide to remember (thousands of long cells, as a crafted sheet has) the same every time', () => {
    const long = 'x'.repeat(30_000);
    const wide = [...HEADER, ...Array.from({ length: 200 }, () => long)];
    const first = scanSheet(sheet([wide, [...DATA, ...Array.from({ length: 200 }, () => 'y')]]), ctx).registers;
    const again = scanSheet(sheet([wide, [...DATA, ...Array.from({ length: 200 }, () => 'y')]]), ctx).registers;
    expect(first).toHaveLength(1);
    expect(first[0]!.columns.slice(0, 4).map((c) => c.key)).toEqual(['seq', 'org', 'name', 'address']);
    expect(again[0]!.columns).toEqual(first[0]!.columns);
  });
});
