import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Newsmark, Share, claims } from './pages/newsmark';

test('no serious or critical accessibility violations, with a claim focused and tagged', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await claims(page).nth(1).click();
  await claims(page).nth(1).getByRole('button', { name: '✗ Dispute' }).click();
  await claims(page).nth(3).click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
});

test('no serious or critical violations with an own article listed and the add dialog open', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await app.paste('Harbour reopens after storm\n\nThe port of Valletta reopened on Friday, harbour master Joseph Camilleri said.');
  await expect(app.entries()).toHaveCount(6);
  await claims(page).nth(0).click();
  await page.keyboard.press('Tab');
  await app.openAddDialog();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
});

test('no serious or critical violations in the export dialog and in an import preview with a conflict', async ({ page }, info) => {
  const app = new Newsmark(page);
  await app.open();
  await claims(page).nth(1).click();
  await page.keyboard.press('c');
  const share = new Share(page);
  await share.openExport();
  let results = await new AxeBuilder({ page }).analyze();
  let serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Close' }).click();
  // The same claim disputed after exporting: importing the export conflicts with it.
  const path = info.outputPath('theirs.jsonld');
  const dialog = await share.openExport();
  await dialog.getByLabel(/All articles/).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download (.jsonld)' }).click()]);
  await download.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('d');
  const preview = await share.importFile(path);
  await expect(share.counts(preview)).toContainText('1 conflicting');
  results = await new AxeBuilder({ page }).analyze();
  serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
});
