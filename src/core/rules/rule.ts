// The shape of a validation rule: metadata (id, severity, zh/en messages) and per-row / end hooks.
import type { ColumnKey, FixEdit, Lang, MsgArg, Problem, Register, RegisterRow, Severity } from '../model.js';
import type { DivisionIndex } from '../divisions.js';
import type { OrgRegistry } from '../orgs.js';
import type { RowFacts } from '../row-facts.js';
import type { RosterIndex } from '../roster/match.js';

export type Messages = Record<string, string>;

export interface RuleMeta {
  /** Stable kebab-case id; the file name is the id. */
  id: string;
  /** Default severity; a report may override it (e.g. --strict). */
  severity: Severity;
  /** One line saying what the rule checks. */
  description: Record<Lang, string>;
  /** Message templates by messageId, `{placeholder}` filled from Problem.data, value, cell, column. */
  messages: Record<Lang, Messages>;
  /** Its findings carry a repair (Problem.fix) when one can be made mechanically; `fupin fix` applies them. */
  fixable?: boolean;
}

export interface RuleOptions {
  /** --strict: warnings fail the run; some rules also raise their severity. */
  strict: boolean;
  /** The division list, when loaded (address and area rules need it). */
  divisions?: DivisionIndex;
  /** The org registry (orgs.csv), when there is one (org-type-guess needs it). */
  registry?: OrgRegistry;
  /** The rosters given (--roster, "rosters"), when any: roster-missing and roster-mismatch need them. */
  roster?: RosterIndex;
}

/** What a rule may report: a Problem without its rule id; severity defaults to the rule's. */
export type ReportInput = Omit<Problem, 'rule' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  register: Register;
  options: RuleOptions;
  report(p: ReportInput): void;
  /** Report about one cell of a row: fills row, cell, column and value from the field; `fix`: the repair proposed. */
  reportCell(
    row: RegisterRow,
    key: ColumnKey,
    messageId: string,
    data?: Record<string, MsgArg>,
    severity?: Severity,
    fix?: FixEdit[],
  ): void;
  /** The repair that writes `after` into a row's cell of column `key` (for a report's `fix`). */
  edit(row: RegisterRow, key: ColumnKey, after: string): FixEdit;
  /** Facts about the current row shared by the rules of this run (org key, household id, phones); absent: compute your own. */
  facts?: RowFacts;
}

export interface RuleVisitor {
  /** Called for every data row, in sheet order. */
  row?(row: RegisterRow): void;
  /** Called once after the last row: aggregating rules report here. */
  end?(): void;
}

export interface RuleModule {
  meta: RuleMeta;
  create(ctx: RuleContext): RuleVisitor;
}

export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}
