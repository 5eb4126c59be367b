// The streaming CSV path (src/io/csv-stream.ts + src/core/stream.ts, used by validate) gives exactly the records, registers, rows, problems and `detected` of the whole-file path.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mulberry32 as seeded } from '../../scripts/lib/deterministic.mjs';
import { readForTest } from '../helpers/ledger.js';
import { readCsvBuffer } from '../../src/io/csv.js';
import { NotStreamable, streamCsvRows } from '../../src/io/csv-stream.js';
import { USUAL_BREAK } from '../../src/core/register.js';
import { ROOT, tempDir } from '../e2e/helpers.js';
import { readFileSync } from 'node:fs';

const csvUnder = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((n) => n.toLowerCase().endsWith('.csv'))
    .map((n) => path.join(ROOT, dir, n));

const CSV_FIXTURES = [...csvUnder('fixtures/registers'), ...csvUnder('fixtures/ledger'), ...csvUnder('fixtures/hostile'), ...csvUnder('fixtures/broken')];

/** The validate reports of some inputs as JSON sees them (the register object left out), streamed or read whole. */
async function reports(inputs: string[], stream: boolean, fallbacks: string[] = []) {
  const { reports } = await readForTest(inputs, {
    streamCsvFrom: stream ? 0 : Number.MAX_SAFE_INTEGER,
    ...(stream ? { onStreamFallback: (f: string, why: string) => fallbacks.push(`${f}: ${why}`) } : {}),
  });
  return reports.map(({ register: _r, ...rest }) => rest);
}

/** Records as the whole-file reader makes them: cell texts, '' for an empty cell. */
function wholeRecords(abs: string): string[][] {
  const { sheet } = readCsvBuffer(readFileSync(abs), 'x');
  return sheet.rows.map((r) => Array.from(r, (c) => c?.text ?? ''));
}

async function streamedRecords(abs: string, chunkBytes?: number): Promise<string[][] | string> {
  const out: string[][] = [];
  try {
    await streamCsvRows(abs, (cells) => out.push(cells), chunkBytes ? { chunkBytes } : {});
  } catch (e) {
    if (e instanceof NotStreamable) return e.why;
    throw e;
  }
  return out;
}

/**
 * Records read with a refilled cells array (reuse) and the usual flag asked for (USUAL_BREAK), each copied as it comes,
 * with the flags given; a string when the file is not streamable.
 */
async function reusedRecords(abs: string, chunkBytes?: number): Promise<{ records: string[][]; usual: boolean[] } | string> {
  const records: string[][] = [];
  const usual: boolean[] = [];
  try {
    await streamCsvRows(
      abs,
      (cells, _whole, u) => {
        records.push(cells.slice());
        usual.push(u);
      },
      { reuse: true, usual: USUAL_BREAK, ...(chunkBytes ? { chunkBytes } : {}) },
    );
  } catch (e) {
    if (e instanceof NotStreamable) return e.why;
    throw e;
  }
  return { records, usual };
}

