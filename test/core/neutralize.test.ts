// Output safety: which texts are made inert for CSV, which are left alone, and what xlsx text keeps.
import { describe, expect, it } from 'vitest';
import { neutralizeCell, neutralizeCsvField, startsLikeFormula, xlsxText } from '../../src/core/neutralize.js';

describe('neutralizeCell (CSV)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['+86 139 1234 5678', "'+86 139 1234 5678"],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
  ])('prefixes %j', (input, out) => {
    expect(neutralizeCell(input)).toBe(out);
    expect(startsLikeFormula(input)).toBe(true);
  });

  it.each(['0745-3221234', '13912345678', '0745-3221234/13800001111', '9-12', '张三', '怀化市溆浦县卢峰镇', '', ' =1', '＝1', 'a=b'])(
    'leaves %j untouched',
    (input) => {
      expect(neutralizeCell(input)).toBe(input);
      expect(startsLikeFormula(input)).toBe(false);
    },
  );

  it('passes numbers through (a count of -5 written as a number is not text), text is prefixed', () => {
    expect(neutralizeCsvField(-5)).toBe(-5);
    expect(neutralizeCsvField('-5')).toBe("'-5");
    expect(neutralizeCsvField(undefined)).toBe('');
    expect(neutralizeCsvField(null)).toBe('');
  });
});

describe('xlsxText', () => {
  it('keeps formula-like text exactly (xlsx string cells are never evaluated)', () => {
    expect(xlsxText('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(xlsxText('\t多行\n文本\r')).toBe('\t多行\n文本\r');
  });

  it('drops characters XML cannot carry: NUL, other controls, lone surrogates, U+FFFE', () => {
    expect(xlsxText('张\u0000三\u0007\u001F')).toBe('张三');
    expect(xlsxText('a\uD800b\uDC00c\uFFFE')).toBe('abc');
    expect(xlsxText('𠀋家')).toBe('𠀋家'); // a real surrogate pair (CJK Ext. B) stays
  });
});
