// Telling a sheet's kind (统计表, 附4) looks at its top rows only: a big sheet held compactly (RawSheet.lean) is never
// built whole for it (its grid getter is not touched).
import { describe, expect, it } from 'vitest';
import type { RawCell, RawSheet } from '../../src/core/model.js';
import { looksLikeQuotaTable } from '../../src/core/quota/detect.js';
import { looksLikeStatsTable } from '../../src/core/stats-table.js';

function leanSheet(top: string[][], rowCount: number): RawSheet & { built: () => number } {
  let built = 0;
  const row = (r: number): (RawCell | undefined)[] | undefined => (top[r] ?? [`第${r}行`]).map((text) => ({ text, type: 'string' }) as RawCell);
  return {
    name: 'S',
    get rows(): (RawCell | undefined)[][] {
      built++;
      return Array.from({ length: rowCount }, (_, r) => row(r)!);
    },
    lean: { rowCount, row, hasText: () => true },
    built: () => built,
  } as unknown as RawSheet & { built: () => number };
}

describe('sheet kind detection on a compact sheet', () => {
  it('a 100,000-row sheet that is no register, 统计表 or 附4 is answered from its top rows', () => {
    const s = leanSheet([['名单'], ['姓名', '身份证号码', '村']], 100_000);
    expect(looksLikeStatsTable(s)).toBe(false);
    expect(looksLikeQuotaTable(s)).toBe(false);
    expect(s.built()).toBe(0);
  });

  it('a 统计表 and a 附4 are still told apart', () => {
    expect(looksLikeStatsTable(leanSheet([['单位', '慈善系统', '基金会'], ['', '参与单位数量', '扶贫脱贫户数']], 50))).toBe(true);
    expect(looksLikeQuotaTable(leanSheet([['湖南省慈善组织精准扶贫帮扶任务分配表']], 50))).toBe(true);
  });
});
