// Finds fupin.config.json (in the folder given or a folder above it, up to the repository root) and loads it.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { slashPath } from './display-path.js';
import { CONFIG_FILE, defaultConfig, type ConfigIssue, type FupinConfig } from '../core/config.js';

/** The config cannot be used: every issue, as messages. The CLI prints them and exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super(issues.map((i) => i.msg.id).join('\n'));
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: FupinConfig;
  /** Absolute path of the file read; absent when there is none (defaults). */
  file?: string;
  /** The folder paths in the config are relative to (the config's folder, else the folder given). */
  base: string;
}

// Blocking stats: the search runs before anything else and asks one question at a time (awaited, each was a trip through
// libuv's pool: ~10 of them per lookup, twice per command, ahead of every run's first file)
function statOf(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  return statOf(p)?.isFile() ?? false;
}

function exists(p: string): boolean {
  return statOf(p) !== undefined;
}

/**
 * The config file for `dir`: `dir/fupin.config.json`, else the nearest one above it. The search stops at the first
 * folder holding `.git` (the repository root) or at the file-system root, so a stray config elsewhere is never used.
 */
export async function findConfig(dir: string): Promise<string | undefined> {
  let here = path.resolve(dir);
  for (;;) {
    const candidate = path.join(here, CONFIG_FILE);
    if (isFile(candidate)) return candidate;
    if (exists(path.join(here, '.git'))) return undefined;
    const up = path.dirname(here);
    if (up === here) return undefined;
    here = up;
  }
}

/** Loads the config for `dir` (defaults when there is none); messages name the file relative to `cwd`. Throws ConfigError when it is unreadable or invalid. */
export async function loadConfig(dir: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const file = await findConfig(dir);
  if (!file) return { config: defaultConfig(), base: path.resolve(dir) };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new ConfigError(file, [{ key: '', msg: { id: 'config/unreadable', data: { file, detail: code } } }]);
  }
  const shown = slashPath(path.relative(cwd, file)) || CONFIG_FILE;
  // zod comes with the reader: a ledger without a config file never loads it
  const { parseConfigText } = await import('../core/config-parse.js');
  const parsed = parseConfigText(text, shown);
  if (!parsed.ok) throw new ConfigError(file, parsed.issues);
  return { config: parsed.config, file, base: path.dirname(file) };
}

/** A path from the config (quotaTable, orgs) as an absolute path. */
export function configPath(loaded: LoadedConfig, p: string): string {
  return path.resolve(loaded.base, p);
}
