// What the commands say when they cannot start: missing paths, flags that do not go together.
import type { Group } from './index.js';

export const VALIDATE = (): Group => ({
  'no-paths': { zh: '请指定要检查的登记表文件或文件夹，例如：fupin validate 溆浦县.xlsx', en: 'give files or folders to check, e.g. fupin validate "溆浦县".xlsx' },
  'fix-needs-out': {
    zh: '--fix 需要 --out 文件夹：修复后的副本写到那里，原文件不会被修改',
    en: '--fix needs --out DIR: the repaired copies go there (inputs are never changed)',
  },
});

export const CARDS = (): Group => ({
  'no-paths': { zh: '请指定登记表文件或文件夹，例如：fupin cards 溆浦县.xlsx -o 结对帮扶卡.xlsx', en: 'give register files or folders, e.g. fupin cards "溆浦县".xlsx -o cards.xlsx' },
  'no-output': { zh: '请用 -o 指定要写出的文件，例如 -o 结对帮扶卡.xlsx', en: 'give the file to write with -o, e.g. -o cards.xlsx' },
  'bad-output': { zh: '-o 要写 .xlsx 文件，例如 -o 结对帮扶卡.xlsx（收到 “{value}”）', en: '-o writes an .xlsx file, e.g. -o cards.xlsx (got "{value}")' },
  'no-pairings': { zh: '登记表里没有结对记录（户主姓名都是空的），没有可制的卡片', en: 'the registers hold no pairings (every head of household is empty): no cards to make' },
  skipped: { zh: '跳过 {file}：{reason}', en: 'skipped {file}: {reason}' },
  'no-name': { zh: '{n} 行没有户主姓名，没有制卡：', en: '{n} rows have no head of household and got no card:' },
  'rows-no-name': { zh: '{file} 第 {rows} 行', en: '{file} rows {rows}' },
  repeated: { zh: '{n} 行与前面的结对重复（同一单位、同一户），只制一张卡', en: '{n} rows repeat an earlier pairing (same organisation, same household): one card per pairing' },
  written: { zh: '共 {n} 张结对帮扶卡，每张一页 A4：{file}', en: '{n} pairing cards, one A4 page each: {file}' },
});

export const FIX = (): Group => ({
  'no-paths': { zh: '请指定要修复的登记表文件或文件夹，例如：fupin fix 溆浦县.xlsx --out 修复后', en: 'give the register files or folders to repair, e.g. fupin fix "溆浦县".xlsx --out fixed' },
  'no-out': {
    zh: '请用 --out 指定副本写到哪个文件夹（原文件不会被修改），例如：fupin fix {example} --out 修复后；只想看会改什么，加 --dry-run',
    en: 'give the folder for the repaired copies with --out (inputs are never changed), e.g. fupin fix {example} --out fixed; add --dry-run to only list the changes',
  },
  'nothing-readable': { zh: 'fupin：没有一个文件能读出登记表，未做任何修改', en: 'fupin: no register could be read; nothing was changed' },
  header: { zh: '{file} → {out}（{count} 处修改）', en: '{file} → {out} ({count} changes)' },
  'header-dry': { zh: '{file}（将修改 {count} 处，--dry-run 未写出）', en: '{file} ({count} changes, not written: --dry-run)' },
  'unchanged-dry': { zh: '无需修改：{files}', en: 'nothing to repair: {files}' },
  'csv-note': {
    zh: '  CSV 副本按 UTF-8（带 BOM，逗号分隔）写出，Excel/WPS 可直接打开；原文件编码为 {encoding}',
    en: '  the CSV copy is written as UTF-8 with BOM, comma-separated (Excel and WPS open it); the original was {encoding}',
  },
  'xlsx-note': {
    zh: '  原文件是 {from} 格式，副本存为 Excel 工作簿 .xlsx（数值、合并单元格、数字格式和列宽保留，字体和底色不保留）',
    en: '  the original is {from}; the copy is saved as an .xlsx workbook (values, merges, number formats and widths kept; fonts and fills not)',
  },
  unchanged: { zh: '无需修改（原样复制）：{files}', en: 'nothing to repair (copied as they are): {files}' },
  unreadable: { zh: '无法读取，未修复：{file}（{message}）', en: 'could not be read, not repaired: {file} ({message})' },
  skipped: { zh: '  {cell} 未修改：该单元格是公式', en: '  {cell} not changed: the cell holds a formula' },
  summary: {
    zh: '共修改 {files} 个文件、{changes} 个单元格。需要人工核对的问题（如被 Excel 改坏的电话号码、空着的必填项）不会自动修改：请用 fupin validate {target} 查看。',
    en: '{changes} cells changed in {files} files. Problems that need a person (phones destroyed by Excel, empty required cells) are not repaired: run fupin validate {target} to see them.',
  },
  'summary-dry': { zh: '共将修改 {files} 个文件、{changes} 个单元格（--dry-run：未写出任何文件）。', en: '{changes} cells in {files} files would change (--dry-run: nothing written).' },
  'summary-none': { zh: '没有可以自动修复的内容。', en: 'nothing to repair.' },
  quote: { zh: '“{text}”', en: '"{text}"' },
  'as-number': { zh: '（数字）', en: ' (number)' },
});

