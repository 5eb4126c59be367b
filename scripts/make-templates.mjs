// Makes the official forms of 湘慈办发[2016]6号 (附1–附4) as real .xlsx templates in templates/ (run: npm run templates).
//
// Each template is laid out as an office would make it in Excel: title, 填报单位/日期 line, merged header cells,
// borders, column widths, wrapped text, A4 page set up, header rows repeated on every page, the closing 备注 line.
// The cells fupin fills are marked with workbook-level defined names (the writers in src/io/writers find them by name):
//
//   附2/附3/附4   title       the title cell
//                unit_line   填报单位 cell (附2, 附3)         date_line  填报日期 cell (附2, 附3)
//                header      the header block (附3, 附4: two rows; 附2: one row)
//                data_start  first cell (column A) of the first data row; the rows down to total_row/note_row are data rows,
//                            each styled like the first: writers add or remove rows by copying that row's style
//                total_row   column A of the 合计 row (附3, 附4)
//                note_row    column A of the closing 备注 row
//   附1          card_seq, card_name, card_income, card_org, card_address, card_phone, card_cause, card_measures
//
// Deterministic: fixed workbook dates, no random ids. Remake the files and commit them when the layout changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { stampZipDates } from './lib/deterministic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'templates');
/** The date of the notice: the templates' created/modified stamp, so every run makes the same workbook. */
const STAMP = new Date(Date.UTC(2016, 6, 27));

const SONG = '宋体';
const HEI = '黑体';
const thin = { style: 'thin', color: { argb: 'FF000000' } };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };
const font = (size, extra = {}) => ({ name: SONG, size, charset: 134, ...extra });
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true };
const LEFT = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 };
/** Page margins in inches (Excel's "normal" minus a little at the sides). */
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

function newBook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '湖南省慈善总会';
  wb.lastModifiedBy = 'fupin';
  wb.created = STAMP;
  wb.modified = STAMP;
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

