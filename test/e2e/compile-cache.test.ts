// bin/fupin.js keeps compiled code between runs: Node's compile cache where Node has one (module.enableCompileCache,
// Node ≥ 22.1, over dist/bundle), else its own V8 code cache over dist/cjs/fupin.cjs (Node 20). A cache that is cold,
// warm, corrupt or cannot be written never changes what a command prints or its exit code, and the code cached (dist/cjs)
// prints what the ES bundle prints (NODE_DISABLE_COMPILE_CACHE=1 runs dist/bundle).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, tempDir } from './helpers.js';

const ARGS = ['validate', '--format', 'json', 'fixtures/ledger/永州市/零陵区.xlsx'];
const hasNodeCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Every file under a folder (the cache keeps one folder per Node version). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('compile cache', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const cacheDir = path.join(tmp.dir, 'cache');

  it('cold, warm, corrupt, unusable or off: the same output and exit code', () => {
    const off = fupin(ARGS, { env: { NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: cacheDir } });
    expect(off.stderr).toBe('');
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toHaveProperty('files');
    // off: nothing written
    expect(filesUnder(cacheDir)).toEqual([]);
    const cold = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    const written = filesUnder(cacheDir);
    // Node ≥ 22.1 writes its cache; on Node 20 bin/fupin.js writes its own, one file named by the Node version
    expect(written.length).toBeGreaterThan(0);
    if (!hasNodeCache) {
      // named by the content's key (the first line of dist/cjs/fupin.cjs: V8 checks an entry against the source's length
      // only, so a name by size and time would let an updated fupin run an older one's code) and the command
      const source = readFileSync(path.join(ROOT, 'dist', 'cjs', 'fupin.cjs'), 'latin1');
      const key = /^\/\/ fupin-cache-key ([0-9a-f]{16})\n/.exec(source)?.[1];
      expect(key).toBe(createHash('sha256').update(source.slice(source.indexOf('\n') + 1)).digest('hex').slice(0, 16));
      // and whether V8's tiering was tuned (bin/fupin.js tuneTiering: Node 20's V8 11.3), which changes the V8 flags an
      // entry is made under
      const tuned = process.versions.v8.startsWith('11.3.') ? '-tuned' : '';
      expect(written.map((f) => path.basename(f))).toEqual([`fupin-${process.version}-${process.arch}-${key}-validate${tuned}.v8`]);
    }
    const stamp = (f: string) => {
      const st = statSync(f, { bigint: true });
      return `${st.size} ${st.ino} ${st.mtimeNs}`;
    };
    const stamps = written.map(stamp);
    const warm = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    // a warm run uses the entry as it is: V8 accepted it (an entry V8 rejects, for one made under other V8 flags, is
    // written anew: a new file renamed into place), nothing rewritten, no second entry
    expect(filesUnder(cacheDir)).toEqual(written);
    expect(written.map(stamp)).toEqual(stamps);
    // every cache entry overwritten with garbage: Node (V8) must reject it, not run it
    for (const f of written) writeFileSync(f, Buffer.alloc(64, 0x5a));
    const corrupt = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    // Node 20: the rejected entry is written anew by that run, and used by the next
    if (!hasNodeCache) expect(statSync(written[0]!).size).toBeGreaterThan(64);
    const rewritten = fupin(ARGS, { env: { NODE_COMPILE_CACHE: cacheDir } });
    // a "folder" that is a file: the cache can be neither read nor written
    const blocker = path.join(tmp.dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const unusable = fupin(ARGS, { env: { NODE_COMPILE_CACHE: blocker } });
    for (const r of [cold, warm, corrupt, rewritten, unusable]) {
      expect(r.code).toBe(off.code);
      expect(r.stdout).toBe(off.stdout);
      expect(r.stderr).toBe('');
    }
  }, 120_000);

  // bin/fupin.js's own cache (Node 20): V8 runs what an entry holds, so a folder others may write to (the default one is
  // in the shared temporary folder) is neither read nor written. A garbage entry planted there would be rejected and
  // written anew if the folder were used; it must stay as it was.
  it.runIf(!hasNodeCache && typeof process.getuid === 'function')('a cache folder others may write to is not used', () => {
    const own = path.join(tmp.dir, 'own-cache');
    fupin(ARGS, { env: { NODE_COMPILE_CACHE: own } });
    const name = path.basename(filesUnder(own)[0]!);
    expect(statSync(own).mode & 0o077).toBe(0);
    const shared = path.join(tmp.dir, 'shared-cache');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const planted = path.join(shared, name);
    writeFileSync(planted, Buffer.alloc(64, 0x5a));
    const off = fupin(ARGS, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    const r = fupin(ARGS, { env: { NODE_COMPILE_CACHE: shared } });
    expect(r.code).toBe(off.code);
    expect(r.stdout).toBe(off.stdout);
    expect(r.stderr).toBe('');
    expect(filesUnder(shared)).toEqual([planted]);
    expect(statSync(planted).size).toBe(64);
  }, 60_000);

  // With no NODE_COMPILE_CACHE the cache is in the system's temporary folder: bin/fupin.js finds it without node:os on
  // POSIX, and must find the folder os.tmpdir() names (TMPDIR, TMP, TEMP, else /tmp; a trailing slash dropped).
  it.runIf(!hasNodeCache && process.platform !== 'win32')('the default folder is os.tmpdir()\'s', () => {
    const t = path.join(tmp.dir, 'tmpdirs');
    const cases: Record<string, string>[] = [
      { TMPDIR: `${t}/a/`, TMP: `${t}/x`, TEMP: `${t}/y` },
      { TMPDIR: '', TMP: `${t}/b//`, TEMP: `${t}/y` },
      { TMPDIR: '', TMP: '', TEMP: `${t}/c` },
    ];
    for (const env of cases) {
      for (const v of Object.values(env)) if (v) mkdirSync(v, { recursive: true });
      const full = { ...process.env, ...env, NODE_COMPILE_CACHE: '' };
      const expected = spawnSync(process.execPath, ['-p', "require('node:os').tmpdir()"], { env: full, encoding: 'utf8' }).stdout.trim();
      const r = fupin(['--version'], { env: { ...env, NODE_COMPILE_CACHE: '' } });
      expect(r.code).toBe(0);
      const dir = path.join(expected, 'node-compile-cache');
      expect(filesUnder(dir).map((f) => path.basename(f))).toEqual([expect.stringMatching(/^fupin-.*-other\.v8$/)]);
    }
    // nothing was written anywhere else under the test's folders
    expect(filesUnder(t).filter((f) => f.endsWith('.v8'))).toHaveLength(cases.length);
  }, 60_000);

  // Entries of another content (an earlier build or version) are let go when a new entry is written, once a day old; the
  // day's grace keeps two versions used by turns from removing each other's entries
  it.runIf(!hasNodeCache)('entries of an older build are removed once a day old', () => {
    const dir = path.join(tmp.dir, 'older');
    mkdirSync(dir, { mode: 0o700 });
    const prefix = `fupin-${process.version}-${process.arch}-`;
    const old = path.join(dir, `${prefix}0123456789abcdef-validate.v8`);
    const recent = path.join(dir, `${prefix}fedcba9876543210-validate.v8`);
    const otherNode = path.join(dir, `fupin-v0.0.0-${process.arch}-0123456789abcdef-validate.v8`);
    for (const f of [old, recent, otherNode]) writeFileSync(f, Buffer.alloc(64, 0x5a));
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(otherNode, twoDaysAgo, twoDaysAgo);
    const r = fupin(ARGS, { env: { NODE_COMPILE_CACHE: dir } });
    expect(r.code).toBe(0);
    const left = readdirSync(dir);
    expect(left).not.toContain(path.basename(old));
    expect(left).toContain(path.basename(recent));
    // another Node version's entries are that version's to keep
    expect(left).toContain(path.basename(otherNode));
    expect(left.filter((f) => /-validate(?:-tuned)?\.v8$/.test(f) && f.startsWith(prefix))).toHaveLength(2);
  }, 60_000);

  // bin/fupin.js tunes V8's tiering on Node 20 (V8 11.3) for a command that ends when its job is done; an entry's name
  // says whether it was made tuned, so that a run that is not (serve, --version, a command line that sets V8's tiering
  // itself or freezes V8's flags) neither reads nor rewrites a tuned run's entry. Not tuning under --freeze-flags-after-init
  // is what keeps V8 from stopping the run.
  it.runIf(!hasNodeCache && process.versions.v8.startsWith('11.3.'))('which runs tune V8 and name their entry so', () => {
    const dir = path.join(tmp.dir, 'tuning');
    const run = (nodeArgs: string[], args: string[]) =>
      spawnSync(process.execPath, [...nodeArgs, path.join(ROOT, 'bin', 'fupin.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', NODE_COMPILE_CACHE: dir },
      });
    const names = () => readdirSync(dir).map((f) => f.replace(/^fupin-.*-[0-9a-f]{16}-/, '')).sort();
    const plain = run([], ARGS);
    expect(plain.status).toBe(0);
    expect(names()).toEqual(['validate-tuned.v8']);
    for (const nodeArgs of [['--interrupt-budget=100000'], ['--max_inlined_bytecode_size_cumulative=300'], ['--no-opt'], ['--freeze-flags-after-init']]) {
      rmSync(dir, { recursive: true, force: true });
      const r = run(nodeArgs, ARGS);
      expect([nodeArgs, r.status, r.stderr]).toEqual([nodeArgs, 0, '']);
      expect(r.stdout).toBe(plain.stdout);
      expect(names()).toEqual(['validate.v8']);
    }
    // an .xls run asks for V8's defaults when the legacy reader's worker starts (src/io/tiering.ts), and tunes again
    // before it writes the entry: the next run reads it as it is
    rmSync(dir, { recursive: true, force: true });
    const xls = ['validate', '--format', 'json', 'fixtures/legacy/xls/registers/template-rows.xls'];
    const first = run([], xls);
    expect([first.status, first.stderr]).toEqual([0, '']);
    const entry = path.join(dir, readdirSync(dir)[0]!);
    const made = statSync(entry, { bigint: true });
    expect(run([], xls).stdout).toBe(first.stdout);
    const read = statSync(entry, { bigint: true });
    expect([read.ino, read.mtimeNs]).toEqual([made.ino, made.mtimeNs]);
    rmSync(dir, { recursive: true, force: true });
    expect(run([], ['serve', '--help']).status).toBe(0);
    expect(run([], ['--version']).status).toBe(0);
    expect(names()).toEqual(['other.v8', 'serve.v8']);
    // (nine runs of fupin: the runner's own limit, vitest.config.ts, which only stops a hang, not a busy machine's slow run)
  });

  // The cached CommonJS file is the same code as the ES bundle, built apart: what every kind of command prints (help,
  // version, errors, English, a workbook written through exceljs, a config read through zod) is the same from both.
  it.each([
    ['--help'],
    ['--version'],
    ['validate', '--help'],
    ['nosuchcommand'],
    ['validate', '--nosuchoption', 'fixtures/ledger'],
    ['validate', '--lang', 'en', 'fixtures/ledger/永州市'],
    ['rollup', '--format', 'json', 'fixtures/ledger-gd'],
    ['check', '--format', 'json', 'fixtures/ledger'],
    ['template', 'stats', '-o', '{tmp}/stats.xlsx'],
  ])('fupin %s: dist/cjs (cached) and dist/bundle print the same', (...args) => {
    const esm = fupin(args.map((a) => a.replace('{tmp}', path.join(tmp.dir, 'esm'))), { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    const cjs = fupin(args.map((a) => a.replace('{tmp}', path.join(tmp.dir, 'cjs'))), { env: { NODE_COMPILE_CACHE: cacheDir } });
    expect(cjs.code).toBe(esm.code);
    expect(cjs.stdout.replaceAll(`${path.sep}cjs${path.sep}`, '/X/')).toBe(esm.stdout.replaceAll(`${path.sep}esm${path.sep}`, '/X/'));
    expect(cjs.stderr.replaceAll(`${path.sep}cjs${path.sep}`, '/X/')).toBe(esm.stderr.replaceAll(`${path.sep}esm${path.sep}`, '/X/'));
    if (args[0] === 'template') expect(statSync(path.join(tmp.dir, 'cjs', 'stats.xlsx')).size).toBeGreaterThan(1000);
  }, 60_000);
});
