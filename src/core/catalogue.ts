// Every message source by problem id: validation rules, file-level causes, 统计表 checks. Renders a problem in zh or en.
import { FILE_PROBLEMS } from './file-problems.js';
import { renderProblem, type MessageSource } from './i18n.js';
import type { Lang, Problem } from './model.js';
import { allRules } from './rules/index.js';
import { STATS_RULES } from './stats-messages.js';

const sources = new Map<string, MessageSource>();
for (const r of allRules) sources.set(r.meta.id, r.meta);
for (const [id, meta] of Object.entries(FILE_PROBLEMS)) sources.set(id, meta);
for (const [id, meta] of Object.entries(STATS_RULES)) sources.set(id, meta);

/** Add message sources defined elsewhere (统计表 checks, quota findings). */
export function registerMessages(id: string, source: MessageSource): void {
  sources.set(id, source);
}

export function messageSource(id: string): MessageSource | undefined {
  return sources.get(id);
}

export function renderMessage(p: Problem, lang: Lang): string {
  const src = sources.get(p.rule);
  if (!src) throw new Error(`no messages for problem id '${p.rule}'`);
  return renderProblem(src, p, lang);
}
