// fupin validate: check registers cell by cell and print the problems (pretty for clerks, json for scripts).
import { validation } from '../../core/ledger/visitors.js';
import { validationReports } from '../../core/ledger/report.js';
import { registersOf } from '../../core/ledger/model.js';
import { whomNotes } from '../../core/roster/notes.js';
import { whom, type WhomResult } from '../../core/roster/visitor.js';
import { render } from '../../formatters/catalogue/index.js';
import type { Msg } from '../../core/model.js';
import { rosterReport } from '../../core/roster/notes.js';
import { allRules } from '../../core/rules/index.js';
import { formatJson } from '../../formatters/json.js';
import { renderReports } from '../../formatters/report.js';
import { EXIT, usage } from '../errors.js';
import { terminalLayout, useColor } from '../io.js';
import { ledgerConfig, openLedger, profileFor } from '../ledger.js';
import { openLists, type ListFlags } from '../whom.js';
import type { CommandFn } from './index.js';

interface ValidateFlags extends ListFlags {
  format: 'pretty' | 'json';
  strict?: boolean;
  explain?: boolean;
  color?: boolean;
  verbose?: boolean;
  annotate?: string;
  fix?: boolean;
  out?: string;
  force?: boolean;
}

const validate: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as ValidateFlags;
  const inputs = paths as string[];
  if (inputs.length === 0) throw usage('validate/no-paths');
  if (flags.fix) {
    if (!flags.out) throw usage('validate/fix-needs-out');
    // repair into --out, then check the copies: what is printed is what still needs a person
    // --fix and --annotate load their code (the fixer, the xlsx writer, csv-stringify: ~75 KB) only when asked for
    const { repairInto } = await import('../repair.js');
    const repaired = await repairInto(inputs, flags.out, flags, { ...ctx, io: { ...ctx.io, stdout: ctx.io.stderr } });
    if (repaired === EXIT.failed) return repaired;
    const { fix: _fix, out: _out, ...rest } = flags;
    return Math.max(repaired, await validate([[flags.out]], rest, ctx));
  }

  const strict = Boolean(flags.strict);
  const config = await ledgerConfig(inputs, ctx.io.cwd);
  const lists = await openLists(flags, config, await profileFor(flags.province ?? config?.config.province), ctx);
  const { roster, focus } = lists;
  const whomVisitor = whom(roster, focus);
  const { ledger } = await openLedger(
    inputs,
    flags,
    ctx,
    (registry, profile) => [
      validation(allRules, { strict, divisions: profile.divisions, ...(registry ? { registry } : {}), ...(roster ? { roster } : {}) }),
      ...(whomVisitor ? [whomVisitor] : []),
    ],
    { ...(config ? { config } : {}), lists: lists.files },
  );
  if (ledger.files.length === 0 && ledger.passedOver.length === 0) throw usage('input/no-files', { paths: inputs });

  const reports = validationReports(ledger);
  if (whomVisitor) {
    // what matching decided, per register: --explain shows it, the JSON gives it per row
    const byRegister = new Map(registersOf(ledger).map((e) => [e.register, e.results.whom as WhomResult | undefined]));
    const text = (m: Msg | Msg[]) => (Array.isArray(m) ? m.map((x) => render(x, ctx.lang)).join('; ') : render(m, ctx.lang));
    for (const r of reports) {
      const w = r.register ? byRegister.get(r.register) : undefined;
      if (!w) continue;
      const notes = whomNotes(w, roster, focus);
      for (const [k, m] of Object.entries(notes.detected)) r.detected[k] = { value: text(m), reason: k === 'roster' ? render({ id: 'roster/explain-rosters', data: { rosters: roster!.rosters.map((x) => x.file) } }, ctx.lang) : '' };
      r.households = notes.households;
    }
  }
  // --explain: each roster with the header found and how its columns were read
  if (flags.explain && roster) reports.unshift(...roster.rosters.map(rosterReport));
  const report = renderReports(reports, ctx.lang, ledger.passedOver);
  if (flags.annotate) await (await import('../outputs.js')).writeAnnotated(reports, ledger, flags.annotate, inputs, Boolean(flags.force), ctx);

  if (flags.format === 'json') ctx.io.stdout(formatJson(report));
  else {
    // the terminal report's code (its tables, chalk: ~35 KB) is loaded only for it: --format json never compiles it
    const { formatPretty } = await import('../../formatters/pretty.js');
    ctx.io.stdout(
      formatPretty(report, {
        color: useColor(ctx.io, flags.color),
        ...terminalLayout(ctx.io),
        explain: Boolean(flags.explain),
        verbose: Boolean(flags.verbose),
      }),
    );
  }

  // nothing could be read at all: the job could not be done
  const readable = ledger.files.some((f) => f.registers.length > 0 || f.tables.length > 0 || f.kind === 'quota-table');
  if (!readable) return EXIT.failed;
  const { errors, warnings } = report.summary;
  return errors > 0 || (strict && warnings > 0) ? EXIT.problems : EXIT.ok;
};

export default validate;
