// Rosters (建档立卡, 民政 lists) and focus lists: reading them, what --explain says about matching, the rollup's sections.
import type { Group } from './index.js';

export const ROSTER = (): Group => ({
  'opt-roster': {
    zh: '名单文件（建档立卡、民政低收入家庭名单，xlsx/csv/xls），可写多个：核对结对户是否在名单上',
    en: 'roster files ("建档立卡" export, civil-affairs low-income lists; xlsx/csv/xls), one or more: check that paired households are listed',
  },
  'not-found': { zh: '找不到名单文件：{paths}', en: 'roster not found: {paths}' },
  'no-files': { zh: '{paths} 中没有表格文件，无法作为名单读取', en: 'no spreadsheet files in {paths} to read as rosters' },
  unreadable: { zh: '名单 {file} 无法读取：{why}', en: 'the roster {file} cannot be read: {why}' },
  'not-roster': {
    zh: '{file} 不是名单：前 40 行里找不到表头（需要{expected}等列）。请给出建档立卡或低收入家庭名单的导出表',
    en: '{file} is not a roster: no header in its first 40 rows (columns such as {expected}). Give the "建档立卡" or low-income list export',
  },
  'is-register': {
    zh: '{file} 是结对帮扶登记表（有“{header}”列），不是名单：名单用 --roster 给出，登记表作为要检查的文件给出',
    en: '{file} is a pairing register (it has a "{header}" column), not a roster: give rosters with --roster and registers as the files to check',
  },
  explain: {
    zh: '{matched} 户在名单上（身份证号码 {id}，同村同名 {village}，同乡镇同名 {township}），{missing} 户不在',
    en: '{matched} households listed (by ID number {id}, by name in the village {village}, by name in the township {township}), {missing} not listed',
  },
  'explain-rosters': { zh: '已查名单：{rosters}', en: 'rosters searched: {rosters}' },
  'how-id': { zh: '身份证号码', en: 'ID number' },
  'how-name-village': { zh: '同村同名', en: 'name in the village' },
  'how-name-township': { zh: '同乡镇同名', en: 'name in the township' },
  'how-none': { zh: '不在名单', en: 'not listed' },
  'row-how': { zh: '第 {row} 行：{how}', en: 'row {row}: {how}' },
  section: { zh: '名单核对（{rosters}）', en: 'Rosters ({rosters})' },
  listed: { zh: '名单上的户数：{n}', en: 'households listed: {n}' },
  'listed-paired': { zh: '其中已结对：{n}', en: 'of them paired: {n}' },
  'paired-not-listed': { zh: '已结对但不在名单上：{n}', en: 'paired but on no roster: {n}' },
  gap: { zh: '{place}：名单 {listed} 户，{unpaired} 户尚无结对单位', en: '{place}: {listed} listed, {unpaired} still without a helper' },
  'no-gaps': { zh: '名单上的户都已结对', en: 'every listed household is paired' },
  'more-gaps': { zh: '……另有 {n} 个村（完整列表见 --format json 或 -o 输出）', en: '… {n} more villages (all of them in --format json or the -o output)' },
  'sheet-title': { zh: '名单核对', en: 'Rosters' },
});

export const FOCUS = (): Group => ({
  'opt-focus': {
    zh: '重点地区名单（类别、区县、乡镇、村；xlsx/csv），可写多个：标出重点地区的户，统计谁在那里帮扶',
    en: 'focus-place lists (columns "类别", "区县", "乡镇", "村"; xlsx/csv), one or more: tag households in focus places and count who helps there',
  },
  'not-found': { zh: '找不到重点地区名单：{paths}', en: 'focus list not found: {paths}' },
  'no-files': { zh: '{paths} 中没有表格文件，无法作为重点地区名单读取', en: 'no spreadsheet files in {paths} to read as focus lists' },
  unreadable: { zh: '重点地区名单 {file} 无法读取：{why}', en: 'the focus list {file} cannot be read: {why}' },
  'not-focus': {
    zh: '{file} 不是重点地区名单：找不到“类别”和“区县”列（还可有“乡镇”“村”列）',
    en: '{file} is not a focus list: no "类别" and "区县" columns (with "乡镇" and "村" where needed)',
  },
  explain: { zh: '{n} 户在重点地区', en: '{n} households in focus places' },
  'row-places': { zh: '第 {row} 行：{places}', en: 'row {row}: {places}' },
  place: { zh: '{category} {place}', en: '{category} {place}' },
  section: { zh: '重点地区（{sources}）', en: 'Focus places ({sources})' },
  category: { zh: '{category}：{helped}/{total} 处有人帮扶', en: '{category}: {helped} of {total} places helped' },
  unhelped: { zh: '  无人帮扶：{places}', en: '  nobody helps: {places}' },
  'unresolved-county': {
    zh: '{where}：“{place}”（{category}）区划表里没有这个区县，无法对应任何户',
    en: '{where}: "{place}" ({category}): the division list has no such county, so no household can match it',
  },
  'unresolved-township': {
    zh: '{where}：“{place}”（{category}）该区县下没有这个乡镇，无法对应任何户',
    en: '{where}: "{place}" ({category}): the county has no such township, so no household can match it',
  },
  'where-row': { zh: '重点地区名单 {file} 第 {row} 行', en: 'focus list {file}, row {row}' },
  'where-file': { zh: '重点地区名单 {file}', en: 'focus list {file}' },
  skipped: { zh: '{where}未读入：{why}', en: '{where} skipped: {why}' },
  'why-no-category': { zh: '没有写“类别”（区县：{place}）', en: 'no "类别" (place: {place})' },
  'why-no-county': { zh: '没有写“区县”（类别：{category}）', en: 'no "区县" (category: {category})' },
  'why-duplicate': { zh: '与第 {first} 行重复（{category} {place}）', en: 'the same as row {first} ({category} {place})' },
  'why-duplicate-elsewhere': { zh: '前面已列过（{category} {place}）', en: 'already listed before ({category} {place})' },
  'sheet-title': { zh: '重点地区', en: 'Focus places' },
});
