// The messages between fupin and its parse workers (src/io/parse-worker.ts, started by src/io/parse-pool.ts): plain
// data both ways, over a MessagePort of their own.
import type { EncodingName } from './csv.js';
import type { ReadLimits } from './limits.js';
import type { LoadedFile } from './load.js';
import type { RawSheet } from '../core/model.js';
import type { LeanSheetWire } from './xlsx-reader.js';

/** One file to read and parse. */
export interface ParseRequest {
  id: number;
  abs: string;
  display: string;
  explicit: boolean;
  encoding?: EncodingName;
  limits: ReadLimits;
  /** Text tables this large or larger are streamed by the main thread (read-ledger's streamCsvFrom): not parsed here. */
  streamFrom: number;
  /** Workbooks larger than this are read by the main thread as before (a big sheet is not held twice). */
  maxBytes: number;
}

/** Why the worker left a file to the main thread, which then reads it exactly as without workers. */
export type DeferReason = 'stream' | 'big' | 'legacy' | 'error';

export type ParseReply =
  /** The worker's code is loaded and listening (sent once, first): until then its start is not a file's silence. */
  | { ready: true }
  /** Still reading (the reader made progress): the main thread's watchdog hears it. `format` once the bytes are sniffed. */
  | { id: number; beat: true; format?: string }
  | { id: number; defer: DeferReason }
  /** Its lean sheets as plain data (LeanSheetWire), made sheets again on the main thread. */
  | { id: number; loaded: Omit<LoadedFile, 'sheets'> & { sheets: (RawSheet | LeanSheetWire)[] } };
