// fupin.config.json: defaults, every mistake reported naming its key (zh and en), JSON syntax errors with line and column, deadlines.
import { describe, expect, it } from 'vitest';
import { parseConfig, parseConfigText } from '../../src/core/config-parse.js';
import { deadlineStatus, defaultConfig, initialConfig, validDeadlineDate } from '../../src/core/config.js';
import { render } from '../../src/formatters/catalogue/index.js';
import type { ConfigIssue } from '../../src/core/config.js';

const zh = (i: ConfigIssue): string => render(i.msg, 'zh');
const en = (i: ConfigIssue): string => render(i.msg, 'en');

describe('parseConfig', () => {
  it('fills the defaults: Hunan, built-in table, not strict, quota findings as information', () => {
    expect(defaultConfig()).toEqual({ quotaTable: 'builtin', strict: false, quotaFindings: 'info', deadlines: [] });
  });

  it('the defaults a ledger without a config file gets (no zod) are what the schema fills in for an empty config', () => {
    const r = parseConfig({});
    expect(r.ok && r.config).toEqual(defaultConfig());
  });

  it('accepts what fupin init writes, unchanged', () => {
    const r = parseConfig(initialConfig('湖南省', 2016));
    expect(r).toEqual({
      ok: true,
      config: { province: '湖南省', year: 2016, quotaTable: 'builtin', orgs: 'orgs.csv', strict: false, quotaFindings: 'info', deadlines: [] },
    });
  });

  it('names an unknown key and suggests the near one', () => {
    const r = parseConfig({ stict: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.key).toBe('stict');
    expect(zh(r.issues[0]!)).toBe(
      'fupin.config.json：不认识的设置项 “stict”（是不是 “strict”？）。可用的设置项：province、year、quotaTable、orgs、strict、quotaFindings、deadlines、rosters、focus',
    );
    expect(en(r.issues[0]!)).toContain('unknown setting "stict" (did you mean "strict"?)');
  });

  it('reports every bad value, each naming its key, what it holds and what to write', () => {
    const r = parseConfig({ strict: 'yes', year: '2016', quotaFindings: 'warn', deadlines: [{ name: '上报', date: '06-15' }, { name: '进展', date: '2016-02-30' }] }, 'ledger/fupin.config.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.key).sort()).toEqual(['deadlines[1].date', 'quotaFindings', 'strict', 'year']);
    const strict = r.issues.find((i) => i.key === 'strict')!;
    expect(zh(strict)).toBe('ledger/fupin.config.json：“strict” 的值 "yes" 不对：应为true（警告也算不通过）或 false（只有错误算不通过），不加引号');
    const date = r.issues.find((i) => i.key === 'deadlines[1].date')!;
    expect(zh(date)).toContain('“deadlines[1].date” 的值 "2016-02-30" 不对');
    expect(en(date)).toContain('"deadlines[1].date" has the value "2016-02-30"');
    expect(zh(r.issues.find((i) => i.key === 'year')!)).toContain('四位数的年份（不加引号）');
  });

  it('says what an entry of a list should be (rosters[0], focus[1], deadlines[0]), never "(none)"', () => {
    const r = parseConfig({ rosters: [1], focus: ['a.csv', {}], deadlines: ['6月15日'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.key).sort()).toEqual(['deadlines[0]', 'focus[1]', 'rosters[0]']);
    for (const i of r.issues) {
      expect(zh(i)).not.toContain('（无）');
      expect(en(i)).not.toContain('(none)');
    }
    expect(zh(r.issues.find((i) => i.key === 'rosters[0]')!)).toBe(`fupin.config.json：“rosters[0]” 的值 1 不对：应为${render({ id: 'config/expected-rosters' }, 'zh')}`);
  });

  it('names an unknown key inside a deadline', () => {
    const r = parseConfig({ deadlines: [{ name: '上报', date: '06-15', dtae: 'x' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.key)).toEqual(['deadlines[0].dtae']);
  });

  it('refuses a config that is not an object', () => {
    const r = parseConfig(['湖南省']);
    expect(r.ok ? '' : zh(r.issues[0]!)).toContain('内容应是一个 JSON 对象');
  });
});

describe('parseConfigText', () => {
  it('gives the line and column of a JSON syntax error', () => {
    const r = parseConfigText('{\n  "province": "湖南省",\n  "year": 2016,\n}\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(zh(r.issues[0]!)).toMatch(/^fupin\.config\.json 不是有效的 JSON（第 4 行第 1 列附近/);
  });

  it('accepts a UTF-8 BOM (Notepad writes one)', () => {
    expect(parseConfigText('\uFEFF{"quotaFindings": "error"}').ok).toBe(true);
  });
});

describe('deadlines', () => {
  it('knows real dates', () => {
    expect(['06-15', '12-20', '02-29', '2016-02-29'].map(validDeadlineDate)).toEqual([true, true, true, true]);
    expect(['2017-02-29', '13-01', '6-15', '2016/06/15', '04-31'].map(validDeadlineDate)).toEqual([false, false, false, false, false]);
  });

  it('rolls yearly dates forward once past; dated ones go negative', () => {
    const s = deadlineStatus(
      [
        { name: '进展情况上报', date: '12-20' },
        { name: '结对情况上报', date: '06-15' },
        { name: '年度总结', date: '2016-07-01' },
      ],
      '2016-07-10',
    );
    expect(s).toEqual([
      { name: '年度总结', date: '2016-07-01', daysLeft: -9 },
      { name: '进展情况上报', date: '2016-12-20', daysLeft: 163 },
      { name: '结对情况上报', date: '2017-06-15', daysLeft: 340 },
    ]);
  });
});
