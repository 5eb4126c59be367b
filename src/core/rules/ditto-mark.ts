// ditto-mark: "同上" / 〃 in the organisation or address column — counted as the row above's value, and said so.
import type { ColumnKey, Field, RegisterRow } from '../model.js';
import { isDittoMark } from '../normalize.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'ditto-mark',
    severity: 'warning',
    description: {
      zh: '单位或住址写“同上”时按上一行计，并提醒填写完整',
      en: 'A ditto mark in the organisation or address column counts as the row above, with a reminder to write it out',
    },
    messages: {
      zh: {
        resolved: '{cell} 写的是“{mark}”，已按上一行的“{counted}”计：请直接填写完整内容（可复制上一行），以免表格排序或筛选后对不上',
        unresolved: '{cell} 写的是“{mark}”，但上面没有可参照的行：请填写完整的{label}',
      },
      en: {
        resolved: '{cell} says "{mark}" and was counted as the row above, "{counted}": write the value out in full (copy it) so sorting or filtering cannot break it',
        unresolved: '{cell} says "{mark}" but there is no row above to refer to: write the {label} (the value itself) in full',
      },
    },
    fixable: true,
  },
  create(ctx) {
    const LABEL: Record<string, string> = { org: '单位名称', address: '家庭住址' };
    const headerOf = new Map(ctx.register.columns.map((c) => [c.key, c.header]));
    /** A row's cell of the organisation or address column (the columns a mark may stand in). */
    const check = (row: RegisterRow, key: ColumnKey, f: Field): void => {
      if (f.ditto !== undefined) {
        // the cell holds the mark; the value counted is the row above's
        ctx.report({
          messageId: 'resolved',
          row: row.row,
          columnKey: key,
          column: headerOf.get(key),
          cell: f.cell,
          value: f.ditto,
          data: { mark: f.ditto, counted: f.text },
          fix: [ctx.edit(row, key, f.text)],
        });
      } else if (f.norm !== '' && isDittoMark(f.norm)) ctx.reportCell(row, key, 'unresolved', { mark: f.text, label: LABEL[key]! });
    };
    return {
      row(row) {
        // the two columns by name, organisation first
        const { org, address } = row.fields;
        if (org) check(row, 'org', org);
        if (address) check(row, 'address', address);
      },
    };
  },
});
