// Where fupin is installed: the folder holding its package.json, found from this module (src/, dist/ or a bundle).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A file shipped with the package, e.g. packageFile('templates', '附3-统计表.xlsx'). */
export function packageFile(...parts: string[]): string {
  return path.join(packageRoot(), ...parts);
}
