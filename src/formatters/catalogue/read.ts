// What reading the inputs says: files passed over, files and rows left out of a count, inputs that cannot be used.
import type { Group } from './index.js';

export const PASSED = (): Group => ({
  word: { zh: 'Word 文档，不是表格', en: 'a Word document, not a table' },
  slides: { zh: '演示文稿，不是表格', en: 'a presentation, not a table' },
  pdf: { zh: 'PDF 文件：fupin 读不了 PDF，请要原始的 Excel/WPS 表格', en: 'a PDF: fupin cannot read PDFs; ask for the original Excel/WPS workbook' },
  image: { zh: '图片：fupin 读不了拍照或截图的表格，请要原始的 Excel/WPS 表格', en: 'a picture: fupin cannot read photographed or screenshot tables; ask for the original workbook' },
  archive: { zh: '压缩包：请先解压，再检查里面的登记表', en: 'an archive: unpack it first, then check the registers inside' },
  'text-note': { zh: '文本文件，里面没有登记表', en: 'a text file with no register in it' },
  empty: { zh: '空文件', en: 'an empty file' },
  other: { zh: '不是表格文件（{ext}）', en: 'not a spreadsheet ({ext})' },
  'same-file': { zh: '与 {file} 是同一个文件（链接），只读一次', en: 'the same file as {file} (a link), read once' },
  'same-folder': { zh: '与 {file} 是同一个文件夹（链接），只读一次', en: 'the same folder as {file} (a link), read once' },
  'too-deep': { zh: '文件夹层数太多（超过 20 层），里面的文件没有读取', en: 'folders nested more than 20 deep: the files inside were not read' },
  'folder-unreadable': { zh: '无法打开这个文件夹（可能没有权限），里面的文件没有读取', en: 'this folder could not be opened (no permission?): the files inside were not read' },
  'broken-link': { zh: '链接指向的文件已不存在，没有读取', en: 'a link to a file that no longer exists; not read' },
});

export const LEFT_OUT = (): Group => ({
  unreadable: { zh: '无法读取', en: 'could not be read' },
  version: { zh: '同一地区的另一份登记表，已按 {counted} 计入', en: 'another version of an area’s register; {counted} was counted' },
  'no-area': { zh: '不知道属于哪个县市区', en: 'its county is unknown' },
  'other-city': { zh: '属于其他市州', en: 'it belongs to another city' },
  'province-table': { zh: '全省统计表，与其他输入一起时不计入', en: 'a provincial statistics table, not counted with other inputs' },
  'table-area': { zh: '不知道是哪个市州的统计表', en: 'a statistics table of no known city' },
  'table-version': { zh: '同一市州的另一张统计表，已按 {counted} 计入', en: 'another statistics table of the same city; {counted} was counted' },
});

export const INPUT = (): Group => ({
  'orgs-unreadable': { zh: '无法读取单位名录 {file}（{detail}）', en: 'cannot read the org registry {file} ({detail})' },
  'unknown-area': {
    zh: '--area “{value}” 不是已知的地区：请写成 怀化市溆浦县、溆浦县、怀化市本级 或 省本级',
    en: '--area "{value}" is not a known area: write it like "怀化市溆浦县", "溆浦县", "怀化市本级" or "省本级"',
  },
  'unknown-province': {
    zh: '不认识的省份 “{value}”：请写省份全称，如 {example}',
    en: 'unknown province "{value}": write the full name of a province, e.g. {example}',
  },
  'no-files': { zh: '{paths} 中没有表格文件（.xlsx、.xlsm、.csv 等）', en: 'no spreadsheet files (.xlsx, .xlsm, .csv …) in {paths}' },
});
