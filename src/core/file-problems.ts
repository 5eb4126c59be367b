// Why a file could not be read as a register: one stable id per cause, with zh/en messages saying what to do.
import type { Lang, Severity } from './model.js';

export interface FileProblemMeta {
  id: string;
  severity: Severity;
  messages: Record<Lang, Record<string, string>>;
}

function def(id: string, zh: Record<string, string>, en: Record<string, string>, severity: Severity = 'error'): FileProblemMeta {
  return { id, severity, messages: { zh, en } };
}

export const FILE_PROBLEMS = {
  'file-empty': def(
    'file-empty',
    {
      empty: '文件是空的（0 字节）：可能是邮件附件没有下载完整，请重新下载或请对方重新发送',
      'no-cells': '文件里没有任何内容：请确认发送的是填好的登记表',
    },
    {
      empty: 'The file is empty (0 bytes): the attachment may not have downloaded; download it again or ask for it again',
      'no-cells': 'The workbook has no content: check that the filled-in register was sent',
    },
  ),
  'file-corrupt': def(
    'file-corrupt',
    {
      truncated: '文件已损坏或不完整（{detail}）：请重新下载附件，或请对方用 Excel/WPS 重新保存后发送',
      'not-xlsx': '文件扩展名是 {ext}，但内容不是 Excel 工作簿（{detail}）：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
      'text-as-xlsx': '文件扩展名是 {ext}，但内容是文本（可能是 CSV 或网页）：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)，或把扩展名改为 .csv',
      csv: 'CSV 文件无法解析（第 {line} 行附近：{detail}）：请用 Excel/WPS 打开检查后重新保存为 CSV 或 .xlsx',
      'no-sheets': '文件结构不标准，找不到工作表（可能由其他软件生成）：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
    },
    {
      truncated: 'The file is damaged or incomplete ({detail}): download it again, or ask the sender to re-save it in Excel/WPS',
      'not-xlsx': 'The file is named {ext} but is not an Excel workbook ({detail}): open it in Excel/WPS and save as .xlsx',
      'text-as-xlsx': 'The file is named {ext} but holds text (CSV or a web page?): open it in Excel/WPS and save as .xlsx, or rename it to .csv',
      csv: 'The CSV cannot be parsed (near line {line}: {detail}): open it in Excel/WPS and save it again as CSV or .xlsx',
      'no-sheets': 'The workbook has a non-standard structure and no sheet could be found (made by another program?): open it in Excel/WPS and save as .xlsx',
    },
  ),
  'file-legacy-xls': def(
    'file-legacy-xls',
    { legacy: '这是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，fupin 不读取：请用 Excel/WPS 打开，“另存为”Excel 工作簿(.xlsx) 后再检查' },
    { legacy: 'Legacy Excel 97-2003 (.xls) or WPS (.et) format is not read: open it in Excel/WPS and save as an Excel workbook (.xlsx)' },
  ),
  'file-encrypted': def(
    'file-encrypted',
    { encrypted: '文件设置了打开密码，无法读取：请让对方取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新发送' },
    { encrypted: 'The workbook is password-protected: ask the sender to remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and send it again' },
  ),
  'file-ods': def(
    'file-ods',
    {
      ods: '这是 OpenDocument 表格（.ods）：请用 LibreOffice/WPS/Excel 打开，“另存为”Excel 工作簿(.xlsx) 后再检查',
      xlsb: '这是 Excel 二进制工作簿（.xlsb）：请用 Excel 打开，“另存为”Excel 工作簿(.xlsx) 后再检查',
      numbers: '这是苹果 Numbers 表格：请在 Numbers 中“导出为 Excel(.xlsx)”后再检查',
    },
    {
      ods: 'OpenDocument spreadsheet (.ods): open it in LibreOffice/WPS/Excel and save as .xlsx',
      xlsb: 'Excel binary workbook (.xlsb): open it in Excel and save as .xlsx',
      numbers: 'Apple Numbers file: export it from Numbers as Excel (.xlsx)',
    },
  ),
  'file-not-register': def(
    'file-not-register',
    {
      'no-header':
        '没有找到登记表的表头：应有“{expected}”等列（表头可在前几行的标题之下）。{found}请检查列名，或用 fupin template register 生成空白登记表',
    },
    {
      'no-header':
        'No register header found: expected columns such as {expected} (below any title rows). {found}Check the column names, or start from `fupin template register`',
    },
  ),
  'file-unsupported': def(
    'file-unsupported',
    {
      binary: '无法识别的文件格式（{detail}）：fupin 读取 .xlsx、.xlsm 和 .csv 登记表',
      html: '这是网页(HTML)格式，只是扩展名为 {ext}：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
    },
    {
      binary: 'Unrecognised file format ({detail}): fupin reads .xlsx, .xlsm and .csv registers',
      html: 'This is a web page (HTML) named {ext}: open it in Excel/WPS and save as .xlsx',
    },
  ),
  'file-unreadable': def(
    'file-unreadable',
    { io: '无法打开文件（{detail}）：请检查文件是否存在、是否有读取权限，或是否正被其他程序占用' },
    { io: 'Cannot open the file ({detail}): check that it exists, is readable and is not locked by another program' },
  ),
  'required-column': def(
    'required-column',
    { missing: '登记表缺少“{label}”列（表头在第 {headerRow} 行）：请在表头加上该列并填写' },
    { missing: 'The register has no “{label}” column (header on row {headerRow}): add the column and fill it in' },
  ),
} satisfies Record<string, FileProblemMeta>;

export type FileProblemId = keyof typeof FILE_PROBLEMS;
