// fupin cat FILE: prints a register (or 统计表) as canonical CSV on stdout — the text git diff shows through a textconv driver.
//
// Exit codes: 0 = printed; 2 = the file is missing, a folder, or cannot be read (one-line reason on stderr).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { renderProblem } from '../../formatters/catalogue/index.js';
import { canonicalRows, catLedgerFile } from '../../io/canonical-csv.js';
import { EXIT, usage } from '../errors.js';
import { encodingOf, openLedger, type ReadingFlags } from '../ledger.js';
import type { CommandFn } from './index.js';

const cat: CommandFn = async ([file], raw, ctx) => {
  const flags = raw as ReadingFlags;
  const encoding = encodingOf(flags);
  if (typeof file !== 'string' || !file) throw usage('cat/no-file');
  const st = await stat(path.resolve(ctx.io.cwd, file)).catch(() => undefined);
  if (!st) throw usage('cli/not-found', { paths: [file] });
  if (st.isDirectory()) throw usage('cat/folder', { file });
  const { ledger } = await openLedger([file], flags, ctx, () => [canonicalRows]);
  const f = ledger.files[0];
  if (!f) throw usage('cat/nothing', { file });
  const r = await catLedgerFile(f, encoding ? { encoding } : {});
  if (!r.ok) throw usage('cat/unreadable', { file: r.file, why: renderProblem(r.problem, ctx.lang) });
  ctx.io.stdout(r.text);
  return EXIT.ok;
};

export default cat;
