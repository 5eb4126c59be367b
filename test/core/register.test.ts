// scanSheet: finding header rows, column mapping, pairing rows, template rows and the closing 备注 in grids.
import { describe, expect, it } from 'vitest';
import { mulberry32 as seeded } from '../../scripts/lib/deterministic.mjs';
import type { MergeRange, RawCell, RawSheet } from '../../src/core/model.js';
import { lineCellBoth, mayNameRequired, scanSheet, setField, TextField, TextSheetScanner, USUAL_BREAK } from '../../src/core/register.js';
import { normText } from '../../src/core/normalize.js';
import type { Register, RegisterRow } from '../../src/core/model.js';
import { COLUMNS, matchHeader, REQUIRED_KEYS } from '../../src/core/columns.js';

function sheet(rows: (string | number | null)[][], merges: MergeRange[] = [], name = 'Sheet1'): RawSheet {
  return {
    name,
    merges,
    rows: rows.map((r) =>
      r.map((v): RawCell | undefined =>
        v === null || v === '' ? undefined : typeof v === 'number' ? { text: String(v), kind: 'number', raw: v } : { text: v, kind: 'string' },
      ),
    ),
  };
}

const ctx = { file: 'x.xlsx', format: 'xlsx' as const, area: { level: 'unknown' as const, source: 'none' as const }, detected: {} };