export const FIX_REASON = (): Group => ({
  trim: { zh: '去掉首尾多余的空格', en: 'removed stray spaces at the start or end' },
  'half-width': { zh: '全角数字、字母改为半角', en: 'made full-width digits and letters half-width' },
  'name-spaces': { zh: '去掉姓名中间用来对齐的空格', en: 'removed the spaces typed inside the name to align it' },
  renumber: { zh: '序号按 1、2、3…… 重新连续编号', en: 'renumbered 1, 2, 3 … in row order' },
  ditto: { zh: '“同上”改为上一行的完整内容', en: 'a ditto mark written out as the row above' },
  'phone-as-text': { zh: '以数字存储的电话号码改为文本（单元格格式设为“文本”）', en: 'phone stored as a number written as text (cell format Text)' },
  'org-spelling': { zh: '单位名称统一为本表最常用的写法', en: 'organisation name unified to the spelling used most in this register' },
  'org-registry': { zh: '单位名称统一为单位名录（orgs.csv）中的写法', en: "organisation name unified to the org registry's (orgs.csv) spelling" },
  'formula-guard': {
    zh: '以 = + - @ 开头的内容前加了英文单引号，防止 Excel 把它当作公式执行',
    en: 'an apostrophe put before text starting with = + - @ so that Excel does not run it as a formula',
  },
});

export const CAT = (): Group => ({
  'no-file': { zh: '请指定一个登记表文件，例如：fupin cat 溆浦县.xlsx', en: 'give one register file, e.g. fupin cat "溆浦县".xlsx' },
  folder: { zh: 'fupin cat 只接受一个文件，{file} 是文件夹', en: 'fupin cat takes one file; {file} is a folder' },
  nothing: { zh: '{file} 不是表格文件', en: '{file} is not a spreadsheet' },
  unreadable: { zh: '{file}：{why}', en: '{file}: {why}' },
});

export const TEMPLATE = (): Group => ({
  'bad-kind': {
    zh: '不认识的表格 “{value}”：可用 register（附2 登记表）、stats（附3 统计表）、quota（附4 任务分配表）、card（附1 结对帮扶卡）',
    en: 'unknown form "{value}": use register ("附2"), stats ("附3"), quota ("附4") or card ("附1")',
  },
  'bad-rows': { zh: '--rows 要填 1 到 {max} 之间的整数（收到 “{value}”）', en: '--rows takes a whole number from 1 to {max} (got "{value}")' },
  'rows-kind': { zh: '--rows 只用于 register 和 stats（收到 {kind}）', en: '--rows applies to register and stats only (got {kind})' },
  'bad-output': { zh: '-o 要写 .xlsx 文件，例如 -o {example}（收到 “{value}”）', en: '-o writes an .xlsx file, e.g. -o {example} (got "{value}")' },
  missing: { zh: '找不到表格模板 {file}（安装不完整，请重新安装 fupin）', en: 'the form template {file} is missing (the installation is incomplete: reinstall fupin)' },
  'no-sheet': { zh: '表格模板 {file} 里没有工作表（安装不完整，请重新安装 fupin）', en: 'the form template {file} has no sheet (reinstall fupin)' },
  'no-name': { zh: '表格模板缺少名称 “{name}”（请用 npm run templates 重新生成）', en: 'a form template lacks the defined name "{name}" (regenerate them with npm run templates)' },
});

