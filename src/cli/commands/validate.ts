// fupin validate: check registers cell by cell and print the problems (pretty for clerks, json for scripts).
import { validation } from '../../core/ledger/visitors.js';
import { validationReports } from '../../core/ledger/report.js';
import { allRules } from '../../core/rules/index.js';
import { formatJson } from '../../formatters/json.js';
import { formatPretty } from '../../formatters/pretty.js';
import { renderReports } from '../../formatters/report.js';
import { EXIT, usage } from '../errors.js';
import { terminalLayout, useColor } from '../io.js';
import { openLedger, type ReadingFlags } from '../ledger.js';
import { repairInto } from '../repair.js';
import { writeAnnotated } from '../outputs.js';
import type { CommandFn } from './index.js';

interface ValidateFlags extends ReadingFlags {
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
    const repaired = await repairInto(inputs, flags.out, flags, { ...ctx, io: { ...ctx.io, stdout: ctx.io.stderr } });
    if (repaired === EXIT.failed) return repaired;
    const { fix: _fix, out: _out, ...rest } = flags;
    return Math.max(repaired, await validate([[flags.out]], rest, ctx));
  }

  const strict = Boolean(flags.strict);
  const { ledger } = await openLedger(inputs, flags, ctx, (registry, profile) => [
    validation(allRules, { strict, divisions: profile.divisions, ...(registry ? { registry } : {}) }),
  ]);
  if (ledger.files.length === 0 && ledger.passedOver.length === 0) throw usage('input/no-files', { paths: inputs });

  const reports = validationReports(ledger);
  const report = renderReports(reports, ctx.lang, ledger.passedOver);
  if (flags.annotate) await writeAnnotated(reports, ledger, flags.annotate, inputs, Boolean(flags.force), ctx);

  if (flags.format === 'json') ctx.io.stdout(formatJson(report));
  else
    ctx.io.stdout(
      formatPretty(report, {
        color: useColor(ctx.io, flags.color),
        ...terminalLayout(ctx.io),
        explain: Boolean(flags.explain),
        verbose: Boolean(flags.verbose),
      }),
    );

  // nothing could be read at all: the job could not be done
  const readable = ledger.files.some((f) => f.registers.length > 0 || f.tables.length > 0 || f.kind === 'quota-table');
  if (!readable) return EXIT.failed;
  const { errors, warnings } = report.summary;
  return errors > 0 || (strict && warnings > 0) ? EXIT.problems : EXIT.ok;
};

export default validate;
