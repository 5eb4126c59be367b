// Reading two versions of a register and comparing them (core/diff), shared by `fupin diff` and the local page's
// "与上一版比较" slot (serve/diff.ts): one household index over both versions, every file read through openLedger (the
// same io and limits as every command), the files that could not be read named, and the 变更.xlsx workbook.
import type { DiffPlan } from '../core/diff/diff.js';
import { diffRows, planDiff, versionOf, type DiffRow } from '../core/diff/diff.js';
import { HouseholdIndex } from '../core/household.js';
import type { Ledger } from '../core/ledger/model.js';
import type { ColumnKey, Lang, Msg } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { diffTable } from '../formatters/diff.js';
import type { LoadedConfig } from '../io/config.js';
import { writeTablesWorkbook } from '../io/writers/tables.js';
import type { CommandContext } from './commands/index.js';
import { usage } from './errors.js';
import { openLedger, type ReadingFlags } from './ledger.js';
import { problemMsg } from '../core/ledger/quota-actuals.js';

export type DiffSideName = 'old' | 'new';

/** One version: a file or folder; `absent` (git: a file added or deleted) is compared as an empty register. */
export interface DiffSide {
  path: string;
  absent?: boolean;
  /** The path its cells are shown under (git's copies are temporary files). */
  shownAs?: string;
  /** How messages name it, when not by its path (the page: the names the clerk gave, not the server's folder). */
  label?: string;
}

export interface DiffRead {
  plan: DiffPlan;
  /** Every file read, both versions. */
  files: Ledger['files'];
  /** Files that could not be read (or were no register): the comparison is incomplete. */
  unreadable: Msg[];
}

type Version = { rows: DiffRow[]; columns: Set<ColumnKey> };

/** The name of a side in words ("旧版本" / "old"), for messages. */
export const sideMsg = (side: DiffSideName): Msg => ({ id: `diff/side-${side}` });

/**
 * Reads both versions and plans the diff. A version with no readable register is a usage error (exit 2) naming it;
 * unreadable files are listed in `unreadable` (exit 2 for the command, a warning on the page).
 */
export async function readVersions(
  sides: Record<DiffSideName, DiffSide>,
  flags: ReadingFlags,
  ctx: CommandContext,
  opts: { config?: LoadedConfig; onFile?: (side: DiffSideName, done: number, total: number, file: string) => void } = {},
): Promise<DiffRead> {
  let index: HouseholdIndex | undefined;
  const visitors = (_r: unknown, p: { divisions: HouseholdIndex['divisions'] }) => [diffRows((index ??= new HouseholdIndex(p.divisions)))];
  const files: Ledger['files'] = [];
  const unreadable: Msg[] = [];
  const read = async (side: DiffSideName): Promise<Version | undefined> => {
    const s = sides[side];
    if (s.absent) return undefined;
    const onFile = opts.onFile;
    const { ledger } = await openLedger([s.path], flags, ctx, visitors, {
      ...(opts.config ? { config: opts.config } : {}),
      ...(onFile ? { onFile: (done: number, total: number, file: string) => onFile(side, done, total, file) } : {}),
    });
    files.push(...ledger.files);
    for (const f of ledger.files) {
      if (f.kind !== 'unreadable' && f.kind !== 'not-register') continue;
      unreadable.push({ id: 'diff/unreadable', data: { side: sideMsg(side), file: f.file, reason: f.failure ? problemMsg(f.failure) : '' } });
    }
    if (!ledger.files.some((f) => f.registers.length > 0)) throw usage('diff/no-registers', { side: sideMsg(side), paths: [s.label ?? s.shownAs ?? s.path] });
    const version = versionOf(ledger);
    if (s.shownAs) for (const r of version.rows) r.file = s.shownAs;
    return version;
  };
  const before = await read('old');
  const after = await read('new');
  // a file git says was added or deleted: compared with an empty register of the same columns
  const empty = (other: Version | undefined): Version => ({ rows: [], columns: new Set(other?.columns ?? []) });
  return { plan: planDiff(before ?? empty(after), after ?? empty(before)), files, unreadable };
}

/** The 变更.xlsx workbook `fupin diff -o` writes (fupin's own output, marked `fupin:diff`). */
export function diffWorkbook(plan: DiffPlan, names: { old: string; new: string }, lang: Lang): Promise<Uint8Array> {
  const title = render({ id: 'diff/title', data: names }, lang);
  return writeTablesWorkbook({ kind: 'diff', title, tables: [diffTable(plan, lang)] });
}
