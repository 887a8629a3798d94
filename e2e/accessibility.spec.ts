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
