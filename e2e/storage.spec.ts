import { test, expect } from '@playwright/test';
import { Newsmark, claims } from './pages/newsmark';

test('a second tab sees a tag made in the first without reloading', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) await new Newsmark(page).open();
  await claims(first).nth(4).click();
  await claims(first).nth(4).getByRole('button', { name: '✗ Dispute' }).click();
  await expect(claims(first).nth(4)).toHaveAttribute('data-verdict', 'disputed');
  await expect(claims(second).nth(4)).toHaveAttribute('data-verdict', 'disputed');
  await expect(new Newsmark(second).entries().first()).toContainText('✗ 1 disputed');
});

test('blocked storage: one notice, and tagging still works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const app = new Newsmark(page);
  await app.open();
  await expect(page.getByRole('alert')).toContainText('does not allow newsmark to store data');
  await claims(page).nth(0).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(0)).toHaveAttribute('data-verdict', 'confirmed');
  await expect(page.getByRole('alert')).toHaveCount(1);
});

test('full storage: the failed save is reported and the tag is kept in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const app = new Newsmark(page);
  await app.open();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await claims(page).nth(2).click();
  await page.keyboard.press('d');
  await expect(claims(page).nth(2)).toHaveAttribute('data-verdict', 'disputed');
  await expect(page.getByRole('alert')).toContainText('storage may be full');
});
