import { test, expect } from '@playwright/test';
import { Newsmark, claims, marks } from './pages/newsmark';

test('known people, places, quotes and numbers are marked inline', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await expect(page.locator('main [data-mark="entity"][data-entity-type="PERSON"]', { hasText: 'Vladimir Putin' }).first()).toBeVisible();
  await expect(page.locator('main [data-mark="entity"][data-entity-type="PLACE"]', { hasText: 'Moscow' }).first()).toBeVisible();
  await expect(marks(page, 'number').filter({ hasText: 'five hours' })).toHaveAttribute('title', /duration: 5 hour/);
  const quote = marks(page, 'quote').filter({ hasText: 'We agreed on some issues' });
  // The details say why: the speech verb the attribution followed.
  await expect(quote).toHaveAttribute('title', /speaker: Yuri Ushakov · cue: “summarised”/);
  // Page chrome is not marked.
  await expect(page.locator('main details.boilerplate [data-mark]')).toHaveCount(0);
});

test('tagging by click and by keyboard, undo, and tags survive a reload', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const all = claims(page);
  await expect(all).toHaveCount(28);

  // Mouse: pick a sentence, then confirm it.
  const first = all.nth(0);
  await first.click();
  await first.getByRole('button', { name: '✓ Confirm' }).click();
  await expect(first).toHaveAttribute('data-verdict', 'confirmed');

  // Keyboard: move to the third claim and dispute it, then the fourth and confirm.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(all.nth(2)).toBeFocused();
  await page.keyboard.press('d');
  await expect(all.nth(2)).toHaveAttribute('data-verdict', 'disputed');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('c');
  await expect(all.nth(3)).toHaveAttribute('data-verdict', 'confirmed');
  // Undo the last tag, redo it, then clear the disputed one with x.
  await page.keyboard.press('Control+z');
  await expect(all.nth(3)).toHaveAttribute('data-verdict', 'none');
  await page.keyboard.press('Control+Shift+z');
  await expect(all.nth(3)).toHaveAttribute('data-verdict', 'confirmed');
  await page.keyboard.press('k');
  await page.keyboard.press('x');
  await expect(all.nth(2)).toHaveAttribute('data-verdict', 'none');

  const entry = app.entries().first();
  await expect(entry).toContainText('✓ 2 confirmed');
  await expect(entry).toContainText('✗ 0 disputed');

  // Real localStorage: one entry per article, versioned, keyed by content hash.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(/^newsmark\.v1\.tags\.[0-9a-f]{64}$/);

  await page.reload();
  await expect(claims(page).nth(0)).toHaveAttribute('data-verdict', 'confirmed');
  await expect(claims(page).nth(3)).toHaveAttribute('data-verdict', 'confirmed');
  await expect(claims(page).nth(2)).toHaveAttribute('data-verdict', 'none');
  await expect(app.entries().first()).toContainText('✓ 2 confirmed');
});

test('unreadable stored tags are reported and left untouched', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await claims(page).nth(0).click();
  await claims(page).nth(0).getByRole('button', { name: '✗ Dispute' }).click();
  const stored = await page.evaluate(() => Object.keys(localStorage)[0]);
  await page.evaluate((k) => localStorage.setItem(k, '{"schema": 1, "tags": [broken'), stored);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('cannot be read');
  // Tagging still works, in memory, and the unreadable entry is not overwritten.
  await claims(page).nth(1).click();
  await claims(page).nth(1).getByRole('button', { name: '✓ Confirm' }).click();
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'confirmed');
  expect(await page.evaluate((k) => localStorage.getItem(k), stored)).toBe('{"schema": 1, "tags": [broken');
});

