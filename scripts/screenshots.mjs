// Take screenshots of the built app (dist/) at desktop and phone widths:
//   node scripts/screenshots.mjs [OUT_DIR]
// Serves dist/ on 127.0.0.1 with e2e/serve.mjs and drives Debian's Chromium.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { chromiumArgs, executablePath } from '../e2e/chromium.mjs';

const out = process.argv[2] ?? 'docs';
const port = 4174;
mkdirSync(out, { recursive: true });
const server = spawn('node', ['e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  for (const [name, width, height] of [['desktop', 1280, 860], ['narrow', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('button.article-entry').first().waitFor();
    await page.screenshot({ path: `${out}/screenshot-${name}.png` });
    console.log(`${out}/screenshot-${name}.png`);
    // The add dialog, then an added web page with a claim focused and a mark's details.
    await page.getByRole('button', { name: '+ Add articles' }).click();
    await page.screenshot({ path: `${out}/screenshot-${name}-add.png` });
    console.log(`${out}/screenshot-${name}-add.png`);
    await page.locator('.add-dialog input[type=file]').setInputFiles('tests/fixtures/flood-report.html');
    await page.getByRole('heading', { level: 1, name: /Floods force/ }).waitFor();
    await page.locator('main [data-claim-index="2"]').click();
    await page.keyboard.press('Tab');
    await page.screenshot({ path: `${out}/screenshot-${name}-own.png` });
    console.log(`${out}/screenshot-${name}-own.png`);
    // Export a disputed claim, confirm it instead, and import the export: the preview
    // shows the conflict side by side.
    await page.keyboard.press('Escape');
    await page.locator('main [data-claim-index="1"]').click();
    await page.keyboard.press('d');
    await page.getByRole('button', { name: 'Export annotations…' }).click();
    await page.getByLabel(/Your name/).fill('Desk A');
    await page.getByLabel(/Your name/).press('Tab');
    await page.screenshot({ path: `${out}/screenshot-${name}-export.png` });
    console.log(`${out}/screenshot-${name}-export.png`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (.jsonld)' }).click()]);
    const file = `${out}/.export-${name}.jsonld`;
    await download.saveAs(file);
    await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Close' }).click();
    await page.locator('main [data-claim-index="1"]').click();
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Import annotations…' }).click();
    await page.locator('.import-dialog input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Apply import' }).waitFor();
    await page.screenshot({ path: `${out}/screenshot-${name}-import.png` });
    console.log(`${out}/screenshot-${name}-import.png`);
    rmSync(file);
  }
  await browser.close();
} finally {
  server.kill();
}
