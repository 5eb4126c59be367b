// One check of an uploaded batch, as `fupin check` does it but in-process: the ledger layer reads the batch folder once
// through the validation, pairing and card visitors; checkLedger decides (validation, 附3, quotas); the same writers as
// validate --annotate, rollup -o, quota -o and cards -o make the downloads into the batch's own output folder.
import path from 'node:path';
import { defaultConfig } from '../core/config.js';
import { HouseholdIndex } from '../core/household.js';
import { cardRows, planCards } from '../core/ledger/cards.js';
import { planPublish, publicRows } from '../core/publish/listing.js';
import { publishDocument } from '../formatters/publish.js';
import { writeTablesWorkbook } from '../io/writers/tables.js';
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
import { ZipWriter } from '../io/zip-write.js';
import type { CommandContext } from '../cli/commands/index.js';
import { configuredQuotaTable } from '../cli/ledger-config.js';
import { openLedger, type ReadingFlags } from '../cli/ledger.js';
import type { Ledger, LedgerFile } from '../core/ledger/model.js';
import type { Download } from './view.js';

export interface CheckedBatch {
  result: CheckResult;
  ledger: Ledger;
  profile: ProvinceProfile;
  checkedAt: Date;
  /** Each download, made on its first request (the annotated copies all at once: one exceljs pass per register). */
  downloads: (Download & { make: () => Promise<Buffer> })[];
}

export interface BatchCheckOptions {
  /** The folder of the uploads (read only) and the folder the downloads are written to (outside it). */
  input: string;
  output: string;
  lang: Lang;
  /** --province and the --max-… limits of `fupin serve`. */
  flags: ReadingFlags;
  onFile?: (done: number, total: number, file: string) => void;
}

/** A command's context that says nothing (the page shows what it needs), reading relative to `cwd`. */
export const quietContext = (cwd: string, lang: Lang): CommandContext => ({
  io: { stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false, columns: 100, env: {}, cwd },
  lang,
  debug: false,
});

