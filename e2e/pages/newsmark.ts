import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the newsmark app: find things by role and label, as a user would. */
export class Newsmark {
  readonly articleList: Locator;
  readonly reading: Locator;

  constructor(readonly page: Page) {
    this.articleList = page.getByRole('navigation', { name: 'Articles' });
    this.reading = page.getByRole('main', { name: 'Article' });
  }

  async open() {
    await this.page.goto('/');
    await expect(this.entries().first()).toBeVisible();
  }

  /** One button per article in the list (not the add and remove controls). */
  entries(): Locator {
    return this.articleList.locator('button.article-entry');
  }

  /** The dialog for pasting text and opening files. */
  async openAddDialog(): Promise<Locator> {
    await this.articleList.getByRole('button', { name: '+ Add articles' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add your own articles' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async paste(text: string) {
    const dialog = await this.openAddDialog();
    await dialog.getByLabel(/Paste the text of an article/).fill(text);
    await dialog.getByRole('button', { name: 'Add pasted text' }).click();
  }

  async openFiles(paths: string[]) {
    const dialog = await this.openAddDialog();
    await dialog.locator('input[type=file]').setInputFiles(paths);
  }

  async select(headline: string | RegExp) {
    await this.entries().filter({ hasText: headline }).click();
  }

  headline(): Locator {
    return this.reading.getByRole('heading', { level: 1 });
  }
}

/** The claims of the reading pane, by their stable hooks. */
export function claims(page: Page): Locator {
  return page.locator('main [data-claim-id]');
}

export function marks(page: Page, kind: 'entity' | 'quote' | 'number'): Locator {
  return page.locator(`main [data-mark="${kind}"]`);
}

/** Every entry of localStorage, to check that something left stored data as it was. */
export async function storedData(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null) out[key] = localStorage.getItem(key) ?? '';
    }
    return out;
  });
}

/** The export and import dialogs. */
export class Share {
  constructor(readonly page: Page) {}

  async openExport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export annotations…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export annotations' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Export everything as a file; returns the file's path. */
  async download(path: string, options: { texts?: boolean; name?: string } = {}): Promise<string> {
    const dialog = await this.openExport();
    await dialog.getByLabel(/All articles/).check();
    if (options.texts) await dialog.getByLabel(/Include the article texts/).check();
    if (options.name !== undefined) {
      await dialog.getByLabel(/Your name/).fill(options.name);
      await dialog.getByLabel(/Your name/).press('Tab');
    }
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download (.jsonld)' }).click(),
    ]);
    await download.saveAs(path);
    await expect(dialog.getByRole('status')).toContainText('Downloaded');
    await dialog.getByRole('button', { name: 'Close' }).click();
    return path;
  }

  async openImport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import annotations…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import annotations' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Open a file in the import dialog; the dialog then shows a preview or a message. */
  async importFile(path: string): Promise<Locator> {
    const dialog = await this.openImport();
    await dialog.locator('input[type=file]').setInputFiles(path);
    return dialog;
  }

  /** The counts of the preview: new, already present, conflicting, cannot be placed. */
  counts(dialog: Locator): Locator {
    return dialog.getByRole('list', { name: 'What the file holds' });
  }
}
