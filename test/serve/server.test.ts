// fupin serve's server without a browser: the security probes the issue lists (wrong token, foreign Host, cross-origin
// and header-less writes, path traversal names, oversize uploads, no CORS, the headers on every answer), then one
// upload + check of a city folder through the API, and the run's folder gone after stop.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/io/zip.js';
import { readXlsxBuffer } from '../../src/io/xlsx.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { fupin, ROOT, tempDir } from '../e2e/helpers.js';
import { expectPlanted, PLANTED_ROWS } from './diff-truth.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(server: RunningServer, method: string, pathname: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: pathname, headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('fupin serve: the server', () => {
  const tmp = tempDir();
  let server: RunningServer;
  let base: string;
  const ours = (): Record<string, string> => ({ 'X-Fupin': '1', Origin: `http://127.0.0.1:${server.port}` });
  const newBatch = async (): Promise<string> => (JSON.parse((await request(server, 'POST', `${base}api/batch`, { headers: ours() })).body) as { batch: string }).batch;

  beforeAll(async () => {
    server = await startServer({ port: 0, flags: { maxFileMb: '0.05' }, maxBatchBytes: 400_000, maxFiles: 30, tmp: tmp.dir });
    base = new URL(server.url).pathname;
  });
  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('listens on loopback with an unguessable token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
  });

  it('serves the page with a strict CSP, nosniff, no-referrer, no-store and no CORS', async () => {
    const r = await request(server, 'GET', base, { headers: { Origin: 'http://evil.example' } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<script src="app.js"');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request(server, 'OPTIONS', `${base}api/batch`)).status).toBe(405);
  });

  it('a wrong or missing token gets 404 and no page', async () => {
    for (const p of ['/', '/0123456789abcdef0123456789abcdef/', `${base.slice(0, -2)}/`, '/app.js', `/x${base}`]) {
      const r = await request(server, 'GET', p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).toBe('');
    }
  });

  it('a foreign Host (DNS rebinding) gets no page', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const r = await request(server, 'GET', base, { headers: { Host: host } });
      expect(r.status, host).toBe(421);
      expect(r.body, host).toBe('');
    }
    expect((await request(server, 'GET', base, { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('writes need the custom header and a same-origin Origin', async () => {
    expect((await request(server, 'POST', `${base}api/batch`)).status).toBe(403);
    expect((await request(server, 'POST', `${base}api/batch`, { headers: { 'X-Fupin': '1' } })).status).toBe(403);
    expect((await request(server, 'POST', `${base}api/batch`, { headers: { 'X-Fupin': '1', Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(server, 'POST', `${base}api/batch`, { headers: { Origin: `http://127.0.0.1:${server.port}` } })).status).toBe(403);
    expect((await request(server, 'POST', `${base}api/batch`, { headers: ours() })).status).toBe(201);
  });

  it('path traversal names are refused; unsafe names are made safe and never overwrite', async () => {
    const batch = await newBatch();
    const put = (name: string) => request(server, 'PUT', `${base}api/batch/${batch}/files?name=${encodeURIComponent(name)}`, { headers: ours(), body: 'a,b\n' });
    for (const bad of ['../x.csv', '..\\..\\x.csv', 'a/../../x.csv', '', '/', './..']) expect((await put(bad)).status, bad).toBe(400);
    const stored = async (name: string): Promise<string> => {
      const r = await put(name);
      expect(r.status, name).toBe(201);
      return (JSON.parse(r.body) as { file: string }).file;
    };
    expect(await stored('/etc/passwd')).toBe('etc/passwd');
    expect(await stored('C:\\Windows\\x.csv')).toBe('C_/Windows/x.csv');
    expect(await stored('CON.csv')).toBe('_CON.csv');
    expect(await stored('a<b>|?.csv')).toBe('a_b___.csv');
    expect(await stored('怀化市/溆浦县.csv')).toBe('怀化市/溆浦县.csv');
    expect(await stored('怀化市/溆浦县.csv')).toBe('怀化市/溆浦县 (2).csv');
    // nothing was written outside the run's folder
    expect(readdirSync(tmp.dir).filter((n) => !n.startsWith('fupin-serve-'))).toEqual([]);
  });

  it('uploads over the per-file or per-batch limit are refused while streaming, and leave nothing behind', async () => {
    const batch = await newBatch();
    const big = Buffer.alloc(60_000, 0x41);
    // declared too big
    const r1 = await request(server, 'PUT', `${base}api/batch/${batch}/files?name=big.csv`, { headers: ours(), body: big });
    expect(r1.status).toBe(413);
    expect(JSON.parse(r1.body).error).toContain('MB');
    // not declared (chunked): stopped while it streams
    const r2 = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, method: 'PUT', path: `${base}api/batch/${batch}/files?name=big2.csv`, headers: { Host: `127.0.0.1:${server.port}`, ...ours(), 'Transfer-Encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 6; i++) req.write(Buffer.alloc(15_000, 0x42));
      req.end();
    });
    expect(r2).toBe(413);
    const dir = path.join(server.folder, batch, 'in');
    expect(readdirSync(dir)).toEqual([]);
    // the batch limit: eight files of 45 kB (400 kB in all)
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await request(server, 'PUT', `${base}api/batch/${batch}/files?name=f${i}.csv`, { headers: ours(), body: Buffer.alloc(45_000, 0x43) })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([413, 413]);
  });

  it('an unknown batch or download id is 404', async () => {
    expect((await request(server, 'PUT', `${base}api/batch/b999/files?name=x.csv`, { headers: ours(), body: 'x' })).status).toBe(404);
    expect((await request(server, 'GET', `${base}download/../../etc/passwd`)).status).toBe(404);
    expect((await request(server, 'GET', `${base}download/d999`)).status).toBe(404);
    expect((await request(server, 'GET', `${base}download/%E0%A4%A`)).status).toBe(404);
  });

  it('checks an uploaded city folder in-process: the CLI\'s findings, the 附3, downloads by id', async () => {
    const batch = await newBatch();
    const city = path.join(ROOT, 'fixtures/ledger/怀化市');
    const names = readdirSync(city).filter((n) => readFileSync(path.join(city, n)).length < 50_000).slice(0, 3);
    for (const n of names) {
      const r = await request(server, 'PUT', `${base}api/batch/${batch}/files?name=${encodeURIComponent(`怀化市/${n}`)}`, { headers: ours(), body: readFileSync(path.join(city, n)) });
      expect(r.status).toBe(201);
    }
    const check = await request(server, 'POST', `${base}api/batch/${batch}/check?lang=zh`, { headers: ours() });
    const lines = check.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toEqual({ done: true });
    expect(lines.filter((l) => l.progress)).toHaveLength(names.length);
    const view = JSON.parse((await request(server, 'GET', `${base}api/result?lang=zh`)).body);
    expect(view.groups.map((g: { file: string }) => g.file).sort()).toEqual(names.map((n) => `怀化市/${n}`).sort());
    expect(view.stats.heading).toContain('怀化市');
    const stats = view.downloads.find((d: { kind: string }) => d.kind === 'stats');
    const dl = await request(server, 'GET', `${base}download/${stats.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''");
    // the ZIP: the forms, and each register's annotated copy under 标注副本/ at its path
    const zipId = view.downloads.find((d: { kind: string }) => d.kind === 'zip').id;
    const zipBytes = await new Promise<Buffer>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: `${base}download/${zipId}`, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject);
    });
    const zip = ZipArchive.open(zipBytes, { maxUncompressedBytes: 1 << 26, maxCompressionRatio: 1000 });
    const inZip = zip.entries().map((e) => e.name);
    expect(inZip).toContain('附3-统计表-怀化市.xlsx');
    for (const n of names) expect(inZip).toContain(`标注副本/怀化市/${n.replace(/\.[a-z]+$/, '.xlsx')}`);
    // the public listing (fupin publish's): fupin's own mark, heads masked, no phone or ID number
    const pub = view.downloads.find((d: { kind: string }) => d.kind === 'publish');
    expect(pub.name).toBe('公示版-结对名单.xlsx');
    expect(inZip).toContain('公示版-结对名单.xlsx');
    const listing = await readXlsxBuffer(zip.readPart('公示版-结对名单.xlsx')!);
    expect(listing.keywords).toMatch(/^fupin:publish/);
    const cells = listing.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => c?.text ?? '')));
    expect(cells.some((t) => /^[\p{Script=Han}]+\*+$/u.test(t))).toBe(true);
    expect(cells.filter((t) => /\d{7}/.test(t))).toEqual([]);
    const en = JSON.parse((await request(server, 'GET', `${base}api/result?lang=en`)).body);
    expect(en.lang).toBe('en');
  }, 120_000);

  it('two registers of one name in two folders give two downloads of two names', async () => {
    const batch = await newBatch();
    for (const city of ['娄底市', '岳阳市']) {
      const body = readFileSync(path.join(ROOT, `fixtures/ledger/${city}/市本级.xlsx`));
      expect((await request(server, 'PUT', `${base}api/batch/${batch}/files?name=${encodeURIComponent(`${city}/市本级.xlsx`)}`, { headers: ours(), body })).status).toBe(201);
    }
    await request(server, 'POST', `${base}api/batch/${batch}/check?lang=zh`, { headers: ours() });
    const view = JSON.parse((await request(server, 'GET', `${base}api/result?lang=zh`)).body);
    const annotated = view.downloads.filter((d: { kind: string }) => d.kind === 'annotated').map((d: { name: string; source: string }) => [d.source, d.name]);
    expect(annotated).toEqual([
      ['娄底市/市本级.xlsx', '娄底市-市本级.xlsx'],
      ['岳阳市/市本级.xlsx', '岳阳市-市本级.xlsx'],
    ]);
  }, 120_000);

  it('a register sent as .csv and as .xlsx side by side gives two downloads of two names (both copies are .xlsx)', async () => {
    const batch = await newBatch();
    const files = { '怀化市/溆浦县.xlsx': 'fixtures/ledger/怀化市/溆浦县.xlsx', '怀化市/溆浦县.csv': 'fixtures/diff/new-csv/怀化市/溆浦县.csv' };
    for (const [name, from] of Object.entries(files)) {
      expect((await request(server, 'PUT', `${base}api/batch/${batch}/files?name=${encodeURIComponent(name)}`, { headers: ours(), body: readFileSync(path.join(ROOT, from)) })).status).toBe(201);
    }
    await request(server, 'POST', `${base}api/batch/${batch}/check?lang=zh`, { headers: ours() });
    const view = JSON.parse((await request(server, 'GET', `${base}api/result?lang=zh`)).body);
    const names = view.downloads.filter((d: { kind: string }) => d.kind === 'annotated').map((d: { name: string }) => d.name);
    expect(names).toHaveLength(2);
    expect(new Set(names.map((n: string) => n.toLowerCase())).size).toBe(2);
  }, 120_000);

  it('left-out rows and files are listed as the CLI lists them (file, rows, why)', async () => {
    // 沅陵县's register sent twice: the 修改 version is counted (its row 8 has no 户主姓名), the plain one is left out
    const dir = path.join(tmp.dir, 'left-out', '怀化市');
    mkdirSync(dir, { recursive: true });
    const yuanling = readFileSync(path.join(ROOT, 'fixtures/ledger/怀化市/沅陵县.xlsx'));
    writeFileSync(path.join(dir, '沅陵县.xlsx'), yuanling);
    writeFileSync(path.join(dir, '沅陵县（修改）.xlsx'), yuanling);
    const batch = await newBatch();
    for (const n of ['沅陵县.xlsx', '沅陵县（修改）.xlsx']) {
      expect((await request(server, 'PUT', `${base}api/batch/${batch}/files?name=${encodeURIComponent(`怀化市/${n}`)}`, { headers: ours(), body: yuanling })).status).toBe(201);
    }
    await request(server, 'POST', `${base}api/batch/${batch}/check?lang=zh`, { headers: ours() });
    const cli = JSON.parse(fupin(['rollup', path.dirname(dir), '-f', 'json']).stdout) as { notes: string[]; leftOut: { rows: number; files: { file: string; why: string }[] } };
    expect(cli.leftOut.rows).toBe(1);
    expect(cli.leftOut.files).toHaveLength(1);
    const view = JSON.parse((await request(server, 'GET', `${base}api/result?lang=zh`)).body) as { leftOut: { rows: { file: string; text: string }[]; files: { file: string; text: string }[] } | null };
    expect(view.leftOut).not.toBeNull();
    expect(view.leftOut!.rows).toEqual([{ file: '怀化市/沅陵县（修改）.xlsx', text: '怀化市/沅陵县（修改）.xlsx 第 8 行没有户主姓名，无法确定帮扶对象，共 1 行未计入' }]);
    expect(cli.notes).toContain(view.leftOut!.rows[0]!.text);
    expect(view.leftOut!.files).toEqual(cli.leftOut.files.map((f) => ({ file: f.file, text: `${f.file}：${f.why}` })));
    expect(view.leftOut!.files[0]!.text).toContain('已按 怀化市/沅陵县（修改）.xlsx 计入');
    const en = JSON.parse((await request(server, 'GET', `${base}api/result?lang=en`)).body) as typeof view;
    expect(en.leftOut!.rows[0]!.text).toBe('怀化市/沅陵县（修改）.xlsx rows 8 have no head of household, so the pairing is unknown; 1 rows left out');
    // a clean check lists nothing
    const clean = await newBatch();
    await request(server, 'PUT', `${base}api/batch/${clean}/files?name=${encodeURIComponent('怀化市/会同县.xlsx')}`, { headers: ours(), body: readFileSync(path.join(ROOT, 'fixtures/ledger/怀化市/会同县.xlsx')) });
    await request(server, 'POST', `${base}api/batch/${clean}/check?lang=zh`, { headers: ours() });
    expect(JSON.parse((await request(server, 'GET', `${base}api/result?lang=zh`)).body).leftOut).toBeNull();
  }, 120_000);

  describe('与上一版比较: two versions compared as fupin diff compares them', () => {
    const diffBatch = async (): Promise<string> => (JSON.parse((await request(server, 'POST', `${base}api/batch?for=diff`, { headers: ours() })).body) as { batch: string }).batch;
    const put = (batch: string, side: string | undefined, name: string, body: Buffer | string) =>
      request(server, 'PUT', `${base}api/batch/${batch}/files?${side ? `side=${side}&` : ''}name=${encodeURIComponent(name)}`, { headers: ours(), body });
    const run = async (batch: string, lang = 'zh') => {
      const r = await request(server, 'POST', `${base}api/batch/${batch}/diff?lang=${lang}`, { headers: ours() });
      return { status: r.status, lines: r.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
    };
    let firstDiff = '';
    const OLD = path.join(ROOT, 'fixtures/diff/old/怀化市/溆浦县.xlsx');
    const NEW = path.join(ROOT, 'fixtures/diff/new/怀化市/溆浦县.xlsx');

    interface View {
      changed: boolean;
      names: { old: string[]; new: string[] };
      unreadable: string[];
      header: string[];
      areas: { area: string; rows: { kind: string; name: string; cells: string[] }[] }[];
      summary: string;
      download: { id: string; name: string; kind: string };
    }

    it('shows exactly the planted changes, grouped by county, with the CLI\'s words; 变更.xlsx is fupin diff -o\'s workbook', async () => {
      const batch = await diffBatch();
      firstDiff = batch;
      expect((await put(batch, 'old', '怀化市/溆浦县.xlsx', readFileSync(OLD))).status).toBe(201);
      // the same name in the other version is no clash: each version has its own folder
      expect((await put(batch, 'new', '怀化市/溆浦县.xlsx', readFileSync(NEW))).status).toBe(201);
      const { lines } = await run(batch);
      expect(lines.at(-1)).toEqual({ done: true });
      expect(lines.filter((l) => l.progress)).toHaveLength(2);
      const view = JSON.parse((await request(server, 'GET', `${base}api/diff?lang=zh`)).body) as View;
      expect(view.changed).toBe(true);
      expect(view.unreadable).toEqual([]);
      expect(view.names).toEqual({ old: ['怀化市/溆浦县.xlsx'], new: ['怀化市/溆浦县.xlsx'] });
      expect(view.areas.map((a) => a.area)).toEqual(['怀化市溆浦县']);
      const rows = view.areas[0]!.rows;
      // the cells in both files
      expectPlanted(rows, /^旧 怀化市\/溆浦县\.xlsx [A-Z]+\d+\n新 怀化市\/溆浦县\.xlsx [A-Z]+\d+$/);
      // what the terminal shows: every cell of the CLI's table, and its summary line
      const cli = fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new']);
      expect(cli.code).toBe(1);
      expect(view.summary).toBe(cli.stdout.trimEnd().split('\n').at(-1));
      expect(cli.stdout.split('\n')[0]).toBe(view.areas[0]!.area);
      for (const r of rows) expect(cli.stdout).toContain(`${r.cells[0]} │ ${r.cells[1]!.slice(0, 3)}`);
      // the page's language switch: the same comparison in English
      const en = JSON.parse((await request(server, 'GET', `${base}api/diff?lang=en`)).body) as View;
      expect(en.summary).toBe(fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new', '--lang', 'en']).stdout.trimEnd().split('\n').at(-1));
      expect(en.header[0]).toBe('Change');

      // 变更.xlsx: fupin's own output (marked), the rows of fupin diff -o
      expect(view.download).toMatchObject({ kind: 'diff', name: '变更.xlsx' });
      const dl = await new Promise<{ bytes: Buffer; disposition: string }>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: server.port, path: `${base}download/${view.download.id}`, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ bytes: Buffer.concat(chunks), disposition: String(res.headers['content-disposition']) }));
        }).on('error', reject);
      });
      expect(dl.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('变更.xlsx')}`);
      const got = await readXlsxBuffer(dl.bytes);
      expect(got.keywords).toMatch(/^fupin:diff/);
      const out = path.join(tmp.dir, 'cli-变更.xlsx');
      expect(fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/new', '-o', out]).code).toBe(1);
      const want = await readXlsxBuffer(readFileSync(out));
      const texts = (x: typeof got) => x.sheets[0]!.rows.map((r) => (r ?? []).map((c) => c?.text ?? ''));
      // title aside (the CLI names the paths it was given, the page the files the clerk gave), row for row the same
      expect(texts(got).slice(1)).toEqual(texts(want).slice(1));
      expect(texts(got)).toHaveLength(2 + PLANTED_ROWS);
      expect(texts(got)[0]![0]).toBe('登记表变更清单：怀化市/溆浦县.xlsx → 怀化市/溆浦县.xlsx');
    }, 120_000);

    it('two identical versions: nothing changed, in the CLI\'s words', async () => {
      const batch = await diffBatch();
      await put(batch, 'old', '溆浦县.xlsx', readFileSync(OLD));
      await put(batch, 'new', '溆浦县（修改）.xlsx', readFileSync(path.join(ROOT, 'fixtures/diff/same/怀化市/溆浦县.xlsx')));
      expect((await run(batch)).lines.at(-1)).toEqual({ done: true });
      const view = JSON.parse((await request(server, 'GET', `${base}api/diff?lang=zh`)).body) as View;
      expect(view.changed).toBe(false);
      expect(view.areas).toEqual([]);
      expect(view.summary).toBe(fupin(['diff', 'fixtures/diff/old', 'fixtures/diff/same']).stdout.trim());
      // the uploads of the comparison it replaced are gone; the last check's are kept (its downloads)
      expect(existsSync(path.join(server.folder, firstDiff))).toBe(false);
      expect(existsSync(path.join(server.folder, batch, 'in', 'old', '溆浦县.xlsx'))).toBe(true);
    }, 120_000);

    it('a file belongs to one version; a version with nothing, or with no register, is said in the page\'s language', async () => {
      const check = await newBatch();
      expect((await put(check, 'old', 'a.csv', 'a,b\n')).status).toBe(400);
      const batch = await diffBatch();
      expect((await put(batch, undefined, 'a.csv', 'a,b\n')).status).toBe(400);
      expect((await put(batch, 'middle', 'a.csv', 'a,b\n')).status).toBe(400);
      // nothing in 上一版
      expect((await put(batch, 'new', '溆浦县.xlsx', readFileSync(NEW))).status).toBe(201);
      const none = await run(batch);
      expect(none.status).toBe(400);
      // a 上一版 that holds no register: the CLI's usage message, naming what the clerk gave (never the server's folder)
      expect((await put(batch, 'old', '说明.csv', '备注,内容\n今年,无\n')).status).toBe(201);
      const zh = await run(batch, 'zh');
      expect(zh.lines.at(-1)).toEqual({ error: '旧版本里没有能读出的登记表：说明.csv' });
      const en = await run(batch, 'en');
      expect(en.lines.at(-1)).toEqual({ error: 'no readable register in the old version: 说明.csv' });
      expect(JSON.stringify([zh.lines, en.lines])).not.toContain(server.folder);
    }, 120_000);
  });

  it('start-up removes the folders of runs that were killed, not those of live ones', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = path.join(tmp.dir, 'fupin-serve-killed');
    const live = path.join(tmp.dir, 'fupin-serve-live');
    for (const [dir, pid] of [[stale, dead], [live, process.ppid]] as const) {
      mkdirSync(path.join(dir, 'b1', 'in'), { recursive: true });
      writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid }));
    }
    const other = await startServer({ port: 0, flags: {}, tmp: tmp.dir });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    await other.stop();
  });

  it('stop removes the run\'s folder', async () => {
    const other = await startServer({ port: 0, flags: {}, tmp: tmp.dir });
    expect(existsSync(other.folder)).toBe(true);
    await other.stop();
    expect(existsSync(other.folder)).toBe(false);
  });
});