export const INIT = (): Group => ({
  'no-dir': { zh: '请指定台账文件夹，例如：fupin init 登记表台账', en: 'give the ledger folder, e.g. fupin init ledger' },
  'bad-year': { zh: '--year 应为四位数的年份，例如 2016（收到 “{value}”）', en: '--year must be a four-digit year, e.g. 2016 (got "{value}")' },
  'is-file': { zh: '{dir} 是一个文件，不是文件夹', en: '{dir} is a file, not a folder' },
  'not-empty': {
    zh: '文件夹 {dir} 不是空的（{present}{more}）：换一个空文件夹，或加 --force 只补上缺少的文件（不会覆盖、不会删除任何文件）',
    en: 'the folder {dir} is not empty ({present}{more}); use an empty folder, or add --force to add only the missing files (nothing is overwritten or deleted)',
  },
  done: {
    zh: '已在 {dir} 建好{province}台账：{cities} 个市州、{counties} 个{units}的空白登记表，共写出 {created} 个文件。',
    en: 'Ledger of {province} laid out in {dir}: blank registers for {cities} cities and {counties} {units}, {created} files written.',
  },
  'done-kept': {
    zh: '已在 {dir} 建好{province}台账：{cities} 个市州、{counties} 个{units}的空白登记表，共写出 {created} 个文件，已有的 {kept} 个文件保持不变。',
    en: 'Ledger of {province} laid out in {dir}: blank registers for {cities} cities and {counties} {units}, {created} files written, {kept} existing files left as they were.',
  },
  'units-counties': { zh: '县市区', en: 'counties' },
  'units-mixed': { zh: '县市区（或乡镇街道）', en: 'counties (or townships)' },
  next: {
    zh: '下一步：\n  cd {dir}\n  git init && git add . && git commit -m "台账"      # 然后推送到 GitHub 或 GitLab\n  sh {check}                                # 检查全部登记表（和 CI 一样）\n  {textconv}   # 让 git diff 逐行显示登记表的改动\n说明见 README.md。',
    en: 'Next:\n  cd {dir}\n  git init && git add . && git commit -m "ledger"    # then push to GitHub or GitLab\n  sh {check}                                # check every register (as CI does)\n  {textconv}   # git diff shows register changes row by row\nSee README.md.',
  },
  'tools-missing': { zh: '找不到 {file}：请先运行 npm run build', en: '{file} is missing: run npm run build first' },
  'not-ledger': {
    zh: '{dir} 不是 fupin 台账（没有 fupin.config.json）：请给出台账文件夹，或用 fupin init 新建一个',
    en: '{dir} is not a fupin ledger (no fupin.config.json): give the ledger folder, or make one with fupin init',
  },
  build: { zh: 'fupin {version}（sha256 {sha}…）', en: 'fupin {version} (sha256 {sha}…)' },
  'unknown-version': { zh: '（版本不明）', en: '(unknown version)' },
  'update-changed': { zh: '已更新台账里的 fupin：{from} → {to}', en: "The ledger's fupin was updated: {from} → {to}" },
  'update-same': { zh: '台账里的 fupin 已是这个版本：{build}', en: 'The ledger already has this fupin: {build}' },
  'update-first': { zh: '已把 fupin 放进台账：{build}', en: 'fupin was put into the ledger: {build}' },
  'status-created': { zh: '新写出', en: 'written' },
  'status-updated': { zh: '已更新', en: 'updated' },
  'status-unchanged': { zh: '未变', en: 'unchanged' },
  'status-replaced-npx': { zh: '已改为调用 .fupin/check.sh（原来的 npx fupin@… 无法运行）', en: 'now calls .fupin/check.sh (its npx fupin@… could never run)' },
  'status-kept': { zh: '保留原样（改动过；请确认它调用 sh .fupin/check.sh）', en: 'kept as edited (check that it runs sh .fupin/check.sh)' },
  'update-readme': {
    zh: 'README.md 还在说用 npx 安装 fupin：删除它后运行 fupin init --force . 可得到新的说明（其他文件不动）。',
    en: 'README.md still says to install fupin with npx: delete it and run fupin init --force . for the new one (nothing else is touched).',
  },
  'update-commit': {
    zh: '检查无误后提交：git add -A .fupin .github .gitlab-ci.yml .gitattributes && git commit -m "fupin {version}"',
    en: 'Review, then commit: git add -A .fupin .github .gitlab-ci.yml .gitattributes && git commit -m "fupin {version}"',
  },
  'update-textconv': { zh: '如果这台电脑设置过 git 的 textconv，重新执行一次：{textconv}', en: "If this machine had git's textconv set up, run once more: {textconv}" },
});

