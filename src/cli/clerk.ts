// A clerk's executable started from Explorer: double-clicked (no arguments) or with files and folders dropped onto it.
// The drop validates, writes annotated copies and the filled 附3 into a new folder beside the inputs, shows the result
// in Chinese and keeps the window open until Enter; it calls the commands through run() of main.ts (passed in, so this
// module loads only in the executable). A double-click opens the checking page of `fupin serve` until Enter.
import path from 'node:path';
import { allExistingPaths, makeResultFolder, ResultFolderError, writeTranscript } from '../io/drop-folder.js';
import type { Lang } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { openBrowser } from '../io/open-browser.js';
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
  /** Opens the page of a double-click in the default browser (absent: nothing is opened). */
  openPage?: (url: string) => void;
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
  return {
    packaged: isPackagedExecutable(),
    platform: process.platform,
    now: () => new Date(),
    waitForEnter: () => waitForEnter(),
    openPage: (url) => void openBrowser(url, process.env),
  };
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
      return startClerkPage(io, env.waitForEnter, env.openPage);
    case 'drop':
      return checkDropped(argv, run, io, env);
    default:
      return undefined;
  }
}

/** The clerk's words in the run's language (FUPIN_LANG, else Chinese). */
function sayer(io: CliIO): ((id: string, data?: Record<string, string | number>) => string) & { lang: Lang } {
  const lang: Lang = io.env.FUPIN_LANG === 'en' ? 'en' : 'zh';
  return Object.assign((id: string, data?: Record<string, string | number>) => render({ id: `clerk/${id}`, ...(data ? { data } : {}) }, lang), { lang });
}

/** Console colour codes and the progress bar's carriage-return lines, removed for the saved transcript. */
function plain(text: string): string {
  return text.replace(/\r\x1b\[2K[^\r\n]*/g, '').replace(/\x1b\[[0-9;]*m/g, '');
}

async function checkDropped(paths: string[], run: RunCli, io: CliIO, env: ClerkEnv): Promise<number> {
  const say = sayer(io);
  const close = `\n${say('close')}\n`;
  let outDir: string;
  try {
    outDir = await makeResultFolder(paths, env.now());
  } catch (e) {
    // the reason in the clerk's language (read-only, no space …), never a system error's English text
    const why = e instanceof ResultFolderError ? render(e.reason, say.lang) : render({ id: 'output/reason-unknown' }, say.lang);
    io.stderr(`${say('no-folder', { why })}\n`);
    io.stdout(close);
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
    tee.stdout(`${say('start', { n: paths.length, dir: outDir })}\n`);
    code = await run(['validate', ...paths, '--annotate', outDir], tee);
    tee.stdout('\n');
    const stats = path.join(outDir, '附3-统计表.xlsx');
    const rolled = await run(['rollup', ...paths, '--output', stats], tee);
    tee.stdout(`\n${say(code === 0 || code === 1 ? `verdict-${code}` : 'verdict-2')}\n${rolled === 2 ? say('no-stats') : say('stats', { file: stats })}\n\n`);
    await writeTranscript(path.join(outDir, '检查结果.txt'), plain(transcript.join('')));
    io.stdout(`${say('saved', { dir: outDir })}\n`);
  } catch (e) {
    io.stderr(`${say('crashed', { why: e instanceof Error ? e.message : String(e) })}\n`);
    code = 2;
  }
  io.stdout(close);
  await env.waitForEnter();
  return code;
}
