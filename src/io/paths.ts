// Comparing paths the way the file system does: Windows (and its default NTFS) ignores case, so 溆浦县.XLSX and
// 溆浦县.xlsx are one file there. The platform is a parameter so the Windows rules are tested on any machine.
import path from 'node:path';

export type Platform = NodeJS.Platform;

/** File names differ only by case on this platform's usual file system? (Windows: no.) */
export function caseInsensitive(platform: Platform = process.platform): boolean {
  return platform === 'win32';
}

/** A key that is equal for two absolute paths naming the same file on `platform`. */
export function pathKey(abs: string, platform: Platform = process.platform): string {
  const p = platform === 'win32' ? path.win32.normalize(abs) : path.posix.normalize(abs);
  return caseInsensitive(platform) ? p.toLowerCase() : p;
}

/** `child` is `parent` or lies inside it (both absolute). */
export function isInside(child: string, parent: string, platform: Platform = process.platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const rel = p.relative(pathKey(parent, platform), pathKey(child, platform));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}
