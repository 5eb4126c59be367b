// The second core for folders: a few worker threads read and parse files (bytes → sheets, src/io/parse-worker.ts) ahead
// of the main thread, which takes the results strictly in input order and feeds them to the LedgerBuilder as before —
// the rules, the cross-file state and so every report are exactly those of a serial read.
//
// Decisions:
// - Off unless asked for (FUPIN_WORKERS=n: n workers whatever the folder; tests force it on small folders). It was on by
//   itself with 8+ files and a core to spare while reading a file cost the main thread an awaited trip through libuv's
//   pool per call and the xlsx scan made a string per tag; since small files are read with blocking calls and sheets
//   scanned as bytes, the main thread receiving a worker's grids costs more than parsing them itself: measured on 2 cores
//   at load ~1 (2026-11-27, interleaved, FUPIN_WORKERS=1 against 0): the province 1.14–1.19 s against 0.91–0.98 s, the
//   2,000-file folder 3.64–4.32 s against 3.46–3.79 s, with 20–60 MiB more. A worker costs ~30-50 ms of a core to start
//   (it loads the readers only, not the division list).
// - Bounded read-ahead: no file more than READ_AHEAD places (per worker) ahead of the one the main thread is at is sent to
//   a worker: never more than a few files' sheets wait in memory. A worker has its next files queued, so it never waits
//   for the main thread (one file at a time made it wait for each round trip: slower than no worker at all).
// - Files the workers leave to the main thread, read there exactly as without workers: text files that are streamed,
//   workbooks over POOL_MAX_BYTES (a big sheet is not held twice), .xls/.et/.ods/.xlsb (the legacy worker), a read that
//   threw (a reader's bug says what it says today), and every file once a worker has died (the pool stops).
// - The time limit: the readers' own progress guard runs in the worker as on the main thread; a worker that says
//   nothing (no progress at all) for --max-seconds is stopped, and its file is a file-limit, as a stalled read is.
// - Sheets cross as the main thread's own lean form (xlsx-reader's LeanSheetWire: the cells' typed arrays, one shared
//   string table, the styles): the worker reads lean as the main thread does, and the main thread makes the very LeanSheet
//   again (no object per cell crosses; tested equal row by row on every fixture workbook). Grid sheets (CSV, a sheet out
//   of order) cross as structured clones, exact by construction.
// - Files go only to a worker that has said it is up: while none is (~50-100 ms to start, more on a loaded machine) the
//   main thread reads the files it comes to itself instead of waiting; what the workers said is taken at each file
//   (receiveMessageOnPort), not at the event loop's next turn. FUPIN_WORKERS_WAIT=1 (tests) sends files to workers not yet
//   up, so that every pooled file goes through one.
// - Measured 2026-11-27 07:25-07:40 at load 8-13 (no quiet machine this session): FUPIN_WORKERS=1 against 0, the
//   province: the worker takes 130-135 of 137 files, yet the run costs 0.2-0.5 s more CPU (1.7-2.4 vs 1.4-1.9 s
//   user+sys) and the main thread's own CPU (/proc/self/task) is not measurably lower (840-980 vs 730-1040 ms). V8's
//   helper threads already use ~0.5 s of the second core during a province run (compiling, GC), so the second core is
//   not free even on an otherwise idle 2-core machine. Still off by default; the bench's provincePool/manyPool say
//   whether that changes on a quiet machine.
import { readFileSync } from 'node:fs';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { EncodingName } from './csv.js';
import { LimitExceeded, type ReadLimits } from './limits.js';
import { limitFailure, type LoadedFile } from './load.js';
import { packageFile } from './package-root.js';
import type { ParseReply, ParseRequest } from './parse-pool-protocol.js';
import { defaultTiering } from './tiering.js';
import type { FoundFile } from './walk.js';
import { leanSheetFromWire } from './xlsx-reader.js';

/**
 * Workbooks larger than this are read on the main thread (lean there; a worker's grid is ~2.8 KB a row and up to
 * READ_AHEAD × workers of them wait): 256 KiB is a few thousand rows, so the files waiting stay within tens of MB. The
 * measured win is on small files (the province's ~12 KB registers, the 2,000-file folder).
 */
export const POOL_MAX_BYTES = 256 * 1024;

/**
 * node:worker_threads, loaded when a pool first opens: pools are off by default, and loading the module (with Node's
 * worker internals) cost every command that reads a file ~5 ms and ~250 memory pages at start (start-up, s27).
 */
let threads: typeof import('node:worker_threads');
/** A worker not up after this long is given up (its files are read on the main thread): never a file-limit. */
const START_GIVE_UP_MS = 60_000;
/** Files sent ahead per worker: it never waits for the main thread, and never more than this many files' sheets wait. */
const READ_AHEAD = 4;

export interface PoolOptions {
  encoding?: EncodingName;
  limits: ReadLimits;
  /** read-ledger's streamCsvFrom: text files this large are streamed by the main thread. */
  streamFrom: number;
  /** The environment (FUPIN_WORKERS), for tests. */
  env?: NodeJS.ProcessEnv;
  /** The worker's code (tests stand in a worker that dies or hangs). */
  code?: string;
}

