// The built binary runs fix, cat and validate --annotate/--fix as registered in main.ts (the commands' own tests call them directly).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fupin, ROOT, STACK_LINE, tempDir } from './helpers.js';

const DEFECTS = path.join(ROOT, 'fixtures/registers/defects-name.xlsx');
let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.cleanup());

describe('repair commands through bin/fupin.js', () => {
  it('fupin cat prints a register as canonical CSV', () => {
    const r = fupin(['cat', path.join(ROOT, 'fixtures/registers/official.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式');
    expect(r.stdout).not.toContain('\r');
  });

  it('fupin validate --annotate writes copies and leaves the input alone', () => {
    const before = readFileSync(DEFECTS);
    const out = path.join(t.dir, 'annotated');
    const r = fupin(['validate', '--annotate', out, DEFECTS]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(out, 'defects-name.xlsx'))).toBe(true);
    expect(readFileSync(DEFECTS).equals(before)).toBe(true);
  });

  it('fupin validate --fix needs --out, then validates the repaired copies', () => {
    expect(fupin(['validate', '--fix', DEFECTS]).code).toBe(2);
    const out = path.join(t.dir, 'fixed');
    const r = fupin(['validate', '--fix', '--out', out, '--format', 'json', DEFECTS]);
    const doc = JSON.parse(r.stdout);
    const rules = doc.files.flatMap((f: { problems: { rule: string }[] }) => f.problems.map((p) => p.rule));
    expect(rules).not.toContain('name-spacing');
    expect(rules).toContain('person-name');
  });

  it('fupin fix --dry-run lists changes and writes nothing', () => {
    const r = fupin(['fix', '--dry-run', '--format', 'json', DEFECTS]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(JSON.stringify(doc)).toContain('name-spacing');
  });
});
