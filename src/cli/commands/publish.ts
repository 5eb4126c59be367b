// fupin publish PATH… [-o FILE | --format json|html]: the public listing (core/publish), names masked, addresses cut.
import path from 'node:path';
import { HouseholdIndex } from '../../core/household.js';
import { placeText } from '../../core/ledger/left-out.js';
import { planPublish, publicRows } from '../../core/publish/listing.js';
import type { PublishLevel } from '../../core/publish/mask.js';
import { render, renderProblem } from '../../formatters/catalogue/index.js';
import { formatPublishCsv, formatPublishHtml, formatPublishJson, formatPublishPretty, publishDocument } from '../../formatters/publish.js';
import { writeTablesWorkbook } from '../../io/writers/tables.js';
import { EXIT, usage } from '../errors.js';
import { openLedger, type ReadingFlags } from '../ledger.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface PublishFlags extends ReadingFlags {
  output?: string;
  format?: string;
  level?: PublishLevel;
  force?: boolean;
}

const OUTPUT_TYPES = ['.xlsx', '.csv', '.html', '.json'];

const publish: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as PublishFlags;
  const inputs = paths as string[];
  if (inputs.length === 0) throw usage('publish/no-paths');
  const ext = flags.output ? path.extname(flags.output).toLowerCase() : undefined;
  if (flags.output && !OUTPUT_TYPES.includes(ext!)) throw usage('publish/bad-output', { value: flags.output });
  if (flags.output) await checkTarget(flags.output, ctx, { force: flags.force, inputs });
  const level = flags.level ?? 'village';

  const { ledger, profile } = await openLedger(inputs, flags, ctx, (_registry, p) => [publicRows(new HouseholdIndex(p.divisions), level)]);
  if (ledger.files.length === 0) throw usage('input/no-files', { paths: inputs });
  const say = (id: string, data?: Record<string, string | number>): void => ctx.io.stderr(`${render({ id, ...(data ? { data } : {}) }, ctx.lang)}\n`);
  for (const f of ledger.files) if (f.failure) say('publish/skipped', { file: f.file, reason: renderProblem(f.failure, ctx.lang) });
  const listing = planPublish(ledger, level, ledger.registry);
  if (listing.entries.length === 0) throw usage('publish/no-pairings');
  const doc = publishDocument(listing, profile.name, ctx.lang);

  if (flags.output) {
    let bytes: Uint8Array;
    if (ext === '.xlsx') bytes = await writeTablesWorkbook({ kind: 'publish', title: doc.title, note: doc.note, tables: doc.tables });
    else if (ext === '.csv') bytes = Buffer.from(formatPublishCsv(doc), 'utf8');
    else if (ext === '.html') bytes = Buffer.from(formatPublishHtml(doc, ctx.lang), 'utf8');
    else bytes = Buffer.from(formatPublishJson(listing, doc), 'utf8');
    await writeOutput(flags.output, bytes, ctx, { force: flags.force, inputs: ledger.files.map((f) => f.abs) });
    say('publish/written', { n: listing.totals.pairings, households: listing.totals.households, orgs: listing.totals.orgs, file: flags.output });
  }
  if (flags.format === 'json') ctx.io.stdout(formatPublishJson(listing, doc));
  else if (flags.format === 'html') ctx.io.stdout(formatPublishHtml(doc, ctx.lang));
  else if (!flags.output) ctx.io.stdout(formatPublishPretty(doc));
  if (listing.noName) {
    say('publish/no-name', { n: listing.noName });
    for (const l of listing.leftOut) ctx.io.stderr(`  ${render({ id: `publish/rows-${l.reason}`, data: { file: placeText(l), rows: l.rows } }, ctx.lang)}\n`);
  }
  if (listing.repeated) say('publish/repeated', { n: listing.repeated });
  if (listing.amountsDropped) say('publish/amount-dropped', { n: listing.amountsDropped });
  // rows left out of the listing are the clerk's to see (exit 1); the listing is written all the same
  return listing.noName ? EXIT.problems : EXIT.ok;
};

export default publish;
