// One check of an uploaded batch, as `fupin check` does it but in-process: the ledger layer reads the batch folder once
// through the validation, pairing and card visitors; checkLedger decides (validation, 附3, quotas); the same writers as
// validate --annotate, rollup -o, quota -o and cards -o make the downloads into the batch's own output folder.
import path from 'node:path';
import { defaultConfig } from '../core/config.js';
import { HouseholdIndex } from '../core/household.js';
import { cardRows, planCards } from '../core/ledger/cards.js';
import { checkLedger, type CheckResult } from '../core/ledger/check.js';
import { keepsAddresses } from '../core/ledger/quota-actuals.js';
import { pairings, validation } from '../core/ledger/visitors.js';
import type { Lang } from '../core/model.js';
import type { ProvinceProfile } from '../core/profile.js';
import { allRules } from '../core/rules/index.js';
import { render, renderProblem } from '../formatters/catalogue/index.js';
import { annotateReports } from '../io/annotate.js';
import type { LoadedConfig } from '../io/config.js';
import { readMade, writeMade } from '../io/serve-store.js';
import { writeCards } from '../io/writers/cards.js';
import { quotaProgressWorkbook } from '../io/writers/quota-progress.js';
import { writeStatsTable } from '../io/writers/stats.js';
import { formDate } from '../io/writers/template-book.js';
import { zipFiles } from '../io/zip-write.js';
import type { CommandContext } from '../cli/commands/index.js';
import { configuredQuotaTable } from '../cli/ledger-config.js';
import { openLedger, type ReadingFlags } from '../cli/ledger.js';
import type { Ledger } from '../core/ledger/model.js';
import type { Download } from './view.js';

export interface CheckedBatch {
  result: CheckResult;
  ledger: Ledger;
  profile: ProvinceProfile;
  checkedAt: Date;
  /** Each download with where its bytes are. */
  downloads: (Download & { file?: string })[];
}

export interface BatchCheckOptions {
  /** The folder of the uploads (read only) and the folder the downloads are written to (outside it). */
  input: string;
  output: string;
  lang: Lang;
  /** --province and the --max-… limits of `fupin serve`. */
  flags: ReadingFlags;
  onFile?: (done: number, total: number, file: string) => void;
  onPhase?: (phase: 'preparing') => void;
}

const quiet = (cwd: string, lang: Lang): CommandContext => ({
  io: { stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false, columns: 100, env: {}, cwd },
  lang,
  debug: false,
});

/** Reads and checks the batch, then writes its downloads. A config file among the uploads is not used: defaults only. */
export async function checkBatch(opts: BatchCheckOptions): Promise<CheckedBatch> {
  const ctx = quiet(opts.input, opts.lang);
  const loaded: LoadedConfig = { config: defaultConfig(), base: opts.input };
  const { ledger, profile } = await openLedger(
    [opts.input],
    opts.flags,
    ctx,
    (registry, p) => [
      validation(allRules, { strict: false, divisions: p.divisions, ...(registry ? { registry } : {}) }),
      pairings(new HouseholdIndex(p.divisions), (r) => keepsAddresses(r.area.level)),
      cardRows(new HouseholdIndex(p.divisions)),
    ],
    { config: loaded, ...(opts.onFile ? { onFile: opts.onFile } : {}) },
  );
  const table = await configuredQuotaTable({ loaded, configFile: 'fupin.config.json' }, profile, ctx);
  const result = checkLedger({ ledger, profile, config: loaded.config, quotaTable: table, strict: false, shown: (f) => f });
  opts.onPhase?.('preparing');
  const checkedAt = new Date();
  const downloads: CheckedBatch['downloads'] = [];
  let n = 0;
  const add = async (d: Omit<Download, 'id'>, bytes?: Uint8Array, file?: string): Promise<void> => {
    const id = `d${++n}`;
    const at = file ?? path.join(opts.output, 'made', id, d.name);
    if (bytes) await writeMade(at, bytes);
    downloads.push({ id, ...d, file: at });
  };

  const annotated = await annotateReports(result.reports, ledger.files, path.join(opts.output, 'annotated'), {
    lang: opts.lang,
    inputs: [opts.input],
    render: (p) => renderProblem(p, opts.lang),
  });
  for (const w of annotated.written) await add({ kind: 'annotated', name: path.basename(w.out), source: w.file }, undefined, w.out);
  if (result.rollup) {
    const bytes = await writeStatsTable(result.rollup.table, { title: profile.titles.stats, date: formDate(checkedAt) });
    await add({ kind: 'stats', name: `附3-统计表-${result.rollup.table.area}.xlsx` }, bytes);
  }
  if (result.quota && 'rows' in table) {
    const bytes = await quotaProgressWorkbook(result.quota, table, { lang: opts.lang, say: (m) => render(m, opts.lang) });
    await add({ kind: 'quota', name: '附4-任务完成情况.xlsx' }, bytes);
  }
  const cards = planCards(ledger);
  if (cards.cards.length > 0) await add({ kind: 'cards', name: '附1-结对帮扶卡.xlsx' }, await writeCards(cards.cards, { title: profile.titles.card }));
  if (downloads.length > 0) downloads.push({ id: `d${++n}`, kind: 'zip', name: 'fupin-检查结果.zip' });
  return { result, ledger, profile, checkedAt, downloads };
}

/** The bytes of a download: its file, or for the ZIP every other download (annotated copies under 标注副本/ by their path). */
export async function downloadBytes(batch: CheckedBatch, id: string): Promise<{ name: string; bytes: Buffer } | undefined> {
  const d = batch.downloads.find((x) => x.id === id);
  if (!d) return undefined;
  if (d.kind !== 'zip') return { name: d.name, bytes: await readMade(d.file!) };
  const entries = [];
  for (const x of batch.downloads) {
    if (x.kind === 'zip') continue;
    const inZip = x.kind === 'annotated' ? `标注副本/${path.posix.join(path.posix.dirname(x.source ?? x.name), x.name)}` : x.name;
    entries.push({ name: inZip, bytes: await readMade(x.file!) });
  }
  return { name: d.name, bytes: zipFiles(entries, batch.checkedAt) };
}
