// fupin init DIR: lays out a ready ledger repository (blank registers per 市州 and county, config, README, git and CI files).
import path from 'node:path';
import type { Lang } from '../../core/model.js';
import { InitError, initLedger, packageVersion } from '../../io/init.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { progress } from '../progress.js';
import { parseLang } from './validate.js';

export interface InitFlags {
  province: string;
  year: string;
  force?: boolean;
  lang: string;
}

const T = {
  zh: {
    noDir: '请指定台账文件夹，例如：fupin init 湖南省登记表',
    badYear: (v: string) => `--year 应为四位数的年份，例如 2016（收到 “${v}”）`,
    done: (dir: string, created: number, kept: number, cities: number, counties: number) =>
      `已在 ${dir} 建好台账：${cities} 个市州、${counties} 个县市区的空白登记表，共写出 ${created} 个文件${kept ? `，已有的 ${kept} 个文件保持不变` : ''}。`,
    next: (dir: string) =>
      [
        '下一步：',
        `  cd ${dir}`,
        '  git init && git add . && git commit -m "台账"      # 然后推送到 GitHub 或 GitLab',
        '  fupin check .                                      # 检查全部登记表',
        '  git config diff.fupin.textconv "npx --no-install fupin cat"   # 让 git diff 逐行显示登记表的改动',
        '说明见 README.md。',
      ].join('\n'),
  },
  en: {
    noDir: 'give the ledger folder, e.g. fupin init hunan-ledger',
    badYear: (v: string) => `--year must be a four-digit year, e.g. 2016 (got "${v}")`,
    done: (dir: string, created: number, kept: number, cities: number, counties: number) =>
      `Ledger laid out in ${dir}: blank registers for ${cities} cities and ${counties} counties, ${created} files written${kept ? `, ${kept} existing files left as they were` : ''}.`,
    next: (dir: string) =>
      [
        'Next:',
        `  cd ${dir}`,
        '  git init && git add . && git commit -m "ledger"    # then push to GitHub or GitLab',
        '  fupin check .                                      # check every register',
        '  git config diff.fupin.textconv "npx --no-install fupin cat"   # git diff shows register changes row by row',
        'See README.md.',
      ].join('\n'),
  },
} as const;

function both(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? `${zh} / ${en}` : `${en} / ${zh}`;
}

export async function initCommand(dir: string | undefined, flags: InitFlags, io: CliIO): Promise<number> {
  const lang = parseLang(flags.lang);
  if (!dir) throw new UsageError(both(lang, T.zh.noDir, T.en.noDir));
  const year = Number(flags.year);
  if (!/^\d{4}$/.test(String(flags.year).trim()) || year < 2000 || year > 2100) {
    throw new UsageError(both(lang, T.zh.badYear(flags.year), T.en.badYear(flags.year)));
  }
  const bar = progress(io, lang);
  let result;
  try {
    result = await initLedger(path.resolve(io.cwd, dir), {
      province: flags.province,
      year,
      force: Boolean(flags.force),
      version: await packageVersion(),
      onFile: bar.tick,
    });
  } catch (e) {
    if (e instanceof InitError) throw new UsageError(both(lang, e.zh, e.en));
    throw e;
  } finally {
    bar.done();
  }
  const t = T[lang];
  io.stdout(`${t.done(dir, result.created.length, result.kept.length, result.cities, result.counties)}\n${t.next(dir)}\n`);
  return EXIT.ok;
}
