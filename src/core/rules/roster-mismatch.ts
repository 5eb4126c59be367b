// roster-mismatch: a household found on a roster by its ID number under another name, or by its name and village with
// another ID number — reported at the cell that differs; ID numbers are shown masked (430524********1234).
import { maskId } from '../roster/match.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'roster-mismatch',
    severity: 'warning',
    description: {
      zh: '结对户与名单上的姓名或身份证号码不一致',
      en: 'The household differs from the roster in name or ID number',
    },
    messages: {
      zh: {
        name: '{cell} 户主姓名“{value}”与名单不同：身份证号码相同的户在 {roster} 第 {rosterRow} 行，姓名为“{listed}”；请核对后改正其中一处',
        id: '{cell} 身份证号码 {value} 与名单不同：{roster} 第 {rosterRow} 行同村的“{name}”为 {listed}；请核对后改正其中一处',
      },
      en: {
        name: '{cell}: the head\'s name "{value}" differs from the roster: the household with the same ID number is in {roster} row {rosterRow} as "{listed}"; check and correct one of them',
        id: '{cell}: the ID number {value} differs from the roster: "{name}" of the same village is in {roster} row {rosterRow} with {listed}; check and correct one of them',
      },
    },
  },
  create(ctx) {
    const roster = ctx.options.roster;
    if (!roster) return {};
    const idHeader = ctx.register.columns.find((c) => c.key === 'idNumber')?.header;
    return {
      row(row) {
        const m = roster.lookup(row, ctx.register.area).match;
        if (!m) return;
        const where = { roster: roster.rosters[m.entry.roster]!.file, rosterRow: m.entry.row };
        if (m.nameDiffers) ctx.reportCell(row, 'name', 'name', { ...where, listed: m.entry.name });
        else if (m.idDiffers) {
          const f = row.fields.idNumber;
          ctx.report({
            messageId: 'id',
            row: row.row,
            columnKey: 'idNumber',
            ...(idHeader ? { column: idHeader } : {}),
            ...(f?.cell ? { cell: f.cell } : {}),
            value: maskId(f?.text ?? ''),
            data: { ...where, name: m.entry.name, listed: maskId(m.entry.id) },
          });
        }
      },
    };
  },
});
