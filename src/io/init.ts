// fupin init: lays out a ledger repository — blank registers per 市州 and county, config, org registry, README, git and CI files.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, initialConfig } from '../core/config.js';
import type { Msg } from '../core/model.js';
import type { ProvinceProfile } from '../core/profile.js';
import { LOCAL_FUPIN, LedgerToolsError, ledgerToolFiles, readmeLocalCommands, readmeToolsSections, VENDORED } from './ledger-tools.js';
import { OutputError, writeFileAtomic } from './safe-write.js';
import { writeBlankTemplate } from './writers/blank.js';

/** init cannot do its job: the message (`init/…`); the CLI prints it and exits 2. */
export class InitError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
    this.name = 'InitError';
  }
}

export interface InitOptions {
  /** The province's profile: its cities and their counties (or townships) in its own order. */
  profile: ProvinceProfile;
  year: number;
  /** Add the missing files to a folder that is not empty (never overwrites, never deletes). */
  force?: boolean;
  /** The fupin version the README names (the vendored .fupin/fupin.cjs is the running fupin's one-file build). */
  version: string;
  /** Blank rows per register (default the template's 30). */
  rows?: number;
  /** Called after each file is written or kept (progress). */
  onFile?: (done: number, total: number, file: string) => void;
}

export interface InitResult {
  /** Absolute folder. */
  dir: string;
  province: string;
  /** Files written, relative, in the order written. */
  created: string[];
  /** Files that already existed and were left as they were. */
  kept: string[];
  cities: number;
  counties: number;
}

/** One city of the ledger: its folder name and its counties' file stems. */
export interface LedgerCity {
  name: string;
  counties: string[];
}

/**
 * The ledger's cities in the province's order and below each its counties (functional zones — 管理区, 园区 … — left
 * out), or, for a city without county-level divisions (东莞市, 中山市), its townships (镇、街道).
 */
export function ledgerLayout(profile: ProvinceProfile): LedgerCity[] {
  return profile.cities.map((c) => ({ name: c.name, counties: [...c.units] }));
}

// ── the text files ──────────────────────────────────────────────────────────────────────────

export const ORGS_HEADER = '单位名称,类型,层级,地区';

/** orgs.csv: the header only, UTF-8 with BOM (Excel opens it without garbling), CRLF like Excel writes. */
export function orgsCsv(): string {
  return `\uFEFF${ORGS_HEADER}\r\n`;
}

