// Malformed CSV: mixed line endings, unclosed quotes, NUL bytes, ragged rows, over-long lines and cells — repaired with line numbers or refused by limit, never a crash.
import { describe, expect, it } from 'vitest';
import { CsvReadError, type CsvRepair, parseCsvRecords, readCsvBuffer } from '../../src/io/csv.js';

function parse(text: string, limits = {}) {
  const repairs: CsvRepair[] = [];
  const records = parseCsvRecords(text, ',', limits, repairs);
  return { records, repairs };
}

function refusal(text: string, limits = {}): CsvReadError {
  try {
    parseCsvRecords(text, ',', limits);
  } catch (e) {
    if (e instanceof CsvReadError) return e;
    throw e;
  }
  throw new Error('expected a CsvReadError');
}

describe('parseCsvRecords', () => {
  it('ends records at \\r\\n, \\n and \\r alike in one file', () => {
    expect(parse('a,b\r\nc,d\ne,f\rg,h\r\n').records).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps a line break inside a closed quote', () => {
    expect(parse('a,"b\nc",d\ne,f\n').records).toEqual([['a', 'b\nc', 'd'], ['e', 'f']]);
  });

  it('reads an unclosed quote as a plain character on its line and goes on, naming the line', () => {
    const { records, repairs } = parse('a,b\n"c,d\ne,f\ng,h\n');
    expect(records).toEqual([['a', 'b'], ['"c', 'd'], ['e', 'f'], ['g', 'h']]);
    expect(repairs).toEqual([{ kind: 'quote-not-closed', line: 2 }]);
  });

  it('counts physical lines across a quoted line break when naming the unclosed quote', () => {
    const { records, repairs } = parse('a,"x\ny",b\n"c,d\ne,f\n');
    expect(records).toEqual([['a', 'x\ny', 'b'], ['"c', 'd'], ['e', 'f']]);
    expect(repairs).toEqual([{ kind: 'quote-not-closed', line: 3 }]);
  });

  it('drops NUL characters and names their lines', () => {
    const { records, repairs } = parse('a,b\nc\u0000,d\ne,f\u0000\n');
    expect(records).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
    expect(repairs).toEqual([
      { kind: 'nul', line: 2 },
      { kind: 'nul', line: 3 },
    ]);
  });

  it('keeps ragged rows as they are', () => {
    expect(parse('a,b,c\nd\ne,f,g,h\n').records).toEqual([['a', 'b', 'c'], ['d'], ['e', 'f', 'g', 'h']]);
  });

  it('refuses a cell over maxCellChars with its line', () => {
    const e = refusal(`a,b\nc,d\ne,${'x'.repeat(40_000)}\n`);
    expect([e.limit, e.line, e.allowed]).toEqual(['maxCellChars', 3, 32_767]);
  });

  it('refuses a 50 MB single line by maxLineChars before parsing it', () => {
    const started = Date.now();
    const e = refusal(`a,b\n${'x,'.repeat(25 * 1024 * 1024)}\n`);
    expect([e.limit, e.line, e.actual]).toEqual(['maxLineChars', 2, 50 * 1024 * 1024]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a record of more cells than maxColumns', () => {
    const e = refusal(`a,b\n${','.repeat(20_000)}\n`);
    expect([e.limit, e.line, e.actual]).toEqual(['maxColumns', 2, 20_001]);
  });

  it('stops at the time budget', () => {
    // every line opens a quote that never closes: each repair re-reads the rest, so a tiny budget runs out
    const e = refusal('"a\n'.repeat(20_000), { maxMillis: 1 });
    expect(e.limit).toBe('maxMillis');
  });
});

describe('readCsvBuffer', () => {
  it('refuses a file over maxFileBytes before decoding it', () => {
    expect(() => readCsvBuffer(Buffer.from('a,b\n'.repeat(100)), 'x', undefined, { maxFileBytes: 100 })).toThrow(CsvReadError);
  });

  it('shows the repairs in detected', () => {
    const r = readCsvBuffer(Buffer.from('序号,户主姓名\n1,"张三\n2,李四\u0000\n'), 'x');
    expect(r.repairs).toEqual([
      { kind: 'nul', line: 3 },
      { kind: 'quote-not-closed', line: 2 },
    ]);
    expect(r.detected.unclosedQuote?.value).toBe('2');
    expect(r.detected.nul?.value).toBe('3');
    expect(r.sheet.rows.map((row) => row.map((c) => c?.text))).toEqual([['序号', '户主姓名'], ['1', '"张三'], ['2', '李四']]);
  });
});
