// Every problem id that can reach a user has messages in both languages, with the same ids and placeholders.
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../../src/core/file-problems.js';
import { STATS_RULES } from '../../src/core/stats-messages.js';
import { allRules } from '../../src/core/rules/index.js';
import { messageSource } from '../../src/core/catalogue.js';

// an English message may use the English form of a datum: {typeEn} stands for {type}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/En$/, "")).sort();

const sources = [
  ...Object.entries(FILE_PROBLEMS).map(([id, m]) => [id, m.messages] as const),
  ...Object.entries(STATS_RULES).map(([id, m]) => [id, m.messages] as const),
  ...allRules.map((r) => [r.meta.id, r.meta.messages] as const),
];

describe('message catalogue', () => {
  it.each(sources)('%s: zh and en have the same message ids and placeholders', (_id, messages) => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    for (const key of Object.keys(messages.zh)) {
      expect(placeholders(messages.en[key]!), key).toEqual(placeholders(messages.zh[key]!));
    }
  });

  it('finds every id through the catalogue the formatters use', () => {
    for (const [id] of sources) expect(messageSource(id), id).toBeDefined();
  });

  it('ids are stable kebab-case', () => {
    for (const [id] of sources) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
  });
});
