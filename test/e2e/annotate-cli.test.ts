// End-to-end: validate --annotate's copies carry notes on exactly the problem cells `validate --format json` reports; originals unchanged.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from './helpers.js';

/** A copy `fupin validate --annotate DIR` says it wrote: the input as the report shows it, the copy, its counts. */
interface Written {
  file: string;
  out: string;
  problems: number;
  cells: number;
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
let code: number;
let written: Written[];
let notWritten: { file: string; message: string }[];
let json: { files: { file: string; sheet?: string; problems: { cell?: string; rule: string }[] }[] };
const before = new Map<string, string>();
/** The input a copy was made from, as the report names it (as given: the absolute path). */
const inputOf = (copy: string): string => INPUTS.find((f) => path.basename(f).replace(/\.csv$/, '.xlsx') === path.basename(copy))!;
beforeAll(async () => {
  t = tempDir();
  for (const f of INPUTS) before.set(f, sha(f));
  // one run: the JSON report on stdout, the copies in t.dir, one line per copy (or per file without one) on stderr
  const r = await runCli(['validate', '--format', 'json', '--annotate', t.dir, ...INPUTS], { cwd: ROOT });
  code = r.code;
  json = JSON.parse(r.out);
  const lines = r.err.split('\n').filter(Boolean);
  written = lines.flatMap((l) => {
    const m = /^已写出标注副本：(.+)（(\d+) 个问题，(\d+) 个单元格已标色并加批注）$/.exec(l);
    return m ? [{ file: inputOf(m[1]!), out: m[1]!, problems: Number(m[2]), cells: Number(m[3]) }] : [];
  });
  notWritten = lines.flatMap((l) => {
    const m = /^未生成副本：(.+?)（(.+)）$/.exec(l);
    return m ? [{ file: m[1]!, message: m[2]! }] : [];
  });
  expect(written.length + notWritten.length).toBe(lines.length);
});
afterAll(() => t.cleanup());

describe('validate --annotate', () => {
  it('exits 1: the defects files have errors', () => {
    expect(code).toBe(1);
  });

  it('leaves every original byte for byte', () => {
    for (const f of INPUTS) expect(sha(f), f).toBe(before.get(f));
  });

  it('writes a copy for every readable file, clean ones too, and none for the unreadable one', () => {
    expect(written.map((w) => path.basename(w.out)).sort()).toEqual(
      [...INPUTS.filter((f) => !f.endsWith('truncated.xlsx')).map((f) => path.basename(f).replace(/\.csv$/, '.xlsx'))].sort(),
    );
    expect(readdirSync(t.dir).sort()).toEqual(written.map((w) => path.basename(w.out)).sort());
    expect(notWritten).toEqual([{ file: INPUTS.at(-1), message: expect.stringMatching(/^文件已损坏或不完整/) }]);
    expect(json.files.filter((f) => f.file === INPUTS.at(-1)).flatMap((f) => f.problems.map((p) => p.rule))).toEqual(['file-corrupt']);
  });

  it('puts notes on exactly the cells validate --format json reports, per sheet', async () => {
    let compared = 0;
    for (const w of written) {
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
      // and the line on stderr counts them
      expect([w.problems, w.cells], w.file).toEqual([n, new Set(entries.flatMap((e) => e.problems.map((p) => `${e.sheet}!${p.cell}`).filter((c) => !c.endsWith('!undefined')))).size]);
    }
    // fixtures/README.md: the nine defects files have 30 problem cells, 辰溪县.csv one (E7), multi-register.xlsx none
    expect(compared).toBe(31);
  });

  it('annotates the GBK CSV from the ledger as an xlsx with the scientific-notation phone at E7 in red', async () => {
    const w = written.find((x) => x.file.endsWith('辰溪县.csv'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(w.out);
    const ws = wb.getWorksheet('辰溪县')!;
    expect(ws.getCell('E7').value).toBe('1.39123E+10');
    expect((ws.getCell('E7').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFF9999');
    const link = wb.worksheets[0]!.getRow(2).getCell(1).value as { text: string; hyperlink: string };
    expect(link).toEqual({ text: 'E7', hyperlink: "#'辰溪县'!E7" });
  });

  it('lists the sheet of each problem when a workbook holds several registers', async () => {
    const w = written.find((x) => x.file.endsWith('multi-register.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(w.out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['问题清单', '洪江市', '新晃侗族自治县']);
  });
});
