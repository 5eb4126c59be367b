// Cheap recognition of a 附4 任务分配表 (quota table) grid, so folders holding one are not misread as registers or 统计表.
import type { RawSheet } from '../model.js';
import { compact } from '../normalize.js';
import { rowAt, rowCountOf } from '../sheet-rows.js';

/** A 附4 table names 选定 (organisations to select) under 基金会/社会服务机构, or calls itself 任务分配. */
export function looksLikeQuotaTable(sheet: RawSheet): boolean {
  let select = false;
  let groups = false;
  // rowAt: a big sheet held compactly is not built whole to look at its top
  for (let r = 0; r < Math.min(rowCountOf(sheet), 12); r++) {
    for (const cell of rowAt(sheet, r) ?? []) {
      const t = compact(cell?.text ?? '');
      if (!t) continue;
      if (/任务分配|帮扶任务/u.test(t)) return true;
      if (t === '选定') select = true;
      if (t.includes('慈善系统') || t.includes('基金会')) groups = true;
    }
  }
  return select && groups;
}
