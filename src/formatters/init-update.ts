// fupin init --update: what changed in a ledger's vendored fupin, file by file, in words.
import type { Lang } from '../core/model.js';
import type { BuildId, ToolsUpdate } from '../io/ledger-tools.js';
import { render } from './catalogue/index.js';

export function describeUpdate(u: ToolsUpdate, lang: Lang, textconv: string): string {
  const say = (id: string, data?: Record<string, string>): string => render({ id: `init/${id}`, ...(data ? { data } : {}) }, lang);
  const build = (b: BuildId): string => say('build', { version: b.version ?? say('unknown-version'), sha: b.sha256.slice(0, 12) });
  const after = build(u.after);
  const head = !u.before
    ? say('update-first', { build: after })
    : u.before.sha256 === u.after.sha256
      ? say('update-same', { build: after })
      : say('update-changed', { from: build(u.before), to: after });
  const width = Math.max(...u.files.map((f) => f.rel.length));
  const lines = [head, ...u.files.map((f) => `  ${f.rel.padEnd(width)}  ${say(`status-${f.status}`)}`)];
  if (u.readmeMentionsNpx) lines.push(say('update-readme'));
  if (u.files.some((f) => f.status !== 'unchanged' && f.status !== 'kept')) {
    lines.push(say('update-commit', { version: u.after.version ?? '' }), say('update-textconv', { textconv }));
  }
  return `${lines.join('\n')}\n`;
}