/** README.md for the clerks, in Chinese. */
export function ledgerReadme(o: { province: string; year: number; version: string; cities: readonly LedgerCity[] }): string {
  const first = o.cities[0];
  const example = o.cities.find((c) => c.name === '怀化市' && c.counties.includes('溆浦县'));
  const city = example?.name ?? first?.name ?? '某市';
  const county = example ? '溆浦县' : (first?.counties[0] ?? '某县');
  const tree = [
    '（本仓库）/',
    `  ${CONFIG_FILE}        设置（省份、年度、任务表、严格程度）`,
    '  orgs.csv                 单位名录（可选）',
    '  省本级.xlsx              省本级慈善组织的登记表',
    ...o.cities.slice(0, 2).flatMap((c) => [
      `  ${c.name}/`,
      '    市本级.xlsx            市本级慈善组织的登记表',
      ...c.counties.slice(0, 2).map((k) => `    ${k}.xlsx`),
      c.counties.length > 2 ? `    …（共 ${c.counties.length} 个县市区）` : '',
    ]),
    o.cities.length > 2 ? `  …（共 ${o.cities.length} 个市州）` : '',
  ].filter(Boolean);
  return `# ${o.province}慈善组织精准扶贫结对帮扶登记表（${o.year} 年）

本仓库保存全省各县市区的《慈善组织精准扶贫结对帮扶登记表》（附2）。每次有人提交文件，系统都会自动用
仓库里自带的 fupin（\`${VENDORED}\`）检查全部登记表：每一格填得对不对、各市州和全省的汇总（附3）、
任务完成情况（附4）。

## 一、文件放在哪里

每个市州一个文件夹，文件夹里每个县市区一个登记表，文件名就是县市区的名称：

\`\`\`
${tree.join('\n')}
\`\`\`

- 县市区的登记表：\`${city}/${county}.xlsx\`。**不要改文件名**，文件名说明了它是哪个县的。
- 市州本级慈善组织的登记表：\`${city}/市本级.xlsx\`；省本级的：\`省本级.xlsx\`。
- 每个登记表都已按附2 的格式建好（标题和“填报单位”已写上地区）。在 Excel 或 WPS 里打开，从第一行空白的序号开始填；
  行数不够可以插入行。不要改表头（序号、扶贫单位或者机构名称、扶贫户主姓名、扶贫家庭住址、联系方式）。
- 可以存成 .xlsx，也可以存成 .csv（Excel 的“CSV（逗号分隔）”即可），存成 .csv 时请删去同名的空白 .xlsx，一个县只留一个登记表。
  **不要**存成旧版的 .xls 或 WPS 的 .et。
- 联系方式请填成文本：在 Excel 里先把该列设为“文本”格式，或在号码前加英文单引号 '，否则长号码会变成 1.39123E+10，号码就丢了。
- 市州的统计表（附3）可以放在市州文件夹里，例如 \`${city}/统计表.xlsx\`：检查时会和各县的登记表逐项核对。

## 二、怎样提交（网页上操作，不用安装软件）

**GitHub**：进入仓库，点开自己市州的文件夹 → 右上角“Add file” → “Upload files” → 把填好的文件拖进去
（和原来的文件同名，就会替换原来的） → 在下面“Commit changes”里写一句说明，例如“溆浦县 9 月登记表” → 点“Commit changes”。

**GitLab**：进入仓库，点开自己市州的文件夹 → 点要替换的文件 → “替换”（Replace） → 选择填好的文件 →
写一句说明 → “替换文件”。新文件用文件夹上方的“+” → “上传文件”。

提交后几分钟内会自动检查，检查结果见下一节。

## 三、怎样看检查结果

**GitHub**：提交记录旁边出现 ✔（通过）或 ✖（没有通过）。点 ✖ → “Details”，或打开“Actions”页 → 最新一次的“fupin”。
有问题的文件在“Annotations”里逐条列出，例如：

\`\`\`
${city}/${county}.xlsx  第 9 行
phone-format E9
E9：“1.39123E+10”不是完整的电话号码……
\`\`\`

- 第一行是文件和行号；第二行是**问题种类和单元格**（E9 就是 E 列第 9 行，表格没有“行号”以外的位置，所以单元格写在这里）；
  第三行说明错在哪里、应该怎么改。CSV 文件的行号就是用记事本打开时的行号。
- 红色的是**错误**（必须改），黄色的是**警告**（请核实，多数要改），蓝色的是**提示**（不用改，例如“尚未填写”、同一户由两个单位联合帮扶）。
- GitHub 每次只在页面上显示前 10 个错误和 10 个警告；完整的清单在“fupin check”这一步的日志里。

**GitLab**：打开“构建”→“流水线”，点最新一次 → “测试”（Tests）页。每个登记表是一组，每条检查规则是一项，
没有通过的项点开可以看到每个单元格的问题。

${readmeLocalCommands(city, county)}

## 四、检查的结果和退出码

\`fupin check\` 依次做三件事：

1. **登记表检查**：每一格（必填项、电话、姓名、重复结对、地址是否在本县……）。
2. **汇总**：按附3 算出各市州和全省的统计表；文件夹里如果有市州的统计表，和登记表逐项核对。
3. **任务核对**：按附4 的任务下限核对各市州、各类型的完成情况。

最后一行给出结论，程序的退出码是：

| 退出码 | 意思 |
|---|---|
| 0 | 通过：没有错误（设置了 \`"strict": true\` 时，也没有警告） |
| 1 | 没有通过：有错误（\`"strict": true\` 时警告也算）；\`"quotaFindings": "error"\` 时，任务未完成也算 |
| 2 | 无法检查：文件夹不存在、设置文件写错了、一个登记表都没有……（会有一行说明原因） |

刚建好的登记表都是空的，会显示“尚未填写”的提示，不算错误。任务核对默认**只作提示**（任务未完成不会让检查不通过），
因为年初所有任务都还没完成；到了上报截止时，可以把 \`${CONFIG_FILE}\` 里的 \`"quotaFindings"\` 改成 \`"error"\`。
任务核对的结果标注在该市州的 \`市本级.xlsx\` 上（省本级的在 \`省本级.xlsx\` 上），每个市州一条，写明哪几项差多少。

给脚本用：\`fupin check --format json\` 输出一个 JSON 文档（validate、rollup、quota 三部分和 summary），
\`--format junit -o 文件\` 写出 JUnit 报告，\`--format github\` 输出 GitHub 的标注命令。

## 五、设置（${CONFIG_FILE}）

| 设置项 | 意思 | 默认 |
|---|---|---|
| \`province\` | 省份全称 | \`"${o.province}"\` |
| \`year\` | 年度 | （不填） |
| \`quotaTable\` | 任务分配表：\`"builtin"\` 是本省内置的附4（没有内置表的省份请放一个附4 格式的 CSV/XLSX/JSON 文件，写它的路径）；其他年份同样 | \`"builtin"\` |
| \`orgs\` | 单位名录文件 | 有 \`orgs.csv\` 就用它 |
| \`strict\` | \`true\`：警告也算不通过，地址不在本县按错误处理 | \`false\` |
| \`quotaFindings\` | \`"info"\`：任务未完成只作提示；\`"error"\`：任务未完成算错误 | \`"info"\` |
| \`deadlines\` | 截止日期，检查结果里会显示还剩几天，例如 \`[{ "name": "结对情况上报", "date": "06-15" }, { "name": "进展情况上报", "date": "12-20" }]\`（"MM-DD" 每年，"YYYY-MM-DD" 某一天） | \`[]\` |

设置写错时，检查会停下来（退出码 2），并指出是哪一项、应该怎么写。

## 六、单位名录（orgs.csv）

登记表里没有“类型”一列，fupin 按单位名称判断它是慈善系统、基金会还是社会服务机构；名称看不出来的，按社会服务机构计并给出警告。
把这些单位写进 \`orgs.csv\` 就不再警告：

\`\`\`
单位名称,类型,层级,地区
${city}扶贫服务中心,社会服务机构,市,${city}
\`\`\`

类型填 慈善系统、基金会 或 社会服务机构；层级填 省、市 或 县。可以用 \`${LOCAL_FUPIN} orgs . -o orgs.csv --force\` 生成一份再改。

${readmeToolsSections(o.version)}
`;
}

