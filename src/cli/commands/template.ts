// fupin template register|stats|quota|card: writes a blank official form (附2, 附3, 附4 with the province's targets, 附1) as .xlsx.
import path from 'node:path';
import { type BlankKind, MAX_BLANK_ROWS, writeBlankTemplate } from '../../io/writers/blank.js';
import { TEMPLATE_FILES } from '../../io/writers/template-book.js';
import { resolveArea } from '../../core/area.js';
import { EXIT, usage } from '../errors.js';
import { ledgerConfig, profileFor } from '../ledger.js';
import { writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface TemplateFlags {
  output?: string;
  area?: string;
  rows?: string;
  force?: boolean;
  province?: string;
}

const KINDS: readonly BlankKind[] = ['register', 'stats', 'quota', 'card'];

const template: CommandFn = async ([kindArg], raw, ctx) => {
  const flags = raw as TemplateFlags;
  const kind = KINDS.find((k) => k === kindArg);
  if (!kind) throw usage('template/bad-kind', { value: String(kindArg) });
  let rows: number | undefined;
  if (flags.rows !== undefined) {
    if (kind !== 'register' && kind !== 'stats') throw usage('template/rows-kind', { kind });
    const n = Number(flags.rows);
    if (!/^\d+$/.test(flags.rows.trim()) || n < 1 || n > MAX_BLANK_ROWS) throw usage('template/bad-rows', { value: flags.rows, max: MAX_BLANK_ROWS });
    rows = n;
  }
  const file = flags.output ?? TEMPLATE_FILES[kind];
  if (path.extname(file).toLowerCase() !== '.xlsx') throw usage('template/bad-output', { value: file, example: TEMPLATE_FILES[kind] });
  const config = await ledgerConfig([ctx.io.cwd], ctx.io.cwd);
  const profile = await profileFor(flags.province ?? config?.config.province);
  const area = flags.area?.trim();
  // 附3 for a city lists 市本级 and its counties; for the province (or no area), 省本级 and the cities
  let units: readonly string[] | undefined;
  if (kind === 'stats' || kind === 'quota') {
    const a = area ? resolveArea({ flag: area, province: profile.name }, profile.divisions) : undefined;
    const city = a?.city ? profile.city(a.city) : undefined;
    units = city && kind === 'stats' ? ['市本级', ...city.units] : ['省本级', ...profile.cityNames];
  }
  const bytes = await writeBlankTemplate(kind, {
    ...(area ? { area } : {}),
    ...(rows ? { rows } : {}),
    titles: { register: profile.titles.register(), stats: profile.titles.stats, card: profile.titles.card, quota: profile.titles.quota },
    ...(units ? { units } : {}),
    ...(profile.quotaTable ? { quota: profile.quotaTable } : {}),
  });
  // reported as every written file is: 已写出：<path> on stderr
  await writeOutput(file, bytes, ctx, { force: flags.force });
  return EXIT.ok;
};

export default template;
