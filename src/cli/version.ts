// fupin's version, as package.json says (never a copy in code).
import { readFile } from 'node:fs/promises';
import { packageFile } from '../io/package-root.js';

let cached: string | undefined;

export async function version(): Promise<string> {
  cached ??= (JSON.parse(await readFile(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
