// fupin serve in a real browser: the built CLI (`fupin serve --no-open --port 0`) driven through Debian's Chromium with
// playwright-core. A city folder chosen with "选择文件夹" shows every cell the CLI reports for it, the 附3 download is the
// official form with the CLI's 合计, the result survives a reload, English is one click away, and Ctrl-C stops the
// server and deletes the uploads. Skipped, saying so, where no Chromium is installed (.ci/run installs it).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fupin, ROOT, tempDir } from '../e2e/helpers.js';
import { DIFF_TRUTH, expectPlanted, PLANTED_ROWS } from './diff-truth.js';

const CHROMIUM = [process.env.FUPIN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
if (!CHROMIUM) console.warn('SKIP fupin serve browser tests: no Chromium (apt-get install -y chromium fonts-noto-cjk, or set FUPIN_CHROMIUM)');

const CITY = path.join(ROOT, 'fixtures/ledger/怀化市');

describe.skipIf(!CHROMIUM)('fupin serve in Chromium', () => {
  const tmp = tempDir();
  let child: ChildProcess;
  let url: string;
  let exited: Promise<number | null>;
  // playwright-core's types, loaded only when the tests run
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;

  beforeAll(async () => {
    // TMPDIR: the server's private folder goes where the test can see it is removed
    child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--port', '0', '--max-file-mb', '2'], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp.dir, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', () => reject(new Error('fupin serve ended before printing its URL')));
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    // no 30 s limit of Playwright's own on a busy machine: each test's timeout governs (vitest.config.ts)
    page.setDefaultTimeout(0);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    // the server removes its own folder as it stops: wait for it before removing ours
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    tmp.cleanup();
  });

  it('prints a http://127.0.0.1:PORT/<token>/ URL on the first line', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
  });

  it('a city folder shows every cell the CLI reports, by file', async () => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('h1')).toBe('fupin 登记表检查');
    await page.setInputFiles('#pick-folder', CITY);
    await page.waitForSelector('#results:not([hidden]) .file');

    const cli = JSON.parse(fupin(['validate', CITY, '-f', 'json']).stdout) as { files: { file: string; problems: { cell?: string; severity: string }[] }[] };
    const expected = cli.files.flatMap((f) => f.problems.filter((p) => p.cell).map((p) => `怀化市/${f.file}|${p.cell}|${p.severity}`)).sort();
    expect(expected.length).toBeGreaterThan(0);
    const shown = await page.$$eval('section.file', (sections) =>
      sections.flatMap((s) => [...s.querySelectorAll('tr[data-cell]')].filter((tr) => tr.getAttribute('data-cell')).map((tr) => `${s.getAttribute('data-file')}|${tr.getAttribute('data-cell')}|${tr.getAttribute('data-severity')}`)),
    );
    for (const e of expected) expect(shown).toContain(e);
    // the same Chinese message as the CLI
    const first = cli.files.find((f) => f.problems.some((p) => p.cell))!;
    const msg = (first.problems.find((p) => p.cell) as { message?: string }).message!;
    expect(await page.textContent('#groups')).toContain(msg);
    // what was left out of the count is listed as the CLI lists it: the file, the rows, why
    const notes = (JSON.parse(fupin(['rollup', CITY, '-f', 'json']).stdout) as { notes: string[] }).notes;
    const noName = notes.find((n) => n.includes('没有户主姓名'))!;
    expect(await page.$$eval('#left-out li[data-left="rows"]', (li) => li.map((l) => l.textContent))).toEqual([`怀化市/${noName}`]);
    // filter: errors only hides the warnings
    await page.click('#filters button[data-filter="error"]');
    expect(await page.$$eval('#groups tr[data-severity="warning"]', (r) => r.length)).toBe(0);
    await page.click('#filters button[data-filter="all"]');
  }, 120_000);

  it('shows the 附3 as the form and downloads it with the CLI\'s 合计', async () => {
    await page.click('.tabs button[data-tab="stats"]');
    await page.waitForSelector('#stats-form');
    const truth = JSON.parse(fupin(['rollup', CITY, '-f', 'json']).stdout) as { total: Record<string, { units: number; households: number }> };
    const t = truth.total;
    const totals = [t.charity!, t.foundation!, t.social!, t.subtotal!].flatMap((c) => [c.units, c.households]);
    const shownTotal = await page.$$eval('#stats-form tr.total td.num', (tds) => tds.map((td) => Number(td.textContent)));
    expect(shownTotal).toEqual(totals);

    await page.click('.tabs button[data-tab="downloads"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-kind="stats"]')]);
    expect(download.suggestedFilename()).toBe('附3-统计表-怀化市.xlsx');
    const saved = path.join(tmp.dir, 'fu3.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.worksheets[0]!;
    let total: number[] | undefined;
    let title = '';
    ws.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v));
      title ||= cells.find((c): c is string => typeof c === 'string' && c.includes('统计表')) ?? '';
      if (typeof cells[0] === 'string' && cells[0].replace(/\s/g, '') === '合计') total = cells.slice(1, 9).map(Number);
    });
    expect(title).toContain('慈善组织精准扶贫结对帮扶统计表');
    expect(total).toEqual(totals);
    // the CLI reads the downloaded form back as a 统计表 of 怀化市
    const back = JSON.parse(fupin(['validate', saved, '-f', 'json']).stdout) as { files: { detected: { kind?: { value: string } } }[] };
    expect(back.files[0]!.detected.kind?.value).toBe('stats-table');
  }, 120_000);

  it('keeps the result over a reload, and switches to English', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"] #results:not([hidden]) .file');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && /Checked/.test(document.querySelector('#summary')?.textContent ?? ''));
    expect(await page.textContent('h1')).toBe('fupin register check');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && /检查完毕/.test(document.querySelector('#summary')?.textContent ?? ''));
  }, 120_000);

  it('what a file holds is shown as text, never as HTML', async () => {
    const evil = '<img src=x onerror="document.body.dataset.pwned=1">';
    const csv = `序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式,贫困原因\n1,怀化市慈善总会,"${evil.replace(/"/g, '""')}",怀化市溆浦县卢峰镇,13800000000,因病\n`;
    await page.setInputFiles('#pick-files', [{ name: '溆浦县.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    await page.waitForFunction((v) => [...document.querySelectorAll('#groups td.value')].some((td) => td.textContent === v), evil);
    expect(await page.$$eval('#groups img', (i) => i.length)).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  }, 120_000);

  it('files dropped onto the page are checked too', async () => {
    const csv = '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式,贫困原因\n1,怀化市慈善总会,张三,怀化市会同县林城镇,1.39123E+10,因病\n';
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], '会同县.csv', { type: 'text/csv' }));
      return d;
    }, csv);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
    await page.waitForSelector('section.file[data-file="会同县.csv"] tr[data-cell="E2"]');
  }, 120_000);

  it('与上一版比较: a folder picked as 上一版 and a CSV dropped as 这一版 show exactly the planted changes; 变更.xlsx downloads', async () => {
    expect(await page.isDisabled('#compare-run')).toBe(true);
    await page.setInputFiles('#old-folder', path.join(ROOT, 'fixtures/diff/old'));
    await page.waitForSelector('#slot-old.filled');
    // the new version as Excel saved it in CSV (GBK), dropped onto 这一版
    const csv = [...readFileSync(path.join(ROOT, 'fixtures/diff/new-csv/怀化市/溆浦县.csv'))];
    const dt = await page.evaluateHandle((bytes) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array(bytes)], '溆浦县.csv', { type: 'text/csv' }));
      return d;
    }, csv);
    await page.dispatchEvent('#slot-new', 'drop', { dataTransfer: dt });
    await page.waitForSelector('#compare-run:not([disabled])');
    await Promise.all([page.waitForResponse((r) => r.url().includes('/diff?') && r.request().method() === 'POST'), page.click('#compare-run')]);
    await page.waitForSelector('#diff-results:not([hidden]) table.diff');

    expect(await page.$$eval('h3.diff-area', (h) => h.map((x) => x.textContent))).toEqual(['怀化市溆浦县']);
    const rows = await page.$$eval('table.diff tbody tr', (trs) => trs.map((tr) => ({ kind: tr.getAttribute('data-kind'), name: tr.getAttribute('data-name'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })));
    expectPlanted(rows, /^旧 old\/怀化市\/溆浦县\.xlsx [A-Z]+\d+\n新 溆浦县\.csv [A-Z]+\d+$/);
    const cli = fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new-csv']);
    expect(await page.textContent('#diff-summary')).toBe(cli.stdout.trimEnd().split('\n').at(-1));

    // the language switch applies to the comparison too
    await page.click('#lang');
    await page.waitForFunction(() => /added/.test(document.querySelector('#diff-summary')?.textContent ?? ''));
    expect(await page.textContent('#diff-summary')).toBe(fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new-csv', '--lang', 'en']).stdout.trimEnd().split('\n').at(-1));
    await page.click('#lang');
    await page.waitForFunction(() => /新增/.test(document.querySelector('#diff-summary')?.textContent ?? ''));

    // 变更.xlsx: fupin's own output with a row per change
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-kind="diff"]')]);
    expect(download.suggestedFilename()).toBe('变更.xlsx');
    const saved = path.join(tmp.dir, 'changes.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.keywords).toBe('fupin:diff');
    const ws = wb.worksheets[0]!;
    const texts: string[][] = [];
    ws.eachRow((row) => void texts.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(texts).toHaveLength(2 + PLANTED_ROWS);
    const kinds = texts.slice(2).map((r) => `${r[1]} ${r[2]}`).sort();
    expect(kinds).toEqual([...DIFF_TRUTH.added.map((a) => `新增 ${a.name}`), ...DIFF_TRUTH.removed.map((a) => `删除 ${a.name}`), ...DIFF_TRUTH.changed.map((a) => `改动 ${a.name}`)].sort());
    // fupin reads it back as its own output, never as a register
    const back = JSON.parse(fupin(['validate', saved, '-f', 'json']).stdout) as { files: { problems: { rule: string }[] }[] };
    expect(back.files[0]!.problems.map((p) => p.rule)).toEqual(['file-own-output']);
  }, 120_000);

  it('security probes: a foreign Host, a path traversal name, an oversize upload', async () => {
    const port = new URL(url).port;
    expect((await page.request.get(url, { headers: { Host: `evil.example:${port}` } })).status()).toBe(421);
    // a script on the page itself cannot write outside the batch folder
    const status = await page.evaluate(async () => {
      const h = { 'X-Fupin': '1' };
      const batch = ((await (await fetch('api/batch', { method: 'POST', headers: h })).json()) as { batch: string }).batch;
      return (await fetch(`api/batch/${batch}/files?name=${encodeURIComponent('../../x.csv')}`, { method: 'PUT', headers: h, body: 'a' })).status;
    });
    expect(status).toBe(400);
    // over --max-file-mb 2: refused while uploading, said on the page
    await page.setInputFiles('#pick-files', [{ name: '大文件.csv', mimeType: 'text/csv', buffer: Buffer.alloc(3 * 1024 * 1024, 0x41) }]);
    await page.waitForFunction(() => /2 MB/.test(document.querySelector('#errors:not([hidden])')?.textContent ?? ''));
    expect(await page.textContent('#errors')).toContain('大文件.csv');
  }, 120_000);

  it('a wrong token gets no page; Ctrl-C stops the server and deletes the uploads', async () => {
    const wrong = url.replace(/\/[0-9a-f]{32}\/$/, '/0123456789abcdef0123456789abcdef/');
    expect((await page.request.get(wrong)).status()).toBe(404);
    expect(await (await page.request.get(wrong)).text()).toBe('');
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('fupin-serve-'))).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('fupin-serve-'))).toEqual([]);
  }, 120_000);
});
