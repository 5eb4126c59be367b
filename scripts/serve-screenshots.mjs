// Screenshots of `fupin serve` for the README and docs/serve.md: the built CLI serves, Chromium (playwright-core, the
// system's browser: FUPIN_CHROMIUM or /usr/bin/chromium) uploads fixtures/ledger/怀化市 and photographs the findings and
// the 附3 at 1280×900 and a 1024-wide laptop, then compares fixtures/diff's two versions (与上一版比较). Run after `npm run build`: node scripts/serve-screenshots.mjs
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exe = [process.env.FUPIN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!exe) throw new Error('no Chromium: apt-get install -y chromium fonts-noto-cjk, or set FUPIN_CHROMIUM');

const child = spawn(process.execPath, [path.join(root, 'bin/fupin.js'), 'serve', '--no-open'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] });
try {
  const shots = [
    { width: 1280, height: 900, name: 'serve-results.png', tab: 'problems' },
    { width: 1280, height: 900, name: 'serve-stats.png', tab: 'stats' },
    { width: 1024, height: 768, name: 'serve-laptop-1024.png', tab: 'problems' },
  ];
  let uploaded = false;
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    if (!uploaded) {
      await page.setInputFiles('#pick-folder', path.join(root, 'fixtures/ledger/怀化市'));
      uploaded = true;
    }
    await page.waitForSelector('#results:not([hidden]) .file');
    await page.click(`.tabs button[data-tab="${s.tab}"]`);
    await page.screenshot({ path: path.join(root, 'docs', s.name) });
    console.log(`docs/${s.name}`);
    await page.close();
  }
  // 与上一版比较: the two versions of fixtures/diff (npm run fixtures:publish-diff), compared
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#old-folder', path.join(root, 'fixtures/diff/old'));
  await page.setInputFiles('#new-folder', path.join(root, 'fixtures/diff/new'));
  await page.click('#compare-run');
  await page.waitForSelector('#diff-results:not([hidden]) table.diff');
  await page.evaluate(() => document.querySelector('#compare').scrollIntoView());
  await page.screenshot({ path: path.join(root, 'docs', 'serve-compare.png') });
  console.log('docs/serve-compare.png');
  await page.close();
} finally {
  await browser.close();
  child.kill('SIGINT');
}
