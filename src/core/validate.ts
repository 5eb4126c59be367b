// Runs the rules over one register and returns its problems, sorted by row and column.
import type { ColumnKey, Problem, Register, RegisterRow, Severity } from './model.js';
import type { ReportInput, RuleContext, RuleModule, RuleOptions } from './rules/rule.js';

export function validateRegister(register: Register, rules: readonly RuleModule[], options: RuleOptions): Problem[] {
  const problems: Problem[] = [];
  const headerOf = new Map<ColumnKey, string>(register.columns.map((c) => [c.key, c.header]));

  const visitors = rules.map((rule) => {
    const report = (p: ReportInput): void => {
      problems.push({ ...p, rule: rule.meta.id, severity: p.severity ?? rule.meta.severity });
    };
    const ctx: RuleContext = {
      register,
      options,
      report,
      reportCell(row: RegisterRow, key: ColumnKey, messageId: string, data?: Record<string, string | number>, severity?: Severity) {
        const f = row.fields[key];
        report({
          messageId,
          severity,
          row: row.row,
          columnKey: key,
          column: headerOf.get(key),
          cell: f?.cell ?? cellOfMissing(register, key, row.row),
          value: f?.text,
          data,
        });
      },
    };
    return rule.create(ctx);
  });

  for (const row of register.rows) {
    for (const v of visitors) v.row?.(row);
  }
  for (const v of visitors) v.end?.();

  return sortProblems(problems, register);
}

/** A1 reference of a column's cell in a row where the reader had no field (an empty cell). */
function cellOfMissing(register: Register, key: ColumnKey, row: number): string | undefined {
  const c = register.columns.find((m) => m.key === key);
  return c ? `${c.letter}${row}` : undefined;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortProblems(problems: Problem[], register?: Register): Problem[] {
  const colIndex = new Map<ColumnKey, number>((register?.columns ?? []).map((c) => [c.key, c.col]));
  return problems.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.columnKey !== undefined ? (colIndex.get(a.columnKey) ?? 99) : -1) -
        (b.columnKey !== undefined ? (colIndex.get(b.columnKey) ?? 99) : -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}
