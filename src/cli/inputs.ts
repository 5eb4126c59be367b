// Reading the inputs of a command: the --encoding/--area/--orgs/--max-… flags, a progress bar, missing paths refused.
import path from 'node:path';
import type { Lang } from '../core/model.js';
import { type EncodingName, parseEncodingName } from '../io/csv.js';
import { readRegisters, type ReadOptions, type ReadResult } from '../io/registers.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { type LimitFlags, limitsFromFlags } from './limits.js';
import { progress } from './progress.js';

export interface InputFlags extends LimitFlags {
  encoding?: string;
  area?: string;
  orgs?: string;
}

/** --encoding as a decoder name; a name fupin does not know is a usage error. */
export function encodingOf(flags: { encoding?: string }): EncodingName | undefined {
  if (!flags.encoding) return undefined;
  const encoding = parseEncodingName(flags.encoding);
  if (!encoding) {
    throw new UsageError(`不认识的编码 “${flags.encoding}”：可用 utf-8、gbk、gb18030、utf-16le / unknown encoding: use utf-8, gbk, gb18030 or utf-16le`);
  }
  return encoding;
}

/** Read every register (and 统计表, orgs.csv) under `paths`; a path that does not exist is a usage error. */
export async function readInputs(paths: string[], flags: InputFlags, io: CliIO, lang: Lang, extra: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const encoding = encodingOf(flags);
  const bar = progress(io, lang);
  let read: ReadResult;
  try {
    read = await readRegisters(paths, {
      limits: limitsFromFlags(flags),
      ...(encoding ? { encoding } : {}),
      ...(flags.area ? { area: flags.area } : {}),
      ...(flags.orgs ? { orgs: path.resolve(io.cwd, flags.orgs) } : {}),
      onFile: bar.tick,
      ...extra,
    });
  } finally {
    bar.done();
  }
  if (read.missing.length) throw new UsageError(`找不到：${read.missing.join('、')} / not found: ${read.missing.join(', ')}`);
  return read;
}
