// What fupin ships besides its code (package.json, templates/): read from the package folder, found from this module
// (src/, dist/ or dist/bundle), or from inside the one-file build (dist/fupin.cjs, the executables), which carries them.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBEDDED } from './embedded.js';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fupin') return (root = dir);
      } catch {
        // not ours; keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the fupin package folder (package.json)');
    dir = up;
  }
}

/** A file shipped with the package, e.g. packageFile('templates', '附3-统计表.xlsx'); only where the package is a folder. */
export function packageFile(...parts: string[]): string {
  return path.join(packageRoot(), ...parts);
}

/** True in the one-file build: package files come from inside it, and packageRoot() has no meaning. */
export function isOneFileBuild(): boolean {
  return EMBEDDED !== undefined;
}

/** Where a package file is, for messages: its path on disk, or "(inside fupin)" in the one-file build. */
export function packageFileShown(...parts: string[]): string {
  return EMBEDDED ? `${parts.join('/')} (fupin 内置 / built in)` : packageFile(...parts);
}

/** The bytes of a package file (templates/附3-统计表.xlsx): from inside the one-file build, else from the package folder. */
export async function readPackageFile(...parts: string[]): Promise<Buffer> {
  if (EMBEDDED) {
    const b64 = EMBEDDED.files[parts.join('/')];
    if (b64 === undefined) throw Object.assign(new Error(`not built in: ${parts.join('/')}`), { code: 'ENOENT' });
    return Buffer.from(b64, 'base64');
  }
  return readFile(packageFile(...parts));
}

let version: string | undefined;

/** fupin's version, from package.json (the one-file build carries the version it was built with). */
export function packageVersion(): string {
  version ??= EMBEDDED?.version ?? (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

interface SeaApi {
  isSea(): boolean;
  getAsset(key: string): ArrayBuffer;
  /** The asset where the executable holds it, not copied (Node ≥ 20.12/21.7); never to be written to. */
  getRawAsset?(key: string): ArrayBuffer;
}

/** node:sea when it exists (Node ≥ 20.16/22.3 have getBuiltinModule; the executables run Node 22). No import(): a SEA's code cache forbids it. */
function seaApi(): SeaApi | undefined {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  try {
    return get?.call(process, 'node:sea') as SeaApi | undefined;
  } catch {
    return undefined;
  }
}

/** Running as a packaged executable (fupin-win-x64.exe, fupin-linux-x64: a Node single executable application). */
export function isPackagedExecutable(): boolean {
  return seaApi()?.isSea() ?? false;
}

/** An asset the release build put into the executable (scripts/release.mjs), or undefined outside one. */
export function executableAsset(key: string): Buffer | undefined {
  const bytes = seaAsset(key, false);
  return bytes && Buffer.from(bytes);
}

/**
 * An asset of the executable as it lies in the executable's memory, not copied: for a reader that only reads (the packed
 * division index, read in place). A copy where the runtime has no such call; undefined outside an executable.
 */
export function executableAssetInPlace(key: string): Uint8Array | undefined {
  const bytes = seaAsset(key, true);
  return bytes && new Uint8Array(bytes);
}

/** An asset's bytes (where they lie when `inPlace` and the runtime can), undefined outside an executable or without it. */
function seaAsset(key: string, inPlace: boolean): ArrayBuffer | undefined {
  const sea = seaApi();
  if (!sea?.isSea()) return undefined;
  try {
    return inPlace && sea.getRawAsset ? sea.getRawAsset(key) : sea.getAsset(key);
  } catch {
    return undefined;
  }
}
