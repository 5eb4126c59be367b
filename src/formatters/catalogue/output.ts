// What commands say about the files they write.
import type { Group } from './index.js';

export const OUTPUT: Group = {
  annotated: { zh: '已写出标注副本：{file}（{problems} 个问题，{cells} 个单元格已标色并加批注）', en: 'annotated copy written: {file} ({problems} problems, {cells} cells filled and noted)' },
  'annotated-converted': {
    zh: '已写出标注副本：{file}（{problems} 个问题，{cells} 个单元格已标色并加批注；原文件是 {from} 格式，副本存为 .xlsx）',
    en: 'annotated copy written: {file} ({problems} problems, {cells} cells filled and noted; the original is {from}, the copy is saved as .xlsx)',
  },
  'not-annotated': { zh: '未生成副本：{file}（{why}）', en: 'no copy for {file} ({why})' },
};
