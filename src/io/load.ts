// Reads one file into grids (xlsx or csv), or says exactly why it cannot: the only place that opens inputs.
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { FileProblemId } from '../core/file-problems.js';
import type { Detected, RawSheet, SourceFormat } from '../core/model.js';
import { CsvReadError, type EncodingName, readCsvBuffer } from './csv.js';
import { sniff } from './sniff.js';
import type { FoundFile } from './walk.js';
import { readXlsxBuffer } from './xlsx.js';

export interface ReadFailure {
  rule: FileProblemId;
  messageId: string;
  data?: Record<string, string | number>;
}

export interface LoadedFile {
  file: string;
  abs: string;
  format?: SourceFormat;
  sheets: RawSheet[];
  detected: Detected;
  failure?: ReadFailure;
}

export interface LoadOptions {
  encoding?: EncodingName;
  /** Refuse files larger than this many bytes (a register is a few hundred KB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** Read a file's bytes without ever writing or locking it. */
async function readBytes(abs: string, maxBytes: number): Promise<Buffer | ReadFailure> {
  let fh;
  try {
    fh = await open(abs, 'r');
    const st = await fh.stat();
    if (st.size > maxBytes) {
      return { rule: 'file-unsupported', messageId: 'binary', data: { detail: `${(st.size / 1048576).toFixed(0)} MB` } };
    }
    return await fh.readFile();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { rule: 'file-unreadable', messageId: 'io', data: { detail: err.code ?? err.message } };
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export async function loadFile(found: FoundFile, opts: LoadOptions = {}): Promise<LoadedFile> {
  const base: LoadedFile = { file: found.display, abs: found.abs, sheets: [], detected: {} };
  const bytes = await readBytes(found.abs, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!Buffer.isBuffer(bytes)) return { ...base, failure: bytes };
  const ext = path.extname(found.abs).toLowerCase();
  const kind = sniff(bytes);
  base.detected.format = { value: kind.kind, reason: 'content' };

  const fail = (rule: FileProblemId, messageId: string, data?: Record<string, string | number>): LoadedFile => ({
    ...base,
    failure: { rule, messageId, ...(data ? { data } : {}) },
  });

  switch (kind.kind) {
    case 'empty':
      return fail('file-empty', 'empty');
    case 'ole2-encrypted':
      return fail('file-encrypted', 'encrypted');
    case 'ole2-legacy':
    case 'biff':
      return fail('file-legacy-xls', 'legacy');
    case 'ole2-other':
      return fail('file-unsupported', 'binary', { detail: 'OLE2' });
    case 'ods':
      return fail('file-ods', 'ods');
    case 'xlsb':
      return fail('file-ods', 'xlsb');
    case 'numbers':
      return fail('file-ods', 'numbers');
    case 'zip-other':
      return kind.detail === 'broken-zip'
        ? fail('file-corrupt', 'truncated', { detail: 'zip' })
        : fail('file-corrupt', 'not-xlsx', { ext: ext || '(无)', detail: kind.detail });
    case 'binary':
      return fail('file-unsupported', 'binary', { detail: ext || 'binary' });
    case 'text': {
      if (!TEXT_EXTENSIONS.has(ext) && !(found.explicit && ext === '')) {
        const head = bytes.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
        if (head.startsWith('<')) return fail('file-unsupported', 'html', { ext });
        return fail('file-corrupt', 'text-as-xlsx', { ext });
      }
      try {
        const { sheet, detected } = readCsvBuffer(bytes, path.basename(found.abs, ext), opts.encoding);
        return { ...base, format: 'csv', sheets: [sheet], detected: { ...base.detected, ...detected } };
      } catch (e) {
        if (e instanceof CsvReadError) return fail('file-corrupt', 'csv', { line: e.line ?? '?', detail: e.message });
        throw e;
      }
    }
    case 'xlsx': {
      try {
        const { sheets } = await readXlsxBuffer(bytes);
        if (sheets.length === 0) return fail('file-corrupt', 'no-sheets');
        return { ...base, format: 'xlsx', sheets };
      } catch (e) {
        const msg = (e as Error)?.message ?? String(e);
        return fail('file-corrupt', 'truncated', { detail: msg.slice(0, 120) });
      }
    }
  }
}
