// What a clerk sees around the checks, through the built CLI: output sized to a real pseudo-terminal, a closed pipe
// ending the command quietly, a folder that cannot be made named in one line (also as root: then run as nobody).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/formatters/text-width.js';
import { BIN, fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const LEDGER = path.join(ROOT, 'fixtures/ledger');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const sh = (cmd: string) => spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe.skipIf(!hasScript)('in a pseudo-terminal of 60, 80 and 120 columns (util-linux script)', () => {
  /** Runs the CLI with stdout on a pty `cols` wide (stderr, the progress bar, to /dev/null) and returns what it printed. */
  const onTerminal = (cols: number, args: string[]): string => {
    const inner = `stty cols ${cols} rows 50; exec ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} 2>/dev/null`;
    const r = sh(`script -qec ${quote(inner)} /dev/null`);
    return r.stdout.replace(/\r/g, '');
  };

  it.each([60, 80, 120])('validate and rollup print no line wider than %i columns', (cols) => {
    for (const args of [['validate', LEDGER], ['rollup', '--by', 'city', LEDGER]]) {
      const out = onTerminal(cols, args);
      expect(out).toContain(args[0] === 'validate' ? '共检查 137 个文件' : '湖南省慈善组织精准扶贫结对帮扶统计表');
      const lines = out.split('\n');
      const widest = lines.reduce((a, l) => (displayWidth(l) > displayWidth(a) ? l : a), '');
      expect(displayWidth(widest), widest).toBeLessThanOrEqual(cols);
    }
  });
});

describe('a closed pipe', () => {
  it('`validate --format json … | head -5` ends quietly: nothing on stderr, the command’s own exit code', () => {
    const r = sh(`${quote(process.execPath)} ${quote(BIN)} validate --format json ${quote(LEDGER)} | head -5; echo "exit=\${PIPESTATUS[0]}" >&2`);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['{', '  "files": [']);
    expect(r.stderr).toBe('exit=1\n'); // the example ledger has errors: 1, as without the pipe
  });

  it('`validate … | head -1` and `rollup … | head -1` too', () => {
    for (const cmd of ['validate', 'rollup']) {
      const r = sh(`${quote(process.execPath)} ${quote(BIN)} ${cmd} ${quote(LEDGER)} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`);
      expect(r.stdout.split('\n')).toHaveLength(2);
      expect(r.stderr).toMatch(/^exit=[01]\n$/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('an output folder that cannot be made', () => {
  let t: ReturnType<typeof tempDir>;
  let locked: string;
  const asRoot = process.getuid?.() === 0;
  beforeAll(() => {
    t = tempDir();
    // a folder the CLI may read but not write into: as root (who ignores permission bits) the CLI runs as nobody
    chmodSync(t.dir, 0o755);
    locked = path.join(t.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, asRoot ? 0o755 : 0o555);
  });
  afterAll(() => {
    chmodSync(locked, 0o755);
    t.cleanup();
  });

  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: t.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('-o into it: exit 2, one line naming the folder and why', () => {
    const target = path.join(locked, '新', '附3.xlsx');
    const r = run(['template', 'stats', '-o', target]);
    expect(r.code).toBe(2);
    // the folder as the clerk typed it, relative to the current folder (as 已写出 shows written files)
    expect(r.stderr).toBe('fupin：无法建立文件夹 locked/新：没有写权限。请换一个有写权限的位置\n');
    expect(existsSync(path.dirname(target))).toBe(false);
  });

  it('--annotate DIR in it: the same one line', () => {
    const dir = path.join(locked, '标注');
    const r = run(['validate', '--annotate', dir, path.join(LEDGER, '怀化市', '辰溪县.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('无法建立文件夹 locked/标注：没有写权限');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('as before, -o into a folder that can be made makes it', () => {
    const target = path.join(t.dir, 'out', '怀化市', '附3.xlsx');
    const r = fupin(['template', 'stats', '-o', target, '--area', '怀化市'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});
