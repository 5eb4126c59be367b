// Rosters and focus lists (issue 14) through the built CLI, on fixtures/rosters (scripts/make-roster-fixtures.mjs): the
// planted findings and nothing else, the rollup's sections equal to the generator's truth, check reading the config's
// lists, ID numbers never printed in full, a file that is no roster refused with exit 2.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const DIR = path.join(ROOT, 'fixtures/rosters/ledger');
const REG = path.join(DIR, '怀化市/溆浦县.csv');
const ROSTERS = [path.join(DIR, '名单/建档立卡.xlsx'), path.join(DIR, '名单/低收入家庭.csv')];
const FOCUS = path.join(DIR, '重点地区.csv');
const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/rosters-truth.json'), 'utf8'));
const T = 60_000;

/** Every full ID number in the fixtures' rosters (18 characters). */
const ids = readFileSync(path.join(DIR, '名单/低收入家庭.csv'), 'latin1').match(/\d{17}[\dX]/g) ?? [];

describe('validate --roster --focus', () => {
  it('reports exactly the planted roster findings at their cells, IDs masked', () => {
    const r = fupin(['validate', REG, '--roster', ...ROSTERS, '--focus', FOCUS, '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const problems = doc.files.flatMap((f: { problems: { rule: string; cell: string }[] }) => f.problems);
    expect(problems.map((p: { rule: string; cell: string }) => ({ rule: p.rule, cell: p.cell })).sort((a: { cell: string }, b: { cell: string }) => (a.cell < b.cell ? -1 : 1))).toEqual(truth.findings);
    for (const id of ids) expect(r.stdout).not.toContain(id);
    // every row says how it was matched, and where it lies
    const reg = doc.files.find((f: { households?: unknown[] }) => f.households);
    expect(reg.households).toHaveLength(36);
    expect(reg.households.filter((h: { roster: unknown }) => h.roster === null)).toHaveLength(2);
    expect(reg.households[0]).toMatchObject({ row: 4, roster: { how: 'id', row: 3 }, focus: [{ category: '重点县' }, { category: '重点乡镇' }] });
  }, T);

  it('--strict makes roster-missing an error (exit 1); English messages quote the Chinese terms', () => {
    const r = fupin(['validate', REG, '--roster', ...ROSTERS, '--strict', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('is on no roster');
    // (the table wraps long messages at any width: the words are checked in the JSON)
    const json = fupin(['validate', REG, '--roster', ...ROSTERS, '--strict', '--lang', 'en', '--format', 'json']);
    const messages = (JSON.parse(json.stdout) as { files: { problems: { message: string }[] }[] }).files.flatMap((f) => f.problems.map((p) => p.message));
    expect(messages.some((m) => /the same village has (“张秋菊”|"张秋菊")/.test(m))).toBe(true);
  }, T);

  it('refuses a file that is no roster, and a register given as a roster, with exit 2 and no stack trace', () => {
    const notRoster = fupin(['validate', REG, '--roster', FOCUS]);
    expect(notRoster.code).toBe(2);
    expect(notRoster.stderr).toContain('不是名单');
    const register = fupin(['validate', REG, '--roster', REG]);
    expect(register.code).toBe(2);
    expect(register.stderr).toContain('登记表');
    expect(notRoster.stderr + register.stderr).not.toMatch(STACK_LINE);
    const notFocus = fupin(['validate', REG, '--focus', ROSTERS[1]!]);
    expect(notFocus.code).toBe(2);
    expect(notFocus.stderr).toContain('不是重点地区名单');
  }, T);
});

describe('rollup --roster --focus', () => {
  it('the roster and focus sections equal the generator’s truth', () => {
    const r = fupin(['rollup', path.join(DIR, '怀化市'), '--roster', path.join(DIR, '名单'), '--focus', FOCUS, '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect({ listed: doc.rosters.listed, listedPaired: doc.rosters.listedPaired, pairedNotListed: doc.rosters.pairedNotListed }).toEqual({
      listed: truth.rosters.listed,
      listedPaired: truth.rosters.listedPaired,
      pairedNotListed: truth.rosters.pairedNotListed,
    });
    expect(doc.rosters.gaps.map((g: { county: string; place: string; listed: number; unpaired: number }) => ({ county: g.county, place: g.place, listed: g.listed, unpaired: g.unpaired }))).toEqual(truth.rosters.gaps);
    expect(doc.focus).toEqual(truth.focus);
    expect(doc.focusUnresolved.map((u: { place: string }) => u.place)).toEqual(truth.unresolved);
    // what could not be matched, and the rows left out, name the list and the row
    expect(doc.focusUnresolved.map((u: { place: string; row: number; file: string }) => ({ place: u.place, row: u.row }))).toEqual(truth.unresolvedAt);
    expect(doc.focusUnresolved.every((u: { file: string }) => u.file.endsWith('重点地区.csv'))).toBe(true);
    expect(doc.focusSkipped.map((x: { row: number; why: string; first?: number }) => ({ row: x.row, why: x.why, ...(x.first ? { first: x.first } : {}) }))).toEqual(truth.focusSkipped);
    for (const id of ids) expect(r.stdout).not.toContain(id);
    const pretty = fupin(['rollup', path.join(DIR, '怀化市'), '--roster', path.join(DIR, '名单'), '--focus', FOCUS, '--no-color']);
    const file = FOCUS; // (named as given)
    expect(pretty.stdout).toContain(`重点地区名单 ${file} 第 ${truth.unresolvedAt[0].row} 行：“溆浦县不存在镇大湾村”（重点村）该区县下没有这个乡镇`);
    expect(pretty.stdout).toContain(`重点地区名单 ${file} 第 ${truth.focusSkipped[0].row} 行未读入：与第 ${truth.focusSkipped[0].first} 行重复（重点乡镇 溆浦县卢峰镇）`);
    expect(pretty.stdout).toContain(`重点地区名单 ${file} 第 ${truth.focusSkipped[1].row} 行未读入：没有写“类别”（区县：溆浦县桥江乡）`);
    const en = fupin(['rollup', path.join(DIR, '怀化市'), '--roster', path.join(DIR, '名单'), '--focus', FOCUS, '--no-color', '--lang', 'en']);
    expect(en.stdout).toContain(`focus list ${file}, row ${truth.focusSkipped[0].row} skipped: the same as row ${truth.focusSkipped[0].first}`);
  }, T);

  it('rollup --format csv adds the sections after the table, each after an empty line and its title, equal to the truth', async () => {
    const r = fupin(['rollup', path.join(DIR, '怀化市'), '--roster', path.join(DIR, '名单'), '--focus', FOCUS, '-f', 'csv']);
    expect(r.code).toBe(0);
    const { parse } = await import('csv-parse/sync');
    const sections = r.stdout.replace(/^\uFEFF/, '').split('\r\n\r\n').map((t) => parse(t, { relaxColumnCount: true }) as string[][]);
    expect(sections.map((s) => s[0]![0])).toEqual(['单位', '名单核对', '重点地区']);
    const roster = sections[1]!;
    expect(roster.slice(1, 4)).toEqual([
      ['名单户数', String(truth.rosters.listed)],
      ['其中已结对', String(truth.rosters.listedPaired)],
      ['已结对但不在名单上', String(truth.rosters.pairedNotListed)],
    ]);
    const households = roster.slice(5);
    const villages = [...new Map(households.map((h) => [`${h[0]}|${h[1]}`, { county: h[0], place: h[1], listed: Number(h[2]), unpaired: Number(h[3]) }])).values()];
    expect(villages).toEqual(truth.rosters.gaps);
    for (const g of truth.rosters.gaps) expect(households.filter((h) => h[0] === g.county && h[1] === g.place)).toHaveLength(g.unpaired);
    for (const id of ids) expect(r.stdout).not.toContain(id);
    const focus = sections[2]!.slice(2).map((f) => ({ category: f[0], place: f[1], households: Number(f[2]), units: Number(f[3]) }));
    expect(focus).toEqual(truth.focus);
    expect(sections[2]!.slice(2).filter((f) => f[4] === '该区县下无此乡镇' || f[4] === '区划表中无此区县').map((f) => f[1])).toEqual(truth.unresolved);
    // without lists (outside the fixture's ledger and its fupin.config.json), the CSV is the table alone
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, '怀化市'));
      copyFileSync(REG, path.join(dir, '怀化市', '溆浦县.csv'));
      const plain = fupin(['rollup', path.join(dir, '怀化市'), '-f', 'csv']);
      expect(plain.code).toBe(0);
      expect(plain.stdout.split('\r\n\r\n')).toHaveLength(1);
      expect(plain.stdout.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual(r.stdout.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2));
    } finally {
      cleanup();
    }
  }, T);

  it('rollup -o writes the sections as sheets beside the 统计表', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, '怀化市.xlsx');
      const r = fupin(['rollup', path.join(DIR, '怀化市'), '--roster', ...ROSTERS, '--focus', FOCUS, '-o', out]);
      expect(r.code).toBe(0);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toContain('名单核对');
      expect(names).toContain('重点地区');
      const text = JSON.stringify(wb.getWorksheet('名单核对')!.getSheetValues());
      expect(text).toContain('张秋菊');
      for (const id of ids) expect(text).not.toContain(id);
    } finally {
      cleanup();
    }
  }, T);
});