describe('streamed CSV validation', () => {
  it('every CSV fixture: the same reports streamed as read whole', async () => {
    const fallbacks: string[] = [];
    const streamed = await reports(CSV_FIXTURES, true, fallbacks);
    const whole = await reports(CSV_FIXTURES, false);
    expect(streamed).toEqual(whole);
    expect(streamed.length).toBe(whole.length);
    // the ledger's registers and the plain fixtures stream; what the whole-file reader mends or refuses does not
    expect(fallbacks.map((f) => path.relative(ROOT, f))).toEqual([
      'fixtures/registers/utf16.csv: utf-16',
      'fixtures/hostile/long-cell.csv: line too long',
      'fixtures/hostile/nul-late.csv: NUL byte',
      'fixtures/hostile/proto-header.csv: quote inside a field',
      'fixtures/hostile/unclosed-quote.csv: quote not closed',
      'fixtures/broken/no-header.csv: no register',
    ]);
  });

  it('a footer, a second register, a repeated header, totals and template rows: same rows, counts and problems', async () => {
    const t = tempDir();
    try {
      const header = '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式';
      const line = (i: number, name: string) => `${i},溆浦县慈善会,${name},溆浦县卢峰镇红星村${i}组,139${String(30_000_000 + (i % 70)).padStart(8, '0')}`;
      const names = ['张建国', '李秀英', '王桂兰', '刘德福', '陈玉梅', '杨国荣', '赵春梅', '黄志宏'];
      const lines = ['县市区慈善组织精准扶贫结对帮扶登记表', '填报单位：溆浦县慈善会', header];
      for (let i = 1; i <= 80; i++) {
        lines.push(line(i, names[i % 8]!));
        if (i === 45) lines.push(header, '合计,,,,', ',,,,');
      }
      lines.push('81,,,,', '82,,,,', ',,,,');
      lines.push('备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。', '');
      lines.push('县市区慈善组织精准扶贫结对帮扶登记表', header);
      for (let i = 1; i <= 30; i++) lines.push(line(i, names[(i + 3) % 8]!));
      const dir = path.join(t.dir, '怀化市');
      const abs = path.join(dir, '溆浦县.csv');
      await import('node:fs').then((fs) => fs.mkdirSync(dir));
      writeFileSync(abs, lines.join('\r\n') + '\r\n');
      const fallbacks: string[] = [];
      const streamed = await reports([t.dir], true, fallbacks);
      expect(fallbacks).toEqual([]);
      expect(streamed.map((r) => r.rows)).toEqual([80, 30]);
      expect(streamed).toEqual(await reports([t.dir], false));
      // the repeated header is not a pairing; row 50 (record 50) is the one after 合计 and the blank row
      expect(streamed[0]!.problems.some((p) => p.row === 49)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('records across every chunk boundary: quoted fields with line breaks, CRLF, LF, lone CR, empty lines, GBK', async () => {
    const t = tempDir();
    try {
      const rows: string[] = ['县市区慈善组织精准扶贫结对帮扶登记表,,,', '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址'];
      for (let i = 1; i <= 1500; i++) {
        const org = i % 7 === 0 ? '"溆浦县慈善会,分会"' : i % 11 === 0 ? '"溆浦县""爱心""协会"' : '溆浦县慈善会';
        const addr = i % 13 === 0 ? '"溆浦县卢峰镇\r\n红星村"' : i % 17 === 0 ? '"溆浦县卢峰镇\n红星村"' : `溆浦县卢峰镇红星村${i}组`;
        rows.push(`${i},${org},张${'三四五六七'[i % 5]}${i % 3 ? '国' : ''},${addr}`);
        if (i % 101 === 0) rows.push('');
      }
      const text = rows.map((r, i) => r + (i % 5 === 0 ? '\n' : i % 9 === 0 ? '\r' : '\r\n')).join('');
      const utf8 = path.join(t.dir, 'a.csv');
      const gbk = path.join(t.dir, 'b.csv');
      writeFileSync(utf8, '\ufeff' + text);
      writeFileSync(gbk, iconv.encode(text, 'gbk'));
      for (const abs of [utf8, gbk]) {
        const whole = wholeRecords(abs);
        expect(whole.length).toBeGreaterThan(1500);
        for (const chunk of [3, 7, 1009, undefined]) expect(await streamedRecords(abs, chunk)).toEqual(whole);
      }
      // no quote at all: lines decoded many at a time (wholeLines), whatever ends them
      const plain = path.join(t.dir, 'c.csv');
      const plainGbk = path.join(t.dir, 'd.csv');
      const noQuotes = text.replace(/"[^"]*"/g, 'x');
      writeFileSync(plain, noQuotes + '\r\n\n1,溆浦县慈善会,张三,最后一行没有换行');
      writeFileSync(plainGbk, iconv.encode(noQuotes + '\r', 'gbk'));
      for (const abs of [plain, plainGbk]) {
        const whole = wholeRecords(abs);
        expect(whole.length).toBeGreaterThan(1500);
        for (const chunk of [3, 1009, 40_000, undefined]) expect(await streamedRecords(abs, chunk)).toEqual(whole);
      }
    } finally {
      t.cleanup();
    }
  });

  it('every cell quoted (as many programs write CSV): each record starting with a quote, at the file\'s first byte and after every refill', async () => {
    const t = tempDir();
    try {
      const q = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
      const lines = [q(['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址'])];
      // ~3.5 MB: over the default chunk, so records start at byte 0 of refilled buffers too
      for (let i = 1; i <= 30_000; i++) lines.push(q([String(i), i % 3 ? '溆浦县慈善会,分会' : '溆浦县"爱心"协会', `张${'三四五六七'[i % 5]}`, `溆浦县卢峰镇红星村${i % 40}组`]));
      const text = lines.join('\r\n') + '\r\n';
      for (const bom of ['', '\ufeff']) {
        const abs = path.join(t.dir, `quoted${bom.length}.csv`);
        writeFileSync(abs, bom + text);
        const whole = wholeRecords(abs);
        expect(whole.length).toBe(30_001);
        expect(whole[1]).toEqual(['1', '溆浦县慈善会,分会', '张四', '溆浦县卢峰镇红星村1组']);
        for (const chunk of [1009, undefined]) expect(await streamedRecords(abs, chunk)).toEqual(whole);
        // byte by byte, on the first records only (a record starting with a quote at every kind of boundary)
        const small = path.join(t.dir, `quoted-small${bom.length}.csv`);
        writeFileSync(small, bom + lines.slice(0, 300).join('\r\n') + '\r\n');
        for (const chunk of [1, 3]) expect(await streamedRecords(small, chunk)).toEqual(wholeRecords(small));
      }
    } finally {
      t.cleanup();
    }
  });

  it('lines cut into cells as split would: trailing and doubled delimiters, lines without one, empty lines, tabs', async () => {
    const t = tempDir();
    try {
      for (const d of [',', '\t', ';']) {
        const lines: string[] = [`序号${d}扶贫单位或者机构名称${d}扶贫户主姓名${d}扶贫家庭住址`];
        for (let i = 1; i <= 3000; i++) {
          const k = i % 9;
          // a run of lines with no delimiter at all (one cell each), then lines with delimiters far apart
          if (i > 1000 && i <= 1400) lines.push(k === 0 ? '' : `只有一格的一行${i}`);
          else lines.push(k === 1 ? `${i}${d}${d}${d}` : k === 2 ? `${d}${i}` : k === 3 ? d : k === 4 ? '' : `${i}${d}溆浦县慈善会${d}张三${d}溆浦县卢峰镇红星村${i}组`);
        }
        const abs = path.join(t.dir, `delim${d.charCodeAt(0)}.csv`);
        writeFileSync(abs, lines.map((l, i) => l + (i % 4 === 0 ? '\r\n' : '\n')).join(''));
        const whole = wholeRecords(abs);
        expect(whole.length).toBeGreaterThan(3000);
        for (const chunk of [5, 1009, undefined]) expect(await streamedRecords(abs, chunk)).toEqual(whole);
        expect(whole.some((r) => r.length === 1 && r[0]!.startsWith('只有'))).toBe(true);
      }
    } finally {
      t.cleanup();
    }
  });

  it('a U+FEFF inside the file (a line or a cell starting with it, a quoted cell) is kept, as read whole', async () => {
    const t = tempDir();
    try {
      const lines = ['序号,扶贫单位或者机构名称,扶贫户主姓名'];
      for (let i = 1; i <= 2000; i++) {
        const k = i % 5;
        lines.push(k === 0 ? `\ufeff${i},慈善会,张三` : k === 1 ? `${i},\ufeff慈善会,张三` : k === 2 ? `${i},"\ufeff慈善会",\ufeff` : `${i},慈善会,张三`);
      }
      for (const bom of ['', '\ufeff']) {
        const abs = path.join(t.dir, `bom${bom.length}.csv`);
        writeFileSync(abs, bom + lines.join('\n') + '\n');
        const whole = wholeRecords(abs);
        expect(whole.filter((r) => r.some((c) => c.includes('\ufeff'))).length).toBe(1200);
        for (const chunk of [3, 1009, undefined]) expect(await streamedRecords(abs, chunk)).toEqual(whole);
      }
      // a quoted first line is read by the record reader, so the next line is the first text the block decoder gets: its
      // U+FEFF is a character of the cell, not a byte-order mark to drop
      const abs = path.join(t.dir, 'quoted-first.csv');
      writeFileSync(abs, '\ufeff"序号",扶贫单位或者机构名称,扶贫户主姓名\n\ufeff1,慈善会,张三\n2,慈善会,李四\n');
      const whole = wholeRecords(abs);
      expect(whole[1]![0]).toBe('\ufeff1');
      for (const chunk of [3, 1009, undefined]) expect(await streamedRecords(abs, chunk)).toEqual(whole);
    } finally {
      t.cleanup();
    }
  });

  it('a line longer than a cell may be is told by its bytes, lines decoded one by one or many at a time', async () => {
    const t = tempDir();
    try {
      // 16 characters, 48 bytes of UTF-8 a line: within a limit of 50 bytes (4 × 16 = 64 bytes would not be)
      const line = '一二三四五六七八九十一二三四五六';
      const ok = path.join(t.dir, 'ok.csv');
      writeFileSync(ok, Array(300).fill(line).join('\n') + '\n');
      const got: string[][] = [];
      await streamCsvRows(ok, (cells) => got.push(cells), { limits: { maxCellChars: 50 } });
      expect(got).toEqual(Array(300).fill([line]));
      const long = path.join(t.dir, 'long.csv');
      writeFileSync(long, Array(300).fill(line).join('\n') + '\n' + line + '七' + '\n' + line + '\n');
      await expect(streamCsvRows(long, () => {}, { limits: { maxCellChars: 50 } })).rejects.toThrow('line too long');
    } finally {
      t.cleanup();
    }
  });

  it('pick: only the wanted columns decoded (the others empty, the record its length), whole() gives every cell', async () => {
    const t = tempDir();
    try {
      const rows = ['县,乡镇,行政村,户主姓名,证件号码', '溆浦县,卢峰镇,红星村,张三,430524199001011234', ',,,,', 'a,b', '备注：x,,,,', '"q,1",w,e,r,t', ''];
      const abs = path.join(t.dir, 'r.csv');
      writeFileSync(abs, '\ufeff' + rows.join('\r\n') + 'last,,中文,,\n');
      const whole = wholeRecords(abs);
      for (const chunk of [undefined, 5]) {
        const pick: { columns?: readonly number[] } = {};
        const got: { cells: string[]; whole?: string[] }[] = [];
        await streamCsvRows(
          abs,
          (cells, all) => {
            got.push({ cells, ...(all ? { whole: all() } : {}) });
            pick.columns = [0, 2];
          },
          { pick, ...(chunk ? { chunkBytes: chunk } : {}) },
        );
        expect(got.map((g) => g.whole ?? g.cells)).toEqual(whole);
        got.forEach((g, i) => {
          if (!g.whole) return;
          // unquoted records after the first: columns 0 and 2 as read whole, the others empty, the same length
          expect(i).toBeGreaterThan(0);
          expect(g.cells).toEqual(whole[i]!.map((c, col) => (col === 0 || col === 2 ? c : '')));
        });
        // the quoted record came whole
        expect(got[5]!.whole).toBeUndefined();
        expect(got[5]!.cells).toEqual(['q,1', 'w', 'e', 'r', 't']);
      }
    } finally {
      t.cleanup();
    }
  });

  it('leaves to the whole-file reader what it mends or reads its own way', async () => {
    const t = tempDir();
    try {
      const cases: [string, string | Buffer, string][] = [
        ['quote-inside.csv', 'a,b"c,d\r\ne,f,g\r\n', 'quote inside a field'],
        ['after-quote.csv', 'a,"b"c,d\r\n', 'text after a closing quote'],
        ['unclosed.csv', 'a,"b\r\nc,d\r\n', 'quote not closed'],
        ['nul.csv', Buffer.from('a,b\r\nc,\0d\r\n'), 'NUL byte'],
        ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\r\n', 'utf16le')]), 'utf-16'],
      ];
      for (const [name, content, why] of cases) {
        const abs = path.join(t.dir, name);
        writeFileSync(abs, content);
        expect(await streamedRecords(abs)).toBe(why);
      }
    } finally {
      t.cleanup();
    }
  });

  it('reuse and usual: the same records in one refilled array; a record called usual has nothing USUAL_BREAK finds (seeded files, every fixture)', async () => {
    const t = tempDir();
    try {
      const rnd = seeded(2611);
      const pieces = ['溆浦县慈善会', '沈文力', '溆浦县桥江镇孙家坪村22组38号', '15231187812', '43122419700902533X', '3', '', '', '户主姓名', '单位', '地址', ' ', '\u3000', '*', ':', '（', '１', '〃', '同上', '\ud840\udc00', 'abc', '""'];
      const files: string[] = [];
      for (const d of [',', '\t', ';']) {
        const lines = [`序号${d}扶贫单位或者机构名称${d}扶贫户主姓名${d}扶贫家庭住址${d}联系方式`];
        for (let i = 1; i <= 2000; i++) {
          const width = rnd() < 0.05 ? Math.floor(rnd() * 9) : 5;
          const cells = [String(i)];
          for (let c = 1; c < width; c++) {
            let v = pieces[Math.floor(rnd() * pieces.length)]!;
            // a quoted cell is a cell of its own (a quote inside an unquoted one is not streamed)
            if (v === '""') v = rnd() < 0.5 ? `"a${d}b"` : '"x""y"';
            else if (rnd() < 0.3) v += pieces[Math.floor(rnd() * pieces.length)]!.replace('""', '');
            cells.push(v);
          }
          lines.push(cells.slice(0, width).join(d));
        }
        const abs = path.join(t.dir, `seeded${d.charCodeAt(0)}.csv`);
        writeFileSync(abs, lines.map((l, i) => l + (i % 5 === 0 ? '\r\n' : i % 7 === 0 ? '\r' : '\n')).join(''));
        files.push(abs);
      }
      let usual = 0;
      let other = 0;
      for (const abs of [...files, ...CSV_FIXTURES]) {
        for (const chunk of [5, 1009, undefined]) {
          const plain = await streamedRecords(abs, chunk);
          const reused = await reusedRecords(abs, chunk);
          if (typeof plain === 'string') {
            expect(reused, abs).toBe(plain);
            expect(files.includes(abs), abs).toBe(false);
            continue;
          }
          if (typeof reused === 'string') throw new Error(`${abs}: ${reused}`);
          expect(reused.records, abs).toEqual(plain);
          for (let i = 0; i < plain.length; i++) {
            if (!reused.usual[i]) {
              other++;
              continue;
            }
            usual++;
            USUAL_BREAK.lastIndex = 0;
            expect(USUAL_BREAK.exec(plain[i]!.join('\u0001').replaceAll('\u0001', ',')), `${abs} record ${i + 1}`).toBe(null);
          }
        }
      }
      expect(usual).toBeGreaterThan(500);
      expect(other).toBeGreaterThan(2000);
    } finally {
      t.cleanup();
    }
  });
});
