// fupin diff OLD NEW [--format json] [-o 变更.xlsx]: what changed between two versions of a register (core/diff).
// Exit 0 when no pairing changed, 1 when some did, 2 on trouble (like diff): a file that could not be read.
//
// --git-external: called by git as a diff driver (`git config diff.fupin.command "node .fupin/fupin.cjs diff
// --git-external"`), with git's seven arguments: path old-file old-hex old-mode new-file new-hex new-mode. The
// register's area comes from its path in the repository (git's copies are temporary files); a file added or deleted
// (/dev/null) is compared with an empty register; the exit code is 0 unless something went wrong (git stops on others).
import path from 'node:path';
import { resolveArea } from '../../core/area.js';
import { hasChanges } from '../../core/diff/diff.js';
import { render } from '../../formatters/catalogue/index.js';
import { formatDiffJson, formatDiffPretty } from '../../formatters/diff.js';
import { diffWorkbook, readVersions, type DiffSide } from '../diff-versions.js';
import { EXIT, usage } from '../errors.js';
import { profileFor, type ReadingFlags } from '../ledger.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface DiffFlags extends ReadingFlags {
  output?: string;
  format?: string;
  force?: boolean;
  gitExternal?: boolean;
}

const NO_FILE = new Set(['/dev/null', 'nul', 'NUL']);

const diff: CommandFn = async ([paths], raw, ctx) => {
  const flags = { ...(raw as DiffFlags) };
  const args = paths as string[];
  let sides: { old: DiffSide; new: DiffSide };
  if (flags.gitExternal) {
    if (args.length < 5) throw usage('diff/git-arguments', { n: args.length });
    const side = (p: string): DiffSide => ({ path: p, shownAs: args[0]!, ...(NO_FILE.has(p) ? { absent: true } : {}) });
    sides = { old: side(args[1]!), new: side(args[4]!) };
    ctx.io.stdout(`${render({ id: 'diff/git-header', data: { file: args[0]! } }, ctx.lang)}\n`);
    // the area from the register's path in the repository (怀化市/溆浦县.xlsx), when it names one
    const named = args[0]!.replace(/\.[^./\\]+$/, '').split(/[/\\]/).join('');
    const profile = await profileFor(flags.province);
    if (!flags.area && resolveArea({ flag: named, province: profile.name }, profile.divisions).level !== 'unknown') flags.area = named;
  } else {
    if (args.length !== 2) throw usage(args.length < 2 ? 'diff/too-few-paths' : 'diff/too-many-paths', { n: args.length });
    sides = { old: { path: args[0]! }, new: { path: args[1]! } };
  }
  if (flags.output && path.extname(flags.output).toLowerCase() !== '.xlsx') throw usage('diff/bad-output', { value: flags.output });
  if (flags.output) await checkTarget(flags.output, ctx, { force: flags.force, inputs: [sides.old.path, sides.new.path] });

  const { plan, files, unreadable } = await readVersions(sides, flags, ctx);
  for (const m of unreadable) ctx.io.stderr(`${render(m, ctx.lang)}\n`);

  if (flags.format === 'json') ctx.io.stdout(formatDiffJson(plan));
  else ctx.io.stdout(formatDiffPretty(plan, ctx.lang, ctx.io.stdoutIsTTY ? ctx.io.columns : 120));
  if (flags.output) {
    // named as the clerk knows them (under git: the path in the repository, not git's temporary copies)
    const bytes = await diffWorkbook(plan, { old: sides.old.shownAs ?? sides.old.path, new: sides.new.shownAs ?? sides.new.path }, ctx.lang);
    await writeOutput(flags.output, bytes, ctx, { force: flags.force, inputs: files.map((f) => f.abs) });
  }
  if (unreadable.length) return EXIT.failed;
  if (flags.gitExternal) return EXIT.ok;
  return hasChanges(plan) ? EXIT.problems : EXIT.ok;
};

export default diff;
