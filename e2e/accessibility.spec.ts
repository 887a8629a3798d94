import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Newsmark, claims } from './pages/newsmark';

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
