// How reports, JSON and CI annotations show a file path: `/` between folders on every platform (DOMAIN §10), relative
// to the current folder when the file is inside it. The path module is a parameter so Windows paths can be tested anywhere.
import path from 'node:path';

type PathApi = Pick<path.PlatformPath, 'sep' | 'relative' | 'isAbsolute' | 'resolve'>;

/** Windows' `\` between folders becomes `/`; elsewhere a `\` is part of a file name and stays. */
export function slashPath(p: string, api: PathApi = path): string {
  return api.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** `file` as shown from `from`: 怀化市/溆浦县.xlsx inside it; outside it (or on another drive) its absolute path; `/` always. */
export function shownPath(from: string, file: string, api: PathApi = path): string {
  const abs = api.resolve(from, file);
  const rel = api.relative(from, abs);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${api.sep}`) && !api.isAbsolute(rel);
  return slashPath(inside ? rel : abs, api);
}