test('notes by keyboard and by button survive a reload; filters and the shortcuts list', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const all = claims(page);
  // Keyboard: focus the second claim, dispute it, write a note with n and ctrl+Enter.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('d');
  await page.keyboard.press('n');
  const editor = page.getByRole('textbox', { name: 'Note on this claim' });
  await expect(editor).toBeFocused();
  await editor.fill('Kremlin dates the meeting Wednesday');
  await page.keyboard.press('Control+Enter');
  await expect(all.nth(1)).toContainText('Note: Kremlin dates the meeting Wednesday');
  await expect(all.nth(1)).toHaveAttribute('data-verdict', 'disputed');
  // Mouse: a note without a verdict on another claim.
  await all.nth(5).click();
  await all.nth(5).getByRole('button', { name: 'Note…' }).click();
  await page.getByRole('textbox', { name: 'Note on this claim' }).fill('check the AFP figure');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(all.nth(5)).toContainText('Note: check the AFP figure');
  await expect(all.nth(5)).toHaveAttribute('data-verdict', 'none');

  await page.reload();
  await expect(claims(page).nth(1)).toContainText('Note: Kremlin dates the meeting Wednesday');
  await expect(claims(page).nth(5)).toContainText('Note: check the AFP figure');

  // Filters: only disputed claims stay in full view, and j moves among them.
  await page.getByRole('radio', { name: 'Disputed' }).click();
  await expect(page.locator('main [data-claim-id]:not(.muted)')).toHaveCount(1);
  await page.keyboard.press('j');
  await expect(claims(page).nth(1)).toBeFocused();
  await page.getByRole('radio', { name: 'All' }).click();
  await expect(page.locator('main [data-claim-id].muted')).toHaveCount(0);

  // The shortcuts list opens with ? and closes with Escape.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('the entities panel groups spellings and highlights every mention', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const panel = page.getByRole('region', { name: 'Entities' });
  const ushakov = panel.getByRole('button', { name: /^Yuri Ushakov/ });
  await expect(ushakov).toContainText('as Ushakov');
  await expect(ushakov).toContainText('Yuri Ushakov');
  await ushakov.click();
  await expect(ushakov).toHaveAttribute('aria-pressed', 'true');
  const highlighted = page.locator('main [data-mark="entity"].highlighted');
  const inFirst = await highlighted.count();
  expect(inFirst).toBeGreaterThan(1);
  await expect(highlighted.first()).toHaveAttribute('title', /Yuri Ushakov/);
  // The count for article 1 in the panel matches the highlighted mentions.
  await expect(ushakov).toContainText(`1: ${inFirst}`);
  // Selecting it again clears the highlight.
  await ushakov.click();
  await expect(highlighted).toHaveCount(0);
});

test('the legend switches a kind of mark off and on', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const moscow = page.locator('main p [data-mark="entity"][data-entity-type="PLACE"]', { hasText: 'Moscow' }).first();
  const style = () => moscow.evaluate((el) => getComputedStyle(el).borderBottomStyle);
  expect(await style()).toBe('dashed');
  const toggle = page.getByRole('group', { name: 'Marks shown' }).getByRole('button', { name: 'place' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await style()).toBe('none');
  // People stay marked; the hook stays on the switched-off mark.
  const putin = page.locator('main p [data-entity-type="PERSON"]', { hasText: 'Vladimir Putin' }).first();
  expect(await putin.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
  await expect(moscow).toHaveAttribute('data-mark', 'entity');
  await toggle.click();
  expect(await style()).toBe('dashed');
});

test('keyboard focus reaches the marks of the focused claim and shows their details', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const claim = claims(page).filter({ has: page.locator('[data-mark="entity"]') }).first();
  await claim.click();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-mark', /entity|quote|number/);
  const detail = await focused.getAttribute('data-detail');
  expect(detail).toBeTruthy();
  const shown = await focused.evaluate((el) => getComputedStyle(el, '::after').content);
  expect(shown).toBe(JSON.stringify(detail));
  // Marks of other claims stay out of the tab order.
  await expect(page.locator('main [data-mark][tabindex="0"]').first()).toBeAttached();
  const outside = await page.locator('main [data-mark][tabindex="0"]').evaluateAll((els) => els.filter((e) => !e.closest('.claim.focused')).length);
  expect(outside).toBe(0);
});
