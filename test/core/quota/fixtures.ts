// Grids for the quota tests: the 附4 table typed in from the source notice, in the layout `fupin template quota` writes.

/** 附4 as the source writes it (DOMAIN §6), one line per spreadsheet row, cells separated by "|". */
export const HUNAN_2016_TEXT = `全省慈善组织帮扶任务分配指导建议表
单  位|慈善系统|||基金会||社会服务机构|
|本级|县市区|小计|选定|扶贫户数|选定|扶贫户数
省本级|30||30 |5|15-20|5|5-10
长沙市|15|85|100|5|10-15|5|5-10
株洲市|15|65|80|3|9-12|5|5-10
衡阳市|10|70|80|3|9-12|3|3-8
岳阳市|10|70|80|3|9-12|3|3-8
常德市|10|70|80|3|9-12|3|3-8
郴州市|10|70|80|3|9-12|3|3-8
湘潭市|10|60|70|3|9-12|2|2-5
怀化市|10|60|70|3|9-12|2|2-5
邵阳市|8|52|60|2|9-12|2|2-5
娄底市|8|52|60|2|5-10|2|2-5
永州市|8|52|60|2|5-10|2|2-5
益阳市|6|44|50|2|5-10|2|2-5
张家界|6|44|50|2|5-10|2|2-5
湘西州|6|44|50|2|5-10|2|2-5
合  计|162|838|1000|43|30-100|41|20-50
备注|1、省慈善总会扶贫点是怀化市溆浦县，省本级与怀化市本级共同确定在溆浦县选择扶贫对象。
|2、分配指导建议：市级慈善会3-10户、市级基金会3-5户、市级社会服务机构1-2户；县市区慈善会5-8户、县级基金会2-4户、县级社会服务机构至少1户。`;

/** Text with one line per row and "|" between cells → a grid (rows[i][j] is row i+1, column j+1). */
export function grid(text: string): string[][] {
  return text.split('\n').map((line) => line.split('|'));
}

/** A copy of a grid with one cell replaced (A1 reference). */
export function withCell(rows: string[][], ref: string, value: string): string[][] {
  const m = /^([A-Z])(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  const col = m[1]!.charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  const copy = rows.map((r) => [...r]);
  copy[row]![col] = value;
  return copy;
}