/** How many workers to start: FUPIN_WORKERS=n asks for n (at most 16); 0, unset or not a number: none (see above). */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.FUPIN_WORKERS?.trim();
  return asked !== undefined && /^\d+$/.test(asked) ? Math.min(Number(asked), 16) : 0;
}

/**
 * The worker's code: inlined by both builds. Unbundled (tests running src) only when workers were asked for by
 * FUPIN_WORKERS, from the file the build writes: otherwise an in-process test would parse with src or with the last
 * build depending on the machine's load. Undefined when there is none (no pool then).
 */
async function workerCode(asked: boolean): Promise<string | undefined> {
  // imported only now: the text (~140 KB) is not compiled into a run that reads one file
  const { PARSE_WORKER_CODE } = await import('./parse-worker-code.js');
  if (PARSE_WORKER_CODE !== undefined) return PARSE_WORKER_CODE;
  if (!asked) return undefined;
  try {
    return readFileSync(packageFile('dist', 'bundle', 'parse-worker.cjs'), 'utf8');
  } catch {
    return undefined;
  }
}

interface Job {
  pos: number;
  found: FoundFile;
  promise: Promise<LoadedFile | undefined>;
  settle: (l: LoadedFile | undefined) => void;
  settled: boolean;
  dispatched: boolean;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  /** The files sent to it and not yet answered, by request id, oldest first (it reads them in that order). */
  jobs: Map<number, Job>;
  /** When the worker was last heard from (main thread's clock), or given work when it had none, or came online. */
  heard: number;
  /** The worker said it is up (ready, or any reply): until then its start (a thread, the readers compiled, on a loaded
   *  machine) is not a file's silence. */
  online: boolean;
  started: number;
  format?: string;
  timer?: NodeJS.Timeout;
}

export class ParsePool {
  private readonly jobs: Job[] = [];
  private readonly byIndex = new Map<number, Job>();
  private readonly slots: Slot[] = [];
  private next = 0;
  private taken = 0;
  private dead = false;
  private nextId = 0;
  private readonly ahead: number;
  /** FUPIN_WORKERS_WAIT=1 (tests): files go to workers not yet up, and the main thread waits for them — every pooled file
   *  is then read by a worker, as the tests comparing pooled and serial reads need, however fast the main thread is. */
  private readonly waitForWorkers: boolean;
  private upNow!: (up: boolean) => void;
  private readonly upSoon = new Promise<boolean>((r) => (this.upNow = r));

  private constructor(
    files: readonly { index: number; found: FoundFile }[],
    workers: number,
    code: string,
    private readonly opts: PoolOptions,
  ) {
    for (const f of files) {
      let settle!: (l: LoadedFile | undefined) => void;
      const promise = new Promise<LoadedFile | undefined>((r) => (settle = r));
      const job: Job = { pos: this.jobs.length, found: f.found, promise, settle, settled: false, dispatched: false };
      job.settle = (l) => {
        if (job.settled) return;
        job.settled = true;
        settle(l);
      };
      this.jobs.push(job);
      this.byIndex.set(f.index, job);
    }
    this.ahead = READ_AHEAD * workers;
    this.waitForWorkers = (opts.env ?? process.env).FUPIN_WORKERS_WAIT === '1';
    for (let i = 0; i < workers; i++) this.slots.push(this.start(code));
    this.pump();
  }

  /**
   * A pool for these files (their index in the caller's list and where they are), or undefined when reading them on
   * the main thread alone is as fast (few files, one core, FUPIN_WORKERS=0, the worker not built).
   */
  static async open(files: readonly { index: number; found: FoundFile }[], opts: PoolOptions): Promise<ParsePool | undefined> {
    const workers = Math.min(poolSize(opts.env), files.length);
    if (workers === 0) return undefined;
    const code = opts.code ?? (await workerCode(Boolean((opts.env ?? process.env).FUPIN_WORKERS?.trim())));
    if (code === undefined) return undefined;
    threads ??= await import('node:worker_threads');
    try {
      return new ParsePool(files, workers, code, opts);
    } catch {
      return undefined; // no worker could start: the main thread reads them all
    }
  }

  /** The file at `index` read and parsed, or undefined: the caller reads it as without workers. In input order. */
  take(index: number): Promise<LoadedFile | undefined> {
    const job = this.byIndex.get(index);
    if (!job) return Promise.resolve(undefined);
    this.byIndex.delete(index);
    // what the workers said while this thread was busy (up, files read): taken now, without waiting for a turn of the
    // event loop (the main thread turns it only every 50 ms while reading)
    for (const s of this.slots) for (let m = threads.receiveMessageOnPort(s.port); m; m = threads.receiveMessageOnPort(s.port)) this.hear(s, m.message as ParseReply);
    this.taken = Math.max(this.taken, job.pos + 1);
    if (!job.dispatched) job.settle(undefined); // not sent to a worker (the pool stopped): read it here
    this.pump();
    return job.promise;
  }

