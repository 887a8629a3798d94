import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Newsmark, Share, claims, storedData } from './pages/newsmark';

const fixtures = join(process.cwd(), 'tests/fixtures');

/** Tag three claims of the first article and one of the second, with notes. */
async function tagSome(page: Page) {
  const app = new Newsmark(page);
  await app.open();
  const all = claims(page);
  await all.nth(1).click();
  await page.keyboard.press('d');
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Note on this claim' }).fill('Kremlin says “Wednesday”, not Tuesday');
  await page.getByRole('button', { name: 'Save note' }).click();
  await all.nth(3).click();
  await page.keyboard.press('c');
  await all.nth(6).click();
  await all.nth(6).getByRole('button', { name: 'Note…' }).click();
  await page.getByRole('textbox', { name: 'Note on this claim' }).fill('check the AFP figure');
  await page.getByRole('button', { name: 'Save note' }).click();
  await app.select(/no territorial compromise/);
  await claims(page).nth(2).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(2)).toHaveAttribute('data-verdict', 'confirmed');
}

/** "Desk A", in a browser profile of its own, tags some claims and exports them to a file. */
async function deskExport(browser: Browser, dir: string) {
  mkdirSync(dir, { recursive: true });
  const deskPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await tagSome(deskPage);
  const file = await new Share(deskPage).download(join(dir, 'desk-a.jsonld'), { name: 'Desk A' });
  return { deskPage, file, dir };
}

/** What the page shows of the tags: verdict and note of every claim of every article. */
async function shownTags(page: Page): Promise<string[]> {
  const app = new Newsmark(page);
  const out: string[] = [];
  const n = await app.entries().count();
  for (let i = 0; i < n; i++) {
    await app.entries().nth(i).click();
    await expect(app.entries().nth(i)).toHaveAttribute('aria-current', 'true');
    const rows = await claims(page).evaluateAll((els) =>
      els
        .map((el) => ({ id: el.getAttribute('data-claim-id'), verdict: el.getAttribute('data-verdict'), note: el.querySelector('.note')?.textContent ?? '' }))
        .filter((c) => c.verdict !== 'none' || c.note !== '')
        .map((c) => `${c.id} ${c.verdict} ${c.note}`),
    );
    out.push(...rows.map((r) => `${i} ${r}`));
  }
  return out;
}

test('export, then import into a fresh browser profile: every tag and note comes back, and survives a reload', async ({ browser }, info) => {
  const { deskPage, file, dir } = await deskExport(browser, info.outputPath('share'));
  const expected = await shownTags(deskPage);
  expect(expected.length).toBe(4);

  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(json.total).toBe(4);
  expect(json.first.items[0].creator.name).toBe('Desk A');

  // Another browser profile: nothing stored, nothing shared with the first.
  const colleague = await browser.newContext({ acceptDownloads: true });
  const page = await colleague.newPage();
  await new Newsmark(page).open();
  const share = new Share(page);
  const dialog = await share.importFile(file);
  await expect(share.counts(dialog)).toContainText('4 new');
  await expect(share.counts(dialog)).toContainText('0 conflicting');
  await dialog.getByRole('button', { name: 'Apply import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toContainText('4 tags imported');
  expect(await shownTags(page)).toEqual(expected);
  await page.reload();
  await expect(new Newsmark(page).entries().first()).toBeVisible();
  expect(await shownTags(page)).toEqual(expected);

  // Exported again from the second profile, the file is the same apart from its date.
  const again = JSON.parse(readFileSync(await share.download(join(dir, 'again.jsonld')), 'utf8'));
  delete json.generated;
  delete again.generated;
  expect(again).toEqual(json);
  await colleague.close();
});

test("a colleague's tag on a claim the reader tagged is kept beside the reader's, who said what", async ({ browser }, info) => {
  const { file } = await deskExport(browser, info.outputPath('share'));

  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await new Newsmark(page).open();
  // The reader here confirmed the claim Desk A disputed.
  await claims(page).nth(1).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'confirmed');
  const before = await storedData(page);

  const share = new Share(page);
  let dialog = await share.importFile(file);
  await expect(share.counts(dialog)).toContainText('4 new');
  await expect(share.counts(dialog)).toContainText('0 conflicting');
  await expect(dialog).toContainText('New tags by reader (Desk A: 4)');
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedData(page)).toEqual(before);

  dialog = await share.importFile(file);
  await dialog.getByRole('button', { name: 'Apply import' }).click();
  await expect(dialog).toBeHidden();
  // The reader's verdict stays theirs; Desk A's shows beside it, with its note.
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'confirmed');
  const chip = claims(page).nth(1).locator('.reader[data-reader="Desk A"]');
  await expect(chip).toHaveText('Desk A: ✗ disputed');
  await expect(chip).toHaveAttribute('title', 'Kremlin says “Wednesday”, not Tuesday');
  // A claim only Desk A tagged shows Desk A's verdict.
  await expect(claims(page).nth(3)).toHaveAttribute('data-verdict', 'confirmed');
  await expect(claims(page).nth(3).locator('.reader')).toHaveText('Desk A: ✓ confirmed');
  // Exported again, each reader's tag is its own annotation.
  const again = JSON.parse(readFileSync(await share.download(info.outputPath('again.jsonld')), 'utf8'));
  expect(again.total).toBe(5);
  expect(new Set(again.first.items.map((a: { id: string }) => a.id)).size).toBe(5);
});

