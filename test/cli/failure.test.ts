// One reading of a failure for the CLI's last line and the local page's error (cli/failure.ts): the catalogue's words in
// either language, never an error's own English text but inside "could not finish: …" for what fupin did not expect.
import { describe, expect, it } from 'vitest';
import { EXIT, UsageError } from '../../src/cli/errors.js';
import { failureOf } from '../../src/cli/failure.js';
import { render } from '../../src/formatters/catalogue/index.js';
import { ConfigError } from '../../src/io/config.js';
import { InputError } from '../../src/io/errors.js';

const words = (e: unknown, lang: 'zh' | 'en') => failureOf(e).msgs.map((m) => render(m, lang));

describe('failureOf', () => {
  it('a usage error: its message in the chosen language, its exit code', () => {
    const e = new UsageError({ id: 'diff/too-few-paths', data: { n: 1 } });
    expect(failureOf(e)).toEqual({ msgs: [e.msg], exitCode: EXIT.failed });
    expect(words(e, 'zh')[0]).toMatch(/^diff 要两个路径/);
    expect(words(e, 'en')[0]).toMatch(/^diff takes two paths/);
  });

  it('an input error and a config file\'s issues: one message each, exit 2', () => {
    expect(failureOf(new InputError({ id: 'cli/not-found', data: { paths: ['x'] } })).exitCode).toBe(EXIT.failed);
    const config = new ConfigError('fupin.config.json', [{ msg: { id: 'cli/not-found', data: { paths: ['a'] } } }, { msg: { id: 'cli/not-found', data: { paths: ['b'] } } }] as ConfigError['issues']);
    expect(failureOf(config).msgs).toHaveLength(2);
  });

  it('anything else: "could not finish" in the chosen language, the error kept for --debug', () => {
    const e = new Error('EIO: i/o error');
    const f = failureOf(e);
    expect(f.unexpected).toBe(e);
    expect(f.exitCode).toBe(EXIT.failed);
    expect(words(e, 'zh')).toEqual(['无法完成：EIO: i/o error']);
    expect(words(e, 'en')).toEqual(['could not finish: EIO: i/o error']);
    expect(words('a string', 'zh')).toEqual(['无法完成：a string']);
  });
});
