// The help screens, generated from the command table (spec.ts) in the chosen language: Chinese by default.
import type { Lang } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { displayWidth, wrapWidth } from '../formatters/text-width.js';
import { COMMANDS, type ArgumentSpec, type CommandSpec, type OptionSpec } from './spec.js';

const t = (id: string, lang: Lang, data?: Record<string, string>): string => render({ id: `help/${id}`, ...(data ? { data } : {}) }, lang);

/** An argument as the usage line shows it: its own shown name (`旧 新`), else commander's (`[paths...]`). */
const argName = (a: ArgumentSpec, lang: Lang): string => (a.shown ? render({ id: a.shown }, lang) : a.name);

function describeOption(o: OptionSpec, lang: Lang): string {
  const parts = [render({ id: o.help }, lang)];
  const extras: string[] = [];
  if (o.choices) extras.push(t('choices', lang, { values: o.choices.join(lang === 'zh' ? '、' : ', ') }));
  if (o.default !== undefined) extras.push(t('default', lang, { value: o.default }));
  if (extras.length) parts.push(lang === 'zh' ? `（${extras.join('；')}）` : `(${extras.join('; ')})`);
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** Term + description lines, the description wrapped to the width and aligned under itself. */
function items(rows: [string, string][], width: number): string[] {
  const termWidth = Math.min(Math.max(...rows.map(([term]) => displayWidth(term)), 0), 28);
  const out: string[] = [];
  for (const [term, desc] of rows) {
    const pad = ' '.repeat(Math.max(0, termWidth - displayWidth(term)) + 2);
    const descWidth = Math.max(20, width - termWidth - 4);
    const lines = wrapWidth(desc, descWidth);
    if (displayWidth(term) > termWidth) {
      out.push(`  ${term}`);
      for (const l of lines) out.push(`  ${' '.repeat(termWidth + 2)}${l}`);
    } else {
      out.push(`  ${term}${pad}${lines[0] ?? ''}`);
      for (const l of lines.slice(1)) out.push(`  ${' '.repeat(termWidth + 2)}${l}`);
    }
  }
  return out;
}

function section(title: string, rows: [string, string][], width: number): string[] {
  return rows.length ? [title, ...items(rows, width), ''] : [];
}

/** `fupin --help`. */
export function programHelp(lang: Lang, width: number): string {
  const lines = [
    `${t('usage', lang)}fupin ${t('usage-options', lang)} ${t('usage-command', lang)}`,
    '',
    t('program', lang),
    '',
    ...section(
      t('options', lang),
      [
        ['-V, --version', t('opt-version', lang)],
        ['-h, --help', t('opt-help', lang)],
      ],
      width,
    ),
    ...section(
      t('commands', lang),
      COMMANDS.map((c) => [`${c.name} ${c.args.map((a) => argName(a, lang)).join(' ')}`.trim(), render({ id: c.help }, lang)] as [string, string]),
      width,
    ),
    t('more-help', lang),
  ];
  return `${lines.join('\n')}\n`;
}

/** `fupin <command> --help`. */
export function commandHelp(spec: CommandSpec, lang: Lang, width: number): string {
  const main = spec.options.filter((o) => !o.limit);
  const limits = spec.options.filter((o) => o.limit);
  const lines = [
    `${t('usage', lang)}fupin ${spec.name} ${t('usage-options', lang)} ${spec.args.map((a) => argName(a, lang)).join(' ')}`.trimEnd(),
    '',
    render({ id: spec.help }, lang),
    '',
    ...section(
      t('arguments', lang),
      spec.args.map((a) => {
        const desc = render({ id: a.help }, lang);
        const shown = a.default !== undefined ? `${desc}${lang === 'zh' ? `（${t('default', lang, { value: a.default })}）` : ` (${t('default', lang, { value: a.default })})`}` : desc;
        return [a.shown ? argName(a, lang) : a.name.replace(/^[<[]|[\]>]$/g, ''), shown] as [string, string];
      }),
      width,
    ),
    ...section(
      t('options', lang),
      [...main.map((o) => [o.flags, describeOption(o, lang)] as [string, string]), ['-h, --help', t('opt-help', lang)]],
      width,
    ),
    ...section(
      t('limit-options', lang),
      limits.map((o) => [o.flags, describeOption(o, lang)] as [string, string]),
      width,
    ),
  ];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
