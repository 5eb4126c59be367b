// fupin cards REGISTER... -o FILE.xlsx: one printable 附1 结对帮扶卡 per pairing, pre-filled from the registers.
import path from 'node:path';
import { cardRows, planCards } from '../../core/ledger/cards.js';
import { placeText } from '../../core/ledger/left-out.js';
import { HouseholdIndex } from '../../core/household.js';
import { render, renderProblem } from '../../formatters/catalogue/index.js';
import { cardChunks } from '../../io/writers/cards.js';
import { EXIT, usage } from '../errors.js';
import { openLedger, type ReadingFlags } from '../ledger.js';
import { checkTarget, writeOutput } from '../outputs.js';
import type { CommandFn } from './index.js';

interface CardsFlags extends ReadingFlags {
  output?: string;
  force?: boolean;
}

const cards: CommandFn = async ([paths], raw, ctx) => {
  const flags = raw as CardsFlags;
  const inputs = paths as string[];
  if (inputs.length === 0) throw usage('cards/no-paths');
  if (!flags.output) throw usage('cards/no-output');
  if (path.extname(flags.output).toLowerCase() !== '.xlsx') throw usage('cards/bad-output', { value: flags.output });
  await checkTarget(flags.output, ctx, { force: flags.force, inputs });

  const { ledger, profile } = await openLedger(inputs, flags, ctx, (_registry, p) => [cardRows(new HouseholdIndex(p.divisions))]);
  if (ledger.files.length === 0) throw usage('input/no-files', { paths: inputs });
  const say = (id: string, data?: Record<string, string | number>): void => ctx.io.stderr(`${render({ id, ...(data ? { data } : {}) }, ctx.lang)}\n`);
  for (const f of ledger.files) if (f.failure) say('cards/skipped', { file: f.file, reason: renderProblem(f.failure, ctx.lang) });
  const plan = planCards(ledger);
  if (plan.cards.length === 0) throw usage('cards/no-pairings');

  await writeOutput(flags.output, cardChunks(plan.cards, { title: profile.titles.card }), ctx, { force: flags.force, inputs: ledger.files.map((f) => f.abs) });
  if (plan.noName) {
    say('cards/no-name', { n: plan.noName });
    for (const l of plan.leftOut) ctx.io.stderr(`  ${render({ id: 'cards/rows-no-name', data: { file: placeText(l), rows: l.rows } }, ctx.lang)}\n`);
  }
  if (plan.repeated) say('cards/repeated', { n: plan.repeated });
  ctx.io.stdout(`${render({ id: 'cards/written', data: { n: plan.cards.length, file: flags.output } }, ctx.lang)}\n`);
  // rows that got no card were left out: the clerk must see it (exit 1), the cards are written all the same
  return plan.noName ? EXIT.problems : EXIT.ok;
};

export default cards;
