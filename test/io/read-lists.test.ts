// Rosters read through io: a big CSV roster is streamed (only the columns it uses decoded) and gives exactly what the
// whole-file reader gives — entries, places, categories, skipped rows, the footer that ends the list.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rosterFromSheets } from '../../src/core/roster/read.js';
import { readCsvBuffer } from '../../src/io/csv.js';
import { readRosters } from '../../src/io/read-lists.js';
import { STREAM_CSV_FROM } from '../../src/io/read-ledger.js';
import { tempDir } from '../e2e/helpers.js';
import { divisions } from '../helpers/profile.js';

describe('reading a roster', () => {
  it('a streamed CSV roster equals the same file read whole', async () => {
    const t = tempDir();
    try {
      const lines = ['序号,县,乡镇,行政村,户主姓名,证件号码,人数,贫困户属性,家庭住址'];
      const towns = ['卢峰镇', '桥江镇', '龙潭镇'];
      let bytes = 0;
      for (let i = 1; bytes < STREAM_CSV_FROM; i++) {
        const id = `4312241960${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}${i % 10 === 0 ? 'X' : i % 10}`;
        if (i % 97 === 0) lines.push(`${i},溆浦县,,,,,,,`); // a household with no name: skipped
        else if (i % 89 === 0) lines.push(`${i},,,,张${i},"${id}",2,"一般,贫困户",溆浦县卢峰镇大湾村${i % 9}组`); // quoted, an address only
        else if (i % 83 === 0) lines.push(',,,,,,,,'); // blank
        else lines.push(`${i},溆浦县,${towns[i % 3]},${['大湾', '新田', '红星'][i % 3]}村,${['王', '李', '张'][i % 3]}${i % 50} ,${i % 7 ? id : ''},${1 + (i % 5)},${i % 2 ? '低保贫困户' : '一般贫困户'},`);
        bytes += Buffer.byteLength(lines[lines.length - 1]!) + 2;
      }
      lines.push('备注：本表由扶贫办导出,,,,,,,,', '1,溆浦县,卢峰镇,大湾村,不算,,,,');
      const abs = path.join(t.dir, '建档立卡.csv');
      writeFileSync(abs, `\ufeff${lines.join('\r\n')}\r\n`);
      const [streamed] = await readRosters([abs], { cwd: t.dir, divisions });
      const whole = rosterFromSheets(streamed!.file, [readCsvBuffer(readFileSync(abs), '建档立卡').sheet], 0, divisions);
      if (!whole.ok) throw new Error('not read whole');
      expect(streamed!.entries.length).toBeGreaterThan(10_000);
      expect(streamed!.skipped).toBeGreaterThan(0);
      expect(streamed).toEqual(whole.roster);
      // the list ended at its footer
      expect(streamed!.entries.some((e) => e.name === '不算')).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