describe('check picks rosters and focus lists up from fupin.config.json', () => {
  it('reports the roster findings, and never reads a roster as a register', () => {
    const r = fupin(['check', DIR, '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const files = doc.validate.files as { file: string; problems: { rule: string; cell: string }[]; detected: { kind?: { value: string } } }[];
    const found = files.flatMap((f) => f.problems.map((p) => ({ rule: p.rule, cell: p.cell })));
    expect(found.sort((a, b) => (a.cell < b.cell ? -1 : 1))).toEqual(truth.findings);
    expect(files.filter((f) => f.detected.kind?.value === 'roster').map((f) => f.file).sort()).toEqual(['名单/低收入家庭.csv', '名单/建档立卡.xlsx']);
    expect(JSON.stringify(doc)).not.toContain('file-not-register');
  }, T);

  it('check shows the roster and focus summaries, equal to the truth and to rollup’s sections', () => {
    const r = fupin(['check', DIR, '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.rosters).toEqual({
      listed: truth.rosters.listed,
      listedPaired: truth.rosters.listedPaired,
      pairedNotListed: truth.rosters.pairedNotListed,
      villagesUnpaired: truth.rosters.gaps.length,
    });
    const categories = [...new Set(truth.focus.map((f: { category: string }) => f.category))] as string[];
    expect(doc.summary.focus).toEqual(
      categories.map((category) => {
        const rows = truth.focus.filter((f: { category: string }) => f.category === category);
        return { category, places: rows.length, unhelped: rows.filter((f: { households: number }) => f.households === 0).map((f: { place: string }) => f.place) };
      }),
    );
    // check's roll-up carries rollup's own sections
    const rollup = JSON.parse(fupin(['rollup', path.join(DIR, '怀化市'), '-f', 'json']).stdout);
    expect(doc.rollup.rosters).toEqual(rollup.rosters);
    expect(doc.rollup.focus).toEqual(rollup.focus);
    for (const id of ids) expect(r.stdout).not.toContain(id);

    const pretty = fupin(['check', DIR, '--no-color']);
    expect(pretty.stdout).toContain(`名单：${truth.rosters.listed} 户，其中已结对 ${truth.rosters.listedPaired} 户；已结对但不在名单上 ${truth.rosters.pairedNotListed} 户；${truth.rosters.gaps.length} 个村（乡镇）仍有未结对的名单户`);
    expect(pretty.stdout).toContain('重点地区“重点乡镇”：2 处中 1 处无人帮扶：溆浦县油洋乡');
    expect(pretty.stdout).toContain('名单核对（'); // the roll-up section as rollup prints it
    const en = fupin(['check', DIR, '--no-color', '--lang', 'en']);
    expect(en.stdout).toContain(`Rosters: ${truth.rosters.listed} households listed, ${truth.rosters.listedPaired} of them paired`);
    expect(en.stdout).toContain('Focus places "重点县": all 1 helped');
  }, T);

  it('a config naming a roster that does not exist ends the check with exit 2', () => {
    const { dir, cleanup } = tempDir();
    try {
      copyFileSync(REG, path.join(dir, '溆浦县.csv'));
      writeFileSync(path.join(dir, 'fupin.config.json'), JSON.stringify({ province: '湖南省', rosters: ['名单.xlsx'] }));
      const r = fupin(['check', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('名单.xlsx');
    } finally {
      cleanup();
    }
  }, T);
});

describe("Chongqing's built-in focus lists (seed 001)", () => {
  it('apply when the province is 重庆市: 136 places kept, households tagged, what the 2023 division list lacks named', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(path.join(dir, 'fupin.config.json'), JSON.stringify({ province: '重庆市' }));
      mkdirSync(path.join(dir, '重庆市'));
      writeFileSync(
        path.join(dir, '重庆市', '丰都县.csv'),
        '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式\n1,丰都县慈善会,王秋菊,丰都县三建乡夜力坪村3组,13907311000\n2,丰都县慈善会,李志强,丰都县虎威镇大溪村2组,13907311001\n',
      );
      const r = fupin(['rollup', dir, '-f', 'json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.focus).toHaveLength(136);
      const helped = doc.focus.filter((f: { households: number }) => f.households > 0).map((f: { category: string; place: string; households: number }) => [f.category, f.place, f.households]);
      expect(helped).toEqual([
        ['国家级扶贫开发工作重点区县', '丰都县', 2],
        ['深度贫困乡镇', '丰都县三建乡', 1],
        ['定点攻坚村', '丰都县虎威镇大溪村', 1],
      ]);
      expect(doc.focusUnresolved.map((u: { place: string }) => u.place)).toContain('万盛经开区石林镇庙坝村');
    } finally {
      cleanup();
    }
  }, T);
});
