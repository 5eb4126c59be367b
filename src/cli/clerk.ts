// A clerk's executable started from Explorer: double-clicked (no arguments) or with files and folders dropped onto it.
// The drop validates, writes annotated copies and the filled 附3 into a new folder beside the inputs, shows the result
// in Chinese and keeps the window open until Enter. It calls the commands through run() of main.ts (passed in, so this
// module loads only in the executable), the stable seam for now.
import path from 'node:path';
import { allExistingPaths, makeResultFolder, writeTranscript } from '../io/drop-folder.js';
import { isPackagedExecutable } from '../io/package-root.js';
import { type RunCli, startClerkPage } from './clerk-page.js';
import type { CliIO } from './io.js';

export interface ClerkEnv {
  /** Running as the packaged executable (a Node single executable application). */
  packaged: boolean;
  platform: NodeJS.Platform;
  now: () => Date;
  /** Resolves when the clerk presses Enter (or stdin ends). */
  waitForEnter: () => Promise<void>;
}

export type ClerkLaunch = 'double-click' | 'drop' | undefined;

/**
 * How the executable was started: by a double-click (the Windows executable, no arguments), by a drop (every argument
 * an existing absolute path: Explorer passes full paths, a typed command starts with a subcommand), or from a command
 * line (undefined: run the CLI as usual). `node bin/fupin.js` is never a clerk launch.
 */
export function clerkLaunchKind(argv: readonly string[], env: Pick<ClerkEnv, 'packaged' | 'platform'>): ClerkLaunch {
  if (!env.packaged) return undefined;
  if (argv.length === 0) return env.platform === 'win32' ? 'double-click' : undefined;
  return allExistingPaths(argv) ? 'drop' : undefined;
}

/** Resolves on the first line (or end) of stdin, then lets the process end. */
export function waitForEnter(stdin: NodeJS.ReadStream = process.stdin): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stdin.off('data', done);
      stdin.off('end', done);
      stdin.off('error', done);
      stdin.pause();
      resolve();
    };
    stdin.on('data', done);
    stdin.on('end', done);
    stdin.on('error', done);
    stdin.resume();
  });
}

export function processClerkEnv(): ClerkEnv {
  return { packaged: isPackagedExecutable(), platform: process.platform, now: () => new Date(), waitForEnter: () => waitForEnter() };
}

/** A double-click or a drop: handled here, with its exit code; anything else: undefined (the caller runs the CLI). */
export async function clerkLaunch(
  argv: string[],
  run: RunCli,
  io: CliIO,
  env: ClerkEnv = processClerkEnv(),
): Promise<number | undefined> {
  switch (clerkLaunchKind(argv, env)) {
    case 'double-click':
      return startClerkPage(run, io, env.waitForEnter);
    case 'drop':
      return checkDropped(argv, run, io, env);
    default:
      return undefined;
  }
}

const T = {
  start: (n: number, dir: string) =>
    `fupin 正在检查拖入的 ${n} 个文件或文件夹，结果写到：\n  ${dir}\n（Checking the ${n} dropped item(s); results go to the folder above.)\n\n`,
  noFolder: (why: string) =>
    `✖ 无法新建存放结果的文件夹：${why}\n  请把登记表复制到“桌面”或“文档”里的一个文件夹，再拖到 fupin 上。\n  (Cannot make a folder for the results; copy the registers to a folder on the Desktop and drop them again.)\n`,
  verdict: {
    0: '✔ 检查完毕：没有发现错误。(No errors found.)',
    1: '✖ 检查完毕：发现需要修改的地方，见上面的说明；标注副本里问题单元格已标色并加批注。(Problems found: see above and the annotated copies.)',
    2: '✖ 无法检查：原因见上面的说明。(Could not check: see the reason above.)',
  } as Record<number, string>,
  stats: (file: string) => `附3 统计表已写出：${file}\n(The filled 附3 statistics table.)`,
  noStats: '附3 统计表没有写出：原因见上面的说明（例如拖入的不是同一个市州或全省的登记表）。(No 附3 table: see the reason above.)',
  saved: (dir: string) => `以上结果和标注副本都在这个文件夹里：\n  ${dir}\n原来的文件没有改动。(Everything above is in this folder; your files were not changed.)`,
  crashed: (why: string) => `✖ 出现意外错误：${why}\n(Unexpected error.)`,
  close: '\n按回车键关闭窗口 / press Enter to close\n',
};

/** Console colour codes and the progress bar's carriage-return lines, removed for the saved transcript. */
function plain(text: string): string {
  return text.replace(/\r\x1b\[2K[^\r\n]*/g, '').replace(/\x1b\[[0-9;]*m/g, '');
}

async function checkDropped(paths: string[], run: RunCli, io: CliIO, env: ClerkEnv): Promise<number> {
  let outDir: string;
  try {
    outDir = await makeResultFolder(paths, env.now());
  } catch (e) {
    io.stderr(T.noFolder(e instanceof Error ? e.message : String(e)));
    io.stdout(T.close);
    await env.waitForEnter();
    return 2;
  }
  const transcript: string[] = [];
  const tee: CliIO = {
    ...io,
    stdout: (t) => {
      transcript.push(t);
      io.stdout(t);
    },
    stderr: (t) => {
      transcript.push(t);
      io.stderr(t);
    },
  };
  let code = 2;
  try {
    tee.stdout(T.start(paths.length, outDir));
    code = await run(['validate', ...paths, '--annotate', outDir], tee);
    tee.stdout('\n');
    const stats = path.join(outDir, '附3-统计表.xlsx');
    const rolled = await run(['rollup', ...paths, '--output', stats], tee);
    tee.stdout(`\n${T.verdict[code] ?? T.verdict[2]}\n${rolled === 2 ? T.noStats : T.stats(stats)}\n\n`);
    await writeTranscript(path.join(outDir, '检查结果.txt'), plain(transcript.join('')));
    io.stdout(`${T.saved(outDir)}\n`);
  } catch (e) {
    io.stderr(`${T.crashed(e instanceof Error ? e.message : String(e))}\n`);
    code = 2;
  }
  io.stdout(T.close);
  await env.waitForEnter();
  return code;
}