/** Reads and checks the batch, then writes its downloads. A config file among the uploads is not used: defaults only. */
export async function checkBatch(opts: BatchCheckOptions): Promise<CheckedBatch> {
  const ctx = quietContext(opts.input, opts.lang);
  const loaded: LoadedConfig = { config: defaultConfig(), base: opts.input };
  const { ledger, profile } = await openLedger(
    [opts.input],
    opts.flags,
    ctx,
    (registry, p) => [
      validation(allRules, { strict: false, divisions: p.divisions, ...(registry ? { registry } : {}) }),
      pairings(new HouseholdIndex(p.divisions), (r) => keepsAddresses(r.area.level)),
      cardRows(new HouseholdIndex(p.divisions)),
      publicRows(new HouseholdIndex(p.divisions), 'village'),
    ],
    { config: loaded, ...(opts.onFile ? { onFile: opts.onFile } : {}) },
  );
  const table = await configuredQuotaTable({ loaded, configFile: 'fupin.config.json' }, profile, ctx);
  const result = checkLedger({ ledger, profile, config: loaded.config, quotaTable: table, strict: false, shown: (f) => f });
  const checkedAt = new Date();
  const downloads: CheckedBatch['downloads'] = [];
  const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= f());
  };
  const made = (name: string, bytes: () => Promise<Uint8Array>) =>
    once(async () => {
      const data = Buffer.from(await bytes());
      // kept on disk too (the batch's output folder), served from memory
      await writeMade(path.join(opts.output, 'made', name), data);
      return data;
    });
  const add = (d: Omit<Download, 'id'>, make: () => Promise<Buffer>): void => void downloads.push({ id: `d${downloads.length + 1}`, ...d, make });

  // the registers annotate.ts will copy (readable, not fupin's own), each named as its copy will be
  const annotatedDir = path.join(opts.output, 'annotated');
  const annotateAll = once(() =>
    annotateReports(result.reports, ledger.files, annotatedDir, { inputs: [opts.input], render: (p) => renderProblem(p, opts.lang), say: (m) => render(m, opts.lang) }),
  );
  const copied = ledger.files.filter((f) => !(f.kind === 'own-output' || f.failure || (f.registers.length === 0 && f.tables.length === 0)));
  // a copy is named as its register (溆浦县.xlsx); two registers of one name in two folders (怀化市/市本级.xlsx,
  // 长沙市/市本级.xlsx) take their folders into the name (怀化市-市本级.xlsx); one that would still share a name (溆浦县.xlsx
  // and 溆浦县.csv side by side: both copies are .xlsx) takes its own extension too (溆浦县-csv.xlsx), so no two
  // downloads share a name (compared as Windows does, ignoring case)
  const baseName = (f: LedgerFile) => path.basename(f.file, path.extname(f.file));
  const times = new Map<string, number>();
  for (const f of copied) times.set(baseName(f).toLowerCase(), (times.get(baseName(f).toLowerCase()) ?? 0) + 1);
  const taken = new Set<string>();
  for (const f of copied) {
    const unique = times.get(baseName(f).toLowerCase()) === 1;
    let stem = unique ? baseName(f) : f.file.slice(0, f.file.length - path.extname(f.file).length).split('/').join('-');
    if (taken.has(stem.toLowerCase())) stem = `${stem}-${path.extname(f.file).slice(1) || 'copy'}`;
    const root = stem;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${root}-${n}`;
    taken.add(stem.toLowerCase());
    const name = `${stem}.xlsx`;
    add({ kind: 'annotated', name, source: f.file }, async () => {
      const w = (await annotateAll()).written.find((x) => x.file === f.file);
      if (!w) throw new Error(`no annotated copy of ${f.file}`);
      return readMade(w.out);
    });
  }
  const rollup = result.rollup;
  if (rollup) {
    const name = `附3-统计表-${rollup.table.area}.xlsx`;
    add({ kind: 'stats', name }, made(name, () => writeStatsTable(rollup.table, { title: profile.titles.stats, date: formDate(checkedAt) })));
  }
  const quota = result.quota;
  if (quota && 'rows' in table) {
    const name = '附4-任务完成情况.xlsx';
    add({ kind: 'quota', name }, made(name, () => quotaProgressWorkbook(quota, table, { say: (m) => render(m, opts.lang) })));
  }
  const cards = planCards(ledger);
  if (cards.cards.length > 0) {
    const name = '附1-结对帮扶卡.xlsx';
    add({ kind: 'cards', name }, made(name, () => writeCards(cards.cards, { title: profile.titles.card })));
  }
  // the public listing (fupin publish): names masked, addresses cut after the village, nothing personal
  const listing = planPublish(ledger, 'village', ledger.registry);
  if (listing.entries.length > 0) {
    const name = '公示版-结对名单.xlsx';
    const doc = publishDocument(listing, profile.name, opts.lang);
    add({ kind: 'publish', name }, made(name, () => writeTablesWorkbook({ kind: 'publish', title: doc.title, note: doc.note, tables: doc.tables })));
  }
  if (downloads.length > 0) {
    const parts = [...downloads];
    // everything in one archive: the forms at the top, the annotated copies under 标注副本/ by their path
    add({ kind: 'zip', name: 'fupin-检查结果.zip' }, once(async () => {
      const zip = new ZipWriter();
      const out: Buffer[] = [];
      for (const x of parts) if (x.kind !== 'annotated') out.push(...zip.add({ name: x.name, data: await x.make() }));
      if (parts.some((x) => x.kind === 'annotated')) {
        for (const w of (await annotateAll()).written) {
          out.push(...zip.add({ name: `标注副本/${path.relative(annotatedDir, w.out).split(path.sep).join('/')}`, data: await readMade(w.out) }));
        }
      }
      return Buffer.concat([...out, ...zip.finish()]);
    }));
  }
  return { result, ledger, profile, checkedAt, downloads };
}

/** The bytes of a download by its id, made now if they were not yet. */
export async function downloadBytes(batch: CheckedBatch, id: string): Promise<{ name: string; bytes: Buffer } | undefined> {
  const d = batch.downloads.find((x) => x.id === id);
  return d ? { name: d.name, bytes: await d.make() } : undefined;
}
