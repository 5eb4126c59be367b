// Paths in reports, JSON and CI annotations use `/` on every platform: Windows paths simulated with path.win32.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath, slashPath } from '../../src/io/display-path.js';

describe('slashPath', () => {
  it('turns Windows separators round, and only on Windows', () => {
    expect(slashPath('怀化市\\溆浦县.xlsx', path.win32)).toBe('怀化市/溆浦县.xlsx');
    expect(slashPath('收件箱/怀化市\\溆浦县.xlsx', path.win32)).toBe('收件箱/怀化市/溆浦县.xlsx');
    // on POSIX a backslash is a character of the name
    expect(slashPath('a\\b.xlsx', path.posix)).toBe('a\\b.xlsx');
  });
});

describe('shownPath', () => {
  it('is relative with / inside the current folder, on Windows as on Linux', () => {
    expect(shownPath('C:\\台账', 'C:\\台账\\怀化市\\溆浦县.xlsx', path.win32)).toBe('怀化市/溆浦县.xlsx');
    expect(shownPath('C:\\台账', '怀化市\\溆浦县.xlsx', path.win32)).toBe('怀化市/溆浦县.xlsx');
    expect(shownPath('/srv/台账', '/srv/台账/怀化市/溆浦县.xlsx', path.posix)).toBe('怀化市/溆浦县.xlsx');
  });

  it('is absolute with / outside it, on another drive, and for the folder itself', () => {
    expect(shownPath('C:\\台账', 'C:\\收件箱\\溆浦县.xlsx', path.win32)).toBe('C:/收件箱/溆浦县.xlsx');
    expect(shownPath('C:\\台账', 'D:\\溆浦县.xlsx', path.win32)).toBe('D:/溆浦县.xlsx');
    expect(shownPath('C:\\台账', 'C:\\台账', path.win32)).toBe('C:/台账');
    expect(shownPath('/srv/台账', '/srv/..x/a.xlsx', path.posix)).toBe('/srv/..x/a.xlsx');
  });

  it('keeps a folder whose name starts with two dots inside', () => {
    expect(shownPath('C:\\台账', 'C:\\台账\\..备份\\a.xlsx', path.win32)).toBe('..备份/a.xlsx');
  });
});
