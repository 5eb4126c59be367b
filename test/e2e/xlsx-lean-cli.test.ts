// A big xlsx register read lean (its cells held compactly, rows built one at a time) gives the same reports as when it is
// read as a grid: the same workbook written with each row's cells in reverse order is read as a grid (cells out of order,
// test/io/xlsx-lean.test.ts), so the two copies must give byte-identical validate, rollup and orgs output.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx } from '../io/zip-build.js';
import { fupin, tempDir } from './helpers.js';

const ROWS = 6000;
const ORGS = ['溆浦县慈善会', '溆浦县青少年发展基金会', '溆浦县红十字会', '怀化市慈善总会'];
const SURNAMES = '张王李赵刘陈杨黄周吴向舒';
const GIVEN = ['建国', '秀英', '桂花', '志强', '德明', '小红', '海军', '玉兰'];
const PLACES = ['水东镇姚家村', '卢峰镇大坪村', '龙潭镇岩板村', '低庄镇红星村', '桥江镇江维村'];
const STYLES = '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs>';

const col = (c: number) => String.fromCharCode(65 + c);

/** The register: a merged title, 填报单位, a header, ROWS pairings (orgs merged down, 同上, phones as numbers and as text, dates, inline strings), a footer. */
function register(reversed: boolean): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (t: string) => {
    let i = index.get(t);
    if (i === undefined) index.set(t, (i = strings.push(t) - 1));
    return i;
  };
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const rows: string[][] = [];
  const merges: string[] = ['A1:F1'];
  const cell = (r: number, c: number, body: string) => `<c r="${col(c)}${r}"${body}`;
  rows.push([cell(1, 0, ` t="s"><v>${s('县市区慈善组织精准扶贫结对帮扶登记表')}</v></c>`)]);
  rows.push([cell(2, 0, ` t="s"><v>${s('填报单位：溆浦县慈善会      填报日期：2016年9月12日')}</v></c>`)]);
  rows.push(['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '结对日期'].map((h, c) => cell(3, c, ` t="s"><v>${s(h)}</v></c>`)));
  let r = 4;
  for (let i = 0; i < ROWS; i++, r++) {
    const cells: string[] = [cell(r, 0, `><v>${i + 1}</v></c>`)];
    const mergeDown = i % 50 === 0 && i + 3 < ROWS;
    if (mergeDown) merges.push(`B${r}:B${r + 2}`);
    const inMerge = i % 50 === 1 || i % 50 === 2;
    if (!inMerge) cells.push(cell(r, 1, ` t="s"><v>${s(i % 97 === 5 ? '同上' : ORGS[rnd(ORGS.length)]!)}</v></c>`));
    const name = SURNAMES[rnd(SURNAMES.length)]! + GIVEN[rnd(GIVEN.length)]!;
    cells.push(i % 13 === 0 ? cell(r, 2, ` t="inlineStr"><is><t>${name}</t></is></c>`) : cell(r, 2, ` t="s"><v>${s(name)}</v></c>`));
    cells.push(cell(r, 3, ` t="s"><v>${s(`溆浦县${PLACES[rnd(PLACES.length)]}${1 + rnd(30)}组${1 + rnd(60)}号`)}</v></c>`));
    const phone = `1${3 + rnd(6)}${String(100000000 + rnd(899999999)).padStart(9, '0')}`;
    if (i % 211 !== 3) cells.push(i % 3 === 0 ? cell(r, 4, `><v>${phone}</v></c>`) : cell(r, 4, ` s="2" t="s"><v>${s(i % 89 === 0 ? phone.slice(0, 7) : phone)}</v></c>`));
    cells.push(cell(r, 5, ` s="1"><v>${42600 + rnd(400)}</v></c>`));
    rows.push(cells);
  }
  rows.push([cell(r, 0, ` t="s"><v>${s('备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。')}</v></c>`)]);
  const data = rows.map((cells, i) => `<row r="${i + 1}">${(reversed ? [...cells].reverse() : cells).join('')}</row>`).join('');
  const xml = `<sheetData>${data}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  return buildXlsx({ sheets: [{ name: '溆浦县', xml }], sharedStrings: strings, styles: STYLES });
}

describe('a big xlsx register read lean', () => {
  const lean = tempDir();
  const grid = tempDir();
  for (const [dir, reversed] of [[lean.dir, false], [grid.dir, true]] as const) {
    mkdirSync(path.join(dir, '怀化市'));
    writeFileSync(path.join(dir, '怀化市', '溆浦县.xlsx'), register(reversed));
  }
  afterAll(() => {
    lean.cleanup();
    grid.cleanup();
  });

  it.each([['validate', '--format', 'json'], ['validate'], ['rollup', '--format', 'json'], ['orgs', '--format', 'json']].map((a) => [a.join(' '), a] as const))(
    '%s: the same output as the grid read',
    (_, args) => {
    const a = fupin([...args, '.'], { cwd: lean.dir });
    const b = fupin([...args, '.'], { cwd: grid.dir });
    expect(a.stderr).not.toMatch(/\n\s+at /);
    expect(a.code).toBe(b.code);
    expect(a.stdout).toBe(b.stdout);
    if (args.includes('json') && args[0] === 'validate') {
      const report = JSON.parse(a.stdout) as { files: { rows?: number; registers?: { rows?: number }[] }[] };
      expect(JSON.stringify(report)).toContain(`"rows":${ROWS}`);
    }
    },
  );
});