test("the reader's own earlier export conflicts with what they changed since, and only the chosen tag is kept", async ({ browser }, info) => {
  const { deskPage: page, file } = await deskExport(browser, info.outputPath('share'));
  // Desk A changes their mind about the claim they disputed.
  await new Newsmark(page).entries().first().click();
  await claims(page).nth(1).click();
  await page.keyboard.press('c');
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'confirmed');

  const share = new Share(page);
  let dialog = await share.importFile(file);
  await expect(share.counts(dialog)).toContainText('1 conflicting');
  const conflict = dialog.getByRole('group').filter({ hasText: 'Yours (stored here)' });
  await expect(conflict.getByText('From the file (yours, earlier)')).toBeVisible();
  await expect(conflict).toContainText('Confirmed');
  await expect(conflict).toContainText('Disputed');
  // Keep what is here (the default).
  await dialog.getByRole('button', { name: 'Apply import' }).click();
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'confirmed');

  // Importing again and choosing the file's replaces it, note and all.
  dialog = await share.importFile(file);
  await dialog.getByRole('radio', { name: /From the file/ }).check();
  await dialog.getByRole('button', { name: 'Apply import' }).click();
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'disputed');
  await expect(claims(page).nth(1)).toContainText('Kremlin says “Wednesday”, not Tuesday');
  await expect(claims(page).nth(1).locator('.reader')).toHaveCount(0);
});

test('articles carried in the file are added; annotations that fit nowhere are kept, listed and exported again', async ({ browser }, info) => {
  const dir = info.outputPath('share');
  mkdirSync(dir, { recursive: true });
  const desk = await browser.newContext({ acceptDownloads: true });
  const deskPage = await desk.newPage();
  const app = new Newsmark(deskPage);
  await app.open();
  await app.openFiles([join(fixtures, 'flood-report.md')]);
  await expect(app.headline()).toContainText('Floods');
  await claims(deskPage).nth(1).click();
  await deskPage.keyboard.press('d');
  await expect(claims(deskPage).nth(1)).toHaveAttribute('data-verdict', 'disputed');
  const withTexts = await new Share(deskPage).download(join(dir, 'with-texts.jsonld'), { texts: true });

  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const here = new Newsmark(page);
  await here.open();
  const share = new Share(page);
  const dialog = await share.importFile(withTexts);
  await expect(dialog).toContainText('The file carries 1 article not open here');
  await expect(share.counts(dialog)).toContainText('1 new');
  await dialog.getByRole('button', { name: 'Apply import' }).click();
  await expect(here.entries()).toHaveCount(6);
  await here.select(/Floods/);
  await expect(claims(page).nth(1)).toHaveAttribute('data-verdict', 'disputed');

  // A Hypothesis export about a passage no open article has.
  const hypothesis = join(dir, 'hypothesis.json');
  writeFileSync(hypothesis, JSON.stringify({ annotations: [
    { id: 'Hx1', uri: 'https://example.org/other', text: 'Source?', tags: ['disputed'], user: 'acct:sam@hypothes.is',
      created: '2025-01-02T03:04:05.000000+00:00', updated: '2025-01-02T03:04:05.000000+00:00',
      target: [{ source: 'https://example.org/other', selector: [{ type: 'TextQuoteSelector', exact: 'A sentence that no open article contains at all.', prefix: '', suffix: '' }] }] },
  ] }));
  const d2 = await share.importFile(hypothesis);
  await expect(d2).toContainText('Hypothesis');
  await expect(share.counts(d2)).toContainText('1 cannot be placed');
  await d2.getByRole('button', { name: 'Apply import' }).click();
  await page.getByRole('button', { name: 'Unplaced annotations (1)' }).click();
  const list = page.getByRole('dialog', { name: 'Unplaced annotations (1)' });
  await expect(list).toContainText('A sentence that no open article contains at all.');
  await list.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Unplaced annotations (1)' })).toBeVisible();
  const out = JSON.parse(readFileSync(await share.download(join(dir, 'out.jsonld')), 'utf8'));
  expect(out.first.items.map((a: { id: string }) => a.id)).toContain('https://hypothes.is/a/Hx1');
});

