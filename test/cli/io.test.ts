// The terminal as the formatters are told about it (width, ambiguous width, markers) and the one way a written file is reported.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalLayout, type CliIO } from '../../src/cli/io.js';

function io(over: Partial<CliIO> = {}): CliIO & { err: string[] } {
  const err: string[] = [];
  return { stdout: () => undefined, stderr: (t) => void err.push(t), stdoutIsTTY: true, stderrIsTTY: true, columns: 80, env: {}, cwd: '/work/ledger', platform: 'linux', locale: 'zh-CN', err, ...over };
}

describe('terminalLayout', () => {
  it('a terminal: its width; piped or redirected: no width (the formatters lay out as they always did)', () => {
    expect(terminalLayout(io())).toEqual({ width: 80 });
    expect(terminalLayout(io({ stdoutIsTTY: false }))).toEqual({});
    expect(terminalLayout(io({ stdoutIsTTY: false }), { width: 60 })).toEqual({ width: 60 });
  });

  it('the Windows console in a Chinese locale (code page 936) draws ambiguous characters double and lacks ✔ ✖ ℹ', () => {
    expect(terminalLayout(io({ platform: 'win32', locale: 'zh-CN' }))).toEqual({ width: 80, ambiguousWide: true, asciiMarkers: true });
    expect(terminalLayout(io({ platform: 'win32', locale: 'en-US' }))).toEqual({ width: 80, asciiMarkers: true });
    // Windows Terminal, VS Code, Git Bash draw them one column wide and have the glyphs
    for (const env of [{ WT_SESSION: 'x' }, { TERM_PROGRAM: 'vscode' }, { TERM: 'xterm-256color' }]) {
      expect(terminalLayout(io({ platform: 'win32', locale: 'zh-CN', env }))).toEqual({ width: 80 });
    }
    expect(terminalLayout(io({ platform: 'linux', locale: 'zh-CN' }))).toEqual({ width: 80 });
  });

  it('FUPIN_AMBIGUOUS and FUPIN_MARKERS override the guess, flags override both', () => {
    expect(terminalLayout(io({ env: { FUPIN_AMBIGUOUS: 'wide', FUPIN_MARKERS: 'ascii' } }))).toEqual({ width: 80, ambiguousWide: true, asciiMarkers: true });
    expect(terminalLayout(io({ platform: 'win32', env: { FUPIN_AMBIGUOUS: 'narrow', FUPIN_MARKERS: 'unicode' } }))).toEqual({ width: 80 });
    expect(terminalLayout(io({ env: { FUPIN_AMBIGUOUS: 'wide' } }), { ambiguousWide: false, ascii: true })).toEqual({ width: 80, asciiMarkers: true });
  });
});
