// --format junit: well-formed XML (checked by a strict parser), a testsuite per file, a testcase per rule, failures for errors.
import { describe, expect, it } from 'vitest';
import { formatJunit, xmlAttr, xmlText } from '../../src/formatters/junit.js';
import { HOSTILE, sampleReport } from './report-fixture.js';
import { findAll, parseXml } from './xml-wellformed.js';

const RULES = ['required-cell', 'phone-format', 'org-name-variant'];

describe('the checker itself', () => {
  it('rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1&2"/>')).toThrow(/bare '&'/);
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow(/after the root/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/not allowed/);
    expect(parseXml('<?xml version="1.0"?><a x="&lt;&#10;"><b>t&amp;</b></a>').children[0]!.text).toBe('t&');
  });
});

describe('escaping', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('a<b>&c\u0001')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlAttr('"x"\n\'y\'')).toBe('&quot;x&quot;&#10;&apos;y&apos;');
  });
});

describe('formatJunit', () => {
  const xml = formatJunit(sampleReport(), { rules: RULES });
  const root = parseXml(xml);
  const suites = findAll(root, 'testsuite');

  it('is well-formed with a testsuite per file and one for the quotas', () => {
    expect(root.name).toBe('testsuites');
    expect(suites.map((s) => s.attrs.name)).toEqual(['怀化市/溆浦县.xlsx', '怀化市/辰溪县.csv', '怀化市/旧表.xls', '任务核对（附4）']);
  });

  it('has a testcase per rule for each register, failing where an error was found', () => {
    const [xu, chen, old, quota] = suites;
    expect(findAll(xu!, 'testcase').map((c) => c.attrs.name)).toEqual(RULES);
    const failed = findAll(xu!, 'testcase').filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failed.map((c) => c.attrs.name)).toEqual(['phone-format']);
    expect(xu!.attrs.failures).toBe('1');
    // the joint-household information adds a testcase of its own, passing, with the text in system-out
    expect(findAll(chen!, 'testcase').map((c) => c.attrs.name)).toEqual([...RULES, 'joint-household']);
    expect(chen!.attrs.failures).toBe('0');
    expect(findAll(chen!, 'system-out')[0]!.text).toBe('提示 怀化市/辰溪县.csv: C11 联合帮扶');
    expect(findAll(old!, 'failure')[0]!.attrs.type).toBe('file-legacy-xls');
    // without the quota report's list of areas, quota findings are grouped by rule
    expect(findAll(quota!, 'testcase').map((c) => c.attrs.name)).toEqual(['quota-shortfall']);
    expect(root.attrs.tests).toBe(String(3 + 4 + 1 + 1));
    expect(root.attrs.failures).toBe('2');
  });

  it('keeps a hostile message intact (less the control character)', () => {
    const out = findAll(suites[0]!, 'system-out')[0]!.text;
    expect(out).toBe(`警告 怀化市/溆浦县.xlsx B7: ${HOSTILE.replace('\u0001', '')}`);
  });

  it('fails warnings too in strict mode', () => {
    const r = sampleReport();
    r.config = { ...r.config, strict: true };
    const strict = parseXml(formatJunit(r, { rules: RULES }));
    expect(strict.attrs.failures).toBe('3');
    const failure = findAll(strict, 'failure').find((f) => f.attrs.type === 'org-name-variant');
    expect(failure!.attrs.message).toBe('1 个警告');
  });
});
