// What commands do with a register's rows as they go by: validate them, plan repairs, note the pairings to count, make
// cards. Each visitor keeps only what its command needs, so no command holds a register's rows.
import { COLUMNS } from '../columns.js';
import { FixPlanner, type Fix, type FixOptions } from '../fix.js';
import { HouseholdIndex, rowHandOver } from '../household.js';
import type { ColumnKey, Problem, Register, RegisterRow } from '../model.js';
import type { RuleModule, RuleOptions } from '../rules/rule.js';
import { createRowValidator } from '../validate.js';
import { PairingTable, type PairingRow, type PairingRows } from './pairing-table.js';

export type { PairingRow, PairingRows } from './pairing-table.js';
import type { RegisterVisitor, VisitorSpec } from './builder.js';
import { fileProblem } from './builder.js';

/** Problems about a register as a whole that reading it showed: an unknown area, a required column missing, a CSV quote. */
export function headerProblems(reg: Register): Problem[] {
  const out: Problem[] = [];
  // DOMAIN §2: a register whose area is unknown is still checked; what needs the area is skipped, and the clerk is told
  if (reg.area.level === 'unknown') out.push(fileProblem('area-unknown', 'unknown'));
  for (const key of reg.missingColumns) {
    const spec = COLUMNS.find((c) => c.key === key)!;
    if (!spec.required) continue;
    out.push(fileProblem('required-column', 'missing', { label: spec.label, headerRow: reg.headerRows.join('-') }));
  }
  // a value the workbook reader could not place (a missing shared string, a macro sheet's cells): never silent
  for (const d of Object.values(reg.detected)) {
    if (d?.warning) out.push({ ...fileProblem('file-partly-read', d.warning.messageId, d.warning.data), severity: 'warning' });
  }
  // a CSV line whose quote never closes was read with the quote as a plain character: the clerk should look at it
  for (const line of (reg.detected.unclosedQuote?.value ?? '').split(',').filter(Boolean)) {
    const row = Number(line);
    if (row >= (reg.headerRows[0] ?? 0)) out.push({ ...fileProblem('csv-repaired', 'quote', { line: row }), row, severity: 'warning' });
  }
  return out;
}

/** `problems`: every rule over the rows, the register's own problems first; sorted by row and column. */
export function validation(rules: readonly RuleModule[], options: RuleOptions): VisitorSpec {
  return {
    name: 'problems',
    create(register): RegisterVisitor {
      const v = createRowValidator(register, rules, options);
      return {
        row: (row) => v.row(row),
        end: () => [...headerProblems(register), ...v.end()],
      };
    },
  };
}

export interface RepairPlan {
  problems: Problem[];
  fixes: Fix[];
}

/** `repairs`: the register's problems (as `validation`) and the repairs `fupin fix` makes, the rules' own among them. */
export function repairs(rules: readonly RuleModule[], options: RuleOptions, fixOptions: FixOptions): VisitorSpec {
  return {
    name: 'repairs',
    create(register): RegisterVisitor {
      const v = createRowValidator(register, rules, options);
      const planner = new FixPlanner(register, fixOptions);
      return {
        row(row) {
          v.row(row);
          planner.row(row);
        },
        end(): RepairPlan {
          const problems = [...headerProblems(register), ...v.end()];
          return { problems, fixes: planner.end(problems) };
        },
      };
    },
  };
}

/** FNV-1a over the row's normalised values, in column order. */
function signature(row: RegisterRow, keys: readonly ColumnKey[]): number {
  let h = 0x811c9dc5;
  for (const k of keys) {
    const t = row.fields[k]?.norm ?? '';
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * `pairings`: who helps whom, row by row — household ids from one index shared by every register of the ledger, so the
 * same household counts once wherever it appears. `keepAddress` says for which registers the addresses are kept.
 */
export function pairings(index: HouseholdIndex, keepAddress: (register: Register) => boolean = () => false): VisitorSpec {
  return {
    name: 'pairings',
    create(register): RegisterVisitor {
      const rows = new PairingTable(index, register.expectedRows);
      // what the validation visitor before this one worked out about each row's household (check)
      const handOver = rowHandOver(register);
      index.reserve(register.expectedRows ?? 0);
      const keys = register.columns.map((c) => c.key).filter((k) => k !== 'seq');
      const withAddress = keepAddress(register);
      return {
        row(r) {
          const household = index.noOf(r, register.area, handOver);
          const org = handOver.orgKey(r, index.divisions);
          const spelling = (r.fields.org?.text ?? '').trim();
          const sig = signature(r, keys);
          const t = r.fields.orgType?.text;
          // the usual row straight into the columns, without a PairingRow made to be read once
          if (!withAddress) {
            rows.note(r.row, household, org, spelling, t ? t : undefined, sig);
            return;
          }
          const p: PairingRow = { row: r.row, spelling, sig };
          if (household !== undefined) p.household = household;
          if (org !== undefined) p.org = org;
          if (t) p.typeText = t;
          p.name = (r.fields.name?.text ?? '').trim();
          p.address = (r.fields.address?.text ?? '').trim();
          if (r.fields.address) p.addressCell = r.fields.address.cell;
          rows.add(p);
        },
        end: () => rows,
      };
    },
  };
}

const NO_PAIRINGS: PairingRows = { length: 0, householdText: () => '', eachCount: () => undefined, [Symbol.iterator]: () => [][Symbol.iterator]() };

/** The pairing rows a register's `pairings` visitor noted (none when it did not run). */
export function pairingRows(results: Record<string, unknown>): PairingRows {
  return (results.pairings as PairingRows | undefined) ?? NO_PAIRINGS;
}

/** The problems a register's `validation` (or `repairs`) visitor found. */
export function problemsOf(results: Record<string, unknown>): Problem[] {
  return (results.problems as Problem[] | undefined) ?? (results.repairs as RepairPlan | undefined)?.problems ?? [];
}
