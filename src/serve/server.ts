// fupin serve's HTTP server (node:http only): the page and its API on 127.0.0.1, behind a random token in the path.
//
// Security, because the uploads are households' personal data:
// - loopback only; every URL starts with /<token>/ (128 random bits): anything else is 404 with no body;
// - Host must be 127.0.0.1:PORT or localhost:PORT (a DNS-rebinding page gets 421, no body);
// - requests that change state (POST, PUT) need the header X-Fupin: 1 and an Origin of this server (403 otherwise); no
//   CORS headers, ever (OPTIONS gets 405);
// - uploads are one PUT per file, streamed to disk with the per-file, per-batch and count limits checked as they
//   arrive; names are made safe (upload-name.ts) and never overwrite; downloads are by the server's own ids only;
// - every response: a strict Content-Security-Policy (default-src 'none', scripts and styles from self), nosniff,
//   no-referrer, no-store; the page inserts every text with textContent.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { Lang } from '../core/model.js';
import { catalogueEntries, render } from '../formatters/catalogue/index.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { readPackageFile } from '../io/package-root.js';
import { makeFolder, makeServeFolder, removeFolder, removeStaleServeFolders, storeUpload, UploadTooBig } from '../io/serve-store.js';
import type { ReadingFlags } from '../cli/ledger.js';
import { limitsFromFlags } from '../cli/ledger.js';
import { failureOf } from '../cli/failure.js';
import type { DiffSideName } from '../cli/diff-versions.js';
import { checkBatch, downloadBytes, type CheckedBatch } from './check.js';
import { diffBatch, diffView, type ComparedBatch } from './diff.js';
import { uploadPath } from './upload-name.js';
import { pageView } from './view.js';

export interface ServeOptions {
  /** 0: any free port. */
  port: number;
  /** --province and the --max-… limits, as for every reading command. */
  flags: ReadingFlags;
  /** Files in one batch (default 5000), bytes in one batch (default 1 GiB). The per-file limit is fupin's --max-file-mb. */
  maxFiles?: number;
  maxBatchBytes?: number;
  /** The system temp folder (tests). */
  tmp?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The run's private folder (tests check it is gone after stop). */
  folder: string;
  stop(): Promise<void>;
}

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const ASSETS: Record<string, { file: string; type: string }> = {
  '': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  'app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Batch {
  id: string;
  /** A batch to check, or the two versions of a comparison (uploads under in/old and in/new). */
  kind: 'check' | 'diff';
  dir: string;
  input: string;
  output: string;
  files: number;
  bytes: number;
  /** The names as uploaded (safe relative paths), per version of a comparison. */
  uploaded: Record<DiffSideName, string[]>;
}

const SIDES: readonly DiffSideName[] = ['old', 'new'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly msg?: { id: string; data?: Record<string, string | number> },
  ) {
    super(`HTTP ${status}`);
  }
}

function langOf(url: URL): Lang {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
}

