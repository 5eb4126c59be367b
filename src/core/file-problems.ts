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
      truncated: '文件已损坏或不完整：请重新下载附件，或请对方用 Excel/WPS 重新保存后发送',
      'not-xlsx': '文件扩展名是 {ext}，但内容不是 Excel 工作簿：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
      'text-as-xlsx': '文件扩展名是 {ext}，但内容是文本（可能是 CSV 或网页）：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)，或把扩展名改为 .csv',
      csv: 'CSV 文件第 {line} 行附近无法解析：请用 Excel/WPS 打开检查后重新保存为 CSV 或 .xlsx',
      'no-sheets': '文件结构不标准，找不到工作表（可能由其他软件生成）：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
      xml: '工作簿内部的 XML 已损坏：请用 Excel/WPS 打开，若能打开请“另存为”Excel 工作簿(.xlsx) 后重新发送；打不开请对方重新发送',
      'zip-method': '工作簿使用了 Excel 不会写出的压缩方式：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
      zip64: '工作簿的 ZIP64 结构无法读取：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
      legacy: '{format} 文件已损坏或不完整，无法读取：请用 Excel/WPS 打开，若能打开请“另存为”Excel 工作簿(.xlsx) 后重新发送；打不开请对方重新发送',
    },
    {
      truncated: 'The file is damaged or incomplete ({detail}): download it again, or ask the sender to re-save it in Excel/WPS',
      'not-xlsx': 'The file is named {ext} but is not an Excel workbook ({detail}): open it in Excel/WPS and save as .xlsx',
      'text-as-xlsx': 'The file is named {ext} but holds text (CSV or a web page?): open it in Excel/WPS and save as .xlsx, or rename it to .csv',
      csv: 'The CSV cannot be parsed (near line {line}: {detail}): open it in Excel/WPS and save it again as CSV or .xlsx',
      'no-sheets': 'The workbook has a non-standard structure and no sheet could be found (made by another program?): open it in Excel/WPS and save as .xlsx',
      xml: 'The XML inside the workbook is damaged ({detail}): open it in Excel/WPS and save it again as .xlsx, or ask for it again',
      'zip-method': 'The workbook uses a compression method Excel does not write ({detail}): open it in Excel/WPS and save as .xlsx',
      zip64: 'The workbook’s ZIP64 structure cannot be read ({detail}): open it in Excel/WPS and save as .xlsx',
      legacy: 'The {format} file is damaged or incomplete and cannot be read ({detail}): open it in Excel/WPS and, if it opens, save it as .xlsx and send it again; otherwise ask for it again',
    },
  ),
  'file-limit': def(
    'file-limit',
    {
      maxFileBytes: '文件大小 {actual} 超过上限 {allowed}（--max-file-mb 可调高）：登记表通常只有几百 KB，请确认文件无误',
      maxUncompressedBytes: '工作簿解压后 {actual} 超过上限 {allowed}（--max-unzipped-mb 可调高）：可能是“压缩炸弹”，请确认来源后再调高',
      maxCompressionRatio: '工作簿中一个部件的压缩比 {actual}:1 超过上限 {allowed}:1（--max-zip-ratio 可调高）：可能是“压缩炸弹”，请确认来源后再调高',
      maxCells: '单元格数量超过上限 {allowed}（已读到 {actual}；--max-cells 可调高）：请确认工作簿里没有大量多余的行列',
      maxMerges: '一个工作表的合并单元格区域超过上限 {allowed} 个（已读到 {actual}；--max-merges 可调高）',
      maxMergedCells: '合并单元格覆盖的单元格超过上限 {allowed}（已读到 {actual}；--max-merged-cells 可调高）',
      maxDefinedNames: '工作簿的“名称”（定义的名称）超过上限 {allowed} 个（已读到 {actual}；--max-defined-names 可调高）',
      maxCellChars: '有单元格的内容超过 {allowed} 个字符（{actual} 个；--max-cell-chars 可调高）：Excel 单元格最多只能有 32767 个字符，请检查文件',
      maxMillis: '读取停滞：{actual} 没有任何进展，超过上限 {allowed}，已停止（--max-seconds 可调高）：文件可能已损坏，或所在的网络盘没有响应',
      maxCellCharsLine: '第 {line} 行有单元格的内容超过 {allowed} 个字符（{actual} 个；--max-cell-chars 可调高）：Excel 单元格最多只能有 32767 个字符，请检查文件',
      maxLineChars: '第 {line} 行有 {actual} 个字符，超过上限 {allowed}：这不像登记表的一行，请用 Excel/WPS 打开检查后重新保存',
      maxColumns: '第 {line} 行有 {actual} 列，超过上限 {allowed}：请用 Excel/WPS 打开检查后重新保存',
      memory: '读取这个 {format} 文件需要的内存超过上限 {allowed}：登记表用不了这么多，请用 Excel/WPS 打开检查，另存为 .xlsx 后再检查',
    },
    {
      maxFileBytes: 'The file is {actual}, over the limit of {allowed} (raise it with --max-file-mb): a register is usually a few hundred KB',
      maxUncompressedBytes: 'The workbook unpacks to {actual}, over the limit of {allowed} (raise it with --max-unzipped-mb): possibly a zip bomb, check where it came from first',
      maxCompressionRatio: 'A part of the workbook is compressed {actual}:1, over the limit of {allowed}:1 (raise it with --max-zip-ratio): possibly a zip bomb, check where it came from first',
      maxCells: 'More than {allowed} cells (read {actual}; raise it with --max-cells): check the workbook for masses of stray rows or columns',
      maxMerges: 'A sheet has more than {allowed} merged ranges (read {actual}; raise it with --max-merges)',
      maxMergedCells: 'Merged ranges cover more than {allowed} cells (read {actual}; raise it with --max-merged-cells)',
      maxDefinedNames: 'The workbook has more than {allowed} defined names (read {actual}; raise it with --max-defined-names)',
      maxCellChars: 'A cell holds more than {allowed} characters ({actual}; raise it with --max-cell-chars): Excel itself allows 32,767',
      maxMillis: 'Reading made no progress for {actual}, over the limit of {allowed}, and was stopped (raise it with --max-seconds): the file may be damaged, or the network drive it is on not answering',
      maxCellCharsLine: 'A cell on line {line} holds more than {allowed} characters ({actual}; raise it with --max-cell-chars): Excel itself allows 32,767',
      maxLineChars: 'Line {line} has {actual} characters, over the limit of {allowed}: that is no register line; open the file in Excel/WPS, check it and save it again',
      maxColumns: 'Line {line} has {actual} columns, over the limit of {allowed}: open the file in Excel/WPS, check it and save it again',
      memory: 'Reading this {format} file needs more memory than the limit of {allowed}, far more than a register: open it in Excel/WPS, check it and save it as .xlsx',
    },
  ),
  'file-encrypted': def(
    'file-encrypted',
    {
      encrypted: '文件设置了打开密码，无法读取：请让对方取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新发送',
      zip: '工作簿内部的文件（{detail}）被压缩软件加了密码，无法读取：请发送未加密的 .xlsx 原件',
    },
    {
      encrypted: 'The workbook is password-protected: ask the sender to remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and send it again',
      zip: 'A part of the workbook ({detail}) is encrypted by a zip tool: send the unencrypted .xlsx instead',
    },
  ),
  'file-not-register': def(
    'file-not-register',
    {
      'no-header':
        '没有找到登记表的表头：应有{expected}等列（表头可在前几行的标题之下）。{found}请检查列名，或用 fupin template register 生成空白登记表',
      found: '（工作表“{sheet}”第 {row} 行只认出：{headers}）',
    },
    {
      'no-header':
        'No register header found: expected columns such as {expected} (below any title rows). {found}Check the column names, or start from `fupin template register`',
      found: '(sheet "{sheet}", row {row}, has only: {headers}) ',
    },
  ),
  'file-unsupported': def(
    'file-unsupported',
    {
      binary: '无法识别的文件格式（{detail}）：fupin 读取 .xlsx、.xlsm、.xls、.et、.ods、.xlsb 和 .csv 登记表',
      misnamed: '文件名是 {ext}，但内容不是 Excel/WPS 表格（文件可能已损坏，或是别的文件改了扩展名）：请用 Excel/WPS 打开确认，另存为 .xlsx 后再检查',
      html: '这是网页(HTML)格式，只是扩展名为 {ext}：请用 Excel/WPS 打开后“另存为”Excel 工作簿(.xlsx)',
      numbers: '这是苹果 Numbers 表格，fupin 不读取：请在 Numbers 中“导出为 Excel(.xlsx)”后再检查',
      reader: '读取 {format} 文件的组件无法启动：请重新安装 fupin，或把文件另存为 .xlsx 后再检查',
    },
    {
      binary: 'Unrecognised file format ({detail}): fupin reads .xlsx, .xlsm, .xls, .et, .ods, .xlsb and .csv registers',
      misnamed: 'Named {ext}, but the content is not an Excel/WPS workbook (damaged, or another file renamed): open it in Excel/WPS to check, and save it as .xlsx',
      html: 'This is a web page (HTML) named {ext}: open it in Excel/WPS and save as .xlsx',
      numbers: 'Apple Numbers files are not read: export it from Numbers as Excel (.xlsx)',
      reader: 'The component that reads {format} files could not start ({detail}): reinstall fupin, or save the file as .xlsx',
    },
  ),
  'file-unreadable': def(
    'file-unreadable',
    { io: '无法打开文件（{detail}）：请检查文件是否存在、是否有读取权限，或是否正被其他程序占用' },
    { io: 'Cannot open the file ({detail}): check that it exists, is readable and is not locked by another program' },
  ),
  'csv-repaired': def(
    'csv-repaired',
    { quote: '第 {line} 行有一个引号（"）没有配对，已按普通字符读取：请用 Excel/WPS 打开核对这一行，必要时删去多余的引号后重新保存' },
    { quote: 'Line {line} has a quote (") that is never closed; it was read as a plain character: open the file in Excel/WPS, check that line and remove the stray quote' },
    'warning',
  ),
  'file-partly-read': def(
    'file-partly-read',
    {
      'shared-strings': '工作簿里有 {count} 个单元格引用的文字在文件中找不到（{cells}），已按空白读取：文件可能由其他软件生成或已损坏，请用 Excel/WPS 打开核对这些单元格，另存为 .xlsx 后再检查',
      'duplicate-parts': '工作簿内部有重复而内容不同的部件（{parts}），只读取了第一份：请用 Excel/WPS 打开核对，另存为 .xlsx 后再检查',
      'skipped-sheets': '宏表或对话框表（{sheets}）里的 {count} 个单元格没有检查：登记表请放在普通工作表里',
    },
    {
      'shared-strings': '{count} cell(s) refer to text the file does not contain ({cells}) and were read as empty: the file may come from another program or be damaged; open it in Excel/WPS, check those cells and save it again as .xlsx',
      'duplicate-parts': 'The workbook stores a part twice with different contents ({parts}); only the first copy was read: open it in Excel/WPS, check it and save it again as .xlsx',
      'skipped-sheets': '{count} cell(s) on macro or dialog sheets ({sheets}) were not checked: keep registers on ordinary worksheets',
    },
    'warning',
  ),
  'area-unknown': def(
    'area-unknown',
    {
      unknown:
        '无法确定本表属于哪个县市区，已跳过地址核对：请用 --area 指定（如 --area 溆浦县），或把文件放在“市州/县市区.xlsx”的位置，或在表头上方写“填报单位：XX县慈善会”',
    },
    {
      unknown:
        'The county of this register is unknown, so addresses were not checked: give it with --area (e.g. --area "溆浦县"), keep the file as "市州"/"县市区".xlsx, or write “填报单位：XX县慈善会” above the header',
    },
    'info',
  ),
  'file-own-output': def(
    'file-own-output',
    {
      annotated: 'fupin 生成的文件，未计入：这是标注了问题的登记表副本（validate --annotate），不是登记表本身。汇总请用原登记表',
      cards: 'fupin 生成的文件，未计入：这是结对帮扶卡（fupin cards），不是登记表',
      'quota-progress': 'fupin 生成的文件，未计入：这是附4 任务完成情况表（fupin quota -o），不是登记表',
      publish: 'fupin 生成的文件，未计入：这是公示名单（fupin publish），不是登记表',
      diff: 'fupin 生成的文件，未计入：这是登记表的变更清单（fupin diff），不是登记表',
      shape: '这个文件是一张表单（如结对帮扶卡）而不是登记表：格子里是“户主姓名”“组织负责人”等栏目名，未计入。汇总请用登记表',
    },
    {
      annotated: 'made by fupin, not counted: an annotated copy of a register (validate --annotate), not the register itself; roll up the original',
      cards: 'made by fupin, not counted: pairing cards (fupin cards), not a register',
      'quota-progress': 'made by fupin, not counted: the "附4" progress form (fupin quota -o), not a register',
      publish: 'made by fupin, not counted: a public listing (fupin publish), not a register',
      diff: 'made by fupin, not counted: a list of changes between registers (fupin diff), not a register',
      shape: 'this file is a form (such as a pairing card), not a register: its cells are field labels such as "户主姓名" and "组织负责人"; not counted. Roll up the registers',
    },
    'info',
  ),
  'required-column': def(
    'required-column',
    { missing: '登记表缺少“{label}”列（表头在第 {headerRow} 行）：请在表头加上该列并填写' },
    { missing: 'The register has no “{label}” column (header on row {headerRow}): add the column and fill it in' },
  ),
} satisfies Record<string, FileProblemMeta>;

export type FileProblemId = keyof typeof FILE_PROBLEMS;
