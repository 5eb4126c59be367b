// Puts problems into words: fills a rule's message template in the chosen language.
import type { Lang, Problem } from './model.js';
import type { Messages } from './rules/rule.js';

/** Fill `{name}` placeholders; unknown placeholders are left visible rather than dropped. */
export function fillTemplate(template: string, data: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    return v === undefined ? whole : String(v);
  });
}

export interface MessageSource {
  messages: Record<Lang, Messages>;
}

/** The message of a problem in `lang`. A missing messageId is a programming error and throws. */
export function renderProblem(source: MessageSource, p: Problem, lang: Lang): string {
  const template = source.messages[lang][p.messageId] ?? source.messages.zh[p.messageId];
  if (template === undefined) {
    throw new Error(`rule ${p.rule} has no message '${p.messageId}'`);
  }
  return fillTemplate(template, {
    cell: p.cell,
    column: p.column,
    value: p.value,
    row: p.row,
    ...p.data,
  });
}
