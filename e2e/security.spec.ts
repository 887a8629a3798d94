import { test, expect } from '@playwright/test';
import { Newsmark, Share, claims } from './pages/newsmark';

/** Record every Content-Security-Policy violation of the page, from its first script on. */
async function recordViolations(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
}

const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the page runs under a strict Content-Security-Policy with no violation of its own', async ({ page }) => {
  await recordViolations(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new Newsmark(page);
  await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "'wasm-unsafe-eval'"]) {
    expect(policy).toContain(part);
  }
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain('http');
  // Use it: tag, open the shortcuts, the export and import dialogs, another article.
  await claims(page).nth(1).click();
  await page.keyboard.press('d');
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'disputed');
  const share = new Share(page);
  await (await share.openExport()).getByRole('button', { name: 'Close' }).click();
  await (await share.openImport()).getByRole('button', { name: 'Cancel' }).click();
  await app.entries().nth(2).click();
  await expect(claims(page).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(requests.every((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
});

test('an injected inline script, a remote image and a remote fetch are blocked and reported', async ({ page }) => {
  await recordViolations(page);
  // A request the policy blocks never completes (Chromium still reports that it began).
  const finished: string[] = [];
  page.on('requestfinished', (r) => finished.push(r.url()));
  await new Newsmark(page).open();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 1';
    document.head.append(s);
    const img = new Image();
    img.src = 'https://tracker.example/pixel.png';
    document.body.append(img);
    fetch('https://tracker.example/beacon').catch(() => {});
  });
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(3);
  const seen = await violations(page);
  expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
  expect(seen.some((v) => v.startsWith('img-src https://tracker.example'))).toBe(true);
  expect(seen.some((v) => v.startsWith('connect-src https://tracker.example'))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  expect(finished.filter((u) => u.includes('tracker.example'))).toEqual([]);
});
