// The streaming CSV path (src/io/csv-stream.ts + src/core/stream.ts) gives exactly the rows and problems of the whole-file path, with small chunks to cross every boundary.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveArea } from '../../src/core/area.js';
import type { DivisionIndex } from '../../src/core/divisions.js';
import { findRegisters, validateRegisters } from '../../src/core/inspect.js';
import { areaLabel } from '../../src/core/area.js';
import { allRules } from '../../src/core/rules/index.js';
import { RegisterStream } from '../../src/core/stream.js';
import { streamCsvRows } from '../../src/io/csv-stream.js';
import { loadDivisions } from '../../src/io/divisions.js';
import { loadFile } from '../../src/io/load.js';
import { ROOT, tempDir } from '../e2e/helpers.js';

let divisions: DivisionIndex;
beforeAll(async () => {
  divisions = await loadDivisions();
});

const summary = (problems: { rule: string; messageId: string; row?: number; cell?: string; severity: string }[]) =>
  problems.map((p) => `${p.rule}/${p.messageId}/${p.severity}@${p.cell ?? p.row ?? '-'}`);

async function both(abs: string, chunkRows: number) {
  const pathSegments = abs.split(path.sep).filter(Boolean);
  const areaOf = (titleLines: string[]) => resolveArea({ pathSegments, sheetLines: titleLines }, divisions);
  const options = { strict: false, divisions };
  const loaded = await loadFile({ abs, display: path.basename(abs), explicit: true });
  const whole = validateRegisters(findRegisters(loaded, areaOf), 'f', loaded.detected, allRules, options, areaLabel);
  const s = new RegisterStream({
    sheetName: path.basename(abs, '.csv'),
    ctx: { file: 'f', format: 'csv', area: { level: 'unknown', source: 'none' }, detected: {} },
    rules: allRules,
    options,
    areaOf,
    chunkRows,
  });
  await streamCsvRows(abs, (row) => s.push(row));
  const streamed = s.end().registers;
  return {
    whole: whole.filter((r) => r.register).map((r) => ({ rows: r.rows, problems: summary(r.problems.filter((p) => p.row !== undefined)) })),
    streamed: streamed.map((r) => ({ rows: r.rowCount, problems: summary(r.problems) })),
  };
}

const CSV_FIXTURES = [
  ...['gbk-excel.csv', 'utf16.csv', 'utf8-bom.csv', 'no-title.csv'].map((n) => path.join(ROOT, 'fixtures/registers', n)),
  ...readdirSync(path.join(ROOT, 'fixtures/ledger'), { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.csv'))
    .map((n) => path.join(ROOT, 'fixtures/ledger', n)),
];

describe('streamed CSV validation', () => {
  it.each(CSV_FIXTURES.map((f) => [path.relative(ROOT, f), f]))('%s: same registers, rows and problems in chunks of 7 rows', async (_name, abs) => {
    const { whole, streamed } = await both(abs, 7);
    expect(whole.length).toBeGreaterThan(0);
    expect(streamed).toEqual(whole);
  });

  it('a footer, a second register and template rows past the first chunks', async () => {
    const t = tempDir();
    try {
      const header = '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式';
      const line = (i: number, name: string) => `${i},溆浦县慈善会,${name},溆浦县卢峰镇红星村${i}组,139${String(30_000_000 + i).padStart(8, '0')}`;
      const names = ['张建国', '李秀英', '王桂兰', '刘德福', '陈玉梅', '杨国荣', '赵春梅', '黄志宏'];
      const lines = ['县市区慈善组织精准扶贫结对帮扶登记表', header];
      for (let i = 1; i <= 80; i++) lines.push(line(i, names[i % 8]! + (i > 8 ? '' : '')));
      lines.push('81,,,,', '82,,,,', ',,,,');
      lines.push('备注：此统计表属结对帮卡对应登记统计，由县市区慈善办填写，上报市级、存档各一份。', '');
      lines.push('县市区慈善组织精准扶贫结对帮扶登记表', header);
      for (let i = 1; i <= 30; i++) lines.push(line(i, names[(i + 3) % 8]!));
      const abs = path.join(t.dir, '溆浦县.csv');
      writeFileSync(abs, lines.join('\r\n') + '\r\n');
      const { whole, streamed } = await both(abs, 5);
      expect(whole.map((r) => r.rows)).toEqual([80, 30]);
      expect(streamed).toEqual(whole);
    } finally {
      t.cleanup();
    }
  });
});
