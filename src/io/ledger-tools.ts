// What a ledger carries to check itself with no package name on any registry: fupin as one file (.fupin/fupin.cjs, run
// by the runner's or the clerk's own Node), its checksum, the script CI runs (.fupin/check.sh), the CI files that call
// it, the git attributes (textconv through the same fupin) and the README's sections about them. fupin init writes
// them; fupin init --update refreshes them and says what changed.
import type { Msg } from '../core/model.js';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { executableAsset, isOneFileBuild, packageFile } from './package-root.js';
import { writeFileAtomic } from './safe-write.js';

export const VENDORED = '.fupin/fupin.cjs';
export const VENDORED_SUM = '.fupin/fupin.cjs.sha256';
export const CHECK_SCRIPT = '.fupin/check.sh';
export const GITHUB_WORKFLOW = '.github/workflows/fupin.yml';
export const GITLAB_CI = '.gitlab-ci.yml';
export const GITATTRIBUTES = '.gitattributes';
/** How the README, the textconv and a person at the ledger run the vendored fupin. */
export const LOCAL_FUPIN = `node ${VENDORED}`;
export const TEXTCONV = `git config diff.fupin.textconv "${LOCAL_FUPIN} cat"`;
/** git diff on a register shows what changed by household (fupin diff); git log -p keeps the textconv's rows. */
export const DIFF_COMMAND = `git config diff.fupin.command "${LOCAL_FUPIN} diff --git-external"`;
/** What a ledger made by fupin 0.1.0 ran in CI: a package name nobody published. Such files are replaced by --update. */
const OLD_NPX = /npx (?:--yes |--no-install )?fupin(?:@| cat)/;

/** Tools cannot be written or found: the message (the CLI prints it and exits 2). */
export class LedgerToolsError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
    this.name = 'LedgerToolsError';
  }
}

/**
 * The one-file build of the fupin that is running: the executable's own asset, the file itself when run as the
 * one-file build (a ledger's .fupin/fupin.cjs), or dist/fupin.cjs of the package (made by `npm run build`).
 */
