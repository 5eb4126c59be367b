// fupin cards REGISTER... -o FILE.xlsx: one printable 附1 结对帮扶卡 per pairing, pre-filled from the registers.
import path from 'node:path';
import { renderMessage } from '../../core/catalogue.js';
import type { DivisionIndex } from '../../core/divisions.js';
import { HouseholdIndex, orgKeyOf } from '../../core/household.js';
import type { Lang, Problem, RegisterRow } from '../../core/model.js';
import { checkOutput, OutputError, writeFileAtomic } from '../../io/safe-write.js';
import { type CardHousehold, writeCards } from '../../io/writers/cards.js';
import { EXIT, UsageError } from '../errors.js';
import { readInputs } from '../inputs.js';
import type { LimitFlags } from '../limits.js';
import type { CliIO } from '../io.js';
import { parseLang } from './validate.js';

export interface CardsFlags extends LimitFlags {
  output?: string;
  force?: boolean;
  lang?: string;
  encoding?: string;
  area?: string;
}

const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: {
    'no-paths': '请指定登记表文件或文件夹，例如：fupin cards 溆浦县.xlsx -o 结对帮扶卡.xlsx',
    'no-output': '请用 -o 指定要写出的文件，例如 -o 结对帮扶卡.xlsx',
    'bad-output': '-o 要写 .xlsx 文件，例如 -o 结对帮扶卡.xlsx（收到 “{value}”）',
    'no-files': '{paths} 中没有表格文件（.xlsx、.xlsm、.csv）',
    'no-pairings': '登记表里没有结对记录（户主姓名都是空的），没有可制的卡片',
    skipped: '跳过 {file}：{reason}',
    'no-name': '{n} 行没有户主姓名，没有制卡（用 fupin validate 查看是哪几行）',
    repeated: '{n} 行与前面的结对重复（同一单位、同一户），只制一张卡',
    written: '已写出 {n} 张结对帮扶卡：{file}',
  },
  en: {
    'no-paths': 'give register files or folders, e.g. fupin cards 溆浦县.xlsx -o cards.xlsx',
    'no-output': 'give the file to write with -o, e.g. -o cards.xlsx',
    'bad-output': '-o writes an .xlsx file, e.g. -o cards.xlsx (got “{value}”)',
    'no-files': 'no spreadsheet files (.xlsx, .xlsm, .csv) in {paths}',
    'no-pairings': 'the registers hold no pairings (every 户主姓名 is empty): no cards to make',
    skipped: 'skipped {file}: {reason}',
    'no-name': '{n} rows have no 户主姓名 and got no card (fupin validate shows which)',
    repeated: '{n} rows repeat an earlier pairing (same organisation, same household): one card per pairing',
    written: 'wrote {n} pairing cards: {file}',
  },
};

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  return MESSAGES[lang][id]!.replace(/\{(\w+)\}/g, (_, k: string) => String(data[k] ?? `{${k}}`));
}

function both(id: string, data: Record<string, string | number> = {}): string {
  return `${msg('zh', id, data)} / ${msg('en', id, data)}`;
}

function describe(p: Problem, lang: Lang): string {
  try {
    return renderMessage(p, lang);
  } catch {
    return p.rule;
  }
}

function card(row: RegisterRow): CardHousehold {
  const f = row.fields;
  const text = (k: keyof RegisterRow['fields']) => f[k]?.text.trim() ?? '';
  const h: CardHousehold = { org: text('org'), name: text('name'), address: text('address'), phone: text('phone') };
  const optional = { seq: text('seq'), income: text('income'), povertyCause: text('povertyCause'), measures: text('measures') };
  for (const [k, v] of Object.entries(optional)) if (v) (h as unknown as Record<string, string>)[k] = v;
  return h;
}

/**
 * One card per pairing — a household helped by two organisations gets two cards, one for each organisation, since the
 * card names one 组织名称 and each organisation files and posts its own. The same pairing written twice gets one card.
 * Order: the registers' order (files as given and walked, rows top to bottom). 编号 is the register's 序号.
 */
export function cardsFromRows(rows: Iterable<RegisterRow>, divisions?: DivisionIndex): { cards: CardHousehold[]; noName: number; repeated: number } {
  const index = new HouseholdIndex(divisions);
  const seen = new Set<string>();
  const cards: CardHousehold[] = [];
  let noName = 0;
  let repeated = 0;
  for (const row of rows) {
    const id = index.idOf(row);
    if (id === undefined) {
      noName++;
      continue;
    }
    const key = `${id}\u0000${orgKeyOf(row, divisions) ?? ''}`;
    if (seen.has(key)) {
      repeated++;
      continue;
    }
    seen.add(key);
    cards.push(card(row));
  }
  return { cards, noName, repeated };
}

export async function cardsCommand(paths: string[], flags: CardsFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang ?? 'zh');
  if (paths.length === 0) throw new UsageError(both('no-paths'));
  if (!flags.output) throw new UsageError(both('no-output'));
  if (path.extname(flags.output).toLowerCase() !== '.xlsx') throw new UsageError(both('bad-output', { value: flags.output }));
  const target = path.resolve(io.cwd, flags.output);
  // before the long read: the refusals writeFileAtomic would give at the end
  await checkOutput(target, { force: Boolean(flags.force), inputs: paths }).catch((e: unknown) => {
    throw e instanceof OutputError ? new UsageError(lang === 'en' ? e.en : e.zh) : e;
  });

  const read = await readInputs(paths, flags, io, lang);
  if (read.files.length === 0) throw new UsageError(both('no-files', { paths: paths.join('、') }));

  for (const f of read.files) if (f.failure) io.stderr(`${msg(lang, 'skipped', { file: f.file, reason: describe(f.failure, lang) })}\n`);
  const rows = read.files.flatMap((f) => f.registers.flatMap((r) => r.rows));
  const { cards, noName, repeated } = cardsFromRows(rows, read.divisions);
  if (cards.length === 0) throw new UsageError(both('no-pairings'));

  const bytes = await writeCards(cards, { sheetPrefix: (i) => String(i + 1) });
  let abs: string;
  try {
    abs = await writeFileAtomic(target, bytes, { force: Boolean(flags.force), inputs: read.files.map((f) => f.abs) });
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError(lang === 'en' ? e.en : e.zh);
    throw e;
  }
  if (noName) io.stderr(`${msg(lang, 'no-name', { n: noName })}\n`);
  if (repeated) io.stderr(`${msg(lang, 'repeated', { n: repeated })}\n`);
  io.stdout(`${msg(lang, 'written', { n: cards.length, file: path.relative(io.cwd, abs) || abs })}\n`);
  return EXIT.ok;
}