test('copy to the clipboard, paste into the import dialog, and ClaimReview', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await tagSome(page);
  const share = new Share(page);
  let dialog = await share.openExport();
  await dialog.getByLabel(/All articles/).check();
  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog.getByRole('status')).toContainText('Copied 4 annotations');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied).type).toBe('AnnotationCollection');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download ClaimReview' }).click()]);
  const reviews = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(reviews['@context']).toBe('https://schema.org');
  const ratings = reviews['@graph'].map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName).sort();
  expect(ratings).toEqual(['Confirmed', 'Confirmed', 'Disputed']);
  for (const r of reviews['@graph']) {
    expect(r['@type']).toBe('ClaimReview');
    expect(r.claimReviewed.length).toBeGreaterThan(10);
    expect(r.itemReviewed.appearance.length).toBeGreaterThan(0);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Pasted into a fresh profile's import dialog.
  const other = await (await browser.newContext()).newPage();
  await new Newsmark(other).open();
  const s2 = new Share(other);
  dialog = await s2.openImport();
  // A cut-off paste: the message, and the pasted text is still there to mend.
  const cut = copied.slice(0, 200);
  await dialog.getByLabel('Or paste annotations (JSON)').fill(cut);
  await dialog.getByRole('button', { name: 'Read pasted annotations' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“Pasted annotations” could not be imported: the file is not valid JSON: the file ends too soon');
  await expect(dialog.getByLabel('Or paste annotations (JSON)')).toHaveValue(cut);
  await dialog.getByLabel('Or paste annotations (JSON)').fill(copied);
  await dialog.getByRole('button', { name: 'Read pasted annotations' }).click();
  await expect(s2.counts(dialog)).toContainText('4 new');
});

test('malformed and hostile files: each gives its message in an alert, and stored data stays byte-identical', async ({ page }, info) => {
  test.setTimeout(120_000);
  await tagSome(page);
  const before = await storedData(page);
  expect(Object.keys(before).some((k) => k.startsWith('newsmark.v1.tags.'))).toBe(true);
  const dir = join(fixtures, 'hostile');
  const cases = readFileSync(join(dir, 'expected.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string])
    // Files that are valid Web Annotations after all are read, not refused (see below).
    .filter(([, e]) => !/^(skipped|ignored|orphan): /.test(e));
  // And a 50 MB file, made here rather than kept in the repository.
  const big = info.outputPath('fifty-megabytes.json');
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const all: [string, string][] = [...cases.map(([n, e]) => [join(dir, n), e] as [string, string]), [big, 'at most 32.0 MB']];
  expect(all.length).toBeGreaterThanOrEqual(31);
  const share = new Share(page);
  const dialog = await share.openImport();
  for (const [path, expected] of all) {
    await dialog.locator('input[type=file]').setInputFiles(path);
    const alert = dialog.getByRole('alert');
    await expect(alert, path).toContainText(`“${basename(path)}” could not be imported`);
    await expect(alert, path).toContainText(expected);
    await expect(alert).toContainText('Nothing was changed.');
    await expect(dialog.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
  }
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedData(page)).toEqual(before);
});

test('a file with a page note next to a passage annotation: the passage imports, the note is listed as left out with why', async ({ page }) => {
  await new Newsmark(page).open();
  const share = new Share(page);
  const dialog = await share.openImport();
  const file = join(fixtures, 'annotation-tests', 'third-party', 'T21_collection_with_page_note.json');
  await dialog.locator('input[type=file]').setInputFiles(file);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toContainText('Left out: annotation 2 (https://third.example/a/21b): the target is only the article');
  await expect(dialog.getByRole('button', { name: 'Apply import' })).toBeVisible();
});