// ── laying out the ledger ───────────────────────────────────────────────────────────────────

interface Planned {
  rel: string;
  bytes: () => Promise<Uint8Array>;
}

async function entriesOf(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const text = (s: string) => async () => Buffer.from(s, 'utf8');

/** The ledger's tools (.fupin/, CI files, .gitattributes: src/io/ledger-tools.ts) as planned files. */
async function vendoredTools(): Promise<Planned[]> {
  try {
    return (await ledgerToolFiles()).map((f) => ({ rel: f.rel, bytes: async () => f.bytes }));
  } catch (e) {
    if (e instanceof LedgerToolsError) throw new InitError(e.msg);
    throw e;
  }
}

/**
 * Lays out a ledger in `dir`. Refuses a folder that holds anything but `.git` unless `force`; with `force` only adds
 * the files that are missing. Never overwrites, never deletes.
 */
export async function initLedger(dir: string, opts: InitOptions): Promise<InitResult> {
  const abs = path.resolve(dir);
  const province = opts.profile;
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100) throw new InitError({ id: 'init/bad-year', data: { value: String(opts.year) } });

  const st = await stat(abs).catch(() => undefined);
  if (st && !st.isDirectory()) throw new InitError({ id: 'init/is-file', data: { dir } });
  const present = ((await entriesOf(abs)) ?? []).filter((e) => e !== '.git');
  if (present.length && !opts.force) throw new InitError({ id: 'init/not-empty', data: { dir, present: present.slice(0, 5), more: present.length > 5 ? ' …' : '' } });

  const cities = ledgerLayout(province);
  const register = (area: string, unit: string) => () =>
    writeBlankTemplate('register', { area, unitLine: unit, ...(opts.rows !== undefined ? { rows: opts.rows } : {}) });
  const plan: Planned[] = [
    { rel: CONFIG_FILE, bytes: text(`${JSON.stringify(initialConfig(province.name, opts.year), null, 2)}\n`) },
    { rel: 'orgs.csv', bytes: text(orgsCsv()) },
    { rel: 'README.md', bytes: text(ledgerReadme({ province: province.name, year: opts.year, version: opts.version, cities })) },
    ...(await vendoredTools()),
    { rel: '省本级.xlsx', bytes: register(`${province.name}本级`, `${province.name}本级`) },
  ];
  for (const c of cities) {
    plan.push({ rel: `${c.name}/市本级.xlsx`, bytes: register(`${c.name}本级`, `${c.name}本级`) });
    for (const k of c.counties) plan.push({ rel: `${c.name}/${k}.xlsx`, bytes: register(`${c.name}${k}`, `${c.name}${k}`) });
  }

  const created: string[] = [];
  const kept: string[] = [];
  let done = 0;
  for (const item of plan) {
    const target = path.join(abs, ...item.rel.split('/'));
    if (await stat(target).catch(() => undefined)) {
      kept.push(item.rel);
    } else {
      try {
        await writeFileAtomic(target, await item.bytes());
        created.push(item.rel);
      } catch (e) {
        // a file that appeared meanwhile is kept, like one that was there before
        // any other refusal (no permission, disk full …) ends the command with its own message
        if (e instanceof OutputError && e.kind === 'exists') kept.push(item.rel);
        else throw e;
      }
    }
    opts.onFile?.(++done, plan.length, item.rel);
  }
  return {
    dir: abs,
    province: province.name,
    created,
    kept,
    cities: cities.length,
    counties: cities.reduce((n, c) => n + c.counties.length, 0),
  };
}
