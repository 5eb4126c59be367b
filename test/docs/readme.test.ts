// The README documents every rule and every file-level cause, and keeps exactly two set-up commands.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../../src/core/file-problems.js';
import { allRules } from '../../src/core/rules/index.js';
import { ROOT } from '../e2e/helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every validation rule id', () => {
    const missing = allRules.map((r) => r.meta.id).filter((id) => !readme.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });

  it('names every file-level cause', () => {
    const missing = Object.keys(FILE_PROBLEMS).filter((id) => !readme.includes(id));
    expect(missing).toEqual([]);
  });

  it('starts with the two set-up commands: the main job on the example ledger, and the tests', () => {
    const block = /## 快速开始\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim()).map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npx fupin rollup fixtures/ledger', 'npm ci && npm test']);
  });
});