describe('scanSheet', () => {
  it('reads the official layout: title, 填报单位 line, header, pairings, template rows, 备注', () => {
    const s = sheet([
      ['附2：'],
      ['溆浦县慈善组织精准扶贫结对帮扶登记表'],
      ['填报单位：溆浦县慈善会', null, null, '填报日期：2016年9月12日'],
      ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'],
      [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大坪村3组', 13907451234],
      [2, '溆浦县慈善会', '李四', '溆浦县龙潭镇桐木村1组', '0745-3221234'],
      [],
      [3],
      [4],
      ['备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。'],
      ['填表人：王五'],
    ]);
    const { registers } = scanSheet(s, ctx);
    expect(registers).toHaveLength(1);
    const r = registers[0]!;
    expect(r.headerRows).toEqual([4]);
    expect(r.columns.map((c) => `${c.letter}:${c.key}`)).toEqual(['A:seq', 'B:org', 'C:name', 'D:address', 'E:phone']);
    expect(r.rows.map((x) => x.row)).toEqual([5, 6]);
    expect(r.rows[0]!.fields.phone).toMatchObject({ text: '13907451234', cell: 'E5', kind: 'number' });
    expect(r.skipped).toEqual({ blank: 1, template: 2, total: 0 });
    expect(r.footerRow).toBe(10);
    expect(r.titleLines).toContain('填报单位：溆浦县慈善会 填报日期：2016年9月12日');
  });

  it('reads a two-row header with vertical and group merges, columns in another order, unknown extra columns', () => {
    const s = sheet(
      [
        ['登记表'],
        ['编号', '帮扶单位', '扶贫对象', null, '联系电话', '村干部'],
        [null, null, '户主姓名', '家庭住址', null, null],
        [1, '辰溪县慈善会', '王  五', '辰溪县孝坪镇', '13800000000', '赵六'],
      ],
      [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 3 },
        { top: 1, left: 4, bottom: 2, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ],
    );
    const r = scanSheet(s, ctx).registers[0]!;
    expect(r.headerRows).toEqual([2, 3]);
    expect(r.columns.map((c) => `${c.letter}:${c.key}`)).toEqual(['A:seq', 'B:org', 'C:name', 'D:address', 'E:phone']);
    expect(r.unknownColumns).toEqual([{ letter: 'F', header: '村干部' }]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.extra).toEqual({ 村干部: '赵六' });
    expect(r.rows[0]!.fields.name?.cell).toBe('C4');
  });

  it('matches wrapped and aliased headers, and an organisation merged down over its households', () => {
    const s = sheet(
      [
        ['序 号', '扶贫单位或者\n机构名称', '户主', '住址', '手机号码'],
        [1, '溆浦县慈善会', '张三', '卢峰镇', '13907451234'],
        [2, null, '李四', '龙潭镇', '13907451235'],
      ],
      [{ top: 1, left: 1, bottom: 2, right: 1 }],
    );
    const r = scanSheet(s, ctx).registers[0]!;
    expect(r.columns.map((c) => c.key)).toEqual(['seq', 'org', 'name', 'address', 'phone']);
    expect(r.rows[1]!.fields.org).toMatchObject({ text: '溆浦县慈善会', cell: 'B3' });
  });

  it('knows the short headers other offices use (单位, 户名, 住址, 电话)', () => {
    const s = sheet([
      ['序', '单位', '户名', '住址', '电话'],
      [1, '溆浦县慈善会', '张三', '卢峰镇', '13907451234'],
    ]);
    const r = scanSheet(s, ctx).registers[0]!;
    expect(r.columns.map((c) => `${c.letter}:${c.key}`)).toEqual(['A:seq', 'B:org', 'C:name', 'D:address', 'E:phone']);
  });

  it('finds two registers one after the other in one sheet', () => {
    const s = sheet([
      ['溆浦县慈善组织精准扶贫结对帮扶登记表'],
      ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'],
      [1, 'A慈善会', '张三', '卢峰镇', '13907451234'],
      ['备注：…'],
      [],
      ['辰溪县慈善组织精准扶贫结对帮扶登记表'],
      ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'],
      [1, 'B慈善会', '李四', '孝坪镇', '13907451235'],
      [2, 'B慈善会', '王五', '孝坪镇', '13907451236'],
    ]);
    const { registers } = scanSheet(s, ctx);
    expect(registers.map((r) => [r.headerRows[0], r.rows.length, r.titleLines[0]])).toEqual([
      [2, 1, '溆浦县慈善组织精准扶贫结对帮扶登记表'],
      [7, 2, '辰溪县慈善组织精准扶贫结对帮扶登记表'],
    ]);
  });

  it('skips 合计 rows and a header repeated on each printed page', () => {
    const s = sheet([
      ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'],
      [1, 'A慈善会', '张三', '卢峰镇', '13907451234'],
      ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式'],
      [2, 'A慈善会', '李四', '卢峰镇', '13907451235'],
      ['合计', '2户'],
    ]);
    const r = scanSheet(s, ctx).registers[0]!;
    expect(r.rows.map((x) => x.row)).toEqual([2, 4]);
    expect(r.skipped.total).toBe(2);
  });

  it('finds no register in a sheet of something else, and says which columns it did see', () => {
    const s = sheet([
      ['品名', '单价', '联系电话'],
      ['大米', 3.5, '13800000000'],
    ]);
    const scan = scanSheet(s, ctx);
    expect(scan.registers).toEqual([]);
    expect(scan.bestCandidate?.found.map((c) => c.key)).toEqual(['phone']);
  });
});

describe('mayNameRequired (the cheap test before a row is read as a repeated header)', () => {
  it('is never false for a cell that names a required column, whatever surrounds the header word', () => {
    const words = COLUMNS.flatMap((c) => [c.label, ...c.aliases]);
    const around = ['', '1', '*', ':', '：', '＊', ' ', '\u3000', '（必填）', '(元)', 'ab', 'AB', '溆浦', '一二三四五六七八九十一二三四五六七八九十', '家', '户', '\t'];
    let named = 0;
    for (const w of words) {
      for (const a of around) {
        for (const b of around) {
          for (const t of [a + w + b, w.slice(0, 1) + a + w.slice(1) + b, a + w.slice(0, 2) + b + w.slice(2)]) {
            const m = matchHeader(t);
            if (m && REQUIRED_KEYS.includes(m.key)) {
              named++;
              expect(mayNameRequired(t), t).toBe(true);
            }
          }
        }
      }
    }
    expect(named).toBeGreaterThan(1000);
  });
  it('is false at once for usual data cells', () => {
    for (const t of ['溆浦县桥江镇孙家坪村22组38号', '沈文力', '溆浦县慈善会', '15231187812', '431224197009025330', '3', 'abc:def'.slice(0, 3)]) {
      expect(mayNameRequired(t), t).toBe(false);
    }
    expect(mayNameRequired('扶贫户主姓名')).toBe(true);
    expect(mayNameRequired('户*主')).toBe(true); // headerKey takes the * out: left to the full test
    // printable ASCII never may (readLine does not ask for such cells)
    let ascii = '';
    for (let c = 0x21; c <= 0x7e; c++) ascii += String.fromCharCode(c);
    for (let i = 0; i < ascii.length; i++) expect(mayNameRequired(ascii.slice(i) + ascii.slice(0, i)), String(i)).toBe(false);
  });
});

describe('lineCell (readLine\'s one pass over a cell) answers as normField and the pre-filter do', () => {
  /** The two tests as readLine made them before: normField, and printable ASCII kept out when every header word is Han. */
  const slow = (t: string): [string, boolean] => {
    const plain = /^[\x21-\x7e]*$/.test(t);
    return [plain ? t : normText(t), !plain && mayNameRequired(t)];
  };
  it('every UTF-16 unit at the start, middle and end of usual cells and of header words', () => {
    const words = COLUMNS.filter((c) => c.required).flatMap((c) => [c.label, ...c.aliases]);
    const bases = ['溆浦县慈善会', '15231187812', words[0]!, words[words.length - 1]!, words[0]!.slice(0, 1), '户主姓名x'];
    let checked = 0;
    const differ: string[] = [];
    for (const b of bases) {
      for (let u = 0; u < 0x10000; u += u < 0x3100 || (u >= 0x4e00 && u < 0x4f00) || (u >= 0xff00 && u < 0xfff0) ? 1 : 5) {
        const ch = String.fromCharCode(u);
        for (const t of [ch + b, b + ch, b.slice(0, 1) + ch + b.slice(1)]) {
          const [n1, m1] = lineCellBoth(t);
          const [n2, m2] = slow(t);
          if (n1 !== n2 || m1 !== m2) differ.push(t);
          checked++;
        }
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
    for (const t of ['户*主', '姓名:', '姓名：', '户 主姓名', '\u2f7e主', '家庭住址', '扶贫户主姓名', '溆浦\ud840\udc00县']) expect(lineCellBoth(t), t).toEqual(slow(t));
  });
});

describe('text rows (a CSV streamed: BlockReader.readLine) read as the same rows in a grid (read)', () => {
  /** A CSV's cells as csvToSheet makes a grid of them: '' is no cell, anything else a text cell. */
  const grid = (rows: string[][]): RawSheet => ({ name: 'S', merges: [], rows: rows.map((r) => r.map((t) => (t === '' ? undefined : { text: t, kind: 'string' as const }))) });
  const header = ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式', '身份证号码', '家庭人口', '附注'];
  const kinds: string[][] = [
    ['1', '溆浦县慈善会', '张三', '卢峰镇大湾村3组', '13907451234', '431224197009025330', '3', ''],
    ['2', '同上', '李 四', '同上', '', '', '', '亲戚'],
    ['3', '', '王五', '', '１３９０７４５１２３５', '', '', ''],
    ['4', '', '', '', '', '', '', ''], // a template row: only the number
    ['', '', '', '', '', '', '', '备用'], // an unknown column only
    ['', '', '', '', '', '', '', ''],
    ['', '', '', '', ''], // shorter than the header
    ['合计', '3户'],
    header, // the header repeated on a printed page
    ['5', ' 湖南省 慈善总会 ', '赵六\u3000', '桥江镇', '0745-1234567 / 13907451236', '', '2', ''],
    ['6', '溆浦县慈善会', '户主姓名', '家庭住址', '', '', '', ''], // names two required columns, but is it a header?
    ['7', '某某登记表说明文字很长的一格', '孙七', '龙潭镇', '', '', '', ''],
    // headers again (each names two required columns and a third): header words in a column read as a number (with *:
    // a plain ASCII test cannot clear it) and in the unknown one, in cells past the header's width, in another order
    ['8', '', '李八', '', '电话', '', '姓名*', '家庭住址'],
    ['', '', '', '', '联系方式', '', '户主姓名:', '帮扶单位'],
    ['', '帮扶单位', '', '', '电话', '', '', '', '', '户主姓名'],
    ['序号', '户主姓名', '帮扶单位', '家庭住址', '联系方式'],
  ];
  const rows: string[][] = [['县市区慈善组织精准扶贫结对帮扶登记表'], ['填报单位：溆浦县慈善会', '', '', '填报日期：2016年9月12日'], header];
  for (let i = 0; i < 60; i++) rows.push(...kinds.map((k) => (k === header ? k : k.map((t, c) => (c === 0 && t && /^\d+$/.test(t) ? String(i * 100 + Number(t)) : t)))));
  rows.push(['备注：本表一式两份'], ['县市区慈善组织精准扶贫结对帮扶登记表'], header, ...kinds.slice(0, 4), ['填表人：某某']);

  it('every kind of row: the same registers, rows, fields (keys in the same order), counts and ends', () => {
    const whole = scanSheet(grid(rows), ctx);
    const streamed: { register: Register; rows: RegisterRow[] }[] = [];
    const scanner = new TextSheetScanner('S', ctx, (register) => {
      const got = { register, rows: [] as RegisterRow[] };
      streamed.push(got);
      return (row) => got.rows.push(row);
    });
    for (const r of rows) scanner.push(r);
    const end = scanner.end();
    expect(end.registers.length).toBe(2);
    expect(whole.registers.length).toBe(2);
    for (let i = 0; i < 2; i++) {
      const w = whole.registers[i]!;
      const s = streamed[i]!;
      expect(s.rows.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(s.rows)).toBe(JSON.stringify(w.rows));
      // (a streamed register is announced before its end is known: footerRow comes last among its keys)
      expect({ ...s.register, rows: [] }).toEqual({ ...w, rows: [] });
    }
    // what the rows hold: ditto resolved, the repeated header and the total skipped, the template counted
    const first = whole.registers[0]!;
    expect(first.rows.some((r) => r.fields.org?.ditto === '同上' && r.fields.org.text === '溆浦县慈善会')).toBe(true);
    expect(first.skipped.total).toBe(6 * 60);
    expect(first.skipped.template).toBeGreaterThanOrEqual(60);
    // a streamed row's fields are TextFields: the same reference, kind, keys and JSON as read()'s plain objects
    for (let i = 0; i < 2; i++) {
      const w = whole.registers[i]!.rows;
      const s = streamed[i]!.rows;
      for (let j = 0; j < w.length; j++) {
        expect(Object.keys(s[j]!.fields)).toEqual(Object.keys(w[j]!.fields));
        for (const [key, f] of Object.entries(w[j]!.fields)) {
          const t = s[j]!.fields[key as keyof typeof f]!;
          expect([t.text, t.norm, t.cell, t.kind, t.raw, t.numFmt, t.ditto]).toEqual([f.text, f.norm, f.cell, f.kind, f.raw, f.numFmt, f.ditto]);
        }
        expect(s[j]!.extra).toEqual(w[j]!.extra);
      }
    }
  });

  it('setField stores each column\'s field under its own key, and only there, into a fields object of any shape', () => {
    const keys = COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      const field = new TextField(key, key, 'B', 3);
      const alone: Record<string, unknown> = {};
      setField(alone, key, field);
      expect(alone).toEqual({ [key]: field });
      // a register's shape (every key present, undefined): the key's value set, the others and their order left alone
      const shaped: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, undefined]));
      setField(shaped, key, field);
      expect(Object.keys(shaped)).toEqual(keys);
      expect(Object.entries(shaped).filter(([, v]) => v !== undefined)).toEqual([[key, field]]);
    }
  });

  it('TextField: a text cell\'s field, its reference made when asked for', () => {
    const f = new TextField('张 三', '张 三', 'AB', 70001);
    expect([f.cell, f.kind, JSON.stringify(f)]).toEqual(['AB70001', 'string', '{"text":"张 三","norm":"张 三","cell":"AB70001","kind":"string"}']);
    expect(new TextField('', '', 'C', 4).kind).toBe('empty');
  });
});

