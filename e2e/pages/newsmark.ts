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
