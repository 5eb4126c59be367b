// End-to-end: `fupin orgs` lists the example ledger's organisations with how each type was decided; `orgs -o orgs.csv`
// then `rollup --orgs orgs.csv` round trip (a corrected type moves its organisation to the other column).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const XIANGXI = path.join(ROOT, 'fixtures/ledger/湘西土家族苗族自治州');
const HUAIHUA = path.join(ROOT, 'fixtures/ledger/怀化市');

interface Org {
  name: string;
  spellings: string[];
  type: string;
  typeSource: string;
  typeDetail?: string;
  level: string;
  city?: string;
  county?: string;
  area: string;
  households: number;
}

describe('fupin orgs', () => {
  let t: ReturnType<typeof tempDir>;
  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t.cleanup());

  it('lists every organisation with type, level, area, households and how the type was decided', () => {
    const r = fupin(['orgs', HUAIHUA, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { orgs: Org[]; summary: Record<string, number> };
    expect(doc.summary).toEqual({ orgs: 31, listings: 31, charity: 13, foundation: 3, social: 15, guessed: 1 });
    const company = doc.orgs.find((o) => o.name === '怀化市雪峰山农业发展有限公司')!;
    expect(company).toMatchObject({ type: 'social', typeSource: 'default', level: 'city', city: '怀化市', area: '怀化市', households: 2 });
    // the spelling variant "溆浦县 慈善会" is one organisation with two spellings
    const xupu = doc.orgs.filter((o) => o.county === '溆浦县' && o.type === 'charity');
    expect(xupu).toHaveLength(1);
    expect(xupu[0]).toMatchObject({ name: '溆浦县慈善会', spellings: ['溆浦县慈善会', '溆浦县 慈善会'], typeSource: 'name', typeDetail: '名称含“慈善会”', level: 'county', area: '怀化市溆浦县', households: 6 });
  });

  it('shows the guessed type plainly in the terminal and exits 0 (1 with --strict)', () => {
    const r = fupin(['orgs', HUAIHUA]);
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('怀化市雪峰山农业发展有限公司'))!;
    expect(line).toMatch(/│ 社会服务机构 │ 市本级 │ 怀化市\s+│\s+2 │ 无法判断→按社会服务机构计/);
    expect(r.stdout).toContain('另写作：溆浦县 慈善会');
    expect(r.stdout).toContain('共 31 个帮扶单位（慈善系统 13 个，基金会 3 个，社会服务机构 15 个）。');
    expect(r.stdout).toContain('其中 1 个无法按名称判断类型');
    expect(fupin(['orgs', HUAIHUA, '--strict']).code).toBe(1);
  });

  it('writes orgs.csv (BOM, 单位名称,类型,层级,地区) that rollup --orgs reads back; a corrected type moves the organisation', () => {
    const csv = path.join(t.dir, 'orgs.csv');
    const w = fupin(['orgs', XIANGXI, '-o', csv]);
    expect(w.code).toBe(0);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('单位名称,类型,层级,地区');
    expect(lines).toContain('吉首市的哥爱心车队,社会服务机构,县市区,湘西土家族苗族自治州吉首市');
    expect(lines).toContain('湘西土家族苗族自治州慈善总会,慈善系统,市本级,湘西土家族苗族自治州');
    expect(lines).toHaveLength(27); // 26 organisations

    const listing = JSON.parse(fupin(['orgs', XIANGXI, '-f', 'json']).stdout) as { orgs: Org[] };
    const taxi = listing.orgs.find((o) => o.name === '吉首市的哥爱心车队')!;
    const before = JSON.parse(fupin(['rollup', XIANGXI, '-f', 'json']).stdout);
    const jishou = before.rows.find((r: { unit: string }) => r.unit === '吉首市');

    // unchanged registry: same figures, but the type now comes from orgs.csv, so no guess is noted
    const same = fupin(['rollup', XIANGXI, '-f', 'json', '--orgs', csv]);
    expect(same.code).toBe(0);
    const sameDoc = JSON.parse(same.stdout);
    expect(sameDoc.rows).toEqual(before.rows);
    expect(before.notes.some((n: string) => n.includes('无法判断类型'))).toBe(true);
    expect(sameDoc.notes.some((n: string) => n.includes('无法判断类型'))).toBe(false);

    // the clerk corrects the taxi drivers' group to 基金会 (to make the move visible)
    writeFileSync(csv, bytes.toString('utf8').replace('吉首市的哥爱心车队,社会服务机构', '吉首市的哥爱心车队,基金会'));
    const after = fupin(['rollup', XIANGXI, '-f', 'json', '--orgs', csv]);
    expect(after.code).toBe(0);
    const row = JSON.parse(after.stdout).rows.find((r: { unit: string }) => r.unit === '吉首市');
    expect(row.foundation).toEqual({ units: jishou.foundation.units + 1, households: jishou.foundation.households + taxi.households });
    expect(row.social).toEqual({ units: jishou.social.units - 1, households: jishou.social.households - taxi.households });
    expect(row.subtotal).toEqual(jishou.subtotal);
    const typed = JSON.parse(fupin(['orgs', XIANGXI, '-f', 'json', '--orgs', csv]).stdout) as { orgs: Org[] };
    expect(typed.orgs.find((o) => o.name === '吉首市的哥爱心车队')).toMatchObject({ type: 'foundation', typeSource: 'registry' });
    expect(typed.orgs.find((o) => o.name === '吉首市的哥爱心车队')!.typeDetail).toMatch(/^orgs\.csv 第 \d+ 行/);
  });

  it('reports a bad 类型 in orgs.csv at its line (exit 1), and a missing --orgs file (exit 2)', () => {
    const csv = path.join(t.dir, 'bad-orgs.csv');
    writeFileSync(csv, '\uFEFF单位名称,类型,层级,地区\r\n吉首市的哥爱心车队,车队,县市区,吉首市\r\n');
    const r = fupin(['orgs', XIANGXI, '-f', 'json', '--orgs', csv]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems).toEqual([
      {
        file: 'bad-orgs.csv',
        rule: 'orgs-registry',
        severity: 'error',
        row: 2,
        column: '类型',
        value: '车队',
        message: 'orgs.csv 第 2 行 “吉首市的哥爱心车队” 的类型“车队”无法识别：请填 慈善系统、基金会 或 社会服务机构',
      },
    ]);
    const missing = fupin(['orgs', XIANGXI, '--orgs', path.join(t.dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取单位名录');
    expect(missing.stderr).not.toMatch(STACK_LINE);
  });
});
