// What commands say about the files they write, and why a file or folder could not be written (src/io/safe-write.ts).
import type { Group } from './index.js';

export const OUTPUT = (): Group => ({
  annotated: { zh: '已写出标注副本：{file}（{problems} 个问题，{cells} 个单元格已标色并加批注）', en: 'annotated copy written: {file} ({problems} problems, {cells} cells filled and noted)' },
  'annotated-converted': {
    zh: '已写出标注副本：{file}（{problems} 个问题，{cells} 个单元格已标色并加批注；原文件是 {from} 格式，副本存为 .xlsx）',
    en: 'annotated copy written: {file} ({problems} problems, {cells} cells filled and noted; the original is {from}, the copy is saved as .xlsx)',
  },
  'not-annotated': { zh: '未生成副本：{file}（{why}）', en: 'no copy for {file} ({why})' },
  // refusals (OutputError kinds)
  exists: { zh: '文件已存在：{target}。加 --force 覆盖', en: 'file exists: {target}; add --force to overwrite it' },
  'is-input': { zh: '不能写到输入文件上：{target}。请用 -o 换一个文件名', en: 'will not write over an input file: {target}; choose another name with -o' },
  'inside-input': {
    zh: '不能写到要读取的文件夹 {input} 里面：{target}。下次读取时它会被当成输入，请换一个位置',
    en: 'will not write inside the input folder {input}: {target}; it would be read as an input next time, choose another place',
  },
  'folder-inside-input': {
    zh: '输出文件夹 {target} 在要读取的文件夹 {input} 里面：下次检查会把副本当成登记表重复计算。请换一个文件夹，例如 {example}',
    en: 'the output folder {target} is inside the input folder {input}: the copies would be read as registers next time; choose another folder, e.g. {example}',
  },
  'is-directory': { zh: '{target} 是一个文件夹，请给出文件名，例如 {example}', en: '{target} is a folder; give a file name, e.g. {example}' },
  'not-a-folder': {
    zh: '无法建立文件夹 {folder}：{blocker} 是一个文件，不是文件夹。请换一个路径',
    en: 'cannot make the folder {folder}: {blocker} is a file, not a folder; choose another path',
  },
  'folder-failed': { zh: '无法建立文件夹 {folder}：{reason}。请换一个有写权限的位置', en: 'cannot make the folder {folder}: {reason}; choose a place you can write to' },
  locked: { zh: '文件正被 Excel/WPS 打开，请关闭后重试：{target}', en: 'the file is open in Excel/WPS; close it and try again: {target}' },
  'write-failed': { zh: '写不进 {target}：{reason}', en: 'could not write {target}: {reason}' },
  // why (error codes)
  'reason-eacces': { zh: '没有写权限', en: 'permission denied' },
  'reason-eperm': { zh: '没有写权限', en: 'not permitted' },
  'reason-erofs': { zh: '磁盘或文件夹是只读的', en: 'read-only file system' },
  'reason-enospc': { zh: '磁盘已满', en: 'the disk is full' },
  'reason-edquot': { zh: '磁盘配额已用完', en: 'disk quota exceeded' },
  'reason-enametoolong': { zh: '路径太长', en: 'the path is too long' },
  'reason-ebusy': { zh: '文件正被其他程序占用', en: 'the file is in use by another program' },
  'reason-eio': { zh: '磁盘读写出错', en: 'input/output error' },
  'reason-code': { zh: '系统错误 {code}（文件是否在 Excel/WPS 里打开着，或没有写权限？）', en: 'system error {code} (is the file open in Excel/WPS, or read-only?)' },
  'reason-unknown': { zh: '原因不明（文件是否在 Excel/WPS 里打开着，或没有写权限？）', en: 'reason unknown (is the file open in Excel/WPS, or read-only?)' },
  'stream-failed': { zh: '无法输出（{reason}）', en: 'could not write the output ({reason})' },
});

/** 问题清单, the first sheet of an annotated copy (src/io/annotate.ts). */
export const ANNOTATE = (): Group => ({
  'list-sheet': { zh: '问题清单', en: 'Problems' },
  'no-problems': { zh: '未发现问题', en: 'No problems found' },
});

/** What fupin's workbooks print around a sheet. */
export const PRINT = (): Group => ({
  'page-footer': { zh: '第 &P 页，共 &N 页', en: 'page &P of &N' },
});
