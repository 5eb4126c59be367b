// column-missing: the register has no 联系方式 (or no 序号) column at all; reported once, not per row.
import type { ColumnKey } from '../model.js';
import { defineRule } from './rule.js';

/** Core 附2 columns that are expected but not required (required ones missing make the file unreadable). */
const EXPECTED: { key: ColumnKey; header: string }[] = [
  { key: 'seq', header: '序号' },
  { key: 'phone', header: '联系方式' },
];

export default defineRule({
  meta: {
    id: 'column-missing',
    severity: 'warning',
    description: {
      zh: '登记表缺少“序号”或“联系方式”列',
      en: 'The register has no 序号 (number) or 联系方式 (phone) column',
    },
    messages: {
      zh: {
        seq: '登记表没有“{column}”列：请在最左边插入“序号”列，按 1、2、3… 依次编号',
        phone: '登记表没有“{column}”列：请在“扶贫家庭住址”后加一列“联系方式”，填写每户的手机号或固定电话',
      },
      en: {
        seq: 'The register has no "{column}" column: insert a "序号" column on the left and number the rows 1, 2, 3 …',
        phone:
          'The register has no "{column}" column: add a "联系方式" column after the address and type each household\'s mobile or landline number',
      },
    },
  },
  create(ctx) {
    return {
      end() {
        const present = new Set(ctx.register.columns.map((c) => c.key));
        for (const { key, header } of EXPECTED) {
          if (!present.has(key)) ctx.report({ messageId: key, columnKey: key, column: header });
        }
      },
    };
  },
});
