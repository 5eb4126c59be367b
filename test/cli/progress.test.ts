// The progress line on stderr: files read, and rows of a large file read as a stream; silent when stderr is no terminal.
import { describe, expect, it, vi } from 'vitest';
import { progress } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';
import { displayWidth } from '../../src/formatters/text-width.js';

function io(tty: boolean, columns = 60): CliIO & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => undefined, stderr: (t) => void err.push(t), stdoutIsTTY: tty, stderrIsTTY: tty, columns, env: {}, cwd: '/' };
}

describe('progress', () => {
  it('shows the rows read in a large file, one line no wider than the terminal, cleared at the end', () => {
    vi.useFakeTimers();
    try {
      const t = io(true, 50);
      const p = progress(t, 'zh');
      vi.setSystemTime(1_000_000);
      p.rows('怀化市/溆浦县-二〇一六年十二月三十一日修改版.csv', 5000);
      vi.setSystemTime(1_000_050);
      p.rows('怀化市/溆浦县.csv', 10000); // too soon after the last: not drawn
      vi.setSystemTime(1_000_400);
      p.rows('怀化市/溆浦县.csv', 15000);
      p.done();
      expect(t.err).toHaveLength(3);
      expect(t.err[0]).toContain('已读 5000 行');
      expect(t.err[1]).toContain('怀化市/溆浦县.csv：已读 15000 行');
      for (const line of t.err.slice(0, 2)) expect(displayWidth(line.replace('\r\x1b[2K', ''))).toBeLessThan(50);
      expect(t.err[2]).toBe('\r\x1b[2K');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says nothing when stderr is not a terminal', () => {
    const t = io(false);
    const p = progress(t, 'en');
    p.rows('a.csv', 5000);
    for (let i = 1; i <= 20; i++) p.tick(i, 20, `f${i}.xlsx`);
    p.done();
    expect(t.err).toEqual([]);
  });

  it('counts files from eight on, in English too', () => {
    const t = io(true, 80);
    const p = progress(t, 'en');
    p.tick(1, 3, 'a.xlsx');
    expect(t.err).toEqual([]);
    p.tick(20, 20, '怀化市/溆浦县.xlsx');
    expect(t.err[0]).toContain('reading');
    expect(t.err[0]).toContain('20/20');
  });
});
