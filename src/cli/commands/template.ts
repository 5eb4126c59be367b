// fupin template register|stats|quota|card: writes a blank official form (附2, 附3, 附4 with the 2016 targets, 附1) as .xlsx.
import path from 'node:path';
import type { Lang } from '../../core/model.js';
import { OutputError, writeFileAtomic } from '../../io/safe-write.js';
import { type BlankKind, MAX_BLANK_ROWS, writeBlankTemplate } from '../../io/writers/blank.js';
import { TEMPLATE_FILES } from '../../io/writers/template-book.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { parseLang } from './validate.js';

export interface TemplateFlags {
  output?: string;
  area?: string;
  rows?: string;
  force?: boolean;
  lang?: string;
}

/** Which form each kind is, for messages. */
const KINDS: Record<BlankKind, { zh: string; en: string }> = {
  register: { zh: '附2 登记表', en: 'register (附2)' },
  stats: { zh: '附3 统计表', en: 'statistics table (附3)' },
  quota: { zh: '附4 任务分配表', en: 'quota table (附4)' },
  card: { zh: '附1 结对帮扶卡', en: 'pairing card (附1)' },
};

const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    'bad-kind': '不认识的表格 “{value}”：可用 register（附2 登记表）、stats（附3 统计表）、quota（附4 任务分配表）、card（附1 结对帮扶卡）',
    'bad-rows': '--rows 要填 1 到 {max} 之间的整数（收到 “{value}”）',
    'rows-kind': '--rows 只用于 register 和 stats（收到 {kind}）',
    'bad-output': '-o 要写 .xlsx 文件，例如 -o {example}（收到 “{value}”）',
    written: '已写出{kind}：{file}',
  },
  en: {
    'bad-kind': 'unknown form “{value}”: use register (附2), stats (附3), quota (附4) or card (附1)',
    'bad-rows': '--rows takes a whole number from 1 to {max} (got “{value}”)',
    'rows-kind': '--rows applies to register and stats only (got {kind})',
    'bad-output': '-o writes an .xlsx file, e.g. -o {example} (got “{value}”)',
    written: 'wrote the {kind}: {file}',
  },
};

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  return MESSAGES[lang][id]!.replace(/\{(\w+)\}/g, (_, k: string) => String(data[k] ?? `{${k}}`));
}

/** Both languages, Chinese first: usage errors are read before --lang is known to be right. */
function both(id: string, data: Record<string, string | number> = {}): string {
  return `${msg('zh', id, data)} / ${msg('en', id, data)}`;
}

export function parseKind(s: string): BlankKind {
  if (s === 'register' || s === 'stats' || s === 'quota' || s === 'card') return s;
  throw new UsageError(both('bad-kind', { value: s }));
}

export async function templateCommand(kindArg: string, flags: TemplateFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang ?? 'zh');
  const kind = parseKind(kindArg);
  let rows: number | undefined;
  if (flags.rows !== undefined) {
    if (kind !== 'register' && kind !== 'stats') throw new UsageError(both('rows-kind', { kind }));
    const n = Number(flags.rows);
    if (!/^\d+$/.test(flags.rows.trim()) || n < 1 || n > MAX_BLANK_ROWS) throw new UsageError(both('bad-rows', { value: flags.rows, max: MAX_BLANK_ROWS }));
    rows = n;
  }
  const file = flags.output ?? TEMPLATE_FILES[kind];
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new UsageError(both('bad-output', { value: file, example: TEMPLATE_FILES[kind] }));
  }
  const area = flags.area?.trim();
  const bytes = await writeBlankTemplate(kind, { ...(area ? { area } : {}), ...(rows ? { rows } : {}) });
  let abs: string;
  try {
    abs = await writeFileAtomic(path.resolve(io.cwd, file), bytes, { force: Boolean(flags.force) });
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError(lang === 'en' ? e.en : e.zh);
    throw e;
  }
  io.stdout(`${msg(lang, 'written', { kind: KINDS[kind][lang], file: path.relative(io.cwd, abs) || abs })}\n`);
  return EXIT.ok;
}
