// The --max-… flags: raise (or lower) the read limits that protect against crafted files (src/io/limits.ts).
import type { Command } from 'commander';
import type { ReadLimits } from '../io/limits.js';
import { UsageError } from './errors.js';

export interface LimitFlags {
  maxFileMb?: string;
  maxUnzippedMb?: string;
  maxZipRatio?: string;
  maxCells?: string;
  maxMerges?: string;
  maxMergedCells?: string;
  maxDefinedNames?: string;
  maxCellChars?: string;
  maxSeconds?: string;
}

const FLAGS: { flag: string; key: keyof LimitFlags; limit: keyof ReadLimits; scale: number; help: string }[] = [
  { flag: '--max-file-mb <n>', key: 'maxFileMb', limit: 'maxFileBytes', scale: 1048576, help: '单个文件大小上限（MB，默认 200） / file size limit' },
  { flag: '--max-unzipped-mb <n>', key: 'maxUnzippedMb', limit: 'maxUncompressedBytes', scale: 1048576, help: 'xlsx 解压后大小上限（MB，默认 512） / unpacked xlsx limit' },
  { flag: '--max-zip-ratio <n>', key: 'maxZipRatio', limit: 'maxCompressionRatio', scale: 1, help: 'xlsx 部件压缩比上限（默认 500） / compression ratio limit' },
  { flag: '--max-cells <n>', key: 'maxCells', limit: 'maxCells', scale: 1, help: '每个工作簿单元格上限（默认 5000000） / cells per workbook' },
  { flag: '--max-merges <n>', key: 'maxMerges', limit: 'maxMerges', scale: 1, help: '每个工作表合并区域上限 / merged ranges per sheet' },
  { flag: '--max-merged-cells <n>', key: 'maxMergedCells', limit: 'maxMergedCells', scale: 1, help: '合并区域覆盖单元格上限 / cells covered by merges' },
  { flag: '--max-defined-names <n>', key: 'maxDefinedNames', limit: 'maxDefinedNames', scale: 1, help: '定义的名称上限 / defined names' },
  { flag: '--max-cell-chars <n>', key: 'maxCellChars', limit: 'maxCellChars', scale: 1, help: '单元格字符数上限（默认 32767） / characters per cell' },
  { flag: '--max-seconds <n>', key: 'maxSeconds', limit: 'maxMillis', scale: 1000, help: '每个文件读取时间上限（秒，默认 30） / read time per file' },
];

/** Adds the --max-… options (hidden from the short help: they matter only for refused files, whose message names them). */
export function limitOptions(cmd: Command): Command {
  for (const f of FLAGS) cmd.option(f.flag, f.help);
  return cmd;
}

/** The limits the user set, checked: positive numbers only. */
export function limitsFromFlags(flags: LimitFlags): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  for (const f of FLAGS) {
    const raw = flags[f.key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      throw new UsageError(`${f.flag.split(' ')[0]} 需要一个正数（收到 “${raw}”） / needs a positive number`);
    }
    out[f.limit] = Math.round(n * f.scale);
  }
  return out;
}
