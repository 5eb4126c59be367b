// check's default output: 登记表检查, 汇总, 任务核对, then the verdict — each section the output of its own command.
import { Chalk } from 'chalk';
import type { Msg } from '../core/model.js';
import { render } from './catalogue/index.js';
import { REGISTER_EMPTY, type CheckReport } from './check-report.js';
import { formatPretty } from './pretty.js';
import { formatQuotaPretty } from './quota-pretty.js';
import { formatRollupPretty } from './rollup-pretty.js';
import { markersOf, wrapLines, type TerminalLayout } from './layout.js';

export interface CheckPrettyOptions extends TerminalLayout {
  color: boolean;
  /** List every clean register. */
  verbose?: boolean;
}

type Say = (id: string, data?: Msg['data']) => string;

function emptyLine(report: CheckReport, say: Say, layout: TerminalLayout): string[] {
  const empty = report.validation.files.filter((f) => f.problems.some((p) => p.rule === REGISTER_EMPTY)).map((f) => f.file);
  if (empty.length === 0) return [];
  const names = empty.length > 20 ? say('more', { names: empty.slice(0, 20), n: empty.length }) : say('term/list', { items: empty });
  return wrapLines(say('empty', { n: empty.length, names }), layout);
}

function deadline(d: CheckReport['deadlines'][number], say: Say): string {
  const at = { name: d.name, date: d.date };
  if (d.daysLeft > 0) return say('deadline-left', { ...at, n: d.daysLeft });
  if (d.daysLeft === 0) return say('deadline-today', at);
  return say('deadline-past', { ...at, n: -d.daysLeft });
}

/** Places named in the verdict per focus category, at most (the roll-up section and JSON have them all). */
const FOCUS_PLACES = 10;

/** The roster and focus sections of the count in a line each (rollup's numbers), when lists were given. */
function whomSummary(s: CheckReport['summary'], say: Say): string[] {
  const out: string[] = [];
  if (s.rosters) {
    out.push(say('roster-summary', { listed: s.rosters.listed, paired: s.rosters.listedPaired, notListed: s.rosters.pairedNotListed, villages: s.rosters.villagesUnpaired }));
  }
  for (const f of s.focus ?? []) {
    if (f.unhelped.length === 0) {
      out.push(say('focus-summary-all', { category: f.category, total: f.places }));
      continue;
    }
    const places = f.unhelped.length > FOCUS_PLACES ? say('focus-more', { places: f.unhelped.slice(0, FOCUS_PLACES), n: f.unhelped.length }) : say('term/list', { items: f.unhelped });
    out.push(say('focus-summary', { category: f.category, total: f.places, n: f.unhelped.length, places }));
  }
  return out;
}

export function formatCheckPretty(report: CheckReport, opts: CheckPrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = report.lang;
  const say: Say = (id, data) => render({ id: id.includes('/') ? id : `check-view/${id}`, ...(data ? { data } : {}) }, lang);
  const out: string[] = [];
  const heading = (s: string) => out.push(c.bold.underline(s), '');

  heading(say('validate'));
  // blank registers are listed on one line, not one block each
  const files = report.validation.files.map((f) => ({ ...f, problems: f.problems.filter((p) => p.rule !== REGISTER_EMPTY) }));
  out.push(
    formatPretty({ ...report.validation, files }, { ...opts, explain: false, verbose: Boolean(opts.verbose) }).trimEnd(),
  );
  out.push(...emptyLine(report, say, opts).map((l) => c.cyan(l)));
  out.push('');

  heading(say('rollup'));
  if (report.rollup) out.push(formatRollupPretty(report.rollup, opts).trimEnd());
  else if (report.skipped.rollup) out.push(report.skipped.rollup);
  out.push('');

  heading(say('quota'));
  if (report.quota) {
    out.push(formatQuotaPretty(report.quota, { ...opts, lang }).trimEnd());
    out.push('', c.dim(say(report.config.quotaFindings === 'error' ? 'quota-error' : 'quota-info')));
  } else if (report.skipped.quota) out.push(report.skipped.quota);
  out.push('');

  heading(say('verdict'));
  out.push(c.dim(report.config.file ? say('config', { file: report.config.file }) : say('no-config')));
  for (const d of report.deadlines) out.push(deadline(d, say));
  const s = report.summary;
  out.push(...whomSummary(s, say).flatMap((l) => wrapLines(l, opts)));
  const mk = markersOf(opts);
  const verdict = s.passed ? `${mk.ok} ${say('passed')}` : `${mk.error} ${say('failed')}`;
  const exit = say('exit', { n: s.exitCode });
  const counts = say(report.config.strict ? 'counts-strict' : 'counts', { errors: s.errors, warnings: s.warnings, infos: s.infos });
  const quota = say(s.quotaMet === null ? 'quota-unchecked' : s.quotaMet ? 'quota-met' : 'quota-short');
  const plain = say('line', { verdict, counts, quota, exit });
  const lines = wrapLines(plain, opts);
  lines[0] = lines[0]!.replace(verdict, s.passed ? c.green.bold(verdict) : c.red.bold(verdict));
  const last = lines.length - 1;
  if (lines[last]!.endsWith(exit)) lines[last] = lines[last]!.slice(0, -exit.length) + c.dim(exit);
  out.push(...lines);
  return `${out.join('\n')}\n`;
}
