// fupin cat FILE: prints a register (or 统计表) as canonical CSV on stdout — the text git diff shows through a textconv driver.
//
// Exit codes: 0 = printed; 2 = the file is missing, a folder, or cannot be read (one-line reason on stderr).
// Use from git: `.gitattributes` has `*.xlsx diff=fupin` (and `*.csv diff=fupin`), and
// `git config diff.fupin.textconv "npx fupin cat"` makes `git diff` show registers row by row.
import { stat } from 'node:fs/promises';
import { renderMessage } from '../../core/catalogue.js';
import { catFile } from '../../io/canonical-csv.js';
import { parseEncodingName, type EncodingName } from '../../io/csv.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { parseLang } from './validate.js';

export interface CatFlags {
  lang: string;
  encoding?: string;
}

export async function catCommand(file: string | undefined, flags: CatFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  let encoding: EncodingName | undefined;
  if (flags.encoding) {
    encoding = parseEncodingName(flags.encoding);
    if (!encoding) throw new UsageError(`不认识的编码 “${flags.encoding}”：可用 utf-8、gbk、gb18030、utf-16le / unknown encoding`);
  }
  if (!file) throw new UsageError('请指定一个登记表文件，例如：fupin cat 溆浦县.xlsx / give one register file');
  const st = await stat(file).catch(() => undefined);
  if (!st) throw new UsageError(`找不到：${file} / not found: ${file}`);
  if (st.isDirectory()) throw new UsageError(`fupin cat 只接受一个文件，${file} 是文件夹 / fupin cat takes one file, ${file} is a folder`);

  const r = await catFile(file, encoding ? { encoding } : {});
  if (!r.ok) {
    if ('missing' in r) throw new UsageError(`找不到：${r.missing} / not found: ${r.missing}`);
    throw new UsageError(`${r.file}：${renderMessage(r.problem, lang)}`);
  }
  io.stdout(r.text);
  return EXIT.ok;
}
