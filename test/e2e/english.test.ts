// --lang en on every fixture (issue 11): no Chinese in what fupin says, only in what it quotes — cell values, file, sheet,
// column and place names, organisation names — and in quoted form terms ("附3", "本级").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DivisionIndex, type DivisionData } from '../../src/core/divisions.js';
import { readCsvBuffer } from '../../src/io/csv.js';
import { readXlsxBuffer } from '../../src/io/xlsx.js';
import { fupin, ROOT } from './helpers.js';
import { GROUP_HEADERS, MEASURE_HEADERS } from '../../src/formatters/rollup-report.js';
import { GUANGDONG, HUNAN } from '../helpers/profile.js';

const FIXTURES = ['fixtures/ledger', 'fixtures/registers', 'fixtures/broken', 'fixtures/ledger-gd', 'fixtures/situations/city'];

/** Every text the inputs hold or name: cell values, path segments, sheet names; and every place name. */
async function vocabulary(): Promise<string[]> {
  const words = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  for (const root of FIXTURES) {
    for (const file of walk(path.join(ROOT, root))) {
      for (const seg of path.relative(ROOT, file).split(path.sep)) words.add(seg.replace(/\.[^.]+$/, ''));
      const bytes = readFileSync(file);
      try {
        const sheets = file.endsWith('.csv') || file.endsWith('.txt') ? [readCsvBuffer(bytes, 'x').sheet] : (await readXlsxBuffer(bytes)).sheets;
        for (const s of sheets) {
          words.add(s.name);
          for (const row of s.rows) for (const c of row) if (c?.text) words.add(c.text.replace(/\s+/g, ''));
        }
      } catch {
        // unreadable on purpose (fixtures/broken)
      }
    }
  }
  // the forms' own titles and column headers (the 附3 table is printed as the form writes it), the built-in tables' texts
  for (const w of [...GROUP_HEADERS, ...MEASURE_HEADERS, '单位', '合计']) words.add(w);
  for (const p of [HUNAN, GUANGDONG]) for (const t of [p.titles.stats, p.titles.card, p.titles.quota, p.titles.register()]) words.add(t);
  const q = HUNAN.quotaTable!;
  for (const t of [q.name, q.source ?? '', ...q.notes, ...q.perOrg.map((g) => g.source), q.demoSite?.source ?? '', ...q.rows.map((r) => r.unit)]) words.add(t.replace(/\s+/g, ''));
  const d = new DivisionIndex(JSON.parse(readFileSync(path.join(ROOT, 'src/data/divisions.json'), 'utf8')) as DivisionData);
  for (const p of d.provinces) {
    words.add(p.name);
    for (const c of p.cities) {
      words.add(c.name);
      for (const k of c.counties) {
        words.add(k.name);
        for (const t of k.towns) words.add(t);
      }
    }
  }
  return [...words];
}

/** Han runs outside quotes ("…", “…”, 「…」). */
function unquotedHan(text: string): string[] {
  // (a table may wrap a quoted name across lines: quotes pair across them)
  const stripped = text.replace(/"[^"]*"/g, '').replace(/“[^”]*”/g, '').replace(/「[^」]*」/g, '');
  return [...stripped.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]);
}

describe('--lang en', () => {
  let vocab: string[] = [];
  beforeAll(async () => {
    vocab = await vocabulary();
  });

  // one test per fixture folder (seven runs of the CLI each): a loaded machine takes minutes for all of them at once
  it.each(FIXTURES)('says nothing in Chinese but names and quoted values (%s)', (fx) => {
    const places = new Set([...vocab.filter((w) => /(?:省|市|州|县|区|旗|盟)$/u.test(w)), '本级']);
    /** A run some input text holds, or a place label made of place names (怀化市溆浦县, 郴州市本级). */
    const known = (run: string): boolean => {
      if (vocab.some((w) => w.includes(run))) return true;
      const ok: boolean[] = [true];
      for (let i = 1; i <= run.length; i++) ok[i] = [...places].some((p) => p.length <= i && ok[i - p.length] === true && run.slice(i - p.length, i) === p);
      return ok[run.length] === true;
    };
    /** Texts of the output: a JSON document's string values one by one, else the text. */
    const texts = (out: string): string[] => {
      try {
        const strings: string[] = [];
        const walk = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v);
          else if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (strings.push(k), walk(x));
        };
        walk(JSON.parse(out));
        return strings;
      } catch {
        return [out];
      }
    };
    const runs: [string, string[]][] = [];
    {
      for (const args of [
        ['validate', '--explain', fx],
        ['validate', '--format', 'json', fx],
        ['rollup', '--by', 'city', fx],
        ['rollup', '--format', 'json', fx],
        ['orgs', fx],
        ['quota', fx],
        ['quota', '--format', 'json', fx],
      ]) {
        const r = fupin([...args, '--lang', 'en']);
        const odd = [...new Set([...texts(r.stdout), r.stderr].flatMap(unquotedHan).filter((run) => !known(run)))];
        if (odd.length) runs.push([args.join(' '), odd]);
      }
    }
    expect(runs).toEqual([]);
  });

  it('help and commander’s own errors follow the language', () => {
    const zh = fupin(['validate', '--help']);
    expect(zh.stdout).toMatch(/^用法：fupin validate \[选项\] \[paths\.\.\.\]/);
    expect(zh.stdout).toContain('选项：');
    expect(zh.stdout).not.toMatch(/Usage|Options|display help/);
    const en = fupin(['validate', '--help'], { env: { FUPIN_LANG: 'en' } });
    expect(en.stdout).toMatch(/^Usage: fupin validate \[options\] \[paths\.\.\.\]/);
    expect(unquotedHan(en.stdout).filter((r) => !/^(?:怀化市溆浦县|怀化市本级|省本级|附\d|溆浦县|登记表)$/u.test(r))).toEqual([]);
    const typo = fupin(['valdiate']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('fupin：未知命令 “valdiate”，是不是想用 validate？（用 fupin --help 查看用法）\n');
    const typoEn = fupin(['valdiate', '--lang', 'en']);
    expect(typoEn.stderr).toBe('fupin: unknown command "valdiate" (did you mean validate?)(see fupin --help)\n');
    const choice = fupin(['rollup', '--format', 'xml', 'x']);
    expect(choice.stderr).toBe('fupin：--format 不能是 “xml”：可用 pretty、json、csv（用 fupin rollup --help 查看用法）\n');
    // check's default is shown once
    expect(fupin(['check', '--help']).stdout.match(/默认：\./g)).toHaveLength(1);
  });
});
