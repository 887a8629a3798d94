import { test, expect } from '@playwright/test';
import { Newsmark } from './pages/newsmark';

const headlines = [
  'Putin to Witkoff: “No compromise” on occupied Ukraine',
  '‘No compromise’ on territory after Ukraine talks with US: Russian official',
  'No Compromise on Occupied Territories After Poutine-Witkoff Meeting',
  'Russia says “no territorial compromise” after talks with U.S. over Ukraine',
  'Russia says no Ukraine compromise after five-hour Putin meeting with Trump envoys',
];

test('lists the five seed articles and shows the selected one', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new Newsmark(page);
  await app.open();

  await expect(app.entries()).toHaveCount(5);
  for (const h of headlines) {
    await expect(app.articleList.getByText(h, { exact: true })).toBeVisible();
  }
  await expect(app.headline()).toHaveText(headlines[0]);
  await expect(app.reading).toContainText('held five hours of talks in Moscow on Monday');

  await app.select(/Poutine-Witkoff/);
  await expect(app.headline()).toHaveText(headlines[2]);
  await expect(app.reading).toContainText('Kremlin diplomatic advisor Iouri Ouchakov stated');
  // Chrome such as "Connect with us" is folded away, not shown as article prose.
  await expect(app.reading.getByText('Connect with us')).toBeHidden();
  expect(errors).toEqual([]);
});

test('phone width: the page does not scroll sideways and the article is readable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new Newsmark(page);
  await app.open();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await app.headline().boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
});
