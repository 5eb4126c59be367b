// What a double-click on fupin-win-x64.exe does: for now a page of instructions in the console; later the local web page.
import type { CliIO } from './io.js';

/** The command line, `run` of main.ts: argv in, exit code out (passed in, so the clerk's modules load only when needed). */
export type RunCli = (argv: string[], io: CliIO) => Promise<number>;

const HOW_TO = [
  'fupin — 慈善组织精准扶贫结对帮扶登记表检查工具',
  '',
  '怎样使用：',
  '  1. 关闭这个窗口（按回车键）。',
  '  2. 在“文件资源管理器”里找到要检查的登记表（.xlsx 或 .csv），或者放登记表的文件夹（例如邮件附件存放的文件夹）。',
  '  3. 用鼠标把文件或文件夹拖到 fupin 的图标上，松开。可以一次拖多个。',
  '  4. 会打开一个窗口显示检查结果；同时在原文件旁边新建一个“…-fupin检查结果-日期-时间”文件夹，里面有：',
  '       · 每张登记表的标注副本：有问题的单元格标成红色或黄色，并写明应该怎么改；',
  '       · 附3-统计表.xlsx：按这些登记表汇总好的统计表；',
  '       · 检查结果.txt：窗口里显示的全部内容。',
  '     原来的文件不会被修改。',
  '',
  'How to use: close this window (press Enter), then drag register files (.xlsx, .csv) or a folder of them onto the',
  'fupin icon. The result is shown in a window, and a new folder "…-fupin检查结果-<date>-<time>" beside them holds an',
  'annotated copy of each register, the filled 附3 statistics table and the transcript. Your files are never changed.',
  '',
  '按回车键关闭窗口 / press Enter to close',
  '',
].join('\n');

/** How to drop files onto the executable, until Enter. */
async function showHowToDrop(io: CliIO, waitForEnter: () => Promise<void>): Promise<number> {
  io.stdout(HOW_TO);
  await waitForEnter();
  return 0;
}

/** A double-click on the executable (no arguments). Returns the exit code. */
export async function startClerkPage(run: RunCli, io: CliIO, waitForEnter: () => Promise<void>): Promise<number> {
  // Issue 13 plugs `fupin serve` in here: this line becomes `return run(['serve', '--open'], io);`
  return showHowToDrop(io, waitForEnter);
}
