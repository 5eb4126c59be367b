// fupin init lays out a ledger; fupin check on it (fresh, then with the example province copied in) and its own CI commands agree.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, STACK_LINE, tempDir, type RunResult } from './helpers.js';
import { findAll, parseXml } from '../formatters/xml-wellformed.js';

// FUPIN_BIN lets the test run against another build of the CLI (the default is the package's bin/fupin.js)
const FUPIN = process.env.FUPIN_BIN ?? BIN;

function fupin(args: string[], cwd: string): RunResult {
  const r = spawnSync(process.execPath, [FUPIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `sh .fupin/check.sh` in the ledger as a stock CI runner runs it: PATH only /usr/bin:/bin, the CI's own variables. */
function checkSh(cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync('/bin/sh', ['.fupin/check.sh'], {
    cwd,
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(path.relative(dir, path.join(d, e.name)).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

interface CheckJson {
  validate: { files: unknown[]; summary: { errors: number } };
  rollup: { level: string; rows: { unit: string }[]; byCity?: unknown[] } | null;
  quota: { met: boolean; areas: unknown[] } | null;
  problems: { section: string; file?: string; row?: number; cell?: string; rule: string; severity: string; message: string }[];
  summary: { registers: number; emptyRegisters: number; errors: number; warnings: number; infos: number; passed: boolean; exitCode: number; quotaMet: boolean | null };
}

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

// each run reads 137 registers: minutes on a loaded 2-core machine
describe('fupin init and fupin check', () => {
  let tmp: { dir: string; cleanup: () => void };
  let led: string;

  beforeAll(() => {
    tmp = tempDir();
    led = path.join(tmp.dir, 'ledger');
  });
  afterAll(() => tmp.cleanup());

  it('init lays out a ledger: 14 cities, 122 counties, 137 blank registers and the repository files', () => {
    const r = fupin(['init', led], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`已在 ${led} 建好湖南省台账：14 个市州、122 个县市区的空白登记表，共写出 146 个文件。`);
    const all = files(led);
    expect(all.filter((f) => f.endsWith('.xlsx'))).toHaveLength(137);
    expect(all.filter((f) => !f.endsWith('.xlsx'))).toEqual([
      '.fupin/check.sh', '.fupin/fupin.cjs', '.fupin/fupin.cjs.sha256',
      '.gitattributes', '.github/workflows/fupin.yml', '.gitlab-ci.yml', 'README.md', 'fupin.config.json', 'orgs.csv',
    ]);
    expect(all).toContain('怀化市/溆浦县.xlsx');
    expect(all).toContain('湘西土家族苗族自治州/市本级.xlsx');
    expect(all).toContain('省本级.xlsx');
    // functional zones are not counties with a register
    expect(all.some((f) => /管理区|示范区|开发区|园区/.test(f))).toBe(false);
    expect(readFileSync(path.join(led, 'orgs.csv'))).toEqual(Buffer.from('\uFEFF单位名称,类型,层级,地区\r\n', 'utf8'));
    expect(JSON.parse(readFileSync(path.join(led, 'fupin.config.json'), 'utf8'))).toEqual({
      province: '湖南省', year: 2016, quotaTable: 'builtin', orgs: 'orgs.csv', strict: false, quotaFindings: 'info', deadlines: [],
    });
    const attrs = readFileSync(path.join(led, '.gitattributes'), 'utf8');
    expect(attrs).toContain('*.xlsx -text -merge diff=fupin\n');
    expect(attrs).toContain('git config diff.fupin.textconv "node .fupin/fupin.cjs cat"');
    expect(attrs).toContain('.fupin/fupin.cjs -text -diff');
    const readme = readFileSync(path.join(led, 'README.md'), 'utf8');
    for (const heading of ['## 一、文件放在哪里', '## 二、怎样提交', '## 三、怎样看检查结果', '## 四、检查的结果和退出码', '## 五、设置', '## 七、查看登记表改了什么']) {
      expect(readme).toContain(heading);
    }
    expect(readme).toContain('git config diff.fupin.textconv "node .fupin/fupin.cjs cat"');
    expect(readme).toContain('内网 GitLab');
    expect(readFileSync(path.join(led, '.gitlab-ci.yml'), 'utf8')).toContain('junit: fupin-junit.xml');
    // the vendored fupin is this build's one file, pinned by its checksum; nothing names a package to fetch
    const vendored = readFileSync(path.join(led, '.fupin/fupin.cjs'));
    expect(vendored.equals(readFileSync(path.join(ROOT, 'dist/fupin.cjs')))).toBe(true);
    expect(readFileSync(path.join(led, '.fupin/fupin.cjs.sha256'), 'utf8')).toBe(`${createHash('sha256').update(vendored).digest('hex')}  fupin.cjs\n`);
    for (const f of ['.github/workflows/fupin.yml', '.gitlab-ci.yml', '.gitattributes', 'README.md', '.fupin/check.sh']) {
      const text = readFileSync(path.join(led, f), 'utf8');
      expect(text, f).not.toMatch(/npx|npm (install|i|exec)\b|fupin@/);
    }
    expect(readFileSync(path.join(led, '.github/workflows/fupin.yml'), 'utf8')).toContain('run: sh .fupin/check.sh\n');
    expect(readFileSync(path.join(led, '.gitlab-ci.yml'), 'utf8')).toContain('- sh .fupin/check.sh\n');
  });

  it('init refuses a folder that is not empty, and with --force only adds what is missing', () => {
    const again = fupin(['init', led], tmp.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不是空的');
    expect(again.stderr).not.toMatch(STACK_LINE);

    const kept = path.join(led, '怀化市/溆浦县.xlsx');
    const before = readFileSync(kept);
    writeFileSync(path.join(led, 'README.md'), '本地改过的说明\n');
    rmSync(path.join(led, '怀化市/辰溪县.xlsx'));
    const forced = fupin(['init', '--force', led], tmp.dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('共写出 1 个文件，已有的 145 个文件保持不变');
    expect(readFileSync(kept)).toEqual(before);
    expect(readFileSync(path.join(led, 'README.md'), 'utf8')).toBe('本地改过的说明\n');
    expect(existsSync(path.join(led, '怀化市/辰溪县.xlsx'))).toBe(true);
  });

  it('check passes on the fresh ledger: blank registers and unmet quotas are information', () => {
    const r = fupin(['check', '--format', 'json', led], tmp.dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CheckJson;
    expect(doc.summary).toMatchObject({ registers: 137, emptyRegisters: 137, errors: 0, warnings: 0, infos: 137 + 15, passed: true, exitCode: 0, quotaMet: false });
    expect(doc.problems.filter((p) => p.rule === 'register-empty')).toHaveLength(137);
    expect(doc.problems.filter((p) => p.rule === 'quota-shortfall').map((p) => p.file)[0]).toBe('省本级.xlsx');
    expect(doc.rollup?.level).toBe('province');
    expect(doc.rollup?.rows).toHaveLength(15);
    expect(doc.quota?.areas).toHaveLength(15);
    // in English the list of blank registers is separated the English way
    const en = fupin(['check', '--lang', 'en', led], tmp.dir);
    expect(en.code).toBe(0);
    const blank = en.stdout.split('\n').find((l) => l.startsWith('137 register(s) not filled in yet: '));
    expect(blank).toMatch(/^137 register\(s\) not filled in yet: 娄底市\/冷水江市\.xlsx, 娄底市\/双峰县\.xlsx, /);
    expect(blank).not.toContain('、');
  });

  describe('with the example province copied in', () => {
    beforeAll(() => {
      const src = path.join(ROOT, 'fixtures/ledger');
      for (const f of files(src)) {
        const target = path.join(led, f);
        rmSync(target.replace(/\.[^./]+$/, '.xlsx'), { force: true }); // a county kept as CSV replaces its blank .xlsx
        cpSync(path.join(src, f), target);
      }
    });

    let json: CheckJson;
    it('check finds the seeded problems and fails (exit 1)', () => {
      const r = fupin(['check', '--format', 'json', '.'], led);
      expect(r.code).toBe(1);
      json = JSON.parse(r.stdout) as CheckJson;
      expect(json.summary).toMatchObject({ registers: 137, emptyRegisters: 0, errors: 4, passed: false, exitCode: 1 });
      const at = (file: string, cell: string) => json.problems.find((p) => p.file === file && p.cell === cell);
      expect(at('怀化市/辰溪县.csv', 'E7')).toMatchObject({ rule: 'phone-format', severity: 'error', row: 7 });
      expect(at('怀化市/沅陵县.xlsx', 'C8')).toMatchObject({ rule: 'required-cell', severity: 'error' });
      expect(at('常德市/澧县.xlsx', 'C13')).toMatchObject({ rule: 'duplicate-pairing', severity: 'error' });
      expect(at('怀化市/中方县.xlsx', 'D8')).toMatchObject({ rule: 'address-county', severity: 'warning' });
      // the three cities short of 附4 on purpose, as information
      const short = json.problems.filter((p) => p.rule === 'quota-shortfall');
      expect(short.map((p) => [p.file, p.severity])).toEqual([
        ['湘潭市/市本级.xlsx', 'info'],
        ['邵阳市/市本级.xlsx', 'info'],
        ['张家界市/市本级.xlsx', 'info'],
      ]);
      expect(json.validate.summary.errors).toBe(4);
    });

    it('the GitHub workflow command (sh .fupin/check.sh with GITHUB_ACTIONS set) gives the same exit code and one annotation per problem', () => {
      const r = checkSh(led, { GITHUB_ACTIONS: 'true' });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(json.summary.exitCode);
      const lines = r.stdout.trimEnd().split('\n');
      const annotations = lines.filter((l) => l.startsWith('::'));
      expect(annotations).toHaveLength(json.problems.length);
      expect(lines).toHaveLength(json.problems.length + 1);
      // the same problems, in the same order, each with its file and (for cells) its line and cell
      json.problems.forEach((p, i) => {
        const props = [`file=${p.file}`, ...(p.row !== undefined ? [`line=${p.row}`] : []), `title=${p.rule}${p.cell ? ` ${p.cell}` : ''}`];
        expect(annotations[i]!.startsWith(`::${COMMAND[p.severity]} ${props.join(',')}::`)).toBe(true);
      });
      expect(annotations).toContain(
        '::error file=怀化市/辰溪县.csv,line=7,title=phone-format E7::E7 联系方式“1.39123E+10”被 Excel 改成了科学计数法，号码已丢失：请把该列设为“文本”格式后重新输入完整的 11 位手机号',
      );
      expect(lines.at(-1)).toMatch(/^fupin check：未通过。.*错误 4 个.*退出码 1$/);
    });

    it('the GitLab command (sh .fupin/check.sh with GITLAB_CI set) writes well-formed JUnit XML with a failure per failing rule, and prints the pretty report', () => {
      const r = checkSh(led, { GITLAB_CI: 'true' });
      expect(r.code).toBe(1);
      for (const s of ['一、登记表检查', '二、汇总（附3）', '三、任务核对（附4）', '检查结论']) expect(r.stdout).toContain(s);
      expect(r.stdout).toContain('✖ 未通过：错误 4 个');
      const root = parseXml(readFileSync(path.join(led, 'fupin-junit.xml'), 'utf8'));
      expect(root.name).toBe('testsuites');
      const failures = findAll(root, 'failure');
      expect(failures.map((f) => f.attrs.type).sort()).toEqual(['duplicate-pairing', 'id-number', 'phone-format', 'required-cell']);
      expect(root.attrs.failures).toBe('4');
      const suites = findAll(root, 'testsuite');
      expect(suites).toHaveLength(137 + 2);
      expect(suites.at(-1)!.attrs.name).toBe('任务核对（附4）');
      // run again, as a developer does: check.sh replaces its own report (--force); check -o alone refuses to
      expect(checkSh(led, { GITLAB_CI: 'true' }).code).toBe(1);
      const again = fupin(['check', '--format', 'junit', '-o', 'fupin-junit.xml', '.'], led);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('--force');
      rmSync(path.join(led, 'fupin-junit.xml'));
    });

    it('"quotaFindings": "error" makes the unmet quotas errors', () => {
      const cfg = path.join(led, 'fupin.config.json');
      const original = readFileSync(cfg, 'utf8');
      writeFileSync(cfg, original.replace('"quotaFindings": "info"', '"quotaFindings": "error"'));
      try {
        const doc = JSON.parse(fupin(['check', '--format', 'json', led], tmp.dir).stdout) as CheckJson;
        expect(doc.summary.errors).toBe(4 + 3);
        expect(doc.problems.filter((p) => p.rule === 'quota-shortfall' && p.severity === 'error')).toHaveLength(3);
      } finally {
        writeFileSync(cfg, original);
      }
    });

    it('a wrong setting stops check with exit 2, naming the key, without a stack trace', () => {
      const cfg = path.join(led, 'fupin.config.json');
      const original = readFileSync(cfg, 'utf8');
      writeFileSync(cfg, original.replace('"strict": false', '"strict": "no"'));
      try {
        const r = fupin(['check', led], tmp.dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('“strict” 的值 "no" 不对');
        expect(r.stderr).not.toMatch(STACK_LINE);
      } finally {
        writeFileSync(cfg, original);
      }
    });

    it('check on a missing folder or a file exits 2 with a reason', () => {
      expect(fupin(['check', path.join(tmp.dir, 'nowhere')], tmp.dir)).toMatchObject({ code: 2, stdout: '' });
      const f = fupin(['check', path.join(led, '省本级.xlsx')], tmp.dir);
      expect(f.code).toBe(2);
      expect(f.stderr).toContain('fupin validate');
      expect(statSync(path.join(led, '省本级.xlsx')).isFile()).toBe(true);
    });
  });
});
