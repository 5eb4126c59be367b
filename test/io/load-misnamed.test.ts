// A file named as a workbook fupin reads whose content is no workbook is said so — not "unrecognised format (.xlsx):
// fupin reads .xlsx …", which contradicts itself for the clerk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../src/io/load.js';
import { render } from '../../src/formatters/catalogue/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fupin-misnamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// bytes no sniffer takes for a table: not a zip, not OLE2, not text
const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

async function failureOf(name: string) {
  const abs = path.join(dir, name);
  writeFileSync(abs, junk);
  const loaded = await loadFile({ abs, display: name, explicit: true });
  return loaded.failure;
}

describe('a file that is not what its name says', () => {
  it('named .xlsx: misnamed, with its extension, in both languages', async () => {
    const f = await failureOf('溆浦县.xlsx');
    expect(f).toMatchObject({ rule: 'file-unsupported', messageId: 'misnamed', data: { ext: '.xlsx' } });
    expect(render({ id: 'file-unsupported/misnamed', data: { ext: '.xlsx' } }, 'zh')).toContain('文件名是 .xlsx，但内容不是 Excel/WPS 表格');
  });

  it('named .dat: an unrecognised format, as before', async () => {
    expect(await failureOf('溆浦县.dat')).toMatchObject({ rule: 'file-unsupported', messageId: 'binary' });
  });
});
