// fupin diff OLD NEW [--format json] [-o 变更.xlsx]: what changed between two versions of a register (core/diff).
// Exit 0 when no pairing changed, 1 when some did, 2 on trouble (like diff): a file that could not be read.
//
// --git-external: called by git as a diff driver (`git config diff.fupin.command "node .fupin/fupin.cjs diff
// --git-external"`), with git's seven arguments: path old-file old-hex old-mode new-file new-hex new-mode. The
// register's area comes from its path in the repository (git's copies are temporary files); a file added or deleted
// (/dev/null) is compared with an empty register; the exit code is 0 unless something went wrong (git stops on others).
import path from 'node:path';
import { resolveArea } from '../../core/area.js';
import { diffRows, hasChanges, planDiff, versionOf, type DiffRow } from '../../core/diff/diff.js';
import { HouseholdIndex } from '../../core/household.js';
import type { Ledger } from '../../core/ledger/model.js';
import type { ColumnKey } from '../../core/model.js';
import { render, renderProblem } from '../../formatters/catalogue/index.js';
import { diffTable, formatDiffJson, formatDiffPretty } from '../../formatters/diff.js';
import { writeTablesWorkbook } from '../../io/writers/tables.js';
import { EXIT, usage } from '../errors.js';
import { openLedger, profileFor, type ReadingFlags } from '../ledger.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface DiffFlags extends ReadingFlags {
  output?: string;
  format?: string;
  force?: boolean;
  gitExternal?: boolean;
}

type Version = { rows: DiffRow[]; columns: Set<ColumnKey> };

const NO_FILE = new Set(['/dev/null', 'nul', 'NUL']);

const diff: CommandFn = async ([paths], raw, ctx) => {
  const flags = { ...(raw as DiffFlags) };
  const args = paths as string[];
  let oldPath: string;
  let newPath: string;
  if (flags.gitExternal) {
    if (args.length < 5) throw usage('diff/no-paths');
    [oldPath, newPath] = [args[1]!, args[4]!];
    ctx.io.stdout(`${render({ id: 'diff/git-header', data: { file: args[0]! } }, ctx.lang)}\n`);
    // the area from the register's path in the repository (怀化市/溆浦县.xlsx), when it names one
    const named = args[0]!.replace(/\.[^./\\]+$/, '').split(/[/\\]/).join('');
    const profile = await profileFor(flags.province);
    if (!flags.area && resolveArea({ flag: named, province: profile.name }, profile.divisions).level !== 'unknown') flags.area = named;
  } else {
    if (args.length !== 2) throw usage('diff/no-paths');
    [oldPath, newPath] = [args[0]!, args[1]!];
  }
  if (flags.output && path.extname(flags.output).toLowerCase() !== '.xlsx') throw usage('diff/bad-output', { value: flags.output });
  if (flags.output) await checkTarget(flags.output, ctx, { force: flags.force, inputs: [oldPath, newPath] });

  // one household index over both versions: a household is the same in both whatever its address spelling
  let index: HouseholdIndex | undefined;
  const visitors = (_r: unknown, p: { divisions: HouseholdIndex['divisions'] }) => [diffRows((index ??= new HouseholdIndex(p.divisions)))];
  const say = (id: string, data?: Record<string, string | number>): void => ctx.io.stderr(`${render({ id, ...(data ? { data } : {}) }, ctx.lang)}\n`);
  let trouble = false;
  const files: Ledger['files'] = [];
  const read = async (p: string, side: 'old' | 'new'): Promise<Version | undefined> => {
    if (flags.gitExternal && NO_FILE.has(p)) return undefined;
    const { ledger } = await openLedger([p], flags, ctx, visitors);
    files.push(...ledger.files);
    const sideName = render({ id: `diff/side-${side}` }, ctx.lang);
    for (const f of ledger.files) {
      if (f.kind !== 'unreadable' && f.kind !== 'not-register') continue;
      trouble = true;
      say('diff/unreadable', { side: sideName, file: f.file, reason: f.failure ? renderProblem(f.failure, ctx.lang) : '' });
    }
    if (!ledger.files.some((f) => f.registers.length > 0)) throw usage('diff/no-registers', { side: sideName, paths: [p] });
    const version = versionOf(ledger);
    // git's copies are temporary files: cells are shown in the register's own path
    if (flags.gitExternal) for (const r of version.rows) r.file = args[0]!;
    return version;
  };
  const before = await read(oldPath, 'old');
  const after = await read(newPath, 'new');
  // a file git says was added or deleted: compared with an empty register of the same columns
  const empty = (other: Version | undefined): Version => ({ rows: [], columns: new Set(other?.columns ?? []) });
  const plan = planDiff(before ?? empty(after), after ?? empty(before));

  if (flags.format === 'json') ctx.io.stdout(formatDiffJson(plan));
  else ctx.io.stdout(formatDiffPretty(plan, ctx.lang, ctx.io.stdoutIsTTY ? ctx.io.columns : 120));
  if (flags.output) {
    const title = render({ id: 'diff/title', data: { old: oldPath, new: newPath } }, ctx.lang);
    const bytes = await writeTablesWorkbook({ kind: 'diff', title, tables: [diffTable(plan, ctx.lang)] });
    await writeOutput(flags.output, bytes, ctx, { force: flags.force, inputs: files.map((f) => f.abs) });
  }
  if (trouble) return EXIT.failed;
  if (flags.gitExternal) return EXIT.ok;
  return hasChanges(plan) ? EXIT.problems : EXIT.ok;
};

export default diff;
