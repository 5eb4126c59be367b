// End-to-end: validate --annotate's copies carry notes on exactly the problem cells `validate --format json` reports; originals unchanged.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/commands/validate.js';
import type { CliIO } from '../../src/cli/io.js';
import { areaLabel } from '../../src/core/area.js';
import { readForTest } from '../helpers/ledger.js';
import { renderProblem } from '../../src/formatters/catalogue/index.js';
import { allRules } from '../../src/core/rules/index.js';
import { annotateReports, type AnnotateResult } from '../../src/io/annotate.js';
import { ROOT, tempDir } from './helpers.js';

function captureIO(): CliIO & { out: string } {
  const io = {
    out: '',
    stdout: (t: string) => void (io.out += t),
    stderr: () => undefined,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 120,
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
  };
  return io;
}

/** What `fupin validate --annotate DIR PATHS` does: read, validate (as validate does), annotate. */
async function validateAnnotate(paths: string[], dir: string): Promise<AnnotateResult> {
  const { ledger, reports } = await readForTest(paths);
  return annotateReports(reports, ledger.files, dir, { lang: 'zh', inputs: paths, render: (p) => renderProblem(p, 'zh') });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const INPUTS = [
  ...readdirSync(path.join(ROOT, 'fixtures/registers'))
    .filter((n) => n.startsWith('defects-') && n.endsWith('.xlsx'))
    .map((n) => path.join(ROOT, 'fixtures/registers', n)),
  path.join(ROOT, 'fixtures/ledger/怀化市/辰溪县.csv'),
  path.join(ROOT, 'fixtures/registers/multi-register.xlsx'),
  path.join(ROOT, 'fixtures/broken/truncated.xlsx'),
];

let t: ReturnType<typeof tempDir>;
let result: AnnotateResult;
let json: { files: { file: string; sheet?: string; problems: { cell?: string; rule: string }[] }[] };
const before = new Map<string, string>();
beforeAll(async () => {
  t = tempDir();
  for (const f of INPUTS) before.set(f, sha(f));
  const io = captureIO();
  await validateCommand(INPUTS, { format: 'json', lang: 'zh' }, io);
  json = JSON.parse(io.out);
  result = await validateAnnotate(INPUTS, t.dir);
});
afterAll(() => t.cleanup());

describe('validate --annotate', () => {
  it('leaves every original byte for byte', () => {
    for (const f of INPUTS) expect(sha(f), f).toBe(before.get(f));
  });

  it('writes a copy for every readable file, clean ones too, and none for the unreadable one', () => {
    expect(result.written.map((w) => path.basename(w.out)).sort()).toEqual(
      [...INPUTS.filter((f) => !f.endsWith('truncated.xlsx')).map((f) => path.basename(f).replace(/\.csv$/, '.xlsx'))].sort(),
    );
    expect(result.notWritten).toEqual([expect.objectContaining({ file: INPUTS.at(-1), rule: 'file-corrupt' })]);
  });

  it('puts notes on exactly the cells validate --format json reports, per sheet', async () => {
    let compared = 0;
    for (const w of result.written) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(w.out);
      const entries = json.files.filter((f) => f.file === w.file);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        const sheet = e.sheet ?? path.basename(w.file, path.extname(w.file));
        const ws = wb.getWorksheet(sheet)!;
        const noted: string[] = [];
        ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => void (c.note && noted.push(c.address))));
        const cells = [...new Set(e.problems.map((p) => p.cell).filter((c): c is string => Boolean(c)))].sort();
        expect(noted.sort(), `${w.file} ${sheet}`).toEqual(cells);
        compared += cells.length;
      }
      // 问题清单 lists every problem of the file, first sheet
      const list = wb.worksheets[0]!;
      expect(list.name).toBe('问题清单');
      const n = entries.reduce((k, e) => k + e.problems.length, 0);
      expect(list.rowCount).toBe(1 + Math.max(n, 1));
    }
    // fixtures/README.md: the nine defects files have 30 problem cells, 辰溪县.csv one (E7), multi-register.xlsx none
    expect(compared).toBe(31);
  });

  it('annotates the GBK CSV from the ledger as an xlsx with the scientific-notation phone at E7 in red', async () => {
    const w = result.written.find((x) => x.file.endsWith('辰溪县.csv'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(w.out);
    const ws = wb.getWorksheet('辰溪县')!;
    expect(ws.getCell('E7').value).toBe('1.39123E+10');
    expect((ws.getCell('E7').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFF9999');
    const link = wb.worksheets[0]!.getRow(2).getCell(1).value as { text: string; hyperlink: string };
    expect(link).toEqual({ text: 'E7', hyperlink: "#'辰溪县'!E7" });
  });

  it('lists the sheet of each problem when a workbook holds several registers', async () => {
    const w = result.written.find((x) => x.file.endsWith('multi-register.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(w.out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['问题清单', '洪江市', '新晃侗族自治县']);
  });
});
