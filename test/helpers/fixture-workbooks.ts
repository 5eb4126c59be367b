// Every workbook (.xlsx, .xlsm) under fixtures/, for tests that read them all two ways and compare.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The paths of every .xlsx and .xlsm file under fixtures/ (sub-folders included), in readdir's order. */
export function fixtureWorkbooks(): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(n)) files.push(p);
    }
  };
  walk(FIXTURES);
  return files;
}