  /** Whether a worker came up (true once one has; false when the pool stopped first). Tests wait for it. */
  up(): Promise<boolean> {
    return this.upSoon;
  }

  /** Stops every worker (the read is over, or failed). */
  close(): void {
    this.upNow(false);
    this.dead = true;
    for (const s of this.slots) this.stop(s);
    for (const j of this.jobs) j.settle(undefined);
  }

  private start(code: string): Slot {
    const { port1, port2 } = new threads.MessageChannel();
    defaultTiering();
    const worker = new threads.Worker(code, { eval: true, workerData: { port: port2 }, transferList: [port2] });
    const slot: Slot = { worker, port: port1, jobs: new Map(), heard: Date.now(), online: false, started: Date.now() };
    port1.on('message', (m: ParseReply) => this.hear(slot, m));
    port1.unref();
    worker.on('error', () => this.lost(slot));
    worker.on('exit', () => this.lost(slot));
    worker.unref(); // an idle worker never keeps fupin running; one with files is ref'd
    return slot;
  }

  /** Sends files to the workers, in input order, while they are within READ_AHEAD of the one the main thread is at. */
  private pump(): void {
    if (this.dead) return;
    const { limits, encoding, streamFrom } = this.opts;
    for (;;) {
      while (this.next < this.jobs.length && this.jobs[this.next]!.settled) this.next++;
      const job = this.jobs[this.next];
      if (!job || job.pos >= this.taken + this.ahead) return;
      // the worker up with the fewest files waiting; none up yet: the main thread reads the files it comes to meanwhile
      // (a worker takes ~50-100 ms to start: the main thread waiting for it would lose what the worker wins)
      let slot: Slot | undefined;
      for (const s of this.slots) if ((s.online || this.waitForWorkers) && (!slot || s.jobs.size < slot.jobs.size)) slot = s;
      if (!slot) return;
      this.next++;
      job.dispatched = true;
      const id = ++this.nextId;
      if (slot.jobs.size === 0) {
        slot.heard = Date.now();
        slot.worker.ref();
        this.watch(slot, limits.maxMillis);
      }
      slot.jobs.set(id, job);
      const req: ParseRequest = {
        id,
        abs: job.found.abs,
        display: job.found.display,
        explicit: job.found.explicit,
        ...(encoding ? { encoding } : {}),
        limits,
        streamFrom,
        maxBytes: POOL_MAX_BYTES,
      };
      slot.port.postMessage(req);
    }
  }

  private hear(slot: Slot, m: ParseReply): void {
    slot.heard = Date.now();
    const wasOnline = slot.online;
    slot.online = true; // whatever it says, it is up
    if (!wasOnline) {
      this.upNow(true);
      this.pump();
    }
    if ('ready' in m) return;
    if ('beat' in m) {
      if (m.format) slot.format = m.format;
      return;
    }
    const job = slot.jobs.get(m.id);
    if (!job) return;
    slot.jobs.delete(m.id);
    slot.format = undefined;
    if (slot.jobs.size === 0) this.idle(slot);
    job.settle('loaded' in m ? { ...m.loaded, sheets: m.loaded.sheets.map((sh) => ('leanWire' in sh ? leanSheetFromWire(sh) : sh)) } : undefined);
    this.pump();
  }

  private idle(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.worker.unref();
  }

  /** The watchdog: a worker with files that says nothing for maxMillis has stalled on the oldest of them. */
  private watch(slot: Slot, maxMillis: number, wait = maxMillis): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      // what the worker said while this thread was busy (running the rules) counts: take it first
      for (let m = threads.receiveMessageOnPort(slot.port); m; m = threads.receiveMessageOnPort(slot.port)) this.hear(slot, m.message as ParseReply);
      const oldest = slot.jobs.values().next();
      if (oldest.done) return;
      if (!slot.online) {
        // still starting: its files wait, unless it never starts — then the main thread reads them, as without workers
        if (Date.now() - slot.started > START_GIVE_UP_MS) this.lost(slot);
        else this.watch(slot, maxMillis);
        return;
      }
      const silent = Date.now() - slot.heard;
      if (silent <= maxMillis) {
        this.watch(slot, maxMillis, maxMillis - silent + 1);
        return;
      }
      const { found } = oldest.value;
      const detected = slot.format ? { format: { value: slot.format, reason: 'content' } } : {};
      oldest.value.settle({ file: found.display, abs: found.abs, sheets: [], detected, failure: limitFailure(new LimitExceeded('maxMillis', silent, maxMillis)) });
      this.lost(slot);
    }, Math.max(1, wait));
    slot.timer.unref();
  }

  /** A worker stopped (died, or was stopped): its file is read on the main thread, as every file after it. */
  private lost(slot: Slot): void {
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    this.idle(slot);
    this.upNow(false);
    this.dead = true;
    this.stop(slot);
    for (const job of jobs) job.settle(undefined);
  }

  private stop(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.port.close();
    void slot.worker.terminate().catch(() => undefined);
  }
}
