// fupin orgs: every organisation in the registers with its type, level, area, households and how the type was decided;
// -o orgs.csv writes the registry for the clerk to correct. Exit 0 even when some types are default guesses (1 with --strict).
import path from 'node:path';
import { HouseholdIndex } from '../../core/household.js';
import { countedRegisters } from '../../core/ledger/plan-rollup.js';
import { pairings } from '../../core/ledger/visitors.js';
import { summariseOrgs } from '../../core/rollup.js';
import { formatOrgsCsv } from '../../formatters/orgs-csv.js';
import { formatOrgsJson } from '../../formatters/orgs-json.js';
import { formatOrgsPretty } from '../../formatters/orgs-pretty.js';
import { countOrgs, type OrgsReport } from '../../formatters/orgs-report.js';
import { renderFinding } from '../../formatters/rollup-report.js';
import { EXIT, usage } from '../errors.js';
import { terminalLayout, useColor } from '../io.js';
import { openLedger, type ReadingFlags } from '../ledger.js';
import { writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface OrgsFlags extends ReadingFlags {
  format: 'pretty' | 'json' | 'csv';
  output?: string;
  force?: boolean;
  strict?: boolean;
  color?: boolean;
}

const orgs: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as OrgsFlags;
  const inputs = paths as string[];
  const ext = flags.output ? path.extname(flags.output).toLowerCase() : undefined;
  if (flags.output && ext !== '.csv' && ext !== '.json') throw usage('orgs/bad-output', { value: flags.output });
  if (inputs.length === 0) throw usage('orgs/no-paths');

  const { ledger, profile } = await openLedger(inputs, flags, ctx, (_registry, p) => [pairings(new HouseholdIndex(p.divisions))]);
  const registers = countedRegisters(ledger);
  if (registers.length === 0) throw usage('orgs/no-registers', { paths: inputs });

  const problems = [
    ...ledger.registryProblems.map((p) => renderFinding({ ...p, file: String(p.data?.file ?? ledger.registryFile ?? 'orgs.csv') }, ctx.lang)),
    ...ledger.files.filter((f) => f.failure && f.tables.length === 0).map((f) => renderFinding({ ...f.failure!, file: f.file }, ctx.lang)),
  ];
  const report: OrgsReport = {
    province: profile.name,
    orgs: summariseOrgs(registers, { cityOrder: profile.cityNames, ...(ledger.registry ? { registry: ledger.registry } : {}) }),
    problems,
    source: { files: ledger.files.length, registers: registers.length },
    lang: ctx.lang,
  };
  if (flags.format === 'json') ctx.io.stdout(formatOrgsJson(report));
  else if (flags.format === 'csv') ctx.io.stdout(formatOrgsCsv(report));
  else ctx.io.stdout(formatOrgsPretty(report, { color: useColor(ctx.io, flags.color), ...terminalLayout(ctx.io) }));

  if (flags.output) {
    const bytes = Buffer.from(ext === '.json' ? formatOrgsJson(report) : formatOrgsCsv(report), 'utf8');
    await writeOutput(flags.output, bytes, ctx, { force: flags.force, inputs: [...ledger.files.map((f) => f.abs), ...(ledger.registryFile ? [ledger.registryFile] : [])] });
  }

  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.filter((p) => p.severity === 'warning').length;
  const guessed = countOrgs(report.orgs).guessed;
  if (errors > 0 || (flags.strict && (warnings > 0 || guessed > 0))) return EXIT.problems;
  return EXIT.ok;
};

export default orgs;
