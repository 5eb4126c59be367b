// fupin's version, as package.json says (never a copy in code); the one-file build carries the version it was built with.
import { packageVersion } from '../io/package-root.js';

export async function version(): Promise<string> {
  return packageVersion();
}