function sheet(wb, name, { landscape, printTitlesRow, fitHeight = 0, footer = true }) {
  return wb.addWorksheet(name, {
    properties: { defaultRowHeight: 20 },
    views: [{ state: 'normal', showGridLines: false, zoomScale: 100 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: fitHeight,
      horizontalCentered: true,
      margins: MARGINS,
      ...(printTitlesRow ? { printTitlesRow } : {}),
    },
    ...(footer ? { headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' } } : {}),
  });
}

function name(wb, ws, cell, id) {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  wb.definedNames.add(`'${ws.name}'!$${m[1]}$${m[2]}`, id);
}

function put(ws, ref, value, style = {}) {
  const c = ws.getCell(ref);
  if (value !== undefined) c.value = value;
  if (style.font) c.font = style.font;
  if (style.alignment) c.alignment = style.alignment;
  if (style.border) c.border = style.border;
  if (style.numFmt) c.numFmt = style.numFmt;
  return c;
}

/** Style every cell of a rectangle (merged slaves included, so borders print on every edge). */
function area(ws, top, left, bottom, right, style) {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) put(ws, ws.getCell(r, c).address, undefined, style);
}

function merge(ws, range, value, style) {
  const [a, b] = range.split(':');
  const from = ws.getCell(a);
  const to = ws.getCell(b);
  area(ws, Number(from.row), Number(from.col), Number(to.row), Number(to.col), style);
  if (value !== undefined) ws.getCell(a).value = value;
  ws.mergeCells(range);
}

function widths(ws, list) {
  list.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

const TITLE = { font: { name: HEI, size: 18, charset: 134 }, alignment: { horizontal: 'center', vertical: 'middle' } };
const ANNEX = { font: { name: HEI, size: 12, charset: 134 }, alignment: { horizontal: 'left', vertical: 'middle' } };
const HEAD = { font: font(11, { bold: true }), alignment: CENTER, border: BOX };
const BODY = { font: font(11), alignment: CENTER, border: BOX };
const BODY_LEFT = { font: font(11), alignment: LEFT, border: BOX };
const LINE = { font: font(11), alignment: { horizontal: 'left', vertical: 'middle' } };
const LINE_RIGHT = { font: font(11), alignment: { horizontal: 'right', vertical: 'middle' } };
const NOTE = { font: font(10.5), alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
const COUNT_FMT = '0';

// ── 附2 县市区慈善组织精准扶贫结对帮扶登记表 ─────────────────────────────────────────────────
export const REGISTER_ROWS = 30;

function register() {
  const wb = newBook();
  const ws = sheet(wb, '登记表', { landscape: false, printTitlesRow: '4:4' });
  widths(ws, [7, 30, 13, 34, 18]);
  put(ws, 'A1', '附2：', ANNEX);
  merge(ws, 'A2:E2', '县市区慈善组织精准扶贫结对帮扶登记表', TITLE);
  ws.getRow(2).height = 40;
  merge(ws, 'A3:C3', '填报单位：　　　　　　　　　　（盖章）', LINE);
  merge(ws, 'D3:E3', '填报日期：　　　　年　　月　　日', LINE_RIGHT);
  ws.getRow(3).height = 24;
  const heads = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式'];
  heads.forEach((h, i) => put(ws, ws.getCell(4, i + 1).address, h, HEAD));
  ws.getRow(4).height = 30;
  const first = 5;
  for (let i = 0; i < REGISTER_ROWS; i++) {
    const r = first + i;
    put(ws, `A${r}`, i + 1, { ...BODY, numFmt: COUNT_FMT });
    put(ws, `B${r}`, undefined, BODY_LEFT);
    put(ws, `C${r}`, undefined, BODY);
    put(ws, `D${r}`, undefined, BODY_LEFT);
    // 联系方式 as text: Excel must not turn 13912345678 into 1.39123E+10.
    put(ws, `E${r}`, undefined, { ...BODY, numFmt: '@' });
    ws.getRow(r).height = 22;
    ws.getCell(`E${r}`).dataValidation = {
      type: 'textLength',
      operator: 'between',
      formulae: [7, 40],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: '联系方式',
      prompt: '请输入11位手机号或带区号的座机号，如 13912345678 或 0745-3221234；多个号码用 / 隔开',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '联系方式位数不对',
      error: '手机号是11位，座机号是区号加7-8位号码。确定要这样填吗？',
    };
  }
  ws.getColumn(5).numFmt = '@';
  const note = first + REGISTER_ROWS;
  merge(ws, `A${note}:E${note}`, '备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。', NOTE);
  ws.getRow(note).height = 24;
  ws.pageSetup.printArea = `A1:E${note}`;
  name(wb, ws, 'A2', 'title');
  name(wb, ws, 'A3', 'unit_line');
  name(wb, ws, 'D3', 'date_line');
  name(wb, ws, 'A4', 'header');
  name(wb, ws, `A${first}`, 'data_start');
  name(wb, ws, `A${note}`, 'note_row');
  return wb;
}

// ── 附3 湖南省慈善组织精准扶贫结对帮扶统计表 ─────────────────────────────────────────────────
export const STATS_ROWS = 10;

function stats() {
  const wb = newBook();
  const ws = sheet(wb, '统计表', { landscape: true, printTitlesRow: '4:5' });
  widths(ws, [16, 12, 12, 12, 12, 12, 12, 14, 14]);
  put(ws, 'A1', '附3：', ANNEX);
  merge(ws, 'A2:I2', '湖南省慈善组织精准扶贫结对帮扶统计表', TITLE);
  ws.getRow(2).height = 40;
  merge(ws, 'A3:E3', '填报单位：　　　　　　　　　　（盖章）', LINE);
  merge(ws, 'F3:I3', '填报日期：　　　　年　　月　　日', LINE_RIGHT);
  ws.getRow(3).height = 24;
  merge(ws, 'A4:A5', '单  位', HEAD);
  merge(ws, 'B4:C4', '慈善系统', HEAD);
  merge(ws, 'D4:E4', '基金会', HEAD);
  merge(ws, 'F4:G4', '社会服务机构（民非）', HEAD);
  merge(ws, 'H4:I4', '小  计', HEAD);
  const sub = ['参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与单位数量', '扶贫脱贫户数', '参与扶贫单位总数', '扶贫脱贫农户总数'];
  sub.forEach((h, i) => put(ws, ws.getCell(5, i + 2).address, h, HEAD));
  ws.getRow(4).height = 26;
  ws.getRow(5).height = 36;
  const first = 6;
  for (let i = 0; i < STATS_ROWS; i++) {
    const r = first + i;
    put(ws, `A${r}`, i === 0 ? '市本级' : i === 1 ? '县' : undefined, BODY);
    for (let c = 2; c <= 9; c++) put(ws, ws.getCell(r, c).address, undefined, { ...BODY, numFmt: COUNT_FMT });
    ws.getRow(r).height = 22;
  }
  const total = first + STATS_ROWS;
  put(ws, `A${total}`, '合  计', HEAD);
  // blank while the column is empty (a printed blank form shows no zeros), the sum once figures are typed in
  for (let c = 2; c <= 9; c++) {
    const col = ws.getColumn(c).letter;
    const range = `${col}${first}:${col}${total - 1}`;
    put(ws, `${col}${total}`, { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result: '' }, { ...HEAD, numFmt: COUNT_FMT });
  }
  ws.getRow(total).height = 22;
  const note = total + 1;
  merge(ws, `A${note}:I${note}`, '备注：此统计表由市州填写，存档一份，上报省一份。', NOTE);
  ws.getRow(note).height = 24;
  ws.pageSetup.printArea = `A1:I${note}`;
  name(wb, ws, 'A2', 'title');
  name(wb, ws, 'A3', 'unit_line');
  name(wb, ws, 'F3', 'date_line');
  name(wb, ws, 'A4', 'header');
  name(wb, ws, `A${first}`, 'data_start');
  name(wb, ws, `A${total}`, 'total_row');
  name(wb, ws, `A${note}`, 'note_row');
  return wb;
}

// ── 附4 全省慈善组织帮扶任务分配指导建议表 ─────────────────────────────────────────────────
const QUOTA_UNITS = ['省本级', '长沙市', '株洲市', '衡阳市', '岳阳市', '常德市', '郴州市', '湘潭市', '怀化市', '邵阳市', '娄底市', '永州市', '益阳市', '张家界', '湘西州'];
const QUOTA_NOTES = [
  '1、省慈善总会扶贫点是怀化市溆浦县，省本级与怀化市本级共同确定在溆浦县选择扶贫对象。',
  '2、分配指导建议：市级慈善会3-10户、市级基金会3-5户、市级社会服务机构1-2户；县市区慈善会5-8户、县级基金会2-4户、县级社会服务机构至少1户。',
  '3、牵头单位为各地慈善总会，请选择当地在实力的基金会与社会服务机构参加。',
  '4、上表分配为指导数，属于任务下限，各地可视实际情况增加扶贫户数。以各单位上报的台帐作为统计基数。',
];

function quota() {
  const wb = newBook();
  const ws = sheet(wb, '任务分配表', { landscape: true, printTitlesRow: '3:4', fitHeight: 1 });
  widths(ws, [14, 12, 12, 12, 12, 14, 12, 14]);
  put(ws, 'A1', '附4：', ANNEX);
  merge(ws, 'A2:H2', '全省慈善组织帮扶任务分配指导建议表', TITLE);
  ws.getRow(2).height = 40;
  merge(ws, 'A3:A4', '单  位', HEAD);
  merge(ws, 'B3:D3', '慈善系统', HEAD);
  merge(ws, 'E3:F3', '基金会', HEAD);
  merge(ws, 'G3:H3', '社会服务机构', HEAD);
  ['本级', '县市区', '小计', '选定', '扶贫户数', '选定', '扶贫户数'].forEach((h, i) => put(ws, ws.getCell(4, i + 2).address, h, HEAD));
  ws.getRow(3).height = 24;
  ws.getRow(4).height = 24;
  const first = 5;
  QUOTA_UNITS.forEach((u, i) => {
    const r = first + i;
    put(ws, `A${r}`, u, BODY);
    for (let c = 2; c <= 8; c++) put(ws, ws.getCell(r, c).address, undefined, BODY);
    ws.getRow(r).height = 22;
  });
  const total = first + QUOTA_UNITS.length;
  put(ws, `A${total}`, '合  计', HEAD);
  for (let c = 2; c <= 8; c++) put(ws, ws.getCell(total, c).address, undefined, HEAD);
  ws.getRow(total).height = 22;
  const note = total + 1;
  put(ws, `A${note}`, '备注', HEAD);
  merge(ws, `B${note}:H${note}`, QUOTA_NOTES.join('\n'), { font: font(10.5), alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BOX });
  ws.getRow(note).height = 96;
  ws.pageSetup.printArea = `A1:H${note}`;
  name(wb, ws, 'A2', 'title');
  name(wb, ws, 'A3', 'header');
  name(wb, ws, `A${first}`, 'data_start');
  name(wb, ws, `A${total}`, 'total_row');
  name(wb, ws, `A${note}`, 'note_row');
  return wb;
}

// ── 附1 湖南省慈善组织精准扶贫结对帮扶卡 ─────────────────────────────────────────────────────
function card() {
  const wb = newBook();
  const ws = sheet(wb, '结对帮扶卡', { landscape: false, fitHeight: 1, footer: false });
  widths(ws, [12, 10, 8, 10, 11, 12, 13, 10, 13]);
  const label = HEAD;
  const value = BODY_LEFT;
  put(ws, 'A1', '附1：', ANNEX);
  merge(ws, 'A2:I2', '湖南省慈善组织精准扶贫结对帮扶卡', TITLE);
  ws.getRow(2).height = 44;
  put(ws, 'A3', '编号：', { font: font(11), alignment: { horizontal: 'right', vertical: 'middle' } });
  merge(ws, 'B3:D3', undefined, LINE);
  ws.getRow(3).height = 24;
  merge(ws, 'A4:E4', '精准帮扶对象', label);
  merge(ws, 'F4:I4', '帮扶责任单位', label);
  ws.getRow(4).height = 28;
  // 户主姓名 | name | 家庭年收入 | income || 组织名称 | org
  put(ws, 'A5', '户主姓名', label);
  merge(ws, 'B5:C5', undefined, value);
  put(ws, 'D5', '家庭年收入', label);
  put(ws, 'E5', undefined, value);
  put(ws, 'F5', '组织名称', label);
  merge(ws, 'G5:I5', undefined, value);
  ws.getRow(5).height = 32;
  // 家庭详细情况: four members || 慈善组织基本情况, 慈善组织办公地址
  merge(ws, 'A6:A10', '家庭详\n细情况', label);
  ['姓  名', '关  系', '年  龄', '职  业'].forEach((h, i) => put(ws, ws.getCell(6, i + 2).address, h, label));
  area(ws, 7, 2, 10, 5, BODY);
  merge(ws, 'F6:F8', '慈善组织\n基本情况', label);
  merge(ws, 'G6:I8', undefined, value);
  merge(ws, 'F9:F10', '慈善组织\n办公地址', label);
  merge(ws, 'G9:I10', undefined, value);
  for (let r = 6; r <= 10; r++) ws.getRow(r).height = 26;
  // 家庭住址 || 组织负责人 联系电话; 联系方式 || 现场责任人 联系电话
  put(ws, 'A11', '家庭住址', label);
  merge(ws, 'B11:E11', undefined, value);
  put(ws, 'F11', '组织负责人', label);
  put(ws, 'G11', undefined, value);
  put(ws, 'H11', '联系电话', label);
  put(ws, 'I11', undefined, { ...value, numFmt: '@' });
  put(ws, 'A12', '联系方式', label);
  merge(ws, 'B12:E12', undefined, { ...value, numFmt: '@' });
  put(ws, 'F12', '现场责任人', label);
  put(ws, 'G12', undefined, value);
  put(ws, 'H12', '联系电话', label);
  put(ws, 'I12', undefined, { ...value, numFmt: '@' });
  ws.getRow(11).height = 36;
  ws.getRow(12).height = 32;
  put(ws, 'A13', '贫困原因', label);
  merge(ws, 'B13:E13', undefined, { ...value, alignment: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 } });
  put(ws, 'F13', '帮扶措施', label);
  merge(ws, 'G13:I13', undefined, { ...value, alignment: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 } });
  ws.getRow(13).height = 130;
  put(ws, 'A14', '帮扶干部\n到户记录', label);
  merge(ws, 'B14:I14', undefined, { ...value, alignment: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 } });
  ws.getRow(14).height = 300;
  merge(ws, 'A15:I15', '备注：此统计表由慈善组织填写，上报、存档各一份，一份张贴在对口扶贫户家。', NOTE);
  ws.getRow(15).height = 24;
  ws.pageSetup.printArea = 'A1:I15';
  name(wb, ws, 'A2', 'title');
  name(wb, ws, 'B3', 'card_seq');
  name(wb, ws, 'B5', 'card_name');
  name(wb, ws, 'E5', 'card_income');
  name(wb, ws, 'G5', 'card_org');
  name(wb, ws, 'B11', 'card_address');
  name(wb, ws, 'B12', 'card_phone');
  name(wb, ws, 'B13', 'card_cause');
  name(wb, ws, 'G13', 'card_measures');
  name(wb, ws, 'A15', 'note_row');
  return wb;
}

const FORMS = [
  ['附1-结对帮扶卡.xlsx', card],
  ['附2-登记表.xlsx', register],
  ['附3-统计表.xlsx', stats],
  ['附4-任务分配表.xlsx', quota],
];


mkdirSync(OUT, { recursive: true });
for (const [file, make] of FORMS) {
  const buf = stampZipDates(Buffer.from(await make().xlsx.writeBuffer()), STAMP);
  writeFileSync(path.join(OUT, file), buf);
  console.log(`templates/${file}  ${buf.length} bytes`);
}
