// check --format junit: JUnit XML for GitLab/Jenkins test reports — a testsuite per file, a testcase per rule, a failure per failing rule.
import type { Lang, Msg, Severity } from '../core/model.js';
import { render } from './catalogue/index.js';
import { placeOf, type CheckProblem, type CheckReport } from './check-report.js';

export interface JunitOptions {
  /** The validation rule ids: each register gets one testcase per rule, passing when the rule found nothing failing. */
  rules: readonly string[];
}

/** Characters XML 1.0 cannot hold at all (C0 controls but TAB/LF/CR, U+FFFE/U+FFFF, lone surrogates): dropped. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: &, < and > escaped, invalid characters dropped. */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (in double quotes): also quotes, and TAB/LF/CR as references so parsers keep them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

interface Case {
  classname: string;
  name: string;
  problems: CheckProblem[];
}

interface Suite {
  name: string;
  cases: Case[];
}

/** The report's words in `lang` (junit/…). */
function wordsOf(lang: Lang) {
  const say = (id: string, data?: Msg['data']): string => render({ id, ...(data ? { data } : {}) }, lang);
  return {
    rollup: say('junit/rollup'),
    rollupCase: say('junit/rollup-case'),
    quota: say('junit/quota'),
    quotaCase: say('junit/quota-case'),
    read: say('junit/read'),
    errors: (n: number) => say('junit/errors', { n }),
    warnings: (n: number) => say('junit/warnings', { n }),
    severity: (s: Severity) => say(`term/severity-${s}`),
    where: (where: string, message: string) => say('junit/line', { where, message }),
  };
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of list) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

/** The suites: one per file read (registers and unreadable files alike), then the roll-up, then the quota check. */
function suitesOf(report: CheckReport, opts: JunitOptions): Suite[] {
  const prefix = report.pathPrefix;
  const suites: Suite[] = [];
  const byFile = groupBy(report.validation.files, (f) => f.file);
  const problemsByFile = groupBy(
    report.problems.filter((p) => p.section === 'validate'),
    (p) => p.file ?? '',
  );
  for (const [file, entries] of byFile) {
    const name = prefix + file;
    const problems = problemsByFile.get(file) ?? [];
    const cases: Case[] = [];
    const sheets = entries.filter((e) => e.sheet !== undefined);
    const several = sheets.length > 1;
    for (const e of entries) {
      const mine = problems.filter((p) => p.sheet === e.sheet);
      if (e.sheet === undefined) {
        // an unreadable file, a 统计表, the org registry: one testcase per rule that spoke, or one passing "read"
        const rules = [...new Set(mine.map((p) => p.rule))];
        if (rules.length === 0) cases.push({ classname: name, name: wordsOf(report.lang).read, problems: [] });
        for (const r of rules) cases.push({ classname: name, name: r, problems: mine.filter((p) => p.rule === r) });
        continue;
      }
      const rules = [...new Set([...opts.rules, ...mine.map((p) => p.rule)])];
      const label = (r: string) => (several ? `${e.sheet}: ${r}` : r);
      for (const r of rules) cases.push({ classname: name, name: label(r), problems: mine.filter((p) => p.rule === r) });
    }
    suites.push({ name, cases });
  }

  const w = wordsOf(report.lang);
  const rollupProblems = report.problems.filter((p) => p.section === 'rollup');
  if (report.rollup || rollupProblems.length) {
    const cases: Case[] = [];
    for (const [key, list] of groupBy(rollupProblems, (p) => `${p.file ?? ''}\u0000${p.rule}`)) {
      const [file] = key.split('\u0000');
      cases.push({ classname: file ? prefix + file : w.rollup, name: list[0]!.rule, problems: list });
    }
    if (cases.length === 0) cases.push({ classname: w.rollup, name: w.rollupCase, problems: [] });
    suites.push({ name: w.rollup, cases });
  }

  const quotaProblems = report.problems.filter((p) => p.section === 'quota');
  if (report.quota || quotaProblems.length) {
    const cases: Case[] = [];
    const areas = report.quota?.areas.map((a) => a.area) ?? [];
    for (const area of areas) {
      cases.push({ classname: w.quota, name: area, problems: quotaProblems.filter((p) => p.area === area) });
    }
    const rest = quotaProblems.filter((p) => p.area === undefined || !areas.includes(p.area));
    for (const [rule, list] of groupBy(rest, (p) => p.rule)) cases.push({ classname: w.quota, name: rule, problems: list });
    if (cases.length === 0) cases.push({ classname: w.quota, name: w.quotaCase, problems: [] });
    suites.push({ name: w.quota, cases });
  }
  return suites;
}

function line(p: CheckProblem, prefix: string, lang: CheckReport['lang']): string {
  const where = placeOf(p, prefix);
  const w = wordsOf(lang);
  return `${w.severity(p.severity)} ${where ? w.where(where, p.message) : p.message}`;
}

export function formatJunit(report: CheckReport, opts: JunitOptions): string {
  const failing = new Set<Severity>(report.config.strict ? ['error', 'warning'] : ['error']);
  const w = wordsOf(report.lang);
  const suites = suitesOf(report, opts);
  const out: string[] = [];
  let tests = 0;
  let failures = 0;
  const body: string[] = [];
  for (const s of suites) {
    const failed = s.cases.filter((c) => c.problems.some((p) => failing.has(p.severity))).length;
    tests += s.cases.length;
    failures += failed;
    body.push(`  <testsuite name="${xmlAttr(s.name)}" tests="${s.cases.length}" failures="${failed}" errors="0" skipped="0" time="0">`);
    for (const c of s.cases) {
      const bad = c.problems.filter((p) => failing.has(p.severity));
      const other = c.problems.filter((p) => !failing.has(p.severity));
      const open = `    <testcase classname="${xmlAttr(c.classname)}" name="${xmlAttr(c.name)}" time="0"`;
      if (bad.length === 0 && other.length === 0) {
        body.push(`${open}/>`);
        continue;
      }
      body.push(`${open}>`);
      if (bad.length) {
        const n = bad.filter((p) => p.severity === 'error').length;
        const summary = [n ? w.errors(n) : '', bad.length - n ? w.warnings(bad.length - n) : ''].filter(Boolean).join(', ');
        body.push(`      <failure message="${xmlAttr(summary)}" type="${xmlAttr(bad[0]!.rule)}">${xmlText(bad.map((p) => line(p, report.pathPrefix, report.lang)).join('\n'))}</failure>`);
      }
      if (other.length) body.push(`      <system-out>${xmlText(other.map((p) => line(p, report.pathPrefix, report.lang)).join('\n'))}</system-out>`);
      body.push('    </testcase>');
    }
    body.push('  </testsuite>');
  }
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<testsuites name="fupin check" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`);
  out.push(...body);
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