export async function oneFileBuild(): Promise<Buffer> {
  const asset = executableAsset('fupin.cjs');
  if (asset) return asset;
  if (isOneFileBuild() && typeof __filename === 'string') return readFile(__filename);
  const file = packageFile('dist', 'fupin.cjs');
  try {
    return await readFile(file);
  } catch {
    throw new LedgerToolsError({ id: 'init/tools-missing', data: { file } });
  }
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The version a one-file build names in its first line (`// fupin 0.1.0 - one-file build …`; before 2026-11-27 with an em dash). */
export function versionOfBuild(bytes: Uint8Array): string | undefined {
  const first = Buffer.from(bytes.subarray(0, 200)).toString('utf8').split('\n')[0] ?? '';
  return /^\/\/ fupin (\S+) /.exec(first)?.[1];
}

// ── the files ──────────────────────────────────────────────────────────────────────────────

/** .fupin/check.sh: POSIX sh (dash, busybox ash, bash), run from anywhere; exit code is fupin check's. */
export function checkScript(): string {
  return `#!/bin/sh
# fupin 检查整个台账：用本文件夹里的 fupin（${VENDORED}），只需要 Node.js 20 或以上，不安装、不下载任何东西。
# Checks the whole ledger with the fupin vendored here (${VENDORED}): needs Node.js 20 or later, installs and downloads nothing.
# 由 fupin init 写出，用 fupin init --update 更新 / written by fupin init, refreshed by fupin init --update.
#   GitHub Actions (GITHUB_ACTIONS set): 问题标注在文件和单元格上 / ::error annotations on the files and cells
#   GitLab CI (GITLAB_CI set):           JUnit 报告 fupin-junit.xml + 日志里的检查结果 / JUnit report + the report in the log
#   其他（自己的电脑）/ elsewhere:        检查结果 / the report
# 额外的参数交给 fupin check，例如 / extra arguments go to fupin check, e.g.:  sh ${CHECK_SCRIPT} --strict
# 退出码 / exit code: 0 通过 passed, 1 有问题 problems, 2 无法检查 could not check
cd "$(dirname "$0")/.." || exit 2

if ! command -v node >/dev/null 2>&1; then
  echo "fupin: 找不到 node。请用装有 Node.js 20 或以上版本的运行环境（例如镜像 node:22-alpine）。/ node not found: use a runner with Node.js 20 or later (e.g. the node:22-alpine image)." >&2
  exit 2
fi
if ! node -e "process.exit(Number(process.versions.node.split('.')[0]) >= 20 ? 0 : 1)"; then
  echo "fupin: Node.js $(node --version) 太旧，需要 20 或以上。/ Node.js $(node --version) is too old: 20 or later is needed." >&2
  exit 2
fi
# the vendored file must be the one its checksum names (a bad merge or a line-ending conversion would change it)
if command -v sha256sum >/dev/null 2>&1; then
  if ! (cd .fupin && sha256sum -c fupin.cjs.sha256 >/dev/null 2>&1); then
    echo "fupin: ${VENDORED} 与 ${VENDORED_SUM} 不符，文件被改动过：请用 fupin init --update 重新写出。/ ${VENDORED} does not match ${VENDORED_SUM}: rewrite it with fupin init --update." >&2
    exit 2
  fi
fi

if [ -n "\${GITHUB_ACTIONS:-}" ]; then
  exec node ${VENDORED} check --format github "$@" .
elif [ -n "\${GITLAB_CI:-}" ]; then
  exec node ${VENDORED} check --format junit --output fupin-junit.xml --force "$@" .
else
  exec node ${VENDORED} check "$@" .
fi
`;
}

/** .github/workflows/fupin.yml: the runner's own Node runs the vendored fupin. */
export function githubWorkflow(): string {
  return [
    '# fupin 检查：每次推送、每个合并请求都检查全部登记表，问题标注在文件上（由 fupin init 生成）',
    '# fupin check on every push and pull request; problems become annotations on the files (written by fupin init).',
    `# 运行仓库里自带的 fupin（${VENDORED}），用运行器自带的 Node.js，不下载 fupin；升级用 fupin init --update。`,
    `# Runs the fupin kept in this repository (${VENDORED}) with the runner's own Node.js; upgrade with fupin init --update.`,
    'name: fupin',
    'on:',
    '  push:',
    '  pull_request:',
    '  workflow_dispatch:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  check:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - name: fupin check',
    `        run: sh ${CHECK_SCRIPT}`,
    '',
  ].join('\n');
}

/** .gitlab-ci.yml, with the JUnit report GitLab shows under the pipeline's Tests tab. */
export function gitlabCi(): string {
  return [
    '# fupin 检查：每次推送都检查全部登记表；结果在流水线的“测试”页（由 fupin init 生成）',
    "# fupin check on every push; results in the pipeline's Tests tab (written by fupin init).",
    `# 运行仓库里自带的 fupin（${VENDORED}），只需要一个有 Node.js 20 或以上的镜像，不下载 fupin。`,
    `# Runs the fupin kept in this repository (${VENDORED}); any image with Node.js 20 or later will do.`,
    '# 内网没有 Docker Hub 时：在“设置 → CI/CD → 变量”里把 FUPIN_NODE_IMAGE 设为内网镜像仓库里的 Node 镜像。',
    '# On an intranet without Docker Hub, set the CI/CD variable FUPIN_NODE_IMAGE to a Node image in your own registry.',
    'variables:',
    '  FUPIN_NODE_IMAGE: "node:22-alpine"',
    'fupin-check:',
    '  image: $FUPIN_NODE_IMAGE',
    '  script:',
    `    - sh ${CHECK_SCRIPT}`,
    '  artifacts:',
    '    when: always',
    '    paths:',
    '      - fupin-junit.xml',
    '    reports:',
    '      junit: fupin-junit.xml',
    '',
  ].join('\n');
}

/** .gitattributes: registers are binary to git (no line-ending conversion, no text merge) and diffed through `fupin cat`. */
export function gitattributes(): string {
  return [
    '# 由 fupin init 生成 / written by fupin init',
    '# 登记表按原样保存（不转换换行、不做文本合并），git diff 时用 fupin cat 显示为逐行的表格内容。',
    '# Registers are stored byte for byte (no EOL conversion, no text merge); git diff shows them row by row through fupin cat.',
    '# 需要在本机执行一次（用仓库里自带的 fupin，需要 Node.js）/ run once on your machine (uses the vendored fupin, needs Node.js):',
    `#   ${TEXTCONV}`,
    '# git diff 按户列出新增、删除和改动的结对（fupin diff）/ git diff lists pairings added, removed and changed, by household (fupin diff):',
    `#   ${DIFF_COMMAND}`,
    '*.xlsx -text -merge diff=fupin',
    '*.xlsm -text -merge diff=fupin',
    '*.xls  -text -merge -diff',
    '*.et   -text -merge -diff',
    '*.csv  -text -merge diff=fupin',
    '# 单位名录是普通文本 / the org registry is plain text',
    'orgs.csv -text diff',
    '*.md   text eol=lf',
    '*.json text eol=lf',
    '*.yml  text eol=lf',
    '# 仓库自带的 fupin：原样保存，不显示差异；脚本保持 LF / the vendored fupin: byte for byte, no diff; the script keeps LF',
    `${VENDORED} -text -diff -merge linguist-generated`,
    `${VENDORED_SUM} text eol=lf`,
    '*.sh   text eol=lf',
    '',
  ].join('\n');
}

/** The files a ledger's tools are, with their bytes: what fupin init writes next to the registers. */
export async function ledgerToolFiles(): Promise<{ rel: string; bytes: Buffer }[]> {
  const build = await oneFileBuild();
  const text = (s: string) => Buffer.from(s, 'utf8');
  return [
    { rel: GITATTRIBUTES, bytes: text(gitattributes()) },
    { rel: GITHUB_WORKFLOW, bytes: text(githubWorkflow()) },
    { rel: GITLAB_CI, bytes: text(gitlabCi()) },
    { rel: CHECK_SCRIPT, bytes: text(checkScript()) },
    { rel: VENDORED, bytes: build },
    { rel: VENDORED_SUM, bytes: text(`${sha256(build)}  fupin.cjs\n`) },
  ];
}

// ── the README's parts about the tools ─────────────────────────────────────────────────────

/** The README's "check on your own machine" block (section 三). */
export function readmeLocalCommands(city: string, county: string): string {
  return `**在自己的电脑上检查**：仓库里自带 fupin（\`${VENDORED}\`），装有 Node.js 20 或以上就能用，不用另外安装；在仓库文件夹里执行
（\`node\` 开头的命令在 Windows 的 PowerShell 和 cmd 里也一样）：

\`\`\`
sh ${CHECK_SCRIPT}                 # 和 CI 一样检查整个仓库
${LOCAL_FUPIN} check .             # 同上，Windows 上没有 sh 时用这一条
${LOCAL_FUPIN} validate ${city}/${county}.xlsx                 # 只检查一个登记表
${LOCAL_FUPIN} validate --annotate 批注 ${city}/${county}.xlsx   # 生成一份把问题单元格标红并加批注的副本
\`\`\`

没有 Node.js 的电脑：用 fupin-win-x64.exe，把登记表或文件夹拖到它的图标上即可（见 fupin 的说明）。`;
}

/** The README's sections about diffs and CI (七 and 八). */
export function readmeToolsSections(version: string): string {
  return `## 七、查看登记表改了什么（给管理仓库的同事）

登记表是 Excel 文件，git 默认看不出改了哪里。在自己的电脑上（装有 Node.js 20 或以上）、在仓库文件夹里执行一次：

\`\`\`
${TEXTCONV}
${DIFF_COMMAND}
git config core.quotepath off
\`\`\`

之后 \`git diff\` 会用仓库自带的 fupin 按户列出新增、删除和改动的结对（行的顺序和序号不算改动，
同一户的地址写法改了仍算同一户），\`git log -p\` 会把登记表显示成逐行的表格内容（\`.gitattributes\` 已经写好），
文件名里的中文也照常显示。要看逐行的内容：\`git diff --no-ext-diff\`。两个版本也可以直接比较：
\`${LOCAL_FUPIN} diff 旧版/溆浦县.xlsx 溆浦县（修改）.xlsx\`（加 \`-o 变更.xlsx\` 写成 Excel 清单）。

## 八、CI 里的 fupin 从哪里来

仓库自带 fupin：\`${VENDORED}\` 是 fupin ${version} 的单文件版本（几 MB，只用 Node.js 运行），
\`${VENDORED_SUM}\` 是它的 SHA-256 校验值，\`${CHECK_SCRIPT}\` 是 CI 调用的脚本。\`.github/workflows/fupin.yml\` 和
\`.gitlab-ci.yml\` 都只执行 \`sh ${CHECK_SCRIPT}\`，用运行器自带的 Node.js 运行仓库里的这个文件：**不从 npm 或任何网站下载 fupin**，
fupin 的版本由 git 里这个文件的内容固定，检查规则不会在年中悄悄改变。脚本会先核对校验值，文件被改动过就停止（退出码 2）。

**内网 GitLab（没有互联网）**：fupin 本身不需要网络。运行器只要能拿到一个装有 Node.js 20 或以上的环境：

- Docker 运行器：在“设置 → CI/CD → 变量”里添加变量 \`FUPIN_NODE_IMAGE\`，值为内网镜像仓库里的 Node 镜像
  （例如 \`registry.example.local/library/node:22-alpine\`，由管理员从 Docker Hub 的 \`node:22-alpine\` 导入一次）；
- Shell 运行器：在运行器所在的机器上安装 Node.js 20 或以上（内网软件源或安装包），\`image\` 一行会被忽略。

**升级 fupin**：用新版本的 fupin（例如新下载的 fupin-linux-x64 或 fupin-win-x64.exe）在仓库文件夹里执行
\`fupin init --update .\`，它会换掉 \`.fupin/\` 里的文件并说明版本和校验值从什么变成了什么；检查无误后提交即可。`;
}

// ── fupin init --update ────────────────────────────────────────────────────────────────────

export type ToolFileStatus = 'created' | 'updated' | 'unchanged' | 'replaced-npx' | 'kept';

export interface BuildId {
  version: string | undefined;
  sha256: string;
}

export interface ToolsUpdate {
  /** The vendored fupin before (undefined: there was none) and after. */
  before?: BuildId;
  after: BuildId;
  files: { rel: string; status: ToolFileStatus }[];
  /** README.md still tells readers to use npx (made by an older fupin). */
  readmeMentionsNpx: boolean;
}

async function readOrUndefined(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Refreshes a ledger's tools: .fupin/ always (it is fupin's own), the CI files and .gitattributes when they are
 * missing or still call npx (they could never work), otherwise they are kept as the ledger's keepers edited them.
 */
export async function updateLedgerTools(dir: string): Promise<ToolsUpdate> {
  const abs = path.resolve(dir);
  if (!(await readOrUndefined(path.join(abs, 'fupin.config.json')))) {
    throw new LedgerToolsError({ id: 'init/not-ledger', data: { dir } });
  }
  const old = await readOrUndefined(path.join(abs, ...VENDORED.split('/')));
  const files: ToolsUpdate['files'] = [];
  let after: BuildId | undefined;
  for (const f of await ledgerToolFiles()) {
    if (f.rel === VENDORED) after = { version: versionOfBuild(f.bytes), sha256: sha256(f.bytes) };
    const target = path.join(abs, ...f.rel.split('/'));
    const current = await readOrUndefined(target);
    const ours = f.rel.startsWith('.fupin/');
    let status: ToolFileStatus;
    if (!current) status = 'created';
    else if (current.equals(f.bytes)) status = 'unchanged';
    else if (ours) status = 'updated';
    else if (OLD_NPX.test(current.toString('utf8'))) status = 'replaced-npx';
    else status = 'kept';
    if (status === 'created' || status === 'updated' || status === 'replaced-npx') {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, f.bytes, { force: true });
    }
    files.push({ rel: f.rel, status });
  }
  const readme = await readOrUndefined(path.join(abs, 'README.md'));
  return {
    ...(old ? { before: { version: versionOfBuild(old), sha256: sha256(old) } } : {}),
    after: after!,
    files,
    readmeMentionsNpx: Boolean(readme && /npx --yes fupin@/.test(readme.toString('utf8'))),
  };
}
