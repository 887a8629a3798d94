import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Newsmark, Share, claims } from './pages/newsmark';

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

test('an unreadable stored profile is reported once and never saved over, and export still works', async ({ page }, info) => {
  const damaged = '{"schema": 7, "id": "from a newer version"}';
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('newsmark.v1.profile', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, damaged);
  const app = new Newsmark(page);
  await app.open();
  await expect(page.getByRole('alert')).toContainText('stored data under newsmark.v1.profile cannot be read');
  await claims(page).nth(1).click();
  await page.keyboard.press('d');
  // Export, with a name given: the file names this page's reader, the stored entry stays.
  const file = await new Share(page).download(info.outputPath('export.jsonld'), { name: 'Desk A' });
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.first.items[0].creator.name).toBe('Desk A');
  expect(await page.evaluate(() => localStorage.getItem('newsmark.v1.profile'))).toBe(damaged);
});

test('another tab writes the same article between two saves: both tabs\' tags are kept, claim by claim', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await claims(page).nth(0).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(0)).toHaveAttribute('data-verdict', 'confirmed');
  // Another tab disputes claim 3 and its storage event has not arrived yet: written here
  // directly, which fires no event in this tab.
  const other = await claims(page).nth(3).getAttribute('data-claim-id');
  const key = await page.evaluate((claim) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('newsmark.v1.tags.'))!;
    const entry = JSON.parse(localStorage.getItem(key)!);
    entry.tags[claim!] = { verdict: 'disputed', note: 'from the other tab', modified: Date.now(), created: Date.now() };
    localStorage.setItem(key, JSON.stringify(entry));
    return key;
  }, other);
  // This tab tags claim 5: its save keeps the other tab's claim.
  await claims(page).nth(5).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(5)).toHaveAttribute('data-verdict', 'confirmed');
  await expect(claims(page).nth(3)).toHaveAttribute('data-verdict', 'disputed');
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).tags, key);
  expect(Object.values(stored).map((t) => (t as { verdict: string }).verdict).sort()).toEqual(['confirmed', 'confirmed', 'disputed']);
});
