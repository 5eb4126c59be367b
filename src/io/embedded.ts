// What the one-file build (dist/fupin.cjs: executables, a ledger's .fupin/) carries inside itself instead of reading beside it.
// Here it is empty; scripts/bundle.mjs replaces this module in that build with the version and the files' bytes.

export interface Embedded {
  /** package.json's version at build time. */
  version: string;
  /** Package files by their path from the package root with `/` (templates/附3-统计表.xlsx), base64. */
  files: Record<string, string>;
}

export const EMBEDDED: Embedded | undefined = undefined as Embedded | undefined;