export const CHECK = (): Group => ({
  missing: { zh: '找不到文件夹：{dir}', en: 'folder not found: {dir}' },
  'not-dir': { zh: '{dir} 是一个文件：fupin check 检查整个台账文件夹（检查单个登记表请用 fupin validate {dir}）', en: '{dir} is a file: fupin check checks a whole ledger folder (for one register use fupin validate {dir})' },
  'no-files': { zh: '{dir} 中没有表格文件（.xlsx、.xlsm、.csv）：请先用 fupin init 建好台账，或把登记表放进来', en: 'no spreadsheet files (.xlsx, .xlsm, .csv) in {dir}: lay out a ledger with fupin init, or put registers in it' },
  'config-orgs': { zh: '{file}：“orgs” 指向的单位名录 {orgs} 不存在：请改成正确的路径，或删去这一项', en: '{file}: "orgs" names the org registry {orgs}, which does not exist: correct the path or remove the setting' },
  'config-province': { zh: '{file}：“province” 的值 “{value}” 不是已知的省份：应为省份全称，例如 "广东省"', en: '{file}: "province" is "{value}", not a known province; write its full name, e.g. "广东省"' },
  'quota-table': { zh: '{file}：“quotaTable”：{why}', en: '{file}: "quotaTable": {why}' },
  'nothing-rollup': { zh: '没有可以汇总的登记表或统计表', en: 'no registers or statistics tables to roll up' },
  'no-quota-area': { zh: '没有可以按任务表核对的地区（需要 省本级、市本级 或县市区的登记表，或市州统计表）', en: 'nothing to check against the quota table (no registers of "省本级", a "市本级" or a county, and no city statistics table)' },
  'quota-province': {
    zh: '任务分配表是{table}的，本台账是{province}的：未核对任务。请在 fupin.config.json 的 “quotaTable” 写上本省的任务分配表',
    en: 'the quota table is for {table}, this ledger for {province}: quotas not checked; name your province’s table in "quotaTable" of fupin.config.json',
  },
  'quota-year': { zh: '任务分配表是 {table} 年的，本台账是 {year} 年的：请核实 fupin.config.json 的 “quotaTable”', en: 'the quota table is for {table}, this ledger for {year}: check "quotaTable" in fupin.config.json' },
  'not-in-table': { zh: '读到的地区都不在任务分配表中，未核对：{names}', en: 'none of the areas read is in the quota table; not checked: {names}' },
});

export const REGISTER_EMPTY_MSG = (): Group => ({
  empty: { zh: '登记表尚未填写（还没有结对记录）：请从第一行空白的序号开始填写', en: 'the register has no pairings yet: fill it in from the first blank numbered row' },
});
