// Validates a register fed one row at a time (pure): rows go from the scanner straight to the rule visitors and are dropped, so memory holds only what the rules keep.
//
// The scanning is register.ts's own (TextSheetScanner: the same header search, row reading and repeated-header,
// footer and total handling as scanSheet, one row at a time), so a streamed CSV gives exactly the registers,
// rows and problems of the whole-file path. Grids with merged cells (xlsx) are out of scope: CSV has none.
import type { AreaGuess, Problem, Register } from './model.js';
import { type ScanContext, type SheetScan, TextSheetScanner } from './register.js';
import type { RuleModule, RuleOptions } from './rules/rule.js';
import { createRowValidator, type RowValidator } from './validate.js';

export { createRowValidator, type RowValidator } from './validate.js';

export interface StreamedRegister {
  /** The register without its rows (they were validated and dropped); `rowCount` says how many there were. */
  register: Register;
  rowCount: number;
  /** The rules' problems, sorted (validateRegister's result). */
  problems: Problem[];
}

export interface StreamResult {
  registers: StreamedRegister[];
  /** When no register was found: the closest header candidate (as scanSheet gives it). */
  bestCandidate?: SheetScan['bestCandidate'];
  /** Some cell has text: with no register, an empty file and a file without a header are told apart by it. */
  anyCells: boolean;
}

export interface RegisterStreamOptions {
  sheetName: string;
  ctx: ScanContext;
  rules: readonly RuleModule[];
  options: RuleOptions;
  /** The register's area from its title lines (the caller knows the path and flags), as findRegisters gives it. */
  areaOf: (titleLines: string[]) => AreaGuess;
}

/** One CSV sheet's registers, validated as its rows (records as cell texts, '' for an empty cell) are pushed. */
export class RegisterStream {
  private readonly scanner: TextSheetScanner;
  private readonly validators = new Map<Register, RowValidator>();

  constructor(o: RegisterStreamOptions) {
    this.scanner = new TextSheetScanner(o.sheetName, o.ctx, (register) => {
      register.area = o.areaOf(register.titleLines);
      const v = createRowValidator(register, o.rules, o.options);
      this.validators.set(register, v);
      return (row) => v.row(row);
    });
  }

  push(cells: string[]): void {
    this.scanner.push(cells);
  }

  end(): StreamResult {
    const scan = this.scanner.end();
    return {
      registers: scan.registers.map(({ register, rowCount }) => ({ register, rowCount, problems: this.validators.get(register)!.end() })),
      ...(scan.bestCandidate ? { bestCandidate: scan.bestCandidate } : {}),
      anyCells: scan.anyCells,
    };
  }
}
