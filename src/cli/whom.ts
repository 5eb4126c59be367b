// Rosters and focus lists for a command: --roster/--focus, else the ledger's "rosters"/"focus", else (focus only) the
// province profile's built-in list — read through io, indexed in core, and the files marked so the ledger never reads
// them as registers.
import path from 'node:path';
import { FocusIndex } from '../core/focus/match.js';
import type { ProvinceProfile } from '../core/profile.js';
import { RosterIndex } from '../core/roster/match.js';
import { configPath, type LoadedConfig } from '../io/config.js';
import { builtinFocusList, listFiles, readFocusLists, readRosters } from '../io/read-lists.js';
import type { CommandContext } from './commands/index.js';
import { encodingOf, limitsFromFlags, type ReadingFlags } from './ledger.js';

export interface ListFlags extends ReadingFlags {
  roster?: string[];
  focus?: string[];
}

export interface Lists {
  roster?: RosterIndex;
  focus?: FocusIndex;
  /** The files read as rosters or focus lists, for the ledger reader. */
  files: Map<string, 'roster' | 'focus-list'>;
}

export async function openLists(flags: ListFlags, config: LoadedConfig | undefined, profile: ProvinceProfile, ctx: CommandContext): Promise<Lists> {
  const cwd = ctx.io.cwd;
  const fromConfig = (list: readonly string[] | undefined): string[] => (config && list ? list.map((p) => path.relative(cwd, configPath(config, p)) || '.') : []);
  const rosterPaths = flags.roster?.length ? flags.roster : fromConfig(config?.config.rosters);
  const focusPaths = flags.focus?.length ? flags.focus : fromConfig(config?.config.focus);
  const encoding = encodingOf(flags);
  const opts = { cwd, divisions: profile.divisions, province: profile.name, limits: limitsFromFlags(flags), ...(encoding ? { encoding } : {}) };
  const files = new Map<string, 'roster' | 'focus-list'>();
  const out: Lists = { files };
  if (rosterPaths.length) {
    out.roster = new RosterIndex(await readRosters(rosterPaths, opts), profile.divisions);
    for (const f of await listFiles(rosterPaths, cwd)) files.set(f, 'roster');
  }
  if (focusPaths.length) {
    out.focus = new FocusIndex(await readFocusLists(focusPaths, opts), profile.divisions);
    for (const f of await listFiles(focusPaths, cwd)) files.set(f, 'focus-list');
  } else if (profile.focus) {
    const list = builtinFocusList(profile.focus, profile.divisions, profile.name);
    if (list) out.focus = new FocusIndex(list, profile.divisions);
  }
  return out;
}
