import { test, expect } from '@playwright/test';
import { Newsmark, claims, marks } from './pages/newsmark';

const fixture = (name: string) => `${process.cwd()}/tests/fixtures/${name}`;

const pasted = `Harbour reopens after storm

The port of Valletta reopened on Friday after a storm closed it for three days, the transport ministry said.

Harbour master Joseph Camilleri said the damage was “less than we feared” and that 14 ships were waiting to dock.`;

test('a pasted article is analysed, shown, and still there after a reload', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await app.paste(pasted);
  await expect(app.entries()).toHaveCount(6);
  await expect(app.headline()).toHaveText('Harbour reopens after storm');
  await expect(marks(page, 'entity').filter({ hasText: 'Joseph Camilleri' })).toHaveAttribute('data-entity-type', 'PERSON');
  await expect(marks(page, 'quote').first()).toHaveAttribute('data-speaker', 'Joseph Camilleri');
  await expect(marks(page, 'number').filter({ hasText: '14' })).toHaveCount(1);
  await claims(page).nth(1).click();
  await page.keyboard.press('d');
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'disputed');

  await page.reload();
  await expect(app.entries()).toHaveCount(6);
  await app.select('Harbour reopens after storm');
  await expect(app.headline()).toHaveText('Harbour reopens after storm');
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'disputed');
  await expect(app.entries().nth(5)).toContainText('added by you');
});

test('text pasted without its headline is read as prose, its claims tagged', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const prose =
    'Divers searching the harbour of Valletta found the missing trawler on Friday, two days after it sank in a storm, ' +
    'the coast guard said in a statement. All six crew members had been rescued on Wednesday by a passing ferry, and ' +
    'harbour master Joseph Camilleri said the wreck would be raised next week.';
  await app.paste(prose);
  await expect(app.entries()).toHaveCount(6);
  // No line of it is a headline: every sentence is a claim, named by its first words.
  await expect(claims(page)).toHaveCount(2);
  await expect(app.headline()).toHaveText(/^Divers searching the harbour/);
  await expect(app.reading.locator('.byline')).toHaveText('2 claims');
  await expect(marks(page, 'entity').filter({ hasText: 'Joseph Camilleri' })).toHaveAttribute('data-entity-type', 'PERSON');
  await claims(page).first().click();
  await page.keyboard.press('c');
  await expect(claims(page).first()).toHaveAttribute('data-verdict', 'confirmed');
});

test('HTML and Markdown files are read without running anything, and survive a reload', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new Newsmark(page);
  await app.open();
  await app.openFiles([fixture('flood-report.html')]);
  await expect(app.headline()).toHaveText('Floods force thousands from homes in northern Italy');
  await expect(app.entries()).toHaveCount(6);
  const text = await app.reading.locator('article').innerText();
  for (const chrome of ['cookies', 'Share on Facebook', 'Related stories', 'First!', 'All rights reserved']) {
    expect(text).not.toContain(chrome);
  }
  expect(await page.evaluate(() => (window as any).__evil)).toBeUndefined();
  expect(await page.title()).toBe('newsmark');
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
  await expect(marks(page, 'entity').filter({ hasText: 'Michele de Pascale' })).toHaveAttribute('data-entity-type', 'PERSON');

  // The same story as Markdown is a different text, so a second article.
  await app.openFiles([fixture('flood-report.md')]);
  await expect(app.entries()).toHaveCount(7);
  await page.reload();
  await expect(app.entries()).toHaveCount(7);
  await expect(app.entries().nth(5)).toContainText('flood-report.html');
  await expect(app.entries().nth(6)).toContainText('flood-report.md');
});

test('own articles can be removed; seeds cannot', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await app.paste(pasted);
  await expect(app.entries()).toHaveCount(6);
  await expect(app.articleList.getByRole('button', { name: /^Remove/ })).toHaveCount(1);
  await app.articleList.getByRole('button', { name: 'Remove “Harbour reopens after storm”' }).click();
  await expect(app.entries()).toHaveCount(5);
  await page.reload();
  await expect(app.entries()).toHaveCount(5);
});

test('adding the same text twice says so instead of listing it again', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  await app.paste(pasted);
  await expect(app.entries()).toHaveCount(6);
  await app.paste(pasted);
  await expect(page.getByRole('alert')).toContainText('already open');
  await expect(app.entries()).toHaveCount(6);
});

test('a file that is not text gets a clear message and changes nothing', async ({ page }) => {
  const app = new Newsmark(page);
  await app.open();
  const dialog = await app.openAddDialog();
  await dialog.locator('input[type=file]').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
  await expect(page.getByRole('alert')).toContainText('photo.txt is not text');
  await expect(app.entries()).toHaveCount(5);
});

// Tagged @solo: it measures the page staying responsive under a 3 MB analysis, so it runs
// after the other tests, alone, rather than sharing the two cores with another browser.
test('a large article is analysed in the background with visible progress', { tag: '@solo' }, async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Newsmark(page);
  await app.open();
  // About 3 MB: the seeds' paragraphs many times over, with a headline of its own.
  const body = await page.evaluate(() => {
    const paras = Array.from(document.querySelectorAll('main article p:not(.byline)')).map((p) => (p as HTMLElement).innerText);
    const out: string[] = [];
    let size = 0;
    for (let i = 0; size < 3_000_000; i++) {
      const p = `${paras[i % paras.length]} (${i})`;
      out.push(p);
      size += p.length + 2;
    }
    return out.join('\n\n');
  });
  const dialog = await app.openAddDialog();
  await dialog.locator('input[type=file]').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(`A very long report\n\n${body}`) });
  const status = app.articleList.getByRole('status');
  await expect(status).toContainText('Analysing 1 new article');
  await expect(status.locator('progress')).toBeVisible();
  // While the worker analyses, the page still answers: tag a seed claim meanwhile.
  await claims(page).nth(0).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(0)).toHaveAttribute('data-verdict', 'confirmed');
  await expect(app.headline()).toHaveText('A very long report', { timeout: 60_000 });
  await expect(status).toHaveCount(0);
});

test('without a working analysis worker, articles are analysed on the page instead', async ({ page }) => {
  await page.route('**/newsmark-worker_loader.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const app = new Newsmark(page);
  await app.open();
  await app.paste(pasted);
  await expect(app.headline()).toHaveText('Harbour reopens after storm');
  await expect(app.entries()).toHaveCount(6);
  await app.paste(`${pasted}\n\nA second edition adds this sentence.`);
  await expect(app.entries()).toHaveCount(7);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
