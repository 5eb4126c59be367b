// fupin init DIR: lays out a ready ledger repository (blank registers per 市州 and county, config, README, git and CI files).
import path from 'node:path';
import type { Lang } from '../../core/model.js';
import { InitError, initLedger } from '../../io/init.js';
import { CHECK_SCRIPT, LedgerToolsError, TEXTCONV, updateLedgerTools, type BuildId, type ToolFileStatus, type ToolsUpdate } from '../../io/ledger-tools.js';
import { packageVersion } from '../../io/package-root.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { progress } from '../progress.js';
import { parseLang } from './validate.js';

export interface InitFlags {
  province: string;
  year: string;
  force?: boolean;
  update?: boolean;
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
        `  sh ${CHECK_SCRIPT}                                # 检查全部登记表（和 CI 一样）`,
        `  ${TEXTCONV}   # 让 git diff 逐行显示登记表的改动`,
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
        `  sh ${CHECK_SCRIPT}                                # check every register (as CI does)`,
        `  ${TEXTCONV}   # git diff shows register changes row by row`,
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
  if (flags.update) return updateCommand(dir, lang, io);
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
      version: packageVersion(),
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

// ── fupin init --update DIR ──────────────────────────────────────────────────────────────────

const U = {
  zh: {
    build: (b: BuildId) => `fupin ${b.version ?? '（版本不明）'}（sha256 ${b.sha256.slice(0, 12)}…）`,
    changed: (from: string, to: string) => `已更新台账里的 fupin：${from} → ${to}`,
    same: (b: string) => `台账里的 fupin 已是这个版本：${b}`,
    first: (b: string) => `已把 fupin 放进台账：${b}`,
    status: {
      created: '新写出',
      updated: '已更新',
      unchanged: '未变',
      'replaced-npx': '已改为调用 .fupin/check.sh（原来的 npx fupin@… 无法运行）',
      kept: '保留原样（改动过；请确认它调用 sh .fupin/check.sh）',
    } satisfies Record<ToolFileStatus, string>,
    readme: 'README.md 还在说用 npx 安装 fupin：删除它后运行 fupin init --force . 可得到新的说明（其他文件不动）。',
    commit: (v: string) => `检查无误后提交：git add -A .fupin .github .gitlab-ci.yml .gitattributes && git commit -m "fupin ${v}"`,
    textconv: `如果这台电脑设置过 git 的 textconv，重新执行一次：${TEXTCONV}`,
  },
  en: {
    build: (b: BuildId) => `fupin ${b.version ?? '(unknown version)'} (sha256 ${b.sha256.slice(0, 12)}…)`,
    changed: (from: string, to: string) => `The ledger's fupin was updated: ${from} → ${to}`,
    same: (b: string) => `The ledger already has this fupin: ${b}`,
    first: (b: string) => `fupin was put into the ledger: ${b}`,
    status: {
      created: 'written',
      updated: 'updated',
      unchanged: 'unchanged',
      'replaced-npx': 'now calls .fupin/check.sh (its npx fupin@… could never run)',
      kept: 'kept as edited (check that it runs sh .fupin/check.sh)',
    } satisfies Record<ToolFileStatus, string>,
    readme: 'README.md still says to install fupin with npx: delete it and run fupin init --force . for the new one (nothing else is touched).',
    commit: (v: string) => `Review, then commit: git add -A .fupin .github .gitlab-ci.yml .gitattributes && git commit -m "fupin ${v}"`,
    textconv: `If this machine had git's textconv set up, run once more: ${TEXTCONV}`,
  },
} as const;

export function describeUpdate(u: ToolsUpdate, lang: Lang): string {
  const t = U[lang];
  const after = t.build(u.after);
  const head = !u.before ? t.first(after) : u.before.sha256 === u.after.sha256 ? t.same(after) : t.changed(t.build(u.before), after);
  const width = Math.max(...u.files.map((f) => f.rel.length));
  const lines = [head, ...u.files.map((f) => `  ${f.rel.padEnd(width)}  ${t.status[f.status]}`)];
  if (u.readmeMentionsNpx) lines.push(t.readme);
  if (u.files.some((f) => f.status !== 'unchanged' && f.status !== 'kept')) lines.push(t.commit(u.after.version ?? ''), t.textconv);
  return `${lines.join('\n')}\n`;
}

async function updateCommand(dir: string, lang: Lang, io: CliIO): Promise<number> {
  let result: ToolsUpdate;
  try {
    result = await updateLedgerTools(path.resolve(io.cwd, dir));
  } catch (e) {
    if (e instanceof LedgerToolsError) throw new UsageError(both(lang, e.zh, e.en));
    throw e;
  }
  io.stdout(describeUpdate(result, lang));
  return EXIT.ok;
}
