// The clerk's executable started from Explorer: a drop of files onto it, or a double-click (src/cli/clerk.ts).
import type { Group } from './index.js';

export const CLERK = (): Group => ({
  start: {
    zh: 'fupin 正在检查拖入的 {n} 个文件或文件夹，结果写到：\n  {dir}\n',
    en: 'fupin is checking the {n} dropped file(s) or folder(s); the results go to:\n  {dir}\n',
  },
  'no-folder': {
    zh: '✖ 无法新建存放结果的文件夹：{why}\n  请把登记表复制到“桌面”或“文档”里的一个文件夹，再拖到 fupin 上。',
    en: '✖ Cannot make a folder for the results: {why}\n  Copy the registers to a folder on the Desktop or in Documents and drop them onto fupin again.',
  },
  'verdict-0': { zh: '✔ 检查完毕：没有发现错误。', en: '✔ Checked: no errors found.' },
  'verdict-1': {
    zh: '✖ 检查完毕：发现需要修改的地方，见上面的说明；标注副本里问题单元格已标色并加批注。',
    en: '✖ Checked: there are things to correct (see above); in the annotated copies the problem cells are coloured and noted.',
  },
  'verdict-2': { zh: '✖ 无法检查：原因见上面的说明。', en: '✖ Could not check: the reason is above.' },
  stats: { zh: '附3 统计表已写出：{file}', en: 'The filled statistics table ("附3") was written: {file}' },
  'no-stats': {
    zh: '附3 统计表没有写出：原因见上面的说明（例如拖入的不是同一个市州或全省的登记表）。',
    en: 'No statistics table ("附3") was written: the reason is above (for example, the registers dropped are not of one city or of the province).',
  },
  saved: {
    zh: '以上结果和标注副本都在这个文件夹里：\n  {dir}\n原来的文件没有改动。',
    en: 'Everything above, and the annotated copies, is in this folder:\n  {dir}\nYour own files were not changed.',
  },
  crashed: { zh: '✖ 出现意外错误：{why}', en: '✖ Unexpected error: {why}' },
  close: { zh: '按回车键关闭窗口', en: 'Press Enter to close this window' },
  'how-to': {
    zh: [
      'fupin — 慈善组织精准扶贫结对帮扶登记表检查工具',
      '',
      '怎样使用：',
      '  1. 关闭这个窗口（按回车键）。',
      '  2. 在“文件资源管理器”里找到要检查的登记表（.xlsx、.xls、.et 或 .csv），或者放登记表的文件夹（例如邮件附件存放的文件夹）。',
      '  3. 用鼠标把文件或文件夹拖到 fupin 的图标上，松开。可以一次拖多个。',
      '  4. 会打开一个窗口显示检查结果；同时在原文件旁边新建一个“…-fupin检查结果-日期-时间”文件夹，里面有：',
      '       · 每张登记表的标注副本：有问题的单元格标成红色或黄色，并写明应该怎么改；',
      '       · 附3-统计表.xlsx：按这些登记表汇总好的统计表；',
      '       · 检查结果.txt：窗口里显示的全部内容。',
      '     原来的文件不会被修改。',
    ].join('\n'),
    en: [
      'fupin — checks the registers of charity organisations\' pairings with poor households',
      '',
      'How to use:',
      '  1. Close this window (press Enter).',
      '  2. In File Explorer, find the registers to check (.xlsx, .xls, .et or .csv), or the folder holding them.',
      '  3. Drag the files or the folder onto the fupin icon and let go. Several at once is fine.',
      '  4. A window shows the result, and a new folder "…-fupin检查结果-<date>-<time>" beside them holds an annotated',
      '     copy of each register, the filled statistics table ("附3-统计表.xlsx") and the transcript ("检查结果.txt").',
      '     Your own files are never changed.',
    ].join('\n'),
  },
});
