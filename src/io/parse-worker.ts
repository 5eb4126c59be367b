// A parse worker: reads files and parses them into grids (loadFile's work, src/io/load.ts) ahead of the main thread,
// which feeds them to the LedgerBuilder in input order (src/io/parse-pool.ts). It carries the readers only — no division
// list, no rules, no exceljs, no SheetJS — so it starts in a few tens of milliseconds. Bundled on its own by
// scripts/bundle.mjs (dist/bundle/parse-worker.cjs) and started from that file's text, like the legacy worker.
//
// What it does not do it leaves to the main thread, which then reads the file exactly as without workers: big text
// files (streamed there), big workbooks, .xls/.et/.ods/.xlsb (the legacy worker), and any file whose read threw.
import path from 'node:path';
import { type MessagePort, workerData } from 'node:worker_threads';
import { LEGACY_OF, loadBytes, readBytesSync, textByName } from './load.js';
import type { DeferReason, ParseReply, ParseRequest } from './parse-pool-protocol.js';
import { sniff } from './sniff.js';
import { leanSheetWire } from './xlsx-reader.js';

const port = (workerData as { port: MessagePort }).port;

/** How often a read that is making progress says so (the main thread's watchdog listens): at most this far apart. */
const BEAT_MS = 1000;

/**
 * The readers' clock (their progress guard reads it at each step of progress): each reading also tells the main thread,
 * now and then — at least four times within --max-seconds, so a small limit never stops a file here that makes progress
 * (the serial read would not stop it either).
 */
function beatingClock(id: number, format: string, maxMillis: number): () => number {
  const every = Math.min(BEAT_MS, maxMillis / 4);
  let last = Date.now();
  return () => {
    const t = Date.now();
    if (t - last >= every) {
      last = t;
      port.postMessage({ id, beat: true, format } satisfies ParseReply);
    }
    return t;
  };
}

async function answer(req: ParseRequest): Promise<ParseReply> {
  const { id } = req;
  try {
    const ext = path.extname(req.abs).toLowerCase();
    const text = textByName(ext, req.explicit);
    const found = { abs: req.abs, display: req.display, explicit: req.explicit };
    // blocking reads: this thread has nothing else to do meanwhile. Big text files are streamed by the main thread, big
    // workbooks read there (files over maxFileBytes are refused here as there). Into the reused buffer: loadBytes parses
    // an xlsx or a text before it first awaits, and the legacy formats are left to the main thread
    const bytes = readBytesSync(
      req.abs,
      req.limits.maxFileBytes,
      (size): DeferReason | undefined => (text && size >= req.streamFrom ? 'stream' : size > req.maxBytes ? 'big' : undefined),
      true,
    );
    if (typeof bytes === 'string') return { id, defer: bytes };
    if (!Buffer.isBuffer(bytes)) return { id, loaded: { file: req.display, abs: req.abs, sheets: [], detected: {}, failure: bytes } };
    const sniffed = sniff(bytes);
    const kind = sniffed.kind;
    if (LEGACY_OF[kind]) return { id, defer: 'legacy' };
    // lean, as the main thread reads: its sheets cross as typed arrays and one string table, not an object per cell
    const loaded = await loadBytes(found, bytes, { ...(req.encoding ? { encoding: req.encoding } : {}), limits: req.limits, now: beatingClock(id, kind, req.limits.maxMillis), lean: true }, sniffed);
    return { id, loaded: { ...loaded, sheets: loaded.sheets.map((sh) => leanSheetWire(sh) ?? sh) } };
  } catch {
    // a reader's bug: the main thread reads the file again and says what it says today
    return { id, defer: 'error' };
  }
}

port.on('message', (req: ParseRequest) => {
  void answer(req).then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true } satisfies ParseReply);
