// The worker thread that parses .xls/.et, .ods and .xlsb with SheetJS (@e965/xlsx) and sends back plain data only.
//
// It runs apart from fupin so that a parse that never returns can be stopped (src/io/legacy.ts terminates it at the
// deadline) and one that needs too much memory ends the worker, not fupin. Bundled on its own with the library by
// scripts/bundle.mjs (dist/bundle/legacy-worker.cjs) and started from that file's text: it needs no other file.
// Nothing of the library's objects leaves this thread: cells go out as [type, value, format] arrays.
import { parentPort } from 'node:worker_threads';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import * as XLSX from '@e965/xlsx';
import type { PlainBook, PlainCell, PlainSheet, WorkerReply, WorkerRequest } from './legacy-protocol.js';

// The library writes warnings to the console ("ODS number format may be incorrect"): fupin's output is its own.
for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[k] = () => undefined;
process.stdout.write = (() => true) as typeof process.stdout.write;
process.stderr.write = (() => true) as typeof process.stderr.write;
// code pages for BIFF5 and older files (Excel 95 in Chinese is code page 936)
XLSX.set_cptable(cptable);

class Refusal extends Error {
  constructor(readonly reply: Extract<WorkerReply, { ok: false }>['error']) {
    super(reply.detail);
  }
}

function plainBook(wb: XLSX.WorkBook, limits: WorkerRequest['limits']): PlainBook {
  let grid = 0;
  const sheets: PlainSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name] as (Omit<XLSX.WorkSheet, '!type'> & { '!data'?: (XLSX.CellObject | undefined)[][]; '!type'?: string }) | undefined;
    const type = ws?.['!type'];
    const kind: PlainSheet['kind'] = type === 'chart' || type === 'macro' || type === 'dialog' ? type : 'sheet';
    const rows: (PlainCell | undefined)[][] = [];
    const data = ws?.['!data'] ?? [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      const out: (PlainCell | undefined)[] = [];
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) continue;
        const v = cell.v instanceof Date ? cell.v.toISOString() : (cell.v as string | number | boolean);
        if (typeof v === 'string' && v.length > limits.maxCellChars) {
          throw new Refusal({ code: 'limit', detail: 'cell', limit: 'maxCellChars', actual: v.length, allowed: limits.maxCellChars });
        }
        out[c] = cell.z !== undefined && cell.z !== 'General' ? [cell.t, v, String(cell.z)] : [cell.t, v];
      }
      if (out.length === 0) continue;
      // the xlsx reader's count: each row 1 plus its width up to its last cell
      grid += 1 + out.length;
      if (grid > limits.maxCells) throw new Refusal({ code: 'limit', detail: 'cells', limit: 'maxCells', actual: grid, allowed: limits.maxCells });
      rows[r] = out;
    }
    const merges: number[] = [];
    for (const m of ws?.['!merges'] ?? []) {
      if (merges.length / 4 >= limits.maxMerges) {
        throw new Refusal({ code: 'limit', detail: 'merges', limit: 'maxMerges', actual: merges.length / 4 + 1, allowed: limits.maxMerges });
      }
      merges.push(Math.min(m.s.r, m.e.r), Math.min(m.s.c, m.e.c), Math.max(m.s.r, m.e.r), Math.max(m.s.c, m.e.c));
    }
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    sheets.push({ name, kind, hidden, rows, merges });
  });
  return { date1904: Boolean(wb.Workbook?.WBProps?.date1904), sheets };
}

/** Reading for the cells: values and number formats only (no formulas, styles or text rendering to spend time on). */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellNF: true,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellText: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  WTF: false,
};

function answer(req: WorkerRequest): WorkerReply {
  try {
    if (req.job === 'xlsx') {
      // for a copy to write into: formulas, widths and number formats kept as far as the library keeps them
      const wb = XLSX.read(req.bytes, { ...READ_OPTIONS, dense: false, cellFormula: true, cellStyles: true });
      const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true, cellStyles: true }) as ArrayBuffer;
      return { id: req.id, ok: true, xlsx: new Uint8Array(out) };
    }
    const wb = XLSX.read(req.bytes, READ_OPTIONS);
    return { id: req.id, ok: true, book: plainBook(wb, req.limits) };
  } catch (e) {
    if (e instanceof Refusal) return { id: req.id, ok: false, error: e.reply };
    const message = e instanceof Error ? e.message : String(e);
    return { id: req.id, ok: false, error: { code: /password-protected|encrypt/i.test(message) ? 'encrypted' : 'corrupt', detail: message.slice(0, 160) } };
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  const reply = answer(req);
  parentPort!.postMessage(reply, 'xlsx' in reply ? [reply.xlsx.buffer as ArrayBuffer] : []);
});
