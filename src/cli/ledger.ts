// Reading a command's inputs: the province (--province, the ledger's fupin.config.json, else the default), the
// --encoding/--area/--orgs/--max-… flags, a progress bar, missing paths refused — then io's readLedger.
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { VisitorSpec } from '../core/ledger/builder.js';
import type { Ledger } from '../core/ledger/model.js';
import type { OrgRegistry } from '../core/orgs.js';
import type { ProvinceProfile } from '../core/profile.js';
import { loadConfig, type LoadedConfig } from '../io/config.js';
import { parseEncodingName, type EncodingName } from '../io/csv.js';
import type { ReadLimits } from '../io/limits.js';
import { defaultProvince, loadProfile } from '../io/profile.js';
import { readLedger } from '../io/read-ledger.js';
import type { CommandContext } from './commands/index.js';
import { usage } from './errors.js';
import { progress } from './progress.js';
import { LIMIT_OPTIONS } from './spec.js';
import { resolveArea } from '../core/area.js';

/** The flags every reading command may have. */
export interface ReadingFlags {
  encoding?: string;
  area?: string;
  orgs?: string;
  province?: string;
  [limit: string]: unknown;
}

/** --encoding as a decoder name; a name fupin does not know is a usage error. */
export function encodingOf(flags: { encoding?: string }): EncodingName | undefined {
  if (!flags.encoding) return undefined;
  const encoding = parseEncodingName(flags.encoding);
  if (!encoding) throw usage('cli/bad-encoding', { value: flags.encoding });
  return encoding;
}

/** The --max-… limits the user set, checked: positive numbers only. */
export function limitsFromFlags(flags: Record<string, unknown>): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  for (const l of LIMIT_OPTIONS) {
    const raw = flags[l.key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw usage('cli/bad-limit', { flag: l.flags.split(' ')[0]!, value: String(raw) });
    out[l.limit] = Math.round(n * l.scale);
  }
  return out;
}

/** The config of the ledger the inputs are in (the first input's folder or a folder above it), when there is one. */
export async function ledgerConfig(paths: readonly string[], cwd: string): Promise<LoadedConfig | undefined> {
  if (paths.length === 0) return undefined;
  const first = path.resolve(cwd, paths[0]!);
  // one blocking stat: node:fs/promises (loaded with readline's interface on Node 20) is then loaded by no one-file check
  let st: Stats | undefined;
  try {
    st = statSync(first, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  // a config that cannot be used ends the command (ConfigError: the CLI prints every issue)
  const loaded = await loadConfig(st?.isDirectory() ? first : path.dirname(first), cwd);
  return loaded.file ? loaded : undefined;
}

/** The province profile: --province, else the ledger's config, else the default. An unknown province is a usage error. */
export async function profileFor(province: string | undefined): Promise<ProvinceProfile> {
  const profile = await loadProfile(province);
  if (!profile) throw usage('input/unknown-province', { value: province ?? '', example: defaultProvince() });
  return profile;
}

export interface OpenedLedger {
  ledger: Ledger;
  profile: ProvinceProfile;
  config?: LoadedConfig;
}

/** Read every register (and 统计表, quota table, orgs.csv) under `paths` through `visitors`; a path that does not exist is a usage error. */
export async function openLedger(
  paths: readonly string[],
  flags: ReadingFlags,
  ctx: CommandContext,
  visitors: (registry: OrgRegistry | undefined, profile: ProvinceProfile) => readonly VisitorSpec[] = () => [],
  opts: { config?: LoadedConfig; orgs?: string; lists?: ReadonlyMap<string, 'roster' | 'focus-list'>; onFile?: (done: number, total: number, file: string) => void } = {},
): Promise<OpenedLedger> {
  const encoding = encodingOf(flags);
  const limits = limitsFromFlags(flags);
  const config = opts.config ?? (await ledgerConfig(paths, ctx.io.cwd));
  const profile = await profileFor(flags.province ?? config?.config.province);
  if (flags.area) {
    const flagged = resolveArea({ flag: flags.area, province: profile.name }, profile.divisions);
    // 市本级 alone takes its city from the folder; anything else must name a known place
    if (flagged.level === 'unknown' && !/^(市本级|本级)$/u.test(flags.area.trim())) throw usage('input/unknown-area', { value: flags.area });
  }
  const orgs = flags.orgs ?? opts.orgs;
  const bar = progress(ctx.io, ctx.lang);
  let read;
  try {
    read = await readLedger(paths, {
      profile,
      visitors: (registry) => visitors(registry, profile),
      limits,
      cwd: ctx.io.cwd,
      ...(encoding ? { encoding } : {}),
      ...(flags.area ? { area: flags.area } : {}),
      ...(orgs ? { orgs: path.resolve(ctx.io.cwd, orgs) } : {}),
      onFile: opts.onFile ?? bar.tick,
      onRows: bar.rows,
      ...(opts.lists?.size ? { lists: opts.lists } : {}),
    });
  } finally {
    bar.done();
  }
  if (read.missing.length) throw usage('cli/not-found', { paths: read.missing });
  return { ledger: read.ledger, profile, ...(config ? { config } : {}) };
}
