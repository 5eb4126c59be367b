// Issue 7: a register whose cells start with =HYPERLINK(…), @SUM(…), +, - comes out of every fupin writer as inert text.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from './helpers.js';

const SOURCE = path.join(ROOT, 'fixtures/hostile/formula-cells.csv');
const DANGEROUS = /^[=+\-@\t\r]/;
let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.cleanup());

/** Every field of a CSV text, as a spreadsheet would see it (quotes removed). */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  for (const m of text.replace(/^\uFEFF/, '').matchAll(/"((?:[^"]|"")*)"|([^,\r\n]*)/g)) {
    const v = m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '');
    if (v !== '') fields.push(v);
  }
  return fields;
}

async function xlsxCells(file: string): Promise<{ formulas: number; texts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let formulas = 0;
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return { formulas, texts };
}

describe('every writer neutralises formula-like text', () => {
  it('fupin cat', () => {
    const r = fupin(['cat', SOURCE]);
    expect(r.stdout).toContain('HYPERLINK');
    expect(csvFields(r.stdout).filter((f) => DANGEROUS.test(f))).toEqual([]);
  });

  it('fupin orgs -o orgs.csv', () => {
    const out = path.join(t.dir, 'orgs.csv');
    fupin(['orgs', '--area', '溆浦县', '-o', out, SOURCE]);
    const fields = csvFields(readFileSync(out, 'utf8'));
    expect(fields.some((f) => f.includes('HYPERLINK'))).toBe(true);
    expect(fields.filter((f) => DANGEROUS.test(f))).toEqual([]);
  });

  it('fupin fix (CSV stays CSV)', () => {
    const out = path.join(t.dir, 'fixed');
    fupin(['fix', '--area', '溆浦县', '--out', out, SOURCE]);
    const written = readdirSync(out).filter((f) => f.endsWith('.csv'));
    expect(written).toHaveLength(1);
    const fields = csvFields(readFileSync(path.join(out, written[0]!), 'utf8'));
    expect(fields.filter((f) => DANGEROUS.test(f))).toEqual([]);
  });

  it('fupin validate --annotate (CSV comes back as xlsx with text cells, never formulas)', async () => {
    const out = path.join(t.dir, 'annotated');
    fupin(['validate', '--area', '溆浦县', '--annotate', out, SOURCE]);
    const cells = await xlsxCells(path.join(out, 'formula-cells.xlsx'));
    expect(cells.formulas).toBe(0);
    expect(cells.texts.some((x) => x.startsWith('=HYPERLINK('))).toBe(true);
  });

  it('fupin cards (xlsx text cells, never formulas)', async () => {
    const out = path.join(t.dir, 'cards.xlsx');
    fupin(['cards', '--area', '溆浦县', '-o', out, SOURCE]);
    const cells = await xlsxCells(out);
    expect(cells.formulas).toBe(0);
    expect(cells.texts.some((x) => x.includes('HYPERLINK'))).toBe(true);
  });
});
