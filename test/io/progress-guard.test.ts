// The time limit is a guard against no progress, not against size: a big register read under a clock that makes every
// step look slow comes back whole; a read that stops moving is stopped once, with file-limit, and never read again whole.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readForTest } from '../helpers/ledger.js';
import { LimitExceeded, ProgressGuard } from '../../src/io/limits.js';
import { readCsvBuffer } from '../../src/io/csv.js';
import { readXlsx } from '../../src/io/xlsx-reader.js';
import { buildXlsx } from './zip-build.js';
import { tempDir } from '../e2e/helpers.js';

const HEADER = '序号,扶贫单位或者机构名称,扶贫户主姓名,扶贫家庭住址,联系方式';
const NAMES = ['张建国', '李秀英', '王桂兰', '刘德福', '陈玉梅', '杨国荣', '赵春梅', '黄志宏'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力云峰国荣成林春梅'];
/** The i-th of many different names (as a real register has: few households share a name in one village). */
const nameOf = (i: number) => SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! + GIVEN[Math.floor(i / 1600) % GIVEN.length]!;

/** A register of `n` distinct, valid pairings in 怀化市/溆浦县.csv (area from the path), streamed by size. */
function bigRegister(dir: string, n: number): string {
  const lines = ['县市区慈善组织精准扶贫结对帮扶登记表', HEADER];
  for (let i = 1; i <= n; i++) {
    lines.push(`${i},溆浦县慈善会,${nameOf(i)},溆浦县卢峰镇红星${i % 60}村${i % 9}组${i % 97}号,139${String(10_000_000 + i).padStart(8, '0')}`);
  }
  const abs = path.join(dir, '怀化市', '溆浦县.csv');
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, lines.join('\r\n') + '\r\n');
  return abs;
}

/** A clock that moves `step` ms each time it is read: every stretch between two looks takes `step`, the whole read far longer. */
function slowClock(step: number): { now: () => number; reads: () => number } {
  let t = 0;
  let n = 0;
  return {
    now: () => {
      n++;
      return (t += step);
    },
    reads: () => n,
  };
}

describe('ProgressGuard', () => {
  it('trips on a gap over the limit, not on the total', () => {
    const clock = slowClock(900);
    const g = new ProgressGuard(1000, clock.now);
    for (let i = 0; i < 100; i++) g.progress(); // 90 s in all, never 1 s without progress
    let t = 0;
    const stalled = new ProgressGuard(1000, () => (t += 2500));
    let caught: unknown;
    try {
      stalled.progress();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LimitExceeded);
    expect(caught).toMatchObject({ limit: 'maxMillis', actual: 2500, allowed: 1000 });
  });

  it('a wait that never comes back rejects after the limit', async () => {
    const g = new ProgressGuard(20);
    await expect(g.wait(new Promise(() => undefined))).rejects.toMatchObject({ limit: 'maxMillis', allowed: 20 });
    await expect(new ProgressGuard(60_000).wait(Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('the time limit on a big register', { timeout: 120_000 }, () => {
  it('a streamed CSV read under a slow clock comes back with all its rows (total ≫ limit, no step over it)', async () => {
    const t = tempDir();
    try {
      const abs = bigRegister(t.dir, 60_000);
      const clock = slowClock(900);
      const fallbacks: string[] = [];
      const { ledger, reports } = await readForTest([abs], {
        streamCsvFrom: 0,
        limits: { maxMillis: 1000 },
        now: clock.now,
        onStreamFallback: (f, why) => fallbacks.push(`${f}: ${why}`),
      });
      expect(fallbacks).toEqual([]);
      expect(ledger.files.map((f) => [f.kind, f.failure?.rule])).toEqual([['register', undefined]]);
      expect(reports[0]!.rows).toBe(60_000);
      expect(reports[0]!.problems.filter((p) => p.rule === 'file-limit')).toEqual([]);
      // the clock was read often enough that the whole read "took" many times the limit
      expect(clock.reads() * 900).toBeGreaterThan(10 * 1000);
    } finally {
      t.cleanup();
    }
  });

  it('a streamed CSV that stops making progress is refused once (file-limit), not read again whole', async () => {
    const t = tempDir();
    try {
      const abs = bigRegister(t.dir, 20_000);
      // moves 10 ms a look, then stands still for a minute between two looks, once
      let now = 0;
      let reads = 0;
      const clock = () => (now += ++reads === 4 ? 60_000 : 10);
      const fallbacks: string[] = [];
      const { ledger } = await readForTest([abs], {
        streamCsvFrom: 0,
        limits: { maxMillis: 30_000 },
        now: clock,
        onStreamFallback: (f, why) => fallbacks.push(`${f}: ${why}`),
      });
      expect(fallbacks).toEqual([]);
      expect(ledger.files).toHaveLength(1);
      expect(ledger.files[0]!.kind).toBe('unreadable');
      expect(ledger.files[0]!.failure).toMatchObject({ rule: 'file-limit', messageId: 'maxMillis' });
      // the clock was not read again by a second, whole-file reading
      expect(reads).toBeLessThan(10);
    } finally {
      t.cleanup();
    }
  });

  it('the whole-file CSV reader and the xlsx reader use the same guard: a slow clock alone never refuses', () => {
    const lines = [HEADER];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},溆浦县慈善会,${NAMES[i % 8]},溆浦县卢峰镇,13912345678`);
    const clock = slowClock(900);
    const r = readCsvBuffer(Buffer.from(lines.join('\n')), 'x', undefined, { maxMillis: 1000 }, clock.now);
    expect(r.sheet.rows).toHaveLength(20_001);
    expect(clock.reads() * 900).toBeGreaterThan(1000);

    const rows = 40_000;
    const xml = `<sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join('')}</sheetData>`;
    const slow = slowClock(900);
    const wb = readXlsx(buildXlsx({ sheets: [{ name: 'S', xml }] }), { limits: { maxMillis: 1000 }, now: slow.now });
    expect(wb.sheets[0]!.rows).toHaveLength(rows);
    expect(slow.reads() * 900).toBeGreaterThan(3000);
  });
});
