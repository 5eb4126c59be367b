// required-cell: 扶贫单位、户主姓名、家庭住址 must be filled in every pairing row.
import type { ColumnKey } from '../model.js';
import { isBlankText as isBlank } from '../row-facts.js';
import { defineRule } from './rule.js';

/** The columns checked, in this order (row() names them). */
const REQUIRED: readonly ColumnKey[] = ['org', 'name', 'address'];

export default defineRule({
  meta: {
    id: 'required-cell',
    severity: 'error',
    description: {
      zh: '扶贫单位、户主姓名、家庭住址为必填项',
      en: 'The organisation, head of household and address are required',
    },
    messages: {
      zh: {
        org: '{cell} 扶贫单位为空：请填写帮扶该户的慈善组织全称',
        name: '{cell} 户主姓名为空：请填写扶贫户户主的姓名',
        address: '{cell} 家庭住址为空：请填写扶贫户住址（乡镇、村、组）',
      },
      en: {
        org: '{cell}: the organisation is empty; type the full name of the organisation helping this household',
        name: '{cell}: the head of household is empty; type their name',
        address: '{cell}: the address is empty; type the household address (township, village, group)',
      },
    },
  },
  create(ctx) {
    const present = new Set(ctx.register.columns.map((c) => c.key));
    // REQUIRED's three columns read by name, those the register has known once (not a Set and a key per column a row)
    const [org, name, address] = REQUIRED.map((k) => present.has(k));
    return {
      row(row) {
        const fields = row.fields;
        if (org && isBlank(fields.org?.text)) ctx.reportCell(row, 'org', 'org');
        if (name && isBlank(fields.name?.text)) ctx.reportCell(row, 'name', 'name');
        if (address && isBlank(fields.address?.text)) ctx.reportCell(row, 'address', 'address');
      },
    };
  },
});
