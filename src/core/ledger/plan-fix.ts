// The repair plan of a ledger (pure): for each file read with the `repairs` visitor, the cell changes to make, or why it
// is copied as it is or left alone. io writes the copies; inputs are never written.
import type { Fix } from '../fix.js';
import type { Problem, SourceFormat } from '../model.js';
import type { Ledger } from './model.js';
import type { RepairPlan } from './visitors.js';

export interface FileRepair {
  file: string;
  abs: string;
  format: SourceFormat;
  /** The input's encoding (CSV). */
  encoding?: string;
  fixes: Fix[];
}

export interface FixPlan {
  repairs: FileRepair[];
  /** Readable files that need nothing (copied as they are, so the output folder holds the whole set). */
  unchanged: { file: string; abs: string }[];
  /** Files that could not be read: listed, not copied. */
  unreadable: (Problem & { file: string })[];
}

export function planFix(ledger: Ledger): FixPlan {
  const plan: FixPlan = { repairs: [], unchanged: [], unreadable: [] };
  for (const f of ledger.files) {
    if (f.kind === 'own-output') continue;
    if (f.failure) {
      plan.unreadable.push({ ...f.failure, file: f.file });
      continue;
    }
    const fixes = f.registers.flatMap((e) => (e.results.repairs as RepairPlan | undefined)?.fixes ?? []);
    if (fixes.length === 0) {
      plan.unchanged.push({ file: f.file, abs: f.abs });
      continue;
    }
    const format = f.registers[0]!.register.format;
    const encoding = format === 'csv' ? f.detected.encoding?.value : undefined;
    plan.repairs.push({ file: f.file, abs: f.abs, format, ...(encoding ? { encoding } : {}), fixes });
  }
  return plan;
}