/** Every page text, by name without the `serve/` prefix, in both languages (placeholders filled by the page). */
function pageTexts(): Record<Lang, Record<string, string>> {
  const out: Record<Lang, Record<string, string>> = { zh: {}, en: {} };
  for (const [id, e] of catalogueEntries()) {
    if (!id.startsWith('serve/')) continue;
    out.zh[id.slice(6)] = e.zh;
    out.en[id.slice(6)] = e.en;
  }
  return out;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An attachment's name for every browser: an ASCII fallback and the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  await removeStaleServeFolders(opts.tmp);
  const folder = await makeServeFolder(opts.tmp);
  const token = randomBytes(16).toString('hex');
  const maxFiles = opts.maxFiles ?? 5000;
  const maxBatchBytes = opts.maxBatchBytes ?? 1024 * 1024 * 1024;
  const maxFileBytes = limitsFromFlags(opts.flags).maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const texts = pageTexts();
  const batches = new Map<string, Batch>();
  let last: { batch: Batch; checked: CheckedBatch; files: number } | undefined;
  let lastDiff: { batch: Batch; compared: ComparedBatch } | undefined;
  /** The batch being checked or compared (one at a time): never dropped while it runs. */
  let running: Batch | undefined;
  let batchCount = 0;
  let port = 0;

  const send = (res: http.ServerResponse, status: number, body?: string | Buffer, type?: string, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, ...(type ? { 'Content-Type': type } : {}), ...extra });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

  const dropBatch = async (b: Batch): Promise<void> => {
    batches.delete(b.id);
    await removeFolder(b.dir);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421);
    const url = new URL(req.url ?? '/', `http://${host}`);
    const parts = url.pathname.split('/');
    // ['', token, ...rest]
    if (parts.length < 3 || !sameToken(parts[1] ?? '', token)) return send(res, 404);
    let rest: string[];
    try {
      rest = parts.slice(2).map((p) => decodeURIComponent(p));
    } catch {
      return send(res, 404);
    }
    const lang = langOf(url);
    const method = req.method ?? 'GET';

    if (method === 'GET' || method === 'HEAD') {
      const asset = rest.length === 1 ? ASSETS[rest[0]!] : undefined;
      if (asset) return send(res, 200, await readPackageFile('web', asset.file), asset.type);
      if (rest.length === 1 && rest[0] === 'texts.json') return json(res, 200, texts);
      if (rest.length === 2 && rest[0] === 'api' && rest[1] === 'result') {
        if (!last) return send(res, 204);
        return json(res, 200, pageView({ result: last.checked.result, passedOver: last.checked.ledger.passedOver, files: last.files, statsTitle: last.checked.profile.titles.stats, downloads: last.checked.downloads.map(({ make: _m, ...d }) => d), checkedAt: last.checked.checkedAt }, lang));
      }
      if (rest.length === 2 && rest[0] === 'api' && rest[1] === 'diff') {
        if (!lastDiff) return send(res, 204);
        return json(res, 200, diffView(lastDiff.compared, lang));
      }
      if (rest.length === 2 && rest[0] === 'download' && lastDiff && rest[1] === lastDiff.compared.download.id) {
        const d = lastDiff.compared.download;
        return send(res, 200, await d.make(), XLSX_TYPE, { 'Content-Disposition': contentDisposition(d.name) });
      }
      if (rest.length === 2 && rest[0] === 'download' && last) {
        const got = await downloadBytes(last.checked, rest[1]!);
        if (!got) return send(res, 404);
        return send(res, 200, got.bytes, got.name.endsWith('.zip') ? 'application/zip' : XLSX_TYPE, { 'Content-Disposition': contentDisposition(got.name) });
      }
      return send(res, 404);
    }
    if (method !== 'POST' && method !== 'PUT') return send(res, 405, undefined, undefined, { Allow: 'GET, POST, PUT' });

    // state changes: our page only (custom header, same origin)
    const origin = req.headers.origin;
    if (req.headers['x-fupin'] !== '1' || (origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)) {
      throw new HttpError(403, { id: 'serve/forbidden' });
    }
    if (method === 'POST' && rest.length === 2 && rest[0] === 'api' && rest[1] === 'batch') {
      // a new batch replaces every earlier one but the batches of the last result and the last comparison (their
      // downloads stay until the next of their kind)
      for (const b of [...batches.values()]) if (b !== last?.batch && b !== lastDiff?.batch && b !== running) await dropBatch(b);
      const id = `b${++batchCount}`;
      const dir = path.join(folder, id);
      const kind = url.searchParams.get('for') === 'diff' ? 'diff' : 'check';
      const b: Batch = { id, kind, dir, input: path.join(dir, 'in'), output: path.join(dir, 'out'), files: 0, bytes: 0, uploaded: { old: [], new: [] } };
      await makeFolder(b.input);
      if (kind === 'diff') for (const side of SIDES) await makeFolder(path.join(b.input, side));
      await makeFolder(b.output);
      batches.set(id, b);
      return json(res, 201, { batch: id, maxFiles, maxFileBytes, maxBatchBytes });
    }
    const batch = rest[0] === 'api' && rest[1] === 'batch' ? batches.get(rest[2] ?? '') : undefined;
    if (rest[0] === 'api' && rest[1] === 'batch' && !batch) throw new HttpError(404, { id: 'serve/no-batch' });
    if (method === 'PUT' && batch && rest.length === 4 && rest[3] === 'files') {
      const parts = uploadPath(url.searchParams.get('name') ?? '');
      if (!parts) throw new HttpError(400, { id: 'serve/bad-name' });
      // a comparison's file belongs to one version; a check's to none
      const side = SIDES.find((x) => x === url.searchParams.get('side'));
      if ((batch.kind === 'diff') !== (side !== undefined)) throw new HttpError(400, { id: 'serve/bad-side' });
      if (batch.files >= maxFiles) throw new HttpError(413, { id: 'serve/batch-too-many', data: { max: maxFiles } });
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > maxFileBytes) throw new HttpError(413, { id: 'serve/file-too-big', data: { mb: Math.round(maxFileBytes / 1048576) } });
      if (declared > maxBatchBytes - batch.bytes) throw new HttpError(413, { id: 'serve/batch-too-big', data: { mb: Math.round(maxBatchBytes / 1048576) } });
      batch.files++;
      try {
        const stored = await storeUpload(side ? path.join(batch.input, side) : batch.input, parts, req, { maxFileBytes, batchLeft: maxBatchBytes - batch.bytes });
        batch.bytes += stored.bytes;
        if (side) batch.uploaded[side].push(stored.rel);
        return json(res, 201, { file: stored.rel, bytes: stored.bytes });
      } catch (e) {
        batch.files--;
        if (e instanceof UploadTooBig) {
          throw e.limit === 'file'
            ? new HttpError(413, { id: 'serve/file-too-big', data: { mb: Math.round(maxFileBytes / 1048576) } })
            : new HttpError(413, { id: 'serve/batch-too-big', data: { mb: Math.round(maxBatchBytes / 1048576) } });
        }
        throw e;
      }
    }
    if (method === 'POST' && batch && rest.length === 4 && rest[3] === 'diff') {
      if (batch.kind !== 'diff') return send(res, 404);
      const empty = SIDES.find((x) => batch.uploaded[x].length === 0);
      if (empty) throw new HttpError(400, { id: `serve/diff-${empty}-empty` });
      return runJob(res, batch, lang, async (line) => {
        const compared = await diffBatch({
          input: { old: path.join(batch.input, 'old'), new: path.join(batch.input, 'new') },
          output: batch.output,
          uploaded: batch.uploaded,
          lang,
          flags: opts.flags,
          onFile: (side, done, total, file) => line({ progress: { side, done, total, file } }),
        });
        const previous = lastDiff;
        lastDiff = { batch, compared };
        return previous?.batch;
      });
    }
    if (method === 'POST' && batch && rest.length === 4 && rest[3] === 'check') {
      if (batch.kind !== 'check') return send(res, 404);
      return runJob(res, batch, lang, async (line) => {
        const checked = await checkBatch({
          input: batch.input,
          output: batch.output,
          lang,
          flags: opts.flags,
          onFile: (done, total, file) => line({ progress: { done, total, file } }),
        });
        const previous = last;
        last = { batch, checked, files: batch.files };
        return previous?.batch;
      });
    }
    return send(res, 404);
  }

  /**
   * A check or a comparison, one at a time: progress as lines of JSON while the files are read, then `{done}` or
   * `{error}`. `job` keeps its result and returns the batch of the result it replaced, which is dropped unless the
   * other kind's result still needs it.
   */
  async function runJob(res: http.ServerResponse, batch: Batch, lang: Lang, job: (line: (v: unknown) => void) => Promise<Batch | undefined>): Promise<void> {
    if (running) throw new HttpError(409, { id: 'serve/busy' });
    running = batch;
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
    const line = (v: unknown): void => void res.write(`${JSON.stringify(v)}\n`);
    try {
      const replaced = await job(line);
      if (replaced && replaced !== batch && replaced !== last?.batch && replaced !== lastDiff?.batch) await dropBatch(replaced);
      line({ done: true });
    } catch (e) {
      line({ error: errorText(e, lang) });
    } finally {
      running = undefined;
      res.end();
    }
  }

  /** An error in the page's language, in the catalogue's words, as the CLI says it (cli/failure.ts). */
  function errorText(e: unknown, lang: Lang): string {
    return failureOf(e).msgs.map((m) => render(m, lang)).join('\n');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const lang = langOf(new URL(req.url ?? '/', 'http://x'));
      if (res.headersSent) return void res.end();
      if (e instanceof HttpError) {
        // the rest of a refused upload is read and thrown away (nothing is kept): a browser still sending gets the answer
        json(res, e.status, { error: e.msg ? render(e.msg, lang) : '' });
        if (!req.complete) req.once('end', () => undefined).resume();
        return;
      }
      json(res, 500, { error: errorText(e, lang) });
    });
  });
  server.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: unknown) => {
    await removeFolder(folder);
    throw e;
  });
  port = (server.address() as { port: number }).port;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    folder,
    stop() {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await removeFolder(folder);
      })();
      return stopped;
    },
  };
}
