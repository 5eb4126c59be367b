// From a read workbook to validated registers: find each register, give it its area, run the rules (pure).
import { COLUMN_BY_KEY, COLUMNS, REQUIRED_KEYS } from './columns.js';
import { FILE_PROBLEMS, type FileProblemId } from './file-problems.js';
import type { AreaGuess, Detected, FileReport, Problem, RawSheet, Register, SourceFormat } from './model.js';
import { scanSheet } from './register.js';
import type { RuleModule, RuleOptions } from './rules/rule.js';
import { validateRegister } from './validate.js';

export interface WorkbookInput {
  file: string;
  format?: SourceFormat;
  sheets: RawSheet[];
  detected: Detected;
  failure?: { rule: FileProblemId; messageId: string; data?: Record<string, string | number> };
}

/** Decides a register's area from what the sheet says above its header (the path and flags are the caller's). */
export type AreaResolver = (titleLines: string[]) => AreaGuess;

export interface FoundRegisters {
  registers: Register[];
  /** Sheets that held no register (a 说明 sheet next to the register): named, not an error. */
  otherSheets: string[];
  /** Set when the file holds no register at all. */
  failure?: Problem;
  /**
   * Set when the registers were validated as they were read (a streamed CSV; their `rows` are empty): for each
   * register, in order, how many pairing rows it had and the rules' problems.
   */
  streamed?: { rows: number; problems: Problem[] }[];
}

export function fileProblem(id: FileProblemId, messageId: string, data?: Record<string, string | number>): Problem {
  return { rule: id, messageId, severity: FILE_PROBLEMS[id].severity, ...(data ? { data } : {}) };
}

export function findRegisters(wb: WorkbookInput, areaOf: AreaResolver): FoundRegisters {
  if (wb.failure) return { registers: [], otherSheets: [], failure: fileProblem(wb.failure.rule, wb.failure.messageId, wb.failure.data) };
  const registers: Register[] = [];
  const otherSheets: string[] = [];
  let best: { row: number; found: { header: string }[]; sheet: string } | undefined;
  let anyCells = false;
  for (const sheet of wb.sheets) {
    if (sheet.rows.some((r) => r.some((c) => c && c.text !== ''))) anyCells = true;
    const scan = scanSheet(sheet, {
      file: wb.file,
      format: wb.format ?? 'xlsx',
      area: { level: 'unknown', source: 'none' },
      detected: wb.detected,
    });
    if (scan.registers.length === 0) {
      otherSheets.push(sheet.name);
      if (scan.bestCandidate && (!best || scan.bestCandidate.found.length > best.found.length)) {
        best = { ...scan.bestCandidate, sheet: sheet.name };
      }
    }
    for (const reg of scan.registers) {
      reg.area = areaOf(reg.titleLines);
      registers.push(reg);
    }
  }
  if (registers.length === 0) {
    if (!anyCells) return { registers, otherSheets, failure: fileProblem('file-empty', 'no-cells') };
    const expected = REQUIRED_KEYS.map((k) => COLUMN_BY_KEY.get(k)!.label).join('”“');
    const found = best
      ? `（工作表“${best.sheet}”第 ${best.row} 行只认出：${best.found.map((f) => f.header).join('、')}）`
      : '';
    return { registers, otherSheets, failure: fileProblem('file-not-register', 'no-header', { expected, found }) };
  }
  return { registers, otherSheets };
}

/** Problems about the register as a whole that the reader knows of: a required column absent from the header. */
function headerProblems(reg: Register): Problem[] {
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

export function validateRegisters(found: FoundRegisters, file: string, detected: Detected, rules: readonly RuleModule[], options: RuleOptions, areaLabel: (a: AreaGuess) => string | undefined): FileReport[] {
  if (found.failure) return [{ file, rows: 0, problems: [found.failure], detected }];
  return found.registers.map((reg, i) => {
    const streamed = found.streamed?.[i];
    const label = areaLabel(reg.area);
    const detectedAll: Detected = {
      ...reg.detected,
      area: { value: label ?? '', reason: reg.area.evidence ? `${reg.area.source}: ${reg.area.evidence}` : reg.area.source },
    };
    if (found.otherSheets.length) detectedAll.otherSheets = { value: found.otherSheets.join(', '), reason: 'no-header' };
    return {
      file,
      sheet: reg.sheet,
      ...(label ? { area: label } : {}),
      rows: streamed ? streamed.rows : reg.rows.length,
      problems: [...headerProblems(reg), ...(streamed ? streamed.problems : validateRegister(reg, rules, options))],
      detected: detectedAll,
      register: reg,
    };
  });
}