/** Whether USUAL_BREAK finds nothing in `text` (as streamCsvRows asks it of a line). */
function usualText(text: string): boolean {
  USUAL_BREAK.lastIndex = 0;
  return USUAL_BREAK.exec(text) === null;
}

describe('USUAL_BREAK (a line streamCsvRows finds nothing in is read without lineCell per cell)', () => {
  const words = COLUMNS.filter((c) => c.required).flatMap((c) => [c.label, ...c.aliases]);
  /** Pieces of cells: usual text, header words and their halves, and every kind of character lineCell reads another way. */
  const pieces = [
    ...words,
    ...words.map((w) => w.slice(0, 1)),
    ...words.map((w) => w.slice(1)),
    '溆浦县', '桥江镇', '22组', '38号', '15231187812', '43122419700902533X', '3', 'abc', '-', '#', '/', '.', '(', ')',
    ' ', '\u3000', '\t', '*', ':', '：', '＊', '（', '）', '１', 'Ａ', '〃', '、', '\u00a0', '\ufeff', '\ud840\udc00', '\ud840', '\u2f7e', '\u3400', '\uf900', 'é', 'e\u0301', '\u200b',
  ];
  it('a cell it finds nothing in is its own norm and may name no required column (lineCell, mayNameRequired); seeded cells', () => {
    const rnd = seeded(26);
    let usual = 0;
    let checked = 0;
    for (let i = 0; i < 60_000; i++) {
      let t = '';
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) t += pieces[Math.floor(rnd() * pieces.length)]!;
      checked++;
      if (!usualText(t)) continue;
      usual++;
      expect(lineCellBoth(t), t).toEqual([t, false]);
      expect(mayNameRequired(t), t).toBe(false);
    }
    expect(usual).toBeGreaterThan(5000);
    expect(checked - usual).toBeGreaterThan(5000);
    // every UTF-16 unit alone and inside usual text (but line ends: lines, not cells, hold them)
    for (let u = 0; u < 0x10000; u++) {
      if (u === 0x0a || u === 0x0d) continue;
      const ch = String.fromCharCode(u);
      for (const t of [ch, `溆浦${ch}县`, `1${ch}`]) {
        if (!usualText(t)) continue;
        expect(lineCellBoth(t), t).toEqual([t, false]);
      }
    }
    // each header word, alone or inside usual text, is found
    for (const w of words) for (const t of [w, `溆浦县${w}1`]) expect(usualText(t), t).toBe(false);
    for (const t of ['溆浦县桥江镇孙家坪村22组38号', '沈文力', '15231187812', '43122419700902533X', '3', '']) expect(usualText(t), t).toBe(true);
  });

  it('rows pushed as usual (when nothing is found in them) and in one refilled array: the same registers and rows as pushed plainly', () => {
    const header = ['序号', '扶贫单位', '户主姓名', '家庭住址', '联系方式', '身份证号码', '家庭人口', '附注'];
    const rnd = seeded(7);
    const cell = (c: number): string => {
      const x = rnd();
      if (x < 0.1) return '';
      if (x < 0.15) return pieces[Math.floor(rnd() * pieces.length)]!;
      if (x < 0.18) return header[Math.floor(rnd() * header.length)]!;
      if (x < 0.2) return '同上';
      return ['', '溆浦县慈善会', '沈文力', '溆浦县桥江镇孙家坪村22组38号', '15231187812', '431224197009025330', '3', '亲戚'][c]!;
    };
    const rows: string[][] = [['县市区慈善组织精准扶贫结对帮扶登记表'], ['填报单位：溆浦县慈善会'], header];
    for (let i = 1; i <= 3000; i++) {
      const x = rnd();
      if (x < 0.01) rows.push([...header]);
      else if (x < 0.02) rows.push(['合计', '3户']);
      else if (x < 0.03) rows.push([]);
      else {
        const r = [String(i)];
        const width = x < 0.05 ? 1 + Math.floor(rnd() * 10) : 8;
        for (let c = 1; c < width; c++) r.push(cell(c));
        rows.push(r);
      }
      // a footer, then a second register, once
      if (i === 2000) rows.push(['备注：本表一式两份'], ['县市区慈善组织精准扶贫结对帮扶登记表'], header);
    }
    const run = (how: 'plain' | 'usual') => {
      const got: { register: Register; rows: RegisterRow[] }[] = [];
      const scanner = new TextSheetScanner('S', ctx, (register) => {
        const one = { register, rows: [] as RegisterRow[] };
        got.push(one);
        return (row) => one.rows.push(row);
      });
      const refilled: string[] = [];
      let usual = 0;
      for (const r of rows) {
        if (how === 'plain') {
          scanner.push(r);
          continue;
        }
        refilled.length = 0;
        refilled.push(...r);
        const u = usualText(r.join(','));
        if (u) usual++;
        scanner.push(refilled, u);
      }
      const end = scanner.end();
      return { json: JSON.stringify(got.map((g) => ({ ...g.register, rowCount: undefined, rows: g.rows }))), end: JSON.stringify(end), usual };
    };
    const plain = run('plain');
    const usual = run('usual');
    expect(usual.usual).toBeGreaterThan(1000);
    expect(usual.usual).toBeLessThan(rows.length - 500);
    expect(usual.json).toBe(plain.json);
    expect(usual.end).toBe(plain.end);
    expect(JSON.parse(plain.json).length).toBe(2);
  });
});
